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
 */
import { ROOT } from '../paths.ts';
import fs from 'node:fs';
import path from 'node:path';

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

  constructor(
    readonly dim: number,
    capacity = 1024,
  ) {
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

  /** How many rows `accept` lets through, leaving out `exclude` (all rows without a filter). */
  count(accept?: (row: number) => boolean, exclude?: Set<number>): number {
    if (!accept) {
      let excluded = 0;
      for (const row of exclude ?? []) if (this.ids[row] != null) excluded++;
      return this.size - excluded;
    }
    let n = 0;
    for (let row = 0; row < this.ids.length; row++)
      if (this.ids[row] !== null && accept(row) && !exclude?.has(row)) n++;
    return n;
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
    return row;
  }

  remove(id: string): number | undefined {
    const row = this.rowOf.get(id);
    if (row === undefined) return undefined;
    this.rowOf.delete(id);
    this.ids[row] = null;
    const at = this.dataAt / 4 + row * this.stride;
    this.f32.fill(0, at, at + this.stride);
    this.free.push(row);
    return row;
  }

  /**
   * The k best rows by dot product for each query, among rows `accept` lets through (checked
   * before the dot product, so selective filters make the scan cheaper).
   */
  search(queries: ArrayLike<number>[], k: number, accept?: (row: number) => boolean): Hit[][] {
    for (const q of queries)
      if (q.length !== this.dim) throw new Error(`query of ${q.length} values for a ${this.dim}-d index`);
    const heaps = queries.map(() => new TopK(k));
    if (queries.length <= QUERIES_PER_PASS) this.pass(queries, heaps, accept);
    else
      for (let first = 0; first < queries.length; first += QUERIES_PER_PASS)
        this.pass(queries.slice(first, first + QUERIES_PER_PASS), heaps.slice(first, first + QUERIES_PER_PASS), accept);
    return heaps.map((h) => h.sorted().map(({ row, score }) => ({ row, score, id: this.ids[row]! })));
  }

  /** One pass over the rows for up to QUERIES_PER_PASS queries. */
  private pass(queries: ArrayLike<number>[], heaps: TopK[], accept?: (row: number) => boolean): void {
    const { f32, i32, stride, ids, kernel } = this;
    const nq = queries.length;
    f32.fill(0, this.queriesAt / 4, this.queriesAt / 4 + nq * stride);
    queries.forEach((q, i) => f32.set(q, this.queriesAt / 4 + i * stride));
    const floors = new Float64Array(nq);
    for (let q = 0; q < nq; q++) floors[q] = heaps[q].floor;
    const block = Math.floor(SCORES_PER_CALL / nq);
    const scores = this.scoresAt / 4;
    const list = this.listAt / 4;
    const rows = ids.length;
    for (let start = 0; start < rows; start += block) {
      const end = Math.min(rows, start + block);
      let n = 0;
      if (accept) {
        for (let row = start; row < end; row++) if (ids[row] !== null && accept(row)) i32[list + n++] = row;
        if (n === 0) continue;
        kernel.scoreRows(this.dataAt, stride, this.queriesAt, nq, this.listAt, n, this.scoresAt);
      } else {
        n = end - start;
        kernel.scoreRange(this.dataAt, stride, this.queriesAt, nq, start, n, this.scoresAt);
      }
      for (let i = 0; i < n; i++) {
        const at = scores + i * nq;
        for (let q = 0; q < nq; q++) {
          const s = f32[at + q];
          if (s <= floors[q]) continue;
          const row = accept ? i32[list + i] : start + i;
          if (ids[row] === null) continue;
          heaps[q].push(row, s);
          floors[q] = heaps[q].floor;
        }
      }
    }
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

  sorted(): Array<{ row: number; score: number }> {
    const out: Array<{ row: number; score: number }> = [];
    for (let i = 0; i < this.n; i++) out.push({ row: this.rows[i], score: this.scores[i] });
    return out.sort((a, b) => b.score - a.score || a.row - b.row);
  }
}
