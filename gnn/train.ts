/**
 * Link-prediction training of the GraphSAGE encoder.
 *
 * Each step draws a batch of positive pairs from one relation (member→job interactions,
 * member→skill, job→skill, mixed by `mix`), embeds both ends and the negatives with sampled
 * neighbourhoods, and minimises the softmax cross-entropy of each source against its own
 * target among: the batch's other targets (in-batch negatives), `randomNegatives` random
 * nodes of the target type, and — for member→job — one hard negative per pair (a job that
 * requires one of the member's skills). Logits are cosine / temperature; another pair's target
 * that is the same node is masked. Validation: member→job pairs held out of the training
 * graph, ranked against every job after each epoch (MRR); the best epoch's weights are kept and
 * training stops after `patience` epochs without improvement. Seeded: same data, same config,
 * same seed → same weights (on the same backend).
 */
import { seededRandom } from '../src/random.ts';
import { GNN_TYPES, typeIndex } from './graph.ts';
import type { GnnGraph } from './graph.ts';
import { inferAll } from './inference.ts';
import { dotScorer, rankingMetrics } from './metrics.ts';
import type { RankingMetrics, RankingQuery } from './metrics.ts';
import { SageVariables, forwardBlocks, initParams } from './sage.ts';
import type { SageConfig, SageParams } from './sage.ts';
import { sampleBlocks } from './sampler.ts';
import type { Sampling, SamplingGraph } from './sampler.ts';
import { WorkerTrainer } from './train-workers.ts';
import { gatherRows, initTf, matMul, tf } from './tf.ts';

export interface TrainOptions {
  hidden: number;
  outDim: number;
  /** Neighbours sampled per hop in training, hop 1 first; the number of entries is the number of layers. */
  fanouts: number[];
  /**
   * How neighbours are sampled (sampler.ts): 'fixed' (fanouts[k] draws everywhere) or 'adaptive' by degree
   * (sparse nodes' whole neighbourhoods, their unused draws one hop further; hubs the fan-out).
   */
  sampling: Sampling;
  inferenceCap: number;
  batchSize: number;
  epochs: number;
  /** Steps per epoch at most (an epoch is also capped by one pass over the pairs). */
  stepsPerEpoch: number;
  learningRate: number;
  temperature: number;
  randomNegatives: number;
  hardNegatives: boolean;
  patience: number;
  seed: number;
  mix: { memberJob: number; memberSkill: number; jobSkill: number };
  /** Validation members ranked per epoch, at most. */
  validationMembers: number;
  /** Jobs each validation member's held-out jobs are ranked among, at most (validationJobs). */
  validationJobs: number;
  /**
   * Worker threads that compute each step's gradients (train-workers.ts); 0: in this thread. One worker
   * is the default: a worker's small heap spares each step the garbage collection over the whole graph
   * that the main thread pays (100k members: 550 vs 1,772 ms a step; the same on small graphs). More
   * workers split each batch (each part with its own negatives, so weights depend on the count) and pay
   * only with large batches, whose parts share few sampled nodes (batch 1024 on 2: 4× batch 1024 here).
   */
  workers: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  hidden: 128,
  outDim: 128,
  fanouts: [10, 5],
  sampling: 'fixed',
  inferenceCap: 32,
  batchSize: 256,
  epochs: 8,
  stepsPerEpoch: 60,
  learningRate: 0.005,
  temperature: 0.1,
  randomNegatives: 256,
  hardNegatives: true,
  patience: 2,
  seed: 42,
  mix: { memberJob: 0.6, memberSkill: 0.2, jobSkill: 0.2 },
  validationMembers: 500,
  validationJobs: 20_000,
  workers: 1,
};

export interface EpochLog {
  epoch: number;
  loss: number;
  validation: RankingMetrics | null;
  ms: number;
}

export interface TrainResult {
  params: SageParams;
  config: SageConfig;
  options: TrainOptions;
  epochs: EpochLog[];
  bestEpoch: number;
  backend: string;
  ms: number;
}

export type TrainLog = (
  event: { kind: 'step'; epoch: number; step: number; steps: number; loss: number } | { kind: 'epoch'; log: EpochLog },
) => void;

/**
 * Trains on g (which must not contain the validation pairs) with the given validation
 * member→job pairs (flat [member, job, …] global indexes).
 */
export async function trainSage(
  g: GnnGraph,
  features: Float32Array,
  inputDim: number,
  validation: Uint32Array,
  opts: Partial<TrainOptions> = {},
  log: TrainLog = () => {},
): Promise<TrainResult> {
  const o: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...opts, mix: { ...DEFAULT_TRAIN_OPTIONS.mix, ...opts.mix } };
  const backend = await initTf();
  const t0 = Date.now();
  const cfg: SageConfig = {
    inputDim,
    hidden: o.hidden,
    outDim: o.outDim,
    numTypes: GNN_TYPES.length,
    fanouts: o.fanouts,
    inferenceCap: o.inferenceCap,
    aggregation: 'typed',
  };
  const rand = seededRandom(o.seed);
  const groups = (['memberJob', 'memberSkill', 'jobSkill'] as const).filter(
    (k) => g.pairs[k].length > 0 && o.mix[k] > 0,
  );
  if (groups.length === 0)
    throw new Error('Nothing to train on: the graph has no interactions and no member or job skills.');
  const totalPairs = groups.reduce((n, k) => n + g.pairs[k].length / 2, 0);
  const steps = Math.max(1, Math.min(o.stepsPerEpoch, Math.ceil(totalPairs / o.batchSize)));
  const weights = groups.map((k) => o.mix[k]);

  const queries = validationQueries(g, validation, o.validationMembers);
  const jobs = validationJobs(g, queries, o.validationJobs, o.seed);
  // Each epoch's validation runs the model for these nodes only (and what their embeddings depend on).
  const validated = Uint32Array.from([...queries.map((q) => q.member), ...jobs]);
  const initial = initParams(cfg, o.seed);
  const trainer: Trainer =
    o.workers > 0
      ? await WorkerTrainer.start(o.workers, g, features, cfg, initial, o)
      : new LocalTrainer(g, features, cfg, initial, o);
  let best = { mrr: -Infinity, epoch: 0, params: trainer.params() };
  const epochs: EpochLog[] = [];
  try {
    for (let epoch = 1; epoch <= o.epochs; epoch++) {
      const te = Date.now();
      let lossSum = 0;
      for (let step = 1; step <= steps; step++) {
        const value = await trainer.step(drawBatch(g, o, groups[pickWeighted(weights, rand)], rand), rand);
        lossSum += value;
        log({ kind: 'step', epoch, step, steps, loss: value });
      }
      const params = trainer.params();
      let validationMetrics: RankingMetrics | null = null;
      if (queries.length) {
        const inf = await inferAll(params, cfg, g, features, undefined, validated);
        validationMetrics = rankingMetrics(queries, jobs, dotScorer(inf.z, inf.z, cfg.outDim, jobs), 10);
      }
      const entry: EpochLog = { epoch, loss: lossSum / steps, validation: validationMetrics, ms: Date.now() - te };
      epochs.push(entry);
      log({ kind: 'epoch', log: entry });
      const score = validationMetrics ? validationMetrics.mrr : -entry.loss;
      if (score > best.mrr) best = { mrr: score, epoch, params };
      else if (epoch - best.epoch >= o.patience) break;
    }
  } finally {
    await trainer.dispose();
  }
  return { params: best.params, config: cfg, options: o, epochs, bestEpoch: best.epoch, backend, ms: Date.now() - t0 };
}

/** Applies training steps to the weights: here (LocalTrainer) or on worker threads (WorkerTrainer). */
export interface Trainer {
  /** One optimiser step on the batch; resolves to its loss. */
  step(batch: Batch, rand: () => number): Promise<number>;
  /** A copy of the current weights. */
  params(): SageParams;
  dispose(): Promise<void>;
}

/** Training in this thread: TF.js variables and its Adam. */
class LocalTrainer implements Trainer {
  private readonly vars: SageVariables;
  private readonly optimizer: tf.AdamOptimizer;

  constructor(
    private readonly g: GnnGraph,
    private readonly features: Float32Array,
    private readonly cfg: SageConfig,
    initial: SageParams,
    private readonly o: TrainOptions,
  ) {
    this.vars = new SageVariables(initial);
    this.optimizer = tf.train.adam(o.learningRate);
  }

  async step(batch: Batch, rand: () => number): Promise<number> {
    const { vars, cfg, g, features, o } = this;
    const loss = this.optimizer.minimize(() => batchLoss(vars, cfg, g, features, batch, o, rand), true, vars.all());
    const value = (await loss!.data())[0];
    loss!.dispose();
    return value;
  }

  params(): SageParams {
    return this.vars.toParams();
  }

  async dispose(): Promise<void> {
    this.vars.dispose();
    this.optimizer.dispose();
  }
}

type PairGroup = keyof GnnGraph['pairs'];

/** One step's examples: positive pairs of one relation, their negatives, and the time each pair is seen at. */
export interface Batch {
  src: Uint32Array;
  dst: Uint32Array;
  /** Per pair: its ends are embedded as of this time (epoch ms; Infinity: with every edge). */
  when: Float64Array;
  /** Random nodes of the target type, then one hard negative per member→job pair that has one. */
  negatives: Uint32Array;
}

/** A batch of `group`'s pairs with its negatives. */
export function drawBatch(g: GnnGraph, o: TrainOptions, group: PairGroup, rand: () => number): Batch {
  const jobType = typeIndex('Job');
  const skillType = typeIndex('Skill');
  const [src, dst, picked] = samplePairs(g.pairs[group], o.batchSize, rand);
  const dstType = group === 'memberJob' ? jobType : skillType;
  const negatives: number[] = [];
  for (let i = 0; i < o.randomNegatives; i++)
    negatives.push(g.start[dstType] + Math.floor(rand() * (g.start[dstType + 1] - g.start[dstType])));
  if (group === 'memberJob' && o.hardNegatives) {
    for (let i = 0; i < src.length; i++) {
      const h = hardNegative(g, src[i], dst[i], skillType, jobType, rand);
      if (h >= 0) negatives.push(h);
    }
  }
  // A member→job pair and its two ends are embedded as of its first interaction: no later edges.
  const when = Float64Array.from(picked, (p) => (group === 'memberJob' ? g.memberJobSince[p] : Infinity));
  return { src, dst, when, negatives: Uint32Array.from(negatives) };
}

/**
 * The batch's loss on sampled neighbourhoods (call it inside a gradient scope): each source's
 * softmax cross-entropy against its own target among all the batch's targets and negatives.
 */
export function batchLoss(
  vars: SageVariables,
  cfg: SageConfig,
  g: SamplingGraph,
  features: Float32Array,
  batch: Batch,
  o: Pick<TrainOptions, 'fanouts' | 'sampling' | 'temperature'>,
  rand: () => number,
): tf.Scalar {
  const { src, dst, when, negatives } = batch;
  const b = src.length;
  const candidates = Uint32Array.from([...dst, ...negatives]);
  const forbid = new Map<number, Set<number>>();
  for (let i = 0; i < b; i++) {
    (forbid.get(src[i]) ?? forbid.set(src[i], new Set()).get(src[i])!).add(dst[i]);
    (forbid.get(dst[i]) ?? forbid.set(dst[i], new Set()).get(dst[i])!).add(src[i]);
  }
  const targets = [...src, ...candidates];
  const before = [...when, ...when, ...Array.from(negatives, () => Infinity)];
  const blocks = sampleBlocks(g, targets, o.fanouts, rand, forbid, before, o.sampling);
  const srcPos = blocks.targetPos.slice(0, b);
  const candPos = blocks.targetPos.slice(b);
  // Mask a candidate that is this row's true target but belongs to another column.
  const mask = new Float32Array(b * candidates.length);
  for (let i = 0; i < b; i++)
    for (let j = 0; j < candidates.length; j++)
      if (j !== i && candidates[j] === dst[i]) mask[i * candidates.length + j] = -1e9;
  const labels = tf.oneHot(tf.range(0, b, 1, 'int32'), candidates.length);
  const z = forwardBlocks(vars, cfg, blocks, features, g.type);
  const zs = gatherRows(z, srcPos);
  const zc = gatherRows(z, candPos);
  const logits = tf.add(tf.div(matMul(zs, tf.transpose(zc)), o.temperature), tf.tensor2d(mask, [b, candidates.length]));
  return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
}

/** A job that requires one of the member's skills but is not the positive (or -1). */
function hardNegative(
  g: GnnGraph,
  member: number,
  positive: number,
  skillType: number,
  jobType: number,
  rand: () => number,
): number {
  const mStart = g.offsets[member];
  const mDeg = g.offsets[member + 1] - mStart;
  for (let tries = 0; tries < 4 && mDeg > 0; tries++) {
    const s = g.neighbors[mStart + Math.floor(rand() * mDeg)];
    if (g.type[s] !== skillType) continue;
    const sStart = g.offsets[s];
    const sDeg = g.offsets[s + 1] - sStart;
    if (sDeg === 0) continue;
    const j = g.neighbors[sStart + Math.floor(rand() * sDeg)];
    if (g.type[j] === jobType && j !== positive) return j;
  }
  return -1;
}

/** Validation queries: each member's held-out jobs, excluding the jobs it has in training. */
export function validationQueries(g: GnnGraph, pairs: Uint32Array, maxMembers: number): RankingQuery[] {
  const relevant = new Map<number, Set<number>>();
  for (let i = 0; i < pairs.length; i += 2)
    (relevant.get(pairs[i]) ?? relevant.set(pairs[i], new Set()).get(pairs[i])!).add(pairs[i + 1]);
  const train = new Map<number, Set<number>>();
  const mj = g.pairs.memberJob;
  for (let i = 0; i < mj.length; i += 2)
    if (relevant.has(mj[i])) (train.get(mj[i]) ?? train.set(mj[i], new Set()).get(mj[i])!).add(mj[i + 1]);
  return [...relevant.entries()]
    .slice(0, maxMembers)
    .map(([member, rel]) => ({ member, relevant: rel, exclude: train.get(member) }));
}

/**
 * The jobs validation ranks the queries' held-out jobs among: every job of g up to `max`; beyond that a seeded
 * sample of `max` plus every held-out job, so that validating costs the same on a million jobs as on `max` (the
 * members × jobs dot products were most of a first start's training past ~50,000 jobs). Metrics over a sample
 * rank against fewer jobs than the service does — they say how many (RankingMetrics.among) — and serve to compare
 * epochs and settings on one graph. Sorted global indexes.
 */
export function validationJobs(g: GnnGraph, queries: RankingQuery[], max: number, seed: number): Uint32Array {
  const jobType = typeIndex('Job');
  const [start, end] = [g.start[jobType], g.start[jobType + 1]];
  if (end - start <= max) return range(start, end);
  const picked = new Set<number>();
  for (const q of queries) for (const j of q.relevant) picked.add(j);
  // Floyd's sampling: max distinct jobs, each equally likely, without listing them all.
  const rand = seededRandom(seed);
  const n = end - start;
  const sample = new Set<number>();
  for (let i = n - max; i < n; i++) {
    const r = Math.floor(rand() * (i + 1));
    sample.add(sample.has(r) ? i : r);
  }
  for (const j of sample) picked.add(start + j);
  return Uint32Array.from(picked).sort();
}

/** A batch of up to `size` pairs drawn with replacement from flat [from, to, …] pairs: [froms, tos, pair indexes]. */
export function samplePairs(
  pairs: Uint32Array,
  size: number,
  rand: () => number,
): [Uint32Array, Uint32Array, Uint32Array] {
  const n = pairs.length / 2;
  const b = Math.min(size, n);
  const from = new Uint32Array(b);
  const to = new Uint32Array(b);
  const index = new Uint32Array(b);
  for (let i = 0; i < b; i++) {
    const p = Math.floor(rand() * n);
    index[i] = p;
    from[i] = pairs[2 * p];
    to[i] = pairs[2 * p + 1];
  }
  return [from, to, index];
}

function pickWeighted(w: number[], rand: () => number): number {
  let r = rand() * w.reduce((a, b) => a + b, 0);
  for (let i = 0; i < w.length; i++) if ((r -= w[i]) < 0) return i;
  return w.length - 1;
}

export function range(a: number, b: number): Uint32Array {
  return Uint32Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
}
