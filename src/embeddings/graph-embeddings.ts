/**
 * The GraphSAGE embeddings the service answers with: one model version at a time (the pinned
 * one, else the newest), run over the current graph at activation (layer-wise batch
 * inference), plus inductive single-node inference for nodes the model never saw.
 * Switching versions builds the new state first and swaps it in whole.
 *
 * What is served is the activation snapshot with the nearline refresh on top: every member and job the
 * refresher recomputed since (refreshNodes: new, changed or deleted) replaces its snapshot row. graphEmbedding,
 * matching (fusedVectors) and exports of the active version (rows) all read that one state, and re-activating
 * the version already served keeps it.
 */
import {
  activeVersion,
  buildGnnGraph,
  embeddingVersionOf,
  forwardNew,
  fuse,
  fuseAll,
  edgeHistory,
  globalIndex,
  gnnEdges,
  inferAll,
  isGnnType,
  leaseHolder,
  listModels,
  loadModel,
  neighborhoodOf,
  pinVersion,
  takeTrainingLease,
  typeIndex,
} from '../../gnn/index.ts';
import type {
  FusionHead,
  FusionOptions,
  GnnGraph,
  GnnType,
  Inference,
  LoadedModel,
  ModelManifest,
  NeighborEdge,
  Neighborhood,
  SageConfig,
  SageParams,
  TrainOptions,
} from '../../gnn/index.ts';
import { DomainError } from '../errors.ts';
import { nodeText } from '../marketplace/text.ts';
import { touchedNodes } from '../nearline/refresher.ts';
import { readNodes } from '../store/scan.ts';
import { nodeKey } from '../store/types.ts';
import type { GraphStore, NodeRecord, NodeRef } from '../store/types.ts';
import { persistentEncoder, textVectorCacheFile } from '../text/vector-cache.ts';
import type { PersistentEncoder } from '../text/vector-cache.ts';
import type { TextEncoder } from '../text/types.ts';
import { computeFeatures } from './features.ts';
import type { Features } from './features.ts';
import { readSnapshotFile, readSnapshotOrigin, writeSnapshotFile } from './snapshot-file.ts';
import type { SnapshotOrigin } from './snapshot-file.ts';
import { trainAndSave } from './training.ts';

/** A quick training run for a first start (`npx skillgraph train` trains longer). */
export const START_TRAINING: Partial<TrainOptions> = { epochs: 3, stepsPerEpoch: 20 };
export const START_FUSION: Partial<FusionOptions> = { steps: 100 };

export interface Snapshot {
  manifest: ModelManifest;
  params: SageParams;
  config: SageConfig;
  graph: GnnGraph;
  inference: Inference;
  fusion: FusionHead;
  /** Fused vectors of every member and job (other rows zero), as of activation. */
  fused: Float32Array;
  /** Text-encoder vectors of every node. */
  features: Features;
  /** The learned ranker trained with the version (ranker.json), or null. */
  ranker: unknown;
}

/** One node's vectors as served. */
export interface ServedRow {
  id: string;
  text: Float32Array;
  graph: Float32Array;
  fused: Float32Array;
}

/** A member's or job's row recomputed since activation (null: deleted since) and the feed position it is at. */
interface FreshRow {
  row: ServedRow | null;
  seq: number;
}

export class GraphEmbeddings {
  private active: Snapshot | null = null;
  /**
   * Members and jobs recomputed nearline since activation: node key → the row (null: deleted since) and the
   * change-feed position of the batch that recomputed it.
   */
  private fresh = new Map<string, FreshRow>();
  /**
   * While another version is being activated: the members and jobs the nearline refresh served meanwhile (with
   * the version being replaced) and the latest position of each, recomputed with the new one once it is in.
   */
  private servedDuringSwitch: Map<string, { ref: NodeRef; seq: number }> | null = null;
  /** The change-feed position the nearline refresh has fully applied (see applied()). */
  private appliedThrough = 0;
  /** The encoder for node features, remembering vectors on disk (restarts re-encode only changed texts). */
  private readonly featureEncoder: PersistentEncoder;

  private readonly encoder: TextEncoder;
  /** Text vectors of single nodes on the latency paths (nearline refresh, matching a new node). */
  private readonly fastEncoder: TextEncoder;

  /**
   * encoders.encoder makes the node features of training and activation; encoders.fast (default:
   * the same) the text vector of a single node re-fused nearline. The two must share one vector
   * space (the student of a teacher, or the same encoder).
   */
  /** Where model versions and the pin live (`<modelHome>/models/gnn`): the data dir, or a directory replicas share. */
  private readonly modelHome: string;
  private following: NodeJS.Timeout | null = null;
  /** The next look at another process's training lease (awaitFirstModel). */
  private awaiting: NodeJS.Timeout | null = null;
  private closed = false;
  /** The switch in progress (use(), follow()'s or a first model's training; see switch()). */
  private switching: Promise<unknown> | null = null;

  /**
   * snapshotFiles: whether an activation reads the snapshot file a previous one wrote (snapshot-file.ts) and
   * writes the one it computes — 'write' (a process that owns the data directory), 'read' (a follower of it),
   * 'off'.
   */
  constructor(
    private readonly store: GraphStore,
    encoders: { encoder: TextEncoder; fast?: TextEncoder },
    private readonly dataDir: string,
    private readonly log: (msg: string, fields?: Record<string, unknown>) => void = () => {},
    modelHome: string = dataDir,
    private readonly snapshotFiles: 'write' | 'read' | 'off' = 'write',
  ) {
    this.encoder = encoders.encoder;
    this.fastEncoder = encoders.fast ?? encoders.encoder;
    this.featureEncoder = persistentEncoder(this.encoder, textVectorCacheFile(dataDir));
    this.modelHome = modelHome;
  }

  close(): void {
    this.closed = true;
    if (this.following) clearInterval(this.following);
    if (this.awaiting) clearTimeout(this.awaiting);
    this.following = null;
    this.featureEncoder.close();
  }

  /**
   * Follows the models directory: when the version it names (the pin, else the newest of this encoder)
   * changes — useModel on another replica, \`skillgraph models use\`, a version trained elsewhere — this
   * process switches to it within intervalMs. Replicas sharing SKILLGRAPH_MODEL_DIR so serve one version.
   */
  follow(intervalMs = 2000): void {
    if (this.following) return;
    let failed: string | null = null;
    this.following = setInterval(() => {
      if (this.switching) return;
      const want = this.wanted();
      if (!want || want === this.active?.manifest.version || want === failed) return;
      this.switch(() => this.activate(want)).catch((err: Error) => {
        // Logged once; tried again when the directory names another version.
        failed = want;
        this.log('could not switch to the shared model version', { want, error: err.message });
      });
    }, intervalMs);
    this.following.unref();
  }

  /** The version the models directory says to serve with this encoder, or null. */
  private wanted(): string | null {
    const version = activeVersion(this.modelHome);
    const models = this.versions();
    if (version && models.find((m) => m.version === version)?.encoder === this.encoder.id) return version;
    return models.find((m) => m.encoder === this.encoder.id)?.version ?? null;
  }

  /**
   * Activates the pinned or newest version trained on this encoder's vectors; trains one first when
   * there is none and `train` is set. A version trained with another encoder is never served (its
   * input vectors live in another space): switching encoders means a new version.
   */
  async init(opts: { train: boolean }): Promise<void> {
    let version = activeVersion(this.modelHome);
    const models = this.versions();
    const trainedWith = models.find((m) => m.version === version)?.encoder;
    if (version && trainedWith !== this.encoder.id) {
      const newest = models.find((m) => m.encoder === this.encoder.id)?.version ?? null;
      this.log('model version was trained with another text encoder: not served', {
        version,
        trainedWith,
        serving: this.encoder.id,
        instead: newest ?? (opts.train ? 'a new version, trained now' : 'none'),
      });
      // The pin moves to this encoder's newest version (or goes, so a version trained now is the newest).
      pinVersion(this.modelHome, newest);
      version = newest;
    }
    const release =
      !version && opts.train && (await this.store.countNodes('Member')) > 0
        ? takeTrainingLease(this.modelHome, `service pid ${process.pid}`)
        : undefined;
    if (release === null) {
      this.log('another process is training the first model; serving it once it is saved', {
        lease: leaseHolder(this.modelHome),
      });
      this.awaitFirstModel();
    }
    if (release) return this.trainFirst(release);
    if (version) await this.activate(version);
  }

  /** Trains the first model (this process holds the training lease: `release` gives it back) and serves it. */
  private async trainFirst(release: () => void): Promise<void> {
    const t0 = Date.now();
    const epochs = START_TRAINING.epochs ?? 1;
    const { manifest, run } = await trainAndSave(this.store, this.featureEncoder, this.modelHome, {
      train: START_TRAINING,
      fusion: START_FUSION,
      // The first start's longest step says what it is doing: each stage, and each epoch with an ETA.
      log: (msg) => this.log(`first model: ${msg}`),
      onTrain: (e) => {
        if (e.kind !== 'epoch') return;
        const spent = Date.now() - t0;
        this.log('first model: epoch', {
          epoch: `${e.log.epoch}/${epochs}`,
          loss: Number(e.log.loss.toFixed(4)),
          validationRecall: e.log.validation ? Number(e.log.validation.recallAtK.toFixed(4)) : null,
          epochMs: e.log.ms,
          etaSeconds: Math.round(((epochs - e.log.epoch) * e.log.ms) / 1000),
          elapsedSeconds: Math.round(spent / 1000),
        });
      },
    }).finally(release);
    this.log('trained a first GraphSAGE model', {
      version: manifest.version,
      ms: Date.now() - t0,
      validation: manifest.epochs[manifest.bestEpoch - 1]?.validation,
    });
    // Served from the run itself: its inference over the graph is what activating the saved files would compute
    // again (the same weights, graph and text features; at 200,000 jobs that took 83 s).
    const model = this.loadModelFor(manifest.version);
    await this.activate(manifest.version, {
      manifest: model.manifest,
      params: model.params,
      config: model.manifest.config,
      graph: run.graph,
      inference: run.inference,
      fusion: model.fusion,
      fused: fuseAll(model.fusion, run.graph, run.features.data, run.inference.z),
      features: run.features,
      ranker: model.ranker,
    });
  }

  /**
   * While another process holds the training lease and no version is saved: looks again when that lease would
   * lapse (at most every 15 s). A lease that lapsed with still no version means its holder stopped (died, or was
   * killed) before saving one: this process takes the lease and trains the first model itself.
   */
  private awaitFirstModel(): void {
    const check = () => {
      this.awaiting = null;
      if (this.closed || this.active || this.wanted()) return;
      const release = takeTrainingLease(this.modelHome, `service pid ${process.pid}`);
      if (release) {
        this.log('the process training the first model stopped before saving it; training it here');
        // As a switch, so follow() does not also activate the version once it is saved.
        this.switch(() => this.trainFirst(release)).catch((err: Error) =>
          this.log('could not train the first model', { error: err.message }),
        );
        return;
      }
      lookAgain();
    };
    const lookAgain = () => {
      const until = Date.parse(leaseHolder(this.modelHome)?.until ?? '');
      const wait = Number.isFinite(until) ? until - Date.now() + 100 : 1000;
      this.awaiting = setTimeout(check, Math.min(15_000, Math.max(100, wait)));
      this.awaiting.unref();
    };
    // init() has just found the lease held.
    lookAgain();
  }

  /** Serves `version` from now on (null: the newest trained with this encoder), pinning it for restarts. */
  async use(version: string | null): Promise<ModelManifest> {
    const models = listModels(this.modelHome);
    const target = version ?? models.find((m) => m.encoder === this.encoder.id)?.version;
    if (!target || !models.some((m) => m.version === target)) {
      throw new DomainError(
        'NOT_FOUND',
        version
          ? `No model version "${version}"; query models for the list.`
          : `No model has been trained with the text encoder ${this.encoder.id} yet; run \`npx skillgraph train\`.`,
      );
    }
    // A switch until the pin names this version: between the swap and the pin follow() would see the old pin
    // and switch this process back.
    return this.switch(async () => {
      // A version of another encoder is refused by snapshot() (CONFLICT) before anything is swapped.
      await this.activate(target);
      pinVersion(this.modelHome, version);
      return this.active!.manifest;
    });
  }

  /** Runs `work` as the switch in progress, after the one before it: follow() stays idle until it is done. */
  private switch<T>(work: () => Promise<T>): Promise<T> {
    const before = this.switching;
    const run = (async () => {
      await before?.catch(() => {});
      return work();
    })().finally(() => {
      if (this.switching === run) this.switching = null;
    });
    this.switching = run;
    return run;
  }

  /** Serves `version`: `trained` when the caller has just computed its snapshot (a first start's training run). */
  private async activate(version: string, trained?: Snapshot): Promise<void> {
    const t0 = Date.now();
    const same = this.active?.manifest.version === version;
    const servedMeanwhile = new Map<string, { ref: NodeRef; seq: number }>();
    if (!same && this.active) this.servedDuringSwitch = servedMeanwhile;
    try {
      await this.swapIn(version, same, t0, trained);
    } finally {
      if (this.servedDuringSwitch === servedMeanwhile) this.servedDuringSwitch = null;
    }
    // Served with the old version while the new one was computed: computed again now.
    if (servedMeanwhile.size > 0) await this.recompute([...servedMeanwhile.values()]);
    for (const l of this.listeners) await l();
  }

  /** activate's first part: the version's snapshot computed (or read, or the training run's) and swapped in. */
  private async swapIn(version: string, same: boolean, t0: number, trained?: Snapshot): Promise<void> {
    // A new version is run over the graph as it is now — or read back from the snapshot file of an earlier
    // activation, when that is of the same model files and store and the nearline refresh can replay the events
    // since (NearlineRefresher.start resumes at the snapshot's position at the latest); the one already served
    // keeps its nearline updates.
    const read = same || trained ? null : await this.readSnapshot(version);
    const active = trained ?? read ?? (await this.snapshot(version));
    if (!same && !read && this.snapshotFiles === 'write') await this.writeSnapshot(active);
    // A switch while serving: what changed after the new snapshot's position is recomputed with it before the
    // swap (the nearline refresh served those members and jobs with the old version, whose rows go with it); what
    // it serves from here to the swap is recomputed after it (activate). At start the nearline refresh replays
    // the events after the snapshot's position itself.
    const caughtUp = !same && this.active ? await this.catchUp(active) : new Map<string, FreshRow>();
    this.active = active;
    if (!same) {
      this.fresh = caughtUp;
      this.appliedThrough = 0;
    }
    this.log('serving GraphSAGE model', {
      version,
      nodes: active.graph.ids.length,
      position: active.graph.seq,
      snapshot: same ? 'kept' : trained ? 'from training' : read ? 'read from its file' : 'computed',
      ...(caughtUp.size ? { caughtUp: caughtUp.size } : {}),
      ms: Date.now() - t0,
    });
  }

  /**
   * Recomputes members and jobs with the active version from the store as it is now: each at the feed's head read
   * first, or the latest of their positions if later (a row is never stamped older than what it replaces).
   */
  private async recompute(items: Array<{ ref: NodeRef; seq: number }>): Promise<void> {
    const head = await this.store.lastSeq();
    const a = this.requireActive();
    const rows = await this.rowsFor(
      items.map((i) => i.ref),
      a,
    );
    const seq = items.reduce((most, i) => Math.max(most, i.seq), head);
    // Switches run one at a time (switch()), so `a` is still served; checked all the same.
    if (this.active !== a) return;
    for (const [i, item] of items.entries()) this.serve(item.ref, rows[i], seq);
  }

  /** Members' and jobs' rows computed with a snapshot from the store as it is now, aligned (null: not found). */
  private async rowsFor(refs: NodeRef[], a: Snapshot): Promise<Array<ServedRow | null>> {
    const nodes = await readNodes(this.store, refs);
    const rows = await this.computeRows(
      nodes.filter((n): n is NodeRecord => n !== null),
      a,
    );
    let k = 0;
    return nodes.map((n) => (n ? rows[k++] : null));
  }

  /**
   * The rows of the members and jobs touched by the change events after a snapshot's position, computed with it
   * from the store as it is now (null: deleted), each at the feed's head read first (the events after it that the
   * nearline refresh serves before the swap are recomputed after it: activate).
   */
  private async catchUp(a: Snapshot): Promise<Map<string, FreshRow>> {
    const head = await this.store.lastSeq();
    const touched = new Map<string, NodeRef & { label: 'Member' | 'Job' }>();
    for (let after = a.graph.seq; after < head;) {
      const events = await this.store.changes(after, 1000);
      if (events.length === 0) break;
      for (const ref of touchedNodes(events)) touched.set(nodeKey(ref), ref);
      after = events[events.length - 1].seq;
    }
    const refs = [...touched.values()];
    const rows = await this.rowsFor(refs, a);
    return new Map(refs.map((ref, i) => [nodeKey(ref), { row: rows[i], seq: head }]));
  }

  /** What a snapshot file must have been computed from to stand for a version's model files. */
  private static modelDigest(m: ModelManifest): string {
    return JSON.stringify([embeddingVersionOf(m), m.checksums]);
  }

  private static eventDigest(e: { at: string; kind: string; node?: NodeRef; edge?: unknown }): string {
    return JSON.stringify([e.at, e.kind, e.node ?? e.edge]);
  }

  /**
   * The version's snapshot as an earlier activation saved it, or null (none, or not usable: logged why). Usable
   * when it was computed with the same model files over this store's graph (the store's event at the snapshot's
   * position is the one the file names) and the store has moved on since by at most half as many events as the
   * snapshot has nodes (replaying more would take longer than running the model again).
   */
  private async readSnapshot(version: string): Promise<Snapshot | null> {
    if (this.snapshotFiles === 'off') return null;
    const origin = readSnapshotOrigin(this.dataDir, version);
    if (!origin) return null;
    const manifest = this.versions().find((m) => m.version === version);
    if (!manifest) return null;
    const [head, trimmed] = await Promise.all([this.store.lastSeq(), this.store.trimmedThrough()]);
    const [event] = origin.seq > trimmed ? await this.store.changes(origin.seq - 1, 1) : [];
    const behind = head - origin.seq;
    const why =
      origin.model !== GraphEmbeddings.modelDigest(manifest)
        ? 'it was computed with other model files'
        : origin.seq > 0 && origin.seq <= trimmed
          ? `the change feed was trimmed past its position (through ${trimmed})`
          : origin.seq > head ||
              (origin.seq > 0 && (event?.seq !== origin.seq || GraphEmbeddings.eventDigest(event) !== origin.event))
            ? 'it was computed over another store'
            : behind > Math.max(1000, origin.nodes / 2)
              ? `the store has moved on by ${behind} change events since (running the model again is quicker)`
              : null;
    if (why) {
      this.log('activation snapshot file not used', { version, position: origin.seq, why });
      return null;
    }
    try {
      const model = this.loadModelFor(version);
      const { parts } = readSnapshotFile(this.dataDir, version);
      return {
        manifest: model.manifest,
        params: model.params,
        config: model.manifest.config,
        graph: parts.graph,
        inference: parts.inference,
        fusion: model.fusion,
        fused: parts.fused,
        features: { dim: model.manifest.config.inputDim, data: parts.features, encoder: model.manifest.encoder },
        ranker: model.ranker,
      };
    } catch (err) {
      this.log('activation snapshot file not used', { version, why: (err as Error).message });
      return null;
    }
  }

  /** Saves a computed snapshot for the next activation (a failure is logged, never fatal: it is a cache). */
  private async writeSnapshot(s: Snapshot): Promise<void> {
    const t0 = Date.now();
    try {
      const [event] = s.graph.seq > 0 ? await this.store.changes(s.graph.seq - 1, 1) : [];
      const origin: SnapshotOrigin = {
        version: s.manifest.version,
        model: GraphEmbeddings.modelDigest(s.manifest),
        seq: s.graph.seq,
        event: event?.seq === s.graph.seq ? GraphEmbeddings.eventDigest(event) : null,
      };
      // Without its event the file could not be told from another store's: not written.
      if (s.graph.seq > 0 && origin.event === null) return;
      await writeSnapshotFile(this.dataDir, origin, {
        graph: s.graph,
        features: s.features.data,
        inference: s.inference,
        fused: s.fused,
      });
      this.log('saved the activation snapshot', { version: origin.version, position: origin.seq, ms: Date.now() - t0 });
    } catch (err) {
      this.log('could not save the activation snapshot', {
        version: s.manifest.version,
        error: (err as Error).message,
      });
    }
  }

  private loadModelFor(version: string): LoadedModel {
    const model = loadModel(this.modelHome, version);
    if (model.manifest.encoder !== this.encoder.id)
      throw new DomainError(
        'CONFLICT',
        `Model version ${version} was trained on ${model.manifest.encoder} vectors, not on ${this.encoder.id}'s; ` +
          'train a version with this encoder (`npx skillgraph train`).',
      );
    return model;
  }

  /**
   * A version run over the current graph: text features, GraphSAGE vectors and fused vectors of
   * every node, all from one projection (one change-feed position). Activation serves one;
   * exports write one — never a mix of versions or positions.
   */
  async snapshot(version: string): Promise<Snapshot> {
    if (this.active?.manifest.version === version) return this.active;
    const model = this.loadModelFor(version);
    const graph = buildGnnGraph(await this.store.projection());
    const features = await computeFeatures(this.store, graph, this.featureEncoder);
    if (features.dim !== model.manifest.config.inputDim) {
      throw new DomainError(
        'UNAVAILABLE',
        `Model ${version} expects ${model.manifest.config.inputDim}-d text vectors but the encoder gives ${features.dim}-d; train again with this encoder.`,
      );
    }
    const inference = await inferAll(model.params, model.manifest.config, graph, features.data);
    const fused = fuseAll(model.fusion, graph, features.data, inference.z);
    return {
      manifest: model.manifest,
      params: model.params,
      config: model.manifest.config,
      graph,
      inference,
      fusion: model.fusion,
      fused,
      features,
      ranker: model.ranker,
    };
  }

  private readonly listeners: Array<() => void | Promise<void>> = [];

  /** Called after every activation (a new version, or a re-run over the current graph). */
  onActivate(listener: () => void | Promise<void>): void {
    this.listeners.push(listener);
  }

  /** (text encoder | GNN version | fusion head) of the active model, or null. */
  get embeddingVersion(): string | null {
    return this.active ? embeddingVersionOf(this.active.manifest) : null;
  }

  get fusedDim(): number {
    return this.active?.fusion.outDim ?? 0;
  }

  /** Every served member's, job's or skill's fused vector (see the module comment). */
  *fusedVectors(label: 'Member' | 'Job' | 'Skill'): Generator<{ id: string; vector: Float32Array }> {
    if (!this.active) return;
    for (const r of this.rows(this.active, label).rows()) yield { id: r.id, vector: r.fused };
  }

  /**
   * A snapshot's rows of one node type: for the active version, as served (the nearline updates as of this
   * call, so a long reader such as an export sees one state), for another, as computed. Snapshot order, then
   * nodes added since activation by id.
   */
  rows(s: Snapshot, label: GnnType): { count: number; rows: () => Generator<ServedRow> } {
    const overlay = new Map(s === this.active ? [...this.fresh].map(([key, f]) => [key, f.row] as const) : []);
    const t = typeIndex(label);
    const g = s.graph;
    const [tDim, gDim, fDim] = [s.features.dim, s.config.outDim, s.fusion.outDim];
    const added = [...overlay.entries()]
      .filter(([key, row]) => row && key.startsWith(`${label}/`) && globalIndex(g, label, row.id) === undefined)
      .map(([, row]) => row!)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    let count = added.length;
    for (let v = g.start[t]; v < g.start[t + 1]; v++) if (overlay.get(`${label}/${g.ids[v]}`) !== null) count++;
    return {
      count,
      *rows() {
        for (let v = g.start[t]; v < g.start[t + 1]; v++) {
          const id = g.ids[v];
          const row = overlay.get(`${label}/${id}`);
          if (row === null) continue;
          yield (
            row ?? {
              id,
              text: s.features.data.subarray(v * tDim, (v + 1) * tDim),
              graph: s.inference.z.subarray(v * gDim, (v + 1) * gDim),
              fused: s.fused.subarray(v * fDim, (v + 1) * fDim),
            }
          );
        }
        yield* added;
      },
    };
  }

  /**
   * The position of the served state: every change-feed event up to it is in (the activation snapshot's
   * position, or the nearline refresh's, whichever is later).
   */
  get servedPosition(): number {
    return Math.max(this.active?.graph.seq ?? 0, this.appliedThrough);
  }

  /**
   * What changed in the served state of one node type after `since` (a servedPosition of the active
   * version, at or after its activation): the rows recomputed since, and the ids deleted since. Rows may
   * repeat ones the base already had (a batch spanning `since`); applying them again changes nothing.
   */
  changedSince(label: GnnType, since: number): { rows: ServedRow[]; deleted: string[] } {
    const a = this.requireActive();
    if (since < a.graph.seq)
      throw new DomainError(
        'CONFLICT',
        `The served state of ${a.manifest.version} starts at change-feed position ${a.graph.seq} (its activation); ` +
          `position ${since} is before it: run a full export.`,
      );
    const rows: ServedRow[] = [];
    const deleted: string[] = [];
    for (const [key, f] of this.fresh) {
      if (f.seq <= since || !key.startsWith(`${label}/`)) continue;
      if (f.row) rows.push(f.row);
      else deleted.push(key.slice(label.length + 1));
    }
    rows.sort((x, y) => (x.id < y.id ? -1 : 1));
    return { rows, deleted: deleted.sort() };
  }

  /**
   * Recomputes members' and jobs' vectors from the store (fuseNode's, their reads and encoding batched) and
   * serves them from now on: in graphEmbedding, fusedVectors and exports of the active version. `seq`: the
   * change-feed position of the refresh (its batch's last event). Returns the fused vectors.
   */
  async refreshNodes(nodes: NodeRecord[], seq: number): Promise<Float32Array[]> {
    for (;;) {
      const a = this.requireActive();
      const rows = await this.computeRows(nodes, a);
      // Another version was swapped in meanwhile: computed again with it (the vectors go to its indexes).
      if (this.active !== a) continue;
      for (const [i, row] of rows.entries()) this.serve(nodes[i], row, seq);
      return rows.map((row) => row.fused);
    }
  }

  /** Serves a row computed elsewhere (another replica's nearline refresh, through Kafka) as refreshNodes would. */
  serveRow(ref: NodeRef, row: ServedRow, seq: number): void {
    if (this.active) this.serve(ref, row, seq);
  }

  /** Serves a member's or job's nearline row (null: deleted), noting it while a switch of versions is under way. */
  private serve(ref: NodeRef, row: ServedRow | null, seq: number): void {
    const key = nodeKey(ref);
    this.fresh.set(key, { row, seq });
    const meanwhile = this.servedDuringSwitch;
    if (meanwhile)
      meanwhile.set(key, { ref: { label: ref.label, id: ref.id }, seq: Math.max(seq, meanwhile.get(key)?.seq ?? 0) });
  }

  /**
   * Members' and jobs' vectors from their current text and neighbours in the store (fuseNode's, all three), and
   * the version that computed them (the active one when the call began: a switch meanwhile does not mix them).
   */
  async rowsOf(nodes: NodeRecord[]): Promise<{ version: string; rows: ServedRow[] }> {
    const a = this.requireActive();
    return { version: a.manifest.version, rows: await this.computeRows(nodes, a) };
  }

  /** The change-feed position of the nearline row served for a member or job (0: its snapshot row). */
  servedSeq(ref: NodeRef): number {
    return this.fresh.get(nodeKey(ref))?.seq ?? 0;
  }

  /** The nearline row served for a member or job and its position (undefined: its snapshot row). */
  freshRow(ref: NodeRef): FreshRow | undefined {
    return this.fresh.get(nodeKey(ref));
  }

  /** The change-feed position the active version's snapshot was taken at (0 when none is active). */
  get activationPosition(): number {
    return this.active?.graph.seq ?? 0;
  }

  /** A member or job deleted since activation: no longer served. */
  forget(ref: NodeRef, seq: number): void {
    if (this.active) this.serve(ref, null, seq);
  }

  /** The nearline refresh has applied every event up to `seq` (called after each of its batches). */
  applied(seq: number): void {
    this.appliedThrough = Math.max(this.appliedThrough, seq);
  }

  /**
   * The fused vector of a member or job from its current text and its current neighbours in the
   * store (inductive; the neighbourhood is gnnEdges', the same rule batch inference follows). A
   * node without neighbours (cold start) gets GraphSAGE's vector from its text alone.
   */
  async fuseNode(node: NodeRecord): Promise<Float32Array> {
    return (await this.computeRows([node], this.requireActive()))[0].fused;
  }

  /** Each node's row from its text and its neighbourhood in the store, all read and encoded in one go. */
  private async computeRows(nodes: NodeRecord[], a: Snapshot): Promise<ServedRow[]> {
    for (const node of nodes)
      if (node.label !== 'Member' && node.label !== 'Job')
        throw new Error(`fuseNode takes a member or a job, not a ${node.label}`);
    if (nodes.length === 0) return [];
    const [hoods, xs] = await Promise.all([
      this.neighborhoods(a.graph, nodes as Array<NodeRecord & { label: GnnType }>),
      this.fastEncoder.embed(nodes.map((node) => nodeText(node) || node.label)),
    ]);
    return nodes.map((node, i) => {
      const label = node.label as GnnType;
      const g = forwardNew(a.params, a.config, a.inference, a.graph.type, typeIndex(label), xs[i], hoods[i]);
      return {
        id: node.id,
        text: xs[i],
        graph: g,
        fused: fuse(a.fusion, label === 'Member' ? 'member' : 'job', xs[i], g),
      };
    });
  }

  /**
   * The nodes' neighbourhoods as GraphSAGE aggregates them (neighborhood.ts), read from the store: one read
   * per node type and edge type for all the nodes at once (over Neo4j each read is a round trip).
   */
  private async neighborhoods(graph: GnnGraph, nodes: Array<NodeRef & { label: GnnType }>): Promise<Neighborhood[]> {
    const edges: NeighborEdge[][] = nodes.map(() => []);
    await Promise.all(
      (['Member', 'Job'] as const).map(async (label) => {
        const at = nodes.flatMap((n, i) => (n.label === label ? [i] : []));
        if (at.length === 0) return;
        const ids = at.map((i) => nodes[i].id);
        const types = gnnEdges(label);
        const lists = await Promise.all(
          types.map((e) => this.store.neighborLinksMany(label, ids, e.type, e.direction)),
        );
        // Per node: edge types in gnnEdges' order, each type's neighbours in the store's order.
        for (const [k, e] of types.entries()) {
          for (const [j, list] of lists[k].entries()) {
            for (const n of list) {
              if (!isGnnType(n.node.label)) continue;
              const other = globalIndex(graph, n.node.label, n.node.id);
              if (other === undefined) continue;
              edges[at[j]].push({ other, type: e.type, ...edgeHistory(e.type, n.edge.props) });
            }
          }
        }
      }),
    );
    return edges.map((list) => neighborhoodOf(list, (v) => graph.type[v]));
  }

  /** A free-text query as a job-side vector (a job with no edges yet): what a wanted job would look like. */
  async fuseQuery(text: string): Promise<Float32Array> {
    const a = this.requireActive();
    const [x] = await this.encoder.embed([text]);
    const alone = { nbrs: new Uint32Array(0), weight: new Float32Array(0) };
    return fuse(
      a.fusion,
      'job',
      x,
      forwardNew(a.params, a.config, a.inference, a.graph.type, typeIndex('Job'), x, alone),
    );
  }

  private requireActive(): Snapshot {
    if (!this.active)
      throw new DomainError(
        'UNAVAILABLE',
        'No GraphSAGE model is loaded; run `npx skillgraph train` (or start with SKILLGRAPH_TRAIN_ON_START=true).',
      );
    return this.active;
  }

  /** The snapshot served now (exports compare against it), or null. */
  get activeSnapshot(): Snapshot | null {
    return this.active;
  }

  get manifest(): ModelManifest | null {
    return this.active?.manifest ?? null;
  }

  /** The active version's graph as of activation (its ids and member→job pairs), or null. */
  get graph(): GnnGraph | null {
    return this.active?.graph ?? null;
  }

  /** The learned ranker file trained with the active version, or null. */
  get rankerFile(): unknown {
    return this.active?.ranker ?? null;
  }

  versions(): ModelManifest[] {
    return listModels(this.modelHome);
  }

  /** The served GraphSAGE embedding of a node, or null (unknown or deleted node, or no model). */
  vectorOf(ref: NodeRef): Float32Array | null {
    const a = this.active;
    if (!a) return null;
    const fresh = this.fresh.get(nodeKey(ref));
    if (fresh !== undefined) return fresh.row?.graph ?? null;
    const v = globalIndex(a.graph, ref.label as GnnType, ref.id);
    if (v === undefined) return null;
    const d = a.config.outDim;
    return a.inference.z.subarray(v * d, (v + 1) * d);
  }
}
