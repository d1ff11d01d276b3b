/**
 * One training run, end to end: store projection → GNN graph (held-out pairs removed) →
 * text features → validation split → training → inference over the whole graph.
 */
import {
  buildGnnGraph,
  dotScorer,
  forwardAlone,
  fuseAll,
  inferAll,
  pairKey,
  range,
  saveModel,
  trainFusion,
  trainSage,
  typeIndex,
  validationQueries,
} from '../../gnn/index.ts';
import { rankContext, rankerExamples } from '../matching/ranker-data.ts';
import { trainRanker } from '../matching/ranker.ts';
import type { LearnedRankerFile } from '../matching/ranker.ts';
import type {
  FusionHead,
  FusionOptions,
  GnnGraph,
  HeldOut,
  Inference,
  ModelManifest,
  TrainLog,
  TrainOptions,
  TrainResult,
} from '../../gnn/index.ts';
import { seededRandom } from '../random.ts';
import type { GraphStore } from '../store/types.ts';
import type { TextEncoder } from '../text/types.ts';
import { computeFeatures } from './features.ts';
import type { Features } from './features.ts';

export interface RunOptions {
  /** member→job pairs left out of everything (evaluation). */
  heldOut?: HeldOut;
  /** Share of member→job pairs held back from the training graph for early stopping and the ranker. */
  validationFraction?: number;
  /** Which pairs: the latest by first interaction (default; random when no pair has a time), or a random share. */
  validationSplit?: 'random' | 'time';
  train?: Partial<TrainOptions>;
  fusion?: Partial<FusionOptions>;
  /** Members held out with every edge they have (cold start). */
  isolated?: Set<string>;
  log?: (msg: string) => void;
  onTrain?: TrainLog;
}

export interface TrainingRun {
  graph: GnnGraph;
  features: Features;
  result: TrainResult;
  inference: Inference;
  fusion: FusionHead;
  validationPairs: number;
  /** The learned ranker, fitted on the validation pairs (null when there were too few). */
  ranker: LearnedRankerFile | null;
}

export async function runTraining(
  store: GraphStore,
  encoder: TextEncoder,
  opts: RunOptions = {},
): Promise<TrainingRun> {
  const log = opts.log ?? (() => {});
  const heldOut = opts.heldOut ?? new Set<string>();
  const projection = await store.projection();
  const isolated = opts.isolated ?? new Set<string>();
  const graph = buildGnnGraph(projection, heldOut, isolated);
  log(
    `graph: ${graph.ids.length} nodes, ${graph.neighbors.length / 2} edges, ${graph.pairs.memberJob.length / 2} member-job pairs (seq ${graph.seq})`,
  );
  let last = 0;
  const features = await computeFeatures(store, graph, encoder, (done, total) => {
    if (done === total || Date.now() - last > 2000) {
      last = Date.now();
      log(`text features: ${done}/${total}`);
    }
  });
  // Validation: a share of member→job pairs (seeded random, or the latest), removed from the training graph.
  const fraction = opts.validationFraction ?? 0.05;
  const validationKeys = new Set<string>();
  const mj = graph.pairs.memberJob;
  const validation: number[] = [];
  for (const p of validationPairIndexes(
    graph,
    fraction,
    opts.validationSplit ?? 'time',
    (opts.train?.seed ?? 42) + 1,
  )) {
    validation.push(mj[2 * p], mj[2 * p + 1]);
    validationKeys.add(pairKey(graph.ids[mj[2 * p]], graph.ids[mj[2 * p + 1]]));
  }
  const trainGraph = validation.length
    ? buildGnnGraph(projection, new Set([...heldOut, ...validationKeys]), isolated)
    : graph;
  const result = await trainSage(
    trainGraph,
    features.data,
    features.dim,
    Uint32Array.from(validation),
    opts.train,
    opts.onTrain,
  );
  // The fusion head learns on the same split, from graph vectors of the training graph.
  let t0 = Date.now();
  const trainInference =
    trainGraph === graph ? null : await inferAll(result.params, result.config, trainGraph, features.data);
  const inference = await inferAll(result.params, result.config, graph, features.data);
  log(`inference over the graph${trainInference ? ' and the training graph' : ''} (${Date.now() - t0} ms)`);
  t0 = Date.now();
  const alone = await forwardAlone(result.params, result.config, trainGraph, features.data, ['Member', 'Job']);
  log(`members' and jobs' vectors from their text alone (${Date.now() - t0} ms)`);
  const fusion = await trainFusion(
    trainGraph,
    features.data,
    features.dim,
    (trainInference ?? inference).z,
    alone,
    result.config.outDim,
    Uint32Array.from(validation),
    { seed: (opts.train?.seed ?? 42) + 2, ...opts.fusion },
  );
  log(
    `fusion head ${fusion.id}: validation MRR ${fusion.metrics.validation?.mrr.toFixed(4) ?? '-'} (${fusion.metrics.ms} ms)`,
  );
  const ranker = await fitRanker(
    store,
    trainGraph,
    features,
    fusion,
    (trainInference ?? inference).z,
    alone,
    validation,
  );
  for (const [name, r] of [
    ['learned ranker', ranker],
    ['cold-start ranker', ranker?.cold],
  ] as const)
    if (r)
      log(
        `${name} ${r.id}: validation MRR ${r.validation.learned} vs ${r.validation.weights} with the hand weights (${r.validation.adopted ? 'adopted' : 'not adopted'})`,
      );
  return { graph, features, result, inference, fusion, validationPairs: validation.length / 2, ranker };
}

/** Indexes (into pairs.memberJob/2) of the validation pairs: a seeded random share, or the latest. */
function validationPairIndexes(g: GnnGraph, fraction: number, split: 'random' | 'time', seed: number): number[] {
  const n = g.pairs.memberJob.length / 2;
  if (split === 'time' && g.memberJobSince.some((t) => t !== Infinity)) {
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => g.memberJobSince[a] - g.memberJobSince[b] || a - b,
    );
    return order.slice(Math.floor(n * (1 - fraction))).filter((i) => g.memberJobSince[i] !== Infinity);
  }
  const rand = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => i).filter(() => rand() < fraction);
}

/**
 * The learned rankers on the validation pairs, over the training graph's fused vectors (what the GNN
 * saw): one for members with history, and one for cold start — the same members and pairs, each
 * member's vector made from its text alone (`alone`: GraphSAGE without neighbours), as a member
 * without interactions would have it.
 */
async function fitRanker(
  store: GraphStore,
  trainGraph: GnnGraph,
  features: Features,
  fusion: FusionHead,
  graphVectors: Float32Array,
  alone: Float32Array,
  validation: number[],
): Promise<LearnedRankerFile | null> {
  if (validation.length === 0) return null;
  const ctx = await rankContext(store, trainGraph);
  const fused = fuseAll(fusion, trainGraph, features.data, graphVectors);
  const fusedAlone = fuseAll(fusion, trainGraph, features.data, alone);
  const jobT = typeIndex('Job');
  const jobs = range(trainGraph.start[jobT], trainGraph.start[jobT + 1]);
  const scorer = (members: Float32Array) => dotScorer(members, fused, fusion.outDim, jobs);
  const queries = validationQueries(trainGraph, Uint32Array.from(validation), Infinity);
  const warm = trainRanker(await rankerExamples(ctx, queries, scorer(fused)));
  if (!warm) return null;
  return { ...warm, cold: trainRanker(await rankerExamples(ctx, queries, scorer(fusedAlone))) };
}

/**
 * Trains on the whole graph (nothing held out) and saves the result as a new model version:
 * what the service does on a first start and `skillgraph train` does on demand. With the version's manifest
 * comes the run, whose graph, text features and inference over that graph an activation can serve as they are.
 */
export async function trainAndSave(
  store: GraphStore,
  encoder: TextEncoder,
  dataDir: string,
  opts: RunOptions = {},
): Promise<{ manifest: ModelManifest; run: TrainingRun }> {
  const run = await runTraining(store, encoder, opts);
  const manifest = saveModel(dataDir, run.result, run.graph, run.inference, run.fusion, {
    encoder: encoder.id,
    validationPairs: run.validationPairs,
    heldOutPairs: 0,
    ranker: run.ranker,
  });
  return { manifest, run };
}
