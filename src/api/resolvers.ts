/** Resolvers for schema/skillgraph.graphql: thin, each a few lines over the services. */
import DataLoader from 'dataloader';
import { actorOf, hasRole, requireRole } from './auth.ts';
import type { Role } from './auth.ts';
import { connection, decodeCursor, encodeCursor, pageSize, searchText } from './connection.ts';
import type { Connection } from './connection.ts';
import { apiError } from './errors.ts';
import { DateTimeScalar, JSONScalar } from './scalars.ts';
import type { ExtractedSkill } from '../extraction/extract.ts';
import type { DocumentKind } from '../extraction/segment.ts';
import { marketplaceResolvers } from './marketplace.ts';
import { matchingResolvers } from './matching.ts';
import { exportResolvers } from './export.ts';
import { modelResolvers } from './models.ts';
import { suggestionResolvers } from './suggestions.ts';
import { titleResolvers } from './titles.ts';
import { releaseResolvers } from './releases.ts';
import { changeSetResolvers, requireDirectEdit } from './changesets.ts';
import { termResolvers } from './terms.ts';
import { isLoaded, requireSkill } from './context.ts';
import { upper } from './enums.ts';
import type { Context } from './context.ts';
import type { AuditOperation, Resolvers } from './generated/schema.ts';
import type { AuditFeed, AuditRecord, NodeLabel, NodeRecord } from '../store/types.ts';
import type { CreateSkillInput, TaxonomyEditor, UpdateSkillInput } from '../taxonomy/edit.ts';
import { expandSkills } from '../taxonomy/expand.ts';
import type { ExpandedSkill, ExpansionRelation } from '../taxonomy/expand.ts';
import { toSkill } from '../taxonomy/model.ts';
import type { RelationType, Skill } from '../taxonomy/model.ts';
import type { LabelSearchIndex } from '../taxonomy/search.ts';
import { toOccupation } from '../taxonomy/service.ts';
import type { OccupationView } from '../taxonomy/service.ts';
import type { OccupationEditor, OccupationInput } from '../taxonomy/occupations.ts';

/** Every AuditOperation a stored operation name maps to by its spelling; the type makes the list complete. */
const AUDIT_OPERATIONS = new Set(
  Object.keys({
    CREATE_SKILL: true,
    UPDATE_SKILL: true,
    ADD_SKILL_ALIAS: true,
    REMOVE_SKILL_ALIAS: true,
    SET_SKILL_PARENTS: true,
    RELATE_SKILLS: true,
    UNRELATE_SKILLS: true,
    DEPRECATE_SKILL: true,
    MERGE_SKILLS: true,
    SEED: true,
    UPSERT_MEMBER: true,
    UPSERT_JOB: true,
    DELETE_MEMBER: true,
    DELETE_JOB: true,
    RECORD_INTERACTION: true,
    CONFIRM_JOB_SKILL: true,
    REJECT_JOB_SKILL: true,
    ADD_JOB_SKILL: true,
    CONFIRM_MEMBER_SKILL: true,
    REJECT_MEMBER_SKILL: true,
    ADD_MEMBER_SKILL: true,
    FLAG_JOB_SKILL: true,
    CREATE_OCCUPATION: true,
    UPDATE_OCCUPATION: true,
    SET_OCCUPATION_SKILLS: true,
    CREATE_RELEASE: true,
    MINE_RELATED_SKILLS: true,
    ACCEPT_RELATED_SKILL_SUGGESTION: true,
    DISMISS_RELATED_SKILL_SUGGESTION: true,
    PROPOSE_CHANGE_SET: true,
    COMMENT_ON_CHANGE_SET: true,
    APPROVE_CHANGE_SET: true,
    REJECT_CHANGE_SET: true,
    WITHDRAW_CHANGE_SET: true,
    IGNORE_UNMAPPED_TERM: true,
  } satisfies Record<Exclude<AuditOperation, 'IMPORT' | 'OTHER'>, true>),
);

/** Taxonomy-feed records about the editors' workflow rather than the taxonomy: content for editors only. */
const WORKFLOW_OPERATIONS = new Set([
  'proposeChangeSet',
  'commentOnChangeSet',
  'approveChangeSet',
  'rejectChangeSet',
  'withdrawChangeSet',
  'ignoreUnmappedTerm',
]);

/** A stored operation name (createSkill, import:Skill…) as the AuditOperation enum value. */
function auditOperation(op: string): AuditOperation {
  if (op.startsWith('import:')) return 'IMPORT';
  const name = op.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
  return (AUDIT_OPERATIONS.has(name) ? name : 'OTHER') as AuditOperation;
}

/** Who may read each kind of Node (src/api's root queries check the same roles). */
const NODE_READERS: Array<[NodeLabel, Role | null]> = [
  ['Skill', null],
  ['Occupation', null],
  ['Job', 'reader'],
  ['Company', 'reader'],
  ['Location', 'reader'],
  ['Title', 'reader'],
  ['Member', 'admin'],
];

/**
 * The object behind a Node id, tagged with its type; null when none exists or the caller may not read its kind
 * (so node() is no oracle for members' ids). Ids are unique across kinds (see the Node interface).
 */
type NodeTypename = 'Skill' | 'Occupation' | 'Member' | 'Job' | 'Company' | 'Location' | 'Title';
type Tagged = (NodeRecord | Skill | OccupationView) & { __typename: NodeTypename };

async function findNode(ctx: Context, id: string): Promise<Tagged | null> {
  for (const [label, role] of NODE_READERS) {
    if (role && !hasRole(ctx.principal, role)) continue;
    if (label === 'Skill') {
      const skill = await ctx.loaders.skill.load(id);
      if (skill) return { ...skill, __typename: 'Skill' as const };
    } else if (label === 'Occupation') {
      const occupation = await ctx.loaders.occupation.load(id);
      if (occupation) return { ...occupation, __typename: 'Occupation' as const };
    } else {
      const node = await ctx.services.store.getNode({ label, id });
      if (node) return { ...node, __typename: label as NodeTypename };
    }
  }
  return null;
}

/** extractSkills answers at most this many skills (Extraction.skills' @listSize). */
const MAX_EXTRACTED_SKILLS = 200;

async function loadAll<T>(loader: DataLoader<string, T | null>, ids: string[]): Promise<T[]> {
  return (await loader.loadMany(ids)).filter(isLoaded);
}

/**
 * Gives a request's loader the taxonomy's records of `ids` (`view`: as of its last sync, so call right after one):
 * answering with them reads nothing from the store; ids it has no record of are left to the loader.
 */
function prime<T>(loader: DataLoader<string, T | null>, view: (id: string) => T | undefined, ids: Iterable<string>) {
  for (const id of ids) {
    const v = view(id);
    if (v) loader.prime(id, v);
  }
}

function primeSkills(ctx: Context, ids: Iterable<string>): void {
  prime(ctx.loaders.skill, (id) => ctx.services.taxonomy.skillView(id), ids);
}

/** Skills named by ids the taxonomy just gave out after a sync (parents, children …), from its records. */
function syncedSkills(ctx: Context, ids: string[]): Promise<Skill[]> {
  primeSkills(ctx, ids);
  return loadAll(ctx.loaders.skill, ids);
}

function primeOccupations(ctx: Context, ids: Iterable<string>): void {
  prime(ctx.loaders.occupation, (id) => ctx.services.taxonomy.occupationView(id), ids);
}

/** The same for occupations (groups, their members, the roots). */
function syncedOccupations(ctx: Context, ids: string[]): Promise<OccupationView[]> {
  primeOccupations(ctx, ids);
  return loadAll(ctx.loaders.occupation, ids);
}

async function idConnection<T>(
  label: 'Skill' | 'Occupation',
  ctx: Context,
  first: number | null | undefined,
  after: string | null | undefined,
  map: (n: NodeRecord) => T & { id: string },
): Promise<Connection<T>> {
  const n = pageSize(first);
  const page = await ctx.services.store.listNodes(label, { first: n, after: decodeCursor(after, 'id') });
  const edges = page.items.map((item) => ({ node: map(item), cursor: encodeCursor('id', item.id) }));
  return {
    ...connection(edges, { hasNextPage: page.next !== null, hasPreviousPage: after != null }),
    totalCount: await ctx.services.store.countNodes(label),
  };
}

/**
 * A page of ranked search results, addressed by offset; each edge says how it matched. The hits' records come from
 * the snapshot the index was built from (`view`; no store round trip), and prime the request's loader.
 */
async function searchConnection<T>(
  index: LabelSearchIndex,
  loader: DataLoader<string, T | null>,
  view: (id: string) => T | undefined,
  search: string,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<T>> {
  const first = pageSize(args.first);
  const offset = decodeCursor(args.after, 'offset');
  const { hits, total } = index.search(search, { limit: offset + first });
  const page = hits.slice(offset);
  const nodes = await Promise.all(
    page.map((h) => {
      const known = view(h.id);
      if (known === undefined) return loader.load(h.id);
      loader.prime(h.id, known);
      return known;
    }),
  );
  const edges = page.map((h, i) => ({
    node: nodes[i] as T,
    cursor: encodeCursor('offset', offset + i + 1),
    match: { kind: h.match, matched: h.matched, score: h.score },
  }));
  return {
    ...connection(edges, { hasNextPage: offset + first < total, hasPreviousPage: offset > 0 }),
    totalCount: total,
  };
}

/** History newest first, paged by sequence number. */
async function historyConnection(
  ctx: Context,
  opts: {
    feed: AuditFeed;
    subject?: string | null;
    since?: string | null;
    first?: number | null;
    after?: string | null;
  },
) {
  const first = pageSize(opts.first);
  const before = opts.after ? Number(decodeCursor(opts.after, 'id')) : undefined;
  if (before !== undefined && !Number.isInteger(before))
    throw apiError('BAD_USER_INPUT', 'after is not a history cursor.');
  const since = opts.since ?? undefined; // a DateTime: checked and in UTC already
  const filter = { feed: opts.feed, subject: opts.subject ?? undefined, since };
  const [rows, totalCount] = await Promise.all([
    ctx.services.store.history({ ...filter, before, first: first + 1 }),
    ctx.services.store.countHistory(filter),
  ]);
  const edges = rows.slice(0, first).map((r) => ({ node: r, cursor: encodeCursor('id', r.seq) }));
  return {
    ...connection(edges, { hasNextPage: rows.length > first, hasPreviousPage: before !== undefined }),
    totalCount,
  };
}

/** Direct taxonomy edits (requireDirectEdit), then the editor does the work; the request's caches are dropped after. */
function edit<A>(action: string, run: (editor: TaxonomyEditor, actor: string, args: A) => Promise<Skill>) {
  return async (_: unknown, args: A, ctx: Context) => {
    requireDirectEdit(ctx, action);
    const skill = await run(ctx.services.editor, actorOf(ctx.principal), args);
    ctx.loaders.skill.clearAll();
    return skill;
  };
}

function occupationEdit<A>(
  action: string,
  run: (editor: OccupationEditor, actor: string, args: A) => Promise<NodeRecord>,
) {
  return async (_: unknown, args: A, ctx: Context) => {
    requireDirectEdit(ctx, action);
    const node = await run(ctx.services.occupations, actorOf(ctx.principal), args);
    ctx.loaders.occupation.clearAll();
    return toOccupation(node);
  };
}

export const resolvers: Resolvers = {
  ...marketplaceResolvers,
  RelatedSkillSuggestion: suggestionResolvers.RelatedSkillSuggestion,
  ChangeSet: changeSetResolvers.ChangeSet,
  ChangeSetEditEffect: { operation: (e) => auditOperation(e.operation) },
  TitleNormalization: titleResolvers.TitleNormalization,
  TitleCandidate: titleResolvers.TitleCandidate,
  ...matchingResolvers,
  Query: {
    ...marketplaceResolvers.Query,
    ...matchingResolvers.Query,
    ...exportResolvers.Query,
    ...modelResolvers.Query,
    ...suggestionResolvers.Query,
    ...titleResolvers.Query,
    ...releaseResolvers.Query,
    ...changeSetResolvers.Query,
    ...termResolvers.Query,
    occupationRoots: async (_: unknown, __: unknown, ctx: Context) =>
      (await syncedOccupations(ctx, await ctx.services.taxonomy.occupationRootIds())).sort((a, b) =>
        a.label.localeCompare(b.label),
      ),
    skillRoots: async (_: unknown, __: unknown, ctx: Context) =>
      (await syncedSkills(ctx, await ctx.services.taxonomy.rootIds())).sort((a, b) => a.label.localeCompare(b.label)),
    skill: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.skill.load(args.id),
    skills: async (
      _: unknown,
      args: { search?: string | null; first?: number | null; after?: string | null },
      ctx: Context,
    ) => {
      const search = searchText(args.search);
      if (!search) return idConnection('Skill', ctx, args.first, args.after, toSkill);
      const { taxonomy } = ctx.services;
      return searchConnection(taxonomy.skillIndex, ctx.loaders.skill, (id) => taxonomy.skillView(id), search, args);
    },
    occupation: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.occupation.load(args.id),
    occupations: async (
      _: unknown,
      args: { search?: string | null; first?: number | null; after?: string | null },
      ctx: Context,
    ) => {
      const search = searchText(args.search);
      if (!search) return idConnection('Occupation', ctx, args.first, args.after, toOccupation);
      const { taxonomy } = ctx.services;
      return searchConnection(
        taxonomy.occupationIndex,
        ctx.loaders.occupation,
        (id) => taxonomy.occupationView(id),
        search,
        args,
      );
    },
    expandSkills: async (
      _: unknown,
      args: { ids: string[]; relations: ExpansionRelation[]; maxDepth: number; limit: number },
      ctx: Context,
    ) => {
      if (args.ids.length === 0 || args.ids.length > 100)
        throw apiError('BAD_USER_INPUT', 'ids must name 1 to 100 skills.');
      if (!Number.isInteger(args.maxDepth) || args.maxDepth < 1 || args.maxDepth > 3)
        throw apiError('BAD_USER_INPUT', 'maxDepth must be 1, 2 or 3.');
      if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > 500)
        throw apiError('BAD_USER_INPUT', 'limit must be from 1 to 500.');
      if (args.relations.length === 0)
        throw apiError('BAD_USER_INPUT', 'relations must name at least one of PARENT, CHILD, SIBLING, RELATED.');
      // The skills and their links in memory, brought up to the store's change feed first (one round trip when
      // nothing was committed since the last sync).
      const taxonomy = ctx.services.taxonomy;
      await taxonomy.sync();
      const missing = args.ids.filter((id) => !taxonomy.skillView(id));
      if (missing.length) throw apiError('NOT_FOUND', `No skill has id ${missing.map((m) => `"${m}"`).join(', ')}.`);
      const expanded = await expandSkills(taxonomy.links, [...new Set(args.ids)], {
        relations: args.relations,
        maxDepth: args.maxDepth,
        limit: args.limit,
      });
      // Their records from the same synced snapshot: the answer's skills need no store read.
      primeSkills(
        ctx,
        expanded.flatMap((x) => [x.skillId, x.fromId, ...x.path.map((step) => step.skillId)]),
      );
      return expanded;
    },
    extractSkills: async (
      _: unknown,
      args: { text: string; kind: DocumentKind; expand: boolean; minConfidence: number },
      ctx: Context,
    ) => {
      requireRole(ctx.principal, 'reader', 'extractSkills');
      const result = await ctx.services.extraction.extract(args.text, {
        kind: args.kind,
        expand: args.expand,
        minConfidence: args.minConfidence,
        fast: true,
      });
      const skills = await ctx.loaders.skill.loadMany(result.skills.map((s) => s.skillId));
      // A skill deleted since it was indexed is dropped rather than failing the request.
      const found = result.skills.filter((_, i) => skills[i] && !(skills[i] instanceof Error));
      return { ...result, skills: found.slice(0, MAX_EXTRACTED_SKILLS) };
    },
    node: (_: unknown, args: { id: string }, ctx: Context) => findNode(ctx, args.id),
    nodes: (_: unknown, args: { ids: string[] }, ctx: Context) => {
      if (args.ids.length > 100) throw apiError('BAD_USER_INPUT', 'nodes takes at most 100 ids.');
      return Promise.all(args.ids.map((id) => findNode(ctx, id)));
    },
    taxonomyChanges: (
      _: unknown,
      args: { since?: string | null; first?: number | null; after?: string | null },
      ctx: Context,
    ) => historyConnection(ctx, { feed: 'taxonomy', ...args }),
    marketplaceChanges: (
      _: unknown,
      args: { subject?: string | null; since?: string | null; first?: number | null; after?: string | null },
      ctx: Context,
    ) => {
      requireRole(ctx.principal, 'admin', 'marketplaceChanges');
      return historyConnection(ctx, { feed: 'marketplace', ...args });
    },
    viewer: async (_: unknown, __: unknown, ctx: Context) => ({
      role: upper(ctx.principal.role),
      actor: ctx.principal.keyId ? actorOf(ctx.principal) : null,
      directEdits: upper(ctx.services.directEdits),
      store: ctx.services.store.kind,
      skillCount: await ctx.services.store.countNodes('Skill'),
      occupationCount: await ctx.services.store.countNodes('Occupation'),
    }),
  },
  Mutation: {
    ...marketplaceResolvers.Mutation,
    ...exportResolvers.Mutation,
    ...modelResolvers.Mutation,
    ...suggestionResolvers.Mutation,
    ...releaseResolvers.Mutation,
    ...changeSetResolvers.Mutation,
    ...termResolvers.Mutation,
    createOccupation: occupationEdit<{ input: OccupationInput }>('createOccupation', (e, actor, a) =>
      e.create(actor, a.input),
    ),
    updateOccupation: occupationEdit<{ id: string; expectedVersion: number; input: OccupationInput }>(
      'updateOccupation',
      (e, actor, a) => e.update(actor, a.id, a.expectedVersion, a.input),
    ),
    setOccupationSkills: occupationEdit<{
      id: string;
      expectedVersion: number;
      skills: Array<{ skillId: string; relation: 'ESSENTIAL' | 'OPTIONAL' }>;
    }>('setOccupationSkills', (e, actor, a) =>
      e.setSkills(
        actor,
        a.id,
        a.expectedVersion,
        a.skills.map((s) => ({ skillId: s.skillId, relation: s.relation === 'ESSENTIAL' ? 'essential' : 'optional' })),
      ),
    ),
    createSkill: edit<{ input: CreateSkillInput }>('createSkill', (e, actor, a) => e.createSkill(actor, a.input)),
    updateSkill: edit<{ id: string; expectedVersion: number; input: UpdateSkillInput }>('updateSkill', (e, actor, a) =>
      e.updateSkill(actor, a.id, a.expectedVersion, a.input),
    ),
    addSkillAlias: edit<{ id: string; alias: string }>('addSkillAlias', (e, actor, a) =>
      e.addSkillAlias(actor, a.id, a.alias),
    ),
    removeSkillAlias: edit<{ id: string; alias: string }>('removeSkillAlias', (e, actor, a) =>
      e.removeSkillAlias(actor, a.id, a.alias),
    ),
    setSkillParents: edit<{ id: string; parentIds: string[] }>('setSkillParents', (e, actor, a) =>
      e.setSkillParents(actor, a.id, a.parentIds),
    ),
    relateSkills: edit<{ fromId: string; toId: string; type: RelationType }>('relateSkills', (e, actor, a) =>
      e.relateSkills(actor, a.fromId, a.toId, a.type),
    ),
    unrelateSkills: edit<{ fromId: string; toId: string }>('unrelateSkills', (e, actor, a) =>
      e.unrelateSkills(actor, a.fromId, a.toId),
    ),
    mergeSkills: edit<{ sourceId: string; targetId: string }>('mergeSkills', (e, actor, a) =>
      e.mergeSkills(actor, a.sourceId, a.targetId),
    ),
    deprecateSkill: edit<{ id: string; replacedById?: string | null }>('deprecateSkill', (e, actor, a) =>
      e.deprecateSkill(actor, a.id, a.replacedById),
    ),
  },
  JSON: JSONScalar,
  DateTime: DateTimeScalar,
  ExpandedSkill: {
    skill: (x: ExpandedSkill, _: unknown, ctx: Context) => requireSkill(ctx, x.skillId),
    from: (x: ExpandedSkill, _: unknown, ctx: Context) => requireSkill(ctx, x.fromId),
    path: (x: ExpandedSkill) => x.path,
  },
  ExpansionStep: {
    skill: (x: { skillId: string }, _: unknown, ctx: Context) => requireSkill(ctx, x.skillId),
  },
  ExtractedSkill: {
    skill: (x: ExtractedSkill, _: unknown, ctx: Context) => requireSkill(ctx, x.skillId),
    expandedFrom: (x: ExtractedSkill, _: unknown, ctx: Context) =>
      x.expandedFrom ? ctx.loaders.skill.load(x.expandedFrom.skillId) : null,
    expansionPath: (x: ExtractedSkill) => x.expandedFrom?.path ?? null,
  },
  Node: {
    __resolveType: (obj) => (obj as Tagged).__typename as NodeTypename,
  },
  HistoryEntry: {
    operation: (h: AuditRecord) => auditOperation(h.operation),
    subjects: (h: AuditRecord) => h.subjects,
    // Which key made an edit is for editors and admins; others see the role alone.
    actor: (h: AuditRecord, _: unknown, ctx: Context) =>
      hasRole(ctx.principal, 'editor') ? h.actor : h.actor.replace(/:.*$/, ''),
    // Editors' workflow (change-set discussion, ignored terms) is for editors; others see that it happened.
    before: (h: AuditRecord, _: unknown, ctx: Context) =>
      hasRole(ctx.principal, 'editor') || !WORKFLOW_OPERATIONS.has(h.operation) ? h.before : null,
    after: (h: AuditRecord, _: unknown, ctx: Context) =>
      hasRole(ctx.principal, 'editor') || !WORKFLOW_OPERATIONS.has(h.operation) ? h.after : null,
  },
  Skill: {
    kind: (s: Skill) => upper(s.kind),
    // Imported skills carry no times: null, not an empty DateTime.
    createdAt: (s: Skill) => s.createdAt || null,
    updatedAt: (s: Skill) => s.updatedAt || null,
    history: (s: Skill, args: { first?: number | null; after?: string | null }, ctx: Context) =>
      historyConnection(ctx, { feed: 'taxonomy', subject: s.id, ...args }),
    replacedBy: (s: Skill, _: unknown, ctx: Context) => (s.replacedBy ? ctx.loaders.skill.load(s.replacedBy) : null),
    parents: async (s: Skill, _: unknown, ctx: Context) =>
      syncedSkills(ctx, await ctx.services.taxonomy.parentIds(s.id)),
    children: async (s: Skill, _: unknown, ctx: Context) =>
      syncedSkills(ctx, await ctx.services.taxonomy.childIds(s.id)),
    siblings: async (s: Skill, _: unknown, ctx: Context) =>
      syncedSkills(ctx, await ctx.services.taxonomy.siblingIds(s.id)),
    usage: async (s: Skill, _: unknown, ctx: Context) => {
      requireRole(ctx.principal, 'reader', 'Skill.usage');
      const ref = { label: 'Skill' as const, id: s.id };
      const [jobs, members] = await Promise.all([
        ctx.services.store.neighbors(ref, 'REQUIRES', 'in'),
        ctx.services.store.neighbors(ref, 'HAS_SKILL', 'in'),
      ]);
      return { jobs: jobs.length, members: members.length };
    },
    ancestors: async (s: Skill, _: unknown, ctx: Context) =>
      syncedSkills(ctx, await ctx.services.taxonomy.ancestorIds(s.id)),
    related: async (s: Skill, args: { types?: string[] | null }, ctx: Context) => {
      const rel = (await ctx.services.taxonomy.related(s.id)).filter((r) => !args.types || args.types.includes(r.type));
      primeSkills(
        ctx,
        rel.map((r) => r.id),
      );
      const skills = await ctx.loaders.skill.loadMany(rel.map((r) => r.id));
      return rel.flatMap((r, i) => {
        const skill = skills[i];
        return isLoaded(skill) ? [{ skill, type: r.type, provenance: r.provenance }] : [];
      });
    },
    occupations: async (s: Skill, _: unknown, ctx: Context) => {
      const links = await ctx.services.taxonomy.occupationsOf(s.id);
      primeOccupations(
        ctx,
        links.map((l) => l.occupationId),
      );
      const occs = await ctx.loaders.occupation.loadMany(links.map((l) => l.occupationId));
      return links.flatMap((l, i) => {
        const occupation = occs[i];
        return isLoaded(occupation) ? [{ occupation, skill: s, relation: upper(l.relation) }] : [];
      });
    },
  },
  Occupation: {
    kind: (o: OccupationView) => (o.isGroup ? 'GROUP' : 'OCCUPATION'),
    parent: async (o: OccupationView, _: unknown, ctx: Context) => {
      const [p] = await ctx.services.taxonomy.occupationParentIds(o.id);
      return p ? ((await syncedOccupations(ctx, [p]))[0] ?? null) : null;
    },
    children: async (o: OccupationView, _: unknown, ctx: Context) =>
      (await syncedOccupations(ctx, await ctx.services.taxonomy.occupationChildIds(o.id))).sort((a, b) =>
        a.label.localeCompare(b.label),
      ),
    history: (o: OccupationView, args: { first?: number | null; after?: string | null }, ctx: Context) =>
      historyConnection(ctx, { feed: 'taxonomy', subject: o.id, ...args }),
    skills: async (o: OccupationView, args: { relation?: string | null }, ctx: Context) => {
      const links = (await ctx.services.taxonomy.skillsOf(o.id)).filter(
        (l) => !args.relation || upper(l.relation) === args.relation,
      );
      primeSkills(
        ctx,
        links.map((l) => l.skillId),
      );
      const skills = await ctx.loaders.skill.loadMany(links.map((l) => l.skillId));
      return links.flatMap((l, i) => {
        const skill = skills[i];
        return isLoaded(skill) ? [{ occupation: o, skill, relation: upper(l.relation) }] : [];
      });
    },
  },
};
