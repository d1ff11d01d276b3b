/**
 * The GNN's view of the graph: one global index over the node types it learns from, the
 * (undirected, de-duplicated) neighbour lists in CSR, and the relations it is trained on.
 * Built from the store's projection (never edge by edge from the store); held-out edges are
 * removed here, before anything else sees them.
 */
import { incidentEdges, isInteraction } from '../src/store/types.ts';
import type { EdgeType, NodeLabel, Projection } from '../src/store/types.ts';

/** Node types the model embeds, in the order of their per-type input projections. */
export const GNN_TYPES = [
  'Member',
  'Job',
  'Skill',
  'Title',
  'Company',
  'Location',
  'Occupation',
] as const satisfies readonly NodeLabel[];
export type GnnType = (typeof GNN_TYPES)[number];

export function isGnnType(label: string): label is GnnType {
  return (GNN_TYPES as readonly string[]).includes(label);
}

/**
 * The neighbourhood rule, the one place it is written: a node aggregates over every edge, in
 * either direction, whose other end is a node type the model embeds. Batch inference (the
 * projection's relations, buildGnnGraph) and single-node inference (these edge types read from
 * the store) both follow it, so their vectors agree.
 */
export function gnnEdges(label: GnnType): Array<{ type: EdgeType; direction: 'out' | 'in' }> {
  const seen = new Set<string>();
  const out: Array<{ type: EdgeType; direction: 'out' | 'in' }> = [];
  for (const e of incidentEdges(label)) {
    const key = `${e.type}:${e.direction}`;
    if (!isGnnType(e.other) || seen.has(key)) continue;
    seen.add(key);
    out.push({ type: e.type, direction: e.direction });
  }
  return out;
}

/** member→job pairs held out of the graph (all interaction types between them). */
export type HeldOut = Set<string>;
export const pairKey = (memberId: string, jobId: string) => `${memberId}\u0000${jobId}`;

export interface GnnGraph {
  /** Global node index → id; type ranges are contiguous in GNN_TYPES order. */
  ids: string[];
  type: Uint8Array;
  /** start[t]..start[t+1] is type t's index range. */
  start: number[];
  index: Map<string, number>[];
  offsets: Uint32Array;
  neighbors: Uint32Array;
  /**
   * Training pairs by relation, flat [from0, to0, from1, to1, …] global indexes: member→job interactions,
   * member→skill, job→skill.
   */
  pairs: { memberJob: Uint32Array; memberSkill: Uint32Array; jobSkill: Uint32Array };
  /** The change-feed position of the projection it was built from. */
  seq: number;
}

export function typeIndex(t: GnnType): number {
  return GNN_TYPES.indexOf(t);
}

export function globalIndex(g: GnnGraph, t: GnnType, id: string): number | undefined {
  return g.index[typeIndex(t)].get(id);
}

/**
 * Builds the GNN graph from a projection, leaving out the held-out member→job pairs, and every
 * edge of the `isolated` members (cold-start evaluation: the nodes stay, with their text).
 */
export function buildGnnGraph(
  p: Projection,
  heldOut: HeldOut = new Set(),
  isolated: Set<string> = new Set(),
): GnnGraph {
  const ids: string[] = [];
  const start: number[] = [];
  const index: Map<string, number>[] = [];
  for (const t of GNN_TYPES) {
    start.push(ids.length);
    const m = new Map<string, number>();
    for (const id of p.ids[t]) {
      m.set(id, ids.length);
      ids.push(id);
    }
    index.push(m);
  }
  start.push(ids.length);
  const type = new Uint8Array(ids.length);
  for (let t = 0; t < GNN_TYPES.length; t++) type.fill(t, start[t], start[t + 1]);

  const src: number[] = [];
  const dst: number[] = [];
  const memberJob = new Map<string, [number, number]>();
  const memberSkill: Array<[number, number]> = [];
  const jobSkill: Array<[number, number]> = [];
  for (const rel of p.relations) {
    if (!isGnnType(rel.from) || !isGnnType(rel.to)) continue;
    const fromT = typeIndex(rel.from);
    const toT = typeIndex(rel.to);
    const fromIds = p.ids[rel.from];
    const toIds = p.ids[rel.to];
    const interaction = isInteraction(rel.type);
    for (let i = 0; i < fromIds.length; i++) {
      for (let k = rel.offsets[i]; k < rel.offsets[i + 1]; k++) {
        const j = rel.targets[k];
        if (interaction && heldOut.has(pairKey(fromIds[i], toIds[j]))) continue;
        if (isolated.size && rel.from === 'Member' && isolated.has(fromIds[i])) continue;
        const a = start[fromT] + i;
        const b = start[toT] + j;
        src.push(a, b);
        dst.push(b, a);
        if (interaction) memberJob.set(`${a}:${b}`, [a, b]);
        else if (rel.type === 'HAS_SKILL') memberSkill.push([a, b]);
        else if (rel.type === 'REQUIRES') jobSkill.push([a, b]);
      }
    }
  }
  const { offsets, neighbors } = undirectedCsr(ids.length, src, dst);
  const flat = (pairs: Iterable<[number, number]>) => Uint32Array.from([...pairs].flat());
  return {
    ids,
    type,
    start,
    index,
    offsets,
    neighbors,
    pairs: { memberJob: flat(memberJob.values()), memberSkill: flat(memberSkill), jobSkill: flat(jobSkill) },
    seq: p.seq,
  };
}

/** CSR with each row's neighbours sorted and de-duplicated. */
function undirectedCsr(n: number, src: number[], dst: number[]): { offsets: Uint32Array; neighbors: Uint32Array } {
  const counts = new Uint32Array(n + 1);
  for (const s of src) counts[s + 1]++;
  for (let i = 0; i < n; i++) counts[i + 1] += counts[i];
  const cursor = counts.slice(0, n);
  const raw = new Uint32Array(src.length);
  for (let i = 0; i < src.length; i++) raw[cursor[src[i]]++] = dst[i];
  const offsets = new Uint32Array(n + 1);
  const out: number[] = [];
  for (let v = 0; v < n; v++) {
    const row = raw.subarray(counts[v], counts[v + 1]).sort();
    for (let k = 0; k < row.length; k++) if (k === 0 || row[k] !== row[k - 1]) out.push(row[k]);
    offsets[v + 1] = out.length;
  }
  return { offsets, neighbors: Uint32Array.from(out) };
}

/**
 * The neighbours a node aggregates over at inference: all of them up to `cap`, else `cap`
 * spread evenly over the sorted list. Deterministic, so batch and single-node inference agree.
 */
export function inferenceNeighbors(offsets: Uint32Array, neighbors: Uint32Array, v: number, cap: number): Uint32Array {
  const row = neighbors.subarray(offsets[v], offsets[v + 1]);
  if (row.length <= cap) return row;
  const out = new Uint32Array(cap);
  for (let i = 0; i < cap; i++) out[i] = row[Math.floor((i * row.length) / cap)];
  return out;
}
