/**
 * What the query-cost limit and the deadline buy: the worst queries one can write, each run against
 * a service with today's limits and — side by side, the baseline — against the same service with
 * both lifted (as the API was before them). For each: the estimated cost, HTTP status, time, bytes
 * answered, and the slowest /healthz answer while it ran (polled every 20 ms from this process; the
 * service runs as its own process).
 *
 *   npm run bench:limits
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServiceProcess } from '../test/support/process.ts';

const ADMIN = 'bench-admin-key-0123456789abcdef';

const QUERIES: Array<{ name: string; query: string; variables?: Record<string, unknown> }> = [
  {
    name: 'fan-out (issue 19), first: $n = 3',
    query: `query($n: Int) { skills(first: $n) { edges { node { siblings { siblings { occupations { occupation { skills { skill { siblings { id } } } } } } } } } } }`,
    variables: { n: 3 },
  },
  {
    name: 'fan-out (issue 19), first: $n = 100',
    query: `query($n: Int) { skills(first: $n) { edges { node { siblings { siblings { occupations { occupation { skills { skill { siblings { id } } } } } } } } } } }`,
    variables: { n: 100 },
  },
  {
    name: 'widest page under the limit: 100 skills × 330 siblings',
    query: `{ skills(first: 100) { edges { node { id label siblings(first: 330) { id label description kind status version } } } } }`,
  },
  {
    name: 'longest scalar lists under the limit: 48 members × vectors',
    query: `{ members(first: 48) { edges { node { id graphEmbedding { vector } } } } }`,
  },
  {
    name: 'deepest nesting under the limit: 20 × 20 × 10 × 24',
    query: `{ skills(first: 20) { edges { node { siblings(first: 20) { children(first: 10) { siblings(first: 24) { id label } } } } } } }`,
  },
];

async function start(dataDir: string, env: Record<string, string>) {
  const p = startServiceProcess(dataDir, {
    SKILLGRAPH_API_KEYS: `${ADMIN}:admin`,
    SKILLGRAPH_LOG_REQUESTS: 'false',
    SKILLGRAPH_ENCODER: process.env.SKILLGRAPH_ENCODER ?? 'builtin',
    ...env,
  });
  return { p, url: await p.url };
}

async function measure(url: string, q: (typeof QUERIES)[number]) {
  let healthMax = 0;
  let running = true;
  const poll = (async () => {
    while (running) {
      const t = performance.now();
      await fetch(`${url}/healthz`);
      healthMax = Math.max(healthMax, performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const t0 = performance.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({ query: q.query, variables: q.variables }),
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  running = false;
  await poll;
  let cost: number | string = '';
  try {
    const body = JSON.parse(text);
    cost = body.extensions?.cost?.estimated ?? body.errors?.[0]?.extensions?.cost ?? '';
  } catch {
    // not JSON: leave the cost blank
  }
  return { status: res.status, ms, bytes: text.length, healthMax, cost };
}

const dirs = [
  fs.mkdtempSync(path.join(os.tmpdir(), 'sg-limits-')),
  fs.mkdtempSync(path.join(os.tmpdir(), 'sg-nolimits-')),
];
const limited = await start(dirs[0], {});
const lifted = await start(dirs[1], {
  SKILLGRAPH_MAX_QUERY_COST: String(Number.MAX_SAFE_INTEGER),
  SKILLGRAPH_REQUEST_TIMEOUT_MS: String(120_000),
});
try {
  const row = (...cells: Array<string | number>) =>
    console.log(
      cells
        .map((c, i) =>
          String(c)
            .padStart(i === 0 ? 0 : 12)
            .padEnd(i === 0 ? 60 : 0),
        )
        .join(''),
    );
  row('query', 'cost', 'status', 'ms', 'bytes', 'healthz max', '| lifted:', 'status', 'ms', 'bytes', 'healthz max');
  const results = [];
  for (const q of QUERIES) {
    const a = await measure(limited.url, q);
    const b = await measure(lifted.url, q);
    results.push({ query: q.name, limited: a, lifted: b });
    row(
      q.name,
      a.cost,
      a.status,
      a.ms.toFixed(0),
      a.bytes,
      a.healthMax.toFixed(0),
      '|',
      b.status,
      b.ms.toFixed(0),
      b.bytes,
      b.healthMax.toFixed(0),
    );
  }
  console.log(JSON.stringify({ bench: 'limits', results }));
} finally {
  for (const s of [limited, lifted]) s.p.child.kill('SIGKILL');
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
}
