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
 *
 * score = Σ weight × signal (weights sum to 1 by default; DEFAULT_WEIGHTS, configurable).
 */
import type { JobProfile, MemberProfile, SkillHierarchy } from './profile.ts';

export const SIGNALS = ['semantic', 'skills', 'title', 'location', 'seniority'] as const;
export type Signal = (typeof SIGNALS)[number];
export type Weights = Record<Signal, number>;
export const DEFAULT_WEIGHTS: Weights = { semantic: 0.4, skills: 0.3, title: 0.15, location: 0.1, seniority: 0.05 };

const CREDIT = { EXACT: 1, CHILD: 0.7, PARENT: 0.5, SIBLING: 0.4 } as const;
export type SkillVia = keyof typeof CREDIT;

export interface MatchedSkill {
  skillId: string;
  relation: string;
  via: SkillVia;
  /** The member's skill that earned the credit (the job skill itself for EXACT). */
  memberSkillId: string;
  credit: number;
}

export interface Explanation {
  score: number;
  signals: Array<{ signal: Signal; value: number; weight: number; contribution: number }>;
  matchedSkills: MatchedSkill[];
  /** The job's REQUIRED skills the member has no credit for. */
  missingSkills: string[];
}

export function explainPair(member: MemberProfile, job: JobProfile, cosine: number, hierarchy: SkillHierarchy, weights: Weights = DEFAULT_WEIGHTS): Explanation {
  const matchedSkills: MatchedSkill[] = [];
  const missingSkills: string[] = [];
  let covered = 0;
  let total = 0;
  for (const [skillId, { relation, weight }] of job.skills) {
    total += weight;
    const m = skillCredit(member.skills, skillId, hierarchy);
    if (m) {
      covered += weight * CREDIT[m.via];
      matchedSkills.push({ skillId, relation, via: m.via, memberSkillId: m.memberSkillId, credit: CREDIT[m.via] });
    } else if (relation === 'REQUIRED') missingSkills.push(skillId);
  }
  const values: Record<Signal, number> = {
    semantic: (cosine + 1) / 2,
    skills: total > 0 ? covered / total : 0,
    title: titleSignal(member, job),
    location: locationSignal(member, job),
    seniority: member.seniority === null || job.seniority === null ? 0.5 : Math.max(0, 1 - Math.abs(member.seniority - job.seniority) / 3),
  };
  const signals = SIGNALS.map((signal) => ({ signal, value: round(values[signal]), weight: weights[signal], contribution: round(values[signal] * weights[signal]) }));
  matchedSkills.sort((a, b) => b.credit - a.credit || a.skillId.localeCompare(b.skillId));
  return { score: round(signals.reduce((s, x) => s + x.contribution, 0)), signals, matchedSkills, missingSkills };
}

function skillCredit(have: Set<string>, skillId: string, h: SkillHierarchy): { via: SkillVia; memberSkillId: string } | null {
  if (have.has(skillId)) return { via: 'EXACT', memberSkillId: skillId };
  for (const c of h.children.get(skillId) ?? []) if (have.has(c)) return { via: 'CHILD', memberSkillId: c };
  const parents = h.parents.get(skillId) ?? [];
  for (const p of parents) if (have.has(p)) return { via: 'PARENT', memberSkillId: p };
  for (const p of parents) for (const s of h.children.get(p) ?? []) if (s !== skillId && have.has(s)) return { via: 'SIBLING', memberSkillId: s };
  return null;
}

function titleSignal(m: MemberProfile, j: JobProfile): number {
  for (const t of j.titleIds) if (m.titleIds.has(t)) return 1;
  for (const o of j.occupationIds) if (m.occupationIds.has(o)) return 0.8;
  return 0;
}

function locationSignal(m: MemberProfile, j: JobProfile): number {
  if (j.workplace === 'REMOTE' && m.openToRemote) return 1;
  const shared = j.location.filter((l, i) => m.location[i] === l).length;
  if (shared === 0) return 0;
  if (shared >= 3 || (shared === j.location.length && shared === m.location.length)) return 1;
  return shared === 2 ? 0.7 : 0.4;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Validates user-supplied weights: known signals, finite, non-negative; missing ones default. */
export function parseWeights(v: Partial<Record<string, number>> | null | undefined): Weights {
  if (!v) return DEFAULT_WEIGHTS;
  const out = { ...DEFAULT_WEIGHTS };
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined || x === null) continue;
    if (!(SIGNALS as readonly string[]).includes(k)) throw new Error(`Unknown signal "${k}"; expected ${SIGNALS.join(', ')}.`);
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) throw new Error(`Weight ${k} must be a non-negative number.`);
    out[k as Signal] = x;
  }
  return out;
}
