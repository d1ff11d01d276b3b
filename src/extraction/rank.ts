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

/**
 * Skill names (in the trie) and skill vectors (rows of one matrix), updated in place as the
 * taxonomy changes: a changed skill rewrites its row, a removed one frees it for reuse.
 */
export class LabelIndex {
  readonly trie: SkillTrie;
  /** Row → skill id, null for a free row. */
  private ids: Array<string | null> = [];
  private readonly rowOf = new Map<string, number>();
  private free: number[] = [];
  private matrix: Float32Array;

  constructor(
    readonly encoder: TextEncoder,
    isCommonWord: (w: string) => boolean,
  ) {
    this.trie = new SkillTrie({ isCommonWord });
    this.matrix = new Float32Array(1024 * encoder.dim);
  }

  get size(): number {
    return this.rowOf.size;
  }

  async upsert(item: LabelItem): Promise<void> {
    this.trie.upsert(item.id, [{ name: item.label, isLabel: true }, ...item.aliases.map((a) => ({ name: a, isLabel: false }))]);
    const vec = await skillVector(this.encoder, item);
    let row = this.rowOf.get(item.id) ?? this.free.pop();
    if (row === undefined) {
      row = this.ids.length;
      this.ids.push(null);
      if ((row + 1) * this.encoder.dim > this.matrix.length) {
        const grown = new Float32Array(this.matrix.length * 2);
        grown.set(this.matrix);
        this.matrix = grown;
      }
    }
    this.ids[row] = item.id;
    this.rowOf.set(item.id, row);
    this.matrix.set(vec, row * this.encoder.dim);
  }

  remove(id: string): void {
    this.trie.remove(id);
    const row = this.rowOf.get(id);
    if (row === undefined) return;
    this.rowOf.delete(id);
    this.ids[row] = null;
    this.matrix.fill(0, row * this.encoder.dim, (row + 1) * this.encoder.dim);
    this.free.push(row);
  }

  /** The k best skills by cosine with q (exhaustive scan with a bounded selection). */
  top(q: Float32Array, k: number): Array<{ id: string; score: number }> {
    const dim = this.encoder.dim;
    const m = this.matrix;
    const best: Array<{ id: string; score: number }> = [];
    for (let r = 0; r < this.ids.length; r++) {
      const id = this.ids[r];
      if (id === null) continue;
      let s = 0;
      for (let d = 0, off = r * dim; d < dim; d++) s += m[off + d] * q[d];
      if (best.length < k || s > best[best.length - 1].score) {
        let i = best.length < k ? best.length : best.length - 1;
        if (best.length < k) best.push({ id, score: s });
        while (i > 0 && best[i - 1].score < s) {
          best[i] = best[i - 1];
          i--;
        }
        best[i] = { id, score: s };
      }
    }
    return best;
  }
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
  const index = new LabelIndex(encoder, isCommonWord ?? (encoder.glove ? commonWordTest(encoder.glove) : () => false));
  for (const it of items) await index.upsert(it);
  return index;
}

export interface Ranking {
  trie: string[];
  semantic: string[];
  combined: string[];
}

/** Full rankings of every skill for one text (evaluation protocol). */
export async function rankLabels(index: LabelIndex, text: string): Promise<Ranking> {
  const matches = index.trie.match(text);
  const trieScore = new Map<string, number>();
  for (const m of matches) {
    for (const n of m.names) trieScore.set(n.id, Math.max(trieScore.get(n.id) ?? 0, m.tokens + (n.isLabel ? 0.5 : 0)));
  }
  const [q] = await index.encoder.embed([text]);
  const ranked = index.top(q, index.size);
  const sem = new Map(ranked.map((r) => [r.id, r.score]));
  const semantic = ranked.map((r) => r.id);
  const trie = [...trieScore.keys()].sort((a, b) => trieScore.get(b)! - trieScore.get(a)! || sem.get(b)! - sem.get(a)!);
  const inTrie = new Set(trie);
  return { trie, semantic, combined: [...trie, ...semantic.filter((id) => !inTrie.has(id))] };
}
