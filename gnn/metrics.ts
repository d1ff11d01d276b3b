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
  let recall = 0;
  let mrr = 0;
  let ndcg = 0;
  let n = 0;
  for (const q of queries) {
    if (q.relevant.size === 0) continue;
    score(q.member, scores);
    const relScores: number[] = [];
    for (let i = 0; i < candidates.length; i++) if (q.relevant.has(candidates[i])) relScores.push(scores[i]);
    if (relScores.length === 0) continue;
    // Rank of each relevant item: 1 + candidates that beat it (ties count against it).
    const ranks = relScores.map((s) => {
      let rank = 1;
      for (let i = 0; i < candidates.length; i++) {
        const c = candidates[i];
        if (q.exclude?.has(c) || q.relevant.has(c)) continue;
        if (scores[i] >= s) rank++;
      }
      return rank;
    });
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
  return { members: n, recallAtK: n ? recall / n : 0, mrr: n ? mrr / n : 0, ndcgAtK: n ? ndcg / n : 0, k };
}

/** Scores candidates by dot product with the member's row (vectors: rows × d, a node's row is its index). */
export function dotScorer(
  memberVectors: Float32Array,
  candidateVectors: Float32Array,
  d: number,
  candidates: Uint32Array,
) {
  return (member: number, out: Float32Array) => {
    const mo = member * d;
    for (let i = 0; i < candidates.length; i++) {
      const co = candidates[i] * d;
      let s = 0;
      for (let j = 0; j < d; j++) s += memberVectors[mo + j] * candidateVectors[co + j];
      out[i] = s;
    }
  };
}
