/**
 * `npm run bench:gds [-- --members 2000 --jobs 1000 --epochs 8]`: our GraphSAGE beside Neo4j Graph
 * Data Science's (`gds.beta.graphSage`, OpenGDS 2.13.9 in the repo's launcher: `mvn -Pgds`), on the
 * same graph, the same text features and the same held-out pairs (the latest 10% of member→job
 * interactions by time, removed before either sees the graph); both embeddings ranked the same
 * way (every job by dot product, the member's training jobs left out). Cold start as `evaluate`
 * draws it on a time split: 5% of the members with held-out pairs lose every edge (their nodes and
 * text stay), as if they arrived at the split, and are judged on their held-out pairs. Prints training
 * time and Recall@10 / MRR / NDCG@10, warm and cold, side by side, with text-only as the floor.
 *
 * GDS's GraphSAGE is homogeneous and unsupervised (neighbour co-occurrence on random walks, mean
 * aggregator, one label here, the same fan-outs and width); ours is relation-aware and trained on
 * the interactions themselves — that difference is what the comparison shows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import {
  DEFAULT_TRAIN_OPTIONS,
  buildGnnGraph,
  dotScorer,
  inferAll,
  pairKey,
  range,
  rankingMetrics,
  trainSage,
  typeIndex,
} from '../gnn/index.ts';
import type { RankingQuery } from '../gnn/index.ts';
import { startNeo4j } from '../scripts/neo4j-launcher.ts';
import { loadConfig } from '../src/config.ts';
import { computeFeatures } from '../src/embeddings/features.ts';
import { interactionPairs } from '../src/evaluation/evaluate.ts';
import { generateMarketplace, loadCatalog } from '../src/marketplace/generate.ts';
import { importMarketplace } from '../src/marketplace/import.ts';
import { SEED_DIR, openCore } from '../src/service.ts';
import { EmbeddedStore } from '../src/store/embedded.ts';
import { loadSeed, parseSeed } from '../src/taxonomy/seed.ts';
import { normalize } from '../src/vectors/math.ts';
import { seededRandom } from '../src/random.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '2000' },
    jobs: { type: 'string' },
    epochs: { type: 'string', default: String(DEFAULT_TRAIN_OPTIONS.epochs) },
  },
});
const members = Number(values.members);
const jobs = Number(values.jobs ?? Math.round(members / 2));
const epochs = Number(values.epochs);
const dataDir = path.resolve(`bench/.data/gds-${members}-${jobs}`);
const fresh = !fs.existsSync(path.join(dataDir, 'imported'));
if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });
const store = EmbeddedStore.open({ dataDir: path.join(dataDir, 'store') });
// The taxonomy first: extraction (member and job skills at import) reads it when the core opens.
if (fresh) await loadSeed(store, parseSeed(SEED_DIR));
const core = await openCore(store, loadConfig({ ...process.env, SKILLGRAPH_DATA_DIR: dataDir }));
if (fresh) {
  const gen = path.join(dataDir, 'generated');
  generateMarketplace(loadCatalog(SEED_DIR), gen, { members, jobs, seed: 42 });
  await importMarketplace(gen, core.marketplace);
  fs.writeFileSync(path.join(dataDir, 'imported'), '');
}

// The same split for both: the latest 10% of member→job pairs by time.
const pairs = (await interactionPairs(store)).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
const heldOut = pairs.slice(Math.floor(pairs.length * 0.9));
// Cold-start members: evaluate's draw (its seed 7 + 100, 5% of the members with held-out pairs).
const coldRand = seededRandom(107);
const cold = new Set([...new Set(heldOut.map((p) => p.memberId))].sort().filter(() => coldRand() < 0.05));
const graph = buildGnnGraph(await store.projection(), new Set(heldOut.map((p) => pairKey(p.memberId, p.jobId))), cold);
const features = await computeFeatures(store, graph, core.encoder);
await store.close();
const edges = graph.neighbors.length / 2;
console.error(
  `graph: ${graph.ids.length} nodes, ${edges} edges; ${heldOut.length} held-out pairs (${cold.size} cold members); ${features.dim}-d`,
);

// Ours.
let t = Date.now();
const ours = await trainSage(graph, features.data, features.dim, new Uint32Array(0), { epochs });
const oursTrainMs = Date.now() - t;
const oursZ = (await inferAll(ours.params, ours.config, graph, features.data)).z;

// GDS: the same nodes (index and features) and undirected edges, written into Neo4j, projected, trained, streamed.
const neo = await startNeo4j({ gds: true, heap: '4g' });
const driver = neo4j.driver(neo.uri, neo4j.auth.basic(neo.user, neo.password));
let gdsTrainMs = 0;
const gdsZ = new Float32Array(graph.ids.length * ours.config.outDim);
try {
  const session = driver.session();
  try {
    t = Date.now();
    await session.run('CREATE INDEX n_i IF NOT EXISTS FOR (n:N) ON (n.i)');
    const d = features.dim;
    for (let s = 0; s < graph.ids.length; s += 1000) {
      const rows = [];
      for (let v = s; v < Math.min(s + 1000, graph.ids.length); v++)
        rows.push({ i: v, x: Array.from(features.data.subarray(v * d, (v + 1) * d)) });
      await session.run('UNWIND $rows AS r CREATE (:N {i: r.i, x: r.x})', { rows });
    }
    await session.run('CALL db.awaitIndexes()');
    const list: Array<{ a: number; b: number }> = [];
    for (let v = 0; v < graph.ids.length; v++)
      for (let e = graph.offsets[v]; e < graph.offsets[v + 1]; e++)
        if (graph.neighbors[e] > v) list.push({ a: v, b: graph.neighbors[e] });
    for (let s = 0; s < list.length; s += 5000)
      await session.run('UNWIND $rows AS r MATCH (a:N {i: r.a}), (b:N {i: r.b}) CREATE (a)-[:E]->(b)', {
        rows: list.slice(s, s + 5000),
      });
    console.error(`loaded into Neo4j in ${Date.now() - t} ms`);
    await session.run(
      "CALL gds.graph.project('g', 'N', {E: {orientation: 'UNDIRECTED'}}, {nodeProperties: ['x']}) YIELD nodeCount",
    );
    t = Date.now();
    await session.run(
      `CALL gds.beta.graphSage.train('g', {modelName: 'sage', featureProperties: ['x'], aggregator: 'mean',
         activationFunction: 'relu', sampleSizes: $fanouts, embeddingDimension: $dim, epochs: $epochs,
         batchSize: $batch, learningRate: $lr, randomSeed: 42}) YIELD modelInfo RETURN modelInfo`,
      {
        fanouts: DEFAULT_TRAIN_OPTIONS.fanouts.map((f) => neo4j.int(f)),
        dim: neo4j.int(ours.config.outDim),
        epochs: neo4j.int(epochs),
        batch: neo4j.int(DEFAULT_TRAIN_OPTIONS.batchSize),
        lr: DEFAULT_TRAIN_OPTIONS.learningRate,
      },
    );
    gdsTrainMs = Date.now() - t;
    const res = await session.run(
      "CALL gds.beta.graphSage.stream('g', {modelName: 'sage'}) YIELD nodeId, embedding RETURN gds.util.asNode(nodeId).i AS i, embedding",
    );
    for (const r of res.records) {
      const v = (r.get('i') as { toNumber(): number } | number).valueOf() as number;
      gdsZ.set(normalize(Float32Array.from(r.get('embedding') as number[])), Number(v) * ours.config.outDim);
    }
  } finally {
    await session.close();
  }
} finally {
  await driver.close();
  await neo.stop();
}

// The same ranking for every method.
const memberT = typeIndex('Member');
const jobT = typeIndex('Job');
const jobIdx = range(graph.start[jobT], graph.start[jobT + 1]);
const relevant = new Map<number, Set<number>>();
for (const p of heldOut) {
  const m = graph.index[memberT].get(p.memberId);
  const j = graph.index[jobT].get(p.jobId);
  if (m !== undefined && j !== undefined) (relevant.get(m) ?? relevant.set(m, new Set()).get(m)!).add(j);
}
const train = new Map<number, Set<number>>();
const mj = graph.pairs.memberJob;
for (let i = 0; i < mj.length; i += 2)
  if (relevant.has(mj[i])) (train.get(mj[i]) ?? train.set(mj[i], new Set()).get(mj[i])!).add(mj[i + 1]);
const isCold = (member: number) => cold.has(graph.ids[member]);
const queries: RankingQuery[] = [...relevant].map(([member, rel]) => ({
  member,
  relevant: rel,
  exclude: train.get(member),
}));
const warmQueries = queries.filter((q) => !isCold(q.member));
const coldQueries = queries.filter((q) => isCold(q.member));
const metrics = (z: Float32Array, dim: number, trainMs: number) => ({
  trainMs,
  ...rankingMetrics(warmQueries, jobIdx, dotScorer(z, z, dim, jobIdx), 10),
  cold: rankingMetrics(coldQueries, jobIdx, dotScorer(z, z, dim, jobIdx), 10),
});
const rows = {
  text: metrics(features.data, features.dim, 0),
  skillgraph: metrics(oursZ, ours.config.outDim, oursTrainMs),
  'neo4j gds': metrics(gdsZ, ours.config.outDim, gdsTrainMs),
};
console.log(
  `\nGraphSAGE side by side on ${graph.ids.length} nodes / ${edges} edges (${members} members, ${jobs} jobs), ${warmQueries.length} warm and ${coldQueries.length} cold-start members with held-out pairs, ${epochs} epochs each; features ${features.dim}-d (${core.encoder.id})`,
);
const cols = ['Recall@10', 'MRR', 'NDCG@10', 'cold R@10', 'cold MRR', 'cold NDCG'];
console.log(`${'method'.padEnd(12)} ${'train (s)'.padStart(10)} ${cols.map((c) => c.padStart(10)).join(' ')}`);
for (const [name, r] of Object.entries(rows)) {
  const values = [r.recallAtK, r.mrr, r.ndcgAtK, r.cold.recallAtK, r.cold.mrr, r.cold.ndcgAtK];
  console.log(
    `${name.padEnd(12)} ${(r.trainMs / 1000).toFixed(1).padStart(10)} ${values.map((x) => x.toFixed(4).padStart(10)).join(' ')}`,
  );
}
console.log(JSON.stringify({ bench: 'gds', members, jobs, epochs, rows }));
