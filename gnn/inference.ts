/**
 * Inference: batch (every node, layer by layer, matrix products on TF.js) and single node
 * (a pure-TypeScript forward pass, no TF.js, for a node the model may never have seen).
 * Both follow sage.ts's equations with graph.ts's inferenceNeighbors, so they agree.
 */
import { inferenceNeighbors, typeIndex } from './graph.ts';
import type { GnnGraph, GnnType } from './graph.ts';
import type { DenseParams, SageConfig, SageParams } from './sage.ts';
import { initTf, matMul, tf } from './tf.ts';
import { normalize } from '../src/vectors/math.ts';

/** Every node's state before each layer (h⁰ … h^{K-1}) and the normalised embeddings z. */
export interface Inference {
  hidden: number;
  outDim: number;
  /** h[l]: nodes × hidden, the input of layer l (h[0] is the input projection). */
  h: Float32Array[];
  z: Float32Array;
}

const CHUNK = 8192;

/** Layer-wise inference over the whole graph. */
export async function inferAll(
  params: SageParams,
  cfg: SageConfig,
  g: GnnGraph,
  features: Float32Array,
  onProgress?: (stage: string) => void,
): Promise<Inference> {
  await initTf();
  const n = g.ids.length;
  const { hidden, outDim, inputDim } = cfg;
  const h0 = new Float32Array(n * hidden);
  const w = (d: DenseParams) => tf.tensor2d(d.w, [d.rows, d.cols]);
  // Input projection: each type's rows are contiguous.
  for (let t = 0; t < cfg.numTypes; t++) {
    const W = w(params.input[t].w);
    const b = tf.tensor1d(params.input[t].b);
    for (let s = g.start[t]; s < g.start[t + 1]; s += CHUNK) {
      const e = Math.min(s + CHUNK, g.start[t + 1]);
      const out = tf.tidy(() =>
        tf.add(matMul(tf.tensor2d(features.subarray(s * inputDim, e * inputDim), [e - s, inputDim]), W), b),
      );
      h0.set(await out.data(), s * hidden);
      out.dispose();
    }
    W.dispose();
    b.dispose();
  }
  onProgress?.('input projection');
  const h: Float32Array[] = [h0];
  const last = params.layers.length - 1;
  let z: Float32Array = h0;
  for (let l = 0; l <= last; l++) {
    const out = await layerAll(
      params.layers[l],
      h[l],
      hidden,
      l === last ? outDim : hidden,
      g,
      cfg.inferenceCap,
      l < last,
    );
    if (l < last) h.push(out);
    else z = out;
    onProgress?.(`layer ${l + 1}`);
  }
  normalizeAll(z, outDim);
  return { hidden, outDim, h, z };
}

async function layerAll(
  layer: SageParams['layers'][number],
  h: Float32Array,
  dIn: number,
  dOut: number,
  g: GnnGraph,
  cap: number,
  relu: boolean,
): Promise<Float32Array> {
  const n = g.ids.length;
  const out = new Float32Array(n * dOut);
  const Ws = tf.tensor2d(layer.self.w, [dIn, dOut]);
  const Wn = tf.tensor2d(layer.neigh.w, [dIn, dOut]);
  const b = tf.tensor1d(layer.b);
  for (let s = 0; s < n; s += CHUNK) {
    const e = Math.min(s + CHUNK, n);
    const mean = new Float32Array((e - s) * dIn);
    for (let v = s; v < e; v++)
      neighborMean(h, dIn, inferenceNeighbors(g.offsets, g.neighbors, v, cap), mean, (v - s) * dIn);
    const r = tf.tidy(() => {
      const y = tf.add(
        tf.add(
          matMul(tf.tensor2d(h.subarray(s * dIn, e * dIn), [e - s, dIn]), Ws),
          matMul(tf.tensor2d(mean, [e - s, dIn]), Wn),
        ),
        b,
      );
      return relu ? tf.relu(y) : y;
    });
    out.set(await r.data(), s * dOut);
    r.dispose();
  }
  Ws.dispose();
  Wn.dispose();
  b.dispose();
  return out;
}

/** Mean of the rows of h at nbrs, written to out at offset (zeros when there are none). */
export function neighborMean(h: Float32Array, d: number, nbrs: ArrayLike<number>, out: Float32Array, offset = 0): void {
  out.fill(0, offset, offset + d);
  if (nbrs.length === 0) return;
  for (let k = 0; k < nbrs.length; k++) {
    const base = nbrs[k] * d;
    for (let j = 0; j < d; j++) out[offset + j] += h[base + j];
  }
  const inv = 1 / nbrs.length;
  for (let j = 0; j < d; j++) out[offset + j] *= inv;
}

function normalizeAll(z: Float32Array, d: number): void {
  for (let o = 0; o < z.length; o += d) normalize(z.subarray(o, o + d));
}

/** y += x·W, W row-major rows × cols. */
export function vecMat(x: ArrayLike<number>, m: DenseParams, y: Float32Array): void {
  const { w, rows, cols } = m;
  for (let i = 0; i < rows; i++) {
    const xi = x[i];
    if (xi === 0) continue;
    const base = i * cols;
    for (let j = 0; j < cols; j++) y[j] += xi * w[base + j];
  }
}

/** h⁰ of one node from its input vector. */
function inputProjection(params: SageParams, type: number, x: ArrayLike<number>): Float32Array {
  const p = params.input[type];
  const y = new Float32Array(p.b.length);
  layerInto(p.w, p.b, x, null, null, false, y);
  return y;
}

/** One layer for one node from its own vector and its neighbours' mean. */
function layerNode(
  layer: SageParams['layers'][number],
  self: ArrayLike<number>,
  mean: ArrayLike<number>,
  relu: boolean,
): Float32Array {
  const y = new Float32Array(layer.b.length);
  layerInto(layer.self, layer.b, self, layer.neigh, mean, relu, y);
  return y;
}

/** The embedding of graph node v computed from raw features (K hops, recursively), without TF.js or caches. */
export function forwardNode(
  params: SageParams,
  cfg: SageConfig,
  g: GnnGraph,
  features: Float32Array,
  v: number,
): Float32Array {
  const d = cfg.inputDim;
  const last = params.layers.length - 1;
  const nbrs = (u: number) => inferenceNeighbors(g.offsets, g.neighbors, u, cfg.inferenceCap);
  const mean = (vs: Float32Array[], dim: number) => {
    const m = new Float32Array(dim);
    for (const x of vs) for (let j = 0; j < dim; j++) m[j] += x[j];
    if (vs.length) for (let j = 0; j < dim; j++) m[j] /= vs.length;
    return m;
  };
  /** h^l(u): the input projection for l = 0, else layer l-1 over h^{l-1} of u and its neighbours. */
  const state = (u: number, l: number): Float32Array => {
    if (l === 0) return inputProjection(params, g.type[u], features.subarray(u * d, (u + 1) * d));
    return layerNode(
      params.layers[l - 1],
      state(u, l - 1),
      mean(
        [...nbrs(u)].map((x) => state(x, l - 1)),
        cfg.hidden,
      ),
      l - 1 < last,
    );
  };
  return normalize(state(v, last + 1));
}

/**
 * Each node's embedding from its own text alone, as if it had no neighbours (what a cold-start
 * node gets), for the nodes of the given types; other rows stay zero.
 */
export function forwardAlone(
  params: SageParams,
  cfg: SageConfig,
  g: GnnGraph,
  features: Float32Array,
  types: GnnType[],
): Float32Array {
  const out = new Float32Array(g.ids.length * cfg.outDim);
  const none: Inference = {
    hidden: cfg.hidden,
    outDim: cfg.outDim,
    h: params.layers.map(() => new Float32Array(0)),
    z: new Float32Array(0),
  };
  for (const type of types) {
    const t = typeIndex(type);
    for (let v = g.start[t]; v < g.start[t + 1]; v++)
      out.set(
        forwardNew(params, cfg, none, t, features.subarray(v * cfg.inputDim, (v + 1) * cfg.inputDim), []),
        v * cfg.outDim,
      );
  }
  return out;
}

/**
 * Inductive: the embedding of a node from its input vector, its type and its neighbours in
 * the graph (global indexes), using the cached h0/h1 of those neighbours.
 */
export function forwardNew(
  params: SageParams,
  cfg: SageConfig,
  cache: Inference,
  type: number,
  x: ArrayLike<number>,
  neighbors: number[],
): Float32Array {
  const nb = sampleNeighbors(neighbors, cfg.inferenceCap);
  // Scratch vectors are reused across calls (only the result is allocated): the hot path of
  // nearline refresh and matching makes no garbage, so no collection lands in its tail.
  const s = scratch(cfg.hidden);
  const last = params.layers.length - 1;
  layerInto(params.input[type].w, params.input[type].b, x, null, null, false, s.h);
  for (let l = 0; l < last; l++) {
    neighborMean(cache.h[l], cfg.hidden, nb, s.mean);
    layerInto(params.layers[l].self, params.layers[l].b, s.h, params.layers[l].neigh, s.mean, true, s.next);
    s.h.set(s.next);
  }
  neighborMean(cache.h[last], cfg.hidden, nb, s.mean);
  const z = new Float32Array(params.layers[last].b.length);
  layerInto(params.layers[last].self, params.layers[last].b, s.h, params.layers[last].neigh, s.mean, false, z);
  return normalize(z);
}

/** Distinct neighbours in ascending order, at most `cap` of them spread evenly (as batch inference picks). */
function sampleNeighbors(neighbors: number[], cap: number): number[] {
  const sorted = neighbors.length <= 1 ? neighbors : [...new Set(neighbors)].sort((a, b) => a - b);
  return sorted.length <= cap
    ? sorted
    : Array.from({ length: cap }, (_, i) => sorted[Math.floor((i * sorted.length) / cap)]);
}

/** y = b + x·W (+ m·N), then ReLU when asked; y is overwritten. */
function layerInto(
  w: DenseParams,
  b: Float32Array,
  x: ArrayLike<number>,
  n: DenseParams | null,
  m: ArrayLike<number> | null,
  relu: boolean,
  y: Float32Array,
): void {
  y.set(b);
  vecMat(x, w, y);
  if (n && m) vecMat(m, n, y);
  if (relu) for (let j = 0; j < y.length; j++) if (y[j] < 0) y[j] = 0;
}

let scratchState: { hidden: number; h: Float32Array; mean: Float32Array; next: Float32Array } | null = null;
function scratch(hidden: number) {
  if (scratchState?.hidden !== hidden)
    scratchState = {
      hidden,
      h: new Float32Array(hidden),
      mean: new Float32Array(hidden),
      next: new Float32Array(hidden),
    };
  return scratchState;
}
