/**
 * Data-parallel training on worker threads (trainSage with `workers` > 1).
 *
 * Each step's batch is cut into one part per worker (pairs and negatives in equal shares); every
 * worker samples its part's neighbourhoods, gathers their features (read in place from one shared
 * buffer) and computes its part's loss and gradients with the current weights; the mean gradient
 * updates the weights here with Adam, and the next step sends them out again. Each part's sources
 * are ranked against that part's targets and negatives (as in data-parallel contrastive training
 * without an all-gather), so a step sees 1/workers of the candidates a single-threaded step does.
 * Seeded: the same seed and worker count give the same weights.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker, workerReady } from '../src/workers.ts';
import type { GnnGraph } from './graph.ts';
import { flattenParams, paramArrays, unflattenParams } from './sage.ts';
import type { SageConfig, SageParams } from './sage.ts';
import type { SamplingGraph } from './sampler.ts';
import type { Batch, TrainOptions, Trainer } from './train.ts';

/** What a training worker is given at start (train-worker.ts). */
export interface TrainWorkerData {
  graph: SamplingGraph;
  /** Node features, row-major, on a SharedArrayBuffer (not copied per worker). */
  features: Float32Array;
  cfg: SageConfig;
  options: Pick<TrainOptions, 'fanouts' | 'sampling' | 'temperature'>;
}
export type TrainRequest = { id: number; params: Float32Array; batch: Batch; seed: number };
export type TrainReply =
  | { id: 0; ready: true }
  | { id: number; grads: Float32Array; used: Uint8Array; loss: number }
  | { id: number; error: string };

export class WorkerTrainer implements Trainer {
  private nextId = 1;
  private readonly adam: Adam;
  /** Each variable's [start, end) in the flat weights (flattenParams' order). */
  private readonly segments: Array<[number, number]>;

  private constructor(
    private readonly workers: Worker[],
    private readonly cfg: SageConfig,
    private readonly weights: Float32Array,
    learningRate: number,
  ) {
    this.adam = new Adam(weights.length, learningRate);
    let at = 0;
    this.segments = paramArrays(unflattenParams(cfg, weights)).map((a) => [at, (at += a.length)]);
  }

  static async start(
    n: number,
    g: GnnGraph,
    features: Float32Array,
    cfg: SageConfig,
    initial: SageParams,
    o: TrainOptions,
  ): Promise<WorkerTrainer> {
    const shared = new Float32Array(new SharedArrayBuffer(features.byteLength));
    shared.set(features);
    const { type, offsets, neighbors, weight, cumWeight, since, lastSince } = g;
    const data: TrainWorkerData = {
      graph: { type, offsets, neighbors, weight, cumWeight, since, lastSince },
      features: shared,
      cfg,
      options: { fanouts: o.fanouts, sampling: o.sampling, temperature: o.temperature },
    };
    const workers = Array.from({ length: n }, () => startWorker(import.meta.url, 'train-worker', data));
    try {
      await Promise.all(workers.map((w) => workerReady(w)));
    } catch (err) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw err;
    }
    return new WorkerTrainer(workers, cfg, flattenParams(initial), o.learningRate);
  }

  async step(batch: Batch, rand: () => number): Promise<number> {
    const parts = splitBatch(batch, this.workers.length);
    const seeds = parts.map(() => Math.floor(rand() * 2 ** 31));
    const replies = await Promise.all(parts.map((part, w) => this.ask(this.workers[w], part, seeds[w])));
    // The mean of the parts' gradients (each part's loss is a mean over its sources), summed in worker order;
    // a variable no part reached keeps its weights and moments (as TF.js's optimisers leave it).
    const grads = new Float32Array(this.weights.length);
    for (const r of replies) for (let i = 0; i < grads.length; i++) grads[i] += r.grads[i] / replies.length;
    const moved = this.segments.filter((_, k) => replies.some((r) => r.used[k]));
    this.adam.step(this.weights, grads, moved);
    return replies.reduce((a, r) => a + r.loss, 0) / replies.length;
  }

  params(): SageParams {
    return unflattenParams(this.cfg, this.weights.slice());
  }

  async dispose(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private ask(
    worker: Worker,
    batch: Batch,
    seed: number,
  ): Promise<{ grads: Float32Array; used: Uint8Array; loss: number }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (m: TrainReply) => {
        if (m.id !== id) return;
        done();
        if ('error' in m) reject(new Error(`a training worker failed: ${m.error}`));
        else if ('grads' in m) resolve(m);
      };
      const onError = (err: Error) => {
        done();
        reject(new Error(`a training worker failed: ${err.message}`));
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`a training worker stopped (exit code ${code}) during a step`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, params: this.weights, batch, seed } satisfies TrainRequest);
    });
  }
}

/** n parts of a batch: contiguous, equal shares of the pairs and of the negatives. */
export function splitBatch(batch: Batch, n: number): Batch[] {
  const cut = <T extends Uint32Array | Float64Array>(a: T, k: number): T =>
    a.slice(Math.floor((a.length * k) / n), Math.floor((a.length * (k + 1)) / n)) as T;
  return Array.from({ length: n }, (_, k) => ({
    src: cut(batch.src, k),
    dst: cut(batch.dst, k),
    when: cut(batch.when, k),
    negatives: cut(batch.negatives, k),
  })).filter((p) => p.src.length > 0);
}

/** Adam as TF.js implements it (bias-corrected moments, ε = 1e-7), on flat weights. */
export class Adam {
  private readonly m: Float32Array;
  private readonly v: Float32Array;
  private t = 0;

  constructor(
    size: number,
    private readonly lr: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = 1e-7,
  ) {
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
  }

  /** One update of the weights in `ranges` ([start, end) pairs; all by default) by their gradients. */
  step(weights: Float32Array, grads: Float32Array, ranges: Array<[number, number]> = [[0, weights.length]]): void {
    this.t++;
    const c1 = 1 - this.beta1 ** this.t;
    const c2 = 1 - this.beta2 ** this.t;
    for (const [start, end] of ranges)
      for (let i = start; i < end; i++) {
        const g = grads[i];
        this.m[i] = this.beta1 * this.m[i] + (1 - this.beta1) * g;
        this.v[i] = this.beta2 * this.v[i] + (1 - this.beta2) * g * g;
        weights[i] -= (this.lr * (this.m[i] / c1)) / (Math.sqrt(this.v[i] / c2) + this.epsilon);
      }
  }
}
