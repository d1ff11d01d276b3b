/**
 * Store benchmark: bulk write throughput and single-node neighbour-read latency, embedded and
 * Neo4j side by side in one run, on a synthetic marketplace-shaped graph (default 100k nodes,
 * 1M edges); then small writes (one node and its audit record, as a mutation makes) from 1, 8 and 32
 * concurrent writers: commits/s and latency. On Neo4j the same small writes also run as plain Cypher
 * without the change feed and audit log, once with a shared counter node incremented last (the lock that
 * orders the feed) and once without it, so the counter's cost shows beside what Neo4j itself allows.
 * `--latency MS` puts MS milliseconds each way between this process and Neo4j (a relay,
 * bench/delayed-link.ts): a server across a network, where each round trip a write takes costs 2 × MS.
 * Usage: npm run bench:store [-- --nodes 100000 --edges 1000000 --reads 2000 --seconds 5 --latency 0]
 * Neo4j: NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, or the repo's launcher is started (its database is emptied).
 */
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { onBothStores, percentile } from './support.ts';
import type { Neo4jConnection } from './support.ts';
import { seededRandom } from '../src/random.ts';
import type { GraphStore, WriteOp } from '../src/store/types.ts';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '100000' },
    edges: { type: 'string', default: '1000000' },
    reads: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '5' },
    only: { type: 'string' },
    latency: { type: 'string', default: '0' },
  },
});
const NODES = Number(values.nodes);
const EDGES = Number(values.edges);
const READS = Number(values.reads);
const SKILLS = Math.round(NODES * 0.1);
const MEMBERS = NODES - SKILLS;

function* batches(size: number): Generator<WriteOp[]> {
  let batch: WriteOp[] = [];
  const flush = function* () {
    if (batch.length) yield batch;
    batch = [];
  };
  for (let i = 0; i < SKILLS; i++) {
    batch.push({ op: 'upsertNode', node: { label: 'Skill', id: `s${i}`, props: { label: `skill ${i}`, version: 1 } } });
    if (batch.length >= size) yield* flush();
  }
  for (let i = 0; i < MEMBERS; i++) {
    batch.push({ op: 'upsertNode', node: { label: 'Member', id: `m${i}`, props: { headline: `member ${i}` } } });
    if (batch.length >= size) yield* flush();
  }
  yield* flush();
  const rand = seededRandom(42);
  const seen = new Set<string>();
  // Hierarchy edges among skills, then member→skill edges with a skewed skill popularity.
  for (let i = 1; i < SKILLS; i++) {
    batch.push({
      op: 'upsertEdge',
      edge: {
        type: 'BROADER',
        from: { label: 'Skill', id: `s${i}` },
        to: { label: 'Skill', id: `s${Math.floor(rand() * i)}` },
        props: {},
      },
    });
    if (batch.length >= size) yield* flush();
  }
  yield* flush();
  let made = SKILLS - 1;
  while (made < EDGES) {
    const m = Math.floor(rand() * MEMBERS);
    const s = Math.floor(SKILLS * rand() ** 2);
    const key = `${m}:${s}`;
    if (seen.has(key)) continue;
    seen.add(key);
    batch.push({
      op: 'upsertEdge',
      edge: {
        type: 'HAS_SKILL',
        from: { label: 'Member', id: `m${m}` },
        to: { label: 'Skill', id: `s${s}` },
        props: { confidence: 0.9 },
      },
    });
    made++;
    if (batch.length >= size) yield* flush();
  }
  yield* flush();
}

const WRITERS = [1, 8, 32];

/** `writers` loops, each committing `commit(writer, i)` one after another for --seconds: commits/s, p50/p99. */
async function smallWrites(writers: number, commit: (writer: number, i: number) => Promise<unknown>) {
  const lat: number[] = [];
  const end = performance.now() + Number(values.seconds) * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; performance.now() < end; i++) {
        const s = performance.now();
        await commit(w, i);
        lat.push(performance.now() - s);
      }
    }),
  );
  return {
    writers,
    commits_per_s: Math.round(lat.length / ((performance.now() - t0) / 1000)),
    p50_ms: +percentile(lat, 50).toFixed(2),
    p99_ms: +percentile(lat, 99).toFixed(2),
  };
}

const member = (tag: string, w: number, i: number) => ({
  id: `${tag}-${w}-${i}`,
  props: { headline: `small write ${i}`, version: 1 },
});

/** Small writes through the store (node + change event + audit record), and on Neo4j as plain Cypher. */
async function concurrentWrites(name: string, store: GraphStore, server?: Neo4jConnection) {
  const rows: Array<{ store: string; path: string } & Awaited<ReturnType<typeof smallWrites>>> = [];
  for (const writers of WRITERS) {
    const r = await smallWrites(writers, (w, i) => {
      const m = member(`store${writers}`, w, i);
      return store.write([{ op: 'upsertNode', node: { label: 'Member', ...m }, ifVersion: null }], {
        feed: 'marketplace',
        actor: 'bench',
        operation: 'upsertMember',
        subjects: [m.id],
      });
    });
    rows.push({ store: name, path: 'store.write (feed + audit)', ...r });
  }
  if (!server) return rows;
  const driver = neo4j.driver(server.uri, neo4j.auth.basic(server.user, server.password));
  try {
    for (const counter of [true, false]) {
      for (const writers of WRITERS) {
        const tag = `plain${counter ? 'c' : ''}${writers}`;
        const r = await smallWrites(writers, async (w, i) => {
          const session = driver.session();
          try {
            await session.executeWrite(async (tx) => {
              await tx.run('MERGE (n:Member {id: $id}) SET n += $props', member(tag, w, i));
              if (counter)
                await tx.run(
                  "MERGE (s:_Sequence {name: 'bench-counter'}) ON CREATE SET s.value = 0 SET s.value = s.value + 1",
                );
            });
          } finally {
            await session.close();
          }
        });
        rows.push({ store: name, path: `plain Cypher${counter ? ' + shared counter' : ''}`, ...r });
      }
    }
  } finally {
    await driver.close();
  }
  return rows;
}

async function run(name: 'embedded' | 'neo4j', store: GraphStore, server?: Neo4jConnection) {
  const total = NODES + EDGES;
  let written = 0;
  let lastPrint = 0;
  const t0 = performance.now();
  for (const ops of batches(5000)) {
    await store.write(ops);
    written += ops.length;
    if (performance.now() - lastPrint > 2000) {
      lastPrint = performance.now();
      process.stderr.write(
        `  ${name}: ${written}/${total} written (${Math.round((written / (performance.now() - t0)) * 1000)}/s)\n`,
      );
    }
  }
  const writeSeconds = (performance.now() - t0) / 1000;
  const rand = seededRandom(7);
  const lat: number[] = [];
  for (let i = 0; i < READS; i++) {
    const isSkill = rand() < 0.5;
    const ref = isSkill
      ? { label: 'Skill' as const, id: `s${Math.floor(rand() * SKILLS)}` }
      : { label: 'Member' as const, id: `m${Math.floor(rand() * MEMBERS)}` };
    const s = performance.now();
    await store.neighbors(ref, isSkill ? 'BROADER' : 'HAS_SKILL', isSkill ? 'in' : 'out');
    lat.push(performance.now() - s);
  }
  return {
    store: name,
    nodes: NODES,
    edges: EDGES,
    write_s: +writeSeconds.toFixed(2),
    writes_per_s: Math.round(total / writeSeconds),
    read_p50_ms: +percentile(lat, 50).toFixed(3),
    read_p99_ms: +percentile(lat, 99).toFixed(3),
    small: await concurrentWrites(name, store, server),
  };
}

const results = await onBothStores(run, values.only, Number(values.latency));
console.log('\nstore      nodes+edges/s   write s   neighbour read p50 ms   p99 ms');
for (const r of results)
  console.log(
    `${r.store.padEnd(10)} ${String(r.writes_per_s).padStart(13)} ${String(r.write_s).padStart(9)} ${String(r.read_p50_ms).padStart(23)} ${String(r.read_p99_ms).padStart(8)}`,
  );
console.log('\nsmall writes (one node + audit)        writers   commits/s   p50 ms   p99 ms');
for (const r of results.flatMap((x) => x.small))
  console.log(
    `${`${r.store}: ${r.path}`.padEnd(40)} ${String(r.writers).padStart(6)} ${String(r.commits_per_s).padStart(11)} ${String(r.p50_ms).padStart(8)} ${String(r.p99_ms).padStart(8)}`,
  );
console.log(JSON.stringify({ bench: 'store', results }));
