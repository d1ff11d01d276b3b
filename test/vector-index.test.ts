/** The exhaustive top-K index against a brute-force sort: filters, batches, updates and removals. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TopK, VectorIndex } from '../src/vectors/vector-index.ts';
import { seededRandom } from '../src/random.ts';

function unit(rand: () => number, d: number): Float32Array {
  const v = Float32Array.from({ length: d }, () => rand() * 2 - 1);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

function brute(vectors: Map<string, Float32Array>, q: Float32Array, k: number, keep: (id: string) => boolean) {
  return [...vectors.entries()]
    .filter(([id]) => keep(id))
    .map(([id, v]) => ({ id, score: v.reduce((s, x, i) => s + x * q[i], 0) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}

describe('VectorIndex', () => {
  const rand = seededRandom(9);
  const d = 32;
  const index = new VectorIndex(d, 4); // tiny capacity: growth is exercised
  const vectors = new Map<string, Float32Array>();
  for (let i = 0; i < 3000; i++) {
    const v = unit(rand, d);
    vectors.set(`v${i}`, v);
    index.upsert(`v${i}`, v);
  }

  it('finds the same top-K as a brute-force sort, with and without a filter', () => {
    for (let t = 0; t < 5; t++) {
      const q = unit(rand, d);
      const even = (id: string) => Number(id.slice(1)) % 10 === 0;
      const got = index.search([q], 25)[0];
      expect(got.map((h) => h.id)).toEqual(brute(vectors, q, 25, () => true).map((h) => h.id));
      const filtered = index.search([q], 25, (row) => even(index.idOf(row)!))[0];
      expect(filtered.map((h) => h.id)).toEqual(brute(vectors, q, 25, even).map((h) => h.id));
      expect(filtered.every((h) => even(h.id))).toBe(true);
    }
  });

  it('answers a batch in one pass exactly as one query at a time', () => {
    const qs = Array.from({ length: 7 }, () => unit(rand, d));
    const batch = index.search(qs, 10);
    qs.forEach((q, i) => expect(batch[i]).toEqual(index.search([q], 10)[0]));
  });

  it('applies updates and removals in place, reusing rows', () => {
    const q = unit(rand, d);
    index.upsert('v5', q); // now the best possible match
    expect(index.search([q], 1)[0][0]).toMatchObject({ id: 'v5' });
    expect(index.search([q], 1)[0][0].score).toBeCloseTo(1, 5);
    const row = index.rowOfId('v5');
    index.remove('v5');
    expect(index.search([q], 3000)[0].some((h) => h.id === 'v5')).toBe(false);
    expect(index.size).toBe(2999);
    index.upsert('fresh', q);
    expect(index.rowOfId('fresh')).toBe(row);
    expect(index.search([q], 1)[0][0].id).toBe('fresh');
    expect(() => index.upsert('bad', new Float32Array(3))).toThrow(/3 values/);
  });
});

describe('TopK', () => {
  it('keeps the k largest, sorted, whatever the insertion order', () => {
    const rand = seededRandom(1);
    const scores = Array.from({ length: 500 }, () => rand());
    const h = new TopK(7);
    scores.forEach((s, i) => h.push(i, s));
    expect(h.sorted().map((x) => x.score)).toEqual([...scores].sort((a, b) => b - a).slice(0, 7));
  });
});

describe('the shipped kernel', () => {
  it('is dot-kernel.wat assembled (run `npm run assemble:kernel` after editing the .wat)', async () => {
    const { KERNEL_WASM, assembleKernel } = await import('../scripts/assemble-kernel.ts');
    expect(Buffer.from(await assembleKernel()).equals(fs.readFileSync(KERNEL_WASM))).toBe(true);
  });
});
