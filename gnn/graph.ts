/**
 * The GNN's view of the graph: one global index over the node types it learns from, every
 * node's neighbourhood (neighborhood.ts: distinct neighbours with weights and first-seen
 * times) in CSR, and the relations it is trained on. Built from the store's projection (never
 * edge by edge from the store); held-out edges are removed here, before anything else sees them.
 */
import { isInteraction } from '../src/store/types.ts';
import type { EdgeType, NodeLabel, Projection } from '../src/store/types.ts';
import { capNeighbors, neighborEdgeTypes, neighborhoodOf } from './neighborhood.ts';
import type { NeighborEdge, Neighborhood } from './neighborhood.ts';

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

/** The edge types (and directions) a node of `label` aggregates over: neighborhood.ts's rule. */
export function gnnEdges(label: GnnType): Array<{ type: EdgeType; direction: 'out' | 'in' }> {
  return neighborEdgeTypes(label, isGnnType);
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
  /** Aligned with neighbors: each entry's weight (a row's weights per neighbour type average 1)… */
  weight: Float32Array;
  /** …the running sum of its row's weights up to and including it (weighted sampling)… */
  cumWeight: Float64Array;
  /** …and when it became a neighbour (epoch ms; −Infinity when always). */
  since: Float64Array;
  /** Per node: the latest `since` in its row (a time bound at or after it hides nothing). */
  lastSince: Float64Array;
  /**
   * Training pairs by relation, flat [from0, to0, from1, to1, …] global indexes: member→job interactions,
   * member→skill, job→skill.
   */
  pairs: { memberJob: Uint32Array; memberSkill: Uint32Array; jobSkill: Uint32Array };
  /** Each member→job pair's first interaction (epoch ms; Infinity when unknown), aligned with pairs.memberJob/2. */
  memberJobSince: Float64Array;
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

  const rows: NeighborEdge[][] = Array.from({ length: ids.length }, () => []);
  const memberJob = new Map<string, [number, number, number]>();
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
        const first = rel.events?.first[k] ?? NaN;
        const latest = rel.events?.latest[k] ?? NaN;
        const count = rel.events?.count[k] ?? 1;
        rows[a].push({ other: b, type: rel.type, first, latest, count });
        rows[b].push({ other: a, type: rel.type, first, latest, count });
        if (interaction) {
          const key = `${a}:${b}`;
          const t = Number.isNaN(first) ? Infinity : first;
          const prev = memberJob.get(key);
          if (!prev || t < prev[2]) memberJob.set(key, [a, b, t]);
        } else if (rel.type === 'HAS_SKILL') memberSkill.push([a, b]);
        else if (rel.type === 'REQUIRES') jobSkill.push([a, b]);
      }
    }
  }
  const hoods = rows.map((edges) => neighborhoodOf(edges, (u) => type[u]));
  rows.length = 0;
  const offsets = new Uint32Array(ids.length + 1);
  for (let v = 0; v < ids.length; v++) offsets[v + 1] = offsets[v] + hoods[v].nbrs.length;
  const m = offsets[ids.length];
  const neighbors = new Uint32Array(m);
  const weight = new Float32Array(m);
  const cumWeight = new Float64Array(m);
  const since = new Float64Array(m);
  const lastSince = new Float64Array(ids.length).fill(-Infinity);
  for (let v = 0; v < ids.length; v++) {
    const nb = hoods[v];
    const o = offsets[v];
    neighbors.set(nb.nbrs, o);
    weight.set(nb.weight, o);
    since.set(nb.since, o);
    let sum = 0;
    for (let k = 0; k < nb.weight.length; k++) {
      cumWeight[o + k] = sum += nb.weight[k];
      if (nb.since[k] > lastSince[v]) lastSince[v] = nb.since[k];
    }
  }
  const flat = (pairs: Iterable<[number, number]>) => Uint32Array.from([...pairs].flat());
  const mj = [...memberJob.values()];
  return {
    ids,
    type,
    start,
    index,
    offsets,
    neighbors,
    weight,
    cumWeight,
    since,
    lastSince,
    pairs: {
      memberJob: flat(mj.map(([a, b]) => [a, b])),
      memberSkill: flat(memberSkill),
      jobSkill: flat(jobSkill),
    },
    memberJobSince: Float64Array.from(mj, (x) => x[2]),
    seq: p.seq,
  };
}

/** Node v's neighbourhood as the graph holds it (what forwardNew takes). */
export function neighborhoodIn(g: GnnGraph, v: number): Neighborhood {
  const [a, b] = [g.offsets[v], g.offsets[v + 1]];
  return { nbrs: g.neighbors.subarray(a, b), weight: g.weight.subarray(a, b), since: g.since.subarray(a, b) };
}

/** Global entry indexes (into neighbors/weight) of the neighbours node v averages over at inference. */
export function inferenceEntries(g: GnnGraph, v: number, cap: number): Uint32Array {
  const o = g.offsets[v];
  const picked = capNeighbors(g.neighbors.subarray(o, g.offsets[v + 1]), g.weight.subarray(o, g.offsets[v + 1]), cap);
  for (let i = 0; i < picked.length; i++) picked[i] += o;
  return picked;
}
