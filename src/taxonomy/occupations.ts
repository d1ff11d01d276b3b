/**
 * Editing occupations: create and change them (label, aliases, description, the group they belong to) and
 * replace the skills they need. The same rules as skill edits (edit.ts): validated first, one transaction with
 * its history record on the taxonomy feed, optimistic concurrency on `version`, serialised with every other
 * taxonomy edit. Occupation labels and aliases are unique among occupations (title normalisation matches on
 * them); a group may not end up inside itself.
 */
import { occupationId } from '../ids.ts';
import type { NodeRecord, WriteOp } from '../store/types.ts';
import { cleanProps } from '../store/types.ts';
import { TaxonomyError, checkAliases, checkDescription, checkLabel } from './edit.ts';
import type { TaxonomyEditor } from './edit.ts';
import type { TaxonomyService } from './service.ts';
import { toOccupation } from './service.ts';
import { slug } from './text.ts';

export const OCCUPATION_RELATIONS = ['essential', 'optional'] as const;
export type OccupationRelation = (typeof OCCUPATION_RELATIONS)[number];
/** The most skills one occupation lists. */
export const MAX_OCCUPATION_SKILLS = 500;

export interface OccupationInput {
  id?: string | null;
  label?: string | null;
  aliases?: string[] | null;
  description?: string | null;
  /** The group it belongs to; null removes it from its group. */
  parentId?: string | null;
}

const ref = (id: string) => ({ label: 'Occupation' as const, id });

export class OccupationEditor {
  constructor(
    private readonly editor: TaxonomyEditor,
    private readonly taxonomy: TaxonomyService,
  ) {}

  private get store() {
    return this.taxonomy.store;
  }

  create(actor: string, input: OccupationInput): Promise<NodeRecord> {
    return this.editor.runEdit(async (write) => {
      const label = checkLabel(input.label ?? '');
      const aliases = checkAliases(input.aliases ?? [], label);
      const id = occupationId(input.id ?? `occupation:${slug(label)}`);
      if (await this.store.getNode(ref(id))) throw new TaxonomyError('CONFLICT', `Occupation "${id}" exists already.`);
      this.requireFreeNames(id, [label, ...aliases]);
      const now = new Date().toISOString();
      const node: NodeRecord = {
        ...ref(id),
        props: cleanProps({
          label,
          aliases,
          description: checkDescription(input.description ?? ''),
          version: 1,
          createdAt: now,
          updatedAt: now,
          source: 'editor',
        }),
      };
      const ops: WriteOp[] = [{ op: 'upsertNode', node, ifVersion: null }];
      if (input.parentId) ops.push(await this.parentEdge(id, input.parentId));
      await write(ops, { actor, operation: 'createOccupation', subjects: [id], after: node.props });
      return node;
    });
  }

  update(actor: string, id: string, expectedVersion: number, input: OccupationInput): Promise<NodeRecord> {
    return this.editor.runEdit(async (write) => {
      const before = await this.requireVersion(id, expectedVersion);
      const o = toOccupation(before);
      const label = input.label != null ? checkLabel(input.label) : o.label;
      const aliases = checkAliases(input.aliases ?? o.aliases, label);
      this.requireFreeNames(id, [label, ...aliases]);
      const props = cleanProps({
        ...before.props,
        label,
        aliases,
        description: input.description != null ? checkDescription(input.description) : o.description,
        version: expectedVersion + 1,
        updatedAt: new Date().toISOString(),
      });
      const ops: WriteOp[] = [
        {
          op: 'upsertNode',
          node: { ...ref(id), props },
          ifVersion: before.props.version === undefined ? undefined : expectedVersion,
        },
      ];
      let parents: string[] | undefined;
      if (input.parentId !== undefined) {
        const current = await this.store.neighbors(ref(id), 'BROADER_OCCUPATION', 'out');
        for (const p of current) ops.push({ op: 'deleteEdge', edge: p.edge });
        if (input.parentId) ops.push(await this.parentEdge(id, input.parentId));
        parents = current.map((p) => p.node.id);
      }
      await write(ops, {
        actor,
        operation: 'updateOccupation',
        subjects: [id],
        before: { ...before.props, ...(parents ? { parentIds: parents } : {}) },
        after: { ...props, ...(parents ? { parentIds: input.parentId ? [input.parentId] : [] } : {}) },
      });
      return { ...ref(id), props };
    });
  }

  /** Replaces the skills an occupation needs. */
  setSkills(
    actor: string,
    id: string,
    expectedVersion: number,
    skills: Array<{ skillId: string; relation: OccupationRelation }>,
  ): Promise<NodeRecord> {
    return this.editor.runEdit(async (write) => {
      if (skills.length > MAX_OCCUPATION_SKILLS)
        throw new TaxonomyError('BAD_USER_INPUT', `An occupation lists at most ${MAX_OCCUPATION_SKILLS} skills.`);
      const wanted = new Map<string, OccupationRelation>();
      for (const s of skills) {
        if (wanted.has(s.skillId))
          throw new TaxonomyError('BAD_USER_INPUT', `Skill "${s.skillId}" is listed twice; list each skill once.`);
        wanted.set(s.skillId, s.relation);
      }
      const inactive = [...wanted.keys()].filter((s) => !this.taxonomy.skillIndex.isActive(s));
      if (inactive.length)
        throw new TaxonomyError(
          'BAD_USER_INPUT',
          `No active skill has id ${inactive
            .slice(0, 5)
            .map((s) => `"${s}"`)
            .join(', ')}.`,
        );
      const before = await this.requireVersion(id, expectedVersion);
      const current = await this.store.neighbors(ref(id), 'NEEDS_SKILL', 'out');
      const ops: WriteOp[] = [];
      for (const c of current)
        if (wanted.get(c.node.id) !== c.edge.props.relation) ops.push({ op: 'deleteEdge', edge: c.edge });
      const kept = new Set(
        current.filter((c) => wanted.get(c.node.id) === c.edge.props.relation).map((c) => c.node.id),
      );
      for (const [skillId, relation] of wanted)
        if (!kept.has(skillId))
          ops.push({
            op: 'upsertEdge',
            edge: { type: 'NEEDS_SKILL', from: ref(id), to: { label: 'Skill', id: skillId }, props: { relation } },
          });
      const props = { ...before.props, version: expectedVersion + 1, updatedAt: new Date().toISOString() };
      ops.unshift({
        op: 'upsertNode',
        node: { ...ref(id), props },
        ifVersion: before.props.version === undefined ? undefined : expectedVersion,
      });
      const list = (xs: Array<[string, string]>) =>
        xs.map(([skillId, relation]) => ({ skillId, relation })).sort((a, b) => (a.skillId < b.skillId ? -1 : 1));
      await write(ops, {
        actor,
        operation: 'setOccupationSkills',
        subjects: [id, ...wanted.keys()].slice(0, 1000),
        before: { skills: list(current.map((c) => [c.node.id, String(c.edge.props.relation)])) },
        after: { skills: list([...wanted]) },
      });
      return { ...ref(id), props };
    });
  }

  /** The occupation at the version the caller read (a stored occupation without one is at version 0). */
  private async requireVersion(id: string, expected: number): Promise<NodeRecord> {
    const node = await this.store.getNode(ref(id));
    if (!node) throw new TaxonomyError('NOT_FOUND', `No occupation has id "${id}".`);
    const version = Number(node.props.version ?? 0);
    if (version !== expected)
      throw new TaxonomyError(
        'CONFLICT',
        `Occupation "${id}" is at version ${version}, not ${expected}: someone changed it meanwhile. Read it again and retry.`,
      );
    return node;
  }

  private requireFreeNames(id: string, names: string[]): void {
    for (const name of names) {
      const owner = this.taxonomy.occupationIndex.owners(name).find((o) => o !== id);
      if (owner)
        throw new TaxonomyError('CONFLICT', `"${name}" is already the label or an alias of occupation "${owner}".`);
    }
  }

  /** The BROADER_OCCUPATION edge to a parent group, refused when the parent is missing or inside `id`. */
  private async parentEdge(id: string, parentId: string): Promise<WriteOp> {
    if (parentId === id) throw new TaxonomyError('CONFLICT', 'An occupation cannot be its own group.');
    if (!(await this.store.getNode(ref(parentId))))
      throw new TaxonomyError('BAD_USER_INPUT', `No occupation or group has id "${parentId}".`);
    const seen = new Set<string>();
    for (let frontier = [parentId]; frontier.length;) {
      const next: string[] = [];
      for (const f of frontier)
        for (const p of await this.store.neighbors(ref(f), 'BROADER_OCCUPATION', 'out')) {
          if (p.node.id === id)
            throw new TaxonomyError('CONFLICT', `"${parentId}" lies inside "${id}"; that would make a cycle.`);
          if (!seen.has(p.node.id)) {
            seen.add(p.node.id);
            next.push(p.node.id);
          }
        }
      frontier = next;
    }
    return { op: 'upsertEdge', edge: { type: 'BROADER_OCCUPATION', from: ref(id), to: ref(parentId), props: {} } };
  }
}
