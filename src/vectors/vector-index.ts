/**
 * Exhaustive top-K over contiguous vectors, with hard filters applied during the scan (matching
 * ranks jobs and members with it; the semantic tagger, skills).
 * No approximate index: the corpus turns over fast and filters must be exact.
 *
 * The vectors live in WebAssembly memory, one row of `stride` floats each (the dimension
 * padded to a multiple of 16 with zeros); dot-kernel.wat (shipped assembled, as dot-kernel.wasm)
 * scores a block of rows against up to 64 queries with SIMD, and the top k of each query is kept
 * here in a bounded heap. With a filter, the rows it lets through are listed per block first, so
 * a selective filter makes the scan cheaper. Rows are reused after removal; upserts and removals apply in place (no
 * rebuild). A batch of queries shares one pass over the rows.
 *
 * Large indexes (from `quantizeFrom` rows, 65,536 by default) also keep each row in int8 (its own scale:
 * max |x| / 127) in a second memory, a quarter of the bytes: a search scans those first (the same
 * kernel's int8 functions, exact integer dot products against the query in 12-bit steps), keeps the
 * best `candidates(k)` of each query, and re-scores those exactly in float32, so the scores returned are
 * always exact and only the choice of candidates is approximate. Filters apply during both passes.
 */
import { ROOT } from '../paths.ts';
import fs from 'node:fs';
import path from 'node:path';
import { traced, tracing } from '../telemetry.ts';

export interface Hit {
  row: number;
  id: string;
  score: number;
}

interface Kernel {
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
const kernelModule = new WebAssembly.Module(fs.readFileSync(path.join(ROOT, 'src', 'vectors', 'dot-kernel.wasm')));

/** Queries scored in one pass (the kernel's batch); larger batches take several passes. */
const QUERIES_PER_PASS = 64;
/** Scores produced per kernel call (rows × queries). */
const SCORES_PER_CALL = 1 << 16;
const PAGE = 65536;
/** wasm32 memory tops out at 4 GiB. */
const MAX_PAGES = 65536;
/** The int8 pass's query steps: |q| ≤ 4095 keeps the kernel's i32 sums exact (see dot-kernel.wat). */
const QUERY_STEPS = 4095;

export interface VectorIndexOptions {
  /** Rows from which searches scan int8 copies first (0: always; Infinity: never). */
  quantizeFrom?: number;
}

/**
 * Candidates the int8 pass keeps per query for exact re-scoring: twice k and 64 more — the int8 scores' error
 * (≈ 0.001 on unit vectors) exceeds the gaps between neighbouring scores deep in a million rows, so the
 * exact top k sits within the best 2k + 64 approximate ones (bench:matching reports the recall).
 */
export const candidates = (k: number) => 2 * k + 64;

/** One memory's kernel, views and regions, as a pass over its rows reads them. */
interface Space {
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
class Int8Rows implements Space {
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

export class VectorIndex {
  /** Floats per row: the dimension rounded up to a multiple of 16. */
  readonly stride: number;
  private readonly memory: WebAssembly.Memory;
  private readonly kernel: Kernel;
  private f32!: Float32Array;
  private i32!: Int32Array;
  // Byte offsets of the regions: queries, scores, a row list, then the rows.
  private readonly queriesAt: number;
  private readonly scoresAt: number;
  private readonly listAt: number;
  private readonly dataAt: number;
  private capacity = 0;
  private ids: Array<string | null> = [];
  private readonly rowOf = new Map<string, number>();
  private free: number[] = [];
  private readonly quantizeFrom: number;
  /** The int8 copy, from quantizeFrom rows on. */
  private int8: Int8Rows | null = null;

  constructor(
    readonly dim: number,
    capacity = 1024,
    options: VectorIndexOptions = {},
  ) {
    this.quantizeFrom = options.quantizeFrom ?? 65_536;
    if (!Number.isInteger(dim) || dim < 1) throw new Error(`an index needs a positive dimension, not ${dim}`);
    this.stride = Math.ceil(dim / 16) * 16;
    this.queriesAt = 0;
    this.scoresAt = this.queriesAt + QUERIES_PER_PASS * this.stride * 4;
    this.listAt = this.scoresAt + SCORES_PER_CALL * 4;
    this.dataAt = this.listAt + SCORES_PER_CALL * 4;
    this.memory = new WebAssembly.Memory({ initial: this.pagesFor(Math.max(1, capacity)), maximum: MAX_PAGES });
    this.kernel = new WebAssembly.Instance(kernelModule, { env: { memory: this.memory } }).exports as unknown as Kernel;
    this.capacity = this.rowsIn(this.memory.buffer.byteLength);
    this.remap();
  }

  get size(): number {
    return this.rowOf.size;
  }

  /** Rows in use or free (the scan's extent). */
  get rows(): number {
    return this.ids.length;
  }

  /** Whether a row holds a vector that `accept` lets through (every vector without a filter). */
  passes(row: number, accept?: (row: number) => boolean): boolean {
    return this.ids[row] != null && (!accept || accept(row));
  }

  rowOfId(id: string): number | undefined {
    return this.rowOf.get(id);
  }

  idOf(row: number): string | null {
    return this.ids[row] ?? null;
  }

  /** A copy of the stored vector. */
  vector(id: string): Float32Array | null {
    const row = this.rowOf.get(id);
    if (row === undefined) return null;
    const at = this.dataAt / 4 + row * this.stride;
    return this.f32.slice(at, at + this.dim);
  }

  /** Inserts or replaces a vector; returns its row (stable until removed). */
  upsert(id: string, vec: ArrayLike<number>): number {
    if (vec.length !== this.dim) throw new Error(`vector of ${vec.length} values for a ${this.dim}-d index`);
    let row = this.rowOf.get(id) ?? this.free.pop();
    if (row === undefined) {
      row = this.ids.length;
      if (row >= this.capacity) this.grow(row + 1);
      this.ids.push(null);
    }
    this.f32.set(vec, this.dataAt / 4 + row * this.stride);
    this.ids[row] = id;
    this.rowOf.set(id, row);
    if (this.int8) {
      this.int8.reserve(row + 1);
      this.int8.set(row, vec);
    } else if (this.ids.length >= this.quantizeFrom) this.quantize();
    return row;
  }

  /** Whether searches scan an int8 copy first (the index has reached `quantizeFrom` rows). */
  get quantized(): boolean {
    return this.int8 !== null;
  }

  /** Builds the int8 copy of every row. */
  private quantize(): void {
    const int8 = new Int8Rows(this.dim, this.capacity);
    for (let row = 0; row < this.ids.length; row++) {
      if (this.ids[row] === null) continue;
      const at = this.dataAt / 4 + row * this.stride;
      int8.set(row, this.f32.subarray(at, at + this.dim));
    }
    this.int8 = int8;
  }

  remove(id: string): number | undefined {
    const row = this.rowOf.get(id);
    if (row === undefined) return undefined;
    this.rowOf.delete(id);
    this.ids[row] = null;
    const at = this.dataAt / 4 + row * this.stride;
    this.f32.fill(0, at, at + this.stride);
    this.int8?.clear(row);
    this.free.push(row);
    return row;
  }

  /**
   * Every row's exact float32 score against one query, written to out in row order (a removed row scores 0):
   * what a metric needs that ranks by all scores, not only the best k.
   */
  scoreAll(query: ArrayLike<number>, out: Float32Array): void {
    if (query.length !== this.dim) throw new Error(`query of ${query.length} values for a ${this.dim}-d index`);
    const { f32, stride, kernel } = this;
    f32.fill(0, this.queriesAt / 4, this.queriesAt / 4 + stride);
    f32.set(query, this.queriesAt / 4);
    for (let start = 0; start < this.ids.length; start += SCORES_PER_CALL) {
      const n = Math.min(SCORES_PER_CALL, this.ids.length - start);
      kernel.scoreRange(this.dataAt, stride, this.queriesAt, 1, start, n, this.scoresAt);
      out.set(f32.subarray(this.scoresAt / 4, this.scoresAt / 4 + n), start);
    }
  }

  /**
   * The k best rows by dot product for each query, among rows `accept` lets through (checked
   * before the dot product, so selective filters make the scan cheaper). `stats.accepted` is set to
   * the number of rows it let through (the scan checks every row anyway; no second pass to count).
   */
  search(
    queries: ArrayLike<number>[],
    k: number,
    accept?: (row: number) => boolean,
    stats?: { accepted: number },
  ): Hit[][] {
    if (!tracing()) return this.scan(queries, k, accept, stats);
    const attributes = { 'skillgraph.rows': this.size, 'skillgraph.queries': queries.length, 'skillgraph.k': k };
    return traced('vector.search', attributes, () => this.scan(queries, k, accept, stats));
  }

  private scan(
    queries: ArrayLike<number>[],
    k: number,
    accept?: (row: number) => boolean,
    stats?: { accepted: number },
  ): Hit[][] {
    for (const q of queries)
      if (q.length !== this.dim) throw new Error(`query of ${q.length} values for a ${this.dim}-d index`);
    // Quantised: the best candidates(k) by int8 scores, then those re-scored exactly (while they are a
    // small share of the rows; past that a plain scan costs no more).
    const int8 = this.int8 && candidates(k) * 8 <= this.size && candidates(k) <= SCORES_PER_CALL ? this.int8 : null;
    const heaps = queries.map(() => new TopK(int8 ? candidates(k) : k));
    let accepted = accept ? 0 : this.size;
    for (let first = 0; first < queries.length; first += QUERIES_PER_PASS) {
      const batch = queries.length <= QUERIES_PER_PASS ? queries : queries.slice(first, first + QUERIES_PER_PASS);
      const part = heaps.length <= QUERIES_PER_PASS ? heaps : heaps.slice(first, first + QUERIES_PER_PASS);
      const n = this.pass(int8, batch, part, accept);
      if (first === 0 && accept) accepted = n;
    }
    if (stats && accept && !queries.length)
      for (let row = 0; row < this.ids.length; row++) if (this.passes(row, accept)) accepted++;
    if (stats) stats.accepted = accepted;
    const top = int8 ? queries.map((q, i) => this.rescore(q, heaps[i], k)) : heaps;
    return top.map((h) => h.sorted().map(({ row, score }) => ({ row, score, id: this.ids[row]! })));
  }

  /** The exact top k among a heap's rows: their float32 scores (one kernel call over a row list). */
  private rescore(query: ArrayLike<number>, approximate: TopK, k: number): TopK {
    const { f32, i32, stride, kernel } = this;
    const rows = approximate.rowList();
    f32.fill(0, this.queriesAt / 4, this.queriesAt / 4 + stride);
    f32.set(query, this.queriesAt / 4);
    i32.set(rows, this.listAt / 4);
    kernel.scoreRows(this.dataAt, stride, this.queriesAt, 1, this.listAt, rows.length, this.scoresAt);
    const top = new TopK(k);
    for (let i = 0; i < rows.length; i++) top.push(rows[i], f32[this.scoresAt / 4 + i]);
    return top;
  }

  /**
   * One pass over the rows for up to QUERIES_PER_PASS queries: over the float32 rows, or over the int8
   * copy (its scores scaled by the row's and the query's steps). Returns the rows `accept` let through.
   */
  private pass(
    int8: Int8Rows | null,
    queries: ArrayLike<number>[],
    heaps: TopK[],
    accept?: (row: number) => boolean,
  ): number {
    const { ids } = this;
    const space: Space = int8 ?? {
      kernel: this.kernel,
      stride: this.stride,
      f32: this.f32,
      i32: this.i32,
      queriesAt: this.queriesAt,
      scoresAt: this.scoresAt,
      listAt: this.listAt,
      dataAt: this.dataAt,
    };
    const { f32, i32, kernel, stride } = space;
    const nq = queries.length;
    let steps: Float64Array | null = null;
    if (int8) steps = int8.setQueries(queries);
    else {
      f32.fill(0, this.queriesAt / 4, this.queriesAt / 4 + nq * stride);
      queries.forEach((q, i) => f32.set(q, this.queriesAt / 4 + i * stride));
    }
    const scoreRange = int8 ? kernel.scoreRangeI8 : kernel.scoreRange;
    const scoreRows = int8 ? kernel.scoreRowsI8 : kernel.scoreRows;
    const scales = int8?.scales;
    const floors = new Float64Array(nq);
    for (let q = 0; q < nq; q++) floors[q] = heaps[q].floor;
    const block = Math.floor(SCORES_PER_CALL / nq);
    const scores = space.scoresAt / 4;
    const list = space.listAt / 4;
    const rows = ids.length;
    let accepted = 0;
    for (let start = 0; start < rows; start += block) {
      const end = Math.min(rows, start + block);
      let n = 0;
      if (accept) {
        for (let row = start; row < end; row++) if (ids[row] !== null && accept(row)) i32[list + n++] = row;
        accepted += n;
        if (n === 0) continue;
        scoreRows(space.dataAt, stride, space.queriesAt, nq, space.listAt, n, space.scoresAt);
      } else {
        n = end - start;
        scoreRange(space.dataAt, stride, space.queriesAt, nq, start, n, space.scoresAt);
      }
      if (nq === 1 && scales && steps && steps[0] > 0) {
        // One query over int8 rows, the common case: compare in the kernel's units (score / step).
        const step = steps[0];
        let floor = floors[0] / step;
        for (let i = 0; i < n; i++) {
          const row = accept ? i32[list + i] : start + i;
          const s = f32[scores + i] * scales[row];
          if (s <= floor || ids[row] === null) continue;
          heaps[0].push(row, s * step);
          floor = heaps[0].floor / step;
        }
        floors[0] = floor * step;
        continue;
      }
      for (let i = 0; i < n; i++) {
        const at = scores + i * nq;
        const row = accept ? i32[list + i] : start + i;
        const scale = scales ? scales[row] : 1;
        for (let q = 0; q < nq; q++) {
          const s = steps ? f32[at + q] * scale * steps[q] : f32[at + q];
          if (s <= floors[q]) continue;
          if (ids[row] === null) continue;
          heaps[q].push(row, s);
          floors[q] = heaps[q].floor;
        }
      }
    }
    return accepted;
  }

  private rowsIn(bytes: number): number {
    return Math.floor((bytes - this.dataAt) / (this.stride * 4));
  }

  private pagesFor(rows: number): number {
    return Math.ceil((this.dataAt + rows * this.stride * 4) / PAGE);
  }

  private grow(rows: number): void {
    const want = Math.max(rows, this.capacity * 2);
    const pages = Math.min(MAX_PAGES, this.pagesFor(want));
    const have = this.memory.buffer.byteLength / PAGE;
    if (pages <= have || this.pagesFor(rows) > MAX_PAGES)
      throw new Error(
        `the index cannot hold ${rows} rows of ${this.dim} floats (WebAssembly memory is limited to 4 GiB)`,
      );
    this.memory.grow(pages - have);
    this.capacity = this.rowsIn(this.memory.buffer.byteLength);
    this.int8?.reserve(this.capacity);
    this.remap();
  }

  /** Views over the memory (a grown memory detaches the old ones). */
  private remap(): void {
    this.f32 = new Float32Array(this.memory.buffer);
    this.i32 = new Int32Array(this.memory.buffer);
  }
}

/** A bounded min-heap keeping the k largest scores. */
export class TopK {
  private readonly scores: Float64Array;
  private readonly rows: Int32Array;
  private n = 0;

  constructor(readonly k: number) {
    this.scores = new Float64Array(Math.max(1, k));
    this.rows = new Int32Array(Math.max(1, k));
  }

  /** Scores at or below this cannot enter (the current minimum once full). */
  get floor(): number {
    return this.n < this.k ? -Infinity : this.scores[0];
  }

  push(row: number, score: number): void {
    if (this.k === 0) return;
    if (this.n < this.k) {
      let i = this.n++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (this.scores[p] <= score) break;
        this.scores[i] = this.scores[p];
        this.rows[i] = this.rows[p];
        i = p;
      }
      this.scores[i] = score;
      this.rows[i] = row;
      return;
    }
    if (score <= this.scores[0]) return;
    // Replace the minimum and sift down.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.n) break;
      const r = l + 1;
      const c = r < this.n && this.scores[r] < this.scores[l] ? r : l;
      if (this.scores[c] >= score) break;
      this.scores[i] = this.scores[c];
      this.rows[i] = this.rows[c];
      i = c;
    }
    this.scores[i] = score;
    this.rows[i] = row;
  }

  /** The rows held, in heap order. */
  rowList(): Int32Array {
    return this.rows.slice(0, this.n);
  }

  sorted(): Array<{ row: number; score: number }> {
    const out: Array<{ row: number; score: number }> = [];
    for (let i = 0; i < this.n; i++) out.push({ row: this.rows[i], score: this.scores[i] });
    return out.sort((a, b) => b.score - a.score || a.row - b.row);
  }
}
