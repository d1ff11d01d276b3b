/**
 * Title normalisation: a job title as people write it → the occupation it names, with a confidence and the
 * runners-up. "Sr. Backend Engineer (m/w/d)" is first normalised (normalizeTitle: no seniority words, gender
 * tags or punctuation), then compared with every active occupation's names (label and aliases, normalised the
 * same way): an equal name is an EXACT match (confidence 1); otherwise the text encoder's cosine between the
 * title and the occupation's closest name is the score (SEMANTIC). Name vectors are encoded once and kept
 * until the taxonomy changes a name.
 *
 * Upserts link a member's or job's Title node to the best occupation when the match is EXACT or its
 * confidence reaches the encoder's link threshold (TITLE_LINK_CONFIDENCE); `normalizeTitle` answers clients
 * with every match and lets them judge.
 */
import type { TextEncoder } from '../text/types.ts';
import { normalizeTitle } from './model.ts';

export interface TitleCandidate {
  occupationId: string;
  /** 1 for an exact name, else the cosine to the occupation's closest name. */
  score: number;
  /** The occupation name that matched best. */
  matched: string;
}

export interface TitleMatch {
  input: string;
  /** The title without seniority words, tags and punctuation ("" when nothing is left). */
  normalized: string;
  match: 'EXACT' | 'SEMANTIC' | 'NONE';
  /** The best candidate's score (0 when none). */
  confidence: number;
  /** Best first: the first is the answer, the rest its alternatives. */
  candidates: TitleCandidate[];
}

/** The names to match against: active occupations (label, aliases) and a revision that says when they changed. */
export interface OccupationNames {
  revision: number;
  entries(): Array<{ id: string; names: string[] }>;
}

/**
 * Cosine at which an upsert links a title to an occupation, per encoder family (the id's prefix). Set from the
 * ESCO check (`npm run eval:titles`): the lowest confidence above which ≥ 90 % of top-1 answers were right
 * on held-out alternative labels. An encoder without an entry links exact matches only.
 */
export const TITLE_LINK_CONFIDENCE: Record<string, number> = {
  // 2026-11-28, ESCO v1.2.0, 2,869 alt labels: builtin 93.8 % precise at ≥ 0.9 (7 % of semantic answers);
  // MiniLM-L6 91.3 % (17 %), its quantized student 92.4 % (14 %). At 0.85 all three fall to 82–85 %.
  'builtin-': 0.9,
  'onnx:': 0.9,
};

export function linkThreshold(encoderId: string): number {
  const family = Object.keys(TITLE_LINK_CONFIDENCE).find((prefix) => encoderId.startsWith(prefix));
  return family ? TITLE_LINK_CONFIDENCE[family] : Infinity;
}

interface Index {
  revision: number;
  /** Normalised names, their occupations and vectors (row i of `vectors`). */
  names: string[];
  owners: string[];
  vectors: Float32Array;
  exact: Map<string, string[]>;
}

export class TitleNormalizer {
  private index: Index | null = null;
  private building: Promise<Index> | null = null;
  /** Name vectors by normalised text, kept across rebuilds so a taxonomy edit re-encodes only new names. */
  private readonly cache = new Map<string, Float32Array>();
  /** Answers by normalised title and k for the current index (titles repeat: upserts ask for the same ones). */
  private answers = new Map<string, Omit<TitleMatch, 'input'>>();

  /**
   * `encoder` embeds titles; `names` embeds the occupations' names — the same model, or the same behind a
   * disk cache (persistentEncoder) so a restart does not re-encode them.
   */
  constructor(
    private readonly occupations: OccupationNames,
    readonly encoder: TextEncoder,
    private readonly names: TextEncoder = encoder,
  ) {}

  /** Encodes the occupation names now (the service calls it at start); resolves to how many there are. */
  async warm(): Promise<number> {
    return (await this.current()).names.length;
  }

  /** The best `k` occupations for each title, in order. */
  async normalize(titles: string[], k = 5): Promise<TitleMatch[]> {
    const index = await this.current();
    const normalized = titles.map((t) => normalizeTitle(t));
    const answered = normalized.map((n) => this.answers.get(`${k}|${n}`));
    if (answered.every(Boolean)) return answered.map((a, i) => ({ ...a!, input: titles[i] }));
    const toEncode = [...new Set(normalized.filter((n) => n && !index.exact.has(n)))];
    const vectors = new Map<string, Float32Array>();
    const encoded = toEncode.length ? await this.encoder.embed(toEncode) : [];
    toEncode.forEach((t, i) => vectors.set(t, encoded[i]));
    return titles.map((input, i) => {
      const n = normalized[i];
      if (!n) return { input, normalized: n, match: 'NONE', confidence: 0, candidates: [] };
      const exact = index.exact.get(n);
      const scores = exact
        ? new Map(exact.map((id) => [id, { score: 1, matched: n }]))
        : this.scores(index, vectors.get(n)!);
      const candidates = [...scores]
        .map(([occupationId, s]) => ({ occupationId, score: round(s.score), matched: s.matched }))
        .sort((a, b) => b.score - a.score || (a.occupationId < b.occupationId ? -1 : 1))
        .slice(0, k);
      if (exact && candidates.length < k) {
        // An exact match answers; the closest other occupations still come as alternatives.
        const more = this.scores(index, this.cache.get(n) ?? null);
        for (const [occupationId, s] of [...more].sort((a, b) => b[1].score - a[1].score)) {
          if (candidates.length >= k) break;
          if (!scores.has(occupationId)) candidates.push({ occupationId, score: round(s.score), matched: s.matched });
        }
      }
      const answer = {
        normalized: n,
        match: exact ? ('EXACT' as const) : candidates.length ? ('SEMANTIC' as const) : ('NONE' as const),
        confidence: candidates[0]?.score ?? 0,
        candidates,
      };
      if (this.answers.size >= MAX_ANSWERS) this.answers.clear();
      this.answers.set(`${k}|${n}`, answer);
      return { input, ...answer };
    });
  }

  /** Per occupation, the best cosine over its names. */
  private scores(index: Index, v: Float32Array | null): Map<string, { score: number; matched: string }> {
    const out = new Map<string, { score: number; matched: string }>();
    if (!v) return out;
    const dim = v.length;
    for (let r = 0; r < index.names.length; r++) {
      let dot = 0;
      const o = r * dim;
      for (let j = 0; j < dim; j++) dot += v[j] * index.vectors[o + j];
      const id = index.owners[r];
      const prev = out.get(id);
      if (!prev || dot > prev.score) out.set(id, { score: Math.max(0, dot), matched: index.names[r] });
    }
    return out;
  }

  private async current(): Promise<Index> {
    if (this.index && this.index.revision === this.occupations.revision) return this.index;
    if (!this.building) {
      this.building = this.build().finally(() => {
        this.building = null;
      });
    }
    this.index = await this.building;
    this.answers = new Map();
    return this.index;
  }

  private async build(): Promise<Index> {
    const revision = this.occupations.revision;
    const names: string[] = [];
    const owners: string[] = [];
    const exact = new Map<string, string[]>();
    for (const e of this.occupations.entries()) {
      for (const raw of new Set(e.names.map((n) => normalizeTitle(n)).filter(Boolean))) {
        names.push(raw);
        owners.push(e.id);
        const ids = exact.get(raw) ?? exact.set(raw, []).get(raw)!;
        if (!ids.includes(e.id)) ids.push(e.id);
      }
    }
    const missing = [...new Set(names.filter((n) => !this.cache.has(n)))];
    for (let i = 0; i < missing.length; i += 256) {
      const batch = missing.slice(i, i + 256);
      (await this.names.embed(batch)).forEach((v, j) => this.cache.set(batch[j], v));
    }
    const dim = this.encoder.dim;
    const vectors = new Float32Array(names.length * dim);
    names.forEach((n, r) => vectors.set(this.cache.get(n)!, r * dim));
    return { revision, names, owners, vectors, exact };
  }
}

const MAX_ANSWERS = 50_000;

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
