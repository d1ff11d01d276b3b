/**
 * A node's GNN neighbourhood — the one definition that batch training (graph.ts builds every
 * row with it), batch inference and nearline single-node inference (src/embeddings, from the
 * store's edges) share:
 *
 *   which edges   every edge type, in either direction, whose other end the model embeds
 *                 (gnnEdges); several edges to one neighbour (VIEWED and APPLIED) are one entry
 *   how much      weight = Σ over those edges of RELATION_WEIGHTS[type] × (1 + ln repeats) ×
 *                 2^((latest − newest) / half-life), then scaled so that each neighbour type's
 *                 weights average 1 (so only differences in time matter, never the clock, and
 *                 a node's mix of neighbour types is what its edges are)
 *   since when    an interaction's first event (epoch ms); −∞ for edges without time. Training
 *                 samples for a pair at time t only see entries with since < t.
 *   which, capped inference averages over at most `cap` entries: the heaviest, ties broken by a
 *                 fixed hash of the neighbour's index (deterministic, so batch = nearline)
 *
 * The weights are configured, not learned: APPLIED and HIRED say more about fit than VIEWED.
 */
import { incidentEdges, interactionHistory, isInteraction } from '../src/store/types.ts';
import type { EdgeType, EventProps, NodeLabel } from '../src/store/types.ts';

/** How much one edge of a type counts, before repeats and recency. Types not listed count 1. */
export const RELATION_WEIGHTS: Partial<Record<EdgeType, number>> = { VIEWED: 1, SAVED: 2, APPLIED: 3, HIRED: 5 };

/** Interactions lose half their weight against a neighbour of the same type this many days newer. */
export const RECENCY_HALF_LIFE_DAYS = 90;
const HALF_LIFE_MS = RECENCY_HALF_LIFE_DAYS * 86_400_000;

/** One edge as the neighbourhood sees it: the neighbour (global index), its type and history. */
export interface NeighborEdge {
  other: number;
  type: EdgeType;
  /** Epoch ms of the first and latest event; NaN for edges without time. */
  first: number;
  latest: number;
  count: number;
}

export interface Neighborhood {
  /** Distinct neighbours, ascending. */
  nbrs: Uint32Array;
  weight: Float32Array;
  /** When the neighbour became one (epoch ms); −Infinity when always. */
  since: Float64Array;
}

/**
 * The edge types a node of `label` aggregates over, in either direction, whose other end is a type
 * the model embeds (`embedded`).
 */
export function neighborEdgeTypes(
  label: NodeLabel,
  embedded: (l: NodeLabel) => boolean,
): Array<{ type: EdgeType; direction: 'out' | 'in' }> {
  const seen = new Set<string>();
  const out: Array<{ type: EdgeType; direction: 'out' | 'in' }> = [];
  for (const e of incidentEdges(label)) {
    const key = `${e.type}:${e.direction}`;
    if (!embedded(e.other) || seen.has(key)) continue;
    seen.add(key);
    out.push({ type: e.type, direction: e.direction });
  }
  return out;
}

/** An edge's history from its props (interactionHistory, as the projection reads it); none for other edges. */
export function edgeHistory(type: EdgeType, props: EventProps): Pick<NeighborEdge, 'first' | 'latest' | 'count'> {
  return isInteraction(type) ? interactionHistory(props) : { first: NaN, latest: NaN, count: 1 };
}

/** An edge's weight before recency: its relation's weight, more for repeats. */
export function edgeStrength(type: EdgeType, count: number): number {
  return (RELATION_WEIGHTS[type] ?? 1) * (1 + Math.log(Math.max(1, count)));
}

/** A node's neighbourhood from its edges (any order); `typeOf` gives a neighbour's type index. */
export function neighborhoodOf(edges: NeighborEdge[], typeOf: (v: number) => number): Neighborhood {
  const sorted = [...edges].sort((a, b) => a.other - b.other);
  const nbrs: number[] = [];
  const strength: number[] = [];
  const latest: number[] = [];
  const since: number[] = [];
  for (let i = 0; i < sorted.length;) {
    const other = sorted[i].other;
    let j = i;
    let newest = NaN;
    for (; j < sorted.length && sorted[j].other === other; j++) newest = newer(newest, sorted[j].latest);
    let s = 0;
    let first = Infinity;
    for (let k = i; k < j; k++) {
      const e = sorted[k];
      s += edgeStrength(e.type, e.count) * decay(e.latest, newest);
      const f = Number.isNaN(e.first) ? -Infinity : e.first;
      if (f < first) first = f;
    }
    nbrs.push(other);
    strength.push(s);
    latest.push(newest);
    since.push(first);
    i = j;
  }
  // Per neighbour type: recency against the type's newest entry, then scaled to mean 1.
  const groups = new Map<number, number[]>();
  nbrs.forEach((v, k) => {
    const t = typeOf(v);
    (groups.get(t) ?? groups.set(t, []).get(t)!).push(k);
  });
  const weight = new Float32Array(nbrs.length);
  for (const members of groups.values()) {
    let newest = NaN;
    for (const k of members) newest = newer(newest, latest[k]);
    let sum = 0;
    for (const k of members) sum += weight[k] = strength[k] * decay(latest[k], newest);
    const scale = sum > 0 ? members.length / sum : 1;
    for (const k of members) weight[k] = sum > 0 ? weight[k] * scale : 1;
  }
  return { nbrs: Uint32Array.from(nbrs), weight, since: Float64Array.from(since) };
}

/** The later of two times, either of which may be NaN (unknown). */
function newer(a: number, b: number): number {
  return Number.isNaN(a) || b > a ? b : a;
}

/** 2^((t − newest) / half-life), 1 when either time is unknown; at least 2⁻⁶⁰. */
function decay(t: number, newest: number): number {
  if (Number.isNaN(t) || Number.isNaN(newest)) return 1;
  return Math.pow(2, Math.max(-60, (t - newest) / HALF_LIFE_MS));
}

/**
 * Positions (ascending) of the entries inference averages over: all when there are at most `cap`,
 * else the `cap` heaviest, ties broken by a fixed hash of the neighbour.
 */
export function capNeighbors(nbrs: ArrayLike<number>, weight: ArrayLike<number>, cap: number): Uint32Array {
  const n = nbrs.length;
  if (n <= cap) return Uint32Array.from({ length: n }, (_, i) => i);
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => weight[b] - weight[a] || hash(nbrs[a]) - hash(nbrs[b]) || a - b);
  return Uint32Array.from(order.slice(0, cap)).sort();
}

function hash(v: number): number {
  return Math.imul(v ^ (v >>> 16), 0x45d9f3b) >>> 0;
}
