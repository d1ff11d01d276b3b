/** Resolvers for the marketplace part of the schema: members, jobs, interactions. */
import { actorOf, requireRole } from './auth.ts';
import { upper } from './enums.ts';
import type { LocationLevel, TitleKind } from './generated/schema.ts';
import { connection, decodeCursor, encodeCursor, pageSize } from './connection.ts';
import type { PageInfo } from './connection.ts';
import { apiError } from './errors.ts';
import { requireNode, requireSkill } from './context.ts';
import type { Context } from './context.ts';
import { MarketplaceError, parseInteraction, parseJob, parseMember } from '../marketplace/model.ts';
import { JobColumns, compileJobFilter, jobAttrsOf } from '../marketplace/job-filter.ts';
import { toInteraction, toJob, toMember, toSkillEdge } from '../marketplace/views.ts';
import type { JobFilter } from '../marketplace/job-filter.ts';
import type { UpsertResult } from '../marketplace/service.ts';
import { flagJobSkill, readFeedback, tallyFeedback, tallyFlags, toFlag } from '../marketplace/feedback.ts';
import type { Feedback, FeedbackTally, SkillDecision, Subject } from '../marketplace/feedback.ts';
import type { Relation } from '../extraction/extract.ts';
import { INTERACTION_TYPES } from '../store/types.ts';
import type { InteractionType } from '../store/types.ts';
import type { EdgeType, NodeLabel, NodeRecord, NodeRef } from '../store/types.ts';

/** The jobs list's filter: the same predicate matching uses. */
export function jobPredicate(filter: JobFilter | null | undefined): ((job: NodeRecord) => boolean) | null {
  const columns = JobColumns.scratch(filter);
  const keep = check(() => compileJobFilter(filter, columns));
  if (!keep.filters) return null;
  return (job) => {
    columns.set(0, jobAttrsOf(job));
    return keep(0);
  };
}

/** Runs a marketplace call, turning validation failures into BAD_USER_INPUT errors. */
function check<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof MarketplaceError) throw apiError(err.code, err.message);
    throw err;
  }
}

async function checkAsync<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof MarketplaceError) throw apiError(err.code, err.message);
    throw err;
  }
}

function unwrap<T>(r: T | MarketplaceError): T {
  if (r instanceof MarketplaceError) throw apiError(r.code, r.message);
  return r;
}

/** A page of members or jobs; totalCount is counted only when a client asks for it (a filter means a full scan). */
export interface NodeConnection {
  edges: Array<{ node: NodeRecord; cursor: string }>;
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

async function nodeConnection(
  ctx: Context,
  label: NodeLabel,
  args: { first?: number | null; after?: string | null },
  keep: ((n: NodeRecord) => boolean) | null,
): Promise<NodeConnection> {
  const first = pageSize(args.first);
  const store = ctx.services.store;
  const items: NodeRecord[] = [];
  let after = decodeCursor(args.after, 'id');
  let more = true;
  // Filtered lists read pages until the page is full: cost grows with how selective the filter is.
  while (items.length <= first && more) {
    const page = await store.listNodes(label, { first: keep ? 500 : first + 1, after });
    for (const n of page.items) if (!keep || keep(n)) items.push(n);
    after = page.next;
    more = page.next !== null;
  }
  const edges = items.slice(0, first).map((n) => ({ node: n, cursor: encodeCursor('id', n.id) }));
  return {
    ...connection(edges, { hasNextPage: items.length > first, hasPreviousPage: args.after != null }),
    totalCount: async () => {
      if (!keep) return store.countNodes(label);
      let count = 0;
      for (let cursor: string | null = null, go = true; go;) {
        const page = await store.listNodes(label, { first: 5000, after: cursor });
        for (const n of page.items) if (keep(n)) count++;
        cursor = page.next;
        go = cursor !== null;
      }
      return count;
    },
  };
}

/** The Location node a member or job points at (null when it has none). */
function location(ctx: Context, locationId: string | null) {
  return locationId ? ctx.services.store.getNode({ label: 'Location', id: locationId }) : null;
}

async function neighbours(ctx: Context, node: NodeRecord, type: EdgeType, dir: 'out' | 'in' = 'out') {
  return ctx.services.store.neighbors(node, type, dir);
}

async function interactions(ctx: Context, node: NodeRecord, types: InteractionType[] | null | undefined) {
  const wanted = types?.length ? types : [...INTERACTION_TYPES];
  const dir = node.label === 'Member' ? 'out' : 'in';
  const lists = await Promise.all(wanted.map((t) => ctx.services.store.neighbors(node, t, dir)));
  return lists
    .flat()
    .map((n) => ({
      member: node.label === 'Member' ? node : n.node,
      job: node.label === 'Job' ? node : n.node,
      ...toInteraction({ ...n.edge, type: n.edge.type as InteractionType }),
    }))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)); // latest first: a page keeps the newest
}

function embeddingView(n: NodeRecord, ctx: Context) {
  const vector = ctx.services.graphEmbeddings.vectorOf(n);
  const manifest = ctx.services.graphEmbeddings.manifest;
  return vector && manifest ? { version: manifest.version, vector: [...vector] } : null;
}

/**
 * Nudges the nearline refresher; with wait, returns once the write's change events are applied
 * to the embeddings (read-your-writes), with the embedding version that now answers.
 */
async function refreshed(ctx: Context, seq: number, wait: boolean, nodes: NodeRef[]): Promise<string | null> {
  ctx.services.refresher.kick();
  if (!wait) return null;
  if (seq > 0) {
    try {
      await ctx.services.refresher.waitFor(seq, undefined, nodes);
    } catch (err) {
      throw apiError('UNAVAILABLE', `${(err as Error).message}; the write itself is saved.`);
    }
  }
  return ctx.services.graphEmbeddings.embeddingVersion;
}

// Objects a query returns hold values, never promises: the compiled executor (graphql-jit, src/api/executor.ts)
// reads fields without a resolver as they are; only resolvers may return promises. (Mutations, as upsert payloads,
// run through graphql-js, which awaits promises anywhere.)

/**
 * A read started for a payload field the client may not select: if it fails (the store went away) and nobody
 * selected the field, that is no unhandled rejection; a client that selected it still gets the error.
 */
function payloadRead<T>(read: Promise<T>): Promise<T> {
  read.catch(() => {});
  return read;
}

/** An upsert's payload, MemberUpsert or JobUpsert (the one node answers `member` or `job`, whichever is asked). */
function upsertPayload(ctx: Context, label: 'Member' | 'Job', result: UpsertResult, embeddingVersion: string | null) {
  const node = payloadRead(requireNode(ctx, label, result.id));
  return {
    member: node,
    job: node,
    created: result.created,
    skills: result.skills.map((s) => ({ ...s, skill: payloadRead(requireSkill(ctx, s.skillId)) })),
    unknownSkills: result.unknownSkills,
    rejectedSkills: result.rejectedSkills.map((id) => payloadRead(requireSkill(ctx, id))),
    embeddingVersion,
  };
}

async function feedbackView(f: Feedback, ctx: Context) {
  return { ...f, skill: await requireSkill(ctx, f.skillId) };
}

type ReviewArgs = {
  skill: string;
  relation?: Relation | null;
  reason?: string | null;
  waitForEmbedding: boolean;
  jobId?: string;
  memberId?: string;
};

/** The resolver of one confirm/reject/add mutation: the decision recorded and applied, then the subject as now. */
function review(label: Subject['label'], decision: SkillDecision) {
  const operation = `${{ CONFIRMED: 'confirm', REJECTED: 'reject', ADDED: 'add' }[decision]}${label}Skill`;
  return async (_: unknown, args: ReviewArgs, ctx: Context) => {
    requireRole(ctx.principal, 'admin', operation);
    const id = (label === 'Job' ? args.jobId : args.memberId)!;
    const skillId = ctx.services.marketplace.resolveSkill(args.skill);
    if (!skillId)
      throw apiError('NOT_FOUND', `No active skill has the id, label or alias "${args.skill}"; search skills first.`);
    const { feedback, seq } = await checkAsync(() =>
      ctx.services.marketplace.reviewSkill(
        {
          subject: { label, id },
          skillId,
          decision,
          relation: args.relation ?? undefined,
          reason: args.reason?.trim() || undefined,
        },
        actorOf(ctx.principal),
      ),
    );
    const embeddingVersion = await refreshed(ctx, seq, args.waitForEmbedding, [{ label, id }]);
    const node = await requireNode(ctx, label, id);
    return {
      feedback: await feedbackView(feedback, ctx),
      member: label === 'Member' ? node : null,
      job: label === 'Job' ? node : null,
      embeddingVersion,
    };
  };
}

/** Tallies with their skills and domains, the first `first` (of one domain, when given). */
async function tallyView(ctx: Context, tallies: FeedbackTally[], first: number, domainId: string | null | undefined) {
  const picked: Array<{ tally: FeedbackTally; domain: string | null }> = [];
  for (const tally of tallies) {
    if (picked.length >= first) break;
    const domain = await domainOf(ctx, tally.skillId);
    if (domainId && domain !== domainId) continue;
    picked.push({ tally, domain });
  }
  return Promise.all(
    picked.map(async ({ tally, domain }) => ({
      ...tally,
      skill: await requireSkill(ctx, tally.skillId),
      domain: domain ? await requireSkill(ctx, domain) : null,
    })),
  );
}

/** A skill's top-level ancestor (the first by id of its roots), null for a top-level skill. */
async function domainOf(ctx: Context, skillId: string): Promise<string | null> {
  const roots = new Set(await ctx.services.taxonomy.rootIds());
  return (await ctx.services.taxonomy.ancestorIds(skillId)).filter((a) => roots.has(a)).sort()[0] ?? null;
}

async function skillFeedback(ctx: Context, n: NodeRecord) {
  return Promise.all(
    (await readFeedback(ctx.services.store, { label: n.label as Subject['label'], id: n.id }))
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      .map((f) => feedbackView(f, ctx)),
  );
}

export const marketplaceResolvers = {
  Query: {
    skillFeedbackSummary: async (
      _: unknown,
      args: { decision: SkillDecision; domainId?: string | null; first: number },
      ctx: Context,
    ) => {
      requireRole(ctx.principal, 'editor', 'skillFeedbackSummary');
      if (!Number.isInteger(args.first) || args.first < 1 || args.first > 200)
        throw apiError('BAD_USER_INPUT', 'first must be 1 to 200.');
      return tallyView(ctx, await tallyFeedback(ctx.services.store, args.decision), args.first, args.domainId);
    },
    skillFlagSummary: async (_: unknown, args: { first: number }, ctx: Context) => {
      requireRole(ctx.principal, 'editor', 'skillFlagSummary');
      if (!Number.isInteger(args.first) || args.first < 1 || args.first > 200)
        throw apiError('BAD_USER_INPUT', 'first must be 1 to 200.');
      return tallyView(ctx, await tallyFlags(ctx.services.store), args.first, null);
    },
    member: (_: unknown, args: { id: string }, ctx: Context) => {
      requireRole(ctx.principal, 'admin', 'member');
      return ctx.services.store.getNode({ label: 'Member', id: args.id });
    },
    members: (_: unknown, args: { first?: number | null; after?: string | null }, ctx: Context) => {
      requireRole(ctx.principal, 'admin', 'members');
      return nodeConnection(ctx, 'Member', args, null);
    },
    job: (_: unknown, args: { id: string }, ctx: Context) => {
      requireRole(ctx.principal, 'reader', 'job');
      return ctx.services.store.getNode({ label: 'Job', id: args.id });
    },
    jobs: (
      _: unknown,
      args: { first?: number | null; after?: string | null; filter?: JobFilter | null },
      ctx: Context,
    ) => {
      requireRole(ctx.principal, 'reader', 'jobs');
      return nodeConnection(ctx, 'Job', args, jobPredicate(args.filter));
    },
  },
  Mutation: {
    upsertMember: async (_: unknown, args: { input: unknown; waitForEmbedding: boolean }, ctx: Context) => {
      requireRole(ctx.principal, 'admin', 'upsertMember');
      const input = check(() => parseMember(args.input));
      const [r] = await ctx.services.marketplace.upsertMembers([input], actorOf(ctx.principal), { fast: true });
      const result = unwrap(r);
      const embeddingVersion = await refreshed(ctx, result.seq, args.waitForEmbedding, [
        { label: 'Member', id: result.id },
      ]);
      return upsertPayload(ctx, 'Member', result, embeddingVersion);
    },
    upsertJob: async (_: unknown, args: { input: unknown; waitForEmbedding: boolean }, ctx: Context) => {
      requireRole(ctx.principal, 'admin', 'upsertJob');
      const input = check(() => parseJob(args.input));
      const [r] = await ctx.services.marketplace.upsertJobs([input], actorOf(ctx.principal), { fast: true });
      const result = unwrap(r);
      const embeddingVersion = await refreshed(ctx, result.seq, args.waitForEmbedding, [
        { label: 'Job', id: result.id },
      ]);
      return upsertPayload(ctx, 'Job', result, embeddingVersion);
    },
    recordInteraction: async (
      _: unknown,
      args: { memberId: string; jobId: string; type: string; at?: string | null; waitForEmbedding: boolean },
      ctx: Context,
    ) => {
      requireRole(ctx.principal, 'admin', 'recordInteraction');
      const input = check(() => parseInteraction(args));
      // The pair's counts as this call's write left them, not read back (a concurrent call's later write could show).
      const { seq, count, first, at } = unwrap(
        (await ctx.services.marketplace.recordInteractions([input], actorOf(ctx.principal)))[0],
      );
      const embeddingVersion = await refreshed(ctx, seq, args.waitForEmbedding, [
        { label: 'Member', id: input.memberId },
        { label: 'Job', id: input.jobId },
      ]);
      const [member, job] = await Promise.all([
        ctx.services.store.getNode({ label: 'Member', id: input.memberId }),
        ctx.services.store.getNode({ label: 'Job', id: input.jobId }),
      ]);
      return {
        member,
        job,
        type: input.type,
        at,
        first,
        count,
        embeddingVersion,
      };
    },
    flagJobSkill: async (_: unknown, args: { jobId: string; skill: string; reason?: string | null }, ctx: Context) => {
      requireRole(ctx.principal, 'reader', 'flagJobSkill');
      const skillId = ctx.services.marketplace.resolveSkill(args.skill);
      if (!skillId)
        throw apiError('NOT_FOUND', `No active skill has the id, label or alias "${args.skill}"; search skills first.`);
      const { flag } = await checkAsync(() =>
        flagJobSkill(ctx.services.store, args.jobId, skillId, args.reason?.trim() || undefined, actorOf(ctx.principal)),
      );
      return { ...flag, skill: await requireSkill(ctx, flag.skillId) };
    },
    confirmJobSkill: review('Job', 'CONFIRMED'),
    rejectJobSkill: review('Job', 'REJECTED'),
    addJobSkill: review('Job', 'ADDED'),
    confirmMemberSkill: review('Member', 'CONFIRMED'),
    rejectMemberSkill: review('Member', 'REJECTED'),
    addMemberSkill: review('Member', 'ADDED'),
    deleteMember: async (_: unknown, args: { id: string }, ctx: Context) => {
      requireRole(ctx.principal, 'admin', 'deleteMember');
      const seq = await ctx.services.marketplace.deleteMember(args.id, actorOf(ctx.principal));
      // A deleted member leaves matching before the call returns.
      if (seq) await refreshed(ctx, seq, true, [{ label: 'Member', id: args.id }]);
      return seq > 0;
    },
    deleteJob: async (_: unknown, args: { id: string }, ctx: Context) => {
      requireRole(ctx.principal, 'admin', 'deleteJob');
      const seq = await ctx.services.marketplace.deleteJob(args.id, actorOf(ctx.principal));
      if (seq) await refreshed(ctx, seq, true, [{ label: 'Job', id: args.id }]);
      return seq > 0;
    },
  },
  MemberConnection: { totalCount: (c: NodeConnection) => c.totalCount() },
  JobConnection: { totalCount: (c: NodeConnection) => c.totalCount() },
  Member: {
    headline: (n: NodeRecord) => toMember(n).headline,
    summary: (n: NodeRecord) => toMember(n).summary,
    seniority: (n: NodeRecord) => toMember(n).seniority,
    openToRemote: (n: NodeRecord) => toMember(n).openToRemote,
    desiredTitles: (n: NodeRecord) => toMember(n).desiredTitles,
    experience: (n: NodeRecord) => toMember(n).experience,
    location: (n: NodeRecord, _: unknown, ctx: Context) => location(ctx, toMember(n).locationId),
    skills: async (n: NodeRecord, _: unknown, ctx: Context) =>
      (
        await Promise.all(
          (await neighbours(ctx, n, 'HAS_SKILL')).map(async (x) => ({
            skill: await requireSkill(ctx, x.node.id),
            ...toSkillEdge(x.edge, 'CORE'),
          })),
        )
      ).sort((a, b) => b.confidence - a.confidence),
    skillFeedback: (n: NodeRecord, _: unknown, ctx: Context) => skillFeedback(ctx, n),
    titles: async (n: NodeRecord, _: unknown, ctx: Context) =>
      (await neighbours(ctx, n, 'HAS_TITLE')).map((x) => ({
        title: x.node,
        kind: String(x.edge.props.kind ?? 'CURRENT') as TitleKind,
      })),
    companies: async (n: NodeRecord, _: unknown, ctx: Context) =>
      (await neighbours(ctx, n, 'WORKED_AT')).map((x) => x.node),
    interactions: (n: NodeRecord, args: { types?: InteractionType[] | null }, ctx: Context) =>
      interactions(ctx, n, args.types),
    graphEmbedding: (n: NodeRecord, _: unknown, ctx: Context) => embeddingView(n, ctx),
    version: (n: NodeRecord) => toMember(n).version,
    createdAt: (n: NodeRecord) => toMember(n).createdAt,
    updatedAt: (n: NodeRecord) => toMember(n).updatedAt,
  },
  Job: {
    title: (n: NodeRecord) => toJob(n).title,
    companyName: (n: NodeRecord) => toJob(n).companyName,
    company: async (n: NodeRecord, _: unknown, ctx: Context) =>
      (await neighbours(ctx, n, 'POSTED_BY'))[0]?.node ?? null,
    location: (n: NodeRecord, _: unknown, ctx: Context) => location(ctx, toJob(n).locationId),
    workplace: (n: NodeRecord) => toJob(n).workplace,
    seniority: (n: NodeRecord) => toJob(n).seniority,
    industry: (n: NodeRecord) => toJob(n).industry,
    description: (n: NodeRecord) => toJob(n).description,
    postedAt: (n: NodeRecord) => toJob(n).postedAt,
    expiresAt: (n: NodeRecord) => toJob(n).expiresAt,
    salaryMin: (n: NodeRecord) => toJob(n).salaryMin,
    salaryMax: (n: NodeRecord) => toJob(n).salaryMax,
    salaryCurrency: (n: NodeRecord) => toJob(n).salaryCurrency,
    skills: async (n: NodeRecord, _: unknown, ctx: Context) =>
      (
        await Promise.all(
          (await neighbours(ctx, n, 'REQUIRES')).map(async (x) => ({
            skill: await requireSkill(ctx, x.node.id),
            ...toSkillEdge(x.edge, 'MENTIONED'),
          })),
        )
      ).sort((a, b) => b.confidence - a.confidence),
    skillFeedback: (n: NodeRecord, _: unknown, ctx: Context) => {
      requireRole(ctx.principal, 'admin', 'Job.skillFeedback');
      return skillFeedback(ctx, n);
    },
    skillFlags: async (n: NodeRecord, _: unknown, ctx: Context) => {
      requireRole(ctx.principal, 'admin', 'Job.skillFlags');
      const flags = (await ctx.services.store.neighbors(n, 'SKILL_FLAG', 'out'))
        .map((x) => toFlag(x.edge))
        .sort((a, b) => b.count - a.count || (a.at < b.at ? 1 : -1))
        .slice(0, 100);
      return Promise.all(flags.map(async (f) => ({ ...f, skill: await requireSkill(ctx, f.skillId) })));
    },
    normalizedTitle: async (n: NodeRecord, _: unknown, ctx: Context) =>
      (await neighbours(ctx, n, 'HAS_TITLE'))[0]?.node ?? null,
    interactions: (n: NodeRecord, args: { types?: InteractionType[] | null }, ctx: Context) => {
      requireRole(ctx.principal, 'admin', 'Job.interactions');
      return interactions(ctx, n, args.types);
    },
    graphEmbedding: (n: NodeRecord, _: unknown, ctx: Context) => embeddingView(n, ctx),
    version: (n: NodeRecord) => toJob(n).version,
    createdAt: (n: NodeRecord) => toJob(n).createdAt,
    updatedAt: (n: NodeRecord) => toJob(n).updatedAt,
  },
  Interaction: {
    // A member is personal data: shown to admins only (reader sees the job side).
    member: (x: { member?: NodeRecord | null }, _: unknown, ctx: Context) =>
      ctx.principal.role === 'admin' ? (x.member ?? null) : null,
  },
  Company: {
    name: (n: NodeRecord) => String(n.props.name ?? n.id),
  },
  Location: {
    name: (n: NodeRecord) => String(n.props.name ?? n.id),
    level: (n: NodeRecord) => upper(String(n.props.level ?? 'city')) as LocationLevel,
    parent: (n: NodeRecord, _: unknown, ctx: Context) =>
      n.props.parentId ? ctx.services.store.getNode({ label: 'Location', id: String(n.props.parentId) }) : null,
  },
  Title: {
    label: (n: NodeRecord) => String(n.props.label ?? n.id),
    occupation: (n: NodeRecord, _: unknown, ctx: Context) =>
      n.props.occupationId ? ctx.loaders.occupation.load(String(n.props.occupationId)) : null,
  },
};
