/**
 * Nearline refresh under load, on the embedded store (the seeded marketplace, a model trained
 * at start):
 *
 *   npm run bench:nearline -- [--burst 2000] [--rate 200] [--seconds 10]
 *
 * 1. Burst: `burst` profile edits (text and skills change) written as fast as the store takes
 *    them, in batches of 50; reported: change events written, the time until the refresher has
 *    applied them all, events/s, and matching staleness during the burst (how far behind the
 *    refresher was, in events and seconds, sampled after every batch).
 * 2. Steady: edits at `rate`/s for `seconds`; reported: p50/p99 of edit → refreshed vector
 *    visible to matching (write acknowledged → refresher position past its events).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import type { MemberInput } from '../src/marketplace/model.ts';
import { seededRandom } from '../src/random.ts';
import { startService } from '../src/service.ts';
import { percentile } from './support.ts';

const { values } = parseArgs({
  options: {
    burst: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '10' },
  },
});
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-bench-nearline-'));
const service = await startService(
  loadConfig({
    ...process.env,
    PORT: '0',
    SKILLGRAPH_DATA_DIR: dataDir,
    SKILLGRAPH_API_KEYS: 'bench-admin-key-0123456789:admin',
    SKILLGRAPH_LOG_REQUESTS: 'false',
  }),
);
const { marketplace, refresher, store } = service.services;
const members = await store.countNodes('Member');
const rand = seededRandom(4);
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
const caughtUp = async () => {
  while ((await refresher.lagEvents()) > 0) await new Promise((r) => setTimeout(r, 5));
};
await caughtUp();

// ---- 1. burst
const burst = Number(values.burst);
const seq0 = await store.lastSeq();
const lag: Array<{ events: number; seconds: number }> = [];
const t0 = performance.now();
for (let i = 0; i < burst; i += 50) {
  await marketplace.upsertMembers(
    Array.from({ length: Math.min(50, burst - i) }, (_, k) => edit(i + k)).filter(
      (m, k, all) => all.findIndex((x) => x.id === m.id) === k,
    ),
    'bench',
  );
  // Writes arrive from the network in a real service: yield to the event loop (the refresher runs there).
  await new Promise((r) => setImmediate(r));
  const behind = await refresher.lagEvents();
  const oldest = await store.changes(refresher.stats.position, 1);
  lag.push({ events: behind, seconds: oldest.length ? (Date.now() - Date.parse(oldest[0].at)) / 1000 : 0 });
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
  `burst: ${burst} profile edits = ${events} change events written in ${burstResult.writeMs} ms, all applied after ${burstResult.drainMs} ms → ${burstResult.eventsPerSecond} events/s; staleness during the burst: up to ${burstResult.maxLagEvents} events / ${burstResult.maxLagSeconds.toFixed(2)} s behind`,
);

// ---- 2. steady rate: edit → visible
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const latencies: number[] = [];
const pending: Array<Promise<void>> = [];
const tEnd = Date.now() + seconds * 1000;
let i = 0;
while (Date.now() < tEnd) {
  const start = performance.now();
  const [r] = await marketplace.upsertMembers([edit(burst + i++)], 'bench');
  if (!(r instanceof Error)) {
    refresher.kick();
    pending.push(refresher.waitFor(r.seq, 30_000).then(() => void latencies.push(performance.now() - start)));
  }
  const next = start + 1000 / rate;
  const wait = next - performance.now();
  if (wait > 0) await new Promise((res) => setTimeout(res, wait));
}
await Promise.all(pending);
const steady = {
  rate,
  edits: latencies.length,
  achievedPerSecond: Math.round(latencies.length / seconds),
  p50Ms: percentile(latencies, 50),
  p99Ms: percentile(latencies, 99),
};
console.log(
  `steady: ${steady.edits} edits at ${steady.achievedPerSecond}/s (asked ${rate}/s): edit → refreshed vector visible to matching p50 ${steady.p50Ms.toFixed(1)} ms, p99 ${steady.p99Ms.toFixed(1)} ms`,
);
await service.close();
fs.rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify({ bench: 'nearline', members, burst: burstResult, steady }));
