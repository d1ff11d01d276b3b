import { VectorIndex } from '../src/vectors/vector-index.ts';

/**
 * Ranking metrics for "which jobs will this member interact with": for each member, all
 * candidate jobs are scored, jobs the member already had in training are excluded, and the
 * held-out jobs are the relevant ones. Binary relevance.
 */
export interface RankingMetrics {
  members: number;
  recallAtK: number;
  mrr: number;
  ndcgAtK: number;
  k: number;
  /** How many jobs each member's relevant jobs were ranked among (absent in metrics saved before it was kept). */
  among?: number;
}

export interface RankingQuery {
  /** The member's global index (passed back to score). */
  member: number;
  relevant: Set<number>;
  exclude?: Set<number>;
}

/**
 * score(member, out) fills out[i] with the score of candidates[i]. Ties are broken by
 * candidate order, pessimistically for the relevant items (so a constant scorer earns nothing).
 */
export function rankingMetrics(
  queries: RankingQuery[],
  candidates: Uint32Array,
  score: (member: number, out: Float32Array) => void,
  k: number,
): RankingMetrics {
  const scores = new Float32Array(candidates.length);
  // Per query, what each candidate is (1 relevant, 2 excluded): set for the query's few jobs, cleared after.
  const position = positions(candidates);
  const role = new Uint8Array(candidates.length);
  let recall = 0;
  let mrr = 0;
  let ndcg = 0;
  let n = 0;
  for (const q of queries) {
    if (q.relevant.size === 0) continue;
    const marked: number[] = [];
    const mark = (jobs: Iterable<number> | undefined, value: number) => {
      for (const c of jobs ?? []) {
        const i = position(c);
        if (i !== undefined && role[i] === 0) {
          role[i] = value;
          marked.push(i);
        }
      }
    };
    mark(q.relevant, 1);
    mark(q.exclude, 2);
    score(q.member, scores);
    const relScores: number[] = [];
    for (const i of marked) if (role[i] === 1) relScores.push(scores[i]);
    if (relScores.length === 0) {
      for (const i of marked) role[i] = 0;
      continue;
    }
    // Rank of each relevant item: 1 + candidates that beat it (ties count against it), relevant and excluded
    // ones aside; one pass over the candidates for all of them.
    relScores.sort((a, b) => b - a);
    const ranks = relScores.map(() => 1);
    for (let i = 0; i < candidates.length; i++) {
      if (role[i] !== 0) continue;
      const s = scores[i];
      for (let r = relScores.length - 1; r >= 0 && s >= relScores[r]; r--) ranks[r]++;
    }
    for (const i of marked) role[i] = 0;
    // Other relevant items ranked above also shift ranks; sort relevant by score to account for them.
    const order = relScores.map((s, i) => ({ s, r: ranks[i] })).sort((a, b) => b.s - a.s);
    const finalRanks = order.map((x, i) => x.r + i);
    const hits = finalRanks.filter((r) => r <= k).length;
    recall += hits / q.relevant.size;
    mrr += 1 / finalRanks[0];
    let dcg = 0;
    for (const r of finalRanks) if (r <= k) dcg += 1 / Math.log2(r + 1);
    let idcg = 0;
    for (let i = 0; i < Math.min(k, q.relevant.size); i++) idcg += 1 / Math.log2(i + 2);
    ndcg += dcg / idcg;
    n++;
  }
  return {
    members: n,
    recallAtK: n ? recall / n : 0,
    mrr: n ? mrr / n : 0,
    ndcgAtK: n ? ndcg / n : 0,
    k,
    among: candidates.length,
  };
}

/** Where each node is among the candidates (undefined: not one); a contiguous range needs no table. */
function positions(candidates: Uint32Array): (node: number) => number | undefined {
  const first = candidates[0];
  if (candidates.every((c, i) => c === first + i))
    return (node) => (node >= first && node < first + candidates.length ? node - first : undefined);
  const table = new Map<number, number>();
  candidates.forEach((c, i) => table.set(c, i));
  return (node) => table.get(node);
}

/**
 * Scores candidates by dot product with the member's row (vectors: rows × d, a node's row is its index). The
 * candidates' rows are copied once into a VectorIndex, whose SIMD kernel scores them (~9× a plain loop here:
 * 50,000 × 128 in 1.1 ms instead of 9.6).
 */
export function dotScorer(
  memberVectors: Float32Array,
  candidateVectors: Float32Array,
  d: number,
  candidates: Uint32Array,
) {
  const index = new VectorIndex(d, candidates.length, { quantizeFrom: Infinity, listsFrom: Infinity });
  candidates.forEach((c, i) => index.upsert(String(i), candidateVectors.subarray(c * d, (c + 1) * d)));
  return (member: number, out: Float32Array) =>
    index.scoreAll(memberVectors.subarray(member * d, (member + 1) * d), out);
}
