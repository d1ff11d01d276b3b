/**
 * Retrieval and matching speed.
 *
 *   npm run bench:matching -- [--n 1000000] [--dim 128] [--k 100] [--threads 1] [--clients 5,50] [--seconds 20]
 *     [--skip-scan] [--skip-graphql] [--jobs 1000] [--columns jit,graphql-js,workers] [--workers 2] [--data-dir DIR]
 *     [--pairs 1]
 *
 * Marketplace scale: `SKILLGRAPH_ENCODER=builtin npm run bench:matching -- --skip-scan --jobs 1000000
 * --columns jit --data-dir /tmp/sg-1m` seeds a million jobs once (the service's own first start: generator,
 * bulk import, training) and keeps them for later runs.
 *
 * 1. Exhaustive top-K (VectorIndex) over n unit vectors: one query and a batch of 64, without and
 *    with a 10%-selective filter, side by side with FAISS IndexFlatIP (Debian python3-faiss) on the
 *    same vectors and queries with the same thread count (ours scans on one thread). FAISS applies
 *    the filter during the scan as ours does (SearchParameters with an IDSelectorBitmap); the
 *    "sub-index" rows add FAISS searching a pre-built index of only the 10% that pass, which
 *    favours FAISS (a filter known ahead of time). Then the same searches over the int8 copy that
 *    indexes from 65,536 rows scan first (exact re-scoring of the best 2k + 64), beside FAISS's
 *    IndexScalarQuantizer (QT_8bit) under an IndexRefineFlat re-scoring as many, with each side's
 *    recall@10 and recall@k against the exact top k over the 64 queries.
 * 1b. The inverted lists that indexes keep from 131,072 rows (IVF: ~√n/4 k-means lists, a search reads its
 *    nearest lists' int8 rows until it has read 8 average lists' worth, then re-scores exactly) over clustered
 *    vectors — uniform random ones, as above, have no neighbourhoods for lists to find — beside FAISS's
 *    IndexIVFScalarQuantizer (QT_8bit, the same list count, nprobe 8) under an IndexRefineFlat, with the
 *    training time, single-query time and recall of each. The vectors: n around n / 1,000 random centres
 *    (`--spread`, the noise per dimension), or `--vectors FILE` (raw float32 rows of `--dim`, e.g. fused job
 *    vectors) with `--queries FILE` (e.g. fused member vectors; else perturbed rows).
 * 2. GraphQL matchJobs p50/p99 under each count of `--clients` closed-loop clients against the service in its own
 *    process (embedded store, the seeded marketplace of 2,000 members and `--jobs` jobs, a model trained at
 *    start; the service's environment is this process's, so SKILLGRAPH_ENCODER picks its encoder), beside the floor
 *    of the same clients sending `{ __typename }` (HTTP, auth and Apollo with nothing to resolve), the two
 *    alternated `--pairs` times (this machine's speed drifts by ±10 % over minutes: more pairs, medians and the
 *    share's range make small changes readable); then
 *    matchJobs in an open loop at half the best closed-loop rate (fixed arrivals, latency from each
 *    request's scheduled send time, bench/closed-loop.ts's openLoop). All of it once per `--columns`, side by
 *    side: with queries compiled by graphql-jit (the default executor), interpreted by graphql-js, and compiled
 *    with `--workers` processes (SKILLGRAPH_WORKERS, src/cluster.ts; default 2) instead of one.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { VectorIndex, candidates } from '../src/vectors/vector-index.ts';
import { seededRandom } from '../src/random.ts';
import { closedLoop, openLoop } from './closed-loop.ts';
import type { LoadResult } from './closed-loop.ts';
import { percentile } from './support.ts';

let clockTicks = 0;

/** CPU ms (user + system) a process and its descendants have used, from /proc; null where there is no /proc. */
function processTreeCpuMs(root: number): number | null {
  if (!fs.existsSync(`/proc/${root}/stat`)) return null;
  const ticks = (clockTicks ||= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100);
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let line: string;
    try {
      line = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command name (which may hold spaces): state ppid … utime(14) stime(15), 1-based.
    const f = line.slice(line.lastIndexOf(')') + 2).split(' ');
    stats.set(Number(name), { ppid: Number(f[1]), cpu: Number(f[11]) + Number(f[12]) });
  }
  let total = 0;
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop()!;
    total += stats.get(pid)?.cpu ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) todo.push(child);
  }
  return (total * 1000) / ticks;
}

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000000' },
    dim: { type: 'string', default: '128' },
    k: { type: 'string', default: '100' },
    threads: { type: 'string', default: '1' },
    clients: { type: 'string', default: '5,50' },
    seconds: { type: 'string', default: '20' },
    pairs: { type: 'string', default: '1' },
    'skip-graphql': { type: 'boolean', default: false },
    'skip-scan': { type: 'boolean', default: false },
    workers: { type: 'string', default: '2' },
    jobs: { type: 'string', default: '1000' },
    columns: { type: 'string', default: 'jit,graphql-js,workers' },
    'data-dir': { type: 'string' },
    vectors: { type: 'string' },
    queries: { type: 'string' },
    spread: { type: 'string', default: '0.05' },
  },
});
const n = Number(values.n);
const d = Number(values.dim);
const k = Number(values.k);
/** Standard normal draws from a seeded uniform source (Box–Muller). */
const gaussianFrom = (rand: () => number) => () =>
  Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

// ---- 1. retrieval over n synthetic vectors (skipped with --skip-scan)
function measureRetrieval() {
  // ---- 1. vectors
  const gaussian = gaussianFrom(seededRandom(3));
  const vectors = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (vectors[i * d + j] = gaussian()) ** 2;
    const inv = 1 / Math.sqrt(s);
    for (let j = 0; j < d; j++) vectors[i * d + j] *= inv;
  }
  const queries = vectors.slice(0, 64 * d).map((x, i) => x + 0.1 * Math.sin(i));
  const keep = Uint8Array.from({ length: n }, (_, i) => ((i * 2654435761) % 100 < 10 ? 1 : 0));
  // Without inverted lists: these vectors have no clusters for lists to find (section 1b has clustered ones).
  const index = new VectorIndex(d, n, { quantizeFrom: Infinity, listsFrom: Infinity });
  const quantized = new VectorIndex(d, n, { listsFrom: Infinity });
  let t = Date.now();
  for (let i = 0; i < n; i++) index.upsert(`v${i}`, vectors.subarray(i * d, (i + 1) * d));
  console.error(`built the index of ${n} × ${d} in ${Date.now() - t} ms`);
  t = Date.now();
  for (let i = 0; i < n; i++) quantized.upsert(`v${i}`, vectors.subarray(i * d, (i + 1) * d));
  console.error(`built the index with its int8 copy in ${Date.now() - t} ms (int8: ${quantized.quantized})`);
  const q = (i: number) => queries.subarray(i * d, (i + 1) * d);
  const filter = (row: number) => keep[row] === 1;
  const timed = (fn: () => void, reps: number) => {
    // Warm up for half a second (at small n, a few calls leave the scan in V8's baseline tiers).
    for (const until = performance.now() + 500; performance.now() < until;) fn();
    const times: number[] = [];
    for (let r = 0; r < reps; r++) {
      const s = performance.now();
      fn();
      times.push(performance.now() - s);
    }
    return percentile(times, 50);
  };
  const batch64 = Array.from({ length: 64 }, (_, i) => q(i));
  /** Share of the exact top `at` (of the 64 queries) that a method's top k holds. */
  const recall = (got: number[][], at: number) => {
    const truth = index.search(batch64, k).map((hits) => hits.slice(0, at).map((h) => Number(h.id.slice(1))));
    let found = 0;
    truth.forEach((ids, i) => {
      const have = new Set(got[i].slice(0, at));
      found += ids.filter((id) => have.has(id)).length;
    });
    return found / (truth.length * at);
  };
  const oursTop = quantized.search(batch64, k).map((hits) => hits.map((h) => Number(h.id.slice(1))));
  const int8 = {
    singleMs: timed(() => quantized.search([q(0)], k), 20),
    singleFilteredMs: timed(() => quantized.search([q(0)], k, filter), 20),
    batch64Ms: timed(() => quantized.search(batch64, k), 3),
    batch64FilteredMs: timed(() => quantized.search(batch64, k, filter), 3),
    recallAt10: recall(oursTop, 10),
    recallAtK: recall(oursTop, k),
  };
  const ours = {
    singleMs: timed(() => index.search([q(0)], k), 10),
    singleFilteredMs: timed(() => index.search([q(0)], k, filter), 10),
    batch64Ms: timed(
      () =>
        index.search(
          Array.from({ length: 64 }, (_, i) => q(i)),
          k,
        ),
      3,
    ),
    batch64FilteredMs: timed(
      () =>
        index.search(
          Array.from({ length: 64 }, (_, i) => q(i)),
          k,
          filter,
        ),
      3,
    ),
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-faiss-'));
  fs.writeFileSync(path.join(dir, 'vectors.bin'), new Uint8Array(vectors.buffer));
  fs.writeFileSync(path.join(dir, 'queries.bin'), new Uint8Array(queries.buffer));
  fs.writeFileSync(path.join(dir, 'filter.bin'), keep);
  let faiss: Record<string, number> | null = null;
  try {
    faiss = JSON.parse(
      execFileSync(
        '/usr/bin/python3',
        ['bench/matching_faiss.py', dir, String(d), String(n), String(k), values.threads!, String(candidates(k))],
        { encoding: 'utf8', maxBuffer: 1 << 24 },
      )
        .trim()
        .split('\n')
        .at(-1)!,
    );
    const ourTop = index.search([q(0)], 5)[0].map((h) => Number(h.id.slice(1)));
    if (JSON.stringify(ourTop) !== JSON.stringify((faiss as unknown as { top: number[] }).top))
      console.error(`note: top-5 differ from FAISS: ${ourTop} vs ${(faiss as unknown as { top: number[] }).top}`);
  } catch (err) {
    console.error(`FAISS peer did not run (apt-get install python3-faiss): ${(err as Error).message.split('\n')[0]}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1).padStart(10);
  const row = (name: string, a: number, b?: number) =>
    `${name.padEnd(30)} ${ms(a)} ${b === undefined ? '         -' : ms(b)} ${b ? (a / b).toFixed(2).padStart(8) : '       -'}`;
  console.log(`\ntop-${k} over ${n} × ${d}-d vectors (ms, median); FAISS threads: ${values.threads}, ours: 1`);
  console.log(`${'measure'.padEnd(30)} ${'skillgraph'.padStart(10)} ${'faiss'.padStart(10)} ${'ratio'.padStart(8)}`);
  console.log(row('1 query', ours.singleMs, faiss?.singleMs));
  console.log(row('1 query, 10% filter', ours.singleFilteredMs, faiss?.singleFilteredMs));
  console.log(row('64 queries', ours.batch64Ms, faiss?.batch64Ms));
  console.log(row('64 queries, 10% filter', ours.batch64FilteredMs, faiss?.batch64FilteredMs));
  console.log(row('1 query, 10% sub-index', ours.singleFilteredMs, faiss?.singleSubIndexMs));
  console.log(row('64 queries, 10% sub-index', ours.batch64FilteredMs, faiss?.batch64SubIndexMs));
  const sq = faiss as unknown as { int8?: Record<string, number> & { top: number[][] } } | null;
  const theirs = sq?.int8;
  console.log(`\nthe same over int8 copies, the best ${candidates(k)} re-scored exactly (FAISS: SQ8 + RefineFlat)`);
  console.log(row('1 query', int8.singleMs, theirs?.singleMs));
  console.log(row('1 query, 10% filter', int8.singleFilteredMs, theirs?.singleFilteredMs));
  console.log(row('64 queries', int8.batch64Ms, theirs?.batch64Ms));
  console.log(row('64 queries, 10% filter', int8.batch64FilteredMs, theirs?.batch64FilteredMs));
  const pct = (x?: number) => (x === undefined ? '         -' : `${(100 * x).toFixed(1)}%`.padStart(10));
  const theirRecall = theirs ? { at10: recall(theirs.top, 10), atK: recall(theirs.top, k) } : undefined;
  console.log(`${'recall@10 vs exact'.padEnd(30)} ${pct(int8.recallAt10)} ${pct(theirRecall?.at10)}`);
  console.log(`${`recall@${k} vs exact`.padEnd(30)} ${pct(int8.recallAtK)} ${pct(theirRecall?.atK)}`);
  return { ours, int8, faiss };
}
const retrieval = values['skip-scan'] ? null : measureRetrieval();

// ---- 1b. inverted lists over clustered vectors (skipped with --skip-scan)
function measureLists() {
  const rand = seededRandom(11);
  const gaussian = gaussianFrom(rand);
  const unit = (v: Float32Array) => {
    const inv = 1 / Math.hypot(...v);
    return v.map((x) => x * inv);
  };
  let rows: Float32Array;
  let queries: Float32Array[];
  if (values.vectors) {
    const read = (file: string) => new Float32Array(new Uint8Array(fs.readFileSync(file)).buffer);
    rows = read(values.vectors);
    const qs = values.queries ? read(values.queries) : null;
    const count = qs ? Math.min(200, qs.length / d) : 200;
    queries = Array.from({ length: count }, (_, i) =>
      qs
        ? qs.slice(i * d, (i + 1) * d)
        : unit(rows.slice(i * 997 * d, (i * 997 + 1) * d).map((x) => x + 0.02 * gaussian())),
    );
  } else {
    const spread = Number(values.spread);
    const centres = Array.from({ length: Math.max(1, Math.round(n / 1000)) }, () =>
      unit(Float32Array.from({ length: d }, gaussian)),
    );
    const point = () => unit(centres[Math.floor(rand() * centres.length)].map((x) => x + spread * gaussian()));
    rows = new Float32Array(n * d);
    for (let i = 0; i < n; i++) rows.set(point(), i * d);
    queries = Array.from({ length: 200 }, point);
  }
  const count = rows.length / d;
  const exact = new VectorIndex(d, count, { listsFrom: Infinity });
  const lists = new VectorIndex(d, count, { listsFrom: 0 });
  for (let i = 0; i < count; i++) {
    exact.upsert(`v${i}`, rows.subarray(i * d, (i + 1) * d));
    lists.upsert(`v${i}`, rows.subarray(i * d, (i + 1) * d));
  }
  const t = performance.now();
  lists.prepareLists();
  const trainMs = performance.now() - t;
  const keep = (row: number) => (row * 2654435761) % 100 < 10;
  const median = (fn: (q: Float32Array) => void) => {
    const times = queries.map((q) => {
      const s = performance.now();
      fn(q);
      return performance.now() - s;
    });
    return percentile(times, 50);
  };
  const exactTop = queries.map((q) => exact.search([q], k)[0].map((h) => Number(h.id.slice(1))));
  const oursTop = queries.map((q) => lists.search([q], k)[0].map((h) => Number(h.id.slice(1))));
  const ours = {
    trainMs,
    singleMs: median((q) => lists.search([q], k)),
    singleFilteredMs: median((q) => lists.search([q], k, keep)),
    exactInt8Ms: median((q) => exact.search([q], k)),
  };
  const recall = (got: number[][], at: number) => {
    let found = 0;
    exactTop.forEach((ids, i) => {
      const have = new Set(got[i].slice(0, at));
      found += ids.slice(0, at).filter((id) => have.has(id)).length;
    });
    return found / (exactTop.length * at);
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-faiss-ivf-'));
  fs.writeFileSync(path.join(dir, 'vectors.bin'), new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength));
  const flat = new Float32Array(queries.length * d);
  queries.forEach((q, i) => flat.set(q, i * d));
  fs.writeFileSync(path.join(dir, 'queries.bin'), new Uint8Array(flat.buffer));
  let theirs: { trainMs: number; singleMs: number; top: number[][] } | null = null;
  try {
    const args = [dir, String(d), String(count), String(k), values.threads!, String(candidates(k))];
    const out = execFileSync('/usr/bin/python3', ['bench/matching_faiss.py', ...args, String(lists.listCount), '8'], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    theirs = JSON.parse(out.trim().split('\n').at(-1)!);
  } catch (err) {
    console.error(`FAISS peer did not run (apt-get install python3-faiss): ${(err as Error).message.split('\n')[0]}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const cell = (x?: number, digits = 2) => (x === undefined ? '-' : x.toFixed(digits)).padStart(10);
  const pct = (x?: number) => (x === undefined ? '-' : `${(100 * x).toFixed(2)}%`).padStart(10);
  const source = values.vectors ? values.vectors : `clustered, spread ${values.spread}`;
  console.log(`\ninverted lists: top-${k} over ${count} × ${d}-d vectors (${source}), ${lists.listCount} lists, ms`);
  console.log(`${'measure'.padEnd(30)} ${'skillgraph'.padStart(10)} ${'faiss'.padStart(10)}`);
  console.log(`${'train the lists and file rows'.padEnd(30)} ${cell(trainMs, 0)} ${cell(theirs?.trainMs, 0)}`);
  console.log(`${'1 query (median)'.padEnd(30)} ${cell(ours.singleMs)} ${cell(theirs?.singleMs)}`);
  console.log(`${'1 query, 10% filter'.padEnd(30)} ${cell(ours.singleFilteredMs)} ${cell()}`);
  console.log(`${'1 query, int8 scan of all'.padEnd(30)} ${cell(ours.exactInt8Ms)} ${cell()}`);
  const theirRecall = theirs ? { at10: recall(theirs.top, 10), atK: recall(theirs.top, k) } : undefined;
  console.log(`${'recall@10 vs exact'.padEnd(30)} ${pct(recall(oursTop, 10))} ${pct(theirRecall?.at10)}`);
  console.log(`${`recall@${k} vs exact`.padEnd(30)} ${pct(recall(oursTop, k))} ${pct(theirRecall?.atK)}`);
  return {
    ...ours,
    lists: lists.listCount,
    recallAt10: recall(oursTop, 10),
    recallAtK: recall(oursTop, k),
    faiss: theirs && { ...theirs, top: undefined, ...theirRecall },
  };
}
const invertedLists = values['skip-scan'] ? null : measureLists();

// ---- 2. GraphQL matchJobs under concurrent clients (the service in its own process, as deployed), once per
// executor (src/api/executor.ts): compiled by graphql-jit (the default), then interpreted by graphql-js, on the
// same data directory (the first start seeds and trains; the second starts warm).
/** A closed-loop run with the CPU the service's processes spent on it per request (Linux /proc; null elsewhere). */
type Measured = LoadResult & { serviceCpuMsPerRequest: number | null };
type ExecutorRuns = {
  /** floor and match: the median windows (by req/s) of the pairs; shares: each pair's match / floor. */
  runs: Array<{ clients: number; floor: Measured; match: Measured; shares: number[] }>;
  open: LoadResult & { rate: number; maxConnections: number };
};
let graphql: Record<string, Record<string, LoadResult>> | null = null;
if (!values['skip-graphql']) {
  // --data-dir keeps the seeded store between runs (a million jobs take a while to seed once).
  const keepDir = values['data-dir'];
  const dataDir = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sg-bench-match-'));
  fs.mkdirSync(dataDir, { recursive: true });
  const jobs = Number(values.jobs);
  const key = 'bench-admin-key-0123456789';
  // Compiled, as `npm start` runs it (no TypeScript loader).
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  const members = 2000;
  const query =
    'query($m: ID!) { matchJobs(memberId: $m, first: 10) { edges { node { score job { id title } explanation { signals { signal contribution } matchedSkills { skill { label } via } missingSkills { label } } } } } }';
  const r = seededRandom(5);
  const matchBody = () => ({
    query,
    variables: { m: `member-${String(1 + Math.floor(r() * members)).padStart(6, '0')}` },
  });
  const pairs = Number(values.pairs);
  /** The median of `xs` by `by` (the lower middle one of an even count). */
  const median = <T>(xs: T[], by: (x: T) => number) =>
    [...xs].sort((a, b) => by(a) - by(b))[Math.floor((xs.length - 1) / 2)];
  const measure = async (executor: 'jit' | 'graphql-js', workers = 1): Promise<ExecutorRuns> => {
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      env: {
        ...process.env,
        PORT: '0',
        NODE_ENV: 'production',
        SKILLGRAPH_DATA_DIR: dataDir,
        SKILLGRAPH_API_KEYS: `${key}:admin`,
        SKILLGRAPH_LOG_REQUESTS: 'false',
        SKILLGRAPH_GRAPHQL_EXECUTOR: executor,
        SKILLGRAPH_SEED_JOBS: String(jobs),
        SKILLGRAPH_WORKERS: String(workers),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      // Several processes: once every one listens (the primary says so).
      const ready = workers > 1 ? /"url":"(http:[^"]+)\/graphql","workers"/ : /"url":"(http:[^"]+)\/graphql"/;
      const timer = setInterval(() => {
        const m = ready.exec(out);
        if (!m) return;
        clearInterval(timer);
        resolve(m[1]);
      }, 100);
      child.once('exit', (code) => (clearInterval(timer), reject(new Error(`service exited with ${code}`))));
      // The first start seeds and trains (a few minutes on the seed; ~4 ms a job more); past that, say what the
      // service printed.
      const limitMs = 900_000 + 4 * jobs;
      setTimeout(
        () =>
          reject(
            new Error(`the service did not listen within ${limitMs / 60_000} min; it printed:\n${out.slice(-2000)}`),
          ),
        limitMs,
      ).unref();
    });
    // Where its start went (per stage, ms) and how big it is.
    const started = /\{[^\n]*"msg":"started"[^\n]*\}/.exec(out);
    if (started) console.error(`service started (${executor}, ${workers} process(es)): ${started[0]}`);
    /** `clients` closed-loop clients for `seconds` (bench/closed-loop.ts). */
    const load = async (clients: number, body: () => unknown, seconds = Number(values.seconds)): Promise<Measured> => {
      const cpu0 = processTreeCpuMs(child.pid!);
      const r = await closedLoop(`${url}/graphql`, {
        clients,
        seconds,
        headers: { authorization: `Bearer ${key}` },
        body,
      });
      const cpu1 = processTreeCpuMs(child.pid!);
      const serviceCpuMsPerRequest =
        cpu0 === null || cpu1 === null || r.requests === 0 ? null : Number(((cpu1 - cpu0) / r.requests).toFixed(3));
      return { ...r, serviceCpuMsPerRequest };
    };
    // At each concurrency: the floor (the same clients, HTTP stack and auth, the smallest query there is), then
    // matchJobs, --pairs times.
    const runs: ExecutorRuns['runs'] = [];
    await load(5, matchBody, 5); // warm-up, not reported: JIT tiers, compiled queries and the job-profile cache
    for (const clients of values.clients!.split(',').map(Number)) {
      const floors: Measured[] = [];
      const matches: Measured[] = [];
      for (let i = 0; i < pairs; i++) {
        floors.push(await load(clients, () => ({ query: '{ __typename }' })));
        matches.push(await load(clients, matchBody));
      }
      const shares = matches.map((m, i) => m.perSecond / floors[i].perSecond);
      const perSecond = (x: Measured) => x.perSecond;
      runs.push({ clients, floor: median(floors, perSecond), match: median(matches, perSecond), shares });
    }
    // Open loop at half of the saturation rate (the best closed-loop matchJobs throughput above).
    const saturation = Math.max(...runs.map((x) => x.match.perSecond));
    const open = await openLoop(`${url}/graphql`, {
      rate: Math.max(1, Math.round(saturation / 2)),
      seconds: Number(values.seconds),
      headers: { authorization: `Bearer ${key}` },
      body: matchBody,
    });
    child.kill('SIGTERM');
    await new Promise((res) => child.once('exit', res));
    return { runs, open };
  };
  const workers = Number(values.workers);
  const wanted = values.columns!.split(',');
  if (!Number.isInteger(pairs) || pairs < 1) throw new Error(`--pairs takes a positive integer, not ${values.pairs}`);
  const headers: Record<string, string> = {
    jit: 'graphql-jit (default)',
    'graphql-js': 'graphql-js',
    workers: `graphql-jit, ${workers} processes`,
  };
  const results: Record<string, ExecutorRuns> = {};
  for (const column of wanted) {
    if (column === 'jit') results.jit = await measure('jit');
    else if (column === 'graphql-js') results['graphql-js'] = await measure('graphql-js');
    else if (column === 'workers') results[`jit, ${workers} processes`] = await measure('jit', workers);
    else throw new Error(`--columns takes jit, graphql-js and workers, not ${column}`);
  }
  if (!keepDir) fs.rmSync(dataDir, { recursive: true, force: true });
  graphql = Object.fromEntries(
    Object.entries(results).map(([executor, { runs, open }]) => [
      executor,
      {
        ...Object.fromEntries(
          runs.flatMap((x) => [
            [`floor@${x.clients}`, x.floor],
            [`matchJobs@${x.clients}`, { ...x.match, shares: x.shares.map((v) => Number(v.toFixed(3))) }],
          ]),
        ),
        [`matchJobs open loop @${open.rate}/s`]: open,
      },
    ]),
  );
  const cell = (x: LoadResult) =>
    `${String(x.perSecond).padStart(7)} ${x.p50Ms.toFixed(1).padStart(6)} ${x.p99Ms.toFixed(1).padStart(6)}`;
  console.log(
    `\nGraphQL, closed-loop clients for ${values.seconds} s each against the service process (embedded store, ${jobs} jobs, NODE_ENV=production; the clients run on the same machine, in this process): req/s, p50 and p99 ms${pairs > 1 ? ` — of the median window of ${pairs}, floor and matchJobs alternated` : ''}`,
  );
  const columns = Object.values(results);
  const row = (label: string, cells: string[]) => console.log(`${label.padEnd(40)} ${cells.join('   ')}`);
  row(
    'query',
    wanted.map((c) => headers[c].padEnd(21)),
  );
  for (let i = 0; i < columns[0].runs.length; i++) {
    const c = columns[0].runs[i].clients;
    row(
      `{ __typename } (floor), ${c} clients`,
      columns.map((x) => cell(x.runs[i].floor)),
    );
    row(
      `matchJobs explained, ${c} clients`,
      columns.map((x) => cell(x.runs[i].match)),
    );
    const percent = (x: number) => `${(100 * x).toFixed(0)}%`;
    const share = ({ shares }: { shares: number[] }) => {
      const range = shares.length > 1 ? ` (${percent(Math.min(...shares))}–${percent(Math.max(...shares))})` : '';
      return `${percent(median(shares, (x) => x))}${range}`.padStart(21);
    };
    row(
      pairs > 1 ? `  matchJobs as a share of the floor, ${pairs} pairs` : '  matchJobs as a share of the floor',
      columns.map((x) => share(x.runs[i])),
    );
    // The service's own CPU per request (all its processes), whatever the clients beside it took.
    const cpu = (x: { floor: Measured; match: Measured }) =>
      `${x.floor.serviceCpuMsPerRequest ?? '–'} / ${x.match.serviceCpuMsPerRequest ?? '–'}`.padStart(21);
    row(
      '  service CPU ms per request, floor / match',
      columns.map((x) => cpu(x.runs[i])),
    );
  }
  row(
    'matchJobs open loop, ½ saturation',
    columns.map((x) => `${cell(x.open)} @${x.open.rate}/s`),
  );
  console.log(
    `(open loop: latency from each request's scheduled send time; ${columns.map((x) => x.open.maxConnections).join(', ')} connections were needed)`,
  );
}
console.log(
  JSON.stringify({
    bench: 'matching',
    n,
    d,
    k,
    ...(retrieval && { ...retrieval, faiss: retrieval.faiss && { ...retrieval.faiss, int8: undefined } }),
    ...(invertedLists && { invertedLists }),
    jobs: Number(values.jobs),
    graphql,
  }),
);
