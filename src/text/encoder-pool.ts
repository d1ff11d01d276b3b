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
  private readonly queue: Array<{
    texts: string[];
    resolve: (v: Float32Array[]) => void;
    reject: (e: Error) => void;
  }> = [];

  private constructor(
    readonly id: string,
    readonly dim: number,
    private readonly slots: Slot[],
    private readonly data: EncoderWorkerData,
  ) {
    for (const slot of slots) this.attach(slot);
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

  /** `workers` threads (default: one per core), each running `name` on one core. */
  static async open(
    name: TransformerName,
    cacheDir: string,
    opts: { workers?: number; batchSize?: number; log?: (msg: string) => void } = {},
  ): Promise<EncoderPool> {
    // Fetched (or checked) once here, so the workers only read the files.
    ensureTransformer(TRANSFORMERS[name], cacheDir, opts.log);
    const n = Math.max(1, opts.workers ?? os.availableParallelism());
    const data: EncoderWorkerData = { name, cacheDir, batchSize: opts.batchSize ?? 32 };
    const workers = Array.from({ length: n }, () => startWorker(import.meta.url, 'encoder-worker', data));
    try {
      const dims = (await Promise.all(workers.map((w) => workerReady<{ ready: true; dim: number }>(w)))).map(
        (r) => r.dim,
      );
      return new EncoderPool(
        transformerId(name),
        dims[0],
        // Workers that answered ready are proven: started 0, so a crash of theirs is always followed by a restart.
        workers.map((worker) => ({ worker, load: 0, started: 0 })),
        data,
      );
    } catch (err) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw err;
    }
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
      if (this.queue.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const calls = this.queue.splice(0);
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
