/**
 * Inference: batch (every node, layer by layer, matrix products on TF.js) and single node
 * (a pure-TypeScript forward pass, no TF.js, for a node the model may never have seen).
 * Both follow sage.ts's equations over neighborhood.ts's neighbourhoods (the same weights, the
 * same cap), so they agree.
 */
import { inferenceEntries, typeIndex } from './graph.ts';
import type { GnnGraph, GnnType } from './graph.ts';
import { capNeighbors } from './neighborhood.ts';
import type { Neighborhood } from './neighborhood.ts';
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

/**
 * Layer-wise inference over the whole graph; with `targets`, only what those nodes' embeddings need (their
 * K-hop capped neighbourhoods, layer by layer): their rows of `z` are what the whole graph's inference gives,
 * the other rows stay zero (an epoch's validation over a sample of a million jobs needs a fraction of them).
 */
export async function inferAll(
  params: SageParams,
  cfg: SageConfig,
  g: GnnGraph,
  features: Float32Array,
  onProgress?: (stage: string) => void,
  targets?: ArrayLike<number>,
): Promise<Inference> {
  await initTf();
  const n = g.ids.length;
  const { hidden, outDim, inputDim } = cfg;
  const layers = params.layers.length;
  const need = targets ? neededNodes(g, cfg, layers, targets) : null;
  const h0 = new Float32Array(n * hidden);
  const w = (d: DenseParams) => tf.tensor2d(d.w, [d.rows, d.cols]);
  // Input projection, by type (each type's rows are contiguous, and so are its needed nodes, sorted).
  for (let t = 0; t < cfg.numTypes; t++) {
    const nodes = need ? need[0].subarray(lowerBound(need[0], g.start[t]), lowerBound(need[0], g.start[t + 1])) : null;
    const count = nodes ? nodes.length : g.start[t + 1] - g.start[t];
    if (count === 0) continue;
    const W = w(params.input[t].w);
    const b = tf.tensor1d(params.input[t].b);
    for (let s = 0; s < count; s += CHUNK) {
      const e = Math.min(s + CHUNK, count);
      const x = rowsOf(features, inputDim, nodes, g.start[t], s, e);
      const out = tf.tidy(() => tf.add(matMul(tf.tensor2d(x, [e - s, inputDim]), W), b));
      putRows(h0, hidden, nodes, g.start[t], s, (await out.data()) as Float32Array);
      out.dispose();
    }
    W.dispose();
    b.dispose();
  }
  onProgress?.('input projection');
  const h: Float32Array[] = [h0];
  const last = layers - 1;
  let z: Float32Array = h0;
  for (let l = 0; l <= last; l++) {
    const out = await layerAll(
      params.layers[l],
      h[l],
      hidden,
      l === last ? outDim : hidden,
      g,
      cfg,
      l < last,
      need ? need[l + 1] : null,
    );
    if (l < last) h.push(out);
    else z = out;
    onProgress?.(`layer ${l + 1}`);
  }
  if (need) for (const v of need[layers]) normalize(z.subarray(v * outDim, (v + 1) * outDim));
  else normalizeAll(z, outDim);
  return { hidden, outDim, h, z };
}

/**
 * need[l]: the nodes whose input to layer l (h^l) the targets' embeddings depend on, sorted; need[K] the
 * targets. Each layer needs its nodes and their capped neighbours one layer down.
 */
function neededNodes(g: GnnGraph, cfg: SageConfig, layers: number, targets: ArrayLike<number>): Uint32Array[] {
  const n = g.ids.length;
  const need: Uint32Array[] = new Array(layers + 1);
  let mark = new Uint8Array(n);
  for (let i = 0; i < targets.length; i++) mark[targets[i]] = 1;
  need[layers] = marked(mark);
  for (let l = layers - 1; l >= 0; l--) {
    const below = new Uint8Array(n);
    for (const v of need[l + 1]) {
      below[v] = 1;
      for (const e of inferenceEntries(g, v, cfg.inferenceCap)) below[g.neighbors[e]] = 1;
    }
    mark = below;
    need[l] = marked(mark);
  }
  return need;
}

function marked(mark: Uint8Array): Uint32Array {
  let count = 0;
  for (let v = 0; v < mark.length; v++) count += mark[v];
  const out = new Uint32Array(count);
  for (let v = 0, k = 0; v < mark.length; v++) if (mark[v]) out[k++] = v;
  return out;
}

/** The first position of sorted `a` holding a value ≥ x. */
function lowerBound(a: Uint32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Rows s…e of a chunk of nodes (the listed ones, or base + s … base + e) of m, d wide, side by side. */
function rowsOf(m: Float32Array, d: number, nodes: Uint32Array | null, base: number, s: number, e: number) {
  if (!nodes) return m.subarray((base + s) * d, (base + e) * d);
  const x = new Float32Array((e - s) * d);
  for (let i = s; i < e; i++) x.set(m.subarray(nodes[i] * d, (nodes[i] + 1) * d), (i - s) * d);
  return x;
}

/** Writes a chunk's rows (rowsOf's layout) back into m. */
function putRows(m: Float32Array, d: number, nodes: Uint32Array | null, base: number, s: number, rows: Float32Array) {
  if (!nodes) return m.set(rows, (base + s) * d);
  for (let i = 0; i * d < rows.length; i++) m.set(rows.subarray(i * d, (i + 1) * d), nodes[s + i] * d);
}

/** One layer for every node, or for the listed ones (sorted); other rows of the output stay zero. */
async function layerAll(
  layer: SageParams['layers'][number],
  h: Float32Array,
  dIn: number,
  dOut: number,
  g: GnnGraph,
  cfg: SageConfig,
  relu: boolean,
  nodes: Uint32Array | null,
): Promise<Float32Array> {
  const n = g.ids.length;
  const count = nodes ? nodes.length : n;
  const T = cfg.numTypes;
  const out = new Float32Array(n * dOut);
  const Ws = tf.tensor2d(layer.self.w, [dIn, dOut]);
  const Wn = tf.tensor2d(layer.neigh.w, [T * dIn, dOut]);
  const b = tf.tensor1d(layer.b);
  const wsum = new Float64Array(T);
  for (let s = 0; s < count; s += CHUNK) {
    const e = Math.min(s + CHUNK, count);
    const mean = new Float32Array((e - s) * T * dIn);
    for (let i = s; i < e; i++) {
      const v = nodes ? nodes[i] : i;
      const entries = inferenceEntries(g, v, cfg.inferenceCap);
      typedMean(
        h,
        dIn,
        T,
        entries.length,
        (k) => g.neighbors[entries[k]],
        (k) => g.weight[entries[k]],
        g.type,
        mean,
        (i - s) * T * dIn,
        wsum,
      );
    }
    const self = rowsOf(h, dIn, nodes, 0, s, e);
    const r = tf.tidy(() => {
      const y = tf.add(
        tf.add(matMul(tf.tensor2d(self, [e - s, dIn]), Ws), matMul(tf.tensor2d(mean, [e - s, T * dIn]), Wn)),
        b,
      );
      return relu ? tf.relu(y) : y;
    });
    putRows(out, dOut, nodes, 0, s, (await r.data()) as Float32Array);
    r.dispose();
  }
  Ws.dispose();
  Wn.dispose();
  b.dispose();
  return out;
}

/**
 * Per neighbour type, the weighted mean of the rows of h of n neighbours (nbr(i), weight(i)), written
 * side by side (T × d) to out at offset; a type without neighbours gets zeros. wsum: T scratch.
 */
export function typedMean(
  h: Float32Array,
  d: number,
  T: number,
  n: number,
  nbr: (i: number) => number,
  weight: (i: number) => number,
  types: Uint8Array,
  out: Float32Array,
  offset: number,
  wsum: Float64Array,
): void {
  out.fill(0, offset, offset + T * d);
  wsum.fill(0);
  for (let i = 0; i < n; i++) {
    const u = nbr(i);
    const w = weight(i);
    const t = types[u];
    wsum[t] += w;
    const base = u * d;
    const o = offset + t * d;
    for (let j = 0; j < d; j++) out[o + j] += w * h[base + j];
  }
  for (let t = 0; t < T; t++) {
    if (wsum[t] === 0) continue;
    const inv = 1 / wsum[t];
    const o = offset + t * d;
    for (let j = 0; j < d; j++) out[o + j] *= inv;
  }
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
  const T = cfg.numTypes;
  const last = params.layers.length - 1;
  const wsum = new Float64Array(T);
  /** h^l(u): the input projection for l = 0, else layer l-1 over h^{l-1} of u and its neighbours. */
  const state = (u: number, l: number): Float32Array => {
    if (l === 0) return inputProjection(params, g.type[u], features.subarray(u * d, (u + 1) * d));
    const entries = inferenceEntries(g, u, cfg.inferenceCap);
    // The neighbours' states side by side, so typedMean can read them as rows 0…n-1.
    const rows = new Float32Array(entries.length * cfg.hidden);
    const rowTypes = new Uint8Array(entries.length);
    entries.forEach((e, i) => {
      rows.set(state(g.neighbors[e], l - 1), i * cfg.hidden);
      rowTypes[i] = g.type[g.neighbors[e]];
    });
    const mean = new Float32Array(T * cfg.hidden);
    typedMean(
      rows,
      cfg.hidden,
      T,
      entries.length,
      (i) => i,
      (i) => g.weight[entries[i]],
      rowTypes,
      mean,
      0,
      wsum,
    );
    return layerNode(params.layers[l - 1], state(u, l - 1), mean, l - 1 < last);
  };
  return normalize(state(v, last + 1));
}

/**
 * Each node's embedding from its own text alone, as if it had no neighbours (what a cold-start
 * node gets), for the nodes of the given types; other rows stay zero. forwardNew without neighbours,
 * for many rows at once: the input projection and each layer's self part as matrix products on TF.js (the
 * neighbour part is zero), CHUNK rows at a time.
 */
export async function forwardAlone(
  params: SageParams,
  cfg: SageConfig,
  g: GnnGraph,
  features: Float32Array,
  types: GnnType[],
): Promise<Float32Array> {
  await initTf();
  const out = new Float32Array(g.ids.length * cfg.outDim);
  const dense = (d: DenseParams) => tf.tensor2d(d.w, [d.rows, d.cols]);
  const last = params.layers.length - 1;
  const layers = params.layers.map((l) => ({ w: dense(l.self), b: tf.tensor1d(l.b) }));
  for (const type of types) {
    const t = typeIndex(type);
    const input = { w: dense(params.input[t].w), b: tf.tensor1d(params.input[t].b) };
    for (let s = g.start[t]; s < g.start[t + 1]; s += CHUNK) {
      const e = Math.min(s + CHUNK, g.start[t + 1]);
      const z = tf.tidy(() => {
        const x = tf.tensor2d(features.subarray(s * cfg.inputDim, e * cfg.inputDim), [e - s, cfg.inputDim]);
        let h = tf.add(matMul(x, input.w), input.b) as tf.Tensor2D;
        layers.forEach((l, i) => {
          const y = tf.add(matMul(h, l.w), l.b) as tf.Tensor2D;
          h = i < last ? tf.relu(y) : y;
        });
        return h;
      });
      out.set((await z.data()) as Float32Array, s * cfg.outDim);
      z.dispose();
    }
    input.w.dispose();
    input.b.dispose();
    for (let v = g.start[t]; v < g.start[t + 1]; v++) normalize(out.subarray(v * cfg.outDim, (v + 1) * cfg.outDim));
  }
  for (const l of layers) {
    l.w.dispose();
    l.b.dispose();
  }
  return out;
}

/**
 * Inductive: the embedding of a node from its input vector, its type and its neighbourhood in
 * the graph (neighborhood.ts's neighbourhoodOf over global indexes; `types` their node types),
 * using the cached h⁰ … h^{K-1} of those neighbours.
 */
export function forwardNew(
  params: SageParams,
  cfg: SageConfig,
  cache: Inference,
  types: Uint8Array,
  type: number,
  x: ArrayLike<number>,
  hood: Pick<Neighborhood, 'nbrs' | 'weight'>,
): Float32Array {
  const picked = capNeighbors(hood.nbrs, hood.weight, cfg.inferenceCap);
  const nbr = (i: number) => hood.nbrs[picked[i]];
  const weight = (i: number) => hood.weight[picked[i]];
  // Scratch vectors are reused across calls: besides the result a call allocates only the chosen
  // positions (at most inferenceCap integers), so nearline refresh and matching make little garbage.
  const s = scratch(cfg.hidden, cfg.numTypes);
  const last = params.layers.length - 1;
  layerInto(params.input[type].w, params.input[type].b, x, null, null, false, s.h);
  for (let l = 0; l < last; l++) {
    typedMean(cache.h[l], cfg.hidden, cfg.numTypes, picked.length, nbr, weight, types, s.mean, 0, s.wsum);
    layerInto(params.layers[l].self, params.layers[l].b, s.h, params.layers[l].neigh, s.mean, true, s.next);
    s.h.set(s.next);
  }
  typedMean(cache.h[last], cfg.hidden, cfg.numTypes, picked.length, nbr, weight, types, s.mean, 0, s.wsum);
  const z = new Float32Array(params.layers[last].b.length);
  layerInto(params.layers[last].self, params.layers[last].b, s.h, params.layers[last].neigh, s.mean, false, z);
  return normalize(z);
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

let scratchState: {
  hidden: number;
  types: number;
  h: Float32Array;
  mean: Float32Array;
  next: Float32Array;
  wsum: Float64Array;
} | null = null;
function scratch(hidden: number, types: number) {
  if (scratchState?.hidden !== hidden || scratchState.types !== types)
    scratchState = {
      hidden,
      types,
      h: new Float32Array(hidden),
      mean: new Float32Array(types * hidden),
      next: new Float32Array(hidden),
      wsum: new Float64Array(types),
    };
  return scratchState;
}
