/**
 * The taxonomy as the API sees it: reads over the GraphStore plus the in-memory search
 * indexes, kept current from the store's change feed (so edits made by another replica
 * against the same Neo4j show up too).
 */
import { nodePages } from '../store/scan.ts';
import { KEPT_SUBJECTS } from '../store/types.ts';
import type { GraphStore, NodeRecord } from '../store/types.ts';
import { toSkill } from './model.ts';
import type { RelationType, Skill } from './model.ts';
import { linkTypesFrom, TaxonomyLinks } from './links.ts';
import type { LinkType } from './links.ts';
import { LabelSearchIndex } from './search.ts';

export interface OccupationView {
  id: string;
  label: string;
  aliases: string[];
  description: string;
  /** An ISCO group (ESCO's occupation hierarchy above the occupations), not an occupation. */
  isGroup: boolean;
  /** The ISCO or ESCO code, when imported. */
  code: string | null;
  /** 0 until first edited (seeded and imported occupations carry none). */
  version: number;
}

export function toOccupation(n: NodeRecord): OccupationView {
  return {
    id: n.id,
    label: String(n.props.label ?? n.id),
    aliases: (n.props.aliases as string[] | undefined) ?? [],
    description: String(n.props.description ?? ''),
    isGroup: n.props.isIscoGroup === true,
    code: typeof n.props.code === 'string' ? n.props.code : null,
    version: Number(n.props.version ?? 0),
  };
}

export class TaxonomyService {
  readonly skillIndex = new LabelSearchIndex();
  readonly occupationIndex = new LabelSearchIndex();
  /** The taxonomy's links in memory (links.ts): what its walks and hierarchy fields read. */
  readonly links = new TaxonomyLinks();
  /** Ids of ISCO groups among the occupations (titles never normalise to a group). */
  readonly occupationGroups = new Set<string>();
  /**
   * Skills and occupations as of the last sync — the snapshot the search indexes were built from, so a search's
   * hits are answered from it without a store round trip (skillView, occupationView).
   */
  private readonly skillViews = new Map<string, Skill>();
  private readonly occupationViews = new Map<string, OccupationView>();
  private position = 0;
  /** Counts the pages of taxonomy events applied: the cached roots below say which they were computed at. */
  private generation = 0;
  private roots: { generation: number; ids: string[] } | null = null;
  private occupationRoots: { generation: number; ids: string[] } | null = null;
  /** The running (or last) sync: syncs run one after another, never interleaved. */
  private syncing: Promise<void> = Promise.resolve();
  /** The sync queued behind the one running and not begun yet, if any. */
  private queued: Promise<void> | null = null;
  private readonly skillListeners: Array<(id: string, skill: Skill | null) => Promise<void> | void> = [];

  constructor(readonly store: GraphStore) {}

  /** Builds the search indexes and the links from the store; call once at start-up. */
  async init(): Promise<void> {
    this.position = await this.store.lastSeq();
    for (const label of ['Skill', 'Occupation'] as const) {
      for await (const page of nodePages(this.store, label)) {
        for (const n of page) this.index(n);
        const ids = page.map((n) => n.id);
        // Only the links: the records at their other ends are indexed in their own pages.
        const types = linkTypesFrom(label);
        const lists = await Promise.all(types.map((t) => this.store.neighborLinksMany(label, ids, t, 'out')));
        types.forEach((t, k) =>
          ids.forEach((id, i) => {
            for (const n of lists[k][i]) this.links.link(t, id, n.node.id, n.edge.props);
          }),
        );
      }
    }
  }

  /** Called with every skill that changes (null when it was deleted), after the indexes are updated. */
  onSkillChange(listener: (id: string, skill: Skill | null) => Promise<void> | void): void {
    this.skillListeners.push(listener);
  }

  /**
   * Applies change events since the last sync to the indexes. Called by a timer and after
   * every edit; calls queue behind each other, so an edit's caller sees its own change applied.
   */
  sync(): Promise<void> {
    // Callers that arrive before a queued sync has begun share it (it reads the feed after all their calls):
    // a request's resolvers asking at once cost one sync, not one each.
    if (this.queued) return this.queued;
    const next: Promise<void> = this.syncing
      .catch(() => undefined)
      .then(() => {
        if (this.queued === next) this.queued = null;
        return this.applyNewChanges();
      });
    this.queued = next;
    this.syncing = next;
    return next;
  }

  private async applyNewChanges(): Promise<void> {
    // Every event up to the head read first is committed (the feed's counter orders commits), so once the events
    // about the taxonomy after the position are read, the position moves to the head even where none were.
    const head = await this.store.lastSeq();
    if (head <= this.position) return; // nothing committed since: one round trip
    for (;;) {
      // The taxonomy's events: skills, occupations and their links (TaxonomyLinks) — what a trimmed feed keeps.
      const events = await this.store.changes(this.position, PAGE, KEPT_SUBJECTS);
      if (events.length === 0) {
        this.position = Math.max(this.position, head);
        return;
      }
      const touched = { Skill: new Set<string>(), Occupation: new Set<string>() };
      for (const e of events) this.links.apply(e);
      for (const e of events)
        if (e.node?.label === 'Skill' || e.node?.label === 'Occupation') touched[e.node.label].add(e.node.id);
      for (const label of ['Skill', 'Occupation'] as const) {
        const ids = [...touched[label]];
        const nodes = await this.store.getNodes(label, ids);
        for (let i = 0; i < ids.length; i++) {
          const n = nodes[i];
          if (n) this.index(n);
          else {
            (label === 'Skill' ? this.skillIndex : this.occupationIndex).remove(ids[i]);
            (label === 'Skill' ? this.skillViews : this.occupationViews).delete(ids[i]);
          }
          if (!n) this.links.remove(label, ids[i]);
          if (label === 'Skill') for (const l of this.skillListeners) await l(ids[i], n ? toSkill(n) : null);
        }
      }
      this.position = events[events.length - 1].seq;
      this.generation++;
      if (events.length < PAGE) {
        this.position = Math.max(this.position, head);
        return;
      }
    }
  }

  private index(n: NodeRecord): void {
    if (n.label === 'Skill') {
      const s = toSkill(n);
      this.skillViews.set(s.id, Object.freeze(s)); // shared by every request that finds it
      this.skillIndex.upsert({ id: s.id, label: s.label, aliases: s.aliases, status: s.status });
      this.links.setSkill(s.id, s.status);
    } else if (n.label === 'Occupation') {
      const o = toOccupation(n);
      this.occupationViews.set(o.id, Object.freeze(o));
      this.occupationIndex.upsert({ id: o.id, label: o.label, aliases: o.aliases });
      if (o.isGroup) this.occupationGroups.add(o.id);
      else this.occupationGroups.delete(o.id);
    }
  }

  /** A skill as of the last sync (what skillIndex holds), or undefined. */
  skillView(id: string): Skill | undefined {
    return this.skillViews.get(id);
  }

  /** An occupation as of the last sync (what occupationIndex holds), or undefined. */
  occupationView(id: string): OccupationView | undefined {
    return this.occupationViews.get(id);
  }

  /** Active skills without a parent, from the links in memory (one sync first), kept until the taxonomy changes. */
  async rootIds(): Promise<string[]> {
    await this.sync();
    if (this.roots?.generation !== this.generation) {
      const ids: string[] = [];
      for (const s of this.skillViews.values())
        if (s.status !== 'DEPRECATED' && this.links.linked('BROADER', s.id, 'out').size === 0) ids.push(s.id);
      this.roots = { generation: this.generation, ids };
    }
    return this.roots.ids;
  }

  /** Occupations and groups outside any group (ESCO: the ISCO major groups), kept until the taxonomy changes. */
  async occupationRootIds(): Promise<string[]> {
    await this.sync();
    if (this.occupationRoots?.generation !== this.generation) {
      const ids = [...this.occupationViews.keys()].filter(
        (id) => this.links.linked('BROADER_OCCUPATION', id, 'out').size === 0,
      );
      this.occupationRoots = { generation: this.generation, ids };
    }
    return this.occupationRoots.ids;
  }

  /** The group an occupation belongs to (none, or one), and the occupations and groups inside one. */
  async occupationParentIds(id: string): Promise<string[]> {
    await this.sync();
    return this.linkedIds('BROADER_OCCUPATION', id, 'out');
  }

  async occupationChildIds(id: string): Promise<string[]> {
    await this.sync();
    return this.linkedIds('BROADER_OCCUPATION', id, 'in');
  }

  // The hierarchy and related links below are read from the links in memory, brought up to the store's change
  // feed first (one round trip on Neo4j when nothing was committed since the last sync; the store took one per
  // level, ancestors one per skill).

  async parentIds(id: string): Promise<string[]> {
    await this.sync();
    return this.linkedIds('BROADER', id, 'out');
  }

  async childIds(id: string): Promise<string[]> {
    await this.sync();
    return this.linkedIds('BROADER', id, 'in');
  }

  /** Other children of any parent, each once. */
  async siblingIds(id: string): Promise<string[]> {
    await this.sync();
    const out = new Set<string>();
    for (const p of this.linkedIds('BROADER', id, 'out'))
      for (const c of this.linkedIds('BROADER', p, 'in')) if (c !== id) out.add(c);
    return [...out].sort();
  }

  /** All broader skills, breadth-first (nearest first), each once. */
  async ancestorIds(id: string): Promise<string[]> {
    await this.sync();
    const seen = new Set<string>([id]);
    const order: string[] = [];
    let frontier = [id];
    while (frontier.length) {
      const next: string[] = [];
      for (const f of frontier) {
        for (const p of this.linkedIds('BROADER', f, 'out')) {
          if (seen.has(p)) continue;
          seen.add(p);
          order.push(p);
          next.push(p);
        }
      }
      frontier = next;
    }
    return order;
  }

  /** A skill's RELATED links, either way; provenance MINED for links accepted from mined suggestions. */
  async related(id: string): Promise<Array<{ id: string; type: RelationType; provenance: 'EDITOR' | 'MINED' }>> {
    await this.sync();
    const links = [...this.links.linked('RELATED', id, 'out'), ...this.links.linked('RELATED', id, 'in')];
    return links.map(([other, props]) => ({
      id: other,
      type: String(props.kind ?? 'SIMILAR') as RelationType,
      provenance: props.provenance === 'MINED' ? 'MINED' : 'EDITOR',
    }));
  }

  private linkedIds(type: LinkType, id: string, direction: 'out' | 'in'): string[] {
    return [...this.links.linked(type, id, direction).keys()].sort();
  }

  /** The occupations that need a skill (NEEDS_SKILL), by id, from the links after a sync. */
  async occupationsOf(skillId: string): Promise<Array<{ occupationId: string; relation: OccupationSkillRelation }>> {
    await this.sync();
    return [...this.links.linked('NEEDS_SKILL', skillId, 'in')]
      .map(([occupationId, props]) => ({ occupationId, relation: relationOf(props.relation) }))
      .sort((a, b) => (a.occupationId < b.occupationId ? -1 : 1));
  }

  /** The skills an occupation needs, by id, from the links after a sync. */
  async skillsOf(occupationId: string): Promise<Array<{ skillId: string; relation: OccupationSkillRelation }>> {
    await this.sync();
    return [...this.links.linked('NEEDS_SKILL', occupationId, 'out')]
      .map(([skillId, props]) => ({ skillId, relation: relationOf(props.relation) }))
      .sort((a, b) => (a.skillId < b.skillId ? -1 : 1));
  }
}

/** How an occupation needs a skill (ESCO's essential / optional). */
export type OccupationSkillRelation = 'essential' | 'optional';
const PAGE = 1000;

const relationOf = (v: unknown): OccupationSkillRelation => (v === 'essential' ? 'essential' : 'optional');
