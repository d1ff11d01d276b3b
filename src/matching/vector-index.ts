/**
 * Exhaustive top-K over one contiguous Float32Array of unit vectors, with hard filters applied
 * during the scan. No approximate index: the corpus turns over fast and filters must be exact.
 * Rows are reused after removal; upserts and removals apply in place (no rebuild). Several
 * queries share one pass over the rows (each row is read once and scored against all of them).
 */
export interface Hit {
  row: number;
  id: string;
  score: number;
}

export class VectorIndex {
  private data: Float32Array;
  private ids: Array<string | null> = [];
  private readonly rowOf = new Map<string, number>();
  private free: number[] = [];

  constructor(
    readonly dim: number,
    capacity = 1024,
  ) {
    this.data = new Float32Array(capacity * dim);
  }

  get size(): number {
    return this.rowOf.size;
  }

  /** Rows in use or free (the scan's extent). */
  get rows(): number {
    return this.ids.length;
  }

  rowOfId(id: string): number | undefined {
    return this.rowOf.get(id);
  }

  idOf(row: number): string | null {
    return this.ids[row] ?? null;
  }

  vector(id: string): Float32Array | null {
    const row = this.rowOf.get(id);
    return row === undefined ? null : this.data.subarray(row * this.dim, (row + 1) * this.dim);
  }

  /** Inserts or replaces a vector; returns its row (stable until removed). */
  upsert(id: string, vec: ArrayLike<number>): number {
    if (vec.length !== this.dim) throw new Error(`vector of ${vec.length} values for a ${this.dim}-d index`);
    let row = this.rowOf.get(id) ?? this.free.pop();
    if (row === undefined) {
      row = this.ids.length;
      this.ids.push(null);
      if ((row + 1) * this.dim > this.data.length) {
        const grown = new Float32Array(Math.max(this.data.length * 2, (row + 1) * this.dim));
        grown.set(this.data);
        this.data = grown;
      }
    }
    this.data.set(vec, row * this.dim);
    this.ids[row] = id;
    this.rowOf.set(id, row);
    return row;
  }

  remove(id: string): number | undefined {
    const row = this.rowOf.get(id);
    if (row === undefined) return undefined;
    this.rowOf.delete(id);
    this.ids[row] = null;
    this.data.fill(0, row * this.dim, (row + 1) * this.dim);
    this.free.push(row);
    return row;
  }

  /**
   * The k best rows by dot product for each query, among rows `accept` lets through (checked
   * before the dot product, so selective filters make the scan cheaper).
   */
  search(queries: Float32Array[], k: number, accept?: (row: number) => boolean): Hit[][] {
    const dim = this.dim;
    const data = this.data;
    const heaps = queries.map(() => new TopK(k));
    const nq = queries.length;
    const ids = this.ids;
    const rows = ids.length;
    const tail = dim & ~3;
    for (let row = 0; row < rows; row++) {
      if (ids[row] === null) continue;
      if (accept !== undefined && !accept(row)) continue;
      const base = row * dim;
      for (let q = 0; q < nq; q++) {
        const v = queries[q];
        // Four accumulators: independent adds the CPU can overlap.
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let j = 0;
        for (; j < tail; j += 4) {
          s0 += data[base + j] * v[j];
          s1 += data[base + j + 1] * v[j + 1];
          s2 += data[base + j + 2] * v[j + 2];
          s3 += data[base + j + 3] * v[j + 3];
        }
        for (; j < dim; j++) s0 += data[base + j] * v[j];
        const s = s0 + s1 + s2 + s3;
        const heap = heaps[q];
        if (s > heap.floor) heap.push(row, s);
      }
    }
    return heaps.map((h) => h.sorted().map(({ row, score }) => ({ row, score, id: this.ids[row]! })));
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
