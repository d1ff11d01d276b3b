/**
 * The GraphSAGE embeddings the service answers with: one model version at a time (the pinned
 * one, else the newest), run over the current graph at activation (layer-wise batch
 * inference), plus inductive single-node inference for nodes the model never saw.
 * Switching versions builds the new state first and swaps it in whole.
 */
import { computeFeatures } from '../../gnn/features.ts';
import { buildGnnGraph, globalIndex, typeIndex } from '../../gnn/graph.ts';
import type { GnnGraph, GnnType } from '../../gnn/graph.ts';
import { forwardNew, inferAll } from '../../gnn/kernel.ts';
import type { Inference } from '../../gnn/kernel.ts';
import { runTraining } from '../../gnn/pipeline.ts';
import type { TrainOptions } from '../../gnn/train.ts';
import type { FusionOptions } from '../../gnn/fusion.ts';
import { activeVersion, listModels, loadModel, pinVersion, saveModel } from '../../gnn/versions.ts';
import type { ModelManifest } from '../../gnn/versions.ts';
import type { SageConfig, SageParams } from '../../gnn/sage.ts';
import { DomainError } from '../errors.ts';
import { nodeText } from '../marketplace/text.ts';
import type { GraphStore, NodeRecord, NodeRef } from '../store/types.ts';
import type { TextEncoder } from '../text/types.ts';

/** A quick training run for a first start (`npx skillgraph train` trains longer). */
export const START_TRAINING: Partial<TrainOptions> = { epochs: 3, stepsPerEpoch: 20 };
export const START_FUSION: Partial<FusionOptions> = { steps: 100 };

interface Active {
  manifest: ModelManifest;
  params: SageParams;
  config: SageConfig;
  graph: GnnGraph;
  inference: Inference;
}

export class GraphEmbeddings {
  private active: Active | null = null;

  constructor(
    private readonly store: GraphStore,
    private readonly encoder: TextEncoder,
    private readonly dataDir: string,
    private readonly log: (msg: string, fields?: Record<string, unknown>) => void = () => {},
  ) {}

  /** Activates the pinned or newest version; trains one first when none exists and `train` is set. */
  async init(opts: { train: boolean }): Promise<void> {
    let version = activeVersion(this.dataDir);
    if (!version && opts.train && (await this.store.countNodes('Member')) > 0) {
      const t0 = Date.now();
      const run = await runTraining(this.store, this.encoder, { train: START_TRAINING, fusion: START_FUSION });
      const manifest = saveModel(this.dataDir, run.result, run.graph, run.inference, run.fusion, { encoder: this.encoder.id, validationPairs: run.validationPairs, heldOutPairs: 0 });
      this.log('trained a first GraphSAGE model', { version: manifest.version, ms: Date.now() - t0, validation: manifest.epochs[manifest.bestEpoch - 1]?.validation });
      version = manifest.version;
    }
    if (version) await this.activate(version);
  }

  /** Serves `version` from now on (null: the newest), pinning it for restarts. */
  async use(version: string | null): Promise<ModelManifest> {
    const target = version ?? listModels(this.dataDir)[0]?.version;
    if (!target || !listModels(this.dataDir).some((m) => m.version === target)) {
      throw new DomainError('NOT_FOUND', version ? `No model version "${version}"; query models for the list.` : 'No model has been trained yet; run `npx skillgraph train`.');
    }
    await this.activate(target);
    pinVersion(this.dataDir, version);
    return this.active!.manifest;
  }

  private async activate(version: string): Promise<void> {
    const t0 = Date.now();
    const model = loadModel(this.dataDir, version);
    if (model.manifest.encoder !== this.encoder.id) {
      this.log('model version was trained with another text encoder; its input vectors differ', { version, trainedWith: model.manifest.encoder, serving: this.encoder.id });
    }
    const graph = buildGnnGraph(await this.store.projection());
    const features = await computeFeatures(this.store, graph, this.encoder);
    if (features.dim !== model.manifest.config.inputDim) {
      throw new DomainError('UNAVAILABLE', `Model ${version} expects ${model.manifest.config.inputDim}-d text vectors but the encoder gives ${features.dim}-d; train again with this encoder.`);
    }
    const inference = await inferAll(model.params, model.manifest.config, graph, features.data);
    this.active = { manifest: model.manifest, params: model.params, config: model.manifest.config, graph, inference };
    this.log('serving GraphSAGE model', { version, nodes: graph.ids.length, ms: Date.now() - t0 });
  }

  get manifest(): ModelManifest | null {
    return this.active?.manifest ?? null;
  }

  versions(): ModelManifest[] {
    return listModels(this.dataDir);
  }

  /** The embedding of a node as of activation, or null (unknown node, or no model). */
  vectorOf(ref: NodeRef): Float32Array | null {
    const a = this.active;
    if (!a) return null;
    const v = globalIndex(a.graph, ref.label as GnnType, ref.id);
    if (v === undefined) return null;
    const d = a.config.outDim;
    return a.inference.z.subarray(v * d, (v + 1) * d);
  }

  /**
   * Inductive inference for one node from its current text and neighbours (what the model
   * sees for a node added or changed after activation).
   */
  async embed(node: NodeRecord, neighbors: NodeRef[]): Promise<Float32Array> {
    const a = this.active;
    if (!a) throw new DomainError('UNAVAILABLE', 'No GraphSAGE model is loaded; run `npx skillgraph train`.');
    const [x] = await this.encoder.embed([nodeText(node) || node.label]);
    const nbrs = neighbors.map((n) => globalIndex(a.graph, n.label as GnnType, n.id)).filter((v): v is number => v !== undefined);
    return forwardNew(a.params, a.config, a.inference, typeIndex(node.label as GnnType), x, nbrs);
  }
}
