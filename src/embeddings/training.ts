/**
 * One training run, end to end: store projection → GNN graph (held-out pairs removed) →
 * text features → validation split → training → inference over the whole graph.
 */
import { buildGnnGraph, forwardAlone, inferAll, pairKey, saveModel, trainFusion, trainSage } from '../../gnn/index.ts';
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
  /** Share of member→job pairs held back from the training graph for early stopping. */
  validationFraction?: number;
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
  // Validation: a seeded share of member→job pairs, removed from the training graph.
  const rand = seededRandom((opts.train?.seed ?? 42) + 1);
  const fraction = opts.validationFraction ?? 0.05;
  const validationKeys = new Set<string>();
  const mj = graph.pairs.memberJob;
  const validation: number[] = [];
  for (let i = 0; i < mj.length; i += 2) {
    if (rand() < fraction) {
      validation.push(mj[i], mj[i + 1]);
      validationKeys.add(pairKey(graph.ids[mj[i]], graph.ids[mj[i + 1]]));
    }
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
  const trainInference =
    trainGraph === graph ? null : await inferAll(result.params, result.config, trainGraph, features.data);
  const inference = await inferAll(result.params, result.config, graph, features.data);
  const alone = forwardAlone(result.params, result.config, trainGraph, features.data, ['Member', 'Job']);
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
  return { graph, features, result, inference, fusion, validationPairs: validation.length / 2 };
}

/**
 * Trains on the whole graph (nothing held out) and saves the result as a new model version:
 * what the service does on a first start and `skillgraph train` does on demand.
 */
export async function trainAndSave(
  store: GraphStore,
  encoder: TextEncoder,
  dataDir: string,
  opts: RunOptions = {},
): Promise<ModelManifest> {
  const run = await runTraining(store, encoder, opts);
  return saveModel(dataDir, run.result, run.graph, run.inference, run.fusion, {
    encoder: encoder.id,
    validationPairs: run.validationPairs,
    heldOutPairs: 0,
  });
}
