/**
 * STAR-style fusion: a node's text vector and its GraphSAGE vector combined by a trained head
 * into the one space where members and jobs are compared. Two towers (members, jobs):
 *
 *   f(v) = normalize([ a·g(v) ; t(v)·W_text + b ])
 *
 * The graph vector passes through, scaled by a learned a; the text part is a learned projection
 * of the text vector (textOut wide). So f(member)·f(job) weighs graph agreement against learned
 * text agreement. A node with no edges (cold start) has g(v) all the same: GraphSAGE is
 * inductive, and its vector from the node's text alone (no neighbours) is what g is then.
 * Training swaps each node's g for that text-alone vector at random (`graphDropout`), so the
 * head learns to fuse what a cold-start node will really have.
 * Trained on the GNN's member→job training pairs with in-batch softmax, each side's fused
 * vector the other's target. Plain Float32Arrays at rest; TF.js only for training.
 */
import crypto from 'node:crypto';
import { seededRandom } from '../src/random.ts';
import type { GnnGraph } from './graph.ts';
import { typeIndex } from './graph.ts';
import { dotScorer, rankingMetrics } from './metrics.ts';
import type { RankingMetrics } from './metrics.ts';
import { vecMat } from './inference.ts';
import { normalize } from '../src/vectors/math.ts';
import { concatFloat32, normalizeRows } from './sage.ts';
import type { DenseParams } from './sage.ts';
import { initTf, matMul, tf } from './tf.ts';
import { DEFAULT_TRAIN_OPTIONS, range, samplePairs, validationJobs, validationQueries } from './train.ts';

export interface FusionTower {
  text: DenseParams;
  b: Float32Array;
  /** The graph vector's scale a. */
  graphScale: number;
}
export interface FusionHead {
  /** Content hash of the weights: the fusion part of an embedding version. */
  id: string;
  textDim: number;
  graphDim: number;
  /** Width of the text part; outDim = graphDim + textOut. */
  textOut: number;
  outDim: number;
  member: FusionTower;
  job: FusionTower;
  metrics: { validation: RankingMetrics | null; steps: number; ms: number; textScale?: number };
}

export interface FusionOptions {
  textOut: number;
  steps: number;
  batchSize: number;
  learningRate: number;
  temperature: number;
  graphDropout: number;
  seed: number;
}
export const DEFAULT_FUSION_OPTIONS: FusionOptions = {
  textOut: 64,
  steps: 300,
  batchSize: 512,
  learningRate: 0.005,
  temperature: 0.1,
  graphDropout: 0.3,
  seed: 11,
};

/**
 * Trains the head on g's member→job pairs. text: node × textDim; graph: node × graphDim, the
 * GraphSAGE vectors; alone: node × graphDim, GraphSAGE's vectors from each node's text without
 * neighbours (rows by global index of g). validation: flat [member, job, …] pairs absent from g.
 */
export async function trainFusion(
  g: GnnGraph,
  text: Float32Array,
  textDim: number,
  graph: Float32Array,
  alone: Float32Array,
  graphDim: number,
  validation: Uint32Array,
  opts: Partial<FusionOptions> = {},
): Promise<FusionHead> {
  const o = { ...DEFAULT_FUSION_OPTIONS, ...opts };
  await initTf();
  const t0 = Date.now();
  const rand = seededRandom(o.seed);
  const glorot = (rows: number, cols: number) => {
    const limit = Math.sqrt(6 / (rows + cols));
    return tf.variable(
      tf.tensor2d(
        Float32Array.from({ length: rows * cols }, () => (rand() * 2 - 1) * limit),
        [rows, cols],
      ),
    );
  };
  const towers = ['member', 'job'].map(() => ({
    text: glorot(textDim, o.textOut),
    b: tf.variable(tf.zeros([o.textOut])),
    scale: tf.variable(tf.scalar(1)),
  }));
  const vars = towers.flatMap((t) => [t.text, t.b, t.scale]);
  const optimizer = tf.train.adam(o.learningRate);
  const pairs = g.pairs.memberJob;
  const n = pairs.length / 2;
  const rows = (nodes: Uint32Array, data: Float32Array, dim: number) => {
    const out = new Float32Array(nodes.length * dim);
    nodes.forEach((v, i) => out.set(data.subarray(v * dim, (v + 1) * dim), i * dim));
    return tf.tensor2d(out, [nodes.length, dim]);
  };
  /** Graph rows, each swapped for the text-alone vector with probability graphDropout. */
  const graphRows = (nodes: Uint32Array) => {
    const out = new Float32Array(nodes.length * graphDim);
    nodes.forEach((v, i) =>
      out.set((rand() < o.graphDropout ? alone : graph).subarray(v * graphDim, (v + 1) * graphDim), i * graphDim),
    );
    return tf.tensor2d(out, [nodes.length, graphDim]);
  };
  const tower = (t: (typeof towers)[number], x: tf.Tensor2D, gr: tf.Tensor2D) =>
    normalizeRows(tf.concat([tf.mul(gr, t.scale), tf.add(matMul(x, t.text), t.b)], 1) as tf.Tensor2D);

  for (let step = 0; step < o.steps && n > 0; step++) {
    const [m, j] = samplePairs(pairs, o.batchSize, rand);
    const b = m.length;
    const dup = new Float32Array(b * b);
    for (let a = 0; a < b; a++)
      for (let c = 0; c < b; c++) if (a !== c && (j[a] === j[c] || m[a] === m[c])) dup[a * b + c] = -1e9;
    const inputs = {
      mt: rows(m, text, textDim),
      mg: graphRows(m),
      jt: rows(j, text, textDim),
      jg: graphRows(j),
      dup: tf.tensor2d(dup, [b, b]),
      labels: tf.oneHot(tf.range(0, b, 1, 'int32'), b),
    };
    const loss = optimizer.minimize(
      () => {
        const fm = tower(towers[0], inputs.mt, inputs.mg);
        const fj = tower(towers[1], inputs.jt, inputs.jg);
        const logits = tf.add(tf.div(matMul(fm, tf.transpose(fj)), o.temperature), inputs.dup);
        // Symmetric: members → jobs and jobs → members.
        return tf.add(
          tf.losses.softmaxCrossEntropy(inputs.labels, logits),
          tf.losses.softmaxCrossEntropy(inputs.labels, tf.transpose(logits)),
        ) as tf.Scalar;
      },
      true,
      vars,
    );
    loss?.dispose();
    Object.values(inputs).forEach((x) => x.dispose());
  }
  const dense = (v: tf.Variable): DenseParams => ({
    w: v.dataSync() as Float32Array,
    rows: v.shape[0]!,
    cols: v.shape[1]!,
  });
  const toTower = (t: (typeof towers)[number]): FusionTower => ({
    text: dense(t.text),
    b: t.b.dataSync() as Float32Array,
    graphScale: t.scale.dataSync()[0],
  });
  const head: FusionHead = {
    id: '',
    textDim,
    graphDim,
    textOut: o.textOut,
    outDim: graphDim + o.textOut,
    member: toTower(towers[0]),
    job: toTower(towers[1]),
    metrics: { validation: null, steps: o.steps, ms: 0 },
  };
  vars.forEach((v) => v.dispose());
  optimizer.dispose();
  // The text part's weight against the graph part is then chosen on the validation pairs (a grid over
  // a scale of the text tower): in-batch training sets directions well but not that balance.
  const queries = validationQueries(g, validation, 500);
  if (queries.length) {
    const jobs = validationJobs(g, queries, DEFAULT_TRAIN_OPTIONS.validationJobs, o.seed);
    const rows = Uint32Array.from([...queries.map((q) => q.member), ...jobs]);
    const trained = { member: head.member, job: head.job };
    let best: { scale: number; metrics: RankingMetrics } | null = null;
    for (const scale of [0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.5]) {
      const scaled: FusionHead = {
        ...head,
        member: scaleText(trained.member, scale),
        job: scaleText(trained.job, scale),
      };
      const fused = fuseRows(scaled, g, text, graph, rows);
      const metrics = rankingMetrics(queries, jobs, dotScorer(fused, fused, head.outDim, jobs), 10);
      if (!best || metrics.mrr > best.metrics.mrr) best = { scale, metrics };
    }
    head.member = scaleText(trained.member, best!.scale);
    head.job = scaleText(trained.job, best!.scale);
    head.metrics.validation = best!.metrics;
    head.metrics.textScale = best!.scale;
  }
  head.id = fusionId(head);
  head.metrics.ms = Date.now() - t0;
  return head;
}

function scaleText(t: FusionTower, scale: number): FusionTower {
  return {
    text: { ...t.text, w: t.text.w.map((x) => x * scale) },
    b: t.b.map((x) => x * scale),
    graphScale: t.graphScale,
  };
}

/** Fused vector of one node (pure TypeScript) from its text vector and its GraphSAGE vector. */
export function fuse(
  head: FusionHead,
  side: 'member' | 'job',
  text: ArrayLike<number>,
  graph: ArrayLike<number>,
): Float32Array {
  const t = head[side];
  const y = new Float32Array(head.outDim);
  for (let i = 0; i < head.graphDim; i++) y[i] = graph[i] * t.graphScale;
  const textPart = y.subarray(head.graphDim);
  textPart.set(t.b);
  vecMat(text, t.text, textPart);
  return normalize(y);
}

/** Fused vectors of every member and job of g (other rows stay zero). */
export function fuseAll(head: FusionHead, g: GnnGraph, text: Float32Array, graph: Float32Array): Float32Array {
  const [m, j] = [typeIndex('Member'), typeIndex('Job')];
  return fuseRows(
    head,
    g,
    text,
    graph,
    Uint32Array.from([...range(g.start[m], g.start[m + 1]), ...range(g.start[j], g.start[j + 1])]),
  );
}

/**
 * Fused vectors of the given members and jobs of g, at their rows (other rows stay zero): `fuse` for many
 * rows, the text towers as matrix products on TF.js (the backend initTf set up) — ~5× a plain loop per row.
 */
export function fuseRows(
  head: FusionHead,
  g: GnnGraph,
  text: Float32Array,
  graph: Float32Array,
  rows: Uint32Array,
): Float32Array {
  const { textDim, graphDim, textOut, outDim } = head;
  const out = new Float32Array(g.ids.length * outDim);
  const memberType = typeIndex('Member');
  for (const side of ['member', 'job'] as const) {
    const mine = rows.filter((v) => (g.type[v] === memberType) === (side === 'member'));
    if (mine.length === 0) continue;
    const t = head[side];
    const W = tf.tensor2d(t.text.w, [t.text.rows, t.text.cols]);
    const b = tf.tensor1d(t.b);
    for (let s = 0; s < mine.length; s += FUSE_CHUNK) {
      const chunk = mine.subarray(s, s + FUSE_CHUNK);
      const x = new Float32Array(chunk.length * textDim);
      chunk.forEach((v, i) => x.set(text.subarray(v * textDim, (v + 1) * textDim), i * textDim));
      const y = tf.tidy(() => tf.add(tf.matMul(tf.tensor2d(x, [chunk.length, textDim]), W), b));
      const textPart = y.dataSync() as Float32Array;
      y.dispose();
      chunk.forEach((v, i) => {
        const o = v * outDim;
        for (let k = 0; k < graphDim; k++) out[o + k] = graph[v * graphDim + k] * t.graphScale;
        out.set(textPart.subarray(i * textOut, (i + 1) * textOut), o + graphDim);
        normalize(out.subarray(o, o + outDim));
      });
    }
    W.dispose();
    b.dispose();
  }
  return out;
}

const FUSE_CHUNK = 8192;

/** Flat weights in a fixed order (member tower, then job tower: text, bias, graph scale). */
export function flattenFusion(h: FusionHead): Float32Array {
  return concatFloat32([
    h.member.text.w,
    h.member.b,
    Float32Array.of(h.member.graphScale),
    h.job.text.w,
    h.job.b,
    Float32Array.of(h.job.graphScale),
  ]);
}

export function unflattenFusion(meta: Omit<FusionHead, 'member' | 'job'>, flat: Float32Array): FusionHead {
  let o = 0;
  const take = (n: number) => flat.slice(o, (o += n));
  const tower = (): FusionTower => ({
    text: { w: take(meta.textDim * meta.textOut), rows: meta.textDim, cols: meta.textOut },
    b: take(meta.textOut),
    graphScale: take(1)[0],
  });
  const head = { ...meta, member: tower(), job: tower() };
  if (o !== flat.length) throw new Error(`fusion weights have ${flat.length} values, expected ${o}`);
  return head;
}

function fusionId(h: FusionHead): string {
  return `f-${crypto
    .createHash('sha256')
    .update(Buffer.from(flattenFusion(h).buffer))
    .digest('hex')
    .slice(0, 12)}`;
}
