/**
 * The pinned sentence-transformers from Maven Central: the tokenizer read from tokenizer.json,
 * vectors against an independent implementation (LangChain4j's Java models, fixtures written by
 * test/support/reference-vectors), long texts chunked, odd input, checksums, the fallback, and the
 * service answering with the transformer by default.
 */
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { DEFAULT_CACHE_DIR, openConfiguredEncoder } from '../src/text/open.ts';
import { EncoderPool } from '../src/text/encoder-pool.ts';
import { OnnxEncoder } from '../src/text/onnx.ts';
import { keepLayers } from '../src/text/onnx-layers.ts';
import {
  STUDENT,
  TRANSFORMERS,
  TransformerUnavailable,
  type TransformerSpec,
  ensureTransformer,
  openTransformer,
} from '../src/text/transformer.ts';
import { dot } from '../src/vectors/math.ts';
import { startTestService } from './support/service.ts';
import type { TestService } from './support/service.ts';

interface Reference {
  model: string;
  vectors: Array<{ text: string; vector: number[] }>;
}
const reference = (name: string): Reference =>
  JSON.parse(fs.readFileSync(path.join('test', 'fixtures', `${name}.reference.json`), 'utf8'));
const unit = (v: number[]) => {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};

describe('pinned transformers (fetched with Maven, checked by sha256)', () => {
  let teacher: OnnxEncoder;
  let student: OnnxEncoder;
  beforeAll(async () => {
    teacher = await openTransformer('all-minilm-l6-v2', DEFAULT_CACHE_DIR, { log: (m) => console.error(m) });
    student = await openTransformer('all-minilm-l6-v2-q', DEFAULT_CACHE_DIR, { log: (m) => console.error(m) });
  }, 600_000);

  it('reads the tokenizer from tokenizer.json: BERT normalisation, the file truncation, word pieces', () => {
    const t = teacher.tokenizer;
    expect(t.maxLength).toBe(128); // the model's training window, from the file's truncation
    expect([t.cls, t.sep, t.pad, t.unk]).toEqual([101, 102, 0, 100]);
    // Lower-cased, accents stripped, punctuation split, unknown words in pieces.
    expect(t.encode('Café NAÏVE!')).toEqual(t.encode('cafe naive !'));
    expect(t.encode('C++')).toEqual([101, t.pieces('c')[0], t.pieces('+')[0], t.pieces('+')[0], 102]);
    expect(t.pieces('kubernetes').length).toBeGreaterThan(1);
    expect(t.encode('\u0000\u200b')).toEqual([101, 102]);
  });

  it('the teacher gives LangChain4j’s vectors (same model file, independent tokenizer, pooling and runtime)', async () => {
    const ref = reference('all-minilm-l6-v2');
    const ours = await teacher.embed(ref.vectors.map((r) => r.text));
    expect(teacher.dim).toBe(384);
    ref.vectors.forEach((r, i) => {
      const want = unit(r.vector);
      for (let d = 0; d < want.length; d++) expect(Math.abs(ours[i][d] - want[d])).toBeLessThan(1e-5);
    });
  });

  it('the student (the int8 teacher) stays in the teacher’s space', async () => {
    // LangChain4j runs the int8 model on ONNX Runtime 1.20 (Java), we on 1.30 (Node): their int8
    // kernels round differently, so the quantized vectors agree to cos ≥ 0.98, not to 1e-5.
    const ref = reference('all-minilm-l6-v2-q');
    const teacherRef = reference('all-minilm-l6-v2');
    const ours = await student.embed(ref.vectors.map((r) => r.text));
    ref.vectors.forEach((r, i) => {
      expect(dot(ours[i], unit(r.vector))).toBeGreaterThan(0.98);
      expect(dot(ours[i], unit(teacherRef.vectors[i].vector))).toBeGreaterThan(0.98);
    });
  });

  it('the student (int8, layers 1 and 3 left out) is cut from the pinned int8 file and stays near it', async () => {
    const q = TRANSFORMERS['all-minilm-l6-v2-q'];
    const spec: TransformerSpec = TRANSFORMERS[STUDENT];
    expect(spec.cut?.keep).toEqual([0, 2, 4, 5]);
    const files = ensureTransformer(q, DEFAULT_CACHE_DIR);
    const bytes = new Uint8Array(fs.readFileSync(files.model));
    // Keeping every layer gives back the same bytes; a cut is deterministic (its pin).
    expect(Buffer.from(keepLayers(bytes, [0, 1, 2, 3, 4, 5])).equals(Buffer.from(bytes))).toBe(true);
    expect(
      crypto
        .createHash('sha256')
        .update(keepLayers(bytes, [0, 2, 4, 5]))
        .digest('hex'),
    ).toBe(spec.cut?.sha256);
    expect(() => keepLayers(bytes, [0, 2, 2])).toThrow(/ascending/);
    expect(() => keepLayers(bytes, [0, 6])).toThrow(/from 0 to 5/);
    expect(() => keepLayers(new Uint8Array([0x0f, 0x01, 0x02]), [0])).toThrow(/not an ONNX model/);

    const cut = await openTransformer(STUDENT, DEFAULT_CACHE_DIR, { threads: 1 });
    const whole = await openTransformer('all-minilm-l6-v2-q', DEFAULT_CACHE_DIR, { threads: 1 });
    expect(cut.id).toMatch(/^transformer:all-minilm-l6-v2-q-4l@b406268472/);
    expect(cut.dim).toBe(384);
    const texts = reference('all-minilm-l6-v2').vectors.map((r) => r.text);
    const [a, b] = [await cut.embed(texts), await whole.embed(texts)];
    const agreement = a.map((v, i) => dot(v, b[i]));
    // Rewired layers agree with the whole model (mean ~0.88 on the seed's descriptions); the first four
    // layers alone, read as if they were all six, agree at ~0.4.
    expect(agreement.reduce((x, y) => x + y, 0) / agreement.length).toBeGreaterThan(0.8);
    expect(Math.min(...agreement)).toBeGreaterThan(0.65);
    const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sg-first4-')), 'first4.onnx');
    fs.writeFileSync(tmp, keepLayers(bytes, [0, 1, 2, 3]));
    const first4 = await OnnxEncoder.open({ id: 'first4', model: tmp, tokenizer: cut.tokenizer, pooling: 'mean' });
    const c = await first4.embed(texts);
    expect(c.map((v, i) => dot(v, b[i])).reduce((x, y) => x + y, 0) / c.length).toBeLessThan(0.6);
    fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
  });

  it('serves the cut to sentences on the latency paths and the whole int8 model to nearline node features', async () => {
    const encoders = await openConfiguredEncoder(loadConfig({}));
    const { encoder, fast, nearline } = encoders;
    expect(encoder.id).toMatch(/^transformer:all-minilm-l6-v2@/);
    expect(fast.id).toMatch(/^transformer:all-minilm-l6-v2-q-4l@/);
    expect(nearline.id).toMatch(/^transformer:all-minilm-l6-v2-q@/);
    const whole = await openConfiguredEncoder(loadConfig({ SKILLGRAPH_STUDENT: 'all-minilm-l6-v2-q' }));
    expect(whole.nearline).toBe(whole.fast);
    // Closing stops their worker threads; nothing answers afterwards.
    await Promise.all([whole.close(), encoders.close()]);
    await expect(fast.embed(['after close'])).rejects.toThrow(/closed/);
  });

  it('runs in worker threads: the same vectors, concurrent calls pooled, the main thread free meanwhile', async () => {
    const pool = EncoderPool.open('all-minilm-l6-v2', DEFAULT_CACHE_DIR, { workers: 2 });
    try {
      expect(pool.id).toBe(teacher.id);
      expect(pool.dim).toBe(384);
      const texts = Array.from({ length: 150 }, (_, i) => `Sentence ${i}: we build ${i % 7} data pipelines in Python.`);
      const alone = await teacher.embed(texts);
      // 30 calls in one turn of the event loop, a text asked for twice, one large call spread over both workers.
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      const calls = Array.from({ length: 30 }, (_, c) => pool.embed(texts.slice(c * 5, c * 5 + 5)));
      const twice = pool.embed([texts[0], texts[0]]);
      const [pooled, [a, b], large] = await Promise.all([Promise.all(calls), twice, pool.embed(texts)]);
      clearInterval(timer);
      pooled.flat().forEach((v, i) => expect(dot(v, alone[i])).toBeGreaterThan(0.999999));
      large.forEach((v, i) => expect(dot(v, alone[i])).toBeGreaterThan(0.999999));
      expect(a).not.toBe(b);
      expect([...a]).toEqual([...b]);
      expect(ticks).toBeGreaterThan(0); // timers ran while the workers encoded
      expect(await pool.embed([])).toEqual([]);
      // A worker that stops (crash, out of memory): what it held fails with a clear error, a new one takes over.
      const slots = (pool as unknown as { slots: Array<{ worker: Worker }> }).slots;
      const held = pool.embed(texts.map((t) => `${t} (again)`));
      await new Promise((r) => setImmediate(r)); // the pieces are sent
      // The worker ends on its own between two model runs (terminate() inside onnxruntime would abort the process).
      slots[0].worker.postMessage({ exit: true });
      await expect(held).rejects.toThrow(/encoder worker stopped|text encoder:/);
      const after = await pool.embed(texts.slice(0, 3));
      after.forEach((v, i) => expect(dot(v, alone[i])).toBeGreaterThan(0.999999));
      expect(pool.workers).toBe(2);
    } finally {
      await pool.close();
    }
    await expect(pool.embed(['after close'])).rejects.toThrow(/closed/);
  });

  it('opens without waiting for the models: the first texts wait for them; closed while loading, it stops cleanly', async () => {
    const t0 = Date.now();
    const pool = EncoderPool.open(STUDENT, DEFAULT_CACHE_DIR, { workers: 1 });
    const opened = Date.now() - t0;
    const first = pool.embed(['data pipelines in Python']); // sent before the model has loaded
    const [v] = await first;
    expect(v.length).toBe(384);
    await pool.loaded();
    // Opening only started the threads (the model load takes far longer than this).
    expect(opened).toBeLessThan(Date.now() - t0);
    await pool.close();
    // Closed before its model has loaded: it waits for the load (never stops a thread inside onnxruntime).
    const early = EncoderPool.open(STUDENT, DEFAULT_CACHE_DIR, { workers: 1 });
    await early.close();
    await expect(early.embed(['after close'])).rejects.toThrow(/closed/);
    // A process waiting only on a loading model is kept alive by it (found: the first start exited silently).
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/pool-only.ts'], { encoding: 'utf8' });
    expect(child.stdout).toBe('embedded 384\n');
    expect(child.status).toBe(0);
  });

  it('writes a damaged cut again from the pinned file', () => {
    const spec: TransformerSpec = TRANSFORMERS[STUDENT];
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-cut-'));
    const from = path.join(DEFAULT_CACHE_DIR, 'transformers', 'all-minilm-l6-v2-q');
    const dir = path.join(cache, 'transformers', 'all-minilm-l6-v2-q');
    fs.mkdirSync(dir, { recursive: true });
    for (const f of [spec.onnx.file, spec.tokenizer.file]) fs.copyFileSync(path.join(from, f), path.join(dir, f));
    const lines: string[] = [];
    const first = ensureTransformer(spec, cache, (m) => lines.push(m));
    expect(first.model).toBe(path.join(dir, spec.cut!.file));
    expect(lines.join('\n')).toMatch(/writing all-minilm-l6-v2-q-4l.onnx/);
    fs.writeFileSync(first.model, 'damaged');
    ensureTransformer(spec, cache, (m) => lines.push(m));
    expect(crypto.createHash('sha256').update(fs.readFileSync(first.model)).digest('hex')).toBe(spec.cut!.sha256);
    fs.rmSync(cache, { recursive: true, force: true });
  });

  it('chunks a text longer than the window (never cut to its start) and weighs the windows by length', async () => {
    const sentence = 'Design and operate Kubernetes clusters and CI pipelines for payment services. ';
    const perSentence = teacher.tokenizer.pieces(sentence).length;
    const long =
      sentence.repeat(Math.ceil(300 / perSentence)) + 'Also: bake sourdough bread and pastries for the bakery.';
    const pieces = teacher.tokenizer.pieces(long);
    const windows = teacher.tokenizer.chunks(long);
    expect(windows.length).toBe(Math.ceil(pieces.length / 126));
    expect(windows.flatMap((w) => w.slice(1, -1))).toEqual(pieces);
    const [whole] = await teacher.embed([long]);
    const [start] = await teacher.embed([sentence.repeat(Math.ceil(300 / perSentence))]);
    const [bakery] = await teacher.embed(['Bake sourdough bread and pastries for the bakery.']);
    // The tail beyond the first window counts: the whole is nearer to the bakery than its start is.
    expect(dot(whole, bakery)).toBeGreaterThan(dot(start, bakery));
    expect(Math.hypot(...whole)).toBeCloseTo(1, 5);
  });

  it('answers empty, whitespace, non-English and odd-script text with unit vectors, in order', async () => {
    const texts = [
      '',
      '   ',
      'Entwicklung von Webanwendungen mit Java',
      '数据分析和机器学习',
      '🙂🙂🙂',
      'a'.repeat(5000),
    ];
    const vs = await teacher.embed(texts);
    expect(vs).toHaveLength(texts.length);
    for (const v of vs) {
      expect(v.every(Number.isFinite)).toBe(true);
      expect(Math.hypot(...v)).toBeCloseTo(1, 4);
    }
    const [alone] = await teacher.embed([texts[2]]);
    for (let d = 0; d < alone.length; d++) expect(Math.abs(alone[d] - vs[2][d])).toBeLessThan(1e-5);
  });

  it('re-fetches a damaged model file and verifies it again', () => {
    const spec = TRANSFORMERS['all-minilm-l6-v2-q'];
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-models-'));
    const dir = path.join(cache, 'transformers', spec.name);
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(
      path.join(DEFAULT_CACHE_DIR, 'transformers', spec.name, spec.onnx.file),
      path.join(dir, spec.onnx.file),
    );
    fs.copyFileSync(
      path.join(DEFAULT_CACHE_DIR, 'transformers', spec.name, spec.tokenizer.file),
      path.join(dir, spec.tokenizer.file),
    );
    const fd = fs.openSync(path.join(dir, spec.onnx.file), 'r+');
    fs.writeSync(fd, Buffer.from([0xde, 0xad]), 0, 2, 1000);
    fs.closeSync(fd);
    const lines: string[] = [];
    const files = ensureTransformer(spec, cache, (m) => lines.push(m));
    expect(lines.join('\n')).toMatch(/does not match its pinned sha256/);
    expect(fs.statSync(files.model).size).toBe(spec.onnx.bytes);
    fs.rmSync(cache, { recursive: true, force: true });
  });

  it('without Maven: a clear error, and the service falls back to the built-in encoder with one warning', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-nomaven-'));
    const pathBefore = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(() => ensureTransformer(TRANSFORMERS['all-minilm-l6-v2'], cache)).toThrow(TransformerUnavailable);
      expect(() => ensureTransformer(TRANSFORMERS['all-minilm-l6-v2'], cache)).toThrow(/Maven is not installed/);
      const warnings: string[] = [];
      const config = loadConfig({ SKILLGRAPH_ENCODER: 'transformer', SKILLGRAPH_CACHE_DIR: cache });
      const { encoder, fast } = await openConfiguredEncoder({ ...config, cacheDir: cache }, (level, msg) => {
        if (level === 'warn') warnings.push(msg);
      });
      expect(encoder.id).toMatch(/^builtin-/);
      expect(fast).toBe(encoder);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/built-in GloVe encoder.*Install Java 17\+ and Maven/);
    } finally {
      process.env.PATH = pathBefore;
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });

  it('is the default; SKILLGRAPH_ENCODER, SKILLGRAPH_TRANSFORMER and SKILLGRAPH_STUDENT choose otherwise', () => {
    expect(loadConfig({}).encoder).toEqual({
      kind: 'transformer',
      teacher: 'all-minilm-l6-v2',
      student: 'all-minilm-l6-v2-q-4l',
      workers: Math.max(1, Math.floor(os.availableParallelism() / loadConfig({}).workers)),
    });
    // The cores are shared among the service's processes.
    expect(loadConfig({ SKILLGRAPH_WORKERS: '2' }).encoder).toMatchObject({
      workers: Math.max(1, Math.floor(os.availableParallelism() / 2)),
    });
    expect(loadConfig({ SKILLGRAPH_WORKERS: '1' }).encoder).toMatchObject({ workers: os.availableParallelism() });
    expect(loadConfig({ SKILLGRAPH_ENCODER_WORKERS: '0' }).encoder).toMatchObject({ workers: 0 });
    expect(() => loadConfig({ SKILLGRAPH_ENCODER_WORKERS: 'many' })).toThrow(/SKILLGRAPH_ENCODER_WORKERS must be/);
    expect(loadConfig({ SKILLGRAPH_STUDENT: 'all-minilm-l6-v2-q' }).encoder).toMatchObject({
      student: 'all-minilm-l6-v2-q',
    });
    expect(loadConfig({ SKILLGRAPH_STUDENT: 'none' }).encoder).toMatchObject({ student: null });
    expect(loadConfig({ SKILLGRAPH_TRANSFORMER: 'bge-small-en-v1.5' }).encoder).toMatchObject({
      teacher: 'bge-small-en-v1.5',
      student: 'bge-small-en-v1.5',
    });
    expect(loadConfig({ SKILLGRAPH_ENCODER: 'builtin' }).encoder).toEqual({ kind: 'builtin' });
    expect(() => loadConfig({ SKILLGRAPH_TRANSFORMER: 'gpt-9' })).toThrow(/SKILLGRAPH_TRANSFORMER must be one of/);
  });
});

describe('the service with the transformer (the default encoder)', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService('embedded', {
      SKILLGRAPH_ENCODER: 'transformer',
      SKILLGRAPH_SEED_MEMBERS: '80',
      SKILLGRAPH_SEED_JOBS: '40',
      SKILLGRAPH_TRAIN_ON_START: 'true',
    });
  }, 600_000);
  afterAll(async () => {
    await svc?.stop();
  });

  it('extracts with the student on the request path and answers matches with a transformer embedding version', async () => {
    const res = await svc.gql(
      `{ extractSkills(text: "Requirements: you build and run containerised services on a managed cluster, and you write infrastructure as code.") {
           encoder skills { skill { id label } method confidence } } }`,
      {},
      'reader',
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.extractSkills.encoder).toMatch(/^transformer:all-minilm-l6-v2-q-4l@/);
    const labels = res.body.data.extractSkills.skills.map((s: any) => s.skill.label);
    expect(labels.length).toBeGreaterThan(0);
    const models = (await svc.gql('{ models { version encoder active } }', {}, 'admin')).body.data.models;
    expect(models[0].encoder).toMatch(/^transformer:all-minilm-l6-v2@/);
    const page = await svc.gql(
      '{ matchJobs(memberId: "member-000001", first: 3) { edges { node { embeddingVersion } } } }',
      {},
      'admin',
    );
    expect(page.body.errors).toBeUndefined();
    expect(page.body.data.matchJobs.edges[0].node.embeddingVersion).toMatch(
      /^transformer:all-minilm-l6-v2@[0-9a-f]{10}\|/,
    );
  });
});
