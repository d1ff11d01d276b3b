/**
 * The marketplace half of the graph: members, jobs, interactions and the small nodes they
 * point at (Company, Location, Title). This file holds the input shapes, their validation
 * (one function per record kind, used by GraphQL and the bulk importer alike) and the ids
 * derived from names. Validation never touches the store; a record that fails it names the
 * field to fix and nothing is written.
 */
import crypto from 'node:crypto';
import { DomainError } from '../errors.ts';
import { dateProblem } from '../dates.ts';
import { idProblem } from '../ids.ts';
import { INTERACTION_TYPES } from '../store/types.ts';
import type { InteractionType } from '../store/types.ts';
import { slug } from '../taxonomy/text.ts';
import type { Relation } from '../extraction/extract.ts';

export class MarketplaceError extends DomainError {}

export const WORKPLACES = ['REMOTE', 'HYBRID', 'ONSITE'] as const;
export type Workplace = (typeof WORKPLACES)[number];
/** Seniority levels, lowest first; their position is the level used for distances. */
export const SENIORITIES = ['INTERN', 'JUNIOR', 'MID', 'SENIOR', 'LEAD', 'PRINCIPAL', 'DIRECTOR', 'EXECUTIVE'] as const;
export type Seniority = (typeof SENIORITIES)[number];

export interface LocationInput {
  city?: string;
  region?: string;
  country?: string;
}
export interface ExperienceInput {
  title?: string;
  company?: string;
  description?: string;
  /** ISO dates (YYYY-MM or YYYY-MM-DD); end absent means current. */
  start?: string;
  end?: string;
}
export interface MemberInput {
  id: string;
  headline?: string;
  summary?: string;
  location?: LocationInput;
  experience?: ExperienceInput[];
  desiredTitles?: string[];
  openToRemote?: boolean;
  seniority?: Seniority;
  /** Declared skills: skill ids or labels/aliases. */
  skills?: string[];
}
export interface JobInput {
  id: string;
  title?: string;
  company?: string;
  location?: LocationInput;
  workplace?: Workplace;
  seniority?: Seniority;
  industry?: string;
  description?: string;
  postedAt?: string;
  expiresAt?: string;
  salaryMin?: number;
  salaryMax?: number;
  salaryCurrency?: string;
  /** Skills the posting asks for, by id, label or alias, each with how it asks (REQUIRED by default). */
  skills?: JobSkillInput[];
}
export interface JobSkillInput {
  skill: string;
  relation: Relation;
}
export interface InteractionInput {
  memberId: string;
  jobId: string;
  type: InteractionType;
  at: string;
}

export const LIMITS = {
  shortText: 300,
  longText: 20_000,
  experience: 50,
  list: 100,
};

/** A field-level check failure; `field` is a path such as experience[2].start. */
function bad(field: string, what: string): never {
  throw new MarketplaceError('BAD_USER_INPUT', `${field}: ${what}`);
}

type Raw = Record<string, unknown>;

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The service's one id rule (src/ids.ts): refused, never trimmed, so "  m-1  " cannot overwrite "m-1". */
function id(v: unknown, field: string): string {
  if (v === undefined || v === null) bad(field, 'is required.');
  const problem = idProblem(v);
  if (problem) bad(field, `${problem}.`);
  return v as string;
}

/** Prefixes of the taxonomy's and the derived nodes' ids, which members and jobs may not use (Node ids). */
const RESERVED_ID = /^(skill|occupation|company|location|title):/i;

/** A member's or job's own id: the id rule, and none of the reserved prefixes. */
function ownId(v: unknown, field: string): string {
  const s = id(v, field);
  if (RESERVED_ID.test(s))
    bad(field, 'must not start with skill:, occupation:, company:, location: or title: (those ids are taken).');
  return s;
}

function text(v: unknown, field: string, max: number): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') bad(field, 'must be a string.');
  const s = v.trim();
  if (s.length > max) bad(field, `must be at most ${max} characters (got ${s.length}).`);
  return s === '' ? undefined : s;
}

function strings(v: unknown, field: string): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) bad(field, 'must be a list of strings.');
  if (v.length > LIMITS.list) bad(field, `must have at most ${LIMITS.list} entries.`);
  return v.map((x, i) => text(x, `${field}[${i}]`, LIMITS.shortText)).filter((x): x is string => x !== undefined);
}

function oneOf<T extends string>(v: unknown, field: string, allowed: readonly T[]): T | undefined {
  if (v === undefined || v === null) return undefined;
  const s = typeof v === 'string' ? v.trim().toUpperCase().replace(/[-\s]/g, '') : '';
  const hit = allowed.find((a) => a === s);
  if (!hit) bad(field, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(v)}).`);
  return hit;
}

/**
 * ISO-8601 date or date-time (YYYY, YYYY-MM, YYYY-MM-DD, or a full date-time), returned as given when every
 * part is in range (src/dates.ts).
 */
function date(v: unknown, field: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const problem = dateProblem(v);
  if (problem) bad(field, `${problem}.`);
  return (v as string).trim();
}

/** Salaries and other amounts: non-negative and below a billion (a typo, not a salary). */
const MAX_AMOUNT = 1e9;

function num(v: unknown, field: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v >= MAX_AMOUNT)
    bad(field, `must be a number from 0 to below ${MAX_AMOUNT} (got ${JSON.stringify(v)}).`);
  return v;
}

function location(v: unknown, field: string): LocationInput | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) bad(field, 'must be an object with city, region and/or country.');
  const loc = {
    city: text(v.city, `${field}.city`, LIMITS.shortText),
    region: text(v.region, `${field}.region`, LIMITS.shortText),
    country: text(v.country, `${field}.country`, LIMITS.shortText),
  };
  return loc.city || loc.region || loc.country ? loc : undefined;
}

/** Validates and normalises a member record (unknown fields are ignored). */
export function parseMember(v: unknown): MemberInput {
  if (!isObject(v)) bad('member', 'must be an object.');
  const experience = v.experience ?? undefined;
  if (experience !== undefined && experience !== null && !Array.isArray(experience))
    bad('experience', 'must be a list.');
  if (Array.isArray(experience) && experience.length > LIMITS.experience)
    bad('experience', `must have at most ${LIMITS.experience} entries.`);
  const openToRemote = v.openToRemote;
  if (openToRemote !== undefined && openToRemote !== null && typeof openToRemote !== 'boolean')
    bad('openToRemote', 'must be true or false.');
  return {
    id: ownId(v.id, 'id'),
    headline: text(v.headline, 'headline', LIMITS.shortText),
    summary: text(v.summary, 'summary', LIMITS.longText),
    location: location(v.location, 'location'),
    experience: Array.isArray(experience)
      ? experience.map((e, i) => {
          const f = `experience[${i}]`;
          if (!isObject(e)) bad(f, 'must be an object.');
          const start = date(e.start, `${f}.start`);
          const end = date(e.end, `${f}.end`);
          if (start && end && Date.parse(end) < Date.parse(start)) bad(`${f}.end`, 'is before start.');
          return {
            title: text(e.title, `${f}.title`, LIMITS.shortText),
            company: text(e.company, `${f}.company`, LIMITS.shortText),
            description: text(e.description, `${f}.description`, LIMITS.longText),
            start,
            end,
          };
        })
      : undefined,
    desiredTitles: strings(v.desiredTitles, 'desiredTitles'),
    openToRemote: openToRemote ?? undefined,
    seniority: oneOf(v.seniority, 'seniority', SENIORITIES),
    skills: strings(v.skills, 'skills'),
  };
}

export const RELATIONS = ['REQUIRED', 'CORE', 'MENTIONED'] as const satisfies readonly Relation[];

function jobSkills(v: unknown, field: string): JobSkillInput[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) bad(field, 'must be a list of { skill, relation }.');
  if (v.length > LIMITS.list) bad(field, `must have at most ${LIMITS.list} entries.`);
  return v.flatMap((x, i) => {
    const f = `${field}[${i}]`;
    if (!isObject(x)) bad(f, 'must be an object with skill and relation.');
    const skill = text(x.skill, `${f}.skill`, LIMITS.shortText);
    if (!skill) bad(`${f}.skill`, 'is required.');
    return [{ skill, relation: oneOf(x.relation, `${f}.relation`, RELATIONS) ?? 'REQUIRED' }];
  });
}

/** Validates and normalises a job record (unknown fields are ignored). */
export function parseJob(v: unknown): JobInput {
  if (!isObject(v)) bad('job', 'must be an object.');
  const job: JobInput = {
    id: ownId(v.id, 'id'),
    title: text(v.title, 'title', LIMITS.shortText),
    company: text(v.company, 'company', LIMITS.shortText),
    location: location(v.location, 'location'),
    workplace: oneOf(v.workplace, 'workplace', WORKPLACES),
    seniority: oneOf(v.seniority, 'seniority', SENIORITIES),
    industry: text(v.industry, 'industry', LIMITS.shortText),
    description: text(v.description, 'description', LIMITS.longText),
    postedAt: date(v.postedAt, 'postedAt'),
    expiresAt: date(v.expiresAt, 'expiresAt'),
    salaryMin: num(v.salaryMin, 'salaryMin'),
    salaryMax: num(v.salaryMax, 'salaryMax'),
    salaryCurrency: text(v.salaryCurrency, 'salaryCurrency', 8),
    skills: jobSkills(v.skills, 'skills'),
  };
  if (job.postedAt && job.expiresAt && Date.parse(job.expiresAt) < Date.parse(job.postedAt))
    bad('expiresAt', 'is before postedAt.');
  if (job.salaryMin !== undefined && job.salaryMax !== undefined && job.salaryMax < job.salaryMin)
    bad('salaryMax', 'is below salaryMin.');
  if (!job.title && !job.description && !job.company)
    bad('job', 'needs at least a title, a description or a company; every field is empty.');
  return job;
}

/** Validates an interaction record; `at` defaults to now. */
export function parseInteraction(v: unknown, now = new Date()): InteractionInput {
  if (!isObject(v)) bad('interaction', 'must be an object.');
  const type = oneOf(v.type, 'type', INTERACTION_TYPES);
  if (!type) bad('type', `is required: one of ${INTERACTION_TYPES.join(', ')}.`);
  const at = date(v.at, 'at');
  if (at && Date.parse(at) > now.getTime() + 24 * 3600_000) bad('at', 'is in the future.');
  return {
    memberId: id(v.memberId, 'memberId'),
    jobId: id(v.jobId, 'jobId'),
    type,
    at: new Date(at ? Date.parse(at) : now.getTime()).toISOString(),
  };
}

/** Words in titles that say seniority, not the job; dropped when titles are normalised. */
/** Words that mark a seniority, in titles and in search queries. */
export const SENIORITY_WORDS: Readonly<Record<string, Seniority>> = {
  intern: 'INTERN',
  internship: 'INTERN',
  trainee: 'INTERN',
  apprentice: 'INTERN',
  junior: 'JUNIOR',
  jr: 'JUNIOR',
  graduate: 'JUNIOR',
  entry: 'JUNIOR',
  mid: 'MID',
  intermediate: 'MID',
  senior: 'SENIOR',
  sr: 'SENIOR',
  experienced: 'SENIOR',
  lead: 'LEAD',
  staff: 'LEAD',
  principal: 'PRINCIPAL',
  director: 'DIRECTOR',
  head: 'DIRECTOR',
  chief: 'EXECUTIVE',
  vp: 'EXECUTIVE',
};

/**
 * A title without seniority words, gender tags ("(m/f/d)") and punctuation, lower case:
 * "Senior Data Engineer (m/w/d)" → "data engineer". Empty when nothing is left.
 */
export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .split(' ')
    .filter((w) => w && !(w in SENIORITY_WORDS) && w !== 'of' && w !== 'level' && !/^(i{1,3}|iv|[1-5])$/.test(w))
    .join(' ')
    .trim();
}

/** The seniority a title states, if any ("Sr. Engineer" → SENIOR). */
export function seniorityOfTitle(title: string): Seniority | undefined {
  for (const w of title.toLowerCase().split(/[^a-z]+/)) if (w in SENIORITY_WORDS) return SENIORITY_WORDS[w];
  return undefined;
}

/**
 * The id-safe key of a name: its slug, or — for a name with no ASCII letters or digits (株式会社, "—") — a hash
 * of the name, so two such names never share a node.
 */
export function nameKey(name: string): string {
  return (
    slug(name) ||
    `h-${crypto.createHash('sha256').update(name.normalize('NFKC').toLowerCase()).digest('hex').slice(0, 16)}`
  );
}

export const titleId = (normalized: string) => `title:${nameKey(normalized)}`;
export const companyId = (name: string) => `company:${nameKey(name)}`;

/** Location nodes from the broadest down: country, country/region, country/region/city. */
export function locationChain(
  loc: LocationInput,
): Array<{ id: string; name: string; level: 'country' | 'region' | 'city'; props: Record<string, string> }> {
  const chain: Array<{
    id: string;
    name: string;
    level: 'country' | 'region' | 'city';
    props: Record<string, string>;
  }> = [];
  const parts: string[] = [];
  const levels = [
    ['country', loc.country],
    ['region', loc.region],
    ['city', loc.city],
  ] as const;
  const props: Record<string, string> = {};
  for (const [level, name] of levels) {
    if (!name) continue;
    parts.push(nameKey(name));
    props[level] = name;
    chain.push({ id: `location:${parts.join('/')}`, name, level, props: { ...props } });
  }
  return chain;
}

export function locationName(loc: LocationInput | undefined): string | undefined {
  if (!loc) return undefined;
  return [loc.city, loc.region, loc.country].filter(Boolean).join(', ') || undefined;
}

/** A location id and every place that contains it: location:de/berlin → [location:de, location:de/berlin]. */
export function locationChainOf(locationId: unknown): string[] {
  if (typeof locationId !== 'string' || !locationId.startsWith('location:')) return [];
  const parts = locationId.slice('location:'.length).split('/');
  return parts.map((_, i) => `location:${parts.slice(0, i + 1).join('/')}`);
}

export function seniorityLevel(s: unknown): number | null {
  const i = SENIORITIES.indexOf(s as (typeof SENIORITIES)[number]);
  return i < 0 ? null : i;
}
