/**
 * A label index: the trie tagger and the semantic tagger over one set of skills, and the
 * ranking that combines them. Used by the extraction pipeline (over the taxonomy) and by the
 * evaluation (over the 13,896 ESCO labels).
 *
 * Semantic tagger: the text's vector against every skill vector, exhaustively (a skill's
 * vector is its label's, nudged by the mean of its aliases'). Combined ranking: skills the
 * trie found come first (longer matches first), then the rest by semantic score.
 */
import { GloveVectors } from '../text/glove.ts';
import type { TextEncoder } from '../text/types.ts';
import { l2normalize } from '../text/types.ts';
import { SkillTrie } from './trie.ts';

export interface LabelItem {
  id: string;
  label: string;
  aliases: string[];
}

export interface LabelIndex {
  encoder: TextEncoder;
  trie: SkillTrie;
  ids: string[];
  /** Row-major [ids.length × dim] unit vectors. */
  matrix: Float32Array;
}

/** Share of a skill's vector that comes from its aliases (the rest from its label). */
export const ALIAS_WEIGHT = 0.35;

/** Common English words: the 3,000 most frequent GloVe words. */
export function commonWordTest(glove: GloveVectors): (w: string) => boolean {
  return (w) => {
    const r = glove.rank(w);
    return r >= 0 && r < 3000;
  };
}

export async function skillVector(encoder: TextEncoder, item: LabelItem): Promise<Float32Array> {
  const [label, ...aliases] = await encoder.embed([item.label, ...item.aliases.slice(0, 20)]);
  const v = new Float32Array(encoder.dim);
  for (let d = 0; d < v.length; d++) v[d] = label[d] * (aliases.length ? 1 - ALIAS_WEIGHT : 1);
  for (const a of aliases) for (let d = 0; d < v.length; d++) v[d] += (ALIAS_WEIGHT / aliases.length) * a[d];
  return l2normalize(v);
}

export async function buildLabelIndex(encoder: TextEncoder & { glove?: GloveVectors }, items: LabelItem[], isCommonWord?: (w: string) => boolean): Promise<LabelIndex> {
  const trie = new SkillTrie({ isCommonWord: isCommonWord ?? (encoder.glove ? commonWordTest(encoder.glove) : () => false) });
  const matrix = new Float32Array(items.length * encoder.dim);
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    trie.upsert(it.id, [{ name: it.label, isLabel: true }, ...it.aliases.map((a) => ({ name: a, isLabel: false }))]);
    matrix.set(await skillVector(encoder, it), i * encoder.dim);
  }
  return { encoder, trie, ids: items.map((i) => i.id), matrix };
}

/** Cosine of the query with every row, in one pass. */
export function scores(index: LabelIndex, q: Float32Array): Float32Array {
  const dim = index.encoder.dim;
  const out = new Float32Array(index.ids.length);
  const m = index.matrix;
  for (let r = 0, off = 0; r < out.length; r++, off += dim) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += m[off + d] * q[d];
    out[r] = s;
  }
  return out;
}

export interface Ranking {
  trie: string[];
  semantic: string[];
  combined: string[];
}

export async function rankLabels(index: LabelIndex, text: string): Promise<Ranking> {
  const matches = index.trie.match(text);
  const trieScore = new Map<string, number>();
  for (const m of matches) {
    for (const n of m.names) trieScore.set(n.id, Math.max(trieScore.get(n.id) ?? 0, m.tokens + (n.isLabel ? 0.5 : 0)));
  }
  const [q] = await index.encoder.embed([text]);
  const sem = scores(index, q);
  const order = Array.from(sem.keys()).sort((a, b) => sem[b] - sem[a]);
  const semantic = order.map((i) => index.ids[i]);
  const position = new Map(index.ids.map((id, i) => [id, i]));
  const trie = [...trieScore.keys()].sort((a, b) => trieScore.get(b)! - trieScore.get(a)! || sem[position.get(b)!] - sem[position.get(a)!]);
  const inTrie = new Set(trie);
  return { trie, semantic, combined: [...trie, ...semantic.filter((id) => !inTrie.has(id))] };
}
