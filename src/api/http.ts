/**
 * The HTTP face of the service on node:http: POST (and GET) /graphql through Apollo Server 5's
 * executeHTTPGraphQLRequest, a local query page (no CDN), /healthz, /readyz, /metrics, one JSON
 * log line and metrics per request. No web framework: one small router is all the service needs,
 * and each layer of one costs every request. Apollo's cache-control plugin is off: it wraps
 * every field resolver and the API sets no cache hints.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer, HeaderMap } from '@apollo/server';
import type { ApolloServerPlugin, HTTPGraphQLResponse } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import client from 'prom-client';
import { authenticate } from './auth.ts';
import type { KeyRing } from './auth.ts';
import { estimateCost } from './cost.ts';
import { apiError, makeFormatError } from './errors.ts';
import { apiSchema } from './schema.ts';
import type { RequestBudget } from './schema.ts';
import { createLoaders } from './context.ts';
import type { Context, Services } from './context.ts';
import { log } from '../log.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface HttpOptions {
  services: Services;
  keys: KeyRing;
  development: boolean;
  maxBodyBytes: number;
  /** Requests whose estimated cost (src/api/cost.ts) is above this are refused before they run. */
  maxQueryCost: number;
  /** Execution stops after this many ms. */
  requestTimeoutMs: number;
  logRequests: boolean;
  /** Registers more metrics on the service's registry (e.g. the nearline lag). */
  extraMetrics?: Array<(register: client.Registry) => void>;
  /** Extra readiness checks (e.g. a model loaded); each throws when not ready. */
  readiness?: Array<() => Promise<void>>;
}

export interface HttpService {
  server: http.Server;
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting, finishes in-flight requests, then stops Apollo. */
  close(): Promise<void>;
}

function metrics() {
  const register = new client.Registry();
  client.collectDefaultMetrics({ register });
  return {
    register,
    requests: new client.Counter({
      name: 'skillgraph_http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [register],
    }),
    latency: new client.Histogram({
      name: 'skillgraph_http_request_duration_seconds',
      help: 'HTTP request latency',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [register],
    }),
    operations: new client.Counter({
      name: 'skillgraph_graphql_operations_total',
      help: 'GraphQL operations by name and outcome',
      labelNames: ['operation', 'outcome'],
      registers: [register],
    }),
  };
}

/** At most this many errors are returned per response (the rest are counted in extensions.errorsOmitted). */
const MAX_ERRORS = 20;

function graphqlErrorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/** What the log line and metrics learn about a request while it runs. */
interface RequestInfo {
  operation?: string;
  role?: string;
  cost?: number;
}

function splitUrl(url: string): [string, string] {
  const q = url.indexOf('?');
  return q < 0 ? [url, ''] : [url.slice(0, q), url.slice(q)];
}

/** A browser asking for a page: Accept names text/html before any JSON type. */
function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const html = accept.indexOf('text/html');
  const json = accept.indexOf('json');
  return html >= 0 && (json < 0 || html < json);
}

const TOO_LARGE = Symbol('too large');

/** The whole body as text, or TOO_LARGE once it passes `limit` bytes (the rest is discarded). */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | typeof TOO_LARGE> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) {
    req.resume();
    return Promise.resolve(TOO_LARGE);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.removeAllListeners('data');
        req.resume();
        resolve(TOO_LARGE);
      } else chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function sendGraphQL(res: http.ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  res.statusCode = response.status ?? 200;
  for (const [key, value] of response.headers) res.setHeader(key, value);
  if (response.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

export async function createHttpService(opts: HttpOptions): Promise<HttpService> {
  const m = metrics();
  for (const add of opts.extraMetrics ?? []) add(m.register);
  // The handler is defined below, once Apollo has started; requests arrive only after listen().
  const server = http.createServer((req, res) => handle(req, res));

  const api = apiSchema();
  // graphql-armor's own cost limit ignores list sizes and variables; src/api/cost.ts replaces it.
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    costLimit: { enabled: false },
    maxAliases: { n: 20 },
    maxDirectives: { n: 20 },
    maxTokens: { n: 4000 },
    blockFieldSuggestion: { enabled: !opts.development },
  });
  const protection = armor.protect();

  const observe: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const name = rc.operationName ?? 'anonymous';
          const errors =
            rc.errors ?? (rc.response.body.kind === 'single' ? rc.response.body.singleResult.errors : undefined);
          m.operations.inc({ operation: name.slice(0, 64), outcome: errors?.length ? 'error' : 'ok' });
          const request = (rc.contextValue as Context & { request?: RequestInfo }).request;
          if (request) request.operation = name;
          // A request stopped at its deadline fails in many fields at once: the first errors say it all.
          if (rc.response.body.kind === 'single') {
            const result = rc.response.body.singleResult;
            if (result.errors && result.errors.length > MAX_ERRORS) {
              result.extensions = { ...result.extensions, errorsOmitted: result.errors.length - MAX_ERRORS };
              result.errors = result.errors.slice(0, MAX_ERRORS);
            }
          }
          // Clients see what an operation cost against the limit, to size their pages.
          if (request?.cost !== undefined && rc.response.body.kind === 'single')
            rc.response.body.singleResult.extensions = {
              ...rc.response.body.singleResult.extensions,
              cost: { estimated: request.cost, limit: opts.maxQueryCost },
            };
        },
      };
    },
  };

  const costLimit: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          if (!rc.operation) return;
          // Only a query can be stopped midway with nothing left half-done.
          rc.contextValue.budget.stoppable = rc.operation.operation === 'query';
          const cost = estimateCost(api.schema, rc.document, rc.operation, rc.request.variables ?? {});
          (rc.contextValue as Context & { request?: RequestInfo }).request!.cost = cost;
          if (cost > opts.maxQueryCost)
            throw apiError(
              'BAD_USER_INPUT',
              `This operation's estimated cost is ${cost}, above the limit of ${opts.maxQueryCost}: ask for fewer items (a smaller first) or fewer nested lists, or split it into several requests.`,
              { cost, maxCost: opts.maxQueryCost, http: { status: 400 } },
            );
        },
      };
    },
  };

  const apollo = new ApolloServer<Context>({
    typeDefs: api.typeDefs,
    resolvers: api.resolvers,
    introspection: true,
    includeStacktraceInErrorResponses: opts.development,
    formatError: makeFormatError(opts.development, (err) =>
      log('error', 'internal error', { error: String((err as Error)?.stack ?? err) }),
    ),
    plugins: [
      ...(protection.plugins as unknown as ApolloServerPlugin<Context>[]),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      costLimit,
      observe,
    ],
    validationRules: protection.validationRules,
  });
  await apollo.start();

  const page = fs.readFileSync(path.join(root, 'src', 'api', 'explorer.html'), 'utf8');
  const routes = new Set(['/graphql', '/healthz', '/readyz', '/metrics', '/']);

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const start = process.hrtime.bigint();
    const [urlPath, search = ''] = splitUrl(req.url ?? '/');
    const route = routes.has(urlPath) ? urlPath : 'other';
    const info: RequestInfo = {};
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      m.requests.inc({ method: req.method, route, status: String(res.statusCode) });
      m.latency.observe({ method: req.method, route }, seconds);
      if (opts.logRequests && route !== '/metrics' && route !== '/healthz') {
        log('info', 'request', {
          method: req.method,
          path: urlPath,
          status: res.statusCode,
          ms: Math.round(seconds * 1e6) / 1e3,
          operation: info.operation,
          role: info.role,
        });
      }
    });
    serve(req, res, route, search, info).catch((err: Error) => {
      log('error', 'unhandled http error', { error: String(err.stack ?? err) });
      if (!res.headersSent) sendJson(res, 500, graphqlErrorBody('Internal server error.', 'INTERNAL_SERVER_ERROR'));
      else res.destroy();
    });
  };

  const serve = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    route: string,
    search: string,
    info: RequestInfo,
  ) => {
    if (route === '/healthz' && req.method === 'GET') return sendJson(res, 200, { status: 'ok' });
    if (route === '/readyz' && req.method === 'GET') {
      try {
        await opts.services.store.ping();
        for (const check of opts.readiness ?? []) await check();
        return sendJson(res, 200, { status: 'ready', store: opts.services.store.kind });
      } catch (err) {
        return sendJson(res, 503, { status: 'not ready', reason: (err as Error).message });
      }
    }
    if (route === '/metrics' && req.method === 'GET') {
      const text = await m.register.metrics();
      res.writeHead(200, { 'content-type': m.register.contentType, 'content-length': Buffer.byteLength(text) });
      return res.end(text);
    }
    if (
      (route === '/' || route === '/graphql') &&
      req.method === 'GET' &&
      prefersHtml(req.headers.accept) &&
      !new URLSearchParams(search).has('query')
    ) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(page) });
      return res.end(page);
    }
    if (route !== '/graphql') {
      return sendJson(
        res,
        404,
        graphqlErrorBody(`Nothing at ${req.method} ${req.url}; the API is POST /graphql.`, 'NOT_FOUND'),
      );
    }
    const body = await readBody(req, opts.maxBodyBytes);
    if (body === TOO_LARGE) {
      res.setHeader('connection', 'close');
      return sendJson(
        res,
        413,
        graphqlErrorBody(
          `The request body exceeds ${opts.maxBodyBytes} bytes; send less text per request.`,
          'BAD_USER_INPUT',
        ),
      );
    }
    let parsed: unknown = body;
    if (body.length > 0 && /^application\/(.+\+)?json/i.test(req.headers['content-type'] ?? '')) {
      try {
        parsed = JSON.parse(body);
      } catch {
        return sendJson(res, 400, graphqlErrorBody('The request body is not valid JSON.', 'BAD_USER_INPUT'));
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    const budget: RequestBudget = {
      deadline: Date.now() + opts.requestTimeoutMs,
      deadlineMs: opts.requestTimeoutMs,
      calls: 0,
      stoppable: false,
      expired: false,
      sliceStart: performance.now(),
      gate: null,
    };
    const execution = apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body: parsed },
      context: async () => {
        const principal = authenticate(opts.keys, req.headers.authorization);
        info.role = principal.role;
        return {
          principal,
          services: opts.services,
          loaders: createLoaders(opts.services.store),
          budget,
          request: info,
        } as Context;
      },
    });
    // A query still running at its deadline is answered now and frozen (src/api/schema.ts); a mutation is awaited.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      const check = () => {
        if (budget.stoppable) {
          budget.expired = true;
          resolve('deadline');
        } else timer = setTimeout(check, opts.requestTimeoutMs);
      };
      timer = setTimeout(check, opts.requestTimeoutMs);
    });
    const response = await Promise.race([execution, deadline]).finally(() => clearTimeout(timer));
    if (response === 'deadline') {
      execution.catch(() => {}); // abandoned; it stops at its next resolver
      return sendJson(res, 503, {
        errors: [
          {
            message: `The query ran past its ${opts.requestTimeoutMs} ms deadline and was stopped; ask for fewer items or less nesting.`,
            extensions: { code: 'UNAVAILABLE', deadlineMs: opts.requestTimeoutMs },
          },
        ],
      });
    }
    await sendGraphQL(res, response);
  };

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const addr = server.address() as import('node:net').AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`);
        });
      }),
    close: async () => {
      await apollo.stop(); // drains the HTTP server: stops accepting, waits for in-flight requests
    },
  };
}
