/**
 * Nearline refresh under load, on the embedded store (the seeded marketplace, a model trained
 * at start):
 *
 *   npm run bench:nearline -- [--burst 2000] [--rate 200] [--seconds 10] [--warmup 3]
 *
 * 1. Burst: `burst` profile edits (text and skills change) written as fast as the store takes
 *    them, in batches of 50; reported: change events written, the time until the refresher has
 *    applied them all, events/s, and matching staleness during the burst (how far behind the
 *    refresher was, in events and seconds, sampled after every batch).
 * 2. Steady: edits at `rate`/s for `warmup` + `seconds` in an open loop (each sent at its scheduled time, not
 *    after the previous one was answered), the first `warmup` seconds not counted; reported: p50/p99 of edit →
 *    refreshed vector visible to matching (from the edit's scheduled send time to the refresher's position past
 *    its events) and of edit → write acknowledged.
 *
 * With --kafka the same runs against three replicas in this process over Neo4j with the change feed
 * on Kafka (both started by the repo's launchers, or NEO4J_URI / SKILLGRAPH_KAFKA_BROKERS), after the
 * embedded outbox run, side by side: edits are written through a replica that does not publish the change feed,
 * kicked after each write as the API kicks it (it notifies the publisher through Kafka), and an edit is
 * visible once every replica serves the edited member's new vector (visible everywhere; waiting on a replica
 * does not kick it). The three replicas share
 * this process's event loop and the machine's cores with Neo4j and Kafka.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import type { MemberInput } from '../src/marketplace/model.ts';
import { seededRandom } from '../src/random.ts';
import { startService } from '../src/service.ts';
import type { RunningService } from '../src/service.ts';
import type { NodeRef } from '../src/store/types.ts';
import { startNeo4j } from '../scripts/neo4j-launcher.ts';
import { startKafka } from '../scripts/kafka-launcher.ts';
import { percentile } from './support.ts';

const { values } = parseArgs({
  options: {
    burst: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    kafka: { type: 'boolean', default: false },
  },
});
const roots: string[] = [];
const start = (env: Record<string, string> = {}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-bench-nearline-'));
  roots.push(dataDir);
  return startService(
    loadConfig({
      ...process.env,
      PORT: '0',
      SKILLGRAPH_DATA_DIR: dataDir,
      SKILLGRAPH_API_KEYS: 'bench-admin-key-0123456789:admin',
      SKILLGRAPH_LOG_REQUESTS: 'false',
      ...env,
    }),
  );
};
const SKILLS = [
  'Python',
  'SQL',
  'Kubernetes',
  'Customer service',
  'Project management',
  'Welding',
  'Nursing care',
  'Accounting',
  'Apache Spark',
  'Sales',
  'Java',
  'Docker',
];

/** The burst and the steady run: edits written through one replica, visible once every replica serves them. */
async function measure(name: string, replicas: RunningService[]) {
  // With several replicas, edits go through one that does not publish the feed (two writes in three with three
  // replicas): its kick notifies the publisher through Kafka's `writes` topic.
  const publishes = (r: RunningService) => 'publishes' in r.services.refresher && r.services.refresher.publishes;
  const writer = replicas.find((r) => !publishes(r)) ?? replicas[0];
  if (replicas.length > 1) {
    const letter = (r: RunningService | undefined) => (r ? 'ABC'[replicas.indexOf(r)] : 'none yet');
    console.log(
      `${name}: writing through replica ${letter(writer)}; the publisher: ${letter(replicas.find(publishes))}`,
    );
  }
  const { marketplace, store } = writer.services;
  const members = await store.countNodes('Member');
  const rand = seededRandom(4);
  const edit = (i: number): MemberInput => {
    const id = `member-${String(1 + Math.floor(rand() * members)).padStart(6, '0')}`;
    const skills = [0, 1, 2].map(() => SKILLS[Math.floor(rand() * SKILLS.length)]);
    return {
      id,
      headline: `Profile edit ${i}: ${skills.join(', ')}`,
      summary: `Now working with ${skills.join(' and ')}.`,
      skills,
      location: { city: 'Berlin', region: 'Berlin', country: 'Germany' },
    };
  };
  const { refresher } = writer.services;
  /** Every replica serves every edit written so far (each edited member's vector at its last write). */
  const lastWrite = new Map<string, number>();
  const visibleEverywhere = (seq: number, nodes: NodeRef[], timeoutMs: number) =>
    Promise.all(replicas.map((r) => r.services.refresher.waitFor(seq, timeoutMs, nodes)));
  const caughtUp = async () => {
    while ((await refresher.lagEvents()) > 0) await new Promise((r) => setTimeout(r, 5));
    if (replicas.length > 1)
      await Promise.all([...lastWrite].map(([id, seq]) => visibleEverywhere(seq, [{ label: 'Member', id }], 120_000)));
  };
  await caughtUp();

  // ---- 1. burst
  const burst = Number(values.burst);
  const seq0 = await store.lastSeq();
  const lag: Array<{ events: number; seconds: number }> = [];
  const t0 = performance.now();
  for (let i = 0; i < burst; i += 50) {
    const results = await marketplace.upsertMembers(
      Array.from({ length: Math.min(50, burst - i) }, (_, k) => edit(i + k)).filter(
        (m, k, all) => all.findIndex((x) => x.id === m.id) === k,
      ),
      'bench',
    );
    for (const r of results) if (!(r instanceof Error) && r.seq > 0) lastWrite.set(r.id, r.seq);
    refresher.kick(); // as the API does after every write
    // Writes arrive from the network in a real service: yield to the event loop (the refresher runs there).
    await new Promise((r) => setImmediate(r));
    const behind = await refresher.lagEvents();
    // Kafka: the age of the oldest event in the batch each replica refreshed last; the outbox: of the oldest
    // event not applied.
    const ages = await Promise.all(replicas.map((r) => r.services.refresher.lagSeconds()));
    lag.push({ events: behind, seconds: Math.max(...ages) });
  }
  const written = performance.now() - t0;
  const events = (await store.lastSeq()) - seq0;
  await caughtUp();
  const drained = performance.now() - t0;
  const burstResult = {
    edits: burst,
    events,
    writeMs: Math.round(written),
    drainMs: Math.round(drained),
    eventsPerSecond: Math.round((events / drained) * 1000),
    maxLagEvents: Math.max(0, ...lag.map((l) => l.events)),
    maxLagSeconds: Math.max(0, ...lag.map((l) => l.seconds)),
  };
  console.log(
    `${name} burst: ${burst} profile edits = ${events} change events written in ${burstResult.writeMs} ms, all applied after ${burstResult.drainMs} ms → ${burstResult.eventsPerSecond} events/s; staleness during the burst: up to ${burstResult.maxLagEvents} events / ${burstResult.maxLagSeconds.toFixed(2)} s behind`,
  );

  // ---- 2. steady rate: edit → visible
  const rate = Number(values.rate);
  const seconds = Number(values.seconds);
  const latencies: number[] = [];
  /** Sent → the write acknowledged (the store's commit), the first part of each latency. */
  const acknowledged: number[] = [];
  const pending: Array<Promise<void>> = [];
  // The first `warmup` seconds run at the rate but are not counted: right after the burst (its refresh still
  // draining) Neo4j's writes took up to half a second there, which said nothing about a steady rate.
  const warmupMs = Number(values.warmup) * 1000;
  const tEnd = Date.now() + warmupMs + seconds * 1000;
  let i = 0;
  let counted = 0;
  let late = 0;
  let refused = 0;
  // An open loop: each edit is sent at its scheduled time whether or not the earlier ones were answered (as
  // requests arrive at a service), and its latency counts from that time, so a slow write is not hidden.
  const t0Steady = performance.now();
  while (Date.now() < tEnd) {
    const scheduled = t0Steady + (i * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((res) => setTimeout(res, wait));
    const count = scheduled - t0Steady >= warmupMs;
    if (count) counted++;
    pending.push(
      marketplace
        .upsertMembers([edit(burst + i++)], 'bench')
        .then(async ([r]) => {
          if (r instanceof Error) throw r;
          if (count) acknowledged.push(performance.now() - scheduled);
          refresher.kick();
          const written = replicas.length > 1 ? [{ label: 'Member' as const, id: r.id }] : [];
          try {
            await visibleEverywhere(r.seq, written, 30_000);
            if (count) latencies.push(performance.now() - scheduled);
          } catch {
            // Not visible within 30 s: the system fell behind the asked rate (counted, and in the p99 as ∞).
            if (count) {
              late++;
              latencies.push(Infinity);
            }
          }
        })
        .catch(() => {
          if (count) refused++;
        }),
    );
  }
  await Promise.all(pending);
  const steady = {
    rate,
    edits: counted,
    warmupSeconds: warmupMs / 1000,
    achievedPerSecond: Math.round(counted / seconds),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    acknowledgedP50Ms: percentile(acknowledged, 50),
    acknowledgedP99Ms: percentile(acknowledged, 99),
    late,
    refused,
  };
  const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : '> 30 s');
  console.log(
    `${name} steady: ${steady.edits} edits sent at ${steady.achievedPerSecond}/s (asked ${rate}/s): edit → refreshed vector visible to matching p50 ${ms(steady.p50Ms)}, p99 ${ms(steady.p99Ms)} (of which the write acknowledged p50 ${ms(steady.acknowledgedP50Ms)}, p99 ${ms(steady.acknowledgedP99Ms)}); ${late} not visible within 30 s, ${refused} refused`,
  );
  return { setting: name, replicas: replicas.length, members, burst: burstResult, steady };
}

const rows = [];
{
  const service = await start();
  rows.push(await measure('embedded outbox', [service]));
  await service.close();
}
if (values.kafka) {
  const neo = process.env.NEO4J_URI ? null : await startNeo4j();
  const kafka = process.env.SKILLGRAPH_KAFKA_BROKERS ? null : await startKafka();
  const env = {
    SKILLGRAPH_STORE: 'neo4j',
    NEO4J_URI: neo?.uri ?? process.env.NEO4J_URI!,
    NEO4J_USER: neo?.user ?? process.env.NEO4J_USER ?? 'neo4j',
    NEO4J_PASSWORD: neo?.password ?? process.env.NEO4J_PASSWORD ?? '',
    SKILLGRAPH_KAFKA_BROKERS: kafka?.brokers ?? process.env.SKILLGRAPH_KAFKA_BROKERS!,
    SKILLGRAPH_KAFKA_TOPIC_PREFIX: `bench${Date.now()}.`,
    SKILLGRAPH_MODEL_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'sg-bench-models-')),
  };
  roots.push(env.SKILLGRAPH_MODEL_DIR);
  const replicas = [await start(env)];
  replicas.push(...(await Promise.all([start(env), start(env)])));
  rows.push(await measure('kafka, 3 replicas', replicas));
  for (const r of replicas) await r.close();
  await kafka?.stop();
  await neo?.stop();
}
for (const dir of roots) fs.rmSync(dir, { recursive: true, force: true });
console.log('\nsetting              events/s (burst)   max lag        edit → visible p50 / p99');
for (const r of rows)
  console.log(
    `${r.setting.padEnd(20)} ${String(r.burst.eventsPerSecond).padStart(16)}   ${String(r.burst.maxLagEvents).padStart(5)} events   ${r.steady.p50Ms.toFixed(1)} / ${r.steady.p99Ms.toFixed(1)} ms`,
  );
console.log(JSON.stringify({ bench: 'nearline', rows }));
