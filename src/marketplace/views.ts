/**
 * Typed reads of a stored member or job (as taxonomy's toSkill is for skills): the property bag
 * becomes named fields with their types, and the values derived from them (seniority level,
 * location chain, company id, times) are computed once. Views are memoised per record object, so
 * the API's field resolvers, matching and the jobs list can all ask for them freely.
 */
import type { Relation } from '../extraction/extract.ts';
import type { EdgeRecord, InteractionType, NodeRecord } from '../store/types.ts';
import { RELATIONS, SENIORITIES, WORKPLACES, companyId, locationChainOf, seniorityLevel } from './model.ts';
import type { SkillSource } from './feedback.ts';
import type { ExperienceInput, Seniority, Workplace } from './model.ts';

export interface MemberView {
  id: string;
  headline: string | null;
  summary: string | null;
  seniority: Seniority | null;
  /** Position of seniority in SENIORITIES, null when unknown. */
  seniorityLevel: number | null;
  openToRemote: boolean | null;
  desiredTitles: string[];
  experience: ExperienceInput[];
  locationId: string | null;
  /** The location and every place containing it, country first. */
  locationChain: string[];
  version: number;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface JobView {
  id: string;
  title: string | null;
  companyName: string | null;
  companyId: string | null;
  workplace: Workplace | null;
  seniority: Seniority | null;
  seniorityLevel: number | null;
  industry: string | null;
  description: string | null;
  locationId: string | null;
  locationChain: string[];
  postedAt: string | null;
  expiresAt: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  version: number;
  createdAt: string | null;
  updatedAt: string | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : null);
const oneOf = <T extends string>(values: readonly T[], v: unknown): T | null =>
  values.includes(v as T) ? (v as T) : null;

function json<T>(v: unknown, fallback: T): T {
  if (typeof v !== 'string') return fallback;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
}

const members = new WeakMap<NodeRecord, MemberView>();
const jobs = new WeakMap<NodeRecord, JobView>();

export function toMember(n: NodeRecord): MemberView {
  let v = members.get(n);
  if (v) return v;
  const p = n.props;
  v = {
    id: n.id,
    headline: str(p.headline),
    summary: str(p.summary),
    seniority: oneOf(SENIORITIES, p.seniority),
    seniorityLevel: seniorityLevel(p.seniority),
    openToRemote: typeof p.openToRemote === 'boolean' ? p.openToRemote : null,
    desiredTitles: Array.isArray(p.desiredTitles) ? p.desiredTitles.map(String) : [],
    experience: json<ExperienceInput[]>(p.experience, []),
    locationId: str(p.locationId),
    locationChain: locationChainOf(p.locationId),
    version: Number(p.version ?? 1),
    createdAt: str(p.createdAt),
    updatedAt: str(p.updatedAt),
  };
  members.set(n, v);
  return v;
}

export function toJob(n: NodeRecord): JobView {
  let v = jobs.get(n);
  if (v) return v;
  const p = n.props;
  const company = str(p.company);
  v = {
    id: n.id,
    title: str(p.title),
    companyName: company,
    companyId: company === null ? null : companyId(company),
    workplace: oneOf(WORKPLACES, p.workplace),
    seniority: oneOf(SENIORITIES, p.seniority),
    seniorityLevel: seniorityLevel(p.seniority),
    industry: str(p.industry),
    description: str(p.description),
    locationId: str(p.locationId),
    locationChain: locationChainOf(p.locationId),
    postedAt: str(p.postedAt),
    expiresAt: str(p.expiresAt),
    salaryMin: num(p.salaryMin),
    salaryMax: num(p.salaryMax),
    salaryCurrency: str(p.salaryCurrency),
    version: Number(p.version ?? 1),
    createdAt: str(p.createdAt),
    updatedAt: str(p.updatedAt),
  };
  jobs.set(n, v);
  return v;
}

/** A member→job interaction edge: its type, latest and first time, and how often it happened. */
export interface InteractionView {
  type: InteractionType;
  at: string;
  first: string;
  count: number;
}

export function toInteraction(e: EdgeRecord & { type: InteractionType }): InteractionView {
  const at = String(e.props.at ?? '');
  return { type: e.type, at, first: str(e.props.first) ?? at, count: num(e.props.count) ?? 1 };
}

/** How a member holds a skill (HAS_SKILL) or a job asks for one (REQUIRES). */
export interface SkillEdgeView {
  source: SkillSource;
  relation: Relation;
  confidence: number;
}

const SOURCES: readonly SkillSource[] = ['EXTRACTED', 'DECLARED', 'CONFIRMED', 'ADDED'];

/** fallback: the relation an edge without one is read as (CORE for members, MENTIONED for jobs). */
export function toSkillEdge(e: EdgeRecord, fallback: Relation): SkillEdgeView {
  const r = e.props.relation;
  return {
    source: SOURCES.includes(e.props.source as SkillSource) ? (e.props.source as SkillSource) : 'EXTRACTED',
    relation: (RELATIONS as readonly string[]).includes(r as string) ? (r as Relation) : fallback,
    confidence: num(e.props.confidence) ?? 1,
  };
}
