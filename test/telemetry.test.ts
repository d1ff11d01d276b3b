/**
 * OpenTelemetry: a service process with OTEL_EXPORTER_OTLP_ENDPOINT set exports its spans over OTLP/HTTP (JSON)
 * to a collector this test runs; a request that carries a W3C traceparent becomes one trace: the server span
 * under the caller's span, then the GraphQL execution, the root resolver, store calls and the vector scan.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { withServiceProcesses } from './support/process.ts';

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
  service?: string;
}

/** An OTLP/HTTP collector: every span POSTed to /v1/traces, with its resource's service.name. */
async function collector() {
  const spans: ExportedSpan[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const json = JSON.parse(body) as {
          resourceSpans: Array<{
            resource: { attributes: ExportedSpan['attributes'] };
            scopeSpans: Array<{ spans: ExportedSpan[] }>;
          }>;
        };
        for (const rs of json.resourceSpans) {
          const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue as string;
          for (const ss of rs.scopeSpans) for (const span of ss.spans) spans.push({ ...span, service });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { spans, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

describe('OpenTelemetry traces', () => {
  it(
    'exports one trace per request: server span under the caller, execution, resolver, store calls, vector scan',
    { timeout: 240_000 },
    async () => {
      const otlp = await collector();
      const key = 'telemetry-admin-key-0123456789';
      try {
        await withServiceProcesses(
          {
            OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
            OTEL_BSP_SCHEDULE_DELAY: '200',
            SKILLGRAPH_API_KEYS: `${key}:admin`,
            SKILLGRAPH_LOG_REQUESTS: 'true',
          },
          async (start) => {
            const svc = start();
            const url = await svc.url;
            expect(svc.output().stdout).toMatch(/"tracing":true[^\n]*"msg":"skillgraph is listening"/);
            const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
            const callerSpan = '00f067aa0ba902b7';
            const res = await fetch(`${url}/graphql`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${key}`,
                traceparent: `00-${traceId}-${callerSpan}-01`,
              },
              body: JSON.stringify({
                query: '{ matchJobs(memberId: "member-000001", first: 3) { edges { node { score job { id } } } } }',
              }),
            });
            const body = await res.json();
            expect(body.errors).toBeUndefined();
            expect(body.data.matchJobs.edges).toHaveLength(3);

            const deadline = Date.now() + 30_000;
            const mine = () => otlp.spans.filter((s) => s.traceId === traceId);
            while (!mine().some((s) => s.kind === 2) && Date.now() < deadline)
              await new Promise((r) => setTimeout(r, 100));
            const spans = mine();
            const byId = new Map(spans.map((s) => [s.spanId, s]));
            const ancestors = (s: ExportedSpan) => {
              const names: string[] = [];
              for (let p = byId.get(s.parentSpanId ?? ''); p; p = byId.get(p.parentSpanId ?? '')) names.push(p.name);
              return names;
            };
            const named = (name: string) => spans.find((s) => s.name === name);

            const server = named('POST /graphql');
            expect(server, JSON.stringify(spans.map((s) => s.name))).toBeDefined();
            expect(server!.kind).toBe(2); // SERVER
            expect(server!.parentSpanId).toBe(callerSpan);
            expect(server!.service).toBe('skillgraph');
            const status = server!.attributes.find((a) => a.key === 'http.response.status_code')?.value;
            expect(Number(status?.intValue)).toBe(200);
            expect(ancestors(named('graphql.execute')!)).toEqual(['POST /graphql']);
            expect(ancestors(named('graphql.resolve Query.matchJobs')!)).toEqual(['graphql.execute', 'POST /graphql']);
            const scan = named('vector.search');
            expect(scan).toBeDefined();
            expect(ancestors(scan!)).toContain('graphql.resolve Query.matchJobs');
            const storeCalls = spans.filter((s) => s.name.startsWith('store.'));
            expect(storeCalls.length).toBeGreaterThan(0);
            for (const s of storeCalls) expect(ancestors(s)).toContain('POST /graphql');

            // The request's log line names the trace.
            const line = svc
              .output()
              .stdout.split('\n')
              .find((l) => l.includes('"msg":"request"') && l.includes(traceId));
            expect(line).toBeDefined();
          },
        );
      } finally {
        otlp.close();
      }
    },
  );
});
