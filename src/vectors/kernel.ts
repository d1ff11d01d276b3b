/**
 * The SIMD dot-product kernel (dot-kernel.wat, shipped assembled as dot-kernel.wasm) and the int8 rows it
 * scans: what VectorIndex and its inverted lists share.
 */
import { ROOT } from '../paths.ts';
import fs from 'node:fs';
import path from 'node:path';

export interface Kernel {
  scoreRange(
    data: number,
    stride: number,
    queries: number,
    nq: number,
    start: number,
    count: number,
    out: number,
  ): void;
  scoreRows(data: number, stride: number, queries: number, nq: number, rows: number, count: number, out: number): void;
  scoreRangeI8: Kernel['scoreRange'];
  scoreRowsI8: Kernel['scoreRows'];
}

/** The kernel as shipped: dot-kernel.wasm, assembled from dot-kernel.wat by `npm run assemble:kernel`. */
export const kernelModule = new WebAssembly.Module(
  fs.readFileSync(path.join(ROOT, 'src', 'vectors', 'dot-kernel.wasm')),
);

/** Queries scored in one pass (the kernel's batch); larger batches take several passes. */
export const QUERIES_PER_PASS = 64;
/** Scores produced per kernel call (rows × queries). */
export const SCORES_PER_CALL = 1 << 16;
export const PAGE = 65536;
/** wasm32 memory tops out at 4 GiB. */
export const MAX_PAGES = 65536;
/** The int8 pass's query steps: |q| ≤ 4095 keeps the kernel's i32 sums exact (see dot-kernel.wat). */
export const QUERY_STEPS = 4095;

/** One memory's kernel, views and regions, as a pass over its rows reads them. */
export interface Space {
  kernel: Kernel;
  /** The kernel's row length: floats for float32 rows, bytes for int8 ones. */
  stride: number;
  f32: Float32Array;
  i32: Int32Array;
  queriesAt: number;
  scoresAt: number;
  listAt: number;
  dataAt: number;
}

/** The int8 copy of an index's rows: its own memory (rows, queries as i16, scores, a row list) and scales. */
export class Int8Rows implements Space {
  readonly memory: WebAssembly.Memory;
  readonly kernel: Kernel;
  readonly queriesAt = 0;
  readonly scoresAt: number;
  readonly listAt: number;
  readonly dataAt: number;
  scales: Float32Array;
  i8!: Int8Array;
  i16!: Int16Array;
  f32!: Float32Array;
  i32!: Int32Array;

  /** Bytes per int8 row: the dimension rounded up to a multiple of 32 (the kernel reads 32 at a time). */
  readonly stride: number;

  constructor(dim: number, rows: number) {
    this.stride = Math.ceil(dim / 32) * 32;
    const stride = this.stride;
    this.scoresAt = this.queriesAt + QUERIES_PER_PASS * stride * 2;
    this.listAt = this.scoresAt + SCORES_PER_CALL * 4;
    this.dataAt = this.listAt + SCORES_PER_CALL * 4;
    this.memory = new WebAssembly.Memory({ initial: this.pagesFor(Math.max(1, rows)), maximum: MAX_PAGES });
    this.kernel = new WebAssembly.Instance(kernelModule, { env: { memory: this.memory } }).exports as unknown as Kernel;
    this.scales = new Float32Array(Math.max(1, rows));
    this.remap();
  }

  pagesFor(rows: number): number {
    return Math.ceil((this.dataAt + rows * this.stride) / PAGE);
  }

  /** Room for `rows` rows (memory and scales). */
  reserve(rows: number): void {
    const have = this.memory.buffer.byteLength / PAGE;
    const pages = this.pagesFor(rows);
    if (pages > have) {
      this.memory.grow(pages - have);
      this.remap();
    }
    if (rows > this.scales.length) {
      const scales = new Float32Array(Math.max(rows, this.scales.length * 2));
      scales.set(this.scales);
      this.scales = scales;
    }
  }

  set(row: number, vec: ArrayLike<number>): void {
    let max = 0;
    for (let j = 0; j < vec.length; j++) max = Math.max(max, Math.abs(vec[j]));
    const at = this.dataAt + row * this.stride;
    this.i8.fill(0, at, at + this.stride);
    this.scales[row] = max / 127;
    if (max === 0) return;
    const inv = 127 / max;
    for (let j = 0; j < vec.length; j++) this.i8[at + j] = Math.round(vec[j] * inv);
  }

  /** Copies one row's bytes and scale to another row. */
  move(from: number, to: number): void {
    this.i8.copyWithin(
      this.dataAt + to * this.stride,
      this.dataAt + from * this.stride,
      this.dataAt + (from + 1) * this.stride,
    );
    this.scales[to] = this.scales[from];
  }

  clear(row: number): void {
    const at = this.dataAt + row * this.stride;
    this.i8.fill(0, at, at + this.stride);
    this.scales[row] = 0;
  }

  /** Writes the queries in 12-bit steps; returns each one's step (score = i32 dot × row scale × step). */
  setQueries(queries: ArrayLike<number>[]): Float64Array {
    const steps = new Float64Array(queries.length);
    queries.forEach((q, i) => {
      const at = this.queriesAt / 2 + i * this.stride;
      this.i16.fill(0, at, at + this.stride);
      let max = 0;
      for (let j = 0; j < q.length; j++) max = Math.max(max, Math.abs(q[j]));
      if (max === 0) return;
      steps[i] = max / QUERY_STEPS;
      for (let j = 0; j < q.length; j++) this.i16[at + j] = Math.round((q[j] / max) * QUERY_STEPS);
    });
    return steps;
  }

  private remap(): void {
    this.i8 = new Int8Array(this.memory.buffer);
    this.i16 = new Int16Array(this.memory.buffer);
    this.f32 = new Float32Array(this.memory.buffer);
    this.i32 = new Int32Array(this.memory.buffer);
  }
}
