/**
 * GraphSAGE, heterogeneous by input and by relation: each node type has its own input
 * projection (text vector → hidden), then K layers shared by all node types whose neighbour
 * term has one weight matrix per neighbour type (HeteroConv-style: a member's jobs, skills,
 * titles, companies and places each get their own transform), over weighted means
 * (neighborhood.ts: APPLIED/HIRED over VIEWED, repeats, recency):
 *
 *   h⁰(v)  = x(v)·W_type(v) + b_type(v)
 *   hˡ(v)  = relu(hˡ⁻¹(v)·Wˡ_self + Σ_t mean_{u ∈ N_t(v)} hˡ⁻¹(u)·Wˡ_t + bˡ)      l = 1 … K-1
 *   z(v)   = normalize(hᴷ⁻¹(v)·Wᴷ_self + Σ_t mean_{u ∈ N_t(v)} hᴷ⁻¹(u)·Wᴷ_t + bᴷ)
 *
 * N_t(v) is v's neighbours of type t; an empty type's mean is zero (the stacked [W_1; …; W_T]
 * is one matrix, `neigh`). Training samples N(v) (sampler.ts: draws in proportion to the
 * weights, or by degree); inference takes the weighted mean over every neighbour up to a cap
 * (graph.ts: inferenceEntries). The parameters are plain Float32Arrays (SageParams) so the
 * pure-TypeScript kernel, the TF.js model and the files on disk all share one layout.
 */
import { seededRandom } from '../src/random.ts';
import { aggregateRows, dataTimesWeights, gatherRows, matMul, tf } from './tf.ts';

export interface SageConfig {
  inputDim: number;
  hidden: number;
  outDim: number;
  numTypes: number;
  /**
   * Neighbours sampled per node in training, one per layer: [hop 1 (for the last layer), hop 2,
   * …]. Its length is the layer count K.
   */
  fanouts: number[];
  /** Most neighbours a node averages over at inference. */
  inferenceCap: number;
  /**
   * The aggregation the weights are for: 'typed' (one neighbour matrix per neighbour type, weighted
   * means). Versions without it were trained with one merged mean and cannot be loaded.
   */
  aggregation: 'typed';
}

/** The number of aggregation layers (and hops) of a model. */
export function layerCount(cfg: Pick<SageConfig, 'fanouts'>): number {
  return cfg.fanouts.length;
}

export interface DenseParams {
  /** rows × cols, row-major. */
  w: Float32Array;
  rows: number;
  cols: number;
}
export interface SageParams {
  input: Array<{ w: DenseParams; b: Float32Array }>;
  layers: Array<{ self: DenseParams; neigh: DenseParams; b: Float32Array }>;
}

/** Glorot-uniform weights and zero biases, from a seed. */
export function initParams(cfg: SageConfig, seed: number): SageParams {
  const rand = seededRandom(seed);
  return paramsOf(cfg, (rows, cols) => {
    const limit = Math.sqrt(6 / (rows + cols));
    const w = new Float32Array(rows * cols);
    for (let i = 0; i < w.length; i++) w[i] = (rand() * 2 - 1) * limit;
    return { w, rows, cols };
  });
}

/** Every parameter of the model in its shape, each weight matrix made by `dense` (biases zero). */
function paramsOf(cfg: SageConfig, dense: (rows: number, cols: number) => DenseParams): SageParams {
  return {
    input: Array.from({ length: cfg.numTypes }, () => ({
      w: dense(cfg.inputDim, cfg.hidden),
      b: new Float32Array(cfg.hidden),
    })),
    layers: layerDims(cfg).map((cols) => ({
      self: dense(cfg.hidden, cols),
      neigh: dense(cfg.numTypes * cfg.hidden, cols),
      b: new Float32Array(cols),
    })),
  };
}

/** Output width of each layer: hidden, …, hidden, outDim. */
function layerDims(cfg: SageConfig): number[] {
  const k = layerCount(cfg);
  return Array.from({ length: k }, (_, l) => (l === k - 1 ? cfg.outDim : cfg.hidden));
}

/** All parameters in one flat array (the order of the weights file). */
export function flattenParams(p: SageParams): Float32Array {
  return concatFloat32(paramArrays(p));
}

/** Every parameter's array, in the weights file's order (SageVariables.all() holds the same order). */
export function paramArrays(p: SageParams): Float32Array[] {
  return [...p.input.flatMap((i) => [i.w.w, i.b]), ...p.layers.flatMap((l) => [l.self.w, l.neigh.w, l.b])];
}

/** The arrays one after another in one Float32Array (weights files). */
export function concatFloat32(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, a) => n + a.length, 0));
  let o = 0;
  for (const a of parts) {
    out.set(a, o);
    o += a.length;
  }
  return out;
}

export function unflattenParams(cfg: SageConfig, flat: Float32Array): SageParams {
  const p = initShapes(cfg);
  let o = 0;
  const take = (a: Float32Array) => {
    a.set(flat.subarray(o, o + a.length));
    o += a.length;
  };
  for (const a of paramArrays(p)) take(a);
  if (o !== flat.length) throw new Error(`weights file has ${flat.length} values, the config needs ${o}`);
  return p;
}

function initShapes(cfg: SageConfig): SageParams {
  return paramsOf(cfg, (rows, cols) => ({ w: new Float32Array(rows * cols), rows, cols }));
}

/** The parameters as TF.js variables, for training. */
export class SageVariables {
  readonly input: Array<{ w: tf.Variable<tf.Rank.R2>; b: tf.Variable<tf.Rank.R1> }>;
  readonly layers: Array<{ self: tf.Variable<tf.Rank.R2>; neigh: tf.Variable<tf.Rank.R2>; b: tf.Variable<tf.Rank.R1> }>;

  constructor(p: SageParams) {
    const v2 = (d: DenseParams) => tf.variable(tf.tensor2d(d.w, [d.rows, d.cols]));
    this.input = p.input.map((i) => ({ w: v2(i.w), b: tf.variable(tf.tensor1d(i.b)) }));
    this.layers = p.layers.map((l) => ({ self: v2(l.self), neigh: v2(l.neigh), b: tf.variable(tf.tensor1d(l.b)) }));
  }

  all(): tf.Variable[] {
    return [...this.input.flatMap((i) => [i.w, i.b]), ...this.layers.flatMap((l) => [l.self, l.neigh, l.b])];
  }

  /** Sets every variable to `p`'s values (same shapes). */
  assign(p: SageParams): void {
    // Each step's new values are tensors of their own: tidy frees them once copied into the variables.
    tf.tidy(() => {
      const values = paramArrays(p);
      this.all().forEach((v, k) => v.assign(tf.tensor(values[k], v.shape)));
    });
  }

  toParams(): SageParams {
    const d = (v: tf.Variable<tf.Rank.R2>): DenseParams => ({
      w: v.dataSync() as Float32Array,
      rows: v.shape[0],
      cols: v.shape[1],
    });
    return {
      input: this.input.map((i) => ({ w: d(i.w), b: i.b.dataSync() as Float32Array })),
      layers: this.layers.map((l) => ({ self: d(l.self), neigh: d(l.neigh), b: l.b.dataSync() as Float32Array })),
    };
  }

  dispose(): void {
    for (const v of this.all()) v.dispose();
  }
}

/**
 * Sampled neighbourhoods of a batch (DGL-style blocks). `nodes` lists every node involved:
 * targets first, then the nodes first reached at hop 1, hop 2, …, so that sizes[k] (the nodes
 * within k hops) grows with k and each layer's outputs are a prefix of its inputs.
 */
export interface Blocks {
  nodes: Uint32Array;
  /** sizes[0] targets; sizes[k]: the nodes within k hops (sizes.length = K + 1). */
  sizes: number[];
  /**
   * Per hop k, CSR over the first sizes[k] nodes: node i's neighbours (the ones the layer that
   * outputs sizes[k] rows aggregates over) are nbr[k][offsets[k][i] … offsets[k][i+1]), positions
   * into the first sizes[k+1] nodes, each counting weight[k][·] within its neighbour type.
   */
  offsets: Int32Array[];
  nbr: Int32Array[];
  weight: Float32Array[];
}

/**
 * One SAGE layer over a block: outputs for the first nOut = offsets.length − 1 rows of h
 * (`types[r]`: row r's node type). Σ_t mean_t(h)·W_t is computed as a weighted sum of messages
 * h(u)·W_type(u) — each row passes through its own type's neighbour matrix once, then each slot
 * counts its weight over its type's total in that row — one sparse aggregation like a plain mean
 * instead of one product per type.
 */
export function sageLayer(
  h: tf.Tensor2D,
  types: Uint8Array,
  block: { offsets: Int32Array; nbr: Int32Array; weight: Float32Array },
  numTypes: number,
  layer: { self: tf.Tensor2D; neigh: tf.Tensor2D; b: tf.Tensor1D },
  relu: boolean,
): tf.Tensor2D {
  const [rows, d] = h.shape;
  const dOut = layer.self.shape[1];
  const { offsets, nbr, weight } = block;
  const nOut = offsets.length - 1;
  // Messages: rows grouped by type through W_type; back[r] = row r's message.
  const byType: number[][] = Array.from({ length: numTypes }, () => []);
  types.forEach((t, r) => byType[t].push(r));
  const parts: tf.Tensor2D[] = [];
  const back = new Int32Array(rows);
  let at = 0;
  byType.forEach((positions, t) => {
    if (!positions.length) return;
    positions.forEach((r, i) => (back[r] = at + i));
    at += positions.length;
    const w = tf.slice(layer.neigh, [t * d, 0], [d, dOut]);
    parts.push(matMul(gatherRows(h, Int32Array.from(positions)), w));
  });
  const messages = parts.length === 1 ? parts[0] : (tf.concat(parts) as tf.Tensor2D);
  // Slot k of row i counts weight[k] / (row i's weights of that type).
  const idx = new Int32Array(nbr.length);
  const share = new Float32Array(nbr.length);
  const totals = new Float32Array(numTypes);
  for (let i = 0; i < nOut; i++) {
    totals.fill(0);
    for (let k = offsets[i]; k < offsets[i + 1]; k++) totals[types[nbr[k]]] += weight[k];
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      idx[k] = back[nbr[k]];
      share[k] = weight[k] / totals[types[nbr[k]]];
    }
  }
  const neigh = aggregateRows(messages, idx, share, offsets);
  const self = tf.slice(h, [0, 0], [nOut, d]);
  const out = tf.add(tf.add(matMul(self, layer.self), neigh), layer.b) as tf.Tensor2D;
  return relu ? tf.relu(out) : out;
}

/** The model on sampled blocks: L2-normalised embeddings of the n0 targets. */
export function forwardBlocks(
  vars: SageVariables,
  cfg: SageConfig,
  blocks: Blocks,
  features: Float32Array,
  types: Uint8Array,
): tf.Tensor2D {
  const dim = cfg.inputDim;
  // Input projection per type, then rows put back in block order.
  const byType: number[][] = Array.from({ length: cfg.numTypes }, () => []);
  blocks.nodes.forEach((v, pos) => byType[types[v]].push(pos));
  const parts: tf.Tensor2D[] = [];
  const perm = new Int32Array(blocks.nodes.length);
  let row = 0;
  byType.forEach((positions, t) => {
    if (!positions.length) return;
    const x = new Float32Array(positions.length * dim);
    positions.forEach((pos, i) => {
      x.set(features.subarray(blocks.nodes[pos] * dim, (blocks.nodes[pos] + 1) * dim), i * dim);
      perm[pos] = row + i;
    });
    row += positions.length;
    parts.push(
      tf.add(
        dataTimesWeights(tf.tensor2d(x, [positions.length, dim]), vars.input[t].w),
        vars.input[t].b,
      ) as tf.Tensor2D,
    );
  });
  let h = gatherRows(tf.concat(parts) as tf.Tensor2D, perm);
  // Layer l outputs the nodes within k = K-1-l hops, aggregating over their hop-(k+1) samples.
  const K = layerCount(cfg);
  for (let l = 0; l < K; l++) {
    const k = K - 1 - l;
    const rowTypes = Uint8Array.from(blocks.nodes.subarray(0, blocks.sizes[k + 1]), (v) => types[v]);
    const block = { offsets: blocks.offsets[k], nbr: blocks.nbr[k], weight: blocks.weight[k] };
    h = sageLayer(h, rowTypes, block, cfg.numTypes, vars.layers[l], l < K - 1);
  }
  return normalizeRows(h);
}

export function normalizeRows(z: tf.Tensor2D): tf.Tensor2D {
  return tf.div(z, tf.sqrt(tf.add(tf.sum(tf.square(z), 1, true), 1e-12))) as tf.Tensor2D;
}
