/** Builds the configured text encoder (cached by content hash). */
import { ROOT } from '../paths.ts';
import path from 'node:path';
import { BuiltinEncoder } from './builtin.ts';
import fs from 'node:fs';
import type { Config } from '../config.ts';
import { CachedEncoder } from './builtin.ts';
import { GloveVectors, commonWordTestFromCache } from './glove.ts';
import { EncoderPool } from './encoder-pool.ts';
import { OnnxEncoder } from './onnx.ts';
import { TransformerUnavailable, openTransformer, uncut } from './transformer.ts';
import type { TransformerName } from './transformer.ts';
import { OpenAIEncoder } from './openai.ts';
import { ProjectedEncoder, loadProjection } from './projection.ts';
import type { TextEncoder } from './types.ts';

/** Share of the base vector when a trained projection is used (tuned on the validation splits). */
export const PROJECTION_BASE_WEIGHT = 0.6;

/** Where `skillgraph train-encoder` writes the trained projection. */
export function projectionFile(dataDir: string): string {
  return path.join(dataDir, 'models', 'projection.bin');
}

/** The built-in encoder with the data dir's trained projection on top, when there is one for it. */
export function withTrainedProjection(
  builtin: BuiltinEncoder,
  dataDir: string,
  warn: (msg: string) => void = () => {},
): TextEncoder {
  const file = projectionFile(dataDir);
  if (!fs.existsSync(file)) return builtin;
  const projection = loadProjection(file);
  if (projection.baseId === builtin.id) return new ProjectedEncoder(builtin, projection, PROJECTION_BASE_WEIGHT);
  warn(`${file} was trained on ${projection.baseId}, not ${builtin.id}: ignored; run skillgraph train-encoder again.`);
  return builtin;
}

/** Default cache for converted model files: node_modules/.cache/skillgraph (shared by every data dir). */
export const DEFAULT_CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'skillgraph');

let shared: { dir: string; glove: GloveVectors } | undefined;

/** The built-in encoder; GloVe vectors are loaded once per process and shared. */
export function openBuiltinEncoder(
  cacheDir = DEFAULT_CACHE_DIR,
  log: (msg: string) => void = (m) => process.stderr.write(m + '\n'),
): BuiltinEncoder {
  if (!shared || shared.dir !== cacheDir) shared = { dir: cacheDir, glove: GloveVectors.load(cacheDir, log) };
  return new BuiltinEncoder(shared.glove);
}

/**
 * The encoder the configuration selects, behind the content-hash cache, and the common-word
 * test the trie tagger uses (always from the built-in GloVe vocabulary). Service and CLI share it.
 */
export async function openConfiguredEncoder(
  config: Pick<Config, 'encoder' | 'cacheDir' | 'dataDir'>,
  log: (level: 'info' | 'warn', msg: string) => void = () => {},
): Promise<Encoders> {
  const isCommonWord = commonWordTestFromCache(config.cacheDir, (m) => log('info', m));
  const c = config.encoder;
  if (c.kind === 'transformer') {
    // The pools opened, closed together by `close` (or when opening the rest fails).
    const pools: EncoderPool[] = [];
    const pooled = (pool: EncoderPool) => {
      pools.push(pool);
      return pool;
    };
    const closePools = async () => {
      await Promise.all(pools.splice(0).map((p) => p.close()));
    };
    try {
      // The teacher serves the bulk paths: in worker threads, one core each (encoder-pool.ts), or in the main
      // thread on every core.
      const teacher =
        c.workers > 0
          ? pooled(EncoderPool.open(c.teacher, config.cacheDir, { workers: c.workers, log: (m) => log('info', m) }))
          : await openTransformer(c.teacher, config.cacheDir, { log: (m) => log('info', m) });
      // The students run on one core per model run: each answers one request at a time, beside others.
      const oneCore = async (name: TransformerName) => {
        // Small batches on one core: less padding, ~15% faster per posting than 32 (measured).
        const opts = { batchSize: 8, log: (m: string) => log('info', m) };
        return c.workers > 0
          ? pooled(EncoderPool.open(name, config.cacheDir, { ...opts, workers: c.workers }))
          : openTransformer(name, config.cacheDir, { ...opts, threads: 1 });
      };
      const student = c.student ? await oneCore(c.student) : teacher;
      const encoder = new CachedEncoder(teacher);
      const fast = student === teacher ? encoder : new CachedEncoder(student);
      // Node features re-fused nearline stay in the batch's space: a cut student's whole model serves them.
      const whole = c.student ? uncut(c.student) : null;
      const nearline = whole && whole !== c.student ? new CachedEncoder(await oneCore(whole)) : fast;
      const start = () => pools.forEach((p) => p.start());
      return { encoder, fast, nearline, isCommonWord, start, close: closePools };
    } catch (err) {
      await closePools();
      if (!(err instanceof TransformerUnavailable)) throw err;
      log(
        'warn',
        `The transformer text encoder is unavailable (${err.message}); serving with the built-in GloVe encoder, ` +
          'which understands text far less well. Install Java 17+ and Maven and restart to get it (fetched once ' +
          'from Maven Central), or set SKILLGRAPH_ENCODER=builtin to choose the built-in one.',
      );
    }
  }
  const encoder = new CachedEncoder(
    c.kind === 'openai'
      ? new OpenAIEncoder(c)
      : c.kind === 'onnx'
        ? await OnnxEncoder.fromDirectory(c.dir)
        : withTrainedProjection(
            openBuiltinEncoder(config.cacheDir, (m) => log('info', m)),
            config.dataDir,
            (m) => log('warn', m),
          ),
  );
  return { encoder, fast: encoder, nearline: encoder, isCommonWord, start: () => {}, close: async () => {} };
}

/**
 * The service's text encoders: `encoder` (the teacher) for throughput paths — skill vectors, bulk
 * import, GNN node features, exports — and `fast` (the student, or the same encoder where there is
 * none) for sentences on latency paths: extraction in single upserts, extractSkills, searchJobs'
 * query. `nearline` embeds a single node's text for the nearline refresher: a GNN input feature, so
 * it must stay in the batch's space — the student uncut where the student is a cut (transformer.ts).
 */
export interface Encoders {
  encoder: TextEncoder;
  fast: TextEncoder;
  nearline: TextEncoder;
  /** Whether a short word is a common English word (the trie tagger's ambiguity test, from GloVe). */
  isCommonWord: (word: string) => boolean;
  /**
   * Starts loading the models of worker-thread encoders in the background (they load on first use otherwise;
   * encoder-pool.ts).
   */
  start(): void;
  /** Stops the encoders' worker threads (encoder-pool.ts); the encoders fail afterwards. */
  close(): Promise<void>;
}
