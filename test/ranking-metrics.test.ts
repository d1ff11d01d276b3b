/**
 * Validation ranking and candidate selection against their definitions written the plain way (a full scan per
 * relevant job, a full sort per member), on random scores with ties, overlapping relevant and excluded jobs,
 * and candidates given as a range or as a list.
 */
import { describe, expect, it } from 'vitest';
import { rankingMetrics } from '../gnn/metrics.ts';
import { GNN_TYPES, typeIndex, validationJobs } from '../gnn/index.ts';
import type { GnnGraph } from '../gnn/index.ts';
import type { RankingQuery } from '../gnn/metrics.ts';
import { topScores } from '../src/matching/ranker-data.ts';
import { seededRandom } from '../src/random.ts';

/** Each relevant job's rank: 1 + the other candidates (not relevant, not excluded) scoring at least as high. */
function plainMetrics(queries: RankingQuery[], candidates: Uint32Array, scores: Map<number, Float32Array>, k: number) {
  let recall = 0;
  let mrr = 0;
  let ndcg = 0;
  let n = 0;
  for (const q of queries) {
    const s = scores.get(q.member)!;
    const rel = [...candidates.keys()].filter((i) => q.relevant.has(candidates[i])).map((i) => s[i]);
    if (rel.length === 0) continue;
    const ranks = rel
      .map((x) => {
        let rank = 1;
        candidates.forEach((c, i) => {
          if (!q.exclude?.has(c) && !q.relevant.has(c) && s[i] >= x) rank++;
        });
        return { x, rank };
      })
      .sort((a, b) => b.x - a.x)
      .map((r, i) => r.rank + i);
    recall += ranks.filter((r) => r <= k).length / q.relevant.size;
    mrr += 1 / ranks[0];
    let dcg = 0;
    for (const r of ranks) if (r <= k) dcg += 1 / Math.log2(r + 1);
    let idcg = 0;
    for (let i = 0; i < Math.min(k, q.relevant.size); i++) idcg += 1 / Math.log2(i + 2);
    ndcg += dcg / idcg;
    n++;
  }
  return { members: n, recallAtK: n ? recall / n : 0, mrr: n ? mrr / n : 0, ndcgAtK: n ? ndcg / n : 0, k };
}

describe('validation ranking', () => {
  it('gives the plain definition’s recall, MRR and nDCG, ties counted against the relevant jobs', () => {
    const rand = seededRandom(5);
    for (const candidates of [
      Uint32Array.from({ length: 300 }, (_, i) => 1000 + i),
      Uint32Array.from({ length: 300 }, (_, i) => 1000 + 3 * i),
    ]) {
      const pick = () => candidates[Math.floor(rand() * candidates.length)];
      const queries: RankingQuery[] = [];
      const scores = new Map<number, Float32Array>();
      for (let m = 0; m < 40; m++) {
        const relevant = new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, pick));
        if (m % 7 === 0) relevant.add(999_999); // a relevant job that is not a candidate
        const exclude = m % 3 ? new Set([...Array.from({ length: 5 }, pick), [...relevant][0]]) : undefined;
        queries.push({ member: m, relevant, exclude });
        // Coarse scores, so that ties are common.
        scores.set(
          m,
          Float32Array.from(candidates, () => Math.round(rand() * 20) / 20),
        );
      }
      const score = (m: number, out: Float32Array) => out.set(scores.get(m)!);
      for (const k of [1, 10]) {
        const got = rankingMetrics(queries, candidates, score, k);
        const want = plainMetrics(queries, candidates, scores, k);
        expect(got.members).toBe(want.members);
        for (const key of ['recallAtK', 'mrr', 'ndcgAtK'] as const) expect(got[key]).toBeCloseTo(want[key], 12);
      }
    }
  });
});

describe('validation jobs', () => {
  // Only the type ranges matter here: jobs are global indexes [500, 1500).
  const start: number[] = GNN_TYPES.map((t) => (GNN_TYPES.indexOf(t) <= typeIndex('Job') ? 500 : 1500));
  start[0] = 0;
  start.push(1500);
  const g = { start } as unknown as GnnGraph;
  const queries: RankingQuery[] = [
    { member: 1, relevant: new Set([500, 777]) },
    { member: 2, relevant: new Set([1499]) },
  ];

  it('are every job up to the cap, else a seeded sample of the cap plus every held-out job', () => {
    expect(g.start[typeIndex('Job')]).toBe(500);
    expect([...validationJobs(g, queries, 1000, 7)]).toEqual(Array.from({ length: 1000 }, (_, i) => 500 + i));
    const sample = validationJobs(g, queries, 100, 7);
    expect(sample.length).toBeGreaterThanOrEqual(100);
    expect(sample.length).toBeLessThanOrEqual(103);
    expect(new Set(sample).size).toBe(sample.length);
    expect([...sample]).toEqual([...sample].sort((a, b) => a - b));
    expect(sample.every((j) => j >= 500 && j < 1500)).toBe(true);
    for (const j of [500, 777, 1499]) expect(sample).toContain(j);
    expect([...validationJobs(g, queries, 100, 7)]).toEqual([...sample]);
    expect([...validationJobs(g, queries, 100, 8)]).not.toEqual([...sample]);
  });
});

describe('candidate selection', () => {
  it('keeps the k best accepted indexes, best first, ties to the lower index, as a full sort would', () => {
    const rand = seededRandom(9);
    for (let t = 0; t < 20; t++) {
      const scores = Float32Array.from({ length: 500 }, () => Math.round(rand() * 30) / 30);
      const excluded = new Set(Array.from({ length: 40 }, () => Math.floor(rand() * 500)));
      const keep = (i: number) => !excluded.has(i);
      for (const k of [0, 1, 17, 100, 600]) {
        const sorted = [...scores.keys()]
          .filter(keep)
          .sort((a, b) => scores[b] - scores[a] || a - b)
          .slice(0, k);
        expect(topScores(scores, k, keep)).toEqual(sorted);
      }
    }
  });
});
