/** The OpenAI-compatible encoder against a real HTTP server on loopback. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAIEncoder } from '../src/text/openai.ts';
import { CachedEncoder } from '../src/text/builtin.ts';
import { seededRandom } from '../src/random.ts';

let server: http.Server;
let base = '';
const seen: Array<{ auth?: string; input: string[]; model: string }> = [];
let failNext = 0;

beforeAll(async () => {
  // Answers like /v1/embeddings: a vector per input from its characters, in shuffled order with indexes.
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { input, model } = JSON.parse(body) as { input: string[]; model: string };
      seen.push({ auth: req.headers.authorization, input, model });
      if (model === 'slow') return; // never answers
      if (model === 'bad') return void res.writeHead(401).end('{"error":"invalid api key"}');
      if (failNext > 0) {
        failNext--;
        return void res.writeHead(503).end();
      }
      const data = input.map((t, index) => ({ index, embedding: [t.length, t.charCodeAt(0) || 0, 1] })).reverse();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('OpenAI-compatible encoder', () => {
  it('batches, keeps order, normalises and sends the key', async () => {
    seen.length = 0;
    const enc = new OpenAIEncoder({ baseUrl: base, model: 'm', apiKey: 'k', dim: 3, batchSize: 2 });
    const texts = ['a', 'bb', 'ccc', 'dddd', 'e'];
    const vecs = await enc.embed(texts);
    expect(seen.map((s) => s.input)).toEqual([['a', 'bb'], ['ccc', 'dddd'], ['e']]);
    expect(seen[0].auth).toBe('Bearer k');
    vecs.forEach((v, i) => {
      const raw = [texts[i].length, texts[i].charCodeAt(0), 1];
      const n = Math.hypot(...raw);
      raw.forEach((x, d) => expect(v[d]).toBeCloseTo(x / n, 5));
    });
    expect(enc.id).toBe(`openai:m@${new URL(base).host}`);
  });

  it('retries 5xx with backoff, then succeeds', async () => {
    failNext = 2;
    const enc = new OpenAIEncoder({ baseUrl: base, model: 'm', dim: 3, backoffMs: 5, retries: 3 });
    expect(await enc.embed(['x'])).toHaveLength(1);
  });

  it('fails with UNAVAILABLE on refusal, exhaustion, timeout or a wrong dimension', async () => {
    await expect(new OpenAIEncoder({ baseUrl: base, model: 'bad', dim: 3 }).embed(['x'])).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('401'),
    });
    failNext = 10;
    await expect(
      new OpenAIEncoder({ baseUrl: base, model: 'm', dim: 3, backoffMs: 1, retries: 2 }).embed(['x']),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('after 3 attempts') });
    failNext = 0;
    await expect(
      new OpenAIEncoder({ baseUrl: base, model: 'slow', dim: 3, timeoutMs: 100, retries: 0 }).embed(['x']),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('no answer within 100 ms') });
    await expect(new OpenAIEncoder({ baseUrl: base, model: 'm', dim: 4 }).embed(['x'])).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('3-d'),
    });
    await expect(
      new OpenAIEncoder({ baseUrl: 'http://127.0.0.1:1/v1', model: 'm', dim: 3, retries: 0 }).embed(['x']),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});

describe('the service on an OpenAI-compatible encoder', () => {
  it('extracts with the configured encoder and says which one answered', async () => {
    const { startTestService } = await import('./support/service.ts');
    const svc = await startTestService('embedded', {
      SKILLGRAPH_ENCODER: 'openai',
      SKILLGRAPH_OPENAI_BASE_URL: base,
      SKILLGRAPH_OPENAI_MODEL: 'm',
      SKILLGRAPH_OPENAI_DIM: '3',
    });
    try {
      const { body } = await svc.gql(
        `{ extractSkills(text: "Requirements: Python and SQL.") { encoder skills { skill { id } method } } }`,
        {},
        'reader',
      );
      expect(body.data.extractSkills.encoder).toBe(`openai:m@${new URL(base).host}`);
      expect(body.data.extractSkills.skills).toEqual(
        expect.arrayContaining([
          { skill: { id: 'skill:python' }, method: 'TRIE' },
          { skill: { id: 'skill:sql' }, method: 'TRIE' },
        ]),
      );
    } finally {
      await svc.stop();
    }
  });
});

describe('content-hash cache', () => {
  it('returns every vector even when a call fills the cache and it is cleared', async () => {
    let calls = 0;
    const inner = {
      id: 'count',
      dim: 1,
      embed: async (texts: string[]) => texts.map((t) => (calls++, Float32Array.of(t.length))),
    };
    const cached = new CachedEncoder(inner, 3);
    await cached.embed(['a', 'bb']);
    const out = await cached.embed(['a', 'ccc', 'dddd', 'ccc']);
    expect(out.map((v) => v[0])).toEqual([1, 3, 4, 3]);
    expect(calls).toBe(4);
  });
});

describe('distilled student (ridge map into the teacher space)', () => {
  it('fitRidge recovers a linear map exactly enough and DistilledEncoder applies it', async () => {
    const { fitRidge, DistilledEncoder } = await import('../src/text/distilled.ts');
    const rand = seededRandom(3);
    const d = 6;
    const k = 4;
    const truth = Float32Array.from({ length: d * k }, () => rand() * 2 - 1);
    const x = Array.from({ length: 200 }, () => Float32Array.from({ length: d }, () => rand() * 2 - 1));
    const y = x.map((row) => {
      const out = new Float32Array(k);
      for (let i = 0; i < d; i++) for (let j = 0; j < k; j++) out[j] += row[i] * truth[i * k + j];
      return out;
    });
    const w = fitRidge(x, y, 1e-6);
    for (let i = 0; i < w.length; i++) expect(Math.abs(w[i] - truth[i])).toBeLessThan(1e-3);
    const base = { id: 'base', dim: d, embed: async (texts: string[]) => texts.map((_, i) => x[i]) };
    const enc = new DistilledEncoder(base, {
      baseId: 'base',
      teacherId: 't',
      inDim: d,
      outDim: k,
      weights: w,
      tag: 'x',
    });
    const [v] = await enc.embed(['a']);
    const n = Math.hypot(...y[0]);
    for (let j = 0; j < k; j++) expect(v[j]).toBeCloseTo(y[0][j] / n, 3);
    expect(
      () =>
        new DistilledEncoder(
          { ...base, id: 'other' },
          { baseId: 'base', teacherId: 't', inDim: d, outDim: k, weights: w, tag: 'x' },
        ),
    ).toThrow(/fitted on base/);
  });
});
