/**
 * Re-ranking and explanation of one (member, job) pair from explainable signals:
 *
 *   semantic   the fused embedding similarity (cosine, mapped from [-1, 1] to [0, 1])
 *   skills     required-skill coverage: Σ weight × credit / Σ weight over the job's skills
 *              (weight REQUIRED 1, CORE 0.7, MENTIONED 0.3; credit 1 for the skill itself,
 *              0.7 for a narrower skill the member has, 0.5 for a broader one, 0.4 for a sibling)
 *   title      1 when a member title equals the job's title, 0.8 when they name the same
 *              occupation, else 0
 *   location   1 for a remote job and a member open to remote, or the same city; 0.7 the same
 *              region; 0.4 the same country; else 0
 *   seniority  1 − |level gap| / 3, at least 0 (0.5 when either is unknown)
 *   popularity how many members interacted with the job, log-scaled to [0, 1] against the most
 *              popular job (JobProfile.popularity, from the serving model's graph)
 *   freshness  2^(−days since posted / 30) (0.5 when the posting date is unknown)
 *
 * A Ranker turns the values into a score: the hand weights (score = Σ weight × signal; weights
 * sum to 1 by default, DEFAULT_WEIGHTS, configurable) or a learned model (ranker.ts). Either
 * explains itself signal by signal.
 */
import type { Relation } from '../extraction/extract.ts';
import type { JobProfile, MemberProfile, SkillHierarchy } from './profile.ts';

export const SIGNALS = ['semantic', 'skills', 'title', 'location', 'seniority', 'popularity', 'freshness'] as const;
export type Signal = (typeof SIGNALS)[number];
export type Weights = Record<Signal, number>;
export const DEFAULT_WEIGHTS: Weights = {
  semantic: 0.4,
  skills: 0.3,
  title: 0.15,
  location: 0.1,
  seniority: 0.05,
  popularity: 0,
  freshness: 0,
};

/** Days for a posting's freshness to halve. */
const FRESHNESS_HALF_LIFE_DAYS = 30;

/** Turns a pair's signal values (SIGNALS order) into a score, and explains it. */
export interface Ranker {
  /** "weights", or "learned:<id>". */
  readonly id: string;
  score(values: ArrayLike<number>): number;
  /** Per signal its weight and contribution, the intercept, and the score they make. */
  explain(values: ArrayLike<number>): Pick<Explanation, 'score' | 'intercept' | 'signals'>;
}

/**
 * One signal's part in a pair's score. Made by a constructor, not an object literal: once the embedded store
 * has loaded a graph, V8 makes four-field object literals first created after that as dictionary objects
 * (graphology's adjacency objects — `{}` with node keys — use up the shape transitions those literals share;
 * measured: a learned ranker's explain took 3–8 µs instead of 0.2). A class has its own shapes.
 */
export class SignalContribution<S extends string = Signal> {
  constructor(
    readonly signal: S,
    readonly value: number,
    readonly weight: number,
    readonly contribution: number,
  ) {}
}

/** The hand-weighted ranker: score = Σ weight × value, each contribution rounded as shown. */
export function weightedRanker(weights: Weights = DEFAULT_WEIGHTS): Ranker {
  const w = SIGNALS.map((s) => weights[s]);
  return {
    id: 'weights',
    score(values) {
      let sum = 0;
      for (let i = 0; i < w.length; i++) sum += round(values[i] * w[i]);
      return round(sum);
    },
    explain(values) {
      const signals = SIGNALS.map(
        (signal, i) => new SignalContribution(signal, round(values[i]), w[i], round(values[i] * w[i])),
      );
      return { score: this.score(values), intercept: 0, signals };
    },
  };
}

const CREDIT = { EXACT: 1, CHILD: 0.7, PARENT: 0.5, SIBLING: 0.4 } as const;
export type SkillVia = keyof typeof CREDIT;

export interface MatchedSkill {
  skillId: string;
  relation: Relation;
  via: SkillVia;
  /** The member's skill that earned the credit (the job skill itself for EXACT). */
  memberSkillId: string;
  /** Skill ids from the member's skill to the job's over BROADER (the shared parent between siblings). */
  path: string[];
  credit: number;
}

type Credit = Pick<MatchedSkill, 'via' | 'memberSkillId' | 'path'>;

export interface Explanation {
  score: number;
  /** Which ranker scored it: "weights" or "learned:<id>". */
  ranker: string;
  /** The learned ranker's intercept (log-odds); 0 for the weights. */
  intercept: number;
  signals: SignalContribution[];
  matchedSkills: MatchedSkill[];
  /** The job's REQUIRED skills the member has no credit for. */
  missingSkills: string[];
}

/**
 * What a member has for a job's skills: the best credit per skill — EXACT; CHILD when the member
 * has a narrower skill; PARENT when a broader one; SIBLING when one under the same parent.
 * Worked from the member's side (their skills' parents, a few dozen), so a job skill costs a
 * lookup per parent however large its groups are; answers are remembered per skill, as the
 * candidates of one request share many skills. Scoring asks only how (`value`, no objects made);
 * explaining asks which skill and path too (`of`).
 */
export class SkillCredit {
  private readonly memo = new Map<string, Credit | null>();
  /** parent skill → the first of the member's skills under it. */
  private readonly under = new Map<string, string>();

  constructor(
    private readonly have: Set<string>,
    private readonly hierarchy: SkillHierarchy,
  ) {
    for (const m of have) for (const p of hierarchy.parents.get(m) ?? []) if (!this.under.has(p)) this.under.set(p, m);
  }

  /** The best credit for a job skill, with the member skill that earned it and the path. */
  of(skillId: string): Credit | null {
    let m = this.memo.get(skillId);
    if (m === undefined) this.memo.set(skillId, (m = this.find(skillId)));
    return m;
  }

  /**
   * CREDIT of of(skillId)'s via, or 0: what scoring asks. Not memoised: a request's candidates name a few hundred
   * distinct skills, about half of them once, and a memo grew a Map per request for a lookup no cheaper than via's.
   */
  value(skillId: string): number {
    const via = this.via(skillId);
    return via === null ? 0 : CREDIT[via];
  }

  /** How the member earns a job skill, best first; `parent` (if given) hears the parent a PARENT or SIBLING used. */
  private via(skillId: string, parent?: { id: string }): SkillVia | null {
    if (this.have.has(skillId)) return 'EXACT';
    if (this.under.has(skillId)) return 'CHILD';
    const parents = this.hierarchy.parents.get(skillId);
    if (!parents) return null;
    for (const p of parents)
      if (this.have.has(p)) {
        if (parent) parent.id = p;
        return 'PARENT';
      }
    for (const p of parents)
      if (this.under.has(p)) {
        if (parent) parent.id = p;
        return 'SIBLING';
      }
    return null;
  }

  private find(skillId: string): Credit | null {
    const parent = { id: '' };
    const via = this.via(skillId, parent);
    switch (via) {
      case null:
        return null;
      case 'EXACT':
        return { via, memberSkillId: skillId, path: [skillId] };
      case 'CHILD': {
        const narrower = this.under.get(skillId)!;
        return { via, memberSkillId: narrower, path: [narrower, skillId] };
      }
      case 'PARENT':
        return { via, memberSkillId: parent.id, path: [parent.id, skillId] };
      case 'SIBLING': {
        const sibling = this.under.get(parent.id)!;
        return { via, memberSkillId: sibling, path: [sibling, parent.id, skillId] };
      }
    }
  }
}

/** Every signal's value for a pair, in SIGNALS order, written to out. `now`: epoch ms (freshness). */
export function signalValues(
  member: MemberProfile,
  job: JobProfile,
  cosine: number,
  credit: SkillCredit,
  now: number,
  out: Float64Array = new Float64Array(SIGNALS.length),
): Float64Array {
  let covered = 0;
  for (const s of job.skills) covered += s.weight * credit.value(s.id);
  out[0] = (cosine + 1) / 2;
  out[1] = job.skillWeight > 0 ? covered / job.skillWeight : 0;
  out[2] = titleSignal(member, job);
  out[3] = locationSignal(member, job);
  out[4] = senioritySignal(member, job);
  out[5] = job.popularity;
  // Halves every FRESHNESS_HALF_LIFE_DAYS: 2^(−age/half-life), written as one exp of a precomputed rate.
  out[6] = job.postedAt === null ? 0.5 : Math.exp(-Math.max(0, now - job.postedAt) * FRESHNESS_DECAY_PER_MS);
  return out;
}

const scratch = new Float64Array(SIGNALS.length);
const FRESHNESS_DECAY_PER_MS = Math.LN2 / (FRESHNESS_HALF_LIFE_DAYS * 86_400_000);

/**
 * The re-ranking score of one pair: the same number as explainPair(…).score, without the
 * explanation (it runs for every candidate, so it makes no objects per pair).
 */
export function scorePair(
  member: MemberProfile,
  job: JobProfile,
  cosine: number,
  credit: SkillCredit,
  ranker: Ranker = weightedRanker(),
  now = Date.now(),
): number {
  return ranker.score(signalValues(member, job, cosine, credit, now, scratch));
}

export function explainPair(
  member: MemberProfile,
  job: JobProfile,
  cosine: number,
  credit: SkillCredit,
  ranker: Ranker = weightedRanker(),
  now = Date.now(),
): Explanation {
  const matchedSkills: MatchedSkill[] = [];
  const missingSkills: string[] = [];
  for (const { id, relation } of job.skills) {
    const m = credit.of(id);
    // Fields named, not spread: a spread in the middle of a literal copies property by property (~1 µs each).
    if (m)
      matchedSkills.push({
        skillId: id,
        relation,
        via: m.via,
        memberSkillId: m.memberSkillId,
        path: m.path,
        credit: CREDIT[m.via],
      });
    else if (relation === 'REQUIRED') missingSkills.push(id);
  }
  matchedSkills.sort((a, b) => b.credit - a.credit || (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0));
  const { score, intercept, signals } = ranker.explain(signalValues(member, job, cosine, credit, now));
  return { score, ranker: ranker.id, intercept, signals, matchedSkills, missingSkills };
}

function senioritySignal(m: MemberProfile, j: JobProfile): number {
  return m.seniority === null || j.seniority === null ? 0.5 : Math.max(0, 1 - Math.abs(m.seniority - j.seniority) / 3);
}

function titleSignal(m: MemberProfile, j: JobProfile): number {
  for (const t of j.titleIds) if (m.titleIds.has(t)) return 1;
  for (const o of j.occupationIds) if (m.occupationIds.has(o)) return 0.8;
  return 0;
}

function locationSignal(m: MemberProfile, j: JobProfile): number {
  if (j.workplace === 'REMOTE' && m.openToRemote) return 1;
  let shared = 0;
  for (let i = 0; i < j.location.length; i++) if (m.location[i] === j.location[i]) shared++;
  if (shared === 0) return 0;
  if (shared >= 3 || (shared === j.location.length && shared === m.location.length)) return 1;
  return shared === 2 ? 0.7 : 0.4;
}

export function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Validates user-supplied weights: known signals, finite, non-negative; missing ones default. */
export function parseWeights(v: Partial<Record<string, number>> | null | undefined): Weights {
  if (!v) return DEFAULT_WEIGHTS;
  const out = { ...DEFAULT_WEIGHTS };
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined || x === null) continue;
    if (!(SIGNALS as readonly string[]).includes(k))
      throw new Error(`Unknown signal "${k}"; expected ${SIGNALS.join(', ')}.`);
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0)
      throw new Error(`Weight ${k} must be a non-negative number.`);
    out[k as Signal] = x;
  }
  return out;
}
