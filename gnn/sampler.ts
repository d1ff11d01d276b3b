/**
 * Neighbour sampling for training: fixed fan-outs, uniform with replacement (as in the
 * GraphSAGE paper), seeded. The edge a training pair stands for is hidden from its two
 * endpoints' samples (`forbid`), so the model cannot learn "the answer is my neighbour".
 */
import type { GnnGraph } from './graph.ts';
import type { Blocks } from './sage.ts';

/** Re-draws allowed when a sample hits a forbidden neighbour. */
const REDRAWS = 4;

export function sampleBlocks(g: GnnGraph, targets: ArrayLike<number>, fanouts: [number, number], rand: () => number, forbid?: Map<number, Set<number>>): Blocks {
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

  // Hop 1: neighbours of the targets (the last layer aggregates over these).
  const nbr0 = new Int32Array(n0 * fanouts[0]);
  for (let i = 0; i < n0; i++) draw(nodes[i], fanouts[0], nbr0, i * fanouts[0], -1, forbid?.get(nodes[i]));
  const n1 = nodes.length;
  for (let i = 0; i < nbr0.length; i++) if (nbr0[i] < 0) nbr0[i] = n1;

  // Hop 2: neighbours of every hop-1 node (the first layer aggregates over these).
  const nbr1 = new Int32Array(n1 * fanouts[1]);
  for (let i = 0; i < n1; i++) draw(nodes[i], fanouts[1], nbr1, i * fanouts[1], -1, i < n0 ? forbid?.get(nodes[i]) : undefined);
  for (let i = 0; i < nbr1.length; i++) if (nbr1[i] < 0) nbr1[i] = nodes.length;
  return { nodes: Uint32Array.from(nodes), n0, n1, nbr0, nbr1 };
}
