/**
 * Neighbour sampling for training: fixed fan-outs, with replacement, in proportion to the
 * neighbourhood's weights (recent, strong interactions more often — LiGNN-style), seeded.
 *
 * Time: a target may carry a time bound (a training pair's first interaction); then it and
 * everything sampled through it see only entries that existed before that time (`since` <
 * bound), so a past pair never learns from edges that came after it. A node reached under two
 * bounds that hide different entries is two sample nodes (a bound past all of a node's entries is
 * none; the last hop's nodes are not expanded, so their bound does not matter). And the edge a
 * training pair stands for is hidden from its two endpoints' samples (`forbid`), so the model
 * cannot learn "the answer is my neighbour".
 */
import type { GnnGraph } from './graph.ts';
import type { Blocks } from './sage.ts';

/** Re-draws allowed when a sample hits a forbidden or later neighbour. */
const REDRAWS = 8;

/** The parts of a GnnGraph that sampling and the model's forward pass read (what a training worker holds). */
export type SamplingGraph = Pick<GnnGraph, 'type' | 'offsets' | 'neighbors' | 'cumWeight' | 'since' | 'lastSince'>;

export function sampleBlocks(
  g: SamplingGraph,
  targets: ArrayLike<number>,
  fanouts: number[],
  rand: () => number,
  forbid?: Map<number, Set<number>>,
  /** Per target: only neighbours since before this time (epoch ms); Infinity or absent: all. */
  before?: ArrayLike<number>,
): Blocks & { targetPos: Int32Array } {
  const nodes: number[] = [];
  const bounds: number[] = [];
  const pos = new Map<number | string, number>();
  const add = (v: number, bound: number, expanded = true) => {
    if (!expanded || bound > g.lastSince[v]) bound = Infinity;
    const key = bound === Infinity ? v : `${v}@${bound}`;
    let p = pos.get(key);
    if (p === undefined) {
      p = nodes.length;
      pos.set(key, p);
      nodes.push(v);
      bounds.push(bound);
    }
    return p;
  };
  const targetPos = Int32Array.from({ length: targets.length }, (_, i) => add(targets[i], before?.[i] ?? Infinity));
  const n0 = nodes.length;

  const draw = (p: number, fanout: number, out: Int32Array, at: number, expand: boolean, banned?: Set<number>) => {
    const v = nodes[p];
    const bound = bounds[p];
    const start = g.offsets[v];
    const end = g.offsets[v + 1];
    const total = end > start ? g.cumWeight[end - 1] : 0;
    for (let k = 0; k < fanout; k++) {
      let u = -1;
      for (let tries = 0; total > 0 && tries <= REDRAWS; tries++) {
        const e = weightedEntry(g.cumWeight, start, end, rand() * total);
        const c = g.neighbors[e];
        if (g.since[e] < bound && !banned?.has(c)) {
          u = c;
          break;
        }
      }
      out[at + k] = u < 0 ? -1 : add(u, bound, expand);
    }
  };

  // Hop k+1: fanouts[k] neighbours of every node within k hops (the layer that outputs those
  // nodes aggregates over them); only the targets' draws avoid the forbidden pairs.
  const sizes = [n0];
  const nbr: Int32Array[] = [];
  for (let k = 0; k < fanouts.length; k++) {
    const within = sizes[k];
    const f = fanouts[k];
    const out = new Int32Array(within * f);
    const expand = k < fanouts.length - 1;
    for (let i = 0; i < within; i++) draw(i, f, out, i * f, expand, i < n0 ? forbid?.get(nodes[i]) : undefined);
    sizes.push(nodes.length);
    for (let i = 0; i < out.length; i++) if (out[i] < 0) out[i] = nodes.length;
    nbr.push(out);
  }
  return { nodes: Uint32Array.from(nodes), sizes, nbr, targetPos };
}

/** The entry in [start, end) whose running weight first exceeds r (binary search). */
function weightedEntry(cum: Float64Array, start: number, end: number, r: number): number {
  let lo = start;
  let hi = end - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
