import { EDGE_ENDPOINTS, EDGE_TYPES, NODE_LABELS, interactionHistory, isAnnotation, isInteraction } from './types.ts';
import type { CsrRelation, EdgeType, EventProps, NodeLabel, Projection } from './types.ts';

/** One relation's edge list by id, as a store streams it out; interaction edges carry their props. */
export interface EdgeList {
  type: EdgeType;
  from: NodeLabel;
  to: NodeLabel;
  pairs: Iterable<readonly [string, string, EventProps?]>;
}

/** Every (type, from label, to label) relation the schema allows, annotations aside. */
export function allRelations(): Array<{ type: EdgeType; from: NodeLabel; to: NodeLabel }> {
  return EDGE_TYPES.filter((type) => !isAnnotation(type)).flatMap((type) =>
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
    const props: EventProps[] = [];
    for (const [f, t, p] of list.pairs) {
      const fi = fromIndex.get(f);
      const ti = toIndex.get(t);
      if (fi === undefined || ti === undefined) continue;
      src.push(fi);
      dst.push(ti);
      props.push(p ?? {});
    }
    if (src.length === 0) continue;
    const { offsets, targets, order } = toCsr(ids[list.from].length, src, dst);
    const relation: CsrRelation = { type: list.type, from: list.from, to: list.to, offsets, targets };
    if (isInteraction(list.type)) {
      const first = new Float64Array(order.length);
      const latest = new Float64Array(order.length);
      const count = new Uint32Array(order.length);
      order.forEach((e, k) => {
        ({ first: first[k], latest: latest[k], count: count[k] } = interactionHistory(props[e]));
      });
      relation.events = { first, latest, count };
    }
    relations.push(relation);
  }
  return { ids, relations, seq };
}

/**
 * Counting sort of (src, dst) pairs into CSR; targets of one source come out ascending.
 * order[k] is the input position of the edge at CSR position k.
 */
export function toCsr(
  numSources: number,
  src: ArrayLike<number>,
  dst: ArrayLike<number>,
): { offsets: Uint32Array; targets: Uint32Array; order: Uint32Array } {
  const offsets = new Uint32Array(numSources + 1);
  for (let i = 0; i < src.length; i++) offsets[src[i] + 1]++;
  for (let i = 0; i < numSources; i++) offsets[i + 1] += offsets[i];
  const cursor = offsets.slice(0, numSources);
  const order = new Uint32Array(src.length);
  for (let i = 0; i < src.length; i++) order[cursor[src[i]]++] = i;
  for (let s = 0; s < numSources; s++) order.subarray(offsets[s], offsets[s + 1]).sort((a, b) => dst[a] - dst[b]);
  const targets = Uint32Array.from(order, (i) => dst[i]);
  return { offsets, targets, order };
}
