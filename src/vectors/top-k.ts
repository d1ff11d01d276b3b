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
