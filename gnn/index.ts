/**
 * The GNN's public surface: everything outside gnn/ imports from here (src/embeddings serves
 * it, src/evaluation measures it, exports and the API read versions through src/embeddings).
 *
 * gnn/ is the model over arrays: the graph it sees (graph.ts: CSR built from the store's
 * projection, the one neighbourhood rule), neighbour sampling, GraphSAGE layers (sage.ts),
 * link-prediction training, batch and single-node inference, the fusion head, model versions
 * on disk and ranking metrics. It never reads the store; it depends only on the store's types,
 * src/vectors, src/random and src/workers (worker threads for training).
 */
export {
  GNN_TYPES,
  buildGnnGraph,
  globalIndex,
  gnnEdges,
  isGnnType,
  neighborhoodIn,
  pairKey,
  typeIndex,
} from './graph.ts';
export type { GnnGraph, GnnType, HeldOut } from './graph.ts';
export { edgeHistory, neighborhoodOf, RECENCY_HALF_LIFE_DAYS, RELATION_WEIGHTS } from './neighborhood.ts';
export type { NeighborEdge, Neighborhood } from './neighborhood.ts';
export { forwardAlone, forwardNew, forwardNode, inferAll } from './inference.ts';
export type { Inference } from './inference.ts';
export { DEFAULT_TRAIN_OPTIONS, range, trainSage, validationJobs, validationQueries } from './train.ts';
export type { EpochLog, TrainLog, TrainOptions, TrainResult } from './train.ts';
export { DEFAULT_FUSION_OPTIONS, fuse, fuseAll, fuseRows, trainFusion } from './fusion.ts';
export type { FusionHead, FusionOptions } from './fusion.ts';
export { layerCount } from './sage.ts';
export type { SageConfig, SageParams } from './sage.ts';
export {
  activeVersion,
  embeddingVersionOf,
  listModels,
  loadModel,
  leaseHolder,
  modelsDir,
  pinVersion,
  removeModel,
  takeTrainingLease,
  saveModel,
} from './versions.ts';
export type { LoadedModel, ModelManifest } from './versions.ts';
export { dotScorer, rankingMetrics } from './metrics.ts';
export type { RankingMetrics, RankingQuery } from './metrics.ts';
