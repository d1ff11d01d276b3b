/**
 * Rows by attribute value: for each key (a place's or a company's number), the rows that hold it, kept current
 * in O(1) per change. A filter on a rare value hands its key's rows to a search or a count, which then reads
 * those rows instead of checking every row of the index (see RowFilter in vector-index.ts).
 *
 * A row may hold up to `fields` values of one kind (a job's location chain: country, region, city); each
 * (row, field) pair is one entry, so removing or changing one value is a swap with its list's last entry.
 */
import { grown } from './grown.ts';

export class Postings {
  private readonly rowsOf: Int32Array[] = [];
  /** Per list entry, which of its row's fields it is (to find the moved entry's slot on a swap). */
  private readonly fieldsOf: Uint8Array[] = [];
  private readonly lengths: number[] = [];
  /** Per (row, field): the entry's position in its key's list. */
  private slots = new Int32Array(0);

  constructor(private readonly fields = 1) {}

  /** Files `row`'s value number `field` under `key`. */
  add(key: number, row: number, field = 0): void {
    while (this.rowsOf.length <= key) {
      this.rowsOf.push(new Int32Array(4));
      this.fieldsOf.push(new Uint8Array(4));
      this.lengths.push(0);
    }
    const n = this.lengths[key];
    this.rowsOf[key] = grown(this.rowsOf[key], n + 1);
    this.fieldsOf[key] = grown(this.fieldsOf[key], n + 1);
    this.rowsOf[key][n] = row;
    this.fieldsOf[key][n] = field;
    this.lengths[key] = n + 1;
    const slot = row * this.fields + field;
    this.slots = grown(this.slots, slot + 1, 1024);
    this.slots[slot] = n;
  }

  /** Takes `row`'s value number `field` out of `key`'s list (it must have been added under that key). */
  remove(key: number, row: number, field = 0): void {
    const at = this.slots[row * this.fields + field];
    const rows = this.rowsOf[key];
    const fields = this.fieldsOf[key];
    const last = --this.lengths[key];
    if (rows[at] !== row || fields[at] !== field) throw new Error(`row ${row} is not filed under key ${key}`);
    if (at !== last) {
      rows[at] = rows[last];
      fields[at] = fields[last];
      this.slots[rows[at] * this.fields + fields[at]] = at;
    }
  }

  /** The rows filed under `key` (a view, valid until the next change; a row once per field holding the key). */
  rows(key: number): Int32Array {
    if (key < 0 || key >= this.rowsOf.length) return new Int32Array(0);
    return this.rowsOf[key].subarray(0, this.lengths[key]);
  }

  /** How many entries `key` has. */
  count(key: number): number {
    return key < 0 || key >= this.lengths.length ? 0 : this.lengths[key];
  }
}
