/**
 * Job filters: the hard constraints a client puts on a list of jobs (workplace, seniority, place,
 * company, dates), compiled once into a predicate over each job's few attributes. The jobs list
 * and matching's scan use the same predicate.
 */
import { DomainError } from '../errors.ts';
import type { NodeRecord } from '../store/types.ts';
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
 * A job filter as one predicate over job attributes (the same one for matching and for the
 * jobs list). A location filter matches the place and everything inside it; with workplace
 * REMOTE also asked for, remote jobs anywhere match too.
 */
export function compileJobFilter(f: JobFilter | null | undefined): ((a: JobAttrs) => boolean) & { filters: number } {
  const checks: Array<(a: JobAttrs) => boolean> = [];
  if (f?.workplace?.length) checks.push((a) => a.workplace !== null && f.workplace!.includes(a.workplace));
  if (f?.seniority?.length) {
    const levels = new Set(f.seniority.map((s) => SENIORITIES.indexOf(s as (typeof SENIORITIES)[number])));
    checks.push((a) => a.seniority !== null && levels.has(a.seniority));
  }
  if (f?.locationId) {
    const loc = f.locationId;
    const remoteAnywhere = f.workplace?.includes('REMOTE') ?? false;
    checks.push((a) => a.location.includes(loc) || (remoteAnywhere && a.workplace === 'REMOTE'));
  }
  if (f?.companyId) checks.push((a) => a.company === f.companyId);
  if (f?.excludeCompanyIds?.length) {
    const ex = new Set(f.excludeCompanyIds);
    checks.push((a) => a.company === null || !ex.has(a.company));
  }
  if (f?.postedAfter) {
    const t = time(f.postedAfter, 'filter.postedAfter');
    checks.push((a) => a.postedAt > t);
  }
  if (f?.activeAt) {
    const t = time(f.activeAt, 'filter.activeAt');
    checks.push((a) => a.expiresAt >= t);
  }
  const keep = (a: JobAttrs) => {
    for (const c of checks) if (!c(a)) return false;
    return true;
  };
  return Object.assign(keep, { filters: checks.length });
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
