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

  /**
   * The rows held, best first (ties: the lower row first), each as `make` builds it (a hit with its id, say: one
   * object per row). A heapsort of copies of the heap's arrays, no comparator calls (a search's top hundred,
   * every request).
   */
  sorted(): Array<{ row: number; score: number }>;
  sorted<T>(make: (row: number, score: number) => T): T[];
  sorted<T>(make?: (row: number, score: number) => T): Array<T | { row: number; score: number }> {
    const n = this.n;
    const scores = this.scores.slice(0, n);
    const rows = this.rows.slice(0, n);
    // a before b when a's score is lower, or equal and a's row higher: the order of a min-heap whose pops fill the
    // output from its end
    const before = (a: number, b: number) => scores[a] < scores[b] || (scores[a] === scores[b] && rows[a] > rows[b]);
    const down = (i: number, size: number) => {
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) return;
        const c = l + 1 < size && before(l + 1, l) ? l + 1 : l;
        if (!before(c, i)) return;
        const s = scores[i];
        scores[i] = scores[c];
        scores[c] = s;
        const r = rows[i];
        rows[i] = rows[c];
        rows[c] = r;
        i = c;
      }
    };
    for (let i = (n >> 1) - 1; i >= 0; i--) down(i, n);
    const out = new Array<T | { row: number; score: number }>(n);
    for (let size = n; size > 0; size--) {
      out[size - 1] = make ? make(rows[0], scores[0]) : { row: rows[0], score: scores[0] };
      scores[0] = scores[size - 1];
      rows[0] = rows[size - 1];
      down(0, size - 1);
    }
    return out;
  }
}
