/**
 * Taxonomy editing. Each operation: validate (ids, labels, aliases, no cycle) → one store
 * write with the change and its history record → the indexes catch up from the change feed.
 * Bad input throws TaxonomyError and changes nothing. Every change bumps the skill's version
 * and is checked against the version it read (optimistic concurrency), so a concurrent edit
 * makes the later one fail with CONFLICT instead of being lost. Edits in one process are also
 * serialised, and every edit claims the store's taxonomy revision, so hierarchy and name checks
 * see every earlier edit, on this replica or another.
 */
import { DomainError } from '../errors.ts';
import { RevisionConflict } from '../store/types.ts';
import type { AuditInput, EdgeRef, GraphStore, NodeRecord, WriteOp, WriteResult } from '../store/types.ts';
import {
  MAX_ALIASES,
  MAX_DESCRIPTION_LENGTH,
  MAX_LABEL_LENGTH,
  SKILL_KINDS,
  TAXONOMY_REVISION,
  skillProps,
  toSkill,
} from './model.ts';
import { RELATION_TYPES } from './model.ts';
import type { RelationType, Skill, SkillKind } from './model.ts';
import { skillId as idForLabel } from './seed.ts';
import { checkSkillId } from '../ids.ts';
import type { TaxonomyService } from './service.ts';
import { normalizeLabel } from './text.ts';
import { readSuggestions, suggestionChanges, suggestionProps, toSuggestion } from './mining.ts';
import { PlannedScope, storeReads } from './scope.ts';
import type { EditAudit, EditScope, ScopeReads } from './scope.ts';
import type { MinedPair, MiningReport, Suggestion } from './mining.ts';

/** Bad taxonomy input or state; nothing was changed. */
export class TaxonomyError extends DomainError {}

export interface CreateSkillInput {
  id?: string | null;
  label: string;
  aliases?: string[] | null;
  description?: string | null;
  /** Any case (the API sends SKILL, KNOWLEDGE…); checked against SKILL_KINDS. */
  kind?: string | null;
  parentIds?: string[] | null;
}
export interface UpdateSkillInput {
  label?: string | null;
  aliases?: string[] | null;
  description?: string | null;
  /** Any case (the API sends SKILL, KNOWLEDGE…); checked against SKILL_KINDS. */
  kind?: string | null;
}

const skillRef = (id: string) => ({ label: 'Skill' as const, id });
const broaderEdge = (child: string, parent: string): EdgeRef => ({
  type: 'BROADER',
  from: skillRef(child),
  to: skillRef(parent),
});

/** Attempts of an edit that lost its revision to an edit on another replica. */
const ATTEMPTS = 3;

/** One skill edit as data: what a change set lists, and what each editing call runs. */
export type SkillEdit =
  | { op: 'createSkill'; input: CreateSkillInput }
  | { op: 'updateSkill'; id: string; expectedVersion: number; input: UpdateSkillInput }
  | { op: 'addSkillAlias'; id: string; alias: string }
  | { op: 'removeSkillAlias'; id: string; alias: string }
  | { op: 'setSkillParents'; id: string; parentIds: string[] }
  | { op: 'relateSkills'; fromId: string; toId: string; type: RelationType }
  | { op: 'unrelateSkills'; fromId: string; toId: string }
  | { op: 'deprecateSkill'; id: string; replacedById?: string | null }
  | { op: 'mergeSkills'; sourceId: string; targetId: string };

export class TaxonomyEditor {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: GraphStore,
    private readonly taxonomy: TaxonomyService,
  ) {}

  /**
   * Runs edits one at a time, then brings the indexes up to date. Across replicas (several API
   * processes over one Neo4j): an edit reads the taxonomy revision, catches its indexes up to
   * at least that point, validates (no cycle, names free), and its write claims the revision it
   * read — so if an edit on another replica committed meanwhile, the write fails and the edit
   * runs again over the newer taxonomy, where the check sees the other edit.
   */
  private serial<T>(work: (claim: WriteOp) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      try {
        for (let attempt = 1; ; attempt++) {
          const revision = await this.store.revision(TAXONOMY_REVISION);
          await this.taxonomy.sync();
          try {
            return await work({ op: 'claimRevision', name: TAXONOMY_REVISION, expect: revision });
          } catch (err) {
            if (!(err instanceof RevisionConflict) || attempt === ATTEMPTS) throw err;
          }
        }
      } finally {
        await this.taxonomy.sync();
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs another taxonomy editor's edit (occupations.ts) under the same rules: one at a time, over a caught-up
   * taxonomy, its write claiming the revision it read (retried when another replica committed meanwhile).
   */
  runEdit<T>(work: (write: (ops: WriteOp[], audit: EditAudit | EditAudit[]) => Promise<WriteResult>) => Promise<T>) {
    return this.serial((claim) => work((ops, audit) => this.commit(claim, ops, audit)));
  }

  /**
   * Runs `work` as one taxonomy edit with two tools: `plan` applies edits over the taxonomy as it is now without
   * writing (each validated against what the earlier ones leave; a failing edit throws its TaxonomyError with
   * its position and operation named) and returns the plan; `write` commits (a plan's net ops and its records).
   */
  planned<T>(
    work: (tools: {
      plan: (actor: string, edits: SkillEdit[]) => Promise<PlannedScope>;
      write: (ops: WriteOp[], audit: EditAudit | EditAudit[]) => Promise<WriteResult>;
    }) => Promise<T>,
  ): Promise<T> {
    return this.serial((claim) =>
      work({
        plan: async (actor, edits) => {
          const scope = new PlannedScope(this.reads());
          for (const [i, e] of edits.entries()) {
            try {
              await this.apply(scope, actor, e);
            } catch (err) {
              if (err instanceof TaxonomyError)
                throw new TaxonomyError(err.code, `Edit ${i + 1} (${e.op}): ${err.message}`);
              throw err;
            }
          }
          return scope;
        },
        write: (ops, audit) => this.commit(claim, ops, audit),
      }),
    );
  }

  /** A taxonomy write: the revision claim, the ops and their records on the taxonomy feed. */
  private commit(claim: WriteOp, ops: WriteOp[], audit: EditAudit | EditAudit[]): Promise<WriteResult> {
    const audits = (Array.isArray(audit) ? audit : [audit]).map((a): AuditInput => ({ feed: 'taxonomy', ...a }));
    return this.store.write([claim, ...ops], audits);
  }

  private reads(): ScopeReads {
    return storeReads(this.store, (name) => this.taxonomy.skillIndex.owners(name));
  }

  /** Runs one edit now, on its own. */
  edit(actor: string, e: SkillEdit): Promise<Skill> {
    return this.serial((claim) => this.apply(this.live(claim), actor, e));
  }

  /** The store as it is, each write committed at once with the edit's revision claim. */
  private live(claim: WriteOp): EditScope {
    return {
      ...this.reads(),
      versionBefore: async () => undefined,
      write: async (ops, audit) => void (await this.commit(claim, ops, audit)),
    };
  }

  private apply(s: EditScope, actor: string, e: SkillEdit): Promise<Skill> {
    switch (e.op) {
      case 'createSkill':
        return this.doCreateSkill(s, actor, e.input);
      case 'updateSkill':
        return this.doUpdateSkill(s, actor, e.id, e.expectedVersion, e.input);
      case 'addSkillAlias':
        return this.doAddSkillAlias(s, actor, e.id, e.alias);
      case 'removeSkillAlias':
        return this.doRemoveSkillAlias(s, actor, e.id, e.alias);
      case 'setSkillParents':
        return this.doSetSkillParents(s, actor, e.id, e.parentIds);
      case 'relateSkills':
        return this.doRelateSkills(s, actor, e.fromId, e.toId, e.type);
      case 'unrelateSkills':
        return this.doUnrelateSkills(s, actor, e.fromId, e.toId);
      case 'deprecateSkill':
        return this.doDeprecateSkill(s, actor, e.id, e.replacedById);
      case 'mergeSkills':
        return this.doMergeSkills(s, actor, e.sourceId, e.targetId);
    }
  }

  createSkill(actor: string, input: CreateSkillInput): Promise<Skill> {
    return this.edit(actor, { op: 'createSkill', input });
  }
  updateSkill(actor: string, id: string, expectedVersion: number, input: UpdateSkillInput): Promise<Skill> {
    return this.edit(actor, { op: 'updateSkill', id, expectedVersion, input });
  }
  addSkillAlias(actor: string, id: string, alias: string): Promise<Skill> {
    return this.edit(actor, { op: 'addSkillAlias', id, alias });
  }
  removeSkillAlias(actor: string, id: string, alias: string): Promise<Skill> {
    return this.edit(actor, { op: 'removeSkillAlias', id, alias });
  }
  setSkillParents(actor: string, id: string, parentIds: string[]): Promise<Skill> {
    return this.edit(actor, { op: 'setSkillParents', id, parentIds });
  }
  relateSkills(actor: string, fromId: string, toId: string, type: RelationType): Promise<Skill> {
    return this.edit(actor, { op: 'relateSkills', fromId, toId, type });
  }
  unrelateSkills(actor: string, fromId: string, toId: string): Promise<Skill> {
    return this.edit(actor, { op: 'unrelateSkills', fromId, toId });
  }
  deprecateSkill(actor: string, id: string, replacedById?: string | null): Promise<Skill> {
    return this.edit(actor, { op: 'deprecateSkill', id, replacedById });
  }
  /**
   * Moves the source's label and aliases, hierarchy, related links and every reference
   * (occupations, members, jobs) to the target; the source becomes DEPRECATED with replacedBy.
   * Links that would create a cycle or a self-link are dropped and listed in the history.
   */
  mergeSkills(actor: string, sourceId: string, targetId: string): Promise<Skill> {
    return this.edit(actor, { op: 'mergeSkills', sourceId, targetId });
  }

  private async doCreateSkill(s: EditScope, actor: string, input: CreateSkillInput): Promise<Skill> {
    const label = checkLabel(input.label);
    const aliases = checkAliases(input.aliases ?? [], label);
    const description = checkDescription(input.description ?? '');
    const kind = checkKind(input.kind ?? 'skill');
    const id = input.id != null ? checkSkillId(input.id) : idForLabel(label);
    if (await s.getNode(skillRef(id)))
      throw new TaxonomyError(
        'CONFLICT',
        `A skill with id "${id}" already exists${input.id ? '' : ' (derived from the label); pass an explicit id'}.`,
      );
    this.checkNamesFree(s, [label, ...aliases], id);
    const parents = [...new Set(input.parentIds ?? [])];
    await this.requireActive(s, parents, 'parent');
    const now = new Date().toISOString();
    const skill: Skill = {
      id,
      label,
      aliases,
      description,
      kind,
      status: 'ACTIVE',
      version: 1,
      createdAt: now,
      updatedAt: now,
      source: 'editor',
    };
    await s.write(
      [
        { op: 'upsertNode', node: { label: 'Skill', id, props: skillProps(skill) }, ifVersion: null },
        ...parents.map((p): WriteOp => ({ op: 'upsertEdge', edge: { ...broaderEdge(id, p), props: {} } })),
      ],
      { actor, operation: 'createSkill', subjects: [id], after: { ...skill, parentIds: parents } },
    );
    return skill;
  }

  private async doUpdateSkill(
    s: EditScope,
    actor: string,
    id: string,
    expectedVersion: number,
    input: UpdateSkillInput,
  ): Promise<Skill> {
    const before = await this.requireSkill(s, id);
    // In a change set, the version its proposer read: the skill before the set's earlier edits.
    const read = (await s.versionBefore(skillRef(id))) ?? before.version;
    if (read !== expectedVersion) {
      throw new TaxonomyError(
        'CONFLICT',
        `Skill "${id}" is at version ${read}, not ${expectedVersion}: someone changed it since you read it. Reload and retry.`,
      );
    }
    this.requireNotDeprecated(before);
    const label = input.label != null ? checkLabel(input.label) : before.label;
    const aliases =
      input.aliases != null
        ? checkAliases(input.aliases, label)
        : before.aliases.filter((a) => normalizeLabel(a) !== normalizeLabel(label));
    const description = input.description != null ? checkDescription(input.description) : before.description;
    const kind = input.kind != null ? checkKind(input.kind) : before.kind;
    this.checkNamesFree(s, [label, ...aliases], id);
    return this.save(s, actor, 'updateSkill', before, { ...before, label, aliases, description, kind });
  }

  private async doAddSkillAlias(s: EditScope, actor: string, id: string, alias: string): Promise<Skill> {
    const before = await this.requireSkill(s, id);
    this.requireNotDeprecated(before);
    const [clean] = checkAliases([alias], before.label);
    if (clean === undefined)
      throw new TaxonomyError('BAD_USER_INPUT', `"${alias}" is the skill's own label, not an alias.`);
    if (before.aliases.some((a) => normalizeLabel(a) === normalizeLabel(clean))) return before;
    if (before.aliases.length >= MAX_ALIASES)
      throw new TaxonomyError('BAD_USER_INPUT', `At most ${MAX_ALIASES} aliases.`);
    this.checkNamesFree(s, [clean], id);
    return this.save(s, actor, 'addSkillAlias', before, { ...before, aliases: [...before.aliases, clean] });
  }

  private async doRemoveSkillAlias(s: EditScope, actor: string, id: string, alias: string): Promise<Skill> {
    const before = await this.requireSkill(s, id);
    const key = normalizeLabel(alias);
    const aliases = before.aliases.filter((a) => normalizeLabel(a) !== key);
    if (aliases.length === before.aliases.length)
      throw new TaxonomyError(
        'NOT_FOUND',
        `Skill "${id}" has no alias "${alias}"; its aliases are: ${before.aliases.join(', ') || '(none)'}.`,
      );
    return this.save(s, actor, 'removeSkillAlias', before, { ...before, aliases });
  }

  private async doSetSkillParents(s: EditScope, actor: string, id: string, parentIds: string[]): Promise<Skill> {
    const before = await this.requireSkill(s, id);
    const parents = [...new Set(parentIds)];
    if (parents.includes(id)) throw new TaxonomyError('BAD_USER_INPUT', `Skill "${id}" cannot be its own parent.`);
    await this.requireActive(s, parents, 'parent');
    for (const p of parents) {
      const cycle = await this.pathUp(s, p, id);
      if (cycle)
        throw new TaxonomyError(
          'CONFLICT',
          `Making "${p}" a parent of "${id}" would create a cycle: ${[id, ...cycle].join(' -> ')}.`,
        );
    }
    const current = await this.parentIds(s, id);
    const ops: WriteOp[] = [
      ...current
        .filter((p) => !parents.includes(p))
        .map((p): WriteOp => ({ op: 'deleteEdge', edge: broaderEdge(id, p) })),
      ...parents
        .filter((p) => !current.includes(p))
        .map((p): WriteOp => ({ op: 'upsertEdge', edge: { ...broaderEdge(id, p), props: {} } })),
    ];
    return this.save(s, actor, 'setSkillParents', before, before, ops, { parentIds: current }, { parentIds: parents });
  }

  private async doRelateSkills(
    s: EditScope,
    actor: string,
    fromId: string,
    toId: string,
    type: RelationType,
  ): Promise<Skill> {
    if (fromId === toId) throw new TaxonomyError('BAD_USER_INPUT', 'A skill cannot be related to itself.');
    if (!RELATION_TYPES.includes(type))
      throw new TaxonomyError('BAD_USER_INPUT', `type must be one of ${RELATION_TYPES.join(', ')}.`);
    const before = await this.requireSkill(s, fromId);
    await this.requireActive(s, [toId], 'related skill');
    const ops: WriteOp[] = [
      {
        op: 'upsertEdge',
        edge: { type: 'RELATED', from: skillRef(fromId), to: skillRef(toId), props: { kind: type } },
      },
    ];
    return this.save(s, actor, 'relateSkills', before, before, ops, undefined, { related: { id: toId, type } }, [toId]);
  }

  private async doUnrelateSkills(s: EditScope, actor: string, fromId: string, toId: string): Promise<Skill> {
    const before = await this.requireSkill(s, fromId);
    await this.requireSkill(s, toId);
    const edges = [
      { type: 'RELATED' as const, from: skillRef(fromId), to: skillRef(toId) },
      { type: 'RELATED' as const, from: skillRef(toId), to: skillRef(fromId) },
    ];
    const existing = (await Promise.all(edges.map((e) => s.getEdge(e)))).filter((e) => e !== null);
    if (existing.length === 0)
      throw new TaxonomyError('NOT_FOUND', `Skills "${fromId}" and "${toId}" are not related.`);
    const ops = existing.map((e): WriteOp => ({ op: 'deleteEdge', edge: e }));
    // Removing a link accepted from a mined suggestion dismisses the suggestion, so mining does not offer it again.
    const accepted = await this.suggestion(fromId, toId, s);
    if (accepted?.status === 'ACCEPTED')
      ops.push(suggestionOp({ ...dismissed(accepted, actor, 'unrelated after accepting') }));
    return this.save(
      s,
      actor,
      'unrelateSkills',
      before,
      before,
      ops,
      { related: existing.map((e) => ({ from: e.from.id, to: e.to.id, type: e.props.kind })) },
      undefined,
      [toId],
    );
  }

  private async doDeprecateSkill(
    s: EditScope,
    actor: string,
    id: string,
    replacedById?: string | null,
  ): Promise<Skill> {
    const before = await this.requireSkill(s, id);
    this.requireNotDeprecated(before);
    if (replacedById === id) throw new TaxonomyError('BAD_USER_INPUT', 'A skill cannot be replaced by itself.');
    if (replacedById) await this.requireActive(s, [replacedById], 'replacement');
    return this.save(s, actor, 'deprecateSkill', before, {
      ...before,
      status: 'DEPRECATED',
      replacedBy: replacedById ?? undefined,
    });
  }

  private async doMergeSkills(s: EditScope, actor: string, sourceId: string, targetId: string): Promise<Skill> {
    if (sourceId === targetId) throw new TaxonomyError('BAD_USER_INPUT', 'Cannot merge a skill into itself.');
    const source = await this.requireSkill(s, sourceId);
    const target = await this.requireSkill(s, targetId);
    if (source.status === 'DEPRECATED')
      throw new TaxonomyError(
        'CONFLICT',
        `Skill "${sourceId}" is already deprecated${source.replacedBy ? ` (replaced by "${source.replacedBy}")` : ''}.`,
      );
    if (target.status === 'DEPRECATED')
      throw new TaxonomyError(
        'CONFLICT',
        `Cannot merge into "${targetId}": it is deprecated${target.replacedBy ? `; merge into "${target.replacedBy}" instead` : ''}.`,
      );

    const ops: WriteOp[] = [];
    const dropped: string[] = [];
    const targetAncestors = new Set(await this.ancestorIds(s, targetId));
    const targetDescendants = await this.descendants(s, targetId);
    // Hierarchy: the source's parents become the target's, its children the target's.
    for (const p of await this.parentIds(s, sourceId)) {
      ops.push({ op: 'deleteEdge', edge: broaderEdge(sourceId, p) });
      if (p === targetId || targetDescendants.has(p)) dropped.push(`parent ${p}`);
      else ops.push({ op: 'upsertEdge', edge: { ...broaderEdge(targetId, p), props: {} } });
    }
    for (const c of await this.childIds(s, sourceId)) {
      ops.push({ op: 'deleteEdge', edge: broaderEdge(c, sourceId) });
      if (c === targetId || targetAncestors.has(c)) dropped.push(`child ${c}`);
      else ops.push({ op: 'upsertEdge', edge: { ...broaderEdge(c, targetId), props: {} } });
    }
    // Every other edge into or out of the source moves to the target, props kept; an edge the target already
    // has wins.
    for (const type of ['RELATED', 'NEEDS_SKILL', 'HAS_SKILL', 'REQUIRES', 'SKILL_FEEDBACK', 'SKILL_FLAG'] as const) {
      for (const n of await s.neighbors(skillRef(sourceId), type, 'both')) {
        const e = n.edge;
        ops.push({ op: 'deleteEdge', edge: e });
        const moved = {
          type: e.type,
          from: e.from.id === sourceId && e.from.label === 'Skill' ? skillRef(targetId) : e.from,
          to: e.to.id === sourceId && e.to.label === 'Skill' ? skillRef(targetId) : e.to,
        };
        if (moved.from.id === moved.to.id && moved.from.label === moved.to.label) {
          dropped.push(`${type} ${n.node.id}`);
          continue;
        }
        if (!(await s.getEdge(moved))) ops.push({ op: 'upsertEdge', edge: { ...moved, props: e.props } });
      }
    }
    const seen = new Set([normalizeLabel(target.label), ...target.aliases.map(normalizeLabel)]);
    const aliases = [...target.aliases];
    for (const name of [source.label, ...source.aliases]) {
      const key = normalizeLabel(name);
      if (!seen.has(key)) {
        seen.add(key);
        aliases.push(name);
      }
    }
    const now = new Date().toISOString();
    const newTarget: Skill = { ...target, aliases, version: target.version + 1, updatedAt: now };
    const newSource: Skill = {
      ...source,
      aliases: [],
      status: 'DEPRECATED',
      replacedBy: targetId,
      version: source.version + 1,
      updatedAt: now,
    };
    ops.push(
      {
        op: 'upsertNode',
        node: { label: 'Skill', id: targetId, props: skillProps(newTarget) },
        ifVersion: target.version,
      },
      {
        op: 'upsertNode',
        node: { label: 'Skill', id: sourceId, props: skillProps(newSource) },
        ifVersion: source.version,
      },
    );
    await s.write(ops, {
      actor,
      operation: 'mergeSkills',
      subjects: [sourceId, targetId],
      before: { source, target },
      after: { source: newSource, target: newTarget, dropped },
    });
    return newTarget;
  }

  /** Brings the stored suggestions in line with a mining run (mining.ts), in one taxonomy write. */
  recordMinedSuggestions(actor: string, mined: MinedPair[]): Promise<MiningReport> {
    return this.serial(async (claim) => {
      const stored = await readSuggestions(this.store);
      const { ops, report } = suggestionChanges(stored, mined, new Date().toISOString());
      if (ops.length)
        await this.commit(claim, ops, { actor, operation: 'mineRelatedSkills', subjects: [], after: report });
      return report;
    });
  }

  /**
   * Accepts an OPEN mined suggestion: a RELATED link of `type` with provenance MINED and the evidence it was
   * accepted on, and the suggestion marked ACCEPTED, in one write.
   */
  acceptSuggestion(actor: string, aId: string, bId: string, type: RelationType): Promise<Suggestion> {
    return this.serial(async (claim) => {
      if (!RELATION_TYPES.includes(type))
        throw new TaxonomyError('BAD_USER_INPUT', `type must be one of ${RELATION_TYPES.join(', ')}.`);
      const s = await this.requireSuggestion(aId, bId);
      if (s.status !== 'OPEN')
        throw new TaxonomyError('CONFLICT', `The suggestion ${s.a} – ${s.b} is ${s.status.toLowerCase()} already.`);
      const live = this.live(claim);
      await this.requireActive(live, [s.a, s.b], 'suggested skill');
      const linked = await Promise.all([
        this.store.getEdge({ type: 'RELATED', from: skillRef(s.a), to: skillRef(s.b) }),
        this.store.getEdge({ type: 'RELATED', from: skillRef(s.b), to: skillRef(s.a) }),
      ]);
      if (linked.some(Boolean))
        throw new TaxonomyError('CONFLICT', `${s.a} and ${s.b} are related already; dismiss the suggestion instead.`);
      const before = await this.requireSkill(live, s.a);
      const next: Suggestion = { ...s, status: 'ACCEPTED', acceptedAt: new Date().toISOString(), acceptedBy: actor };
      const props = { kind: type, provenance: 'MINED', support: s.support, npmi: s.npmi, acceptedAt: next.acceptedAt! };
      const ops: WriteOp[] = [
        { op: 'upsertEdge', edge: { type: 'RELATED', from: skillRef(s.a), to: skillRef(s.b), props } },
        suggestionOp(next),
      ];
      const related = { id: s.b, type, provenance: 'MINED' };
      await this.save(live, actor, 'acceptRelatedSkillSuggestion', before, before, ops, undefined, { related }, [s.b]);
      return next;
    });
  }

  /** Dismisses an OPEN suggestion; it returns only when its support reaches REOPEN_FACTOR × today's. */
  dismissSuggestion(actor: string, aId: string, bId: string, reason: string | undefined): Promise<Suggestion> {
    return this.serial(async (claim) => {
      if (reason && reason.length > MAX_DESCRIPTION_LENGTH)
        throw new TaxonomyError('BAD_USER_INPUT', `reason: at most ${MAX_DESCRIPTION_LENGTH} characters.`);
      const s = await this.requireSuggestion(aId, bId);
      if (s.status === 'ACCEPTED')
        throw new TaxonomyError(
          'CONFLICT',
          `The suggestion ${s.a} – ${s.b} was accepted; unrelateSkills removes the link.`,
        );
      if (s.status === 'DISMISSED') return s;
      const next = dismissed(s, actor, reason);
      await this.commit(claim, [suggestionOp(next)], {
        actor,
        operation: 'dismissRelatedSkillSuggestion',
        subjects: [s.a, s.b],
        before: { status: s.status },
        after: { status: next.status, reason },
      });
      return next;
    });
  }

  /** The suggestion between two skills (either order), or null. */
  async suggestion(
    aId: string,
    bId: string,
    scope: Pick<EditScope, 'getEdge'> = this.store,
  ): Promise<Suggestion | null> {
    const [a, b] = aId < bId ? [aId, bId] : [bId, aId];
    const e = await scope.getEdge({ type: 'SUGGESTED_RELATED', from: skillRef(a), to: skillRef(b) });
    return e ? toSuggestion(e) : null;
  }

  private async requireSuggestion(aId: string, bId: string): Promise<Suggestion> {
    const s = await this.suggestion(aId, bId);
    if (!s) throw new TaxonomyError('NOT_FOUND', `No related-skill suggestion links "${aId}" and "${bId}".`);
    return s;
  }

  /** Writes the new skill state (version + 1, checked against the version read) with extra ops. */
  private async save(
    s: EditScope,
    actor: string,
    operation: string,
    before: Skill,
    after: Skill,
    extra: WriteOp[] = [],
    beforeExtra?: Record<string, unknown>,
    afterExtra?: Record<string, unknown>,
    otherSubjects: string[] = [],
  ): Promise<Skill> {
    const next: Skill = { ...after, version: before.version + 1, updatedAt: new Date().toISOString() };
    await s.write(
      [
        ...extra,
        {
          op: 'upsertNode',
          node: { label: 'Skill', id: before.id, props: skillProps(next) },
          ifVersion: before.version,
        },
      ],
      {
        actor,
        operation,
        subjects: [before.id, ...otherSubjects],
        before: { ...before, ...beforeExtra },
        after: { ...next, ...afterExtra },
      },
    );
    return next;
  }

  private async requireSkill(s: EditScope, id: string): Promise<Skill> {
    const n: NodeRecord | null = await s.getNode(skillRef(id));
    if (!n) throw new TaxonomyError('NOT_FOUND', `No skill has id "${id}".`);
    return toSkill(n);
  }

  private requireNotDeprecated(s: Skill): void {
    if (s.status === 'DEPRECATED')
      throw new TaxonomyError(
        'CONFLICT',
        `Skill "${s.id}" is deprecated${s.replacedBy ? `; edit "${s.replacedBy}" instead` : ''}.`,
      );
  }

  private async requireActive(s: EditScope, ids: string[], what: string): Promise<void> {
    const nodes = await s.getNodes('Skill', ids);
    nodes.forEach((n, i) => {
      if (!n) throw new TaxonomyError('NOT_FOUND', `No skill has id "${ids[i]}" (${what}).`);
      if (n.props.status === 'DEPRECATED')
        throw new TaxonomyError(
          'CONFLICT',
          `The ${what} "${ids[i]}" is deprecated${n.props.replacedBy ? `; use "${n.props.replacedBy}"` : ''}.`,
        );
    });
  }

  /** Names (label/aliases) must not belong to another active skill. */
  private checkNamesFree(s: EditScope, names: string[], ownId: string): void {
    for (const name of names) {
      const other = s.owners(name).find((o) => o !== ownId);
      if (other) throw new TaxonomyError('CONFLICT', `"${name}" is already the label or an alias of skill "${other}".`);
    }
  }

  /** The upward path from `start` to `goal` (inclusive), or null: used to detect cycles. */
  private async parentIds(s: EditScope, id: string): Promise<string[]> {
    return (await s.neighbors(skillRef(id), 'BROADER', 'out')).map((n) => n.node.id).sort();
  }

  private async childIds(s: EditScope, id: string): Promise<string[]> {
    return (await s.neighbors(skillRef(id), 'BROADER', 'in')).map((n) => n.node.id).sort();
  }

  /** All broader skills, each once. */
  private async ancestorIds(s: EditScope, id: string): Promise<string[]> {
    const seen = new Set<string>();
    for (let frontier = [id]; frontier.length;) {
      const parents = await s.neighborsMany('Skill', frontier, 'BROADER', 'out');
      frontier = parents
        .flat()
        .map((p) => p.node.id)
        .filter((p) => p !== id && !seen.has(p) && seen.add(p));
    }
    return [...seen];
  }

  private async pathUp(s: EditScope, start: string, goal: string): Promise<string[] | null> {
    const prev = new Map<string, string | null>([[start, null]]);
    let frontier = [start];
    while (frontier.length) {
      if (frontier.includes(goal)) {
        const path: string[] = [];
        for (let at: string | null = goal; at !== null; at = prev.get(at) ?? null) path.unshift(at);
        return path;
      }
      const parents = await s.neighborsMany('Skill', frontier, 'BROADER', 'out');
      const next: string[] = [];
      frontier.forEach((f, i) => {
        for (const p of parents[i]) {
          if (prev.has(p.node.id)) continue;
          prev.set(p.node.id, f);
          next.push(p.node.id);
        }
      });
      frontier = next;
    }
    return null;
  }

  private async descendants(s: EditScope, id: string): Promise<Set<string>> {
    const seen = new Set<string>();
    let frontier = [id];
    while (frontier.length) {
      const kids = await s.neighborsMany('Skill', frontier, 'BROADER', 'in');
      frontier = kids
        .flat()
        .map((k) => k.node.id)
        .filter((k) => !seen.has(k) && seen.add(k));
    }
    return seen;
  }
}

export function checkLabel(label: string): string {
  const clean = label.trim().replace(/\s+/g, ' ');
  if (!normalizeLabel(clean))
    throw new TaxonomyError('BAD_USER_INPUT', 'label must contain at least one letter or digit.');
  if (clean.length > MAX_LABEL_LENGTH)
    throw new TaxonomyError(
      'BAD_USER_INPUT',
      `label is limited to ${MAX_LABEL_LENGTH} characters (got ${clean.length}).`,
    );
  // eslint-disable-next-line no-control-regex -- the C0 control characters are what is refused
  if (/[\u0000-\u001f]/.test(clean))
    throw new TaxonomyError('BAD_USER_INPUT', 'label must not contain control characters.');
  return clean;
}

export function checkAliases(aliases: string[], label: string): string[] {
  if (aliases.length > MAX_ALIASES) throw new TaxonomyError('BAD_USER_INPUT', `At most ${MAX_ALIASES} aliases.`);
  const seen = new Set([normalizeLabel(label)]);
  const out: string[] = [];
  for (const a of aliases) {
    const clean = checkLabel(a);
    const key = normalizeLabel(clean);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(clean);
  }
  return out;
}

export function checkDescription(d: string): string {
  if (d.length > MAX_DESCRIPTION_LENGTH)
    throw new TaxonomyError('BAD_USER_INPUT', `description is limited to ${MAX_DESCRIPTION_LENGTH} characters.`);
  return d.trim();
}

function checkKind(kind: string): SkillKind {
  const k = kind.toLowerCase() as SkillKind;
  if (!SKILL_KINDS.includes(k))
    throw new TaxonomyError('BAD_USER_INPUT', `kind must be one of ${SKILL_KINDS.join(', ')}.`);
  return k;
}

function suggestionOp(s: Suggestion): WriteOp {
  return {
    op: 'upsertEdge',
    edge: { type: 'SUGGESTED_RELATED', from: skillRef(s.a), to: skillRef(s.b), props: suggestionProps(s) },
  };
}

function dismissed(s: Suggestion, actor: string, reason: string | undefined): Suggestion {
  return {
    ...s,
    status: 'DISMISSED',
    dismissedAt: new Date().toISOString(),
    dismissedBy: actor,
    dismissedSupport: s.support,
    dismissReason: reason,
  };
}
