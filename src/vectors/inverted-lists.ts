/**
 * Inverted lists over a VectorIndex's rows (the coarse part of an IVF index): the rows are split into lists by
 * their nearest centroid (spherical k-means on a sample of the rows), and a search reads only the lists whose
 * centroids are nearest its query, nearest first, until it has read a share of the rows. Each list keeps its
 * rows' int8 copies together (one region of its own memory, the kernel's int8 layout), so reading a list is a
 * sequential scan — the rows' own places are scattered over the index, and reading them there cost ~9 ms for
 * 34,000 rows at a million (one page and cache miss per row) against ~0.5 ms in order. The index re-scores the
 * candidates exactly, so scores are exact and only which rows are read is approximate.
 *
 * Kept current in place: an upserted row joins the list of its nearest centroid, a removed row leaves its list
 * (the list's last row takes its place). A list that outgrows its region moves to a region twice the size at
 * the end of the memory; retraining lays the lists out afresh. The centroids are not moved after training
 * (vectors that drift still land in their nearest list).
 */
import { seededRandom } from '../random.ts';
import { grown } from './grown.ts';
import { Int8Rows, QUERIES_PER_PASS, SCORES_PER_CALL } from './kernel.ts';
import { normalize } from './math.ts';
import type { TopK } from './top-k.ts';

/** k-means rounds when training the centroids. */
const ROUNDS = 10;
/** Sample rows per centroid when training (FAISS asks for at least 39). */
const SAMPLE_PER_LIST = 64;
/** Rows assigned or filed per step of a training run in steps (~10–40 ms at a million rows here). */
const STEP_ROWS = 4096;

/** Lists for n rows: a quarter of √n, at least 8 (fewer, longer lists kept recall higher per row read here). */
export const listCount = (n: number) => Math.min(4096, Math.max(8, Math.round(Math.sqrt(n) / 4)));

export class InvertedLists {
  /** The list each row is in (-1: none), and its place in that list. */
  private listOf: Int32Array;
  private placeOf: Int32Array;
  /** Each list's rows in order, its first slot in `codes`, its length and its room. */
  private readonly members: Int32Array[];
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;
  private readonly rooms: Int32Array;
  /** The lists' int8 rows, by slot; the next free slot at the end. */
  private readonly codes: Int8Rows;
  private end = 0;
  private readonly listScores: Float32Array;
  /** scanRows' rows of one kernel call. */
  private found = new Int32Array(0);

  private constructor(
    private readonly centroids: Centroids,
    dim: number,
    capacity: number,
    sizes: Int32Array,
    /** The live rows when trained: an index retrains once it has grown well past this. */
    readonly trainedOn: number,
  ) {
    const lists = centroids.count;
    this.listOf = new Int32Array(capacity).fill(-1);
    this.placeOf = new Int32Array(capacity);
    this.lengths = new Int32Array(lists);
    this.listScores = new Float32Array(lists);
    this.rooms = sizes.map((n) => n + Math.max(16, n >> 3));
    this.starts = new Int32Array(lists);
    for (let c = 0; c < lists; c++) {
      this.starts[c] = this.end;
      this.end += this.rooms[c];
    }
    this.members = Array.from(this.rooms, (room) => new Int32Array(room));
    this.codes = new Int8Rows(dim, this.end);
  }

  get lists(): number {
    return this.lengths.length;
  }

  /**
   * Trains centroids on a seeded sample of the live rows (`vectorOf` gives a row's vector, null for a free row)
   * and files every live row under its nearest one.
   */
  static train(dim: number, rows: number, vectorOf: (row: number) => Float32Array | null): InvertedLists {
    const steps = InvertedLists.training(dim, rows, vectorOf);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * `train` in steps of at most STEP_ROWS rows' work each (a generator the caller advances between other work):
   * rows may change between steps — a row removed meanwhile is skipped, one changed or added meanwhile may be
   * filed by its old vector or not at all, so the caller files again every row it changed meanwhile.
   */
  static *training(
    dim: number,
    rows: number,
    vectorOf: (row: number) => Float32Array | null,
  ): Generator<void, InvertedLists> {
    const live: number[] = [];
    for (let row = 0; row < rows; row++) if (vectorOf(row)) live.push(row);
    const lists = Math.min(listCount(live.length), live.length);
    const random = seededRandom(live.length);
    const sample = live.length <= lists * SAMPLE_PER_LIST ? live.slice() : pick(live, lists * SAMPLE_PER_LIST, random);
    const centroids = new Centroids(dim, lists);
    pick(sample, lists, random).forEach((row, c) => centroids.set(c, vectorOf(row) ?? new Float32Array(dim)));
    const sums = new Float64Array(lists * dim);
    const counts = new Int32Array(lists);
    for (let round = 0; round < ROUNDS; round++) {
      sums.fill(0);
      counts.fill(0);
      for (let first = 0; first < sample.length; first += STEP_ROWS) {
        assign(centroids, sample.slice(first, first + STEP_ROWS), vectorOf, (_, c, v) => {
          for (let j = 0; j < dim; j++) sums[c * dim + j] += v[j];
          counts[c]++;
        });
        yield;
      }
      for (let c = 0; c < lists; c++) {
        const centre = new Float32Array(dim);
        if (counts[c] === 0) centre.set(vectorOf(sample[Math.floor(random() * sample.length)]) ?? centre);
        else for (let j = 0; j < dim; j++) centre[j] = sums[c * dim + j];
        centroids.set(c, normalize(centre));
      }
    }
    const nearest = new Int32Array(rows).fill(-1);
    const sizes = new Int32Array(lists);
    for (let first = 0; first < live.length; first += STEP_ROWS) {
      assign(centroids, live.slice(first, first + STEP_ROWS), vectorOf, (row, c) => {
        nearest[row] = c;
        sizes[c]++;
      });
      yield;
    }
    const ivf = new InvertedLists(centroids, dim, rows, sizes, live.length);
    for (let first = 0; first < live.length; first += STEP_ROWS) {
      for (const row of live.slice(first, first + STEP_ROWS)) {
        const v = vectorOf(row);
        if (v && nearest[row] >= 0) ivf.file(row, nearest[row], v);
      }
      yield;
    }
    return ivf;
  }

  /** Files a row (new or moved) under its vector's nearest centroid. */
  add(row: number, vec: ArrayLike<number>): void {
    this.remove(row);
    this.centroids.score([vec], this.listScores);
    let best = 0;
    for (let c = 1; c < this.listScores.length; c++) if (this.listScores[c] > this.listScores[best]) best = c;
    this.file(row, best, vec);
  }

  remove(row: number): void {
    if (row >= this.listOf.length) return;
    const list = this.listOf[row];
    if (list < 0) return;
    const members = this.members[list];
    const last = --this.lengths[list];
    const place = this.placeOf[row];
    if (place !== last) {
      members[place] = members[last];
      this.placeOf[members[place]] = place;
      this.codes.move(this.starts[list] + last, this.starts[list] + place);
    }
    this.codes.clear(this.starts[list] + last);
    this.listOf[row] = -1;
  }

  /**
   * Pushes the int8 scores of the rows in the lists nearest the query into `heap` (rows `accept` lets through),
   * nearest list first, until at least `want.rows` rows and `want.passing` that pass were read, or every list
   * was. False if that took more than `want.most` rows (a selective filter: the caller scans instead).
   */
  scan(
    query: ArrayLike<number>,
    want: { rows: number; passing: number; most: number },
    heap: TopK,
    accept?: (row: number) => boolean,
  ): boolean {
    const scores = this.listScores;
    this.centroids.score([query], scores);
    const order = Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a] || a - b);
    const { codes } = this;
    const [step] = codes.setQueries([query]);
    const { f32, scales } = codes;
    const out = codes.scoresAt / 4;
    let read = 0;
    let passed = 0;
    for (const list of order) {
      if (read >= want.rows && passed >= want.passing) return true;
      if (read > want.most) return false;
      const members = this.members[list];
      const length = this.lengths[list];
      read += length;
      for (let first = 0; first < length; first += SCORES_PER_CALL) {
        const n = Math.min(SCORES_PER_CALL, length - first);
        const start = this.starts[list] + first;
        codes.kernel.scoreRangeI8(codes.dataAt, codes.stride, codes.queriesAt, 1, start, n, codes.scoresAt);
        // Compared in the kernel's units (score / step), as VectorIndex's own int8 pass does.
        let floor = step > 0 ? heap.floor / step : heap.floor;
        for (let i = 0; i < n; i++) {
          const row = members[first + i];
          if (accept && !accept(row)) continue;
          passed++;
          const s = f32[out + i] * scales[start + i];
          if (s <= floor) continue;
          heap.push(row, s * step);
          floor = step > 0 ? heap.floor / step : heap.floor;
        }
      }
    }
    return true;
  }

  /**
   * Pushes the int8 scores of the given rows (a filter's listed rows, in any order) into `heap`, those `accept`
   * lets through: each read where its list keeps it, a quarter of the bytes of its float32 row.
   */
  scanRows(query: ArrayLike<number>, rows: ArrayLike<number>, heap: TopK, accept?: (row: number) => boolean): void {
    const { codes, listOf, placeOf, starts } = this;
    const [step] = codes.setQueries([query]);
    const { f32, i32, scales } = codes;
    const out = codes.scoresAt / 4;
    const slots = codes.listAt / 4;
    // Kept between calls: a fresh 256 KB array per search is garbage at a thousand searches a second.
    if (this.found.length < Math.min(rows.length, SCORES_PER_CALL))
      this.found = new Int32Array(Math.min(rows.length, SCORES_PER_CALL));
    const { found } = this;
    for (let first = 0; first < rows.length; first += SCORES_PER_CALL) {
      const end = Math.min(rows.length, first + SCORES_PER_CALL);
      let n = 0;
      for (let i = first; i < end; i++) {
        const row = rows[i];
        if (row >= listOf.length || listOf[row] < 0 || (accept && !accept(row))) continue;
        found[n] = row;
        i32[slots + n++] = starts[listOf[row]] + placeOf[row];
      }
      if (n === 0) continue;
      codes.kernel.scoreRowsI8(codes.dataAt, codes.stride, codes.queriesAt, 1, codes.listAt, n, codes.scoresAt);
      let floor = step > 0 ? heap.floor / step : heap.floor;
      for (let i = 0; i < n; i++) {
        const s = f32[out + i] * scales[i32[slots + i]];
        if (s <= floor) continue;
        heap.push(found[i], s * step);
        floor = step > 0 ? heap.floor / step : heap.floor;
      }
    }
  }

  private file(row: number, list: number, vec: ArrayLike<number>): void {
    if (row >= this.listOf.length) {
      const capacity = Math.max(row + 1, this.listOf.length * 2);
      const listOf = new Int32Array(capacity).fill(-1);
      listOf.set(this.listOf);
      this.listOf = listOf;
      this.placeOf = grown(this.placeOf, capacity);
    }
    const place = this.lengths[list];
    if (place === this.rooms[list]) this.relocate(list, place * 2);
    this.lengths[list]++;
    this.members[list][place] = row;
    this.codes.set(this.starts[list] + place, vec);
    this.listOf[row] = list;
    this.placeOf[row] = place;
  }

  /** Moves a full list to a region of `room` rows at the end (its old region is left unused until retraining). */
  private relocate(list: number, room: number): void {
    const start = this.end;
    this.end += room;
    this.codes.reserve(this.end);
    for (let i = 0; i < this.lengths[list]; i++) this.codes.move(this.starts[list] + i, start + i);
    this.starts[list] = start;
    this.rooms[list] = room;
    this.members[list] = grown(this.members[list], room);
  }
}

/**
 * The centroids, as int8 rows (their own small memory): scores against them are only compared with each other,
 * to pick a row's nearest list or order a query's lists, where int8's error (~0.001) hardly matters.
 */
class Centroids {
  private readonly rows: Int8Rows;

  constructor(
    dim: number,
    readonly count: number,
  ) {
    this.rows = new Int8Rows(dim, count);
  }

  set(centroid: number, vec: ArrayLike<number>): void {
    this.rows.set(centroid, vec);
  }

  /**
   * Each vector's scores against every centroid, into out[v × count + c] — comparable within a vector (each is
   * in its own query's units).
   */
  score(vectors: ArrayLike<number>[], out: Float32Array): void {
    const { rows, count } = this;
    const batch = Math.max(1, Math.min(QUERIES_PER_PASS, Math.floor(SCORES_PER_CALL / count)));
    const scores = rows.scoresAt / 4;
    for (let first = 0; first < vectors.length; first += batch) {
      const part = vectors.slice(first, first + batch);
      const nq = part.length;
      rows.setQueries(part);
      rows.kernel.scoreRangeI8(rows.dataAt, rows.stride, rows.queriesAt, nq, 0, count, rows.scoresAt);
      for (let c = 0; c < count; c++)
        for (let q = 0; q < nq; q++) out[(first + q) * count + c] = rows.f32[scores + c * nq + q] * rows.scales[c];
    }
  }
}

/**
 * Calls `to(row, centroid, vector)` with each row's nearest centroid, scoring a batch of rows per kernel pass
 * (rows without a vector are skipped).
 */
function assign(
  centroids: Centroids,
  rows: number[],
  vectorOf: (row: number) => Float32Array | null,
  to: (row: number, centroid: number, vector: Float32Array) => void,
): void {
  const { count } = centroids;
  const batch = QUERIES_PER_PASS;
  const scores = new Float32Array(batch * count);
  for (let first = 0; first < rows.length; first += batch) {
    const part = rows.slice(first, first + batch).filter((row) => vectorOf(row) !== null);
    const vectors = part.map((row) => vectorOf(row)!);
    centroids.score(vectors, scores);
    part.forEach((row, q) => {
      let best = 0;
      for (let c = 1; c < count; c++) if (scores[q * count + c] > scores[q * count + best]) best = c;
      to(row, best, vectors[q]);
    });
  }
}

/** `count` distinct items, drawn with the given random source (a partial Fisher–Yates shuffle of a copy). */
function pick(items: number[], count: number, random: () => number): number[] {
  const a = items.slice();
  const n = Math.min(count, a.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (a.length - i));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, n);
}
