/**
 * Related skills mined from data: skills that jobs ask for together and members hold together, more often than
 * chance says, become suggested RELATED links for editors to accept or dismiss.
 *
 * A document is a job's REQUIRES set or a member's HAS_SKILL set (after people's decisions). For a pair (a, b):
 * support n_ab = documents holding both, and NPMI = ln(n_ab·N / (n_a·n_b)) / −ln(n_ab / N), which is 0 for
 * independent skills and 1 for skills that only ever occur together; lift = n_ab·N / (n_a·n_b). PMI favours
 * rare pairs, so a pair needs MINING_DEFAULTS.minSupport documents; each skill keeps its `perSkill` best pairs.
 * Pairs already linked (BROADER either way, RELATED) are not suggested. The GNN's skill vectors, when a model is
 * active, add their cosine as a second, independent piece of evidence.
 *
 * A suggestion is a SUGGESTED_RELATED edge (lower id → higher id) holding its evidence and its status: OPEN,
 * ACCEPTED (an editor wrote a RELATED link with provenance MINED) or DISMISSED. A dismissed pair stays
 * dismissed on later runs unless its support reaches REOPEN_FACTOR × its support when dismissed.
 */
import type { EdgeRecord, GraphStore, Projection, Props, WriteOp } from '../store/types.ts';
import { cleanProps } from '../store/types.ts';
import { nodePages } from '../store/scan.ts';

export interface MiningOptions {
  minSupport: number;
  minNpmi: number;
  perSkill: number;
}

/**
 * minSupport 5: below about five co-occurrences PMI is dominated by chance (the usual floor in association
 * mining); minNpmi 0.1: a weak but positive association; perSkill 5: a page of suggestions per skill. None
 * were tuned on data.
 */
export const MINING_DEFAULTS: MiningOptions = { minSupport: 5, minNpmi: 0.1, perSkill: 5 };
/** A dismissed suggestion comes back only once its support has grown this much (×) since the dismissal. */
export const REOPEN_FACTOR = 2;
const EXAMPLES = 3;

export const SUGGESTION_STATUSES = ['OPEN', 'ACCEPTED', 'DISMISSED'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

export interface MinedPair {
  /** The pair, a < b. */
  a: string;
  b: string;
  support: number;
  jobs: number;
  members: number;
  /** Documents holding a, holding b, and all documents with a skill. */
  countA: number;
  countB: number;
  documents: number;
  lift: number;
  npmi: number;
  /** Up to three jobs that ask for both. */
  exampleJobs: string[];
  /** Cosine of the two skills' graph vectors, when a model is active. */
  graphSimilarity?: number;
}

/** Co-occurring skill pairs in a projection's jobs and members, by NPMI, with their evidence. */
export function mineRelatedSkills(
  p: Projection,
  isActive: (skillId: string) => boolean,
  opts: MiningOptions = MINING_DEFAULTS,
): MinedPair[] {
  const skills = p.ids.Skill;
  const S = skills.length;
  const active = skills.map((id) => isActive(id));
  const docs: Array<{ job: string | null; skills: number[] }> = [];
  for (const rel of p.relations) {
    if (!((rel.type === 'REQUIRES' && rel.from === 'Job') || (rel.type === 'HAS_SKILL' && rel.from === 'Member')))
      continue;
    const from = p.ids[rel.from];
    for (let i = 0; i < from.length; i++) {
      const set = [...new Set(rel.targets.subarray(rel.offsets[i], rel.offsets[i + 1]))].filter((s) => active[s]);
      if (set.length) docs.push({ job: rel.from === 'Job' ? from[i] : null, skills: set.sort((x, y) => x - y) });
    }
  }
  const linked = new Set<number>();
  for (const rel of p.relations) {
    if (!((rel.type === 'BROADER' || rel.type === 'RELATED') && rel.from === 'Skill')) continue;
    for (let i = 0; i < S; i++)
      for (let k = rel.offsets[i]; k < rel.offsets[i + 1]; k++) linked.add(pairKey(i, rel.targets[k], S));
  }
  const count = new Uint32Array(S);
  const pairs = new Map<number, { jobs: number; members: number }>();
  for (const d of docs) {
    for (const s of d.skills) count[s]++;
    for (let x = 0; x < d.skills.length; x++)
      for (let y = x + 1; y < d.skills.length; y++) {
        const key = d.skills[x] * S + d.skills[y];
        const c = pairs.get(key) ?? pairs.set(key, { jobs: 0, members: 0 }).get(key)!;
        if (d.job) c.jobs++;
        else c.members++;
      }
  }
  const N = docs.length;
  const scored: Array<{ key: number; x: number; y: number; npmi: number; lift: number; support: number }> = [];
  for (const [key, c] of pairs) {
    const support = c.jobs + c.members;
    if (support < opts.minSupport || linked.has(key)) continue;
    const x = Math.floor(key / S);
    const y = key % S;
    const lift = (support * N) / (count[x] * count[y]);
    const npmi = support === N ? 1 : Math.log(lift) / -Math.log(support / N);
    if (npmi >= opts.minNpmi) scored.push({ key, x, y, npmi, lift, support });
  }
  // Each skill keeps its best pairs; a pair stays when either end keeps it.
  scored.sort((u, v) => v.npmi - u.npmi || v.support - u.support || u.key - v.key);
  const kept = new Map<number, (typeof scored)[number]>();
  const perSkill = new Uint32Array(S);
  for (const s of scored) {
    if (perSkill[s.x] >= opts.perSkill && perSkill[s.y] >= opts.perSkill) continue;
    perSkill[s.x]++;
    perSkill[s.y]++;
    kept.set(s.key, s);
  }
  const examples = new Map<number, string[]>();
  for (const d of docs) {
    if (!d.job) continue;
    for (let x = 0; x < d.skills.length; x++)
      for (let y = x + 1; y < d.skills.length; y++) {
        const key = d.skills[x] * S + d.skills[y];
        if (!kept.has(key)) continue;
        const list = examples.get(key) ?? examples.set(key, []).get(key)!;
        if (list.length < EXAMPLES) list.push(d.job);
      }
  }
  return [...kept.values()].map((s) => {
    const c = pairs.get(s.key)!;
    return {
      a: skills[s.x],
      b: skills[s.y],
      support: s.support,
      jobs: c.jobs,
      members: c.members,
      countA: count[s.x],
      countB: count[s.y],
      documents: N,
      lift: round(s.lift),
      npmi: round(s.npmi),
      exampleJobs: examples.get(s.key) ?? [],
    };
  });
}

function pairKey(i: number, j: number, S: number): number {
  return i < j ? i * S + j : j * S + i;
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

export interface Suggestion extends MinedPair {
  status: SuggestionStatus;
  minedAt: string;
  /** Set while or since dismissed. */
  dismissedAt?: string;
  dismissedBy?: string;
  dismissedSupport?: number;
  dismissReason?: string;
  acceptedAt?: string;
  acceptedBy?: string;
}

export function toSuggestion(e: EdgeRecord): Suggestion {
  const p = e.props;
  const n = (k: string) => (typeof p[k] === 'number' ? (p[k] as number) : undefined);
  const s = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
  return {
    a: e.from.id,
    b: e.to.id,
    support: n('support') ?? 0,
    jobs: n('jobs') ?? 0,
    members: n('members') ?? 0,
    countA: n('countA') ?? 0,
    countB: n('countB') ?? 0,
    documents: n('documents') ?? 0,
    lift: n('lift') ?? 0,
    npmi: n('npmi') ?? 0,
    exampleJobs: Array.isArray(p.exampleJobs) ? (p.exampleJobs as string[]) : [],
    graphSimilarity: n('graphSimilarity'),
    status: (SUGGESTION_STATUSES as readonly string[]).includes(String(p.status))
      ? (p.status as SuggestionStatus)
      : 'OPEN',
    minedAt: s('minedAt') ?? '',
    dismissedAt: s('dismissedAt'),
    dismissedBy: s('dismissedBy'),
    dismissedSupport: n('dismissedSupport'),
    dismissReason: s('dismissReason'),
    acceptedAt: s('acceptedAt'),
    acceptedBy: s('acceptedBy'),
  };
}

/** Stored suggestions: one skill's (either end), or all of them (one round trip per 1,000 skills). */
export async function readSuggestions(store: GraphStore, skillId?: string): Promise<Suggestion[]> {
  if (skillId)
    return (await store.neighbors({ label: 'Skill', id: skillId }, 'SUGGESTED_RELATED', 'both')).map((n) =>
      toSuggestion(n.edge),
    );
  const out: Suggestion[] = [];
  for await (const page of nodePages(store, 'Skill', 1000)) {
    const lists = await store.neighborsMany(
      'Skill',
      page.map((n) => n.id),
      'SUGGESTED_RELATED',
      'out',
    );
    for (const list of lists) for (const n of list) out.push(toSuggestion(n.edge));
  }
  return out;
}

export function suggestionProps(s: Suggestion): Props {
  const { a: _a, b: _b, ...rest } = s;
  return cleanProps({ ...rest });
}

/** The support at which a dismissed suggestion comes back. */
export function reopenSupport(s: Pick<Suggestion, 'dismissedSupport'>): number {
  return Math.max(1, s.dismissedSupport ?? 0) * REOPEN_FACTOR;
}

export interface MiningReport {
  /** Pairs that passed the thresholds this run. */
  mined: number;
  /** New OPEN suggestions, dismissed ones that came back, ones whose evidence changed, OPEN ones that fell away. */
  opened: number;
  reopened: number;
  updated: number;
  closed: number;
}

/**
 * The writes that bring stored suggestions in line with a run: new pairs open; OPEN and ACCEPTED ones take the
 * new evidence; a DISMISSED one takes it too and reopens once its support reaches reopenSupport; an OPEN one no
 * longer mined goes away (ACCEPTED and DISMISSED ones stay as the record of a decision).
 */
export function suggestionChanges(
  stored: Suggestion[],
  mined: MinedPair[],
  now: string,
): { ops: WriteOp[]; report: MiningReport } {
  const report: MiningReport = { mined: mined.length, opened: 0, reopened: 0, updated: 0, closed: 0 };
  const byKey = new Map(stored.map((s) => [`${s.a}|${s.b}`, s]));
  const ops: WriteOp[] = [];
  const put = (s: Suggestion) =>
    ops.push({
      op: 'upsertEdge',
      edge: { type: 'SUGGESTED_RELATED', from: skill(s.a), to: skill(s.b), props: suggestionProps(s) },
    });
  for (const m of mined) {
    const key = `${m.a}|${m.b}`;
    const prev = byKey.get(key);
    byKey.delete(key);
    if (!prev) {
      report.opened++;
      put({ ...m, status: 'OPEN', minedAt: now });
    } else if (prev.status === 'DISMISSED' && m.support >= reopenSupport(prev)) {
      report.reopened++;
      put({ ...prev, ...m, status: 'OPEN', minedAt: now });
    } else {
      report.updated++;
      put({ ...prev, ...m, minedAt: now });
    }
  }
  for (const s of byKey.values()) {
    if (s.status !== 'OPEN') continue;
    report.closed++;
    ops.push({ op: 'deleteEdge', edge: { type: 'SUGGESTED_RELATED', from: skill(s.a), to: skill(s.b) } });
  }
  return { ops, report };
}

const skill = (id: string) => ({ label: 'Skill' as const, id });
