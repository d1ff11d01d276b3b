/** Re-ranking signals on a hand-made hierarchy: expansion credit, missing skills, the score both ways. */
import { describe, expect, it } from 'vitest';
import { SkillHierarchy, jobSkills } from '../src/matching/profile.ts';
import type { JobProfile, MemberProfile } from '../src/matching/profile.ts';
import type { Relation } from '../src/extraction/extract.ts';
import { DEFAULT_WEIGHTS, SkillCredit, explainPair, scorePair } from '../src/matching/rerank.ts';
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
const job = (skills: Record<string, Relation>, over: Partial<JobProfile> = {}): JobProfile => ({
  id: 'j',
  title: 'Job',
  ...jobSkills(Object.entries(skills)),
  titleIds: new Set(),
  occupationIds: new Set(),
  location: [],
  workplace: null,
  seniority: null,
  postedAt: null,
  expiresAt: null,
  companyId: null,
  ...over,
});

describe('re-ranking', () => {
  it('credits exact, narrower, broader and sibling skills, with the member skill that earned it', () => {
    const credit = new SkillCredit(member.skills, hierarchy);
    expect(credit.of('java')).toEqual({ via: 'EXACT', memberSkillId: 'java', path: ['java'] });
    expect(credit.of('python')).toEqual({ via: 'CHILD', memberSkillId: 'django', path: ['django', 'python'] });
    expect(credit.of('spring')).toEqual({ via: 'PARENT', memberSkillId: 'java', path: ['java', 'spring'] });
    expect(credit.of('flask')).toEqual({
      via: 'SIBLING',
      memberSkillId: 'django',
      path: ['django', 'python', 'flask'],
    });
    expect(credit.of('kotlin')).toBeNull();
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
    });
    expect(e.score).toBeCloseTo(
      e.signals.reduce((s, x) => s + x.contribution, 0),
      4,
    );
    expect(scorePair(member, j, 0.5, credit)).toBe(e.score);
    expect(e.signals.map((s) => s.weight)).toEqual(Object.values(DEFAULT_WEIGHTS));
  });

  it('scores a closer pair higher', () => {
    const credit = new SkillCredit(member.skills, hierarchy);
    const near = job({ java: 'REQUIRED', python: 'CORE' });
    const far = job({ kotlin: 'REQUIRED', rust: 'REQUIRED' });
    expect(scorePair(member, near, 0.3, credit)).toBeGreaterThan(scorePair(member, far, 0.3, credit));
  });
});

describe('configured weights (SKILLGRAPH_MATCH_WEIGHTS)', () => {
  it('changes only the signals named and turns malformed settings into an error that says what to write', () => {
    const weights = loadConfig({ SKILLGRAPH_MATCH_WEIGHTS: 'semantic=0.7, skills=0.1' }).matchWeights;
    expect(weights).toEqual({ ...DEFAULT_WEIGHTS, semantic: 0.7, skills: 0.1 });
    const credit = new SkillCredit(member.skills, hierarchy);
    const e = explainPair(member, job({ java: 'REQUIRED' }), 0.2, credit, weights);
    expect(e.signals.find((s) => s.signal === 'semantic')).toMatchObject({ weight: 0.7, contribution: 0.42 });
    expect(() => loadConfig({ SKILLGRAPH_MATCH_WEIGHTS: 'semantik=0.5' })).toThrow(
      /Unknown signal "semantik"; expected semantic, skills/,
    );
    expect(() => loadConfig({ SKILLGRAPH_MATCH_WEIGHTS: 'skills=-1' })).toThrow(/skills must be a non-negative number/);
    expect(() => loadConfig({ SKILLGRAPH_MATCH_WEIGHTS: 'skills' })).toThrow(ConfigError);
    expect(loadConfig({}).matchWeights).toEqual(DEFAULT_WEIGHTS);
  });
});
