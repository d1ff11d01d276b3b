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

export class TaxonomyEditor {
  private queue: Promise<unknown> = Promise.resolve();
  /** The revision claim of the edit under way; every write of that edit carries it. */
  private claim: WriteOp | null = null;

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
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      try {
        for (let attempt = 1; ; attempt++) {
          const revision = await this.store.revision(TAXONOMY_REVISION);
          await this.taxonomy.sync();
          this.claim = { op: 'claimRevision', name: TAXONOMY_REVISION, expect: revision };
          try {
            return await work();
          } catch (err) {
            if (!(err instanceof RevisionConflict) || attempt === ATTEMPTS) throw err;
          } finally {
            this.claim = null;
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
  runEdit<T>(work: (write: (ops: WriteOp[], audit: Omit<AuditInput, 'feed'>) => Promise<WriteResult>) => Promise<T>) {
    return this.serial(() => work((ops, audit) => this.write(ops, audit)));
  }

  /** A taxonomy write: the revision claim, the ops and a record on the taxonomy feed. */
  private write(ops: WriteOp[], audit: Omit<AuditInput, 'feed'>): Promise<WriteResult> {
    if (!this.claim) throw new Error('taxonomy writes run inside serial()');
    return this.store.write([this.claim, ...ops], { feed: 'taxonomy', ...audit });
  }

  createSkill(actor: string, input: CreateSkillInput): Promise<Skill> {
    return this.serial(async () => {
      const label = checkLabel(input.label);
      const aliases = checkAliases(input.aliases ?? [], label);
      const description = checkDescription(input.description ?? '');
      const kind = checkKind(input.kind ?? 'skill');
      const id = input.id != null ? checkSkillId(input.id) : idForLabel(label);
      if (await this.store.getNode(skillRef(id)))
        throw new TaxonomyError(
          'CONFLICT',
          `A skill with id "${id}" already exists${input.id ? '' : ' (derived from the label); pass an explicit id'}.`,
        );
      this.checkNamesFree([label, ...aliases], id);
      const parents = [...new Set(input.parentIds ?? [])];
      await this.requireActive(parents, 'parent');
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
      await this.write(
        [
          { op: 'upsertNode', node: { label: 'Skill', id, props: skillProps(skill) }, ifVersion: null },
          ...parents.map((p): WriteOp => ({ op: 'upsertEdge', edge: { ...broaderEdge(id, p), props: {} } })),
        ],
        { actor, operation: 'createSkill', subjects: [id], after: { ...skill, parentIds: parents } },
      );
      return skill;
    });
  }

  updateSkill(actor: string, id: string, expectedVersion: number, input: UpdateSkillInput): Promise<Skill> {
    return this.serial(async () => {
      const before = await this.requireSkill(id);
      if (before.version !== expectedVersion) {
        throw new TaxonomyError(
          'CONFLICT',
          `Skill "${id}" is at version ${before.version}, not ${expectedVersion}: someone changed it since you read it. Reload and retry.`,
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
      this.checkNamesFree([label, ...aliases], id);
      return this.save(actor, 'updateSkill', before, { ...before, label, aliases, description, kind });
    });
  }

  addSkillAlias(actor: string, id: string, alias: string): Promise<Skill> {
    return this.serial(async () => {
      const before = await this.requireSkill(id);
      this.requireNotDeprecated(before);
      const [clean] = checkAliases([alias], before.label);
      if (clean === undefined)
        throw new TaxonomyError('BAD_USER_INPUT', `"${alias}" is the skill's own label, not an alias.`);
      if (before.aliases.some((a) => normalizeLabel(a) === normalizeLabel(clean))) return before;
      if (before.aliases.length >= MAX_ALIASES)
        throw new TaxonomyError('BAD_USER_INPUT', `At most ${MAX_ALIASES} aliases.`);
      this.checkNamesFree([clean], id);
      return this.save(actor, 'addSkillAlias', before, { ...before, aliases: [...before.aliases, clean] });
    });
  }

  removeSkillAlias(actor: string, id: string, alias: string): Promise<Skill> {
    return this.serial(async () => {
      const before = await this.requireSkill(id);
      const key = normalizeLabel(alias);
      const aliases = before.aliases.filter((a) => normalizeLabel(a) !== key);
      if (aliases.length === before.aliases.length)
        throw new TaxonomyError(
          'NOT_FOUND',
          `Skill "${id}" has no alias "${alias}"; its aliases are: ${before.aliases.join(', ') || '(none)'}.`,
        );
      return this.save(actor, 'removeSkillAlias', before, { ...before, aliases });
    });
  }

  setSkillParents(actor: string, id: string, parentIds: string[]): Promise<Skill> {
    return this.serial(async () => {
      const before = await this.requireSkill(id);
      const parents = [...new Set(parentIds)];
      if (parents.includes(id)) throw new TaxonomyError('BAD_USER_INPUT', `Skill "${id}" cannot be its own parent.`);
      await this.requireActive(parents, 'parent');
      for (const p of parents) {
        const cycle = await this.pathUp(p, id);
        if (cycle)
          throw new TaxonomyError(
            'CONFLICT',
            `Making "${p}" a parent of "${id}" would create a cycle: ${[id, ...cycle].join(' -> ')}.`,
          );
      }
      const current = await this.taxonomy.parentIds(id);
      const ops: WriteOp[] = [
        ...current
          .filter((p) => !parents.includes(p))
          .map((p): WriteOp => ({ op: 'deleteEdge', edge: broaderEdge(id, p) })),
        ...parents
          .filter((p) => !current.includes(p))
          .map((p): WriteOp => ({ op: 'upsertEdge', edge: { ...broaderEdge(id, p), props: {} } })),
      ];
      return this.save(actor, 'setSkillParents', before, before, ops, { parentIds: current }, { parentIds: parents });
    });
  }

  relateSkills(actor: string, fromId: string, toId: string, type: RelationType): Promise<Skill> {
    return this.serial(async () => {
      if (fromId === toId) throw new TaxonomyError('BAD_USER_INPUT', 'A skill cannot be related to itself.');
      if (!RELATION_TYPES.includes(type))
        throw new TaxonomyError('BAD_USER_INPUT', `type must be one of ${RELATION_TYPES.join(', ')}.`);
      const before = await this.requireSkill(fromId);
      await this.requireActive([toId], 'related skill');
      const ops: WriteOp[] = [
        {
          op: 'upsertEdge',
          edge: { type: 'RELATED', from: skillRef(fromId), to: skillRef(toId), props: { kind: type } },
        },
      ];
      return this.save(actor, 'relateSkills', before, before, ops, undefined, { related: { id: toId, type } }, [toId]);
    });
  }

  unrelateSkills(actor: string, fromId: string, toId: string): Promise<Skill> {
    return this.serial(async () => {
      const before = await this.requireSkill(fromId);
      await this.requireSkill(toId);
      const edges = [
        { type: 'RELATED' as const, from: skillRef(fromId), to: skillRef(toId) },
        { type: 'RELATED' as const, from: skillRef(toId), to: skillRef(fromId) },
      ];
      const existing = (await Promise.all(edges.map((e) => this.store.getEdge(e)))).filter((e) => e !== null);
      if (existing.length === 0)
        throw new TaxonomyError('NOT_FOUND', `Skills "${fromId}" and "${toId}" are not related.`);
      const ops = existing.map((e): WriteOp => ({ op: 'deleteEdge', edge: e }));
      // Removing a link accepted from a mined suggestion dismisses the suggestion, so mining does not offer it again.
      const accepted = await this.suggestion(fromId, toId);
      if (accepted?.status === 'ACCEPTED')
        ops.push(suggestionOp({ ...dismissed(accepted, actor, 'unrelated after accepting') }));
      return this.save(
        actor,
        'unrelateSkills',
        before,
        before,
        ops,
        { related: existing.map((e) => ({ from: e.from.id, to: e.to.id, type: e.props.kind })) },
        undefined,
        [toId],
      );
    });
  }

  deprecateSkill(actor: string, id: string, replacedById?: string | null): Promise<Skill> {
    return this.serial(async () => {
      const before = await this.requireSkill(id);
      this.requireNotDeprecated(before);
      if (replacedById === id) throw new TaxonomyError('BAD_USER_INPUT', 'A skill cannot be replaced by itself.');
      if (replacedById) await this.requireActive([replacedById], 'replacement');
      return this.save(actor, 'deprecateSkill', before, {
        ...before,
        status: 'DEPRECATED',
        replacedBy: replacedById ?? undefined,
      });
    });
  }

  /**
   * Moves the source's label and aliases, hierarchy, related links and every reference
   * (occupations, members, jobs) to the target; the source becomes DEPRECATED with replacedBy.
   * Links that would create a cycle or a self-link are dropped and listed in the history.
   */
  mergeSkills(actor: string, sourceId: string, targetId: string): Promise<Skill> {
    return this.serial(async () => {
      if (sourceId === targetId) throw new TaxonomyError('BAD_USER_INPUT', 'Cannot merge a skill into itself.');
      const source = await this.requireSkill(sourceId);
      const target = await this.requireSkill(targetId);
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
      const targetAncestors = new Set(await this.taxonomy.ancestorIds(targetId));
      const targetDescendants = await this.descendants(targetId);
      // Hierarchy: the source's parents become the target's, its children the target's.
      for (const p of await this.taxonomy.parentIds(sourceId)) {
        ops.push({ op: 'deleteEdge', edge: broaderEdge(sourceId, p) });
        if (p === targetId || targetDescendants.has(p)) dropped.push(`parent ${p}`);
        else ops.push({ op: 'upsertEdge', edge: { ...broaderEdge(targetId, p), props: {} } });
      }
      for (const c of await this.taxonomy.childIds(sourceId)) {
        ops.push({ op: 'deleteEdge', edge: broaderEdge(c, sourceId) });
        if (c === targetId || targetAncestors.has(c)) dropped.push(`child ${c}`);
        else ops.push({ op: 'upsertEdge', edge: { ...broaderEdge(c, targetId), props: {} } });
      }
      // Every other edge into or out of the source moves to the target, props kept; an edge the target already
      // has wins.
      for (const type of ['RELATED', 'NEEDS_SKILL', 'HAS_SKILL', 'REQUIRES', 'SKILL_FEEDBACK', 'SKILL_FLAG'] as const) {
        for (const n of await this.store.neighbors(skillRef(sourceId), type, 'both')) {
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
          if (!(await this.store.getEdge(moved))) ops.push({ op: 'upsertEdge', edge: { ...moved, props: e.props } });
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
      await this.write(ops, {
        actor,
        operation: 'mergeSkills',
        subjects: [sourceId, targetId],
        before: { source, target },
        after: { source: newSource, target: newTarget, dropped },
      });
      return newTarget;
    });
  }

  /** Writes the new skill state (version + 1, checked against the version read) with extra ops. */
  /** Brings the stored suggestions in line with a mining run (mining.ts), in one taxonomy write. */
  recordMinedSuggestions(actor: string, mined: MinedPair[]): Promise<MiningReport> {
    return this.serial(async () => {
      const stored = await readSuggestions(this.store);
      const { ops, report } = suggestionChanges(stored, mined, new Date().toISOString());
      if (ops.length) await this.write(ops, { actor, operation: 'mineRelatedSkills', subjects: [], after: report });
      return report;
    });
  }

  /**
   * Accepts an OPEN mined suggestion: a RELATED link of `type` with provenance MINED and the evidence it was
   * accepted on, and the suggestion marked ACCEPTED, in one write.
   */
  acceptSuggestion(actor: string, aId: string, bId: string, type: RelationType): Promise<Suggestion> {
    return this.serial(async () => {
      if (!RELATION_TYPES.includes(type))
        throw new TaxonomyError('BAD_USER_INPUT', `type must be one of ${RELATION_TYPES.join(', ')}.`);
      const s = await this.requireSuggestion(aId, bId);
      if (s.status !== 'OPEN')
        throw new TaxonomyError('CONFLICT', `The suggestion ${s.a} – ${s.b} is ${s.status.toLowerCase()} already.`);
      await this.requireActive([s.a, s.b], 'suggested skill');
      const linked = await Promise.all([
        this.store.getEdge({ type: 'RELATED', from: skillRef(s.a), to: skillRef(s.b) }),
        this.store.getEdge({ type: 'RELATED', from: skillRef(s.b), to: skillRef(s.a) }),
      ]);
      if (linked.some(Boolean))
        throw new TaxonomyError('CONFLICT', `${s.a} and ${s.b} are related already; dismiss the suggestion instead.`);
      const before = await this.requireSkill(s.a);
      const next: Suggestion = { ...s, status: 'ACCEPTED', acceptedAt: new Date().toISOString(), acceptedBy: actor };
      const props = { kind: type, provenance: 'MINED', support: s.support, npmi: s.npmi, acceptedAt: next.acceptedAt! };
      const ops: WriteOp[] = [
        { op: 'upsertEdge', edge: { type: 'RELATED', from: skillRef(s.a), to: skillRef(s.b), props } },
        suggestionOp(next),
      ];
      const related = { id: s.b, type, provenance: 'MINED' };
      await this.save(actor, 'acceptRelatedSkillSuggestion', before, before, ops, undefined, { related }, [s.b]);
      return next;
    });
  }

  /** Dismisses an OPEN suggestion; it returns only when its support reaches REOPEN_FACTOR × today's. */
  dismissSuggestion(actor: string, aId: string, bId: string, reason: string | undefined): Promise<Suggestion> {
    return this.serial(async () => {
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
      await this.write([suggestionOp(next)], {
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
  async suggestion(aId: string, bId: string): Promise<Suggestion | null> {
    const [a, b] = aId < bId ? [aId, bId] : [bId, aId];
    const e = await this.store.getEdge({ type: 'SUGGESTED_RELATED', from: skillRef(a), to: skillRef(b) });
    return e ? toSuggestion(e) : null;
  }

  private async requireSuggestion(aId: string, bId: string): Promise<Suggestion> {
    const s = await this.suggestion(aId, bId);
    if (!s) throw new TaxonomyError('NOT_FOUND', `No related-skill suggestion links "${aId}" and "${bId}".`);
    return s;
  }

  private async save(
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
    await this.write(
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

  private async requireSkill(id: string): Promise<Skill> {
    const n: NodeRecord | null = await this.store.getNode(skillRef(id));
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

  private async requireActive(ids: string[], what: string): Promise<void> {
    const nodes = await this.store.getNodes('Skill', ids);
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
  private checkNamesFree(names: string[], ownId: string): void {
    for (const name of names) {
      const other = this.taxonomy.skillIndex.owners(name).find((o) => o !== ownId);
      if (other) throw new TaxonomyError('CONFLICT', `"${name}" is already the label or an alias of skill "${other}".`);
    }
  }

  /** The upward path from `start` to `goal` (inclusive), or null: used to detect cycles. */
  private async pathUp(start: string, goal: string): Promise<string[] | null> {
    const prev = new Map<string, string | null>([[start, null]]);
    let frontier = [start];
    while (frontier.length) {
      if (frontier.includes(goal)) {
        const path: string[] = [];
        for (let at: string | null = goal; at !== null; at = prev.get(at) ?? null) path.unshift(at);
        return path;
      }
      const parents = await this.store.neighborsMany('Skill', frontier, 'BROADER', 'out');
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

  private async descendants(id: string): Promise<Set<string>> {
    const seen = new Set<string>();
    let frontier = [id];
    while (frontier.length) {
      const kids = await this.store.neighborsMany('Skill', frontier, 'BROADER', 'in');
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
