import { EDGE_ENDPOINTS, EDGE_TYPES, NODE_LABELS } from './types.ts';
import type { CsrRelation, EdgeType, NodeLabel, Projection } from './types.ts';

/** One relation's edge list by id, as a store streams it out. */
export interface EdgeList {
  type: EdgeType;
  from: NodeLabel;
  to: NodeLabel;
  pairs: Iterable<readonly [string, string]>;
}

/** Every (type, from label, to label) relation the schema allows. */
export function allRelations(): Array<{ type: EdgeType; from: NodeLabel; to: NodeLabel }> {
  return EDGE_TYPES.flatMap((type) =>
    (EDGE_ENDPOINTS[type] as ReadonlyArray<readonly [NodeLabel, NodeLabel]>).map(([from, to]) => ({ type, from, to })),
  );
}

/**
 * Builds the GNN's compact projection: sorted ids per label and one CSR per relation.
 * Both stores call this with what they read, so the two projections are identical.
 */
export function buildProjection(
  idsByLabel: Partial<Record<NodeLabel, string[]>>,
  edgeLists: EdgeList[],
  seq: number,
): Projection {
  const ids = {} as Record<NodeLabel, string[]>;
  const index = {} as Record<NodeLabel, Map<string, number>>;
  for (const label of NODE_LABELS) {
    ids[label] = [...(idsByLabel[label] ?? [])].sort();
    index[label] = new Map(ids[label].map((id, i) => [id, i]));
  }
  const relations: CsrRelation[] = [];
  for (const list of edgeLists) {
    const fromIndex = index[list.from];
    const toIndex = index[list.to];
    const src: number[] = [];
    const dst: number[] = [];
    for (const [f, t] of list.pairs) {
      const fi = fromIndex.get(f);
      const ti = toIndex.get(t);
      if (fi === undefined || ti === undefined) continue;
      src.push(fi);
      dst.push(ti);
    }
    if (src.length === 0) continue;
    relations.push({ type: list.type, from: list.from, to: list.to, ...toCsr(ids[list.from].length, src, dst) });
  }
  return { ids, relations, seq };
}

/** Counting sort of (src, dst) pairs into CSR; targets of one source come out ascending. */
export function toCsr(
  numSources: number,
  src: ArrayLike<number>,
  dst: ArrayLike<number>,
): { offsets: Uint32Array; targets: Uint32Array } {
  const offsets = new Uint32Array(numSources + 1);
  for (let i = 0; i < src.length; i++) offsets[src[i] + 1]++;
  for (let i = 0; i < numSources; i++) offsets[i + 1] += offsets[i];
  const cursor = offsets.slice(0, numSources);
  const targets = new Uint32Array(src.length);
  for (let i = 0; i < src.length; i++) targets[cursor[src[i]]++] = dst[i];
  for (let s = 0; s < numSources; s++) targets.subarray(offsets[s], offsets[s + 1]).sort();
  return { offsets, targets };
}
