/**
 * The HTTP surface as GraphQL clients and operators meet it: the GraphQL-over-HTTP spec's own audit suite,
 * request ids, Authorization header edge cases, CORS, and /metrics (bounded labels, optional key).
 */
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { KEYS, startTestService } from './support/service.ts';
import type { TestService } from './support/service.ts';

const ORIGIN = 'https://app.example.com';
const METRICS_KEY = 'metrics-key-0123456789abcdef';

/** A raw HTTP/1.1 request (for header lists fetch will not send, such as two Authorization headers). */
function rawRequest(url: string, lines: string[], body: string): Promise<{ status: number; text: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(u.port), u.hostname, () => {
      socket.write(
        [`POST ${u.pathname} HTTP/1.1`, `Host: ${u.host}`, 'Connection: close', 'Content-Type: application/json']
          .concat(lines, [`Content-Length: ${Buffer.byteLength(body)}`, '', body])
          .join('\r\n'),
      );
    });
    let data = '';
    socket.on('data', (c) => (data += c.toString()));
    socket.on('end', () =>
      resolve({ status: Number(data.split(' ')[1]), text: data.slice(data.indexOf('\r\n\r\n') + 4) }),
    );
    socket.on('error', reject);
  });
}

describe('the HTTP surface', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService('embedded', { SKILLGRAPH_CORS_ORIGINS: ORIGIN, SKILLGRAPH_METRICS_KEY: METRICS_KEY });
  });
  afterAll(async () => {
    await svc?.stop();
  });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${svc.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('passes the GraphQL-over-HTTP audit suite (graphql-http) with no errors and no warnings', async () => {
    const results = await auditServer({ url: `${svc.url}/graphql` });
    const failed = results.filter((r) => r.status === 'error' || r.status === 'warn');
    expect(failed.map((r) => `${r.id} ${r.name}`)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(50);
  });

  it('answers request errors 200 under application/json and 400 under application/graphql-response+json', async () => {
    for (const query of ['{', '{ nope }']) {
      const json = await post({ query }, { accept: 'application/json' });
      expect(json.status).toBe(200);
      expect((await json.json()).errors[0].extensions.code).toMatch(/GRAPHQL_(PARSE|VALIDATION)_FAILED/);
      const gql = await post({ query }, { accept: 'application/graphql-response+json' });
      expect(gql.status).toBe(400);
      expect(gql.headers.get('content-type')).toContain('application/graphql-response+json');
    }
  });

  it('gives no field suggestions outside development', async () => {
    const body = await (await post({ query: '{ skils(first: 1) { totalCount } }' })).json();
    expect(body.errors[0].message).toMatch(/Cannot query field "skils"/);
    expect(body.errors[0].message).not.toMatch(/Did you mean/);
  });

  it('gives every request an id: the client’s, or a new one, in the header and every error', async () => {
    const mine = await post({ query: '{ nope }' }, { 'x-request-id': 'client-req-42' });
    expect(mine.headers.get('x-request-id')).toBe('client-req-42');
    expect((await mine.json()).errors[0].extensions.requestId).toBe('client-req-42');
    const generated = await post({ query: '{ viewer { role } }' }, { 'x-request-id': 'bad id with spaces' });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const unauthenticated = await post(
      { query: '{ viewer { role } }' },
      { authorization: 'Bearer nope-nope-nope-nope' },
    );
    expect(unauthenticated.status).toBe(401);
    const body = await unauthenticated.json();
    expect(body.errors[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      requestId: unauthenticated.headers.get('x-request-id'),
    });
  });

  it('refuses an empty Authorization header (401) and two of them (400)', async () => {
    const body = JSON.stringify({ query: '{ viewer { role } }' });
    const empty = await rawRequest(`${svc.url}/graphql`, ['Authorization: '], body);
    expect(empty.status).toBe(401);
    expect(JSON.parse(empty.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const two = await rawRequest(
      `${svc.url}/graphql`,
      [`Authorization: Bearer ${KEYS.reader}`, `Authorization: Bearer ${KEYS.admin}`],
      body,
    );
    expect(two.status).toBe(400);
    expect(JSON.parse(two.text).errors[0].extensions.code).toBe('BAD_REQUEST');
    const one = await rawRequest(`${svc.url}/graphql`, [`Authorization: Bearer ${KEYS.reader}`], body);
    expect(JSON.parse(one.text).data.viewer.role).toBe('READER');
  });

  it('allows only the configured origins (CORS) and answers their preflight', async () => {
    const preflight = (origin: string) =>
      fetch(`${svc.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const ok = await preflight(ORIGIN);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(ok.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const actual = await post({ query: '{ viewer { role } }' }, { origin: ORIGIN });
    expect(actual.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(actual.headers.get('access-control-expose-headers')).toContain('x-request-id');
    const evil = await post({ query: '{ viewer { role } }' }, { origin: 'https://evil.example' });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('logs JSON lines through pino with Authorization redacted', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('./src/log.ts').then((m) => m.log('info', 'probe', { headers: { authorization: 'Bearer s3cret' }, authorization: 'x' }))`,
      ],
      { encoding: 'utf8' },
    );
    const line = JSON.parse(out.trim());
    expect(line).toMatchObject({ level: 'info', msg: 'probe', authorization: '[redacted]' });
    expect(line.headers.authorization).toBe('[redacted]');
    expect(out).not.toContain('s3cret');
  });

  it('protects /metrics with its key and bounds the operation-name labels', async () => {
    expect((await fetch(`${svc.url}/metrics`)).status).toBe(401);
    for (let i = 0; i < 150; i++) await post({ query: `query Op${i} { __typename }`, operationName: `Op${i}` });
    const text = await (
      await fetch(`${svc.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_KEY}` } })
    ).text();
    const labels = new Set(
      [...text.matchAll(/skillgraph_graphql_operations_total\{operation="([^"]*)"/g)].map((m) => m[1]),
    );
    expect(labels.size).toBeLessThanOrEqual(101);
    expect(labels.has('other')).toBe(true);
    expect(labels.has('Op149')).toBe(false);
  });
});

describe('idle keep-alive connections', () => {
  it('stay open for SKILLGRAPH_HTTP_KEEP_ALIVE_MS (65 s by default, past load balancers’ idle timeouts), then close', async () => {
    expect(loadConfig({}).keepAliveMs).toBe(65_000);
    const svc = await startTestService('embedded', { SKILLGRAPH_HTTP_KEEP_ALIVE_MS: '1500', SKILLGRAPH_SEED: 'false' });
    const u = new URL(svc.url);
    const socket = net.connect(Number(u.port), u.hostname);
    try {
      let closedAt = 0;
      socket.on('close', () => (closedAt = performance.now()));
      const answers: string[] = [];
      socket.on('data', (c) => answers.push(c.toString()));
      const ask = async () => {
        const body = JSON.stringify({ query: '{ __typename }' });
        const before = answers.length;
        socket.write(
          `POST /graphql HTTP/1.1\r\nHost: ${u.host}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
        );
        while (answers.length === before && !closedAt) await new Promise((r) => setTimeout(r, 10));
        return answers.at(-1) ?? '';
      };
      await new Promise((r) => socket.once('connect', r));
      const first = await ask();
      expect(first).toMatch(/^HTTP\/1\.1 200/);
      expect(first).toMatch(/\r\nKeep-Alive: timeout=1\r\n/i);
      // Idle for less than the timeout: the same connection answers again.
      await new Promise((r) => setTimeout(r, 1000));
      expect(await ask()).toMatch(/^HTTP\/1\.1 200/);
      expect(closedAt).toBe(0);
      // Idle past it (and well short of Node's own 5 s): the service has closed the connection.
      const idleFrom = performance.now();
      await new Promise((r) => setTimeout(r, 2500));
      expect(closedAt).toBeGreaterThan(idleFrom + 1000);
    } finally {
      socket.destroy();
      await svc.stop();
    }
  });
});
