/** Job filters over JobColumns against the filter's meaning written out plainly over each job's attributes. */
import { describe, expect, it } from 'vitest';
import { JobColumns, compileJobFilter } from '../src/marketplace/job-filter.ts';
import type { JobAttrs, JobFilter } from '../src/marketplace/job-filter.ts';
import { SENIORITIES } from '../src/marketplace/model.ts';
import { seededRandom } from '../src/random.ts';

const PLACES = [
  ['location:de', 'location:de/berlin', 'location:de/berlin/berlin'],
  ['location:de', 'location:de/bavaria', 'location:de/bavaria/munich'],
  ['location:fr', 'location:fr/idf', 'location:fr/idf/paris'],
  ['location:fr'],
  [],
];
const WORKPLACES = ['ONSITE', 'HYBRID', 'REMOTE'];
const COMPANIES = ['company:a', 'company:b', 'company:c'];
const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');

/** What each filter means (the jobs list's and matching's contract), one job at a time. */
function means(f: JobFilter, a: JobAttrs): boolean {
  if (f.workplace?.length && (a.workplace === null || !f.workplace.includes(a.workplace))) return false;
  if (
    f.seniority?.length &&
    (a.seniority === null || !f.seniority.map((s) => SENIORITIES.indexOf(s as never)).includes(a.seniority))
  )
    return false;
  if (
    f.locationId &&
    !a.location.includes(f.locationId) &&
    !(f.workplace?.includes('REMOTE') && a.workplace === 'REMOTE')
  )
    return false;
  if (f.companyId && a.company !== f.companyId) return false;
  if (f.excludeCompanyIds?.length && a.company !== null && f.excludeCompanyIds.includes(a.company)) return false;
  if (f.postedAfter && !(a.postedAt > Date.parse(f.postedAfter))) return false;
  if (f.activeAt && !(a.expiresAt >= Date.parse(f.activeAt))) return false;
  return true;
}

describe('compileJobFilter over JobColumns', () => {
  const rand = seededRandom(17);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const maybe = <T>(x: T): T | null => (rand() < 0.2 ? null : x);
  const jobs: JobAttrs[] = Array.from({ length: 3000 }, () => ({
    workplace: maybe(pick(WORKPLACES)),
    seniority: maybe(Math.floor(rand() * SENIORITIES.length)),
    location: pick(PLACES),
    company: maybe(pick(COMPANIES)),
    postedAt: T0 + Math.floor(rand() * 100) * DAY,
    expiresAt: rand() < 0.2 ? Infinity : T0 + Math.floor(rand() * 200) * DAY,
  }));
  const columns = new JobColumns();
  jobs.forEach((a, row) => columns.set(row, a));
  const filters: JobFilter[] = [
    { workplace: ['REMOTE'] },
    { workplace: ['ONSITE', 'HYBRID'], seniority: ['SENIOR', 'LEAD'] },
    { locationId: 'location:de' },
    { locationId: 'location:de/bavaria' },
    { locationId: 'location:fr/idf/paris' },
    { locationId: 'location:fr/idf/paris', workplace: ['ONSITE', 'REMOTE'] },
    { locationId: 'location:nowhere' },
    { companyId: 'company:b' },
    { companyId: 'company:unknown' },
    { excludeCompanyIds: ['company:a', 'company:unknown'] },
    { postedAfter: new Date(T0 + 50 * DAY).toISOString(), activeAt: new Date(T0 + 120 * DAY).toISOString() },
    { workplace: ['SPACE'] },
  ];

  it('keeps exactly the jobs each filter means, in shared columns and one job at a time', () => {
    for (const f of filters) {
      const keep = compileJobFilter(f, columns);
      const want = jobs.map((a) => means(f, a));
      expect(jobs.map((_, row) => keep(row))).toEqual(want);
      expect(
        want.some(Boolean) ||
          f.locationId === 'location:nowhere' ||
          f.companyId === 'company:unknown' ||
          f.workplace?.[0] === 'SPACE',
      ).toBe(true);
      // The jobs list: scratch columns, row 0 rewritten for each job, keeping no lists of rows.
      const scratch = JobColumns.scratch(f);
      const one = compileJobFilter(f, scratch);
      expect(one.rows).toBeUndefined();
      expect(
        jobs.map((a) => {
          scratch.set(0, a);
          return one(0);
        }),
      ).toEqual(want);
    }
  });

  it("lists a place's or company's rows for a search to read, kept current as jobs change and go", () => {
    const own = new JobColumns();
    const now = jobs.map((a) => ({ ...a }));
    now.forEach((a, row) => own.set(row, a));
    const gone = new Set<number>();
    // Change a third of the jobs (place, company or both), clear a tenth, bring some cleared ones back.
    for (let t = 0; t < 1500; t++) {
      const row = Math.floor(rand() * now.length);
      if (rand() < 0.2) {
        own.clear(row);
        gone.add(row);
        continue;
      }
      const a = { ...now[row], location: pick(PLACES), company: maybe(pick(COMPANIES)) };
      now[row] = a;
      own.set(row, a);
      gone.delete(row);
    }
    for (const f of filters) {
      const keep = compileJobFilter(f, own);
      const listed = keep.rows?.();
      if (f.locationId && !f.workplace?.includes('REMOTE')) expect(listed).toBeDefined();
      if (f.companyId) expect(listed).toBeDefined();
      if (!listed) continue;
      expect(keep.rowsOnly).toBe(Object.keys(f).length === 1);
      const rows = Array.from(listed).sort((a, b) => a - b);
      expect(new Set(rows).size).toBe(rows.length);
      // Exactly the live rows at that place (at any level of its chain) or at that company.
      const holds = (a: JobAttrs) => (f.locationId ? a.location.includes(f.locationId) : a.company === f.companyId);
      const want = now.map((a, row) => (!gone.has(row) && holds(a) ? row : -1)).filter((row) => row >= 0);
      expect(rows).toEqual(want);
      expect(now.every((a, row) => gone.has(row) || !means(f, a) || rows.includes(row))).toBe(true);
    }
  });

  it('keeps no row without attributes (never set, or cleared)', () => {
    const keep = compileJobFilter({ excludeCompanyIds: ['company:zzz'] }, columns);
    expect(keep(jobs.length + 5)).toBe(false);
    expect(keep(0)).toBe(true);
    const copy = new JobColumns();
    copy.set(0, jobs[0]);
    copy.clear(0);
    expect(compileJobFilter({ excludeCompanyIds: ['company:zzz'] }, copy)(0)).toBe(false);
  });
});
