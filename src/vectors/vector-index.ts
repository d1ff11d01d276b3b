/**
 * Top-K by dot product over contiguous vectors, with hard filters applied during the scan (matching
 * ranks jobs and members with it; the semantic tagger, skills). Filters are always exact, and so are the
 * scores returned; past a size, which rows are read is approximate (below).
 *
 * The vectors live in WebAssembly memory, one row of `stride` floats each (the dimension
 * padded to a multiple of 16 with zeros); dot-kernel.wat (shipped assembled, as dot-kernel.wasm)
 * scores a block of rows against up to 64 queries with SIMD, and the top k of each query is kept
 * here in a bounded heap (a block of a few times k scores for one query is first narrowed by pickBest). With a
 * filter, the rows it lets through are listed per block first, so a selective filter makes the scan cheaper. Rows
 * are reused after removal; upserts and removals apply in place (no rebuild). A batch of queries shares one pass
 * over the rows.
 *
 * Large indexes (from `quantizeFrom` rows, 65,536 by default) also keep each row in int8 (its own scale:
 * max |x| / 127) in a second memory, a quarter of the bytes: a search scans those first (the same
 * kernel's int8 functions, exact integer dot products against the query in 12-bit steps), keeps the
 * best `candidates(k)` of each query, and re-scores those exactly in float32, so the scores returned are
 * always exact and only the choice of candidates is approximate. Filters apply during both passes.
 *
 * From `listsFrom` rows (131,072 by default) the index also keeps inverted lists (inverted-lists.ts: the
 * rows filed under the nearest of ~√n/4 k-means centroids), and a search reads only the lists nearest its
 * query until it has read as many of the rows that pass its filter as `probeLists` lists hold on average (8 by
 * default: ~1/31 of the rows at a million, ~1/14 at 200,000), then re-scores as above. The lists are trained
 * on the first search that finds none (or `prepareLists()`), kept current by upserts and removals, and
 * retrained in the background once the index has doubled since; their int8 copies replace the one above. A
 * filter that lists the rows it can let through (RowFilter's `rows`: a rare place's jobs) has those read instead
 * when they are few.
 */
import { traced, tracing } from '../telemetry.ts';
import { InvertedLists } from './inverted-lists.ts';
import { TopK } from './top-k.ts';
import { Int8Rows, kernelModule, MAX_PAGES, PAGE, QUERIES_PER_PASS, SCORES_PER_CALL } from './kernel.ts';
import type { Kernel, Space } from './kernel.ts';

export interface Hit {
  row: number;
  id: string;
  score: number;
}

/**
 * A search's or count's filter: whether a row may be returned. `rows`, where the filter knows one, lists every
 * row it can let through (a superset, e.g. the rows of the one place a filter asks for): a search or count then
 * reads only those when they are few, instead of checking every row. `rowsOnly`: every listed row passes (the
 * filter is that list and nothing else), so a count is the list's length.
 */
export type RowFilter = ((row: number) => boolean) & { rows?: () => ArrayLike<number>; rowsOnly?: boolean };

export interface VectorIndexOptions {
  /** Rows from which searches scan int8 copies first (0: always; Infinity: never). */
  quantizeFrom?: number;
  /** Rows from which searches read only the inverted lists nearest the query (Infinity: never). */
  listsFrom?: number;
  /** How many average lists' worth of rows a search through the lists reads at least. */
  probeLists?: number;
  /** How long each step of a background retraining runs before other work goes on (ms; 0: one step). */
  retrainStepMs?: number;
}

/**
 * Candidates the int8 pass keeps per query for exact re-scoring: twice k and 64 more — the int8 scores' error
 * (≈ 0.001 on unit vectors) exceeds the gaps between neighbouring scores deep in a million rows, so the
 * exact top k sits within the best 2k + 64 approximate ones (bench:matching reports the recall).
 */
export const candidates = (k: number) => 2 * k + 64;

/**
 * A one-query block of PICK_FROM to PICK_UNTIL times k scores, offered to a heap not yet full, is first narrowed
 * to its best k by pickBest (a seed's thousand jobs, k = 100: the top hundred in ~9 µs instead of ~28). Past
 * that the heap is cheaper: its floor turns away all but ~k·ln(n/k) rows with a branch that rarely mispredicts,
 * where pickBest reads every score three times (a million rows, k = 100: 26 → 32 ms with it on every block).
 */
const PICK_FROM = 4;
const PICK_UNTIL = 64;
const BUCKETS = 1024;
/** pickBest's scratch: a histogram and the indexes it picks (searches run one at a time: they are synchronous). */
const histogram = new Int32Array(BUCKETS);
const picked = new Int32Array(SCORES_PER_CALL);

/**
 * Which of the scores f32[at, at + n) can be among the best k: those in the histogram buckets (over the scores'
 * range) from the one the k-th best falls in, up — every score of the best k and its ties, and a few more. Their
 * indexes go to `picked` in order; returns how many. With `start` ≥ 0 score i is row start + i, and rows whose
 * id is null (free) are left out. Offering every score to the heap instead mispredicts a branch for about a
 * third of them and sifts each; these passes branch the same way for almost every score.
 */
function pickBest(
  f32: Float32Array,
  at: number,
  n: number,
  k: number,
  ids: ReadonlyArray<string | null>,
  start: number,
): number {
  let min = Infinity;
  let max = -Infinity;
  for (let i = at; i < at + n; i++) {
    const s = f32[i];
    if (s < min) min = s;
    if (s > max) max = s;
  }
  // NaN when a score is not finite: then offer every one.
  const scale = (BUCKETS - 1) / (max - min || 1);
  if (!(scale > 0 && scale < Infinity)) return -1;
  histogram.fill(0);
  for (let i = 0; i < n; i++) if (start < 0 || ids[start + i] !== null) histogram[((f32[at + i] - min) * scale) | 0]++;
  let b = BUCKETS - 1;
  for (let have = histogram[b]; have < k && b > 0;) have += histogram[--b];
  let m = 0;
  for (let i = 0; i < n; i++) {
    picked[m] = i;
    if ((((f32[at + i] - min) * scale) | 0) >= b && (start < 0 || ids[start + i] !== null)) m++;
  }
  return m;
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
  private readonly listsFrom: number;
  private readonly probeLists: number;
  private readonly retrainStepMs: number;
  /** The inverted lists, from listsFrom rows on. */
  private lists: InvertedLists | null = null;
  /** Scratch bits, one per row, all clear between searches (listedCheck). */
  private bits = new Uint32Array(0);
  /** While new lists train in the background: the rows changed since it began (filed again at the end). */
  private retraining: Set<number> | null = null;

  constructor(
    readonly dim: number,
    capacity = 1024,
    options: VectorIndexOptions = {},
  ) {
    this.quantizeFrom = options.quantizeFrom ?? 65_536;
    this.listsFrom = options.listsFrom ?? 131_072;
    this.probeLists = options.probeLists ?? 8;
    this.retrainStepMs = options.retrainStepMs ?? 10;
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

  /** A search's answer for a row. */
  private readonly hit = (row: number, score: number): Hit => ({ row, score, id: this.ids[row]! });

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
    } else if (!this.lists && this.ids.length >= this.quantizeFrom) this.quantize();
    this.lists?.add(row, vec);
    this.retraining?.add(row);
    return row;
  }

  /**
   * Whether the index keeps an int8 copy of every row in place, scanned first (from `quantizeFrom` rows until it
   * has inverted lists, whose own int8 copies replace it).
   */
  get quantized(): boolean {
    return this.int8 !== null;
  }

  /** Whether searches read inverted lists (trained), and how many. */
  get listCount(): number {
    return this.lists?.lists ?? 0;
  }

  /**
   * Trains the inverted lists if the index has reached `listsFrom` rows and has none, or has doubled since they
   * were trained; ~10 s at a million rows, so whoever fills a large index calls this before serving from it.
   */
  prepareLists(): void {
    if (this.size < this.listsFrom || (this.lists && this.size < 2 * this.lists.trainedOn)) return;
    this.retraining = null; // a background run, if any, is superseded
    this.lists = InvertedLists.train(this.dim, this.ids.length, (row) => this.stored(row));
    // The lists keep their own int8 copy of every row; what still scans every row (a selective filter's rows,
    // an outsized k) reads the float32 rows.
    this.int8 = null;
  }

  /** Whether new inverted lists are being trained in the background (searches use the current ones). */
  get retrainingLists(): boolean {
    return this.retraining !== null;
  }

  /**
   * What a search does first: trains the first lists at once (`prepareLists`), and once the index has doubled
   * since, trains new ones in the background — steps of ~10 ms between other work (requests go on being served
   * from the current lists, which stay exact and current, only longer) — and swaps them in when done, after
   * filing again every row changed meanwhile. Both sets of lists are held until then.
   */
  private keepLists(): void {
    if (!this.lists) return this.prepareLists();
    if (this.retraining || this.size < 2 * this.lists.trainedOn) return;
    const changed = new Set<number>();
    this.retraining = changed;
    const steps = InvertedLists.training(this.dim, this.ids.length, (row) => this.stored(row));
    const step = () => {
      if (this.retraining !== changed) return;
      const began = performance.now();
      let next = steps.next();
      while (!next.done && performance.now() - began < this.retrainStepMs) next = steps.next();
      if (!next.done) return void setImmediate(step).unref(); // a process with nothing else to do need not wait
      const lists = next.value;
      for (const row of changed) {
        lists.remove(row);
        const v = this.stored(row);
        if (v) lists.add(row, v);
      }
      this.lists = lists;
      this.retraining = null;
    };
    setImmediate(step).unref();
  }

  /** A row's float32 vector in place (a view, valid until the memory grows), null for a free row. */
  private stored(row: number): Float32Array | null {
    if (this.ids[row] == null) return null;
    const at = this.dataAt / 4 + row * this.stride;
    return this.f32.subarray(at, at + this.dim);
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
    this.lists?.remove(row);
    this.retraining?.add(row);
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

  /** How many rows hold a vector that `accept` lets through (every vector without a filter): a pass over the rows. */
  count(accept?: RowFilter): number {
    if (!accept) return this.size;
    let n = 0;
    const within = accept.rows?.();
    if (within && accept.rowsOnly) return within.length;
    // Listed rows are read in no order (a cache miss each); every row's check reads the columns in order.
    if (within && within.length * 32 <= this.ids.length) {
      for (let i = 0; i < within.length; i++) if (this.ids[within[i]] != null && accept(within[i])) n++;
      return n;
    }
    for (let row = 0; row < this.ids.length; row++) if (this.ids[row] !== null && accept(row)) n++;
    return n;
  }

  /**
   * The k best rows by dot product for each query, among rows `accept` lets through (checked before the dot
   * product, so selective filters make the scan cheaper).
   */
  search(queries: ArrayLike<number>[], k: number, accept?: RowFilter): Hit[][] {
    if (!tracing()) return this.scan(queries, k, accept);
    const attributes = { 'skillgraph.rows': this.size, 'skillgraph.queries': queries.length, 'skillgraph.k': k };
    return traced('vector.search', attributes, () => this.scan(queries, k, accept));
  }

  private scan(queries: ArrayLike<number>[], k: number, accept?: RowFilter): Hit[][] {
    for (const q of queries)
      if (q.length !== this.dim) throw new Error(`query of ${q.length} values for a ${this.dim}-d index`);
    this.keepLists();
    const within = accept?.rows?.();
    if (within && within.length <= this.fewRows(k)) return this.scanListed(queries, k, within, accept!);
    if (this.lists) {
      // Listed rows as bits: the lists visit rows in no order, and a bit (the bits of a million rows fit in the
      // CPU's cache) turns away the rows off the list before the filter reads their attributes (a cache miss each).
      const check = within ? this.listedCheck(within, accept!) : accept;
      const found: Hit[][] = [];
      try {
        for (const q of queries) {
          const hits = this.listSearch(q, k, check);
          if (!hits) break; // the filter is selective (or k outsized): one full scan for the whole batch
          found.push(hits);
        }
      } finally {
        if (within) this.clearBits(within);
      }
      if (found.length === queries.length) return found;
      // The full scan would check every row and read the same listed rows that pass.
      if (within) return this.scanListed(queries, k, within, accept!);
    }
    // Quantised: the best candidates(k) by int8 scores, then those re-scored exactly (while they are a
    // small share of the rows; past that a plain scan costs no more).
    const int8 = this.int8 && candidates(k) * 8 <= this.size && candidates(k) <= SCORES_PER_CALL ? this.int8 : null;
    const heaps = queries.map(() => new TopK(int8 ? candidates(k) : k));
    for (let first = 0; first < queries.length; first += QUERIES_PER_PASS) {
      const batch = queries.length <= QUERIES_PER_PASS ? queries : queries.slice(first, first + QUERIES_PER_PASS);
      const part = heaps.length <= QUERIES_PER_PASS ? heaps : heaps.slice(first, first + QUERIES_PER_PASS);
      this.pass(int8, batch, part, accept);
    }
    const top = int8 ? queries.map((q, i) => this.rescore(q, heaps[i], k)) : heaps;
    return top.map((h) => h.sorted(this.hit));
  }

  /**
   * One query through the inverted lists: the int8 rows of its nearest lists, nearest first, until it has read
   * probeLists average lists' worth of rows and 8 × candidates(k) that pass the filter, then the best
   * candidates(k) re-scored exactly. Null where the lists would read a quarter of the rows or more (a selective
   * filter, or a k near the index's size: a full scan, which reads only the rows a filter lets through, costs
   * no more then).
   */
  private listSearch(query: ArrayLike<number>, k: number, accept?: (row: number) => boolean): Hit[] | null {
    const lists = this.lists!;
    const rows = Math.ceil((this.size * this.probeLists) / lists.lists);
    const passing = 8 * candidates(k);
    if (Math.max(rows, passing) * 4 >= this.size || candidates(k) > SCORES_PER_CALL) return null;
    const heap = new TopK(candidates(k));
    if (!lists.scan(query, { rows, passing, most: this.size / 4 }, heap, accept)) return null;
    return this.rescore(query, heap, k).sorted(this.hit);
  }

  /**
   * Up to how many listed rows (a filter's `rows`) a search reads instead of searching as it would without them:
   * half the rows a list search reads at least, or a quarter of an index without lists (whose scan checks every
   * row's filter). Listed rows are read where they lie (their int8 copies in the lists: a cache and often a page
   * miss each), a list's rows in order: measured over the million-job store's vectors with a random share of the
   * rows listed, listed rows cost 0.34 / 1.4 / 5.2 ms against a list search's 6.6 / 4.4 / 2.4 ms at 0.2 / 1 / 2 %
   * of the rows (half a list search's reads: 1.6 %).
   */
  private fewRows(k: number): number {
    if (!this.lists) return this.size / 4;
    return Math.max((this.size * this.probeLists) / this.lists.lists, 8 * candidates(k)) / 2;
  }

  /**
   * The top k among a filter's listed rows: with inverted lists, their int8 copies where the lists keep them,
   * the best candidates(k) re-scored exactly; without, their float32 rows (exact at once).
   */
  private scanListed(queries: ArrayLike<number>[], k: number, within: ArrayLike<number>, accept: RowFilter): Hit[][] {
    const hits = (h: TopK) => h.sorted(this.hit);
    const lists = this.lists;
    if (lists && candidates(k) <= SCORES_PER_CALL)
      return queries.map((q) => {
        const heap = new TopK(candidates(k));
        lists.scanRows(q, within, heap, accept);
        return hits(this.rescore(q, heap, k));
      });
    const heaps = queries.map(() => new TopK(k));
    for (let first = 0; first < queries.length; first += QUERIES_PER_PASS)
      this.pass(null, queries.slice(first, first + QUERIES_PER_PASS), heaps.slice(first), accept, within);
    return heaps.map(hits);
  }

  /** A filter that first checks a row's bit among `within`'s (set here; only listed rows can pass). */
  private listedCheck(within: ArrayLike<number>, accept: RowFilter): (row: number) => boolean {
    if (this.bits.length <= this.ids.length >> 5) this.bits = new Uint32Array((this.ids.length >> 5) + 1);
    const { bits } = this;
    for (let i = 0; i < within.length; i++) {
      const row = within[i];
      if (row < this.ids.length) bits[row >> 5] |= 1 << (row & 31);
    }
    const listed = (row: number) => (bits[row >> 5] & (1 << (row & 31))) !== 0;
    return accept.rowsOnly ? listed : (row) => listed(row) && accept(row);
  }

  /** Clears the bits listedCheck set (the bit set is kept between searches: no 125 KB per search at a million). */
  private clearBits(within: ArrayLike<number>): void {
    for (let i = 0; i < within.length; i++) if (within[i] < this.ids.length) this.bits[within[i] >> 5] = 0;
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
   * copy (its scores scaled by the row's and the query's steps).
   */
  private pass(
    int8: Int8Rows | null,
    queries: ArrayLike<number>[],
    heaps: TopK[],
    accept?: (row: number) => boolean,
    within?: ArrayLike<number>,
  ): void {
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
    const rows = within ? within.length : ids.length;
    for (let start = 0; start < rows; start += block) {
      const end = Math.min(rows, start + block);
      let n = 0;
      if (within) {
        for (let i = start; i < end; i++) {
          const row = within[i];
          if (ids[row] != null && (!accept || accept(row))) i32[list + n++] = row;
        }
        if (n === 0) continue;
        scoreRows(space.dataAt, stride, space.queriesAt, nq, space.listAt, n, space.scoresAt);
      } else if (accept) {
        for (let row = start; row < end; row++) if (ids[row] !== null && accept(row)) i32[list + n++] = row;
        if (n === 0) continue;
        scoreRows(space.dataAt, stride, space.queriesAt, nq, space.listAt, n, space.scoresAt);
      } else {
        n = end - start;
        scoreRange(space.dataAt, stride, space.queriesAt, nq, start, n, space.scoresAt);
      }
      if (nq === 1 && (!steps || steps[0] > 0)) {
        // One query, the common case: compare in the kernel's units (over int8 rows score / step; float32: 1).
        const step = steps ? steps[0] : 1;
        const heap = heaps[0];
        let floor = floors[0] / step;
        // Float32 scores (int8 ones are scaled per row first): only the block's best can enter.
        const pick = !scales && heap.floor === -Infinity && n >= PICK_FROM * heap.k && n <= PICK_UNTIL * heap.k;
        const m = pick ? pickBest(f32, scores, n, heap.k, ids, accept || within ? -1 : start) : -1;
        for (let j = 0, offered = m < 0 ? n : m; j < offered; j++) {
          const i = m < 0 ? j : picked[j];
          const row = accept || within ? i32[list + i] : start + i;
          const s = scales ? f32[scores + i] * scales[row] : f32[scores + i];
          if (s <= floor || ids[row] === null) continue;
          heap.push(row, s * step);
          floor = heap.floor / step;
        }
        floors[0] = floor * step;
        continue;
      }
      for (let i = 0; i < n; i++) {
        const at = scores + i * nq;
        const row = accept || within ? i32[list + i] : start + i;
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
