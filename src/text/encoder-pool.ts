/**
 * A pinned transformer run in worker threads, one single-threaded model session each.
 *
 * onnxruntime-node runs a model synchronously on the calling thread, so an encoder in the main
 * thread stops the event loop for every batch (HTTP, the store, nearline all wait) and one model
 * run at a time uses the machine, however many requests wait. Here each worker holds its own
 * session on one core; the texts of concurrent calls are pooled, sorted by length and cut into
 * pieces spread over the workers (a single request's sentences too), and the main thread stays free
 * for the rest of the work.
 * Same model, same vectors: only the batching differs (float rounding, ≤ 1e-6).
 *
 * Opening starts nothing: the workers start, and load their models (about a second of CPU each), on
 * the first texts or on `start()` — the service calls it once it is listening, so the loads do not
 * compete with the rest of its start — and the first texts wait for them. A model that fails to load
 * fails every call with the reason (and the log says so once).
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker, workerReady } from '../workers.ts';
import { TRANSFORMERS, ensureTransformer, transformerId } from './transformer.ts';
import type { TransformerName } from './transformer.ts';
import type { TextEncoder } from './types.ts';

/** What a worker is told at start (encoder-worker.ts). */
export interface EncoderWorkerData {
  name: TransformerName;
  cacheDir: string;
  batchSize: number;
}
export type EncoderRequest = { id: number; texts: string[] };
export type EncoderReply =
  { id: 0; ready: true; dim: number } | { id: number; vectors: Float32Array[] } | { id: number; error: string };

/**
 * Texts per piece: a call's texts are spread over every worker (one request's sentences answered by all
 * cores at once), in pieces of at most 64 (full batches, small enough to spread) and at least 8.
 */
const PIECE = { max: 64, min: 8 };

interface Slot {
  worker: Worker;
  /** Texts sent and not yet answered. */
  load: number;
  /** When its worker was started (epoch ms). */
  started: number;
}

/** A worker that stops within this long of its start is not started again (it would fail the same way). */
const RESTART_AFTER_MS = 10_000;

export class EncoderPool implements TextEncoder {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { slot: Slot; size: number; resolve: (v: Float32Array[]) => void; reject: (e: Error) => void }
  >();
  private closed = false;
  /** Started workers (none before start()). */
  private readonly slots: Slot[] = [];
  /** Settles once every worker has loaded its model (or one has failed: startError); null before start(). */
  private ready: Promise<void> | null = null;
  private startError: Error | null = null;
  private readonly queue: Array<{
    texts: string[];
    resolve: (v: Float32Array[]) => void;
    reject: (e: Error) => void;
  }> = [];

  private constructor(
    readonly id: string,
    readonly dim: number,
    private readonly size: number,
    private readonly data: EncoderWorkerData,
    private readonly log?: (msg: string) => void,
  ) {}

  /** Starts the workers loading the model (once; embed() does it when needed). */
  start(): void {
    if (this.ready || this.closed) return;
    const workers = Array.from({ length: this.size }, () => startWorker(import.meta.url, 'encoder-worker', this.data));
    const loaded = Promise.all(workers.map((w) => workerReady<{ ready: true; dim: number }>(w)));
    for (const worker of workers) {
      const slot = { worker, load: 0, started: Date.now() };
      this.slots.push(slot);
      this.attach(slot);
      // Loading keeps the process alive (texts may be waiting for it); idle workers do not.
      worker.ref();
    }
    this.ready = loaded
      .then((replies) => {
        const wrong = replies.find((r) => r.dim !== this.dim);
        if (wrong) throw new Error(`the model gives ${wrong.dim}-d vectors, not the ${this.dim} its spec states`);
        // Workers that answered ready are proven: started 0, so a crash of theirs is always followed by a restart.
        for (const slot of this.slots) {
          slot.started = 0;
          if (slot.load === 0) slot.worker.unref();
        }
      })
      .catch(async (err: Error) => {
        this.startError = new Error(`the ${this.id} text encoder could not start: ${err.message}`);
        this.log?.(this.startError.message);
        // The workers that did load are of no use without the others' answers: stop them between runs.
        await Promise.all(this.slots.map((s) => stopWorker(s.worker)));
      });
  }

  private attach(slot: Slot): void {
    const { worker } = slot;
    worker.on('message', (m: EncoderReply) => this.settle(m));
    worker.on('error', (err) => this.fail(slot, err));
    worker.on('exit', (code) => {
      if (!this.closed && slot.worker === worker) this.lost(slot, code);
    });
    worker.unref();
  }

  /**
   * A worker stopped (crashed, ran out of memory): what it held fails, and a new one takes its place —
   * unless it stopped soon after its start, then the pool goes on with the others.
   */
  private lost(slot: Slot, code: number): void {
    this.fail(slot, new Error(`an encoder worker stopped (exit code ${code}) before answering`));
    if (Date.now() - slot.started < RESTART_AFTER_MS) {
      this.slots.splice(this.slots.indexOf(slot), 1);
      return;
    }
    slot.worker = startWorker(import.meta.url, 'encoder-worker', this.data);
    slot.started = Date.now();
    this.attach(slot);
  }

  /**
   * `workers` threads (default: one per core), each running `name` on one core; returned before they
   * have loaded the model (see above).
   */
  static open(
    name: TransformerName,
    cacheDir: string,
    opts: { workers?: number; batchSize?: number; log?: (msg: string) => void } = {},
  ): EncoderPool {
    // Fetched (or checked) once here, so the workers only read the files.
    ensureTransformer(TRANSFORMERS[name], cacheDir, opts.log);
    const n = Math.max(1, opts.workers ?? os.availableParallelism());
    const data: EncoderWorkerData = { name, cacheDir, batchSize: opts.batchSize ?? 32 };
    return new EncoderPool(transformerId(name), TRANSFORMERS[name].dim, n, data, opts.log);
  }

  /** Resolves once the models are loaded; rejects with the reason if they could not be. */
  async loaded(): Promise<void> {
    this.start();
    await this.ready;
    if (this.startError) throw this.startError;
  }

  get workers(): number {
    return this.slots.length;
  }

  /**
   * Calls made in the same turn of the event loop (an import's records, concurrent requests) are
   * encoded together: their distinct texts sorted by length and cut into pieces, so each model
   * batch pads little (batches of a few sentences per call cost about twice as much per text).
   */
  embed(texts: string[]): Promise<Float32Array[]> {
    if (this.closed) return Promise.reject(new Error('the encoder pool is closed'));
    if (texts.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ texts, resolve, reject });
      this.start();
      if (this.queue.length === 1) void this.ready!.then(() => setImmediate(() => this.flush()));
    });
  }

  private flush(): void {
    const calls = this.queue.splice(0);
    if (this.startError) {
      for (const c of calls) c.reject(this.startError);
      return;
    }
    const distinct = [...new Set(calls.flatMap((c) => c.texts))].sort((a, b) => b.length - a.length);
    const size = Math.min(PIECE.max, Math.max(PIECE.min, Math.ceil(distinct.length / this.slots.length)));
    const pieces: Array<Promise<Float32Array[]>> = [];
    for (let i = 0; i < distinct.length; i += size) pieces.push(this.send(distinct.slice(i, i + size)));
    Promise.all(pieces).then(
      (results) => {
        const vectors = new Map<string, Float32Array>();
        results.flat().forEach((v, i) => vectors.set(distinct[i], v));
        // A text asked for twice gets its own copy (callers may keep or change what they get).
        const given = new Set<Float32Array>();
        for (const c of calls)
          c.resolve(
            c.texts.map((t) => {
              const v = vectors.get(t)!;
              if (given.has(v)) return v.slice();
              given.add(v);
              return v;
            }),
          );
      },
      (err: Error) => calls.forEach((c) => c.reject(err)),
    );
  }

  /** One piece to the worker with the fewest texts waiting. */
  private send(texts: string[]): Promise<Float32Array[]> {
    if (this.slots.length === 0)
      return Promise.reject(new Error('every text encoder worker has stopped; restart the service'));
    const slot = this.slots.reduce((a, b) => (b.load < a.load ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { slot, size: texts.length, resolve, reject });
      if (slot.load === 0) slot.worker.ref(); // keep the process alive while an answer is due
      slot.load += texts.length;
      slot.worker.postMessage({ id, texts } satisfies EncoderRequest);
    });
  }

  private settle(m: EncoderReply): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    p.slot.load -= p.size;
    if (p.slot.load === 0) p.slot.worker.unref();
    if ('error' in m) p.reject(new Error(`text encoder: ${m.error}`));
    else if ('vectors' in m) p.resolve(m.vectors);
  }

  private fail(slot: Slot, err: Error): void {
    for (const [id, p] of this.pending)
      if (p.slot === slot) {
        this.pending.delete(id);
        p.reject(err);
      }
    slot.load = 0;
  }

  /**
   * Stops the workers: each is asked to end between two model runs (terminating a thread inside
   * onnxruntime aborts the whole process), and is terminated only if it has not within 10 s.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const err = new Error('the encoder pool is closed');
    for (const c of this.queue.splice(0)) c.reject(err);
    for (const slot of this.slots) this.fail(slot, err);
    // A worker still loading its model is left to finish (terminating it inside onnxruntime aborts the process).
    await this.ready;
    await Promise.all(this.slots.map((s) => stopWorker(s.worker)));
  }
}

/** Asks a worker to end ({ exit }), terminating it if it has not within 10 s. */
function stopWorker(worker: Worker): Promise<void> {
  if (worker.threadId < 0) return Promise.resolve(); // already ended
  return new Promise((resolve) => {
    const timer = setTimeout(() => void worker.terminate(), 10_000);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.postMessage({ exit: true });
  });
}
