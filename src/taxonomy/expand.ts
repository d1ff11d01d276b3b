/**
 * Skill expansion over the hierarchy and RELATED links: breadth-first, one store round trip
 * per relation per level. A result's score is the product of the relation weights along the
 * best path that reached it, so it decays with distance:
 *   PARENT 0.7 (broader), CHILD 0.6 (narrower), SIBLING 0.5 (same parent), RELATED 0.6 (a link an editor
 *   made), MINED 0.5 (a RELATED link accepted from a mined suggestion: data-backed, reviewed, one click).
 * Seeds and deprecated skills are never returned. Each level expands only the best-scored
 * 2 × limit frontier skills (a beam), so hubs with hundreds of children stay cheap; a skill
 * dropped from the beam can only lead to scores below those kept.
 */
import type { GraphStore, Neighbor } from '../store/types.ts';

export const EXPANSION_RELATIONS = ['PARENT', 'CHILD', 'SIBLING', 'RELATED', 'MINED'] as const;
export type ExpansionRelation = (typeof EXPANSION_RELATIONS)[number];
export const RELATION_WEIGHT: Record<ExpansionRelation, number> = {
  PARENT: 0.7,
  CHILD: 0.6,
  SIBLING: 0.5,
  RELATED: 0.6,
  MINED: 0.5,
};

export interface ExpansionStep {
  relation: ExpansionRelation;
  skillId: string;
}
export interface ExpandedSkill {
  skillId: string;
  score: number;
  depth: number;
  /** The seed the best path started from. */
  fromId: string;
  /** Steps from the seed to this skill (the last step is this skill). */
  path: ExpansionStep[];
}

/** What a walk reads: a store, or (in the service) the taxonomy's links in memory (links.ts). */
export type LinkSource = Pick<GraphStore, 'neighborsMany'>;

export async function expandSkills(
  store: LinkSource,
  seeds: string[],
  opts: { relations: ExpansionRelation[]; maxDepth: number; limit: number },
): Promise<ExpandedSkill[]> {
  const seedSet = new Set(seeds);
  const best = new Map<string, ExpandedSkill>();
  const want = new Set(opts.relations);
  let frontier: Array<{ id: string; score: number; fromId: string; path: ExpansionStep[] }> = seeds.map((id) => ({
    id,
    score: 1,
    fromId: id,
    path: [],
  }));

  for (let depth = 1; depth <= opts.maxDepth && frontier.length; depth++) {
    const ids = [...new Set(frontier.map((f) => f.id))];
    const step = await neighbourhoods(store, ids, want);
    const next: typeof frontier = [];
    for (const f of frontier) {
      for (const [relation, neighbours] of step.get(f.id) ?? []) {
        // By id, so ties between equally good paths go the same way whatever order the source lists them in.
        for (const n of [...neighbours].sort((x, y) => (x.node.id < y.node.id ? -1 : x.node.id > y.node.id ? 1 : 0))) {
          const id = n.node.id;
          if (seedSet.has(id) || n.node.props.status === 'DEPRECATED') continue;
          const score = f.score * RELATION_WEIGHT[relation];
          const cur = best.get(id);
          if (cur && cur.score >= score) continue;
          const path = [...f.path, { relation, skillId: id }];
          best.set(id, { skillId: id, score, depth, fromId: f.fromId, path });
          next.push({ id, score, fromId: f.fromId, path });
        }
      }
    }
    frontier = next.sort((a, b) => b.score - a.score).slice(0, 2 * opts.limit);
  }
  return [...best.values()].sort((a, b) => b.score - a.score || (a.skillId < b.skillId ? -1 : 1)).slice(0, opts.limit);
}

/** For each id: its neighbours by relation, batched per relation. */
async function neighbourhoods(
  store: LinkSource,
  ids: string[],
  want: Set<ExpansionRelation>,
): Promise<Map<string, Array<[ExpansionRelation, Neighbor[]]>>> {
  const out = new Map<string, Array<[ExpansionRelation, Neighbor[]]>>(ids.map((id) => [id, []]));
  const needParents = want.has('PARENT') || want.has('SIBLING');
  const [parents, children, related] = await Promise.all([
    needParents ? store.neighborsMany('Skill', ids, 'BROADER', 'out') : undefined,
    want.has('CHILD') ? store.neighborsMany('Skill', ids, 'BROADER', 'in') : undefined,
    want.has('RELATED') || want.has('MINED') ? store.neighborsMany('Skill', ids, 'RELATED', 'both') : undefined,
  ]);
  ids.forEach((id, i) => {
    if (want.has('PARENT')) out.get(id)!.push(['PARENT', parents![i]]);
    if (children) out.get(id)!.push(['CHILD', children[i]]);
    const mined = (n: Neighbor) => n.edge.props.provenance === 'MINED';
    if (want.has('RELATED')) out.get(id)!.push(['RELATED', related![i].filter((n) => !mined(n))]);
    if (want.has('MINED')) out.get(id)!.push(['MINED', related![i].filter(mined)]);
  });
  if (want.has('SIBLING')) {
    const parentIds = [...new Set(parents!.flat().map((n) => n.node.id))];
    const kids = await store.neighborsMany('Skill', parentIds, 'BROADER', 'in');
    const childrenOf = new Map(parentIds.map((p, i) => [p, kids[i]]));
    ids.forEach((id, i) => {
      const seen = new Set<string>([id]);
      const sibs: Neighbor[] = [];
      for (const p of parents![i]) {
        for (const c of childrenOf.get(p.node.id) ?? []) {
          if (seen.has(c.node.id)) continue;
          seen.add(c.node.id);
          sibs.push(c);
        }
      }
      out.get(id)!.push(['SIBLING', sibs]);
    });
  }
  return out;
}
