/** The service as a real process: first start prints a key once, SIGTERM drains in-flight requests. */
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { withServiceProcesses } from './support/process.ts';

describe('service process', () => {
  it(
    'seeds on first start, prints the admin key once, and drains requests on SIGTERM',
    { timeout: 120_000 },
    async () => {
      await withServiceProcesses({ SKILLGRAPH_API_KEYS: '' }, async (start) => {
        const p = start();
        const url = await p.url;
        const key = /\n\s+(sg_\S+)\n/.exec(p.output().stderr)?.[1];
        expect(key).toBeTruthy();
        const query = (auth?: string) =>
          fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
            body: JSON.stringify({
              query:
                '{ viewer { role skillCount } skills(search: "data", first: 50) { totalCount edges { node { id siblings { id } } } } }',
            }),
          });
        expect((await (await query(key)).json()).data.viewer.role).toBe('ADMIN');
        // Each request's log line carries its id; no credential reaches the log.
        await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-request-id': 'proc-req-1' },
          body: JSON.stringify({ query: '{ nope }' }),
        });
        await new Promise((r) => setTimeout(r, 100));
        expect(p.output().stdout).toMatch(/"requestId":"proc-req-1"[^\n]*"status":200/);
        expect(p.output().stdout).not.toContain(key!);
        // A request whose body is still arriving when SIGTERM lands must still be answered.
        const body = JSON.stringify({ query: '{ skills(search: "data", first: 5) { totalCount } }' });
        const u = new URL(`${url}/graphql`);
        let sent!: () => void;
        const headersSent = new Promise<void>((r) => (sent = r));
        const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
          const req = http.request(
            {
              host: u.hostname,
              port: u.port,
              path: u.pathname,
              method: 'POST',
              headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
            },
            (res) => {
              let text = '';
              res.on('data', (c) => (text += c));
              res.on('end', () => resolve({ status: res.statusCode!, text }));
            },
          );
          req.on('error', reject);
          req.write(body.slice(0, 10), () => sent());
          setTimeout(() => req.end(body.slice(10)), 1000);
        });
        await headersSent;
        await new Promise((r) => setTimeout(r, 200)); // the server has the request's head by now
        p.child.kill('SIGTERM');
        const reply = await answer;
        expect(reply.status).toBe(200);
        expect(JSON.parse(reply.text).data.skills.totalCount).toBeGreaterThan(0);
        expect(await p.exited).toBe(0);
        expect(p.output().stdout).toContain('"msg":"stopped"');
        // Second start: same data, no new key, no re-seed.
        const again = start();
        await again.url;
        expect(again.output().stderr).not.toContain('sg_');
        expect(again.output().stdout).not.toContain('seeded the taxonomy');
        again.child.kill('SIGTERM');
        expect(await again.exited).toBe(0);
      });
    },
  );
});
