/** Re-ranking signals on a hand-made hierarchy: expansion credit, missing skills, the score both ways. */
import { describe, expect, it } from 'vitest';
import { SkillHierarchy, emptyJobProfile, jobSkills } from '../src/matching/profile.ts';
import type { JobProfile, MemberProfile } from '../src/matching/profile.ts';
import type { Relation } from '../src/extraction/extract.ts';
import {
  DEFAULT_WEIGHTS,
  PackedJob,
  SIGNALS,
  SkillCredit,
  explainPair,
  scorePair,
  weightedRanker,
} from '../src/matching/rerank.ts';
import { beatsClearly, fitLogistic, learnedRanker, learnedRankerOf, trainRanker } from '../src/matching/ranker.ts';
import type { RankerExample } from '../src/matching/ranker.ts';
import { seededRandom } from '../src/random.ts';
import { ConfigError, loadConfig } from '../src/config.ts';

// programming ⊃ {python, java}; python ⊃ {django, flask}; java ⊃ {spring}
const broader: Array<[string, string]> = [
  ['python', 'programming'],
  ['java', 'programming'],
  ['django', 'python'],
  ['flask', 'python'],
  ['spring', 'java'],
];
const hierarchy = new SkillHierarchy(new Map(), new Map());
for (const [child, parent] of broader) {
  (hierarchy.parents.get(child) ?? hierarchy.parents.set(child, []).get(child)!).push(parent);
  (hierarchy.children.get(parent) ?? hierarchy.children.set(parent, []).get(parent)!).push(child);
}

const member: MemberProfile = {
  id: 'm',
  skills: new Set(['django', 'java']),
  titleIds: new Set(['title:data-engineer']),
  occupationIds: new Set(['occ:1']),
  location: ['location:de', 'location:de/be', 'location:de/be/berlin'],
  openToRemote: false,
  seniority: 2,
};
const profile = (skills: Record<string, Relation>, over: Partial<JobProfile> = {}): JobProfile => ({
  ...emptyJobProfile('j'),
  title: 'Job',
  ...jobSkills(Object.entries(skills)),
  ...over,
});
const job = (skills: Record<string, Relation>, over: Partial<JobProfile> = {}) =>
  new PackedJob(profile(skills, over), hierarchy);

describe('re-ranking', () => {
  it('credits exact, narrower, broader and sibling skills, with the member skill that earned it', () => {
    const credit = new SkillCredit(member.skills, hierarchy);
    const e = explainPair(
      member,
      job({ java: 'REQUIRED', python: 'REQUIRED', spring: 'REQUIRED', flask: 'REQUIRED', kotlin: 'REQUIRED' }),
      0,
      credit,
    );
    const earned = Object.fromEntries(
      e.matchedSkills.map((m) => [m.skillId, { via: m.via, memberSkillId: m.memberSkillId, path: m.path }]),
    );
    expect(earned).toEqual({
      java: { via: 'EXACT', memberSkillId: 'java', path: ['java'] },
      python: { via: 'CHILD', memberSkillId: 'django', path: ['django', 'python'] },
      spring: { via: 'PARENT', memberSkillId: 'java', path: ['java', 'spring'] },
      flask: { via: 'SIBLING', memberSkillId: 'django', path: ['django', 'python', 'flask'] },
    });
    expect(e.missingSkills).toEqual(['kotlin']);
  });

  it('explains coverage, missing required skills and each signal; scorePair gives the same score', () => {
    const j = job(
      { java: 'REQUIRED', flask: 'CORE', kotlin: 'REQUIRED', rust: 'MENTIONED' },
      {
        titleIds: new Set(['title:data-engineer']),
        location: ['location:de', 'location:de/be', 'location:de/be/berlin'],
        seniority: 3,
      },
    );
    const credit = new SkillCredit(member.skills, hierarchy);
    const e = explainPair(member, j, 0.5, credit);
    expect(e.matchedSkills.map((m) => [m.skillId, m.via, m.memberSkillId])).toEqual([
      ['java', 'EXACT', 'java'],
      ['flask', 'SIBLING', 'django'],
    ]);
    expect(e.missingSkills).toEqual(['kotlin']);
    const value = Object.fromEntries(e.signals.map((s) => [s.signal, s.value]));
    expect(value).toEqual({
      semantic: 0.75,
      skills: Math.round(((1 + 0.7 * 0.4) / 3) * 10000) / 10000,
      title: 1,
      location: 1,
      seniority: Math.round((1 - 1 / 3) * 10000) / 10000,
      popularity: 0,
      freshness: 0.5,
    });
    expect([e.ranker, e.intercept]).toEqual(['weights', 0]);
    expect(e.score).toBeCloseTo(
      e.signals.reduce((s, x) => s + x.contribution, 0),
      4,
    );
    expect(scorePair(member, j, 0.5, credit)).toBe(e.score);
    expect(e.signals.map((s) => s.weight)).toEqual(Object.values(DEFAULT_WEIGHTS));
  });

  it("freshness halves every 30 days after posting; popularity is the profile's", () => {
    const credit = new SkillCredit(member.skills, hierarchy);
    const now = Date.parse('2026-06-30T00:00:00Z');
    const posted = job({ java: 'REQUIRED' }, { postedAt: now - 30 * 86_400_000, popularity: 0.25 });
    const value = Object.fromEntries(
      explainPair(member, posted, 0, credit, weightedRanker(), now).signals.map((s) => [s.signal, s.value]),
    );
    expect([value.freshness, value.popularity]).toEqual([0.5, 0.25]);
  });

  it('reads each signal case from the job as packed, also for a changed copy of a job packed before', () => {
    const credit = new SkillCredit(member.skills, hierarchy);
    const values = (j: JobProfile, m: MemberProfile = member) =>
      Object.fromEntries(
        explainPair(m, new PackedJob(j, hierarchy), 0, credit).signals.map((s) => [s.signal, s.value]),
      );
    // skills: CHILD (python ⊃ django) and PARENT (java ⊃ spring) credit, weighted by relation
    const base = profile({ python: 'REQUIRED', spring: 'MENTIONED', scala: 'CORE' });
    expect(values(base).skills).toBe(Math.round(((0.7 + 0.3 * 0.5) / 2) * 10000) / 10000);
    // title: an occupation in common is 0.8; nothing in common 0
    expect(values({ ...base, occupationIds: new Set(['occ:9', 'occ:1']) }).title).toBe(0.8);
    expect(values({ ...base, titleIds: new Set(['title:other']) }).title).toBe(0);
    // location: the same region 0.7, the same country 0.4, remote for a member open to it 1
    expect(values({ ...base, location: ['location:de', 'location:de/be', 'location:de/be/potsdam'] }).location).toBe(
      0.7,
    );
    expect(values({ ...base, location: ['location:de', 'location:de/by'] }).location).toBe(0.4);
    expect(values({ ...base, location: ['location:fr'] }).location).toBe(0);
    const remote = { ...base, location: ['location:fr'], workplace: 'REMOTE' };
    expect(values(remote).location).toBe(0);
    expect(values(remote, { ...member, openToRemote: true }).location).toBe(1);
    // seniority unknown on either side is 0.5
    expect(values(base).seniority).toBe(0.5);
    expect(values(base, { ...member, seniority: null }).seniority).toBe(0.5);
    expect(values({ ...base, seniority: 5 }).seniority).toBe(0);
    // the base job scored before keeps its own values
    expect(values(base)).toMatchObject({ title: 0, location: 0, skills: 0.425 });
  });

  it('scores a closer pair higher', () => {
    const credit = new SkillCredit(member.skills, hierarchy);
    const near = job({ java: 'REQUIRED', python: 'CORE' });
    const far = job({ kotlin: 'REQUIRED', rust: 'REQUIRED' });
    expect(scorePair(member, near, 0.3, credit)).toBeGreaterThan(scorePair(member, far, 0.3, credit));
  });

  it("refuses a job packed under another hierarchy than the credit's (its skill numbers would mean other parents)", () => {
    const other = new SkillHierarchy(new Map(), new Map());
    const credit = new SkillCredit(member.skills, other);
    expect(() => scorePair(member, job({ java: 'REQUIRED' }), 0.3, credit)).toThrow(/another skill hierarchy/);
    expect(scorePair(member, new PackedJob(profile({ java: 'REQUIRED' }), other), 0.3, credit)).toBeGreaterThan(0);
  });
});

describe('configured weights (SKILLGRAPH_MATCH_WEIGHTS)', () => {
  it('changes only the signals named and turns malformed settings into an error that says what to write', () => {
    const weights = loadConfig({ SKILLGRAPH_MATCH_WEIGHTS: 'semantic=0.7, skills=0.1' }).matchWeights;
    expect(weights).toEqual({ ...DEFAULT_WEIGHTS, semantic: 0.7, skills: 0.1 });
    const credit = new SkillCredit(member.skills, hierarchy);
    const e = explainPair(member, job({ java: 'REQUIRED' }), 0.2, credit, weightedRanker(weights));
    expect(e.signals.find((s) => s.signal === 'semantic')).toMatchObject({ weight: 0.7, contribution: 0.42 });
    expect(() => loadConfig({ SKILLGRAPH_MATCH_WEIGHTS: 'semantik=0.5' })).toThrow(
      /Unknown signal "semantik"; expected semantic, skills/,
    );
    expect(() => loadConfig({ SKILLGRAPH_MATCH_WEIGHTS: 'skills=-1' })).toThrow(/skills must be a non-negative number/);
    expect(() => loadConfig({ SKILLGRAPH_MATCH_WEIGHTS: 'skills' })).toThrow(ConfigError);
    expect(loadConfig({}).matchWeights).toEqual(DEFAULT_WEIGHTS);
  });
});

describe('learned ranker', () => {
  const signal = (i: number, x: number) => Float64Array.from(SIGNALS, (_, k) => (k === i ? x : 0.5));
  /** Members whose relevant job is the one with the highest `skills` value; semantic is noise. */
  function examples(n: number, seed = 1) {
    const rand = seededRandom(seed);
    const out: RankerExample[] = [];
    for (let m = 0; m < n; m++)
      for (let c = 0; c < 20; c++) {
        const values = signal(1, c === 0 ? 0.8 + 0.2 * rand() : 0.7 * rand());
        values[0] = rand();
        out.push({ values, label: c === 0 ? 1 : 0, group: m });
      }
    return out;
  }

  it('learns which signal predicts the interaction and is adopted only when it beats the hand weights', () => {
    const file = trainRanker(examples(60))!;
    expect(file.coefficients.skills).toBeGreaterThan(Math.abs(file.coefficients.semantic) * 3);
    expect(file.validation.members).toBe(30);
    expect(file.validation.learned).toBeGreaterThan(file.validation.weights);
    expect(file.validation.adopted).toBe(true);
    expect(learnedRankerOf(file)?.id).toBe(`learned:${file.id}`);
    // Too few members to judge: no ranker. Not adopted: not served.
    expect(trainRanker(examples(4))).toBeNull();
    expect(learnedRankerOf({ ...file, validation: { ...file.validation, adopted: false } })).toBeNull();
    expect(learnedRankerOf({ id: 3 })).toBeNull();
  });

  it('adopts only a clear win: the paired difference above twice its standard error', () => {
    const base = Array.from({ length: 40 }, (_, i) => 1 / (1 + (i % 5)));
    expect(beatsClearly(base, base)).toBe(false); // a tie
    // Ahead on one member of 40 (the 1M-job case: 0.0010 vs 0.0009): noise, not adopted.
    expect(
      beatsClearly(
        base.map((x, i) => (i === 7 ? x + 0.5 : x)),
        base,
      ),
    ).toBe(false);
    // Ahead on most members by a little, behind on a few: adopted; the reverse is not.
    const better = base.map((x, i) => (i % 8 === 0 ? x - 0.05 : x + 0.1));
    expect(beatsClearly(better, base)).toBe(true);
    expect(beatsClearly(base, better)).toBe(false);
    // Ahead on average but all over the place: mean 0.025, standard error ~0.08.
    expect(
      beatsClearly(
        base.map((x, i) => x + (i % 2 ? 0.525 : -0.475)),
        base,
      ),
    ).toBe(false);
    expect(beatsClearly([1], [0])).toBe(false); // one member proves nothing
  });

  it('explains a learned score: intercept + contributions = its log-odds', () => {
    const file = trainRanker(examples(60))!;
    const ranker = learnedRanker(file);
    const credit = new SkillCredit(member.skills, hierarchy);
    const e = explainPair(member, job({ java: 'REQUIRED', kotlin: 'REQUIRED' }), 0.4, credit, ranker);
    expect(e.ranker).toBe(ranker.id);
    const logit = e.intercept + e.signals.reduce((s, x) => s + x.contribution, 0);
    expect(1 / (1 + Math.exp(-logit))).toBeCloseTo(e.score, 3);
    expect(e.signals.map((s) => s.weight)).toEqual(SIGNALS.map((s) => file.coefficients[s]));
    expect(scorePair(member, job({ java: 'REQUIRED', kotlin: 'REQUIRED' }), 0.4, credit, ranker)).toBe(e.score);
  });

  it('fits logistic regression: the gradient vanishes at the fit (no L2)', () => {
    const ex = examples(40, 7);
    const fit = fitLogistic(ex, { l2: 0, steps: 4000, learningRate: 2 });
    const grad = new Array(SIGNALS.length + 1).fill(0);
    for (const e of ex) {
      let z = fit.intercept;
      e.values.forEach((v, i) => (z += fit.coefficients[i] * v));
      const err = 1 / (1 + Math.exp(-z)) - e.label;
      e.values.forEach((v, i) => (grad[i] += err * v));
      grad[SIGNALS.length] += err;
    }
    for (const g of grad) expect(Math.abs(g / ex.length)).toBeLessThan(2e-3);
  });
});
