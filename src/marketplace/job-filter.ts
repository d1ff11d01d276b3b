/**
 * Job filters: the hard constraints a client puts on a list of jobs (workplace, seniority, place,
 * company, dates), compiled once into a predicate over rows of JobColumns — each job's few attributes in
 * typed arrays. The jobs list and matching's scan use the same predicate.
 */
import { DomainError } from '../errors.ts';
import type { NodeRecord } from '../store/types.ts';
import { Postings } from '../vectors/postings.ts';
import { Names, PlaceColumn, allOf } from './columns.ts';
import { grown } from '../vectors/grown.ts';
import type { RowFilter } from '../vectors/vector-index.ts';
import { SENIORITIES } from './model.ts';
import { toJob } from './views.ts';

export interface JobFilter {
  workplace?: string[] | null;
  seniority?: string[] | null;
  locationId?: string | null;
  companyId?: string | null;
  excludeCompanyIds?: string[] | null;
  postedAfter?: string | null;
  activeAt?: string | null;
}
export interface JobAttrs {
  workplace: string | null;
  seniority: number | null;
  location: string[];
  company: string | null;
  postedAt: number;
  expiresAt: number;
}
/**
 * Jobs' filter attributes by row, in typed arrays (strings as numbers from one dictionary): a filter reads a
 * few numbers per row and touches no object. Over a million jobs, visited in an index's list order, one object
 * per job cost ~0.3–1 µs a row (cache misses on the object, its location array and their strings): a filtered
 * `matchJobs` 24–94 ms of CPU, a count of every row that passes ~330 ms. Each place's and company's rows are
 * listed too: a filter on one hands them to a search, which reads only those when they are few.
 */
export class JobColumns {
  readonly names = new Names();
  present = new Uint8Array(0);
  workplace = new Int32Array(0);
  seniority = new Int8Array(0);
  readonly location: PlaceColumn;
  company = new Int32Array(0);
  postedAt = new Float64Array(0);
  expiresAt = new Float64Array(0);
  /** The rows of each company (none when not `listed`). */
  readonly atCompany: Postings | null;

  /** `listed`: keep each place's and company's rows (what a search reads); columns checked row by row need not. */
  constructor(readonly listed = true) {
    this.location = new PlaceColumn(this.names, listed);
    this.atCompany = listed ? new Postings() : null;
  }

  /**
   * Columns for checking jobs one at a time in row 0 (the jobs list): the filter's names are numbered first,
   * so that the jobs set afterwards compare equal to them; no lists of rows (nothing searches them).
   */
  static scratch(f: JobFilter | null | undefined): JobColumns {
    const c = new JobColumns(false);
    for (const s of [...(f?.workplace ?? []), f?.locationId, f?.companyId, ...(f?.excludeCompanyIds ?? [])])
      if (s) c.names.numberOf(s);
    return c;
  }

  set(row: number, a: JobAttrs): void {
    this.clear(row);
    if (row >= this.present.length) {
      this.present = grown(this.present, row + 1, 1024);
      this.workplace = grown(this.workplace, this.present.length);
      this.seniority = grown(this.seniority, this.present.length);
      this.company = grown(this.company, this.present.length);
      this.postedAt = grown(this.postedAt, this.present.length);
      this.expiresAt = grown(this.expiresAt, this.present.length);
    }
    this.present[row] = 1;
    this.workplace[row] = a.workplace === null ? -1 : this.names.numberOf(a.workplace);
    this.seniority[row] = a.seniority ?? -1;
    this.location.set(row, a.location);
    this.company[row] = a.company === null ? -1 : this.names.numberOf(a.company);
    if (this.company[row] >= 0) this.atCompany?.add(this.company[row], row);
    this.postedAt[row] = a.postedAt;
    this.expiresAt[row] = a.expiresAt;
  }

  clear(row: number): void {
    if (row >= this.present.length || this.present[row] !== 1) return;
    this.present[row] = 0;
    this.location.clear(row);
    if (this.company[row] >= 0) this.atCompany?.remove(this.company[row], row);
  }
}

/**
 * A job filter as one predicate over the rows of `columns` (the same one for matching and for the jobs list):
 * false for a row without attributes. A location filter matches the place and everything inside it; with
 * workplace REMOTE also asked for, remote jobs anywhere match too. Names are looked up once, here.
 */
export function compileJobFilter(
  f: JobFilter | null | undefined,
  columns: JobColumns,
): RowFilter & { filters: number } {
  const c = columns;
  const checks: Array<(row: number) => boolean> = [];
  /** Row lists that hold every row the filter can let through (its place's, its company's). */
  const within: Array<() => Int32Array> = [];
  if (f?.workplace?.length) {
    const places = new Set(f.workplace.map((w) => c.names.lookup(w)));
    checks.push((row) => places.has(c.workplace[row]));
  }
  if (f?.seniority?.length) {
    const levels = new Set(
      f.seniority.map((s) => SENIORITIES.indexOf(s as (typeof SENIORITIES)[number])).filter((n) => n >= 0),
    );
    checks.push((row) => levels.has(c.seniority[row]));
  }
  if (f?.locationId) {
    const loc = c.names.lookup(f.locationId);
    const remote = f.workplace?.includes('REMOTE') ? c.names.lookup('REMOTE') : -2;
    // Remote jobs elsewhere pass too when REMOTE is asked for and any job is remote: no single list holds them.
    if (remote === -2 && c.listed) within.push(() => c.location.rowsIn(loc));
    checks.push((row) => c.location.has(row, loc) || c.workplace[row] === remote);
  }
  if (f?.companyId) {
    const company = c.names.lookup(f.companyId);
    checks.push((row) => c.company[row] === company);
    if (c.listed) within.push(() => c.atCompany!.rows(company));
  }
  if (f?.excludeCompanyIds?.length) {
    const ex = new Set(f.excludeCompanyIds.map((id) => c.names.lookup(id)));
    checks.push((row) => !ex.has(c.company[row]));
  }
  if (f?.postedAfter) {
    const t = time(f.postedAfter, 'filter.postedAfter');
    checks.push((row) => c.postedAt[row] > t);
  }
  if (f?.activeAt) {
    const t = time(f.activeAt, 'filter.activeAt');
    checks.push((row) => c.expiresAt[row] >= t);
  }
  return allOf(c, checks, within);
}

export function jobAttrsOf(n: NodeRecord): JobAttrs {
  const j = toJob(n);
  return {
    workplace: j.workplace,
    seniority: j.seniorityLevel,
    location: j.locationChain,
    company: j.companyId,
    postedAt: j.postedAt !== null ? Date.parse(j.postedAt) : 0,
    expiresAt: j.expiresAt !== null ? Date.parse(j.expiresAt) : Infinity,
  };
}

function time(v: string, field: string): number {
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new DomainError('BAD_USER_INPUT', `${field} must be an ISO-8601 date-time.`);
  return t;
}
