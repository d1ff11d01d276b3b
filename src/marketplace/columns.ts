/**
 * The pieces job and member filter columns share: names numbered by one dictionary, and a row's location chain
 * (country, region, city) as numbers with the rows of each place listed (Postings), so a filter on a rare place
 * reads that place's rows only.
 */
import { grown } from '../vectors/grown.ts';
import { Postings } from '../vectors/postings.ts';
import type { RowFilter } from '../vectors/vector-index.ts';

/** Places kept from a location chain (country, region, city: the API makes at most 3). */
export const LOCATION_DEPTH = 4;

/** Names as small numbers, in the order first seen. */
export class Names {
  private readonly numbers = new Map<string, number>();

  numberOf(name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) this.numbers.set(name, (n = this.numbers.size));
    return n;
  }

  /** A name's number; -2 (matching nothing, not even a missing value's -1) for a name never numbered. */
  lookup(name: string): number {
    return this.numbers.get(name) ?? -2;
  }
}

/** Each row's location chain (LOCATION_DEPTH numbers, -1 where shorter) and each place's rows. */
export class PlaceColumn {
  places = new Int32Array(0);
  /** The rows in each place, at any level of their chain (each once); none when not `listed`. */
  private readonly postings: Postings | null;

  constructor(
    private readonly names: Names,
    listed = true,
  ) {
    this.postings = listed ? new Postings(LOCATION_DEPTH) : null;
  }

  /** Sets a row's chain (a row must be cleared before it is set again). */
  set(row: number, chain: readonly string[]): void {
    if ((row + 1) * LOCATION_DEPTH > this.places.length) {
      const old = this.places.length;
      this.places = grown(this.places, (row + 1) * LOCATION_DEPTH, 1024 * LOCATION_DEPTH);
      this.places.fill(-1, old);
    }
    const at = row * LOCATION_DEPTH;
    for (let i = 0; i < LOCATION_DEPTH; i++) {
      // A place repeated in a chain keeps its first level only.
      const place = i < chain.length ? this.names.numberOf(chain[i]) : -1;
      const repeated = place >= 0 && this.places.subarray(at, at + i).includes(place);
      this.places[at + i] = repeated ? -1 : place;
      if (place >= 0 && !repeated) this.postings?.add(place, row, i);
    }
  }

  clear(row: number): void {
    const at = row * LOCATION_DEPTH;
    for (let i = 0; i < LOCATION_DEPTH; i++) {
      if (this.places[at + i] >= 0) this.postings?.remove(this.places[at + i], row, i);
      this.places[at + i] = -1;
    }
  }

  /** The rows whose chain holds the place numbered `place` (a view, valid until the next change). */
  rowsIn(place: number): Int32Array {
    if (!this.postings) throw new Error('rowsIn: this place column keeps no lists of rows');
    return this.postings.rows(place);
  }

  /** Whether a row's chain holds the place numbered `place`. */
  has(row: number, place: number): boolean {
    const at = row * LOCATION_DEPTH;
    const p = this.places;
    return p[at] === place || p[at + 1] === place || p[at + 2] === place || p[at + 3] === place;
  }
}

/**
 * A filter from its checks: a row passes when it has attributes (`present`, read at call time: the columns
 * grow) and every check passes. `lists`: row lists each holding every row the filter can let through (the
 * shortest is handed to a search); `rowsOnly` when one list is the whole filter.
 */
export function allOf(
  columns: { present: Uint8Array },
  checks: Array<(row: number) => boolean>,
  lists: Array<() => Int32Array> = [],
): RowFilter & { filters: number } {
  const keep = (row: number) => {
    if (columns.present[row] !== 1) return false;
    for (const check of checks) if (!check(row)) return false;
    return true;
  };
  const rows =
    lists.length === 0 ? undefined : () => lists.map((list) => list()).reduce((a, b) => (b.length < a.length ? b : a));
  return Object.assign(keep, { filters: checks.length, rows, rowsOnly: checks.length === 1 && lists.length === 1 });
}
