/**
 * Model versions on disk: `<data dir>/models/gnn/<version>/` holds
 *   model.json       config, training options and per-epoch metrics, data stamp, encoder id, and
 *                    the learned second-stage ranker trained with it (opaque here: src/matching reads it)
 *   weights.bin      the parameters, flat float32 (sage.ts: flattenParams order)
 *   embeddings.bin   the embedding of every node at training time (float32, nodes × outDim)
 *   nodes.json       the node ids and types of those rows
 * A version is written into a temporary directory and renamed into place, so a version that
 * is listed is complete ("good"). `active` (a file next to the versions) pins one; without it
 * the newest good version is used.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { GNN_TYPES } from './graph.ts';
import type { GnnGraph } from './graph.ts';
import type { Inference } from './inference.ts';
import { flattenParams, unflattenParams } from './sage.ts';
import { flattenFusion, unflattenFusion } from './fusion.ts';
import type { FusionHead } from './fusion.ts';
import type { SageConfig, SageParams } from './sage.ts';
import type { EpochLog, TrainOptions } from './train.ts';

export interface ModelManifest {
  version: string;
  createdAt: string;
  config: SageConfig;
  options: TrainOptions;
  encoder: string;
  backend: string;
  epochs: EpochLog[];
  bestEpoch: number;
  trainingMs: number;
  /** What it was trained on: the change-feed position and the counts per node type. */
  data: {
    seq: number;
    nodes: Record<string, number>;
    memberJobPairs: number;
    validationPairs: number;
    heldOutPairs: number;
  };
  /** The fusion head stored with this version (fusion.bin). */
  fusion: {
    id: string;
    textDim: number;
    graphDim: number;
    textOut: number;
    outDim: number;
    metrics: FusionHead['metrics'];
  };
  /** sha256 of weights.bin, embeddings.bin and fusion.bin. */
  checksums: Record<string, string>;
  /** The learned ranker trained with it (src/matching/ranker.ts's LearnedRankerFile), or null. */
  ranker?: unknown;
}

/** (text encoder | GNN version | fusion head): what a fused vector depends on, as responses and exports name it. */
export function embeddingVersionOf(m: Pick<ModelManifest, 'encoder' | 'version' | 'fusion'>): string {
  return `${m.encoder}|${m.version}|${m.fusion.id}`;
}

export interface LoadedModel {
  manifest: ModelManifest;
  params: SageParams;
  fusion: FusionHead;
  /** Embeddings at training time, by node type then id. */
  nodes: { ids: string[]; types: Uint8Array };
  embeddings: Float32Array;
  /** The manifest's learned ranker, or null. */
  ranker: unknown;
}

export function modelsDir(dataDir: string): string {
  return path.join(dataDir, 'models', 'gnn');
}

export function newVersionId(now = new Date()): string {
  return `${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-${crypto.randomBytes(3).toString('hex')}`;
}

export function saveModel(
  dataDir: string,
  run: {
    params: SageParams;
    config: SageConfig;
    options: TrainOptions;
    epochs: EpochLog[];
    bestEpoch: number;
    backend: string;
    ms: number;
  },
  graph: GnnGraph,
  inference: Inference,
  fusion: FusionHead,
  extra: { encoder: string; validationPairs: number; heldOutPairs: number; ranker?: object | null },
): ModelManifest {
  const dir = modelsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const version = newVersionId();
  const tmp = path.join(dir, `.tmp-${version}`);
  fs.mkdirSync(tmp);
  const weights = Buffer.from(flattenParams(run.params).buffer);
  const embeddings = Buffer.from(inference.z.buffer, inference.z.byteOffset, inference.z.byteLength);
  writeFileSynced(path.join(tmp, 'weights.bin'), weights);
  writeFileSynced(path.join(tmp, 'embeddings.bin'), embeddings);
  const fusionWeights = Buffer.from(flattenFusion(fusion).buffer);
  writeFileSynced(path.join(tmp, 'fusion.bin'), fusionWeights);
  writeFileSynced(
    path.join(tmp, 'nodes.json'),
    Buffer.from(JSON.stringify({ ids: graph.ids, types: [...graph.type] })),
  );
  const nodes: Record<string, number> = {};
  GNN_TYPES.forEach((t, i) => (nodes[t] = graph.start[i + 1] - graph.start[i]));
  const manifest: ModelManifest = {
    version,
    createdAt: new Date().toISOString(),
    config: run.config,
    options: run.options,
    encoder: extra.encoder,
    backend: run.backend,
    epochs: run.epochs,
    bestEpoch: run.bestEpoch,
    trainingMs: run.ms,
    data: {
      seq: graph.seq,
      nodes,
      memberJobPairs: graph.pairs.memberJob.length / 2,
      validationPairs: extra.validationPairs,
      heldOutPairs: extra.heldOutPairs,
    },
    fusion: {
      id: fusion.id,
      textDim: fusion.textDim,
      graphDim: fusion.graphDim,
      textOut: fusion.textOut,
      outDim: fusion.outDim,
      metrics: fusion.metrics,
    },
    checksums: {
      'weights.bin': sha256(weights),
      'embeddings.bin': sha256(embeddings),
      'fusion.bin': sha256(fusionWeights),
    },
    ranker: extra.ranker ?? null,
  };
  writeFileSynced(path.join(tmp, 'model.json'), Buffer.from(JSON.stringify(manifest, null, 2)));
  fs.renameSync(tmp, path.join(dir, version));
  return manifest;
}

/** Complete versions, newest first. */
export function listModels(dataDir: string): ModelManifest[] {
  const dir = modelsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return (
    fs
      .readdirSync(dir)
      .filter((v) => !v.startsWith('.') && fs.existsSync(path.join(dir, v, 'model.json')))
      .sort()
      .reverse()
      .map((v) => JSON.parse(fs.readFileSync(path.join(dir, v, 'model.json'), 'utf8')) as ModelManifest)
      // Versions written before the fusion head or the per-type aggregation existed cannot be served: not listed.
      .filter((m) => m.fusion !== undefined && m.config.aggregation === 'typed')
  );
}

/** The pinned version, if any. */
export function pinnedVersion(dataDir: string): string | null {
  const file = path.join(modelsDir(dataDir), 'active');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() || null : null;
}

/** Pins a version (null: back to "newest"). Throws when the version does not exist. */
export function pinVersion(dataDir: string, version: string | null): void {
  const file = path.join(modelsDir(dataDir), 'active');
  if (version === null) {
    fs.rmSync(file, { force: true });
    return;
  }
  if (!listModels(dataDir).some((m) => m.version === version))
    throw new Error(`No model version "${version}"; \`skillgraph models\` lists them.`);
  writeFileSynced(file, Buffer.from(version));
}

/** The version to serve: the pinned one, else the newest; null when none was trained. */
export function activeVersion(dataDir: string): string | null {
  return pinnedVersion(dataDir) ?? listModels(dataDir)[0]?.version ?? null;
}

export function loadModel(dataDir: string, version: string): LoadedModel {
  const dir = path.join(modelsDir(dataDir), version);
  if (!fs.existsSync(path.join(dir, 'model.json'))) throw new Error(`No model version "${version}".`);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8')) as ModelManifest;
  const weights = fs.readFileSync(path.join(dir, 'weights.bin'));
  const embeddings = fs.readFileSync(path.join(dir, 'embeddings.bin'));
  const fusion = fs.readFileSync(path.join(dir, 'fusion.bin'));
  for (const [file, buf] of [
    ['weights.bin', weights],
    ['embeddings.bin', embeddings],
    ['fusion.bin', fusion],
  ] as const) {
    if (sha256(buf) !== manifest.checksums[file])
      throw new Error(`${path.join(dir, file)} does not match its checksum: the version is damaged.`);
  }
  const nodes = JSON.parse(fs.readFileSync(path.join(dir, 'nodes.json'), 'utf8')) as { ids: string[]; types: number[] };
  return {
    manifest,
    params: unflattenParams(manifest.config, floats(weights)),
    fusion: unflattenFusion(manifest.fusion, floats(fusion)),
    nodes: { ids: nodes.ids, types: Uint8Array.from(nodes.types) },
    embeddings: floats(embeddings),
    ranker: manifest.ranker ?? null,
  };
}

export function removeModel(dataDir: string, version: string): void {
  if (pinnedVersion(dataDir) === version) throw new Error(`"${version}" is pinned; pin another (or none) first.`);
  const dir = path.join(modelsDir(dataDir), version);
  if (!fs.existsSync(dir)) throw new Error(`No model version "${version}".`);
  fs.rmSync(dir, { recursive: true });
}

/**
 * The training lease: one trainer at a time over a models directory that several replicas (and the CLI) share.
 * `<models>/gnn/.training-lease` holds the owner and an expiry, created exclusively; an expired lease is taken
 * over (a trainer that died). Returns the release function, or null when another owner holds it.
 */
export function takeTrainingLease(home: string, owner: string, ttlMs = 10 * 60_000): (() => void) | null {
  const dir = modelsDir(home);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '.training-lease');
  const write = (flag: 'wx' | 'w') =>
    fs.writeFileSync(file, JSON.stringify({ owner, until: new Date(Date.now() + ttlMs).toISOString() }), { flag });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      write('wx');
      // Renewed while training runs, so a long run keeps it and a dead trainer's lease expires.
      const renew = setInterval(() => write('w'), ttlMs / 3);
      renew.unref();
      return () => {
        clearInterval(renew);
        if (leaseHolder(home)?.owner === owner) fs.rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const held = leaseHolder(home);
      if (held && Date.parse(held.until) > Date.now()) return null;
      fs.rmSync(file, { force: true });
    }
  }
  return null;
}

/** Who holds the training lease and until when, or null. */
export function leaseHolder(home: string): { owner: string; until: string } | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(modelsDir(home), '.training-lease'), 'utf8'));
  } catch {
    return null;
  }
}

function floats(buf: Buffer): Float32Array {
  const copy = new Uint8Array(buf.byteLength);
  copy.set(buf);
  return new Float32Array(copy.buffer);
}

function sha256(buf: Buffer): string {
  return crypto.createHash('sha256').update(buf).digest('hex');
}

function writeFileSynced(file: string, data: Buffer): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
