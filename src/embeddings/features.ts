/**
 * Node input features: the text encoder's vector of each node's text (nodeText: a member's
 * headline, summary and experience; a job's title and description; a skill's label and
 * aliases…). Row v of the matrix belongs to global node v.
 */
import { GNN_TYPES } from '../../gnn/index.ts';
import type { GnnGraph } from '../../gnn/index.ts';
import { nodeText } from '../marketplace/text.ts';
import { nodePages } from '../store/scan.ts';
import type { GraphStore } from '../store/types.ts';
import type { TextEncoder } from '../text/types.ts';

export interface Features {
  dim: number;
  /** rows × dim, row-major. */
  data: Float32Array;
  /** The encoder that made them. */
  encoder: string;
}

const BATCH = 512;

/** Encodes every node of the graph (nodes the store no longer has get a zero row). */
export async function computeFeatures(
  store: GraphStore,
  g: GnnGraph,
  encoder: TextEncoder,
  onProgress?: (done: number, total: number) => void,
): Promise<Features> {
  const dim = encoder.dim;
  const data = new Float32Array(g.ids.length * dim);
  let done = 0;
  for (const [t, label] of GNN_TYPES.entries()) {
    for await (const page of nodePages(store, label, 2000)) {
      const rows: number[] = [];
      const texts: string[] = [];
      for (const n of page) {
        const v = g.index[t].get(n.id);
        if (v === undefined) continue;
        rows.push(v);
        texts.push(nodeText(n) || label);
      }
      for (let i = 0; i < texts.length; i += BATCH) {
        const vectors = await encoder.embed(texts.slice(i, i + BATCH));
        vectors.forEach((vec, k) => data.set(vec, rows[i + k] * dim));
      }
      done += rows.length;
      onProgress?.(done, g.ids.length);
    }
  }
  return { dim, data, encoder: encoder.id };
}
