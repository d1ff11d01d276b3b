/**
 * The built-in text encoder: needs no network and no model download.
 *
 * A text's vector joins two unit-length parts:
 *  - semantic: the SIF-weighted average of pretrained GloVe word vectors (frequent words count
 *    little: weight a / (a + p(w)), p from the word's frequency rank by Zipf's law);
 *  - lexical: signed feature hashing of the character 3- to 5-grams of every word, with the
 *    same weights — so words GloVe does not know ("kubernetes", "pytorch") still count, and
 *    spelling variants land close together.
 * The parts are weighted (SEMANTIC_WEIGHT) and the result L2-normalised.
 */
import crypto from 'node:crypto';
import { GLOVE_DIM, GloveVectors } from './glove.ts';
import { words } from './tokenize.ts';
import type { TextEncoder } from './types.ts';
import { normalize } from '../vectors/math.ts';

export const NGRAM_DIM = 512;
const SIF_A = 1e-3;
/** Share of the semantic part in the final vector (the rest is lexical). */
export const SEMANTIC_WEIGHT = 0.3;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class BuiltinEncoder implements TextEncoder {
  readonly dim = GLOVE_DIM + NGRAM_DIM;
  readonly id: string;
  private readonly logZipf: number;
  private readonly ngramCache = new Map<string, Array<[number, number]>>();

  constructor(readonly glove: GloveVectors) {
    this.logZipf = Math.log(glove.size + 1) + 0.5772;
    this.id = `builtin-glove${GLOVE_DIM}-ngram${NGRAM_DIM}-w${SEMANTIC_WEIGHT}`;
  }

  /** SIF weight of a word: small for frequent words, 1 for words GloVe does not know. */
  weight(word: string): number {
    const r = this.glove.rank(word);
    if (r < 0) return 1;
    const p = 1 / ((r + 1) * this.logZipf);
    return SIF_A / (SIF_A + p);
  }

  /** Hashed (index, sign) pairs of a word's character n-grams, memoised. */
  private ngrams(word: string): Array<[number, number]> {
    let out = this.ngramCache.get(word);
    if (out) return out;
    out = [];
    const w = `<${word}>`;
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= w.length; i++) {
        const h = fnv1a(w.slice(i, i + n));
        out.push([h % NGRAM_DIM, h & 0x80000000 ? -1 : 1]);
      }
    }
    if (this.ngramCache.size > 200_000) this.ngramCache.clear();
    this.ngramCache.set(word, out);
    return out;
  }

  embedOne(text: string): Float32Array {
    const sem = new Float32Array(GLOVE_DIM);
    const lex = new Float32Array(NGRAM_DIM);
    for (const w of words(text)) {
      const weight = this.weight(w);
      const r = this.glove.rank(w);
      if (r >= 0) {
        const v = this.glove.row(r);
        for (let d = 0; d < GLOVE_DIM; d++) sem[d] += weight * v[d];
      }
      const grams = this.ngrams(w);
      const g = weight / Math.sqrt(grams.length || 1);
      for (const [i, sign] of grams) lex[i] += sign * g;
    }
    normalize(sem);
    normalize(lex);
    const out = new Float32Array(this.dim);
    const a = Math.sqrt(SEMANTIC_WEIGHT);
    const b = Math.sqrt(1 - SEMANTIC_WEIGHT);
    for (let d = 0; d < GLOVE_DIM; d++) out[d] = a * sem[d];
    for (let d = 0; d < NGRAM_DIM; d++) out[GLOVE_DIM + d] = b * lex[d];
    return normalize(out);
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embedOne(t));
  }
}

/** Content-hash cache in front of any encoder: the same text is never embedded twice. */
export class CachedEncoder implements TextEncoder {
  private readonly cache = new Map<string, Float32Array>();
  constructor(
    private readonly inner: TextEncoder,
    private readonly maxEntries = 200_000,
  ) {}
  get id() {
    return this.inner.id;
  }
  get dim() {
    return this.inner.dim;
  }
  async embed(texts: string[]): Promise<Float32Array[]> {
    const keys = texts.map((t) => crypto.createHash('sha1').update(t).digest('base64'));
    // Hits are taken before anything is evicted, so a full cache never drops this call's vectors.
    const found = new Map<string, Float32Array>();
    for (const k of keys) {
      const v = this.cache.get(k);
      if (v) found.set(k, v);
    }
    const missing = [...new Set(keys.filter((k) => !found.has(k)))];
    if (missing.length) {
      const firstText = new Map<string, string>();
      keys.forEach((k, i) => firstText.has(k) || firstText.set(k, texts[i]));
      const vecs = await this.inner.embed(missing.map((k) => firstText.get(k)!));
      if (this.cache.size + missing.length > this.maxEntries) this.cache.clear();
      missing.forEach((k, i) => {
        this.cache.set(k, vecs[i]);
        found.set(k, vecs[i]);
      });
    }
    return keys.map((k) => found.get(k)!);
  }
}
