/**
 * The nearline refresher survives SIGKILL: a real service process takes a burst of profile edits
 * (not waiting for embeddings) and is killed; the restarted process reads the activation snapshot back
 * from its file and applies exactly the events after it (or after the saved position, whichever is
 * earlier) — none lost, none skipped — catches up, and serves what the killed process served.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withServiceProcesses } from './support/process.ts';

const KEY = 'crash-admin-key-0123456789';

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\d+(?:\\.\\d+)?)$`, 'm').exec(text)![1]);
}

describe('nearline refresh under SIGKILL', () => {
  it('resumes from the saved position and applies exactly the events after it', { timeout: 240_000 }, async () => {
    await withServiceProcesses(
      { SKILLGRAPH_API_KEYS: `${KEY}:admin`, SKILLGRAPH_LOG_REQUESTS: 'false' },
      async (start, dataDir) => {
        const p = start();
        const url = await p.url;
        const gql = (u: string, query: string, variables: Record<string, unknown> = {}) =>
          fetch(`${u}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
            body: JSON.stringify({ query, variables }),
          }).then((r) => r.json() as Promise<any>);
        const edits = Array.from({ length: 60 }, (_, i) =>
          gql(url, 'mutation($i: MemberInput!) { upsertMember(input: $i) { created } }', {
            i: {
              id: `member-${String((i % 100) + 1).padStart(6, '0')}`,
              headline: `Edited ${i}`,
              summary: `Python, SQL and Kubernetes, edit ${i}.`,
              skills: ['Python'],
            },
          }),
        );
        await Promise.all(edits);
        p.child.kill('SIGKILL');
        await p.exited;
        const positionFile = path.join(dataDir, 'nearline', 'position');
        const saved = fs.existsSync(positionFile) ? Number(fs.readFileSync(positionFile, 'utf8')) : 0;

        const again = start();
        const url2 = await again.url;
        // The model was not run over the graph again: its snapshot came back from the file the first start wrote.
        const serving = JSON.parse(
          again
            .output()
            .stdout.split('\n')
            .find((l) => l.includes('"serving GraphSAGE model"'))!,
        );
        expect(serving.snapshot).toBe('read from its file');
        const from = Math.min(saved, serving.position);
        // Caught up: no lag, position at the end of the feed.
        for (let i = 0; i < 200 && (await metric(url2, 'skillgraph_nearline_lag_events')) > 0; i++)
          await new Promise((r) => setTimeout(r, 50));
        const position = await metric(url2, 'skillgraph_nearline_position');
        const applied = await metric(url2, 'skillgraph_nearline_events_applied');
        expect(await metric(url2, 'skillgraph_nearline_lag_events')).toBe(0);
        expect(saved).toBeLessThanOrEqual(position);
        expect(applied).toBe(position - from);
        expect(Number(fs.readFileSync(positionFile, 'utf8'))).toBe(position);
        // And matching answers for an edited member.
        const res = await gql(url2, '{ matchJobs(memberId: "member-000001", first: 3) { edges { node { score } } } }');
        expect(res.errors).toBeUndefined();
        expect(res.data.matchJobs.edges.length).toBe(3);
        again.child.kill('SIGTERM');
        await again.exited;
      },
    );
  });

  it(
    'a restarted process serves the vectors the killed one served (nearline updates included)',
    { timeout: 240_000 },
    async () => {
      await withServiceProcesses(
        { SKILLGRAPH_API_KEYS: `${KEY}:admin`, SKILLGRAPH_LOG_REQUESTS: 'false' },
        async (start) => {
          const gql = (u: string, query: string, variables: Record<string, unknown> = {}) =>
            fetch(`${u}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
              body: JSON.stringify({ query, variables }),
            }).then((r) => r.json() as Promise<any>);
          const vectors = async (u: string) => {
            const res = await gql(
              u,
              `{ a: member(id: "member-000001") { graphEmbedding { version vector } }
               b: member(id: "member-000002") { graphEmbedding { version vector } }
               j: job(id: "job-000001") { graphEmbedding { version vector } }
               n: job(id: "restart-job") { graphEmbedding { version vector } }
               m: matchJobs(memberId: "member-000001", first: 5) { edges { node { score job { id } } } } }`,
            );
            expect(res.errors).toBeUndefined();
            return res.data;
          };
          const p = start();
          const url = await p.url;
          // Nearline updates on top of the activation snapshot: an edited member and a new job.
          for (const [query, variables] of [
            [
              'mutation($i: MemberInput!) { upsertMember(input: $i, waitForEmbedding: true) { created } }',
              {
                i: {
                  id: 'member-000001',
                  headline: 'Data engineer',
                  summary: 'Spark, Kafka and Python.',
                  skills: ['Python'],
                },
              },
            ],
            [
              'mutation($i: JobInput!) { upsertJob(input: $i, waitForEmbedding: true) { created } }',
              { i: { id: 'restart-job', title: 'Data engineer', description: 'Spark, Kafka and Python pipelines.' } },
            ],
          ] as const) {
            const res = await gql(url, query, variables);
            expect(res.errors).toBeUndefined();
          }
          const before = await vectors(url);
          expect(before.n.graphEmbedding).not.toBeNull();
          p.child.kill('SIGKILL');
          await p.exited;

          const again = start();
          const url2 = await again.url;
          // Once the replay of the events since the snapshot is done, every vector is the one served before.
          let after = await vectors(url2);
          for (let i = 0; i < 200 && JSON.stringify(after) !== JSON.stringify(before); i++) {
            await new Promise((r) => setTimeout(r, 50));
            after = await vectors(url2);
          }
          expect(after).toEqual(before);
          again.child.kill('SIGTERM');
          await again.exited;
        },
      );
    },
  );
});
