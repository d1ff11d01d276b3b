/**
 * Title normalisation over HTTP on both stores: exact and semantic matches with a confidence and alternatives,
 * the batch form and its limits, and upserts linking titles through the same normaliser.
 */
import { describe, expect, it } from 'vitest';
import { serviceOn, STORES } from './support/service.ts';

const FIELDS = `input normalized match confidence occupation { id } title { id }
  candidates { occupation { id } score matched }`;
const ONE = `query($t: String!, $k: Int) { normalizeTitle(text: $t, first: $k) { ${FIELDS} } }`;
const MANY = `query($t: [String!]!) { normalizeTitles(texts: $t) { ${FIELDS} } }`;

describe.each(STORES)('title normalisation on the $store store', ({ store, skip }) => {
  const svc = serviceOn(store, skip);

  it.skipIf(skip)('exact and semantic answers, with a confidence and ranked alternatives', async () => {
    const { gql } = svc();
    const exact = (await gql(ONE, { t: 'Senior Data Engineer (m/w/d)' }, 'reader')).body;
    expect(exact.errors).toBeUndefined();
    const e = exact.data.normalizeTitle;
    expect(e).toMatchObject({
      input: 'Senior Data Engineer (m/w/d)',
      normalized: 'data engineer',
      match: 'EXACT',
      confidence: 1,
      occupation: { id: 'occupation:data-engineer' },
      title: null,
    });
    expect(e.candidates[0]).toEqual({
      occupation: { id: 'occupation:data-engineer' },
      score: 1,
      matched: 'data engineer',
    });
    expect(e.candidates).toHaveLength(5);
    for (let i = 1; i < 5; i++) {
      expect(e.candidates[i].score).toBeLessThan(1);
      expect(e.candidates[i].score).toBeLessThanOrEqual(e.candidates[i - 1].score);
    }

    const near = (await gql(ONE, { t: 'Big data pipeline engineer', k: 3 }, 'reader')).body.data.normalizeTitle;
    expect(near.match).toBe('SEMANTIC');
    expect(near.confidence).toBeGreaterThan(0);
    expect(near.confidence).toBeLessThan(1);
    expect(near.candidates).toHaveLength(3);
    expect(near.candidates[0].score).toBe(near.confidence);
    expect(near.occupation.id).toBe(near.candidates[0].occupation.id);

    const batch = (await gql(MANY, { t: ['Data Engineer', 'Senior', 'Big data pipeline engineer'] }, 'reader')).body;
    expect(batch.errors).toBeUndefined();
    expect(batch.data.normalizeTitles.map((m: any) => m.match)).toEqual(['EXACT', 'NONE', 'SEMANTIC']);
    expect(batch.data.normalizeTitles[1]).toMatchObject({
      normalized: '',
      confidence: 0,
      occupation: null,
      candidates: [],
    });
    expect(batch.data.normalizeTitles[2].candidates).toEqual(
      near.candidates.concat(batch.data.normalizeTitles[2].candidates.slice(3)),
    );
  });

  it.skipIf(skip)('limits and roles', async () => {
    const { gql } = svc();
    const code = async (q: string, v: Record<string, unknown>, key?: string) =>
      (await gql(q, v, key)).body.errors?.[0]?.extensions?.code;
    expect(await code(ONE, { t: 'x'.repeat(301) }, 'reader')).toBe('BAD_USER_INPUT');
    expect(await code(ONE, { t: 'Data Engineer', k: 21 }, 'reader')).toBe('BAD_USER_INPUT');
    expect(await code(MANY, { t: Array.from({ length: 501 }, (_, i) => `title ${i}`) }, 'reader')).toBe(
      'BAD_USER_INPUT',
    );
    expect(await code(ONE, { t: 'Data Engineer' })).toBe('UNAUTHENTICATED');
    const full = (await gql(MANY, { t: Array.from({ length: 500 }, (_, i) => `software engineer ${i % 7}`) }, 'reader'))
      .body;
    expect(full.errors).toBeUndefined();
    expect(full.data.normalizeTitles).toHaveLength(500);
  });

  it.skipIf(skip)('upserts link titles through the same normaliser; a weak match stays unlinked', async () => {
    const { gql } = svc();
    const upsert = `mutation($input: JobInput!) { upsertJob(input: $input) { job { normalizedTitle { id label occupation { id } } } } }`;
    const linked = (
      await gql(upsert, { input: { id: 'j-title-1', title: 'Engineer, Data', company: 'Acme' } }, 'admin')
    ).body;
    expect(linked.errors).toBeUndefined();
    const answer = (await gql(ONE, { t: 'Engineer, Data' }, 'reader')).body.data.normalizeTitle;
    expect(answer.confidence).toBeGreaterThanOrEqual(0.9);
    expect(linked.data.upsertJob.job.normalizedTitle).toEqual({
      id: 'title:engineer-data',
      label: 'engineer data',
      occupation: { id: answer.occupation.id },
    });
    expect((await gql(ONE, { t: 'Engineer, Data' }, 'reader')).body.data.normalizeTitle.title).toEqual({
      id: 'title:engineer-data',
    });
    const weak = (
      await gql(upsert, { input: { id: 'j-title-2', title: 'Chief Vibes Wrangler', company: 'Acme' } }, 'admin')
    ).body.data.upsertJob.job.normalizedTitle;
    const weakAnswer = (await gql(ONE, { t: 'Chief Vibes Wrangler' }, 'reader')).body.data.normalizeTitle;
    expect(weakAnswer.confidence).toBeLessThan(0.9);
    expect(weak).toMatchObject({ label: 'vibes wrangler', occupation: null });
  });
});
