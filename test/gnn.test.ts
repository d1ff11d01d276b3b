/**
 * The marketplace generator, bulk import and the GraphSAGE encoder on a small generated
 * marketplace in a real embedded store: determinism, line-numbered import errors, held-out
 * pairs kept out, TF.js gradients, batch vs pure-TypeScript inference (1e-5), neighbourhoods
 * (weights, time bounds), model versions. `skillgraph evaluate` has its own file (evaluate.test.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMarketplace, loadCatalog } from '../src/marketplace/generate.ts';
import { loadConfig } from '../src/config.ts';
import { SEED_DIR, openCore } from '../src/service.ts';
import type { Core } from '../src/service.ts';
import { importMarketplace } from '../src/marketplace/import.ts';
import { EmbeddedStore } from '../src/store/embedded.ts';
import { loadSeed, parseSeed } from '../src/taxonomy/seed.ts';
import {
  buildGnnGraph,
  gnnEdges,
  layerCount,
  neighborhoodIn,
  neighborhoodOf,
  pairKey,
  trainSage,
  typeIndex,
} from '../gnn/index.ts';
import type { GnnGraph, Inference, SageConfig, SageParams } from '../gnn/index.ts';
import { sampleBlocks } from '../gnn/sampler.ts';
import { SageVariables, concatFloat32, flattenParams } from '../gnn/sage.ts';
import type { Blocks } from '../gnn/sage.ts';
import { DEFAULT_TRAIN_OPTIONS, batchLoss, drawBatch } from '../gnn/train.ts';
import { Adam, WorkerTrainer, splitBatch } from '../gnn/train-workers.ts';
import { flattenFusion, fuse, fuseAll, unflattenFusion } from '../gnn/fusion.ts';
import { seededRandom } from '../src/random.ts';
import { GraphEmbeddings } from '../src/embeddings/graph-embeddings.ts';
import { MatchingService } from '../src/matching/service.ts';
import { snapshotFile } from '../src/embeddings/snapshot-file.ts';
import { forwardAlone, forwardNew, forwardNode, inferAll } from '../gnn/inference.ts';
import { runTraining } from '../src/embeddings/training.ts';
import type { TrainingRun } from '../src/embeddings/training.ts';
import { aggregateRows, gatherRows, initTf, matMul, tf } from '../gnn/tf.ts';
import { activeVersion, listModels, loadModel, pinVersion, saveModel } from '../gnn/index.ts';
import { startTestService } from './support/service.ts';
import type { TestService } from './support/service.ts';

const SMALL = { epochs: 2, stepsPerEpoch: 4, batchSize: 64, hidden: 16, outDim: 16, randomNegatives: 32, seed: 5 };
const FUSION = { steps: 10, batchSize: 64, textOut: 8 };

/** The positions node i aggregates over at hop k+1 of sampled blocks. */
const slotsOf = (b: Blocks, k: number, i: number) => [...b.nbr[k].subarray(b.offsets[k][i], b.offsets[k][i + 1])];
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('seed marketplace generator', () => {
  it('is deterministic: same seed, same files; another seed, other files', () => {
    const catalog = loadCatalog(SEED_DIR);
    const dirs = ['a', 'b', 'c'].map((x) => fs.mkdtempSync(path.join(os.tmpdir(), `sg-gen-${x}-`)));
    generateMarketplace(catalog, dirs[0], { members: 120, jobs: 60, seed: 1 });
    generateMarketplace(catalog, dirs[1], { members: 120, jobs: 60, seed: 1 });
    const summary = generateMarketplace(catalog, dirs[2], { members: 120, jobs: 60, seed: 2 });
    for (const f of ['members.jsonl', 'jobs.jsonl', 'interactions.jsonl']) {
      expect(sha(path.join(dirs[0], f))).toBe(sha(path.join(dirs[1], f)));
      expect(sha(path.join(dirs[0], f))).not.toBe(sha(path.join(dirs[2], f)));
    }
    expect(summary).toMatchObject({ members: 120, jobs: 60 });
    const jobs = fs
      .readFileSync(path.join(dirs[0], 'jobs.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(jobs.filter((j) => /Requirements\n/.test(j.description)).length).toBe(60);
    expect(jobs.some((j) => j.seniority === undefined)).toBe(true); // missing fields happen
    for (const d of dirs) fs.rmSync(d, { recursive: true });
  });
});

/**
 * Batch (TF.js), reference (recursive, pure TS) and inductive (cached neighbours) inference give node v
 * the same vector.
 */
/** Inference for some targets only: their embeddings are the whole graph's, every other row zero. */
function expectTargetsAgree(some: Inference, all: Inference, targets: number[]): void {
  const d = all.outDim;
  for (const v of targets) expect(some.z.subarray(v * d, (v + 1) * d)).toEqual(all.z.subarray(v * d, (v + 1) * d));
  let rows = 0;
  for (let v = 0; v * d < some.z.length; v++) if (some.z.subarray(v * d, (v + 1) * d).some((x) => x !== 0)) rows++;
  expect(rows).toBe(new Set(targets).size);
}

function expectPathsAgree(
  params: SageParams,
  cfg: SageConfig,
  graph: GnnGraph,
  features: Float32Array,
  inference: Inference,
  v: number,
): void {
  const batch = inference.z.subarray(v * cfg.outDim, (v + 1) * cfg.outDim);
  const single = forwardNode(params, cfg, graph, features, v);
  const x = features.subarray(v * cfg.inputDim, (v + 1) * cfg.inputDim);
  const inductive = forwardNew(params, cfg, inference, graph.type, graph.type[v], x, neighborhoodIn(graph, v));
  for (let j = 0; j < cfg.outDim; j++) {
    expect(Math.abs(single[j] - batch[j])).toBeLessThan(1e-5);
    expect(Math.abs(inductive[j] - batch[j])).toBeLessThan(1e-5);
  }
}

describe('bulk import applies one batch while planning the next', () => {
  it('keeps the later line of an id, and every event of an edge, that batches in flight share', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-import-'));
    const store = EmbeddedStore.open({ dataDir: path.join(dataDir, 'store') });
    try {
      await loadSeed(store, parseSeed(SEED_DIR));
      const core = await openCore(store, loadConfig({ ...process.env, SKILLGRAPH_DATA_DIR: dataDir }));
      // 250 lines over 120 ids (batches of 100): batch 2 rewrites ids 0–79 of batch 1, batch 3 ids 0–9 and 80–119.
      const lines = Array.from({ length: 250 }, (_, i) =>
        JSON.stringify({ id: `pipe-${i % 120}`, headline: `line ${i}`, summary: 'I write Python and SQL.' }),
      );
      fs.mkdirSync(path.join(dataDir, 'in'));
      fs.writeFileSync(path.join(dataDir, 'in', 'members.jsonl'), lines.join('\n'));
      fs.writeFileSync(path.join(dataDir, 'in', 'jobs.jsonl'), JSON.stringify({ id: 'pipe-job', title: 'Analyst' }));
      // 2,001 views of one job at distinct times: the second batch (1 event) touches the first one's edge.
      const views = Array.from({ length: 2001 }, (_, i) =>
        JSON.stringify({ memberId: 'pipe-0', jobId: 'pipe-job', type: 'VIEWED', at: new Date(1e12 + i * 1000) }),
      );
      fs.writeFileSync(path.join(dataDir, 'in', 'interactions.jsonl'), views.join('\n'));
      const progress: number[] = [];
      // The real service, its first batch held back 300 ms: without the wait, batch 2 would land first and
      // batch 1's older lines over it.
      let calls = 0;
      const service = Object.create(core.marketplace) as typeof core.marketplace;
      service.upsertMembers = async (batch, actor, opts) => {
        if (calls++ === 0) await new Promise((r) => setTimeout(r, 300));
        return core.marketplace.upsertMembers(batch, actor, opts);
      };
      const summary = await importMarketplace(path.join(dataDir, 'in'), service, {
        onProgress: (file, line) => file === 'members.jsonl' && progress.push(line),
      });
      expect(summary.members).toEqual({ read: 250, imported: 250, failed: 0 });
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(progress.at(-1)).toBe(250);
      const stored = await store.getNodes(
        'Member',
        Array.from({ length: 120 }, (_, k) => `pipe-${k}`),
      );
      stored.forEach((n, k) => expect(n?.props.headline).toBe(`line ${k + (k < 10 ? 240 : 120)}`));
      expect(summary.interactions).toEqual({ read: 2001, imported: 2001, failed: 0 });
      const edge = await store.getEdge({
        type: 'VIEWED',
        from: { label: 'Member', id: 'pipe-0' },
        to: { label: 'Job', id: 'pipe-job' },
      });
      expect(edge?.props.count).toBe(2001);
    } finally {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('bulk import and GraphSAGE on a generated marketplace', () => {
  let dataDir: string;
  let store: EmbeddedStore;
  let core: Core;
  let trained: TrainingRun;
  const genDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-market-'));

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-gnn-'));
    store = EmbeddedStore.open({ dataDir: path.join(dataDir, 'store') });
    await loadSeed(store, parseSeed(SEED_DIR));
    core = await openCore(store, loadConfig({ ...process.env, SKILLGRAPH_DATA_DIR: dataDir }));
    generateMarketplace(loadCatalog(SEED_DIR), genDir, { members: 150, jobs: 80, seed: 3 });
    // Damage three lines: not JSON, a field that fails validation, and an unknown member.
    const members = fs.readFileSync(path.join(genDir, 'members.jsonl'), 'utf8').split('\n');
    members.splice(1, 0, '{"id": "broken", ');
    members.splice(
      3,
      0,
      JSON.stringify({ id: 'bad-date', experience: [{ title: 'x', start: 'last year' }], unknownField: 1 }),
    );
    fs.writeFileSync(path.join(genDir, 'members.jsonl'), members.join('\n'));
    fs.appendFileSync(
      path.join(genDir, 'interactions.jsonl'),
      JSON.stringify({ memberId: 'nobody', jobId: 'job-000001', type: 'VIEWED' }) + '\n',
    );
  });
  afterAll(async () => {
    await store?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(genDir, { recursive: true, force: true });
  });

  it('imports, reporting bad lines by file and line number and skipping only them', async () => {
    const summary = await importMarketplace(genDir, core.marketplace);
    expect(summary.members).toMatchObject({ read: 152, imported: 150, failed: 2 });
    expect(summary.jobs).toMatchObject({ read: 80, imported: 80, failed: 0 });
    expect(summary.errors).toContainEqual({
      file: 'members.jsonl',
      line: 2,
      message: expect.stringMatching(/not valid JSON/),
    });
    expect(summary.errors).toContainEqual({
      file: 'members.jsonl',
      line: 4,
      message: expect.stringMatching(/experience\[0\]\.start/),
    });
    expect(summary.errors.some((e) => e.file === 'interactions.jsonl' && /nobody/.test(e.message))).toBe(true);
    expect(await store.countNodes('Member')).toBe(150);
    expect(await store.getNode({ label: 'Member', id: 'bad-date' })).toBeNull();
    expect(summary.interactions.imported).toBeGreaterThan(500);
    expect(await store.countEdges('HAS_SKILL')).toBeGreaterThan(150 * 3);
    expect(await store.countEdges('REQUIRES')).toBeGreaterThan(80 * 3);
  });

  it('re-importing the same files changes no member, job or skill edge', async () => {
    const before = {
      members: await store.countNodes('Member'),
      skills: await store.countEdges('HAS_SKILL'),
      requires: await store.countEdges('REQUIRES'),
    };
    const seq = await store.lastSeq();
    await importMarketplace(genDir, core.marketplace);
    expect({
      members: await store.countNodes('Member'),
      skills: await store.countEdges('HAS_SKILL'),
      requires: await store.countEdges('REQUIRES'),
    }).toEqual(before);
    // Only versions, timestamps and interaction counts move; no edge is deleted.
    const events = await store.changes(seq, 100_000);
    expect(events.filter((e) => e.kind === 'edge.delete')).toEqual([]);
  });

  it('keeps held-out pairs out of the GNN graph entirely', async () => {
    const p = await store.projection();
    const full = buildGnnGraph(p);
    const mj = full.pairs.memberJob;
    const heldOut = new Set([pairKey(full.ids[mj[0]], full.ids[mj[1]]), pairKey(full.ids[mj[2]], full.ids[mj[3]])]);
    const g = buildGnnGraph(p, heldOut);
    expect(g.pairs.memberJob.length).toBe(mj.length - 4);
    for (const [m, j] of [
      [mj[0], mj[1]],
      [mj[2], mj[3]],
    ]) {
      expect([...g.neighbors.subarray(g.offsets[m], g.offsets[m + 1])]).not.toContain(j);
      expect([...g.neighbors.subarray(g.offsets[j], g.offsets[j + 1])]).not.toContain(m);
    }
  });

  it('custom matMul, gather and sparse-aggregation gradients equal TF.js reference gradients', async () => {
    await initTf();
    const x = tf.randomNormal([5, 4], 0, 1, 'float32', 1) as tf.Tensor2D;
    const w = tf.randomNormal([4, 3], 0, 1, 'float32', 2) as tf.Tensor2D;
    const idx = Int32Array.from([0, 2, 2, 4, 0, 0]);
    // Two outputs of three slots each: weighted sums of rows, -1 and 5 (past the last row) add nothing.
    const aggIdx = Int32Array.from([1, -1, 3, 4, 4, 5]);
    const aggW = Float32Array.from([0.5, 7, 2, 1, 0.25, 9]);
    const ours = tf.grads((a: tf.Tensor, b: tf.Tensor) => {
      const y = matMul(a as tf.Tensor2D, b as tf.Tensor2D);
      return tf.add(
        tf.sum(tf.square(gatherRows(y, idx))),
        tf.sum(tf.square(aggregateRows(y, aggIdx, aggW, Int32Array.from([0, 3, 6])))),
      );
    })([x, w]);
    // Reference: the same function on plain ops, gather and aggregation as dense products.
    const onehot = tf.oneHot(tf.tensor1d(idx, 'int32'), 5).toFloat() as tf.Tensor2D;
    const dense = tf.tensor2d(
      [
        [0, 0.5, 0, 2, 0],
        [0, 0, 0, 0, 1.25],
      ],
      [2, 5],
    );
    const ref = tf.grads((a: tf.Tensor, b: tf.Tensor) => {
      const y = tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D);
      return tf.add(tf.sum(tf.square(tf.matMul(onehot, y))), tf.sum(tf.square(tf.matMul(dense, y))));
    })([x, w]);
    for (let i = 0; i < 2; i++) {
      const [a, b] = [ours[i].dataSync(), ref[i].dataSync()];
      for (let k = 0; k < a.length; k++) expect(a[k]).toBeCloseTo(b[k], 4);
    }
  });

  it('trains reproducibly: same seed, same weights', async () => {
    trained = await runTraining(store, core.encoder, { train: SMALL, fusion: FUSION });
    const again = await runTraining(store, core.encoder, { train: SMALL, fusion: FUSION });
    expect(trained.result.epochs.length).toBeGreaterThan(0);
    expect(trained.result.epochs[0].validation?.members).toBeGreaterThan(0);
    const a = trained.result.params.layers[1].self.w;
    const b = again.result.params.layers[1].self.w;
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(again.fusion.id).toBe(trained.fusion.id);
  }, 180_000);

  it('the pure-TypeScript forward pass gives the TF.js batch vectors to 1e-5', async () => {
    const { graph, features, result, inference } = trained;
    const cfg = result.config;
    const memberT = typeIndex('Member');
    const sample = [
      graph.start[memberT],
      graph.start[memberT] + 7,
      graph.start[typeIndex('Job')] + 3,
      graph.start[typeIndex('Skill')] + 11,
      graph.start[typeIndex('Location')],
    ];
    for (const v of sample) expectPathsAgree(result.params, cfg, graph, features.data, inference, v);
    // A node the model never saw still gets a unit vector from its text and neighbours.
    const fresh = forwardNew(
      result.params,
      cfg,
      inference,
      graph.type,
      memberT,
      features.data.subarray(0, cfg.inputDim),
      {
        nbrs: Uint32Array.of(graph.start[typeIndex('Skill')]),
        weight: Float32Array.of(1),
      },
    );
    expect(Math.hypot(...fresh)).toBeCloseTo(1, 4);
    const again = await inferAll(result.params, cfg, graph, features.data);
    expect(again.z).toEqual(inference.z);
    expectTargetsAgree(await inferAll(result.params, cfg, graph, features.data, undefined, sample), inference, sample);
    // Text alone (what the fusion head trains cold start on) is what batch inference gives a node without edges.
    const alone = await forwardAlone(result.params, cfg, graph, features.data, ['Member', 'Job']);
    const edgeless = await inferAll(
      result.params,
      cfg,
      {
        ...graph,
        offsets: new Uint32Array(graph.ids.length + 1),
        neighbors: new Uint32Array(0),
        weight: new Float32Array(0),
        cumWeight: new Float64Array(0),
        since: new Float64Array(0),
        lastSince: new Float64Array(graph.ids.length).fill(-Infinity),
      },
      features.data,
    );
    for (const v of [graph.start[memberT], graph.start[typeIndex('Job')] + 3]) {
      // …and what the service computes for one node without neighbours (a cold-start member or job).
      const one = forwardNew(
        result.params,
        cfg,
        inference,
        graph.type,
        graph.type[v],
        features.data.subarray(v * cfg.inputDim, (v + 1) * cfg.inputDim),
        { nbrs: new Uint32Array(0), weight: new Float32Array(0) },
      );
      for (let j = 0; j < cfg.outDim; j++) {
        expect(Math.abs(alone[v * cfg.outDim + j] - edgeless.z[v * cfg.outDim + j])).toBeLessThan(1e-5);
        expect(Math.abs(alone[v * cfg.outDim + j] - one[j])).toBeLessThan(1e-5);
      }
    }
    expect(
      alone
        .subarray(graph.start[typeIndex('Skill')] * cfg.outDim, (graph.start[typeIndex('Skill')] + 1) * cfg.outDim)
        .every((x) => x === 0),
    ).toBe(true);
  });

  it('the layer count is a parameter: a 1- and a 3-layer model agree across batch, reference and inductive inference', async () => {
    const { graph, features } = trained;
    for (const fanouts of [[6], [6, 4, 3]]) {
      const run = await trainSage(graph, features.data, features.dim, new Uint32Array(0), {
        ...SMALL,
        epochs: 1,
        fanouts,
      });
      const cfg = run.config;
      // Without validation pairs the kept epoch has the lowest loss: a trained one, never the initial weights.
      expect(run.bestEpoch).toBe(1);
      expect(layerCount(cfg)).toBe(fanouts.length);
      expect(run.params.layers).toHaveLength(fanouts.length);
      const inference = await inferAll(run.params, cfg, graph, features.data);
      expect(inference.h).toHaveLength(fanouts.length);
      const sample = [
        graph.start[typeIndex('Member')] + 2,
        graph.start[typeIndex('Job')] + 5,
        graph.start[typeIndex('Skill')] + 1,
      ];
      for (const v of sample) expectPathsAgree(run.params, cfg, graph, features.data, inference, v);
      expectTargetsAgree(await inferAll(run.params, cfg, graph, features.data, undefined, sample), inference, sample);
    }
  }, 180_000);

  it('data-parallel training: a worker thread computes the same gradients as this thread; Adam as TF.js has it', async () => {
    const { graph, features } = trained;
    const o = { ...DEFAULT_TRAIN_OPTIONS, ...SMALL, randomNegatives: 16, batchSize: 12 };
    const cfg: SageConfig = { ...trained.result.config };
    const initial = trained.result.params;
    const batch = drawBatch(graph, o, 'memberJob', seededRandom(4));
    const seed = 123_456;
    // Here: the batch's gradients with the sampler seeded as the worker will seed it, then one Adam step.
    const vars = new SageVariables(initial);
    const { value, grads } = tf.variableGrads(() =>
      batchLoss(vars, cfg, graph, features.data, batch, o, seededRandom(seed)),
    );
    const flatGrads = concatFloat32(vars.all().map((v) => grads[v.name].dataSync() as Float32Array));
    const expected = flattenParams(initial);
    new Adam(expected.length, o.learningRate).step(expected, flatGrads);
    // TF.js's own Adam on the same gradients moves the weights the same way.
    const optimizer = tf.train.adam(o.learningRate);
    optimizer.applyGradients(grads as tf.NamedTensorMap as Parameters<typeof optimizer.applyGradients>[0]);
    const tfAdam = concatFloat32(vars.all().map((v) => v.dataSync() as Float32Array));
    for (let i = 0; i < expected.length; i += 97) expect(tfAdam[i]).toBeCloseTo(expected[i], 5);
    // A worker sets its variables every step: that leaves no tensor behind, and the values are the given ones.
    const tensors = tf.memory().numTensors;
    vars.assign(initial);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(concatFloat32(vars.all().map((v) => v.dataSync() as Float32Array))).toEqual(flattenParams(initial));
    vars.dispose();
    // One worker, handed the seed: the same loss and weights after its step.
    const trainer = await WorkerTrainer.start(1, graph, features.data, cfg, initial, { ...o, workers: 1 });
    try {
      const loss = await trainer.step(batch, () => seed / 2 ** 31);
      expect(loss).toBeCloseTo(value.dataSync()[0], 5);
      const after = flattenParams(trainer.params());
      for (let i = 0; i < expected.length; i++) expect(Math.abs(after[i] - expected[i])).toBeLessThan(1e-5);
      expect(after.some((x, i) => x !== flattenParams(initial)[i])).toBe(true);
    } finally {
      await trainer.dispose();
    }
    // Parts of a batch: every pair and negative once, in order.
    const parts = splitBatch(batch, 3);
    expect(parts.flatMap((p) => [...p.src])).toEqual([...batch.src]);
    expect(parts.flatMap((p) => [...p.negatives])).toEqual([...batch.negatives]);
  }, 120_000);

  it('the sampler never shows a training pair its own edge, at any hop of its two endpoints', () => {
    const g = trained.graph;
    const mj = g.pairs.memberJob;
    const src = [mj[0], mj[2], mj[4]];
    const dst = [mj[1], mj[3], mj[5]];
    const forbid = new Map<number, Set<number>>();
    src.forEach((m, i) => {
      forbid.set(m, new Set([dst[i]]));
      forbid.set(dst[i], new Set([m]));
    });
    for (const sampling of ['adaptive', 'fixed'] as const) {
      const blocks = sampleBlocks(g, [...src, ...dst], [50, 50], seededRandom(9), forbid, undefined, sampling);
      for (let k = 0; k < blocks.nbr.length; k++) {
        for (let i = 0; i < blocks.sizes[0]; i++) {
          const drawn = slotsOf(blocks, k, i).map((p) => blocks.nodes[p]);
          for (const banned of forbid.get(blocks.nodes[i]) ?? []) expect(drawn).not.toContain(banned);
        }
      }
      // Without the guard the same draw does reach the pair's other end (so the check above can fail).
      const open = sampleBlocks(g, [...src, ...dst], [50, 50], seededRandom(9), undefined, undefined, sampling);
      const reached = src.some((m, i) =>
        slotsOf(open, 0, i)
          .map((p) => open.nodes[p])
          .includes(dst[i]),
      );
      expect(reached).toBe(true);
    }
  });

  it("adaptive sampling: a sparse node's whole neighbourhood with its weights, its budget one hop on, hubs capped", () => {
    const g = trained.graph;
    const degree = (v: number) => g.offsets[v + 1] - g.offsets[v];
    const fanouts = [10, 5];
    const members = Array.from({ length: g.start[1] - g.start[0] }, (_, i) => g.start[0] + i)
      .filter((v) => degree(v) > 0)
      .sort((a, b) => degree(a) - degree(b));
    const sparse = members.slice(0, 20);
    const dense = members.slice(-20);
    expect(degree(sparse[0])).toBeLessThanOrEqual(fanouts[0]);
    expect(degree(dense[0])).toBeGreaterThan(fanouts[0]);
    const blocks = sampleBlocks(g, [...sparse, ...dense], fanouts, seededRandom(5), undefined, undefined, 'adaptive');
    const weightOf = (a: number, b: number) => {
      for (let e = g.offsets[a]; e < g.offsets[a + 1]; e++) if (g.neighbors[e] === b) return g.weight[e];
      throw new Error(`${a} and ${b} are not neighbours`);
    };
    let boosted = 0;
    [...sparse, ...dense].forEach((v, i) => {
      const p = blocks.targetPos[i];
      const hop1 = slotsOf(blocks, 0, p);
      if (degree(v) <= fanouts[0]) {
        // Each neighbour once, weighted as in the graph (inference's exact mean).
        expect(hop1.map((c) => blocks.nodes[c]).sort((a, b) => a - b)).toEqual([
          ...g.neighbors.subarray(g.offsets[v], g.offsets[v + 1]),
        ]);
        hop1.forEach((c, k) => expect(blocks.weight[0][blocks.offsets[0][p] + k]).toBe(weightOf(v, blocks.nodes[c])));
      } else {
        // A dense target draws its fan-out, each draw counting 1.
        expect(hop1.length).toBe(fanouts[0]);
        expect([...blocks.weight[0].subarray(blocks.offsets[0][p], blocks.offsets[0][p + 1])]).toEqual(
          new Array(fanouts[0]).fill(1),
        );
      }
      // Two hops never take more slots than fixed's fan-outs would (10 × 5).
      const hop2 = hop1.reduce((n, c) => n + slotsOf(blocks, 1, c).length, 0);
      expect(hop2).toBeLessThanOrEqual(fanouts[0] * fanouts[1]);
      for (const c of hop1) {
        const u = blocks.nodes[c];
        const taken = slotsOf(blocks, 1, c).length;
        // A neighbour takes its whole neighbourhood when its share of the budget allows, else the fan-out.
        if (degree(u) > fanouts[0] * fanouts[1]) expect(taken).toBe(fanouts[1]);
        if (taken > fanouts[1]) boosted++;
      }
    });
    // The sparse members' spare budget went one hop further somewhere.
    expect(boosted).toBeGreaterThan(0);
  });

  it('time: a pair sampled as of its first interaction sees no edge that came later, at any hop', () => {
    const g = trained.graph;
    const mj = g.pairs.memberJob;
    const timed = [...g.memberJobSince.keys()]
      .filter((i) => Number.isFinite(g.memberJobSince[i]))
      .sort((a, b) => g.memberJobSince[a] - g.memberJobSince[b]);
    // Pairs from the middle of the timeline: their ends have edges from before and after.
    const picks = timed.slice(timed.length >> 1, (timed.length >> 1) + 20);
    const targets = picks.flatMap((p) => [mj[2 * p], mj[2 * p + 1]]);
    const before = picks.flatMap((p) => [g.memberJobSince[p], g.memberJobSince[p]]);
    const sinceOf = (a: number, b: number) => {
      for (let e = g.offsets[a]; e < g.offsets[a + 1]; e++) if (g.neighbors[e] === b) return g.since[e];
      throw new Error(`${a} and ${b} are not neighbours`);
    };
    const f = 20;
    const later = (blocks: ReturnType<typeof sampleBlocks>) => {
      let seen = 0;
      let drawn = 0;
      targets.forEach((_, i) => {
        const p = blocks.targetPos[i];
        for (const c of slotsOf(blocks, 0, p)) {
          drawn++;
          if (sinceOf(blocks.nodes[p], blocks.nodes[c]) >= before[i]) seen++;
          for (const gc of slotsOf(blocks, 1, c)) {
            drawn++;
            if (sinceOf(blocks.nodes[c], blocks.nodes[gc]) >= before[i]) seen++;
          }
        }
      });
      return { seen, drawn };
    };
    const bounded = later(sampleBlocks(g, targets, [f, f], seededRandom(3), undefined, before));
    expect(bounded.drawn).toBeGreaterThan(500);
    expect(bounded.seen).toBe(0);
    // Without the bounds the same draw does reach later edges (so the check above can fail).
    expect(later(sampleBlocks(g, targets, [f, f], seededRandom(3))).seen).toBeGreaterThan(0);
  });

  it('neighbourhood weights: APPLIED over VIEWED, repeats and recency count; each neighbour type averages 1', () => {
    const day = 86_400_000;
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    const typeOf = (v: number) => (v < 10 ? 1 : 2); // 0–9 jobs, 10+ skills
    const hood = neighborhoodOf(
      [
        { other: 1, type: 'VIEWED', first: t0, latest: t0 + 90 * day, count: 1 },
        { other: 2, type: 'VIEWED', first: t0, latest: t0 + 90 * day, count: 1 },
        { other: 2, type: 'APPLIED', first: t0 + day, latest: t0 + 90 * day, count: 1 },
        { other: 3, type: 'VIEWED', first: t0, latest: t0, count: 1 },
        { other: 4, type: 'VIEWED', first: t0 + 2 * day, latest: t0 + 90 * day, count: 5 },
        { other: 12, type: 'HAS_SKILL', first: NaN, latest: NaN, count: 1 },
        { other: 11, type: 'HAS_SKILL', first: NaN, latest: NaN, count: 1 },
      ],
      typeOf,
    );
    expect([...hood.nbrs]).toEqual([1, 2, 3, 4, 11, 12]);
    const w = Object.fromEntries([...hood.nbrs].map((v, i) => [v, hood.weight[i]]));
    expect(w[2] / w[1]).toBeCloseTo(4, 5); // VIEWED 1 + APPLIED 3
    expect(w[1] / w[3]).toBeCloseTo(2, 5); // 90 days newer: one half-life
    expect(w[4] / w[1]).toBeCloseTo(1 + Math.log(5), 5);
    expect((w[1] + w[2] + w[3] + w[4]) / 4).toBeCloseTo(1, 5);
    expect([w[11], w[12]]).toEqual([1, 1]);
    expect([...hood.since]).toEqual([t0, t0, t0, t0 + 2 * day, -Infinity, -Infinity]);
  });

  it('one neighbourhood rule: the edges a member or job aggregates over, derived from the edge vocabulary', () => {
    const names = (l: 'Member' | 'Job') =>
      gnnEdges(l)
        .map((e) => `${e.type}:${e.direction}`)
        .sort();
    expect(names('Member')).toEqual([
      'APPLIED:out',
      'HAS_SKILL:out',
      'HAS_TITLE:out',
      'HIRED:out',
      'LOCATED_IN:out',
      'SAVED:out',
      'VIEWED:out',
      'WORKED_AT:out',
    ]);
    expect(names('Job')).toEqual([
      'APPLIED:in',
      'HAS_TITLE:out',
      'HIRED:in',
      'LOCATED_IN:out',
      'POSTED_BY:out',
      'REQUIRES:out',
      'SAVED:in',
      'VIEWED:in',
    ]);
  });

  it('saves versions that load back exactly, refuses damaged ones, and pins', () => {
    const { graph, result, inference } = trained;
    const m1 = saveModel(dataDir, result, graph, inference, trained.fusion, {
      encoder: core.encoder.id,
      validationPairs: trained.validationPairs,
      heldOutPairs: 0,
    });
    const loaded = loadModel(dataDir, m1.version);
    expect(loaded.params.input[2].w.w).toEqual(result.params.input[2].w.w);
    expect(loaded.embeddings).toEqual(inference.z);
    expect(loaded.manifest.data.seq).toBe(graph.seq);
    const m2 = saveModel(dataDir, result, graph, inference, trained.fusion, {
      encoder: core.encoder.id,
      validationPairs: 0,
      heldOutPairs: 0,
    });
    expect(listModels(dataDir).map((m) => m.version)).toEqual([m2.version, m1.version].sort().reverse());
    expect(activeVersion(dataDir)).toBe([m1.version, m2.version].sort().at(-1));
    pinVersion(dataDir, m1.version);
    expect(activeVersion(dataDir)).toBe(m1.version);
    expect(() => pinVersion(dataDir, 'nope')).toThrow(/No model version/);
    pinVersion(dataDir, null);
    // A flipped byte is caught by the checksum.
    const file = path.join(dataDir, 'models', 'gnn', m2.version, 'weights.bin');
    const buf = fs.readFileSync(file);
    buf[10] ^= 0xff;
    fs.writeFileSync(file, buf);
    expect(() => loadModel(dataDir, m2.version)).toThrow(/checksum/);
  });

  it('fusion: each tower is normalize([a·g ; t·W + b]), batch equals single, weights round-trip, and the head learned', () => {
    const { graph, features, inference, fusion } = trained;
    const v = graph.start[typeIndex('Member')] + 4;
    const t = features.data.subarray(v * fusion.textDim, (v + 1) * fusion.textDim);
    const g = inference.z.subarray(v * fusion.graphDim, (v + 1) * fusion.graphDim);
    for (const side of ['member', 'job'] as const) {
      const tower = fusion[side];
      const expected = new Float64Array(fusion.outDim);
      for (let i = 0; i < fusion.graphDim; i++) expected[i] = tower.graphScale * g[i];
      for (let j = 0; j < fusion.textOut; j++) {
        let s = tower.b[j];
        for (let i = 0; i < fusion.textDim; i++) s += t[i] * tower.text.w[i * fusion.textOut + j];
        expected[fusion.graphDim + j] = s;
      }
      const norm = Math.hypot(...expected);
      const got = fuse(fusion, side, t, g);
      for (let j = 0; j < fusion.outDim; j++) expect(Math.abs(got[j] - expected[j] / norm)).toBeLessThan(1e-5);
    }
    // The two towers are different functions (members and jobs are not embedded alike).
    expect(fuse(fusion, 'member', t, g)).not.toEqual(fuse(fusion, 'job', t, g));
    // Batch (matrix products on TF.js) equals single (a loop per node) to float rounding, for members and jobs;
    // other nodes' rows stay zero.
    const all = fuseAll(fusion, graph, features.data, inference.z);
    const jobV = graph.start[typeIndex('Job')] + 2;
    for (const [u, side] of [
      [v, 'member'],
      [graph.start[typeIndex('Member')], 'member'],
      [jobV, 'job'],
    ] as const) {
      const one = fuse(
        fusion,
        side,
        features.data.subarray(u * fusion.textDim, (u + 1) * fusion.textDim),
        inference.z.subarray(u * fusion.graphDim, (u + 1) * fusion.graphDim),
      );
      const row = all.subarray(u * fusion.outDim, (u + 1) * fusion.outDim);
      for (let j = 0; j < fusion.outDim; j++) expect(Math.abs(row[j] - one[j])).toBeLessThan(1e-6);
    }
    const skillV = graph.start[typeIndex('Skill')];
    expect(all.subarray(skillV * fusion.outDim, (skillV + 1) * fusion.outDim).every((x) => x === 0)).toBe(true);
    const { member: _m, job: _j, ...meta } = fusion;
    expect(unflattenFusion(meta, flattenFusion(fusion))).toEqual(fusion);
    // Training moved the graph scale off its initial 1 and measured itself on validation pairs.
    expect(fusion.member.graphScale).not.toBe(1);
    expect(fusion.metrics.validation?.members).toBeGreaterThan(0);
  });

  /** The trained run saved as a model version in dir, as if its features came from `encoder`. */
  const saveTrainedAs = (dir: string, encoder: string) =>
    saveModel(dir, trained.result, trained.graph, trained.inference, trained.fusion, {
      encoder,
      validationPairs: 0,
      heldOutPairs: 0,
    });

  it('nearline and batch agree: a node re-fused from the store (fuseNode) gets the vector activation computed', async () => {
    const modelDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-nearline-'));
    const m = saveTrainedAs(modelDir, core.encoder.id);
    const embeddings = new GraphEmbeddings(store, { encoder: core.encoder }, modelDir);
    try {
      await embeddings.use(m.version);
      for (const label of ['Member', 'Job'] as const) {
        const batch = [...embeddings.fusedVectors(label)];
        for (const { id, vector } of [batch[0], batch[5], batch[batch.length - 1]]) {
          const node = (await store.getNode({ label, id }))!;
          const nearline = await embeddings.fuseNode(node);
          expect(nearline).toHaveLength(vector.length);
          for (let j = 0; j < vector.length; j++) expect(Math.abs(nearline[j] - vector[j])).toBeLessThan(1e-5);
        }
      }
    } finally {
      embeddings.close();
      fs.rmSync(modelDir, { recursive: true, force: true });
    }
  });

  it('never serves a version trained on another encoder’s vectors: init skips it, useModel refuses it', async () => {
    const modelDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-encoders-'));
    const mine = saveTrainedAs(modelDir, core.encoder.id);
    const other = saveTrainedAs(modelDir, 'transformer:other@0123456789');
    pinVersion(modelDir, other.version);
    const embeddings = new GraphEmbeddings(store, { encoder: core.encoder }, modelDir);
    try {
      await embeddings.init({ train: false });
      expect(embeddings.manifest?.version).toBe(mine.version);
      expect(activeVersion(modelDir)).toBe(mine.version);
      await expect(embeddings.use(other.version)).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/trained on transformer:other/),
      });
      await expect(embeddings.snapshot(other.version)).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await embeddings.use(null)).version).toBe(mine.version);
    } finally {
      embeddings.close();
      fs.rmSync(modelDir, { recursive: true, force: true });
    }
  });

  it('a first start serves its training run: what activating the saved version computes again', async () => {
    const modelDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-first-start-'));
    const logs: Array<{ msg: string; fields?: Record<string, unknown> }> = [];
    const open = () =>
      new GraphEmbeddings(
        store,
        { encoder: core.encoder },
        modelDir,
        (msg, fields) => logs.push({ msg, fields }),
        modelDir,
        'off',
      );
    const served = () => logs.filter((l) => l.msg === 'serving GraphSAGE model').at(-1)!.fields!;
    const [trained, again] = [open(), open()];
    try {
      await trained.init({ train: true });
      expect(served().snapshot).toBe('from training');
      await again.init({ train: false });
      expect(served().snapshot).toBe('computed');
      const [a, b] = [trained.activeSnapshot!, again.activeSnapshot!];
      expect(a.manifest.version).toBe(b.manifest.version);
      expect(a.graph.ids).toEqual(b.graph.ids);
      expect(a.graph.seq).toBe(b.graph.seq);
      expect(a.features).toEqual(b.features);
      expect(a.inference.z).toEqual(b.inference.z);
      expect(a.inference.h).toEqual(b.inference.h);
      expect(a.fused).toEqual(b.fused);
    } finally {
      trained.close();
      again.close();
      fs.rmSync(modelDir, { recursive: true, force: true });
    }
  });

  it('activation snapshot file: a second activation reads back exactly what the first computed; another store, other model files or a damaged file are not used', async () => {
    const modelDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-snapshot-'));
    const m = saveTrainedAs(modelDir, core.encoder.id);
    const logs: Array<{ msg: string; fields?: Record<string, unknown> }> = [];
    const open = (over: EmbeddedStore = store) =>
      new GraphEmbeddings(over, { encoder: core.encoder }, modelDir, (msg, fields) => logs.push({ msg, fields }));
    const served = () => logs.filter((l) => l.msg === 'serving GraphSAGE model').at(-1)!.fields!;
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-snapshot-store-'));
    const other = EmbeddedStore.open({ dataDir: otherDir });
    const first = open();
    try {
      await first.use(m.version);
      expect(served().snapshot).toBe('computed');
      const file = snapshotFile(modelDir, m.version);
      expect(fs.existsSync(file)).toBe(true);

      const second = open();
      await second.use(m.version);
      expect(served()).toMatchObject({ snapshot: 'read from its file', position: first.activationPosition });
      const [a, b] = [first.activeSnapshot!, second.activeSnapshot!];
      expect(b.graph.ids).toEqual(a.graph.ids);
      expect(b.graph.start).toEqual(a.graph.start);
      expect(b.graph.index).toEqual(a.graph.index);
      for (const k of ['type', 'offsets', 'neighbors', 'weight', 'cumWeight', 'since', 'lastSince'] as const)
        expect(b.graph[k]).toEqual(a.graph[k]);
      expect(b.graph.pairs).toEqual(a.graph.pairs);
      expect(b.features).toEqual(a.features);
      expect(b.inference).toEqual(a.inference);
      expect(b.fused).toEqual(a.fused);
      const job = { label: 'Job' as const, id: a.graph.ids[a.graph.start[typeIndex('Job')]] };
      expect(second.vectorOf(job)).toEqual(first.vectorOf(job));
      expect([...second.fusedVectors('Member')]).toEqual([...first.fusedVectors('Member')]);
      second.close();

      // Another store (its event at the file's position is not the one the file names): computed again.
      await loadSeed(other, parseSeed(SEED_DIR));
      const elsewhere = open(other);
      await elsewhere.use(m.version).catch(() => undefined);
      expect(
        logs.some(
          (l) =>
            l.msg === 'activation snapshot file not used' && l.fields?.why === 'it was computed over another store',
        ),
      ).toBe(true);
      elsewhere.close();
      // The file now is that store's (the latest activation's); back on ours it is not used either, and ours is
      // written again.
      logs.length = 0;
      const again = open();
      await again.use(m.version);
      expect(served().snapshot).toBe('computed');
      again.close();

      // Other model files under the same version name (a version directory replaced): not used.
      const manifestFile = path.join(modelDir, 'models', 'gnn', m.version, 'model.json');
      const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
      fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, fusion: { ...manifest.fusion, id: 'f-replaced' } }));
      logs.length = 0;
      const replaced = open();
      await replaced.use(m.version);
      expect(logs.find((l) => l.msg === 'activation snapshot file not used')?.fields?.why).toBe(
        'it was computed with other model files',
      );
      expect(served().snapshot).toBe('computed');
      replaced.close();

      // A damaged (truncated) file: not used, computed again.
      fs.truncateSync(file, fs.statSync(file).size - 100);
      logs.length = 0;
      const damaged = open();
      await damaged.use(m.version);
      expect(logs.find((l) => l.msg === 'activation snapshot file not used')?.fields?.why).toMatch(/truncated/);
      expect(served().snapshot).toBe('computed');
      expect(damaged.activeSnapshot!.fused).toEqual(a.fused);
      damaged.close();
    } finally {
      first.close();
      await other.close();
      fs.rmSync(otherDir, { recursive: true, force: true });
      fs.rmSync(modelDir, { recursive: true, force: true });
    }
  });

  /**
   * The suite's store with its projection held once `hold()` is called, until the returned release: the projection is
   * read (then held) or held (then read) — `reached` resolves once a caller is held.
   */
  const holdingProjection = (readFirst: boolean) => {
    let held: Promise<void> | null = null;
    let reachedNow: () => void = () => {};
    const proxy = new Proxy(store, {
      get(target, key) {
        if (key === 'projection')
          return async () => {
            const early = readFirst ? await target.projection() : null;
            reachedNow();
            await held;
            return early ?? target.projection();
          };
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const hold = () => {
      let release: () => void = () => {};
      held = new Promise((r) => (release = r));
      const reached = new Promise<void>((r) => (reachedNow = r));
      return { reached, release };
    };
    return { store: proxy, hold };
  };
  /** Writes a job requiring the skills another job requires; returns its write's position. */
  const writeJobLike = async (job: { label: 'Job'; id: string }, like: string) => {
    const skills = await store.neighbors({ label: 'Job', id: like }, 'REQUIRES', 'out');
    const { seq } = await store.write([
      { op: 'upsertNode', node: { ...job, props: { title: 'Data engineer', description: 'Python, SQL, Spark' } } },
      ...skills.map((n) => ({ op: 'upsertEdge' as const, edge: { ...n.edge, from: job } })),
    ]);
    return seq;
  };

  it('a job refreshed while the matching indexes are rebuilt is in the new ones', async () => {
    const modelDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-rebuild-'));
    const v = saveTrainedAs(modelDir, core.encoder.id);
    // The matching service's store holds its projection read (the rebuild's last) until released.
    const slow = holdingProjection(false);
    const embeddings = new GraphEmbeddings(store, { encoder: core.encoder }, modelDir);
    const matching = new MatchingService(slow.store, embeddings, core.extraction);
    const job = { label: 'Job' as const, id: 'job-during-rebuild' };
    try {
      await embeddings.use(v.version);
      const { reached, release } = slow.hold();
      const rebuilt = matching.rebuild();
      await reached;
      const seq = await writeJobLike(job, 'job-000002');
      await matching.refreshMany([job], seq); // into the indexes being replaced
      release();
      await rebuilt;
      const { items } = await matching.similar('Job', 'job-000002', 100_000);
      expect(items.map((i) => i.id)).toContain(job.id);
    } finally {
      embeddings.close();
      fs.rmSync(modelDir, { recursive: true, force: true });
    }
  });

  it('a job written and refreshed while another version is being activated is served by that version', async () => {
    const modelDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-switch-'));
    const v1 = saveTrainedAs(modelDir, core.encoder.id);
    const v2 = saveTrainedAs(modelDir, core.encoder.id);
    // The projection the new version's snapshot is built on is read, then held: what is written meanwhile is
    // after its position.
    const slow = holdingProjection(true);
    const embeddings = new GraphEmbeddings(slow.store, { encoder: core.encoder }, modelDir);
    const job = { label: 'Job' as const, id: 'job-during-switch' };
    try {
      await embeddings.use(v1.version);
      const { reached, release } = slow.hold();
      const switched = embeddings.use(v2.version);
      await reached;
      const seq = await writeJobLike(job, 'job-000003');
      // The nearline refresh serves it with v1, still active.
      await embeddings.refreshNodes([(await store.getNode(job))!], seq);
      expect(embeddings.vectorOf(job)).not.toBeNull();
      release();
      await switched;
      expect(embeddings.manifest?.version).toBe(v2.version);
      expect(embeddings.activationPosition).toBeLessThan(seq);
      const now = await embeddings.fuseNode((await store.getNode(job))!);
      const served = [...embeddings.fusedVectors('Job')].find((r) => r.id === job.id)?.vector;
      expect(served).toBeDefined();
      expect(Array.from(served!).every((x, k) => Math.abs(x - now[k]) < 1e-5)).toBe(true);
      expect(embeddings.servedSeq(job)).toBeGreaterThanOrEqual(seq);
    } finally {
      embeddings.close();
      fs.rmSync(modelDir, { recursive: true, force: true });
    }
  });

  it('useModel is not undone by the models directory follower while the switch finishes', async () => {
    const modelDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-use-follow-'));
    const v1 = saveTrainedAs(modelDir, core.encoder.id);
    const v2 = saveTrainedAs(modelDir, core.encoder.id);
    pinVersion(modelDir, v1.version);
    const served: string[] = [];
    const embeddings = new GraphEmbeddings(store, { encoder: core.encoder }, modelDir, (msg, fields) => {
      if (msg === 'serving GraphSAGE model') served.push(String(fields?.version));
    });
    try {
      await embeddings.init({ train: false });
      // A listener that takes a while (the matching indexes' rebuild does), and a follower looking every 5 ms.
      embeddings.onActivate(() => new Promise((r) => setTimeout(r, 150)));
      embeddings.follow(5);
      await embeddings.use(v2.version);
      await new Promise((r) => setTimeout(r, 300));
      expect(served).toEqual([v1.version, v2.version]);
      expect(embeddings.manifest?.version).toBe(v2.version);
    } finally {
      embeddings.close();
      fs.rmSync(modelDir, { recursive: true, force: true });
    }
  });
});

describe('the service on first start: seeded marketplace, trained model, embeddings over HTTP', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService('embedded', {
      SKILLGRAPH_SEED_MEMBERS: '120',
      SKILLGRAPH_SEED_JOBS: '60',
      SKILLGRAPH_TRAIN_ON_START: 'true',
    });
  }, 180_000);
  afterAll(async () => {
    await svc?.stop();
  });

  it('lists the trained version, serves member and job embeddings from it, and switches versions', async () => {
    const models = (
      await svc.gql('{ models { version active encoder bestEpoch validationMrr config data fusionId } }', {}, 'admin')
    ).body.data.models;
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({ active: true, config: { outDim: 128 } });
    expect(models[0].fusionId).toMatch(/^f-[0-9a-f]{12}$/);
    expect(models[0].data.nodes.Member).toBe(120);
    const res = await svc.gql(
      '{ member(id: "member-000001") { graphEmbedding { version vector } } job(id: "job-000001") { graphEmbedding { version vector } } }',
      {},
      'admin',
    );
    const { member, job } = res.body.data;
    expect(member.graphEmbedding.version).toBe(models[0].version);
    expect(member.graphEmbedding.vector).toHaveLength(128);
    expect(Math.hypot(...member.graphEmbedding.vector)).toBeCloseTo(1, 4);
    expect(job.graphEmbedding.vector).toHaveLength(128);
    expect(
      (await svc.gql('mutation { useModel(version: "v-none") { version } }', {}, 'admin')).body.errors?.[0]?.extensions
        ?.code,
    ).toBe('NOT_FOUND');
    expect((await svc.gql('mutation { useModel { version active } }', {}, 'admin')).body.data.useModel).toMatchObject({
      version: models[0].version,
      active: true,
    });
    expect((await svc.gql('{ models { version } }', {}, 'reader')).body.errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
  });
});
