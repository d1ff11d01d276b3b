/**
 * Several processes over one embedded data directory (SKILLGRAPH_WORKERS=3, src/cluster.ts), as real
 * processes: a write through any process is read back through every process (the new job's vectors
 * too); a killed follower is replaced and nothing is lost; while the owner is down, followers refuse
 * mutations with UNAVAILABLE and keep answering queries; then writes work again; SIGTERM stops all.
 * /metrics answers for every process.
 *
 * Which process answered a request: every log line of a worker names its part (`process`: owner or
 * follower) and pid, and the request line carries the request id the test sent.
 */
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { withServiceProcesses } from './support/process.ts';
import type { ServiceProcess } from './support/process.ts';

const KEY = 'workers-admin-key-0123456789';
let counter = 0;

interface Answer {
  status: number;
  body: any;
  requestId: string;
}

/** One request on a new connection (the primary hands each new connection to the next process). */
function post(url: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const requestId = `wt-${process.pid}-${++counter}`;
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/graphql`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${KEY}`,
          'x-request-id': requestId,
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text), requestId }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The process (role, pid) whose request log line carries the request id (the one the client reached first). */
async function answeredBy(p: ServiceProcess, requestId: string): Promise<{ role: string; pid: number }> {
  for (let i = 0; i < 100; i++) {
    // Lines reach the test's pipe a little after the answer: read them once they have settled.
    await new Promise((r) => setTimeout(r, 150));
    const lines = p
      .output()
      .stdout.split('\n')
      .filter((l) => l.includes(`"requestId":"${requestId}"`) && l.includes('"msg":"request"'));
    // A forwarded mutation is logged twice (follower, then owner, same id): the follower received it.
    const line = lines.find((l) => l.includes('"process":"follower"')) ?? lines[0];
    if (line) {
      const m = JSON.parse(line) as { process: string; pid: number };
      return { role: m.process, pid: m.pid };
    }
  }
  throw new Error(`no request line for ${requestId}`);
}

async function waitForLog(p: ServiceProcess, pattern: RegExp, count = 1, ms = 180_000): Promise<void> {
  const deadline = Date.now() + ms;
  while ((p.output().stdout.match(new RegExp(pattern, 'g')) ?? []).length < count) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${p.output().stdout.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Asks `query` on new connections until `n` different processes answered it; returns their answers by pid. */
async function everyProcess(p: ServiceProcess, url: string, n: number, query: string, vars = {}) {
  const byPid = new Map<number, { role: string; answer: Answer }>();
  for (let i = 0; i < 60 && byPid.size < n; i++) {
    const answer = await post(url, query, vars);
    const who = await answeredBy(p, answer.requestId);
    byPid.set(who.pid, { role: who.role, answer });
  }
  expect(byPid.size).toBe(n);
  return byPid;
}

const UPSERT = `mutation($id: ID!) { upsertJob(input: { id: $id, title: "Kubernetes platform engineer",
  description: "Kubernetes, Terraform and Go on a cloud platform team.", skills: [{ skill: "Kubernetes" }] },
  waitForEmbedding: true) { created } }`;
const READ = `query($id: ID!) { job(id: $id) { id graphEmbedding { version } }
  matchMembers(jobId: $id, first: 3) { edges { node { embeddingVersion member { id } } } } }`;

describe('SKILLGRAPH_WORKERS: one owner and followers over one data directory', () => {
  it(
    'reads its writes through every process, survives a killed follower, refuses writes while the owner is down',
    { timeout: 420_000 },
    async () => {
      await withServiceProcesses(
        {
          SKILLGRAPH_WORKERS: '3',
          SKILLGRAPH_API_KEYS: `${KEY}:admin`,
          SKILLGRAPH_LOG_REQUESTS: 'true',
          // Outside tests Apollo would stop on signals itself; the shutdown below runs as in production.
          NODE_ENV: 'production',
        },
        async (start) => {
          const p = start();
          const url = await p.url;
          await waitForLog(p, /"msg":"every process is listening"/);
          // Followers read the owner's activation snapshot back from its file: every process serves the same
          // vectors, also for nodes never refreshed nearline.
          const activations = p
            .output()
            .stdout.split('\n')
            .filter((l) => l.includes('"msg":"serving GraphSAGE model"'))
            .map((l) => JSON.parse(l) as { process: string; snapshot: string });
          expect(activations.filter((a) => a.process === 'follower').map((a) => a.snapshot)).toEqual([
            'read from its file',
            'read from its file',
          ]);
          const untouched = await everyProcess(p, url, 3, '{ job(id: "job-000001") { graphEmbedding { vector } } }');
          const vectors = [...untouched.values()].map((s) => JSON.stringify(s.answer.body.data.job.graphEmbedding));
          expect(new Set(vectors).size).toBe(1);

          // A write received by a follower (forwarded to the owner) is read back through all three processes.
          let viaFollower = '';
          for (let i = 0; i < 6 && !viaFollower; i++) {
            const id = `job-workers-${i}`;
            const res = await post(url, UPSERT, { id });
            expect(res.body.errors, JSON.stringify(res.body)).toBeUndefined();
            if ((await answeredBy(p, res.requestId)).role === 'follower') viaFollower = id;
          }
          expect(viaFollower).not.toBe('');
          const seen = await everyProcess(p, url, 3, READ, { id: viaFollower });
          expect([...seen.values()].map((s) => s.role).sort()).toEqual(['follower', 'follower', 'owner']);
          const versions = new Set<string>();
          for (const { answer } of seen.values()) {
            expect(answer.body.errors, JSON.stringify(answer.body)).toBeUndefined();
            expect(answer.body.data.job.id).toBe(viaFollower);
            versions.add(answer.body.data.job.graphEmbedding.version);
            expect(answer.body.data.matchMembers.edges.length).toBeGreaterThan(0);
          }
          expect(versions.size).toBe(1);
          // /metrics, whichever process answers it, has every process's series, each labelled with its process.
          const metrics = await (await fetch(`${url}/metrics`)).text();
          const workers = new Set(
            [...metrics.matchAll(/skillgraph_http_requests_total\{[^}]*worker="(\d+)"/g)].map((x) => x[1]),
          );
          expect(workers.size).toBe(3);
          expect(metrics).toMatch(/skillgraph_nearline_position\{[^}]*process="owner"/);
          expect(metrics).toMatch(/skillgraph_nearline_position\{[^}]*process="follower"/);

          // A follower killed: another takes its place and loads everything (the store is the owner's).
          const follower = [...seen.entries()].find(([, s]) => s.role === 'follower')![0];
          process.kill(follower, 'SIGKILL');
          await waitForLog(p, /"process":"follower"[^\n]*"msg":"skillgraph is listening"/, 3);
          const after = await everyProcess(p, url, 3, READ, { id: viaFollower });
          expect(after.has(follower)).toBe(false);
          for (const { answer } of after.values()) expect(answer.body.data.job.graphEmbedding).not.toBeNull();

          // The owner killed: followers answer queries and refuse mutations (503, UNAVAILABLE, nothing changed).
          const owner = [...after.entries()].find(([, s]) => s.role === 'owner')![0];
          process.kill(owner, 'SIGKILL');
          await waitForLog(p, /"msg":"the owner process exited/);
          const refused = await post(url, UPSERT, { id: 'job-workers-refused' });
          expect(refused.status).toBe(503);
          expect(refused.body.errors[0].extensions.code).toBe('UNAVAILABLE');
          expect(refused.body.errors[0].message).toMatch(/nothing was changed/);
          const read = await post(url, READ, { id: viaFollower });
          expect(read.body.data.job.id).toBe(viaFollower);
          // Readiness: the followers still serve (200) and say that writes are not taken.
          const downReady = await fetch(`${url}/readyz`);
          expect(downReady.status).toBe(200);
          expect(((await downReady.json()) as { writes: string }).writes).toMatch(/^unavailable: the owner/);

          // The primary starts a new owner: writes work again, through whichever process.
          await waitForLog(p, /"msg":"the owner process is back"/);
          const again = await post(url, UPSERT, { id: 'job-workers-after' });
          expect(again.body.errors, JSON.stringify(again.body)).toBeUndefined();
          for (let i = 0; i < 6; i++) {
            const ready = await fetch(`${url}/readyz`);
            expect(((await ready.json()) as { writes: string }).writes).toBe('ok');
          }
          const back = await everyProcess(p, url, 3, READ, { id: 'job-workers-after' });
          for (const [pid, { role, answer }] of back)
            expect(
              answer.body.data.job.graphEmbedding,
              `${role} ${pid}: ${p.output().stdout.slice(-4000)}`,
            ).not.toBeNull();
          const refusedJob = await post(url, 'query($id: ID!) { job(id: $id) { id } }', { id: 'job-workers-refused' });
          expect(refusedJob.body.data.job).toBeNull();

          // SIGTERM to the primary stops every process gracefully.
          p.child.kill('SIGTERM');
          expect(await p.exited).toBe(0);
          expect((p.output().stdout.match(/"process":"(owner|follower)"[^\n]*"msg":"stopped"/g) ?? []).length).toBe(3);
        },
      );
    },
  );
});
