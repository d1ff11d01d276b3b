/**
 * What re-ranking and filtering read about a member or a job, gathered once from the store:
 * skills (with a job's relation), titles and the occupations they name, location chain,
 * workplace, seniority, dates, company. Plus the skill hierarchy, for expansion credit.
 */
import type { Relation } from '../extraction/extract.ts';
import { toJob, toMember, toSkillEdge } from '../marketplace/views.ts';
import type { GraphStore, NodeRecord, Projection } from '../store/types.ts';

export interface JobProfile {
  id: string;
  title: string;
  /** The job's skills, each with its relation and that relation's weight (REQUIRED 1, CORE 0.7, MENTIONED 0.3). */
  skills: Array<{ id: string; relation: Relation; weight: number }>;
  /** Σ weight over skills. */
  skillWeight: number;
  titleIds: Set<string>;
  occupationIds: Set<string>;
  /** location ids from the broadest (country) to the most specific. */
  location: string[];
  workplace: string | null;
  seniority: number | null;
  postedAt: number | null;
  expiresAt: number | null;
  companyId: string | null;
  /** Members that interacted with it, log-scaled to [0, 1] (the caller sets it from its model's graph; 0 unknown). */
  popularity: number;
}

export interface MemberProfile {
  id: string;
  skills: Set<string>;
  titleIds: Set<string>;
  occupationIds: Set<string>;
  location: string[];
  openToRemote: boolean;
  seniority: number | null;
}

/** A job profile with nothing known but its id. */
export function emptyJobProfile(id: string): JobProfile {
  return {
    id,
    title: '',
    skills: [],
    skillWeight: 0,
    titleIds: new Set(),
    occupationIds: new Set(),
    location: [],
    workplace: null,
    seniority: null,
    postedAt: null,
    expiresAt: null,
    companyId: null,
    popularity: 0,
  };
}

export const RELATION_WEIGHT: Record<string, number> = { REQUIRED: 1, CORE: 0.7, MENTIONED: 0.3 };

/** "location:de/berlin/berlin" → ["location:de", "location:de/berlin", "location:de/berlin/berlin"]. */
async function titlesOf(store: GraphStore, label: 'Member' | 'Job', ids: string[]) {
  const lists = await store.neighborsMany(label, ids, 'HAS_TITLE', 'out');
  return lists.map((l) => ({
    titleIds: new Set(l.map((n) => n.node.id)),
    occupationIds: new Set(l.map((n) => n.node.props.occupationId).filter((x): x is string => typeof x === 'string')),
  }));
}

export async function jobProfiles(
  store: GraphStore,
  nodes: NodeRecord[],
  popularity: (jobId: string) => number = () => 0,
): Promise<JobProfile[]> {
  const ids = nodes.map((n) => n.id);
  const [skills, titles] = await Promise.all([
    store.neighborLinksMany('Job', ids, 'REQUIRES', 'out'),
    titlesOf(store, 'Job', ids),
  ]);
  return nodes.map((n, i) => {
    const j = toJob(n);
    return {
      id: n.id,
      title: j.title ?? '',
      ...jobSkills(skills[i].map((s) => [s.node.id, toSkillEdge(s.edge, 'MENTIONED').relation])),
      ...titles[i],
      location: j.locationChain,
      workplace: j.workplace,
      seniority: j.seniorityLevel,
      postedAt: j.postedAt !== null ? Date.parse(j.postedAt) : null,
      expiresAt: j.expiresAt !== null ? Date.parse(j.expiresAt) : null,
      companyId: j.companyId,
      popularity: popularity(n.id),
    };
  });
}

/** A job's skill list and its total weight, from (skill id, relation) pairs. */
export function jobSkills(pairs: Array<[string, Relation]>): Pick<JobProfile, 'skills' | 'skillWeight'> {
  const skills = pairs.map(([id, relation]) => ({ id, relation, weight: RELATION_WEIGHT[relation] ?? 0.3 }));
  return { skills, skillWeight: skills.reduce((sum, s) => sum + s.weight, 0) };
}

export async function memberProfiles(store: GraphStore, nodes: NodeRecord[]): Promise<MemberProfile[]> {
  const ids = nodes.map((n) => n.id);
  const [skills, titles] = await Promise.all([
    store.neighborLinksMany('Member', ids, 'HAS_SKILL', 'out'),
    titlesOf(store, 'Member', ids),
  ]);
  return nodes.map((n, i) => ({
    id: n.id,
    skills: new Set(skills[i].map((s) => s.node.id)),
    ...titles[i],
    location: toMember(n).locationChain,
    openToRemote: toMember(n).openToRemote === true,
    seniority: toMember(n).seniorityLevel,
  }));
}

/** Parents and children of every skill (BROADER), for expansion credit. */
export class SkillHierarchy {
  constructor(
    readonly parents: Map<string, string[]>,
    readonly children: Map<string, string[]>,
  ) {}

  static fromProjection(p: Projection): SkillHierarchy {
    const parents = new Map<string, string[]>();
    const children = new Map<string, string[]>();
    const ids = p.ids.Skill;
    for (const rel of p.relations) {
      if (rel.type !== 'BROADER') continue;
      for (let i = 0; i < ids.length; i++) {
        for (let k = rel.offsets[i]; k < rel.offsets[i + 1]; k++) {
          const parent = ids[rel.targets[k]];
          (parents.get(ids[i]) ?? parents.set(ids[i], []).get(ids[i])!).push(parent);
          (children.get(parent) ?? children.set(parent, []).get(parent)!).push(ids[i]);
        }
      }
    }
    return new SkillHierarchy(parents, children);
  }
}
