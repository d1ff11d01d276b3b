/**
 * Offline evaluation: hold out member→job pairs, train on everything else, and rank every
 * job for each member with held-out pairs. Reports Recall@K, MRR and NDCG@K for:
 *   popularity  — jobs by their number of (training) interactions
 *   trending    — jobs by their interactions in the last 14 days before the split
 *   text        — cosine of the member's and the job's text-encoder vectors
 *   graphsage   — dot product of the GraphSAGE embeddings
 *   fused       — the fusion head's member and job vectors (text + graph)
 *   reranked    — the fused top 100 plus the 20 most popular jobs re-ranked by the explainable
 *                 signals with the hand weights (src/matching/rerank.ts)
 *   learned     — the same candidates re-ranked by the learned rankers trained with the run
 *                 (src/matching/ranker.ts; on the validation pairs, never the held-out ones);
 *                 members without interactions get the cold-start one, as in the service
 * The default split is by time (the latest interactions held out, the validation pairs the
 * latest before them), so nothing is learned from the future of what is judged.
 * Cold start: a share of members is held out with all their edges (their profile text stays) and
 * reported separately; their GraphSAGE and fused vectors come from their text alone, as a new
 * member's would. With the time split they are members with pairs after the split, judged on
 * those (as if they arrived at the split); otherwise their interactions are the relevant pairs.
 * Held-out pairs (every interaction type between the two) are removed before the graph is
 * built, so they reach neither message passing nor training nor validation. Works on any
 * data loaded through `import`.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { dotScorer, fuseAll, pairKey, range, rankingMetrics, typeIndex } from '../../gnn/index.ts';
import type { FusionOptions, HeldOut, RankingMetrics, RankingQuery, TrainLog, TrainOptions } from '../../gnn/index.ts';
import { runTraining } from '../embeddings/training.ts';
import type { TrainingRun } from '../embeddings/training.ts';
import { candidateValues, candidatesOf, loadJobProfiles, rankContext } from '../matching/ranker-data.ts';
import type { RankContext } from '../matching/ranker-data.ts';
import { learnedRanker } from '../matching/ranker.ts';
import type { LearnedRankerFile } from '../matching/ranker.ts';
import { SkillCredit, weightedRanker } from '../matching/rerank.ts';
import type { Ranker } from '../matching/rerank.ts';
import { seededRandom } from '../random.ts';
import { nodePages } from '../store/scan.ts';
import { INTERACTION_TYPES } from '../store/types.ts';
import type { GraphStore } from '../store/types.ts';

/** The window of the "trending" baseline: interactions in the last days before the split. */
const TRENDING_DAYS = 14;
import type { TextEncoder } from '../text/types.ts';

export interface EvaluateOptions {
  /** A JSONL file of {memberId, jobId} (the import format) to hold out… */
  holdoutFile?: string;
  /** …or a split made here: random pairs, or the latest interactions by time. */
  split?: 'random' | 'time';
  fraction?: number;
  /** Share of members (with interactions) held out with all their edges; default 0.05. */
  coldFraction?: number;
  k?: number;
  seed?: number;
  train?: Partial<TrainOptions>;
  fusion?: Partial<FusionOptions>;
  log?: (msg: string) => void;
  onTrain?: TrainLog;
}

export interface EvaluationReport {
  k: number;
  holdout: { source: string; pairs: number; unknownPairs: number; members: number };
  methods: Record<string, RankingMetrics>;
  coldStart: { members: number; pairs: number; methods: Record<string, RankingMetrics> };
  training: { epochs: number; bestEpoch: number; ms: number; backend: string };
  candidates: number;
  /** The learned ranker the run fitted (its coefficients and whether it beat the hand weights on validation). */
  ranker: LearnedRankerFile | null;
}

interface Pair {
  memberId: string;
  jobId: string;
  at: string;
}

/** Every member→job pair that has at least one interaction, with its latest time. */
export async function interactionPairs(store: GraphStore): Promise<Pair[]> {
  const latest = new Map<string, Pair>();
  for await (const page of nodePages(store, 'Member', 2000)) {
    const ids = page.map((n) => n.id);
    for (const type of INTERACTION_TYPES) {
      const lists = await store.neighborsMany('Member', ids, type, 'out');
      lists.forEach((list, i) => {
        for (const nb of list) {
          const key = pairKey(ids[i], nb.node.id);
          const at = String(nb.edge.props.at ?? '');
          const prev = latest.get(key);
          if (!prev || prev.at < at) latest.set(key, { memberId: ids[i], jobId: nb.node.id, at });
        }
      });
    }
  }
  return [...latest.values()].sort((a, b) => (a.memberId + a.jobId < b.memberId + b.jobId ? -1 : 1));
}

async function readHoldout(file: string): Promise<Array<{ memberId: string; jobId: string }>> {
  const out: Array<{ memberId: string; jobId: string }> = [];
  let line = 0;
  for await (const text of readline.createInterface({
    input: fs.createReadStream(file, 'utf8'),
    crlfDelay: Infinity,
  })) {
    line++;
    if (!text.trim()) continue;
    let v: { memberId?: unknown; jobId?: unknown };
    try {
      v = JSON.parse(text);
    } catch {
      throw new Error(`${file}:${line}: not valid JSON.`);
    }
    if (typeof v.memberId !== 'string' || typeof v.jobId !== 'string')
      throw new Error(`${file}:${line}: needs memberId and jobId strings.`);
    out.push({ memberId: v.memberId, jobId: v.jobId });
  }
  return out;
}

export async function evaluate(
  store: GraphStore,
  encoder: TextEncoder,
  opts: EvaluateOptions = {},
): Promise<EvaluationReport> {
  const k = opts.k ?? 10;
  const log = opts.log ?? (() => {});
  const pairs = await interactionPairs(store);
  const known = new Set(pairs.map((p) => pairKey(p.memberId, p.jobId)));
  let chosen: Array<{ memberId: string; jobId: string }>;
  let source: string;
  let unknownPairs = 0;
  if (opts.holdoutFile) {
    const listed = await readHoldout(opts.holdoutFile);
    chosen = listed.filter((p) => known.has(pairKey(p.memberId, p.jobId)));
    unknownPairs = listed.length - chosen.length;
    source = opts.holdoutFile;
  } else {
    const fraction = opts.fraction ?? 0.1;
    if (!(fraction > 0 && fraction < 1)) throw new Error('--fraction must be between 0 and 1.');
    if (opts.split === 'time') {
      const byTime = [...pairs].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      chosen = byTime.slice(Math.floor(byTime.length * (1 - fraction)));
      source = `time split: latest ${Math.round(fraction * 100)}%`;
    } else {
      const rand = seededRandom(opts.seed ?? 7);
      chosen = pairs.filter(() => rand() < fraction);
      source = `random split: ${Math.round(fraction * 100)}%`;
    }
  }
  if (chosen.length === 0)
    throw new Error('Nothing to hold out: the store has no member→job interactions matching the hold-out.');
  const coldRand = seededRandom((opts.seed ?? 7) + 100);
  const coldFraction = opts.coldFraction ?? 0.05;
  let cold: Set<string>;
  let coldPairs: Array<{ memberId: string; jobId: string }>;
  let dropped: Array<{ memberId: string; jobId: string }> = [];
  if (opts.split === 'time' && !opts.holdoutFile) {
    // Cold-start members as of the split: a share of the members with held-out pairs lose every edge
    // (as if they arrived at the split) and are judged on their pairs after it, like everyone else;
    // their pairs before it are in neither the graph nor the judging.
    const members = [...new Set(chosen.map((p) => p.memberId))].sort();
    cold = new Set(members.filter(() => coldRand() < coldFraction));
    coldPairs = chosen.filter((p) => cold.has(p.memberId));
    const after = new Set(coldPairs.map((p) => pairKey(p.memberId, p.jobId)));
    dropped = pairs.filter((p) => cold.has(p.memberId) && !after.has(pairKey(p.memberId, p.jobId)));
    chosen = chosen.filter((p) => !cold.has(p.memberId));
  } else {
    // Cold-start members: drawn from members not in the hold-out, all their pairs held out too.
    const chosenMembers = new Set(chosen.map((p) => p.memberId));
    cold = new Set(
      [...new Set(pairs.map((p) => p.memberId))].filter((m) => !chosenMembers.has(m) && coldRand() < coldFraction),
    );
    coldPairs = pairs.filter((p) => cold.has(p.memberId));
  }
  const chosenMembers = new Set(chosen.map((p) => p.memberId));
  const heldOut: HeldOut = new Set([...chosen, ...coldPairs, ...dropped].map((p) => pairKey(p.memberId, p.jobId)));
  log(
    `holding out ${chosen.length} member→job pairs (${source}) and ${cold.size} cold-start members with all their edges (${coldPairs.length} pairs)`,
  );

  const run = await runTraining(store, encoder, {
    validationSplit: opts.split === 'random' ? 'random' : 'time',
    heldOut,
    isolated: cold,
    train: { ...opts.train, seed: opts.seed ?? opts.train?.seed },
    fusion: opts.fusion,
    log,
    onTrain: opts.onTrain,
  });
  const context = await rankContext(store, run.graph);
  // Every job's profile: the re-rankers below score whichever candidates each held-out member gets.
  await loadJobProfiles(context, context.popularOrder);
  const methods = scoreMethods(run, chosen, k, context);
  const coldMethods = scoreMethods(run, coldPairs, k, context);
  const members = chosenMembers.size;
  return {
    k,
    holdout: { source, pairs: chosen.length, unknownPairs, members },
    methods,
    coldStart: { members: cold.size, pairs: coldPairs.length, methods: coldMethods },
    training: {
      epochs: run.result.epochs.length,
      bestEpoch: run.result.bestEpoch,
      ms: run.result.ms,
      backend: run.result.backend,
    },
    candidates: run.graph.start[typeIndex('Job') + 1] - run.graph.start[typeIndex('Job')],
    ranker: run.ranker,
  };
}

/**
 * Every method's metrics on the held-out pairs of a finished run. Cold-start members have no
 * edges in the run's graph, so their GraphSAGE (and fused) vectors come from their text alone.
 * The two re-rankers score the same candidates (ranker-data.ts: fused top 100 plus the 20 most
 * popular jobs); the rest of the jobs stay below them in fused order.
 */
export function scoreMethods(
  run: TrainingRun,
  heldOut: Array<{ memberId: string; jobId: string }>,
  k: number,
  context: RankContext,
): Record<string, RankingMetrics> {
  const g = run.graph;
  const jobT = typeIndex('Job');
  const memberT = typeIndex('Member');
  const jobs = range(g.start[jobT], g.start[jobT + 1]);
  const relevant = new Map<number, Set<number>>();
  for (const p of heldOut) {
    const m = g.index[memberT].get(p.memberId);
    const j = g.index[jobT].get(p.jobId);
    if (m === undefined || j === undefined) continue;
    (relevant.get(m) ?? relevant.set(m, new Set()).get(m)!).add(j);
  }
  const train = new Map<number, Set<number>>();
  const popularity = new Float32Array(g.ids.length);
  const trending = new Float32Array(g.ids.length);
  const recent = context.now - TRENDING_DAYS * 86_400_000;
  const mj = g.pairs.memberJob;
  for (let i = 0; i < mj.length; i += 2) {
    popularity[mj[i + 1]]++;
    if (g.memberJobSince[i / 2] >= recent) trending[mj[i + 1]]++;
    if (relevant.has(mj[i])) (train.get(mj[i]) ?? train.set(mj[i], new Set()).get(mj[i])!).add(mj[i + 1]);
  }
  const queries: RankingQuery[] = [...relevant.entries()].map(([member, rel]) => ({
    member,
    relevant: rel,
    exclude: train.get(member),
  }));
  const d = run.features.dim;
  const fused = fuseAll(run.fusion, g, run.features.data, run.inference.z);
  const fd = run.fusion.outDim;
  const fusedScore = dotScorer(fused, fused, fd, jobs);
  const jobStart = g.start[jobT];
  /** As the service does: the candidates re-scored by the ranker, above the rest in fused order. */
  const reranked =
    (ranker: Ranker, cold: Ranker = ranker) =>
    (member: number, out: Float32Array) => {
      fusedScore(member, out);
      const profile = context.members.get(g.ids[member]);
      if (!profile) return;
      const exclude = train.get(member);
      const credit = new SkillCredit(profile.skills, context.hierarchy);
      const picked = candidatesOf(context, out, exclude && new Set([...exclude].map((j) => j - jobStart)));
      // As the service does: a member without interactions gets the cold-start ranker.
      const use = exclude?.size ? ranker : cold;
      const scores = picked.map((j) => use.score(candidateValues(context, profile, credit, j, out[j])));
      picked.forEach((j, i) => (out[j] = 10 + scores[i]));
    };
  const vectors = (v: Float32Array, dim: number) => dotScorer(v, v, dim, jobs);
  const counts = (c: Float32Array) => (_m: number, out: Float32Array) => jobs.forEach((j, i) => (out[i] = c[j]));
  const learned = run.ranker ? learnedRanker(run.ranker) : null;
  const learnedCold = run.ranker?.cold ? learnedRanker(run.ranker.cold) : weightedRanker();
  return {
    popularity: rankingMetrics(queries, jobs, counts(popularity), k),
    trending: rankingMetrics(queries, jobs, counts(trending), k),
    text: rankingMetrics(queries, jobs, vectors(run.features.data, d), k),
    graphsage: rankingMetrics(queries, jobs, vectors(run.inference.z, run.result.config.outDim), k),
    fused: rankingMetrics(queries, jobs, fusedScore, k),
    reranked: rankingMetrics(queries, jobs, reranked(weightedRanker()), k),
    ...(learned ? { learned: rankingMetrics(queries, jobs, reranked(learned, learnedCold), k) } : {}),
  };
}

/** A side-by-side table of the methods. */
export function formatReport(r: EvaluationReport): string {
  const rows = Object.entries(r.methods).map(
    ([name, m]) => `${name.padEnd(12)} ${fmt(m.recallAtK)}     ${fmt(m.mrr)}   ${fmt(m.ndcgAtK)}   ${m.members}`,
  );
  const coldRows = Object.entries(r.coldStart.methods).map(
    ([name, m]) => `${name.padEnd(12)} ${fmt(m.recallAtK)}     ${fmt(m.mrr)}   ${fmt(m.ndcgAtK)}   ${m.members}`,
  );
  return [
    `held out: ${r.holdout.pairs} member→job pairs of ${r.holdout.members} members (${r.holdout.source})${r.holdout.unknownPairs ? `; ${r.holdout.unknownPairs} listed pairs not in the store were ignored` : ''}`,
    `ranking all ${r.candidates} jobs; training: ${r.training.epochs} epochs (best ${r.training.bestEpoch}), ${(r.training.ms / 1000).toFixed(1)} s on ${r.training.backend}`,
    `method       Recall@${r.k}  MRR     NDCG@${r.k}  members`,
    ...rows,
    rankerLine('learned ranker', r.ranker),
    rankerLine('cold-start ranker', r.ranker?.cold ?? null),
    '',
    `cold start: ${r.coldStart.members} members held out with all their edges (${r.coldStart.pairs} pairs)`,
    `method       Recall@${r.k}  MRR     NDCG@${r.k}  members`,
    ...coldRows,
  ].join('\n');
}

function rankerLine(name: string, f: LearnedRankerFile | null): string {
  if (!f) return `${name}: none`;
  const coefficients = Object.entries(f.coefficients)
    .map(([s, c]) => `${s} ${c.toFixed(2)}`)
    .join(', ');
  const v = f.validation;
  return `${name}: ${coefficients}, intercept ${f.intercept.toFixed(2)}; ${v.adopted ? 'adopted' : 'not adopted'} (validation MRR ${v.learned} vs ${v.weights})`;
}

function fmt(x: number): string {
  return x.toFixed(4);
}
