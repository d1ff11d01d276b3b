/**
 * GraphSAGE speed on a generated marketplace, side by side with the same model and sampling
 * written plainly in PyTorch (bench/gnn_torch.py, Debian's python3-torch) in the same run.
 *
 *   npm run bench:gnn -- [--members 100000] [--jobs 50000] [--steps 30] [--threads 1] [--fast]
 *
 * The marketplace is generated and imported (through extraction, as `skillgraph import` does)
 * once into bench/.data/gnn-<members>/ and reused by later runs. Reported: import rate,
 * feature encoding, ms per training step and the epoch time that implies, peak RSS, batch
 * inference for all nodes, single-node (inductive, pure TypeScript) p50/p99.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateMarketplace, loadCatalog } from '../src/marketplace/generate.ts';
import { computeFeatures } from '../src/embeddings/features.ts';
import {
  DEFAULT_TRAIN_OPTIONS,
  GNN_TYPES,
  buildGnnGraph,
  forwardNew,
  neighborhoodIn,
  inferAll,
  trainSage,
  typeIndex,
} from '../gnn/index.ts';
import { loadConfig } from '../src/config.ts';
import { importMarketplace } from '../src/marketplace/import.ts';
import { SEED_DIR, openCore } from '../src/service.ts';
import { EmbeddedStore } from '../src/store/embedded.ts';
import { loadSeed, parseSeed } from '../src/taxonomy/seed.ts';
import { percentile } from './support.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    jobs: { type: 'string' },
    steps: { type: 'string', default: '30' },
    threads: { type: 'string', default: '1' },
    // Import with the student encoder (skillgraph import --fast).
    fast: { type: 'boolean', default: false },
  },
});
const members = Number(values.members);
const jobs = Number(values.jobs ?? Math.round(members / 2));
const steps = Number(values.steps);
const dataDir = path.resolve(`bench/.data/gnn-${members}-${jobs}`);
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
const mb = (b: number) => Math.round(b / 2 ** 20);

const storeDir = path.join(dataDir, 'store');
const fresh = !fs.existsSync(path.join(dataDir, 'imported'));
if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });
const store = EmbeddedStore.open({ dataDir: storeDir });
if (fresh) await loadSeed(store, parseSeed(SEED_DIR));
const core = await openCore(store, loadConfig({ ...process.env, SKILLGRAPH_DATA_DIR: dataDir }));
const result: Record<string, unknown> = { members, jobs };
if (fresh) {
  const gen = path.join(dataDir, 'generated');
  const t0 = Date.now();
  const g = generateMarketplace(loadCatalog(SEED_DIR), gen, {
    members,
    jobs,
    seed: 42,
    onProgress: (w, d, t) => console.error(`generate ${w}: ${d}/${t}`),
  });
  console.error(`generated in ${Date.now() - t0} ms: ${JSON.stringify(g)}`);
  const t1 = Date.now();
  let last = 0;
  const s = await importMarketplace(gen, core.marketplace, {
    fast: values.fast,
    onProgress: (file, lines) => {
      if (Date.now() - last < 10_000) return;
      last = Date.now();
      console.error(`import ${file}: ${lines} lines (${Math.round((Date.now() - t1) / 1000)} s)`);
    },
  });
  const records = s.members.imported + s.jobs.imported;
  result.import = {
    ms: Date.now() - t1,
    membersAndJobsPerSecond: Math.round((records / (Date.now() - t1)) * 1000),
    encoder: values.fast ? core.fastEncoder.id : core.encoder.id,
    interactions: s.interactions.imported,
  };
  fs.writeFileSync(path.join(dataDir, 'imported'), JSON.stringify(result.import));
} else result.import = JSON.parse(fs.readFileSync(path.join(dataDir, 'imported'), 'utf8'));

let t = Date.now();
const graph = buildGnnGraph(await store.projection());
result.graph = {
  nodes: graph.ids.length,
  edges: graph.neighbors.length / 2,
  memberJobPairs: graph.pairs.memberJob.length / 2,
  buildMs: Date.now() - t,
};
t = Date.now();
const features = await computeFeatures(store, graph, core.encoder);
result.featuresMs = Date.now() - t;
console.error(JSON.stringify(result));

// Training: `steps` steps, no validation (timing only): the default options, then the scale setting
// (`skillgraph train --batch 1024 --workers <cores>`: gradients on worker threads, big enough parts).
const pairs = (graph.pairs.memberJob.length + graph.pairs.memberSkill.length + graph.pairs.jobSkill.length) / 2;
async function timeTraining(o: Partial<typeof DEFAULT_TRAIN_OPTIONS>) {
  const opts = { ...DEFAULT_TRAIN_OPTIONS, ...o, epochs: 1, stepsPerEpoch: steps + 2 };
  const stepTimes: number[] = [];
  let lastStep = Date.now();
  const run = await trainSage(graph, features.data, features.dim, new Uint32Array(0), opts, (e) => {
    if (e.kind !== 'step') return;
    if (e.step > 2) stepTimes.push(Date.now() - lastStep); // the first steps warm up
    lastStep = Date.now();
  });
  const stepMs = percentile(stepTimes, 50);
  return {
    run,
    stepMs,
    pairsPerSecond: (opts.batchSize / stepMs) * 1000,
    fullPassMs: (pairs / opts.batchSize) * stepMs,
  };
}
const scaleWorkers = Math.max(2, os.availableParallelism());
const { run: trained, stepMs, ...base } = await timeTraining({});
const scale = await timeTraining({ batchSize: 1024, randomNegatives: 1024, workers: scaleWorkers });
const fullEpochSteps = Math.ceil(pairs / DEFAULT_TRAIN_OPTIONS.batchSize);

t = Date.now();
const inference = await inferAll(trained.params, trained.config, graph, features.data);
const batchMs = Date.now() - t;
const memberT = typeIndex('Member');
const single: number[] = [];
for (let i = 0; i < 1200; i++) {
  const v = graph.start[memberT] + ((i * 7919) % (graph.start[memberT + 1] - graph.start[memberT]));
  const s0 = performance.now();
  forwardNew(
    trained.params,
    trained.config,
    inference,
    graph.type,
    memberT,
    features.data.subarray(v * features.dim, (v + 1) * features.dim),
    neighborhoodIn(graph, v),
  );
  if (i >= 200) single.push(performance.now() - s0); // after warm-up
}
clearInterval(sampler);

// The peer: export the same graph and features, run PyTorch on them.
const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-gnn-torch-'));
const write = (f: string, a: ArrayBufferView) =>
  fs.writeFileSync(path.join(exportDir, f), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
write('offsets.bin', graph.offsets);
write('neighbors.bin', graph.neighbors);
write('weight.bin', graph.weight);
write('types.bin', graph.type);
write('features.bin', features.data);
write('pairs_mj.bin', graph.pairs.memberJob);
fs.writeFileSync(
  path.join(exportDir, 'meta.json'),
  JSON.stringify({
    nodes: graph.ids.length,
    inputDim: features.dim,
    hidden: DEFAULT_TRAIN_OPTIONS.hidden,
    fanouts: DEFAULT_TRAIN_OPTIONS.fanouts,
    batchSize: DEFAULT_TRAIN_OPTIONS.batchSize,
    randomNegatives: DEFAULT_TRAIN_OPTIONS.randomNegatives,
    inferenceCap: DEFAULT_TRAIN_OPTIONS.inferenceCap,
    numTypes: GNN_TYPES.length,
    start: graph.start,
  }),
);
let torch: Record<string, number | string> | null = null;
try {
  const out = execFileSync('/usr/bin/python3', ['bench/gnn_torch.py', exportDir, String(steps), values.threads!], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  torch = JSON.parse(out.trim().split('\n').at(-1)!);
} catch (err) {
  console.error(`PyTorch peer did not run (apt-get install python3-torch): ${(err as Error).message.split('\n')[0]}`);
}
fs.rmSync(exportDir, { recursive: true, force: true });
await store.close();

const ours = {
  stepMs,
  epochMs: stepMs * fullEpochSteps,
  pairsPerSecond: base.pairsPerSecond,
  scale: {
    batch: 1024,
    workers: scaleWorkers,
    stepMs: scale.stepMs,
    pairsPerSecond: scale.pairsPerSecond,
    fullPassMs: scale.fullPassMs,
  },
  batchInferenceMs: batchMs,
  singleP50Ms: percentile(single, 50),
  singleP99Ms: percentile(single, 99),
};
const row = (name: string, a: number, b: number | undefined) =>
  `${name.padEnd(26)} ${a.toFixed(2).padStart(12)} ${b === undefined ? '           -' : b.toFixed(2).padStart(12)} ${b ? (a / b).toFixed(2).padStart(8) : '       -'}`;
console.log(
  `\nGraphSAGE on ${graph.ids.length} nodes / ${graph.neighbors.length / 2} edges (${members} members, ${jobs} jobs); backend ${trained.backend}; fan-outs ${DEFAULT_TRAIN_OPTIONS.fanouts}, batch ${DEFAULT_TRAIN_OPTIONS.batchSize}, hidden ${DEFAULT_TRAIN_OPTIONS.hidden}, input ${features.dim}-d`,
);
console.log(
  `one full epoch = ${fullEpochSteps} steps over ${pairs} training pairs (skillgraph train caps epochs at ${DEFAULT_TRAIN_OPTIONS.stepsPerEpoch} steps by default); PyTorch threads: ${values.threads}`,
);
console.log(
  `training pairs/s: ${base.pairsPerSecond.toFixed(0)} (batch ${DEFAULT_TRAIN_OPTIONS.batchSize}, this thread; a full pass ${(base.fullPassMs / 60_000).toFixed(1)} min); ` +
    `${scale.pairsPerSecond.toFixed(0)} (batch 1024, ${scaleWorkers} worker threads, step ${scale.stepMs} ms; a full pass ${(scale.fullPassMs / 60_000).toFixed(1)} min)`,
);
console.log(`${'measure'.padEnd(26)} ${'skillgraph'.padStart(12)} ${'pytorch'.padStart(12)} ${'ratio'.padStart(8)}`);
console.log(row('train step (ms)', ours.stepMs, torch?.stepMs as number | undefined));
console.log(
  row('full epoch (s)', ours.epochMs / 1000, torch ? ((torch.stepMs as number) * fullEpochSteps) / 1000 : undefined),
);
console.log(row('batch inference (ms)', ours.batchInferenceMs, torch?.batchInferenceMs as number | undefined));
console.log(row('single node p50 (ms)', ours.singleP50Ms, torch?.singleP50Ms as number | undefined));
console.log(row('single node p99 (ms)', ours.singleP99Ms, torch?.singleP99Ms as number | undefined));
console.log(`peak RSS ${mb(peakRss)} MiB; features ${result.featuresMs} ms; import ${JSON.stringify(result.import)}`);
console.log(JSON.stringify({ bench: 'gnn', ...result, ours, torch, peakRssMiB: mb(peakRss) }));
