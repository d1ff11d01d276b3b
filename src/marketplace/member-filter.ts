/**
 * Member filters (matchMembers: place, seniority, openness to remote work), compiled once into a predicate over
 * rows of MemberColumns — each member's few attributes in typed arrays, as JobColumns keeps jobs'.
 */
import type { NodeRecord } from '../store/types.ts';
import type { RowFilter } from '../vectors/vector-index.ts';
import { Names, PlaceColumn, allOf } from './columns.ts';
import { grown } from '../vectors/grown.ts';
import { SENIORITIES } from './model.ts';
import { toMember } from './views.ts';

export interface MemberFilter {
  locationId?: string | null;
  seniority?: string[] | null;
  openToRemote?: boolean | null;
}

export interface MemberAttrs {
  seniority: number | null;
  location: string[];
  openToRemote: boolean;
}

/** Members' filter attributes by row; each place's rows listed (a filter on a rare place reads only those). */
export class MemberColumns {
  readonly names = new Names();
  present = new Uint8Array(0);
  seniority = new Int8Array(0);
  openToRemote = new Uint8Array(0);
  readonly location = new PlaceColumn(this.names);

  set(row: number, a: MemberAttrs): void {
    this.clear(row);
    if (row >= this.present.length) {
      this.present = grown(this.present, row + 1, 1024);
      this.seniority = grown(this.seniority, this.present.length);
      this.openToRemote = grown(this.openToRemote, this.present.length);
    }
    this.present[row] = 1;
    this.seniority[row] = a.seniority ?? -1;
    this.openToRemote[row] = a.openToRemote ? 1 : 0;
    this.location.set(row, a.location);
  }

  clear(row: number): void {
    if (row >= this.present.length || this.present[row] !== 1) return;
    this.present[row] = 0;
    this.location.clear(row);
  }
}

/** A member filter as one predicate over the rows of `columns` (false for a row without attributes). */
export function compileMemberFilter(
  f: MemberFilter | null | undefined,
  columns: MemberColumns,
): RowFilter & { filters: number } {
  const c = columns;
  const checks: Array<(row: number) => boolean> = [];
  const lists: Array<() => Int32Array> = [];
  if (f?.locationId) {
    const place = c.names.lookup(f.locationId);
    checks.push((row) => c.location.has(row, place));
    lists.push(() => c.location.rowsIn(place));
  }
  if (f?.seniority?.length) {
    const levels = new Set(
      f.seniority.map((s) => SENIORITIES.indexOf(s as (typeof SENIORITIES)[number])).filter((n) => n >= 0),
    );
    checks.push((row) => levels.has(c.seniority[row]));
  }
  if (f?.openToRemote !== null && f?.openToRemote !== undefined) {
    const want = f.openToRemote ? 1 : 0;
    checks.push((row) => c.openToRemote[row] === want);
  }
  return allOf(c, checks, lists);
}

export function memberAttrsOf(n: NodeRecord): MemberAttrs {
  const m = toMember(n);
  return { seniority: m.seniorityLevel, location: m.locationChain, openToRemote: m.openToRemote === true };
}
