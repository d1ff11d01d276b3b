/**
 * The taxonomy's links in memory: skills' BROADER and RELATED edges, occupations' BROADER_OCCUPATION edges (their
 * groups), the skills each occupation needs (NEEDS_SKILL) and each skill's status, built from the store at
 * start-up and kept current from its change feed by TaxonomyService (like the search indexes). Walks over the
 * taxonomy (expandSkills), a skill's parents, children, siblings, ancestors, related skills and occupations,
 * occupations' groups, members and skills, and the top-level skills and occupations read it instead of the store:
 * no round trip per level on Neo4j. It answers neighborsMany as the store would for the edge types within one
 * label, with light node records (id and status; walks need no more), and `linked` with the edges' props.
 */
import type { ChangeEvent, Direction, EdgeRecord, Neighbor, NodeLabel, Props } from '../store/types.ts';

export type LinkType = 'BROADER' | 'RELATED' | 'BROADER_OCCUPATION' | 'NEEDS_SKILL';
/** What each link type joins: the labels of its start and its end. */
const ENDS = new Map<string, readonly [NodeLabel, NodeLabel]>([
  ['BROADER', ['Skill', 'Skill']],
  ['RELATED', ['Skill', 'Skill']],
  ['BROADER_OCCUPATION', ['Occupation', 'Occupation']],
  ['NEEDS_SKILL', ['Occupation', 'Skill']],
]);
const LINK_TYPES = [...ENDS.keys()] as LinkType[];

/** The link types that start at nodes of `label` (what start-up reads of each skill's or occupation's edges). */
export function linkTypesFrom(label: NodeLabel): LinkType[] {
  return LINK_TYPES.filter((t) => ENDS.get(t)![0] === label);
}
const NONE: ReadonlyMap<string, Props> = new Map();

export class TaxonomyLinks {
  /** type → from → to → edge props. */
  private readonly out = new Map<LinkType, Map<string, Map<string, Props>>>();
  /** type → to → from → edge props. */
  private readonly in = new Map<LinkType, Map<string, Map<string, Props>>>();
  private readonly status = new Map<string, string>();

  constructor() {
    for (const t of LINK_TYPES) {
      this.out.set(t, new Map());
      this.in.set(t, new Map());
    }
  }

  setSkill(id: string, status: string | null): void {
    if (status === null) this.remove('Skill', id);
    else this.status.set(id, status);
  }

  /** A skill or occupation deleted: its links either way (of the types that join its label), and its status. */
  remove(label: NodeLabel, id: string): void {
    if (label === 'Skill') this.status.delete(id);
    for (const t of LINK_TYPES) {
      const [from, to] = ENDS.get(t)!;
      if (from === label) for (const other of [...(this.out.get(t)!.get(id)?.keys() ?? [])]) this.unlink(t, id, other);
      if (to === label) for (const other of [...(this.in.get(t)!.get(id)?.keys() ?? [])]) this.unlink(t, other, id);
    }
  }

  link(type: LinkType, from: string, to: string, props: Props): void {
    const add = (m: Map<string, Map<string, Props>>, a: string, b: string) => {
      let inner = m.get(a);
      if (!inner) m.set(a, (inner = new Map()));
      inner.set(b, props);
    };
    add(this.out.get(type)!, from, to);
    add(this.in.get(type)!, to, from);
  }

  unlink(type: LinkType, from: string, to: string): void {
    this.out.get(type)!.get(from)?.delete(to);
    this.in.get(type)!.get(to)?.delete(from);
  }

  /** Applies one change event (edge events of other types and other labels are ignored). */
  apply(e: ChangeEvent): void {
    const type = e.edge?.type as LinkType;
    const ends = ENDS.get(type);
    if (e.edge && ends && e.edge.from.label === ends[0] && e.edge.to.label === ends[1]) {
      if (e.kind === 'edge.upsert') this.link(type, e.edge.from.id, e.edge.to.id, e.props ?? {});
      else this.unlink(type, e.edge.from.id, e.edge.to.id);
    }
  }

  /** What `id` links to by `type` (out) or what links to it (in), each with its edge's props. */
  linked(type: LinkType, id: string, direction: 'out' | 'in'): ReadonlyMap<string, Props> {
    return (direction === 'out' ? this.out : this.in).get(type)!.get(id) ?? NONE;
  }

  /** The store's neighborsMany for these edge types. */
  async neighborsMany(label: NodeLabel, ids: string[], type: string, direction: Direction): Promise<Neighbor[][]> {
    const t = type as LinkType;
    const ends = ENDS.get(t);
    if (!ends || ends[0] !== label || ends[1] !== label)
      throw new Error(
        `TaxonomyLinks walks skills' BROADER and RELATED and occupations' BROADER_OCCUPATION edges, not ${label} ${type}`,
      );
    return ids.map((id) => {
      const list: Neighbor[] = [];
      const push = (other: string, props: Props, outgoing: boolean) => {
        const self = { label, id };
        const them = { label, id: other };
        const edge: EdgeRecord = { type: t, from: outgoing ? self : them, to: outgoing ? them : self, props };
        list.push({ node: { ...them, props: { status: this.status.get(other) ?? 'ACTIVE' } }, edge });
      };
      if (direction !== 'in') for (const [to, p] of this.out.get(t)!.get(id) ?? []) push(to, p, true);
      if (direction !== 'out') for (const [from, p] of this.in.get(t)!.get(id) ?? []) push(from, p, false);
      return list;
    });
  }
}
