/**
 * What the learned ranker trains and is judged on, from a GNN graph and its fused vectors:
 * every member's profile and the profiles of the jobs it needs (popularity from the graph's member→job
 * pairs), the skill hierarchy, the candidates of a member (fused top CANDIDATE_DEPTH plus the most popular jobs,
 * minus the jobs it already has), and the signal values of each candidate. Training
 * (src/embeddings/training.ts) and evaluation (src/evaluation) both go through here, so they
 * rank the same candidates the same way.
 */
import { typeIndex } from '../../gnn/index.ts';
import type { GnnGraph } from '../../gnn/index.ts';
import type { GraphStore, NodeRecord } from '../store/types.ts';
import { SkillHierarchy, emptyJobProfile, jobProfiles, memberProfiles } from './profile.ts';
import type { MemberProfile } from './profile.ts';
import { CANDIDATE_DEPTH, POPULAR_CANDIDATES, popularityScale } from './ranker.ts';
import type { RankerExample } from './ranker.ts';
import { PackedJob, SkillCredit, signalValues } from './rerank.ts';

export interface RankContext {
  graph: GnnGraph;
  members: Map<string, MemberProfile>;
  /**
   * The profiles of the jobs loaded so far (`loadJobProfiles`), packed under `hierarchy`, by offset into the
   * graph's job index range: training loads only its candidates' (a million jobs' profiles would be ~1–2 GB for
   * ~50,000 read).
   */
  jobs: Map<number, PackedJob>;
  hierarchy: SkillHierarchy;
  /** Jobs (offsets into the job range) by training interactions, most first. */
  popularOrder: Uint32Array;
  /** The time freshness is measured at (epoch ms): the graph's latest interaction. */
  now: number;
  /** A job's popularity signal, by offset. */
  popularity: (job: number) => number;
  store: GraphStore;
}

/** Distinct members that interacted with each job of g (offsets into the job range). */
export function interactionCounts(g: GnnGraph): Uint32Array {
  const jobT = typeIndex('Job');
  const counts = new Uint32Array(g.start[jobT + 1] - g.start[jobT]);
  const mj = g.pairs.memberJob;
  for (let i = 1; i < mj.length; i += 2) counts[mj[i] - g.start[jobT]]++;
  return counts;
}

/** Every member's profile, the hierarchy and the jobs' popularity; no job profile yet (`loadJobProfiles`). */
export async function rankContext(store: GraphStore, g: GnnGraph): Promise<RankContext> {
  const memberT = typeIndex('Member');
  const counts = interactionCounts(g);
  const scale = popularityScale(counts);
  const members = new Map<string, MemberProfile>();
  const memberIds = g.ids.slice(g.start[memberT], g.start[memberT + 1]);
  for (let i = 0; i < memberIds.length; i += 2000) {
    const nodes = (await store.getNodes('Member', memberIds.slice(i, i + 2000))).filter(
      (n): n is NodeRecord => n !== null,
    );
    for (const p of await memberProfiles(store, nodes)) members.set(p.id, p);
  }
  let now = -Infinity;
  for (const t of g.memberJobSince) if (t !== Infinity && t > now) now = t;
  const popularOrder = Uint32Array.from(counts.keys()).sort((a, b) => counts[b] - counts[a] || a - b);
  return {
    graph: g,
    members,
    jobs: new Map(),
    hierarchy: SkillHierarchy.fromProjection(await store.projection()),
    popularOrder,
    now: Number.isFinite(now) ? now : Date.now(),
    popularity: (job) => scale(counts[job]),
    store,
  };
}

/** Loads the profiles of these jobs (offsets into the job range) that the context does not have yet. */
export async function loadJobProfiles(ctx: RankContext, offsets: Iterable<number>): Promise<void> {
  const g = ctx.graph;
  const jobStart = g.start[typeIndex('Job')];
  const missing = [...new Set(offsets)].filter((j) => !ctx.jobs.has(j)).sort((a, b) => a - b);
  for (let i = 0; i < missing.length; i += 2000) {
    const piece = missing.slice(i, i + 2000);
    const ids = piece.map((j) => g.ids[jobStart + j]);
    const offsetOf = new Map(piece.map((j, k) => [ids[k], j]));
    const nodes = (await ctx.store.getNodes('Job', ids)).filter((n): n is NodeRecord => n !== null);
    const byId = new Map(
      (await jobProfiles(ctx.store, nodes, (id) => ctx.popularity(offsetOf.get(id)!))).map((p) => [p.id, p]),
    );
    // A job the store lost meanwhile gets an empty profile.
    piece.forEach((j, k) => ctx.jobs.set(j, new PackedJob(byId.get(ids[k]) ?? emptyJobProfile(ids[k]), ctx.hierarchy)));
  }
}

/**
 * A member's candidates (job offsets): the fused top CANDIDATE_DEPTH by `scores` (one per job) and
 * the POPULAR_CANDIDATES most popular, leaving out `exclude` (offsets).
 */
export function candidatesOf(ctx: RankContext, scores: Float32Array, exclude?: Set<number>): number[] {
  const keep = (j: number) => !exclude?.has(j);
  const top = topScores(scores, CANDIDATE_DEPTH, keep);
  const seen = new Set(top);
  let added = 0;
  for (const j of ctx.popularOrder) {
    if (added === POPULAR_CANDIDATES) break;
    if (!keep(j) || seen.has(j)) continue;
    top.push(j);
    seen.add(j);
    added++;
  }
  return top;
}

/** A member's signal values for a candidate job (offset), with the fused similarity `cosine`. */
export function candidateValues(
  ctx: RankContext,
  member: MemberProfile,
  credit: SkillCredit,
  job: number,
  cosine: number,
): Float64Array {
  const profile = ctx.jobs.get(job);
  if (!profile) throw new Error(`job ${job}'s profile is not loaded (loadJobProfiles)`);
  return signalValues(member, profile, cosine, credit, ctx.now);
}

/**
 * Training examples: for each query member (global index) with its relevant jobs (global indexes),
 * every candidate, labelled 1 when relevant. `score(member, out)` writes the fused similarity of every job.
 * The candidates are chosen first, then only their jobs' profiles are loaded.
 */
export async function rankerExamples(
  ctx: RankContext,
  queries: Array<{ member: number; relevant: Set<number>; exclude?: Set<number> }>,
  score: (member: number, out: Float32Array) => void,
): Promise<RankerExample[]> {
  const g = ctx.graph;
  const jobT = typeIndex('Job');
  const jobStart = g.start[jobT];
  const out = new Float32Array(g.start[jobT + 1] - jobStart);
  const picked: Array<{
    member: number;
    profile: MemberProfile;
    relevant: Set<number>;
    jobs: number[];
    cosines: number[];
  }> = [];
  for (const q of queries) {
    const profile = ctx.members.get(g.ids[q.member]);
    if (!profile) continue;
    score(q.member, out);
    const exclude = q.exclude && new Set([...q.exclude].map((j) => j - jobStart));
    const jobs = candidatesOf(ctx, out, exclude);
    picked.push({ member: q.member, profile, relevant: q.relevant, jobs, cosines: jobs.map((j) => out[j]) });
  }
  await loadJobProfiles(
    ctx,
    picked.flatMap((p) => p.jobs),
  );
  const examples: RankerExample[] = [];
  for (const p of picked) {
    const credit = new SkillCredit(p.profile.skills, ctx.hierarchy);
    p.jobs.forEach((j, k) =>
      examples.push({
        values: candidateValues(ctx, p.profile, credit, j, p.cosines[k]),
        label: p.relevant.has(jobStart + j) ? 1 : 0,
        group: p.member,
      }),
    );
  }
  return examples;
}

/**
 * The `k` best indexes of `scores` that `keep` accepts, best first, ties to the lower index: one pass that
 * keeps a sorted list of k (a full sort per member made a ranker fit over 50,000 jobs take a minute).
 */
export function topScores(scores: Float32Array, k: number, keep: (i: number) => boolean): number[] {
  const top: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (top.length === k && !(s > scores[top[k - 1]])) continue;
    if (!keep(i)) continue;
    // After every kept index with a score at least s (they are lower indexes): ties stay in index order.
    let at = top.length;
    while (at > 0 && scores[top[at - 1]] < s) at--;
    top.splice(at, 0, i);
    if (top.length > k) top.pop();
  }
  return top;
}
