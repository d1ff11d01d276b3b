/**
 * A label index: the trie tagger and the semantic tagger over one set of skills, and the
 * ranking that combines them. Used by the extraction pipeline (over the taxonomy) and by the
 * evaluation (over the 13,896 ESCO labels).
 *
 * Semantic tagger: the text's vector against every skill vector, exhaustively (a skill's
 * vector is its label's, nudged by the mean of its aliases'). Combined ranking: skills the
 * trie found come first (longer matches first), then the rest by semantic score.
 */
import { commonWordTest } from '../text/glove.ts';
import type { GloveVectors } from '../text/glove.ts';
import type { TextEncoder } from '../text/types.ts';
import { normalize } from '../vectors/math.ts';
import { SkillTrie } from './trie.ts';
import { VectorIndex } from '../vectors/vector-index.ts';

export interface LabelItem {
  id: string;
  label: string;
  aliases: string[];
}

/** How many sentences' semantic hits a label index remembers (`sentenceHits`), of at most how many characters. */
export const SENTENCE_HITS_REMEMBERED = 20_000;
const REMEMBERED_SENTENCE_LENGTH = 1_000;

/**
 * Skill names (in the trie) and skill vectors (in a VectorIndex: the same exhaustive SIMD scan
 * that matching uses), updated in place as the taxonomy changes.
 */
export class LabelIndex {
  readonly trie: SkillTrie;
  private vectors: VectorIndex | null = null;
  /**
   * `sentenceHits` answers, by encoder, k and sentence, least recently used first; emptied whenever a
   * skill changes. Postings and resumes repeat whole sentences (a company's blurb, benefits, templates).
   */
  private readonly remembered = new Map<string, ReadonlyArray<{ id: string; score: number }>>();

  /**
   * `encoder` embeds texts (rankLabels' default); `labels` embeds the skills' names — the same encoder,
   * or one that remembers its vectors on disk (persistentEncoder) so a restart does not re-encode them.
   */
  constructor(
    readonly encoder: TextEncoder,
    isCommonWord: (w: string) => boolean,
    private readonly labels: TextEncoder = encoder,
  ) {
    this.trie = new SkillTrie({ isCommonWord });
  }

  get size(): number {
    return this.vectors?.size ?? 0;
  }

  async upsert(item: LabelItem): Promise<void> {
    await this.upsertMany([item]);
  }

  /** Upserts many skills with one encoder call (one round of requests for a remote encoder). */
  async upsertMany(items: LabelItem[]): Promise<void> {
    const texts = items.map((it) => [it.label, ...it.aliases.slice(0, MAX_ALIASES_EMBEDDED)]);
    const flat = await this.labels.embed(texts.flat());
    let at = 0;
    items.forEach((item, i) => {
      const [label, ...aliases] = flat.slice(at, (at += texts[i].length));
      this.trie.upsert(item.id, [
        { name: item.label, isLabel: true },
        ...item.aliases.map((a) => ({ name: a, isLabel: false })),
      ]);
      const vec = blend(label, aliases);
      (this.vectors ??= new VectorIndex(vec.length)).upsert(item.id, vec);
    });
    this.remembered.clear();
  }

  remove(id: string): void {
    this.trie.remove(id);
    this.vectors?.remove(id);
    this.remembered.clear();
  }

  /** The k best skills by cosine with q (exhaustive scan with a bounded selection). */
  top(q: Float32Array, k: number): Array<{ id: string; score: number }> {
    return this.topMany([q], k)[0];
  }

  /** top() for many queries in one pass: each skill row is read once and scored against every query. */
  topMany(queries: Float32Array[], k: number): Array<Array<{ id: string; score: number }>> {
    if (!this.vectors) return queries.map(() => []);
    return this.vectors.search(queries, k).map((hits) => hits.map(({ id, score }) => ({ id, score })));
  }

  /**
   * The k best skills for each sentence, embedded with `encoder`: topMany of their vectors, except that a
   * sentence asked for before (same encoder and k, no skill changed since) is answered from memory — neither
   * embedded nor scanned again. The most recent SENTENCE_HITS_REMEMBERED answers (of sentences up to
   * REMEMBERED_SENTENCE_LENGTH characters) are kept. The arrays
   * returned may be shared between calls: read them, do not change them.
   */
  async sentenceHits(
    sentences: string[],
    encoder: TextEncoder,
    k: number,
  ): Promise<Array<ReadonlyArray<{ id: string; score: number }>>> {
    const keys = sentences.map((s) => `${encoder.id}\u0000${k}\u0000${s}`);
    const out = keys.map((key) => this.recall(key));
    // Each sentence not remembered, once.
    const missing = new Map<string, string>();
    keys.forEach((key, i) => out[i] === undefined && missing.set(key, sentences[i]));
    if (missing.size === 0) return out as Array<ReadonlyArray<{ id: string; score: number }>>;
    const vectors = await encoder.embed([...missing.values()]);
    // Scanned and remembered in one synchronous step: no skill can change between them.
    const missingKeys = [...missing.keys()];
    const found = new Map(this.topMany(vectors, k).map((hits, i) => [missingKeys[i], hits]));
    for (const [key, hits] of found)
      if (missing.get(key)!.length <= REMEMBERED_SENTENCE_LENGTH) this.remember(key, hits);
    return keys.map((key, i) => out[i] ?? found.get(key)!);
  }

  private recall(key: string): ReadonlyArray<{ id: string; score: number }> | undefined {
    const hits = this.remembered.get(key);
    if (hits !== undefined) {
      this.remembered.delete(key);
      this.remembered.set(key, hits);
    }
    return hits;
  }

  private remember(key: string, hits: ReadonlyArray<{ id: string; score: number }>): void {
    this.remembered.set(key, hits);
    if (this.remembered.size > SENTENCE_HITS_REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
  }
}

/** Share of a skill's vector that comes from its aliases (the rest from its label). */
export const ALIAS_WEIGHT = 0.35;

const MAX_ALIASES_EMBEDDED = 20;

/** A skill's vector: its label's, nudged towards the mean of its aliases'. */
function blend(label: Float32Array, aliases: Float32Array[]): Float32Array {
  const v = new Float32Array(label.length);
  for (let d = 0; d < v.length; d++) v[d] = label[d] * (aliases.length ? 1 - ALIAS_WEIGHT : 1);
  for (const a of aliases) for (let d = 0; d < v.length; d++) v[d] += (ALIAS_WEIGHT / aliases.length) * a[d];
  return normalize(v);
}

export async function buildLabelIndex(
  encoder: TextEncoder & { glove?: GloveVectors },
  items: LabelItem[],
  isCommonWord?: (w: string) => boolean,
): Promise<LabelIndex> {
  const index = new LabelIndex(encoder, isCommonWord ?? (encoder.glove ? commonWordTest(encoder.glove) : () => false));
  for (let i = 0; i < items.length; i += 1000) await index.upsertMany(items.slice(i, i + 1000));
  return index;
}

export interface Ranking {
  trie: string[];
  semantic: string[];
  combined: string[];
}

/** Full rankings of every skill for one text (evaluation protocol); the text through sentenceEncoder. */
export async function rankLabels(
  index: LabelIndex,
  text: string,
  sentenceEncoder: TextEncoder = index.encoder,
): Promise<Ranking> {
  const matches = index.trie.match(text);
  const trieScore = new Map<string, number>();
  for (const m of matches) {
    for (const n of m.names) trieScore.set(n.id, Math.max(trieScore.get(n.id) ?? 0, m.tokens + (n.isLabel ? 0.5 : 0)));
  }
  const [q] = await sentenceEncoder.embed([text]);
  const ranked = index.top(q, index.size);
  const sem = new Map(ranked.map((r) => [r.id, r.score]));
  const semantic = ranked.map((r) => r.id);
  const trie = [...trieScore.keys()].sort((a, b) => trieScore.get(b)! - trieScore.get(a)! || sem.get(b)! - sem.get(a)!);
  const inTrie = new Set(trie);
  return { trie, semantic, combined: [...trie, ...semantic.filter((id) => !inTrie.has(id))] };
}
