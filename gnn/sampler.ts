/**
 * Neighbour sampling for training: fixed fan-outs, uniform with replacement (as in the
 * GraphSAGE paper), seeded. The edge a training pair stands for is hidden from its two
 * endpoints' samples (`forbid`), so the model cannot learn "the answer is my neighbour".
 */
import type { GnnGraph } from './graph.ts';
import type { Blocks } from './sage.ts';

/** Re-draws allowed when a sample hits a forbidden neighbour. */
const REDRAWS = 4;

export function sampleBlocks(
  g: GnnGraph,
  targets: ArrayLike<number>,
  fanouts: number[],
  rand: () => number,
  forbid?: Map<number, Set<number>>,
): Blocks {
  const nodes: number[] = [];
  const pos = new Map<number, number>();
  const add = (v: number) => {
    let p = pos.get(v);
    if (p === undefined) {
      p = nodes.length;
      pos.set(v, p);
      nodes.push(v);
    }
    return p;
  };
  for (let i = 0; i < targets.length; i++) add(targets[i]);
  const n0 = nodes.length;

  const draw = (v: number, fanout: number, out: Int32Array, at: number, none: number, banned?: Set<number>) => {
    const start = g.offsets[v];
    const deg = g.offsets[v + 1] - start;
    for (let k = 0; k < fanout; k++) {
      let u = -1;
      if (deg > 0) {
        for (let tries = 0; tries <= REDRAWS; tries++) {
          const c = g.neighbors[start + Math.floor(rand() * deg)];
          if (!banned?.has(c)) {
            u = c;
            break;
          }
        }
      }
      out[at + k] = u < 0 ? none : add(u);
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
    for (let i = 0; i < within; i++) draw(nodes[i], f, out, i * f, -1, i < n0 ? forbid?.get(nodes[i]) : undefined);
    sizes.push(nodes.length);
    for (let i = 0; i < out.length; i++) if (out[i] < 0) out[i] = nodes.length;
    nbr.push(out);
  }
  return { nodes: Uint32Array.from(nodes), sizes, nbr };
}
