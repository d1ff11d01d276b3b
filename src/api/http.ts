/**
 * The HTTP face of the service on node:http: POST (and GET) /graphql through Apollo Server 5's
 * executeHTTPGraphQLRequest, a local query page (no CDN), /healthz, /readyz, /metrics, one JSON
 * log line and metrics per request. No web framework: one small router is all the service needs,
 * and each layer of one costs every request. Apollo's cache-control plugin is off: it wraps
 * every field resolver and the API sets no cache hints.
 */
import { ROOT } from '../paths.ts';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
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
import { executorGateway } from './executor.ts';
import { forwardToOwner, needsOwner, POSITION_HEADERS } from './forward.ts';
import type { Forwarding } from './forward.ts';
import type { ExecutorKind } from './executor.ts';
import { apiError, isInternal, makeFormatError } from './errors.ts';
import { apiSchema } from './schema.ts';
import type { RequestBudget } from './schema.ts';
import { createLoaders } from './context.ts';
import type { Context, RequestInfo, Services } from './context.ts';
import { log } from '../log.ts';
import { inContext, serverSpan } from '../telemetry.ts';

const root = ROOT;
const require = createRequire(import.meta.url);

const EDITOR_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The explorer page's scripts and styles: GraphiQL's and React's browser builds, from their npm packages. */
const EXPLORER_ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  '/explorer/react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript; charset=utf-8' },
  '/explorer/react-dom.js': {
    pkg: 'react-dom',
    file: 'umd/react-dom.production.min.js',
    type: 'text/javascript; charset=utf-8',
  },
  '/explorer/graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript; charset=utf-8' },
  '/explorer/graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css; charset=utf-8' },
};

function assetPath(asset: { pkg: string; file: string }): string {
  return path.join(path.dirname(require.resolve(`${asset.pkg}/package.json`)), asset.file);
}

export interface HttpOptions {
  services: Services;
  keys: KeyRing;
  development: boolean;
  maxBodyBytes: number;
  /** Requests whose estimated cost (src/api/cost.ts) is above this are refused before they run. */
  maxQueryCost: number;
  /** Execution stops after this many ms. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this many ms. */
  keepAliveMs: number;
  /** Queries compiled by graphql-jit or interpreted by graphql-js (src/api/executor.ts). */
  executor: ExecutorKind;
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  corsOrigins: string[];
  /** When set, /metrics needs `Authorization: Bearer <key>`. */
  metricsKey?: string;
  logRequests: boolean;
  /** Registers more metrics on the service's registry (e.g. the nearline lag). */
  extraMetrics?: Array<(register: client.Registry) => void>;
  /** Extra readiness checks (e.g. a model loaded); each throws when not ready. */
  readiness?: Array<() => Promise<void>>;
  /** A follower process (src/cluster.ts): its mutations run on the owner (src/api/forward.ts). */
  follower?: Forwarding;
  /**
   * One of several processes (src/cluster.ts): given this process's registry, returns what /metrics answers
   * with (every process's series).
   */
  clusterMetrics?: (register: client.Registry) => () => Promise<string>;
  /** The owner of several processes: where its store and nearline refresh are (told to forwarding followers). */
  positions?: () => Promise<{ seq: number; served: number }>;
}

export interface HttpService {
  server: http.Server;
  listen(port: number, host: string): Promise<string>;
  /**
   * The owner's second listener on 127.0.0.1 (a free port, not shared with the cluster's workers) that its
   * followers forward mutations to; its answers carry the positions. Resolves with its URL.
   */
  listenInternal(): Promise<string>;
  /** Stops accepting, finishes in-flight requests, then stops Apollo. */
  close(): Promise<void>;
}

/**
 * A follower's view of writes for /readyz: 'ok' when the owner's internal /readyz answers ready within a
 * second, else why not (the owner restarting, or its store unreachable) — mutations are refused meanwhile.
 */
async function ownerReadiness(ownerUrl: string | null): Promise<string> {
  if (!ownerUrl) return 'unavailable: the owner process is restarting';
  try {
    const answer = await fetch(`${ownerUrl}/readyz`, { signal: AbortSignal.timeout(1000) });
    if (answer.ok) return 'ok';
    const body = (await answer.json().catch(() => ({}))) as { reason?: string };
    return `unavailable: the owner is not ready (${body.reason ?? `HTTP ${answer.status}`})`;
  } catch (err) {
    return `unavailable: the owner did not answer (${(err as Error).message})`;
  }
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
    executions: new client.Counter({
      name: 'skillgraph_graphql_executions_total',
      help: 'GraphQL operations executed, by path: compiled (graphql-jit) or interpreted (graphql-js)',
      labelNames: ['path'],
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

function graphqlErrorBody(message: string, code: string, requestId: string) {
  return { errors: [{ message, extensions: { code, requestId } }] };
}

/** A client's x-request-id when it is a sane token; otherwise a new UUID. */
function requestIdOf(req: http.IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : crypto.randomUUID();
}

/** Distinct operation names kept as metric labels; later new names count as "other" (clients choose names). */
const MAX_OPERATION_LABELS = 100;

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

/** Constant-time comparison of two secrets (by their hashes, so lengths do not leak either). */
function sameSecret(a: string, b: string): boolean {
  const h = (x: string) => crypto.createHash('sha256').update(x).digest();
  return crypto.timingSafeEqual(h(a), h(b));
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

/** Errors about the request itself (it never ran): no data, and one of these codes on every error. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * An error answer as the GraphQL-over-HTTP spec wants it: a request error is 200 under application/json
 * and 400 under application/graphql-response+json; every error names the request id.
 */
function finishErrorBody(text: string, status: number, contentType: string, requestId: string): [number, string] {
  let body: { data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> };
  try {
    body = JSON.parse(text);
  } catch {
    return [status, text];
  }
  if (!body.errors) return [status, text];
  for (const e of body.errors) e.extensions = { ...e.extensions, requestId };
  const requestError =
    !('data' in body) && body.errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)));
  if (requestError) status = contentType.startsWith('application/graphql-response+json') ? 400 : 200;
  return [status, JSON.stringify(body)];
}

async function sendGraphQL(res: http.ServerResponse, response: HTTPGraphQLResponse, requestId: string): Promise<void> {
  res.statusCode = response.status ?? 200;
  for (const [key, value] of response.headers) res.setHeader(key, value);
  if (response.body.kind === 'complete') {
    let text = response.body.string;
    if (res.statusCode !== 200)
      [res.statusCode, text] = finishErrorBody(
        text,
        res.statusCode,
        response.headers.get('content-type') ?? '',
        requestId,
      );
    res.setHeader('content-length', Buffer.byteLength(text));
    res.end(text);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

export async function createHttpService(opts: HttpOptions): Promise<HttpService> {
  const m = metrics();
  for (const add of opts.extraMetrics ?? []) add(m.register);
  const allMetrics = opts.clusterMetrics?.(m.register) ?? (() => m.register.metrics());
  // The handler is defined below, once Apollo has started; requests arrive only after listen().
  const server = http.createServer((req, res) => handle(req, res, false));
  const internal = http.createServer((req, res) => handle(req, res, true));
  // Node closes idle connections after 5 s; a load balancer in front keeps its own idle connections open longer
  // (60 s is common) and may send on one just as the service closes it. The headers' timeout must exceed it.
  for (const s of [server, internal]) {
    s.keepAliveTimeout = opts.keepAliveMs;
    s.headersTimeout = Math.max(s.headersTimeout, opts.keepAliveMs + 1000);
  }

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

  const operationLabels = new Set<string>();
  const operationLabel = (name: string) => {
    if (operationLabels.has(name)) return name;
    if (operationLabels.size >= MAX_OPERATION_LABELS || name.length > 64) return 'other';
    operationLabels.add(name);
    return name;
  };

  const observe: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didEncounterErrors(rc) {
          const request = rc.contextValue.request;
          for (const error of rc.errors)
            if (isInternal(error))
              log('error', 'internal error', { requestId: request.requestId, error: String(error.stack ?? error) });
        },
        async willSendResponse(rc) {
          const name = rc.operationName ?? 'anonymous';
          const errors =
            rc.errors ?? (rc.response.body.kind === 'single' ? rc.response.body.singleResult.errors : undefined);
          m.operations.inc({ operation: operationLabel(name), outcome: errors?.length ? 'error' : 'ok' });
          const request = rc.contextValue.request;
          request.operation = name;
          if (rc.response.body.kind === 'single') {
            const result = rc.response.body.singleResult;
            // Many fields failing alike (a mutation past its deadline): the first errors say it all.
            if (result.errors && result.errors.length > MAX_ERRORS) {
              result.extensions = { ...result.extensions, errorsOmitted: result.errors.length - MAX_ERRORS };
              result.errors = result.errors.slice(0, MAX_ERRORS);
            }
            if (result.errors)
              result.errors = result.errors.map((e) => ({
                ...e,
                extensions: { ...e.extensions, requestId: request.requestId },
              }));
          }
          // Clients see what an operation cost against the limit, to size their pages.
          if (request.cost !== undefined && rc.response.body.kind === 'single')
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
          rc.contextValue.request.cost = cost;
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
    gateway: executorGateway(api.typeDefs, api.resolvers, opts.executor, (path) => m.executions.inc({ path })),
    introspection: true,
    // main.ts stops the service on SIGTERM/SIGINT (Apollo's own handlers, on outside tests, hung the shutdown).
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: opts.development,
    formatError: makeFormatError(opts.development),
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
  const routes = new Set([
    '/graphql',
    '/healthz',
    '/readyz',
    '/metrics',
    '/',
    '/editor',
    ...Object.keys(EXPLORER_ASSETS),
  ]);

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, fromFollower: boolean) => {
    const start = process.hrtime.bigint();
    const [urlPath, search = ''] = splitUrl(req.url ?? '/');
    const route = routes.has(urlPath) ? urlPath : urlPath.startsWith('/editor/') ? '/editor' : 'other';
    const info: RequestInfo = { requestId: requestIdOf(req) };
    res.setHeader('x-request-id', info.requestId);
    cors(req, res);
    // With tracing on (src/telemetry.ts), the request is a server span continuing the caller's traceparent.
    const traced = serverSpan(`${req.method} ${route}`, req.headers, {
      'http.request.method': req.method ?? '',
      'http.route': route,
      'skillgraph.request_id': info.requestId,
    });
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      m.requests.inc({ method: req.method, route, status: String(res.statusCode) });
      m.latency.observe({ method: req.method, route }, seconds);
      if (traced) {
        traced.span.setAttribute('http.response.status_code', res.statusCode);
        if (info.operation) traced.span.setAttribute('graphql.operation.name', info.operation);
        traced.span.end();
      }
      if (opts.logRequests && route !== '/metrics' && route !== '/healthz') {
        log('info', 'request', {
          requestId: info.requestId,
          traceId: traced?.traceId,
          method: req.method,
          path: urlPath,
          status: res.statusCode,
          ms: Math.round(seconds * 1e6) / 1e3,
          operation: info.operation,
          role: info.role,
        });
      }
    });
    // An unsampled request runs outside any span context (its children would not be recorded either).
    const served = traced?.span.isRecording()
      ? inContext(traced.context, () => serve(req, res, route, search, info, fromFollower))
      : serve(req, res, route, search, info, fromFollower);
    served.catch((err: Error) => {
      log('error', 'unhandled http error', { requestId: info.requestId, error: String(err.stack ?? err) });
      if (!res.headersSent)
        sendJson(res, 500, graphqlErrorBody('Internal server error.', 'INTERNAL_SERVER_ERROR', info.requestId));
      else res.destroy();
    });
  };

  /**
   * The editors' workbench (web/, built into web/dist by web/build.mjs): its hashed assets cached for good,
   * every other path under /editor answered with its index.html (the app routes in the URL's hash). The page
   * may load and call this server only.
   */
  const editorDir = path.join(root, 'web', 'dist');
  const serveEditor = (res: http.ServerResponse, urlPath: string, info: RequestInfo) => {
    const rel = urlPath.slice('/editor'.length).replace(/^\/+/, '');
    const file = path.resolve(editorDir, rel);
    const isAsset = rel.startsWith('assets/') && file.startsWith(editorDir + path.sep) && fs.existsSync(file);
    const target = isAsset ? file : path.join(editorDir, 'index.html');
    if (!fs.existsSync(target))
      return sendJson(
        res,
        503,
        graphqlErrorBody(
          "The editors' workbench is not built: run `node web/build.mjs` (npm install and npm start do).",
          'UNAVAILABLE',
          info.requestId,
        ),
      );
    const body = fs.readFileSync(target);
    res.writeHead(200, {
      'content-type': EDITOR_TYPES[path.extname(target)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
      'content-security-policy': "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'",
      'x-content-type-options': 'nosniff',
    });
    return res.end(body);
  };

  /**
   * CORS for the configured origins only (none by default): the response to an allowed Origin names it; a
   * preflight is answered here. Browsers refuse every other origin. CSRF protection (Apollo's) stays on.
   */
  const allowedOrigins = new Set(opts.corsOrigins);
  const cors = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const origin = req.headers.origin;
    res.setHeader('vary', 'Origin');
    if (!origin || !allowedOrigins.has(origin)) return;
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', 'x-request-id');
  };

  const serve = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    route: string,
    search: string,
    info: RequestInfo,
    fromFollower: boolean,
  ) => {
    if (req.method === 'OPTIONS') {
      if (res.hasHeader('access-control-allow-origin')) {
        res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
        res.setHeader(
          'access-control-allow-headers',
          'content-type, authorization, x-request-id, apollo-require-preflight',
        );
        res.setHeader('access-control-max-age', '600');
      }
      res.writeHead(204).end();
      return;
    }
    if (route === '/healthz' && req.method === 'GET') return sendJson(res, 200, { status: 'ok' });
    if (route === '/readyz' && req.method === 'GET') {
      try {
        await opts.services.store.ping();
        for (const check of opts.readiness ?? []) await check();
        // A follower answers queries while the owner is down; whether writes are taken is said beside.
        const writes = opts.follower ? await ownerReadiness(opts.follower.ownerUrl()) : 'ok';
        return sendJson(res, 200, { status: 'ready', store: opts.services.store.kind, writes });
      } catch (err) {
        return sendJson(res, 503, { status: 'not ready', reason: (err as Error).message });
      }
    }
    if (route === '/metrics' && req.method === 'GET') {
      if (opts.metricsKey && !sameSecret(req.headers.authorization ?? '', `Bearer ${opts.metricsKey}`))
        return sendJson(
          res,
          401,
          graphqlErrorBody(
            '/metrics needs "Authorization: Bearer <SKILLGRAPH_METRICS_KEY>".',
            'UNAUTHENTICATED',
            info.requestId,
          ),
        );
      let text: string;
      try {
        text = await allMetrics();
      } catch (err) {
        return sendJson(res, 503, graphqlErrorBody((err as Error).message, 'UNAVAILABLE', info.requestId));
      }
      res.writeHead(200, { 'content-type': m.register.contentType, 'content-length': Buffer.byteLength(text) });
      return res.end(text);
    }
    if (route === '/editor' && req.method === 'GET') return serveEditor(res, splitUrl(req.url ?? '/')[0], info);
    const asset = Object.hasOwn(EXPLORER_ASSETS, route) ? EXPLORER_ASSETS[route] : undefined;
    if (asset && req.method === 'GET') {
      const body = fs.readFileSync(assetPath(asset));
      res.writeHead(200, {
        'content-type': asset.type,
        'content-length': body.length,
        'cache-control': 'public, max-age=86400',
      });
      return res.end(body);
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
        graphqlErrorBody(`Nothing at ${req.method} ${req.url}; the API is POST /graphql.`, 'NOT_FOUND', info.requestId),
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
          info.requestId,
        ),
      );
    }
    let parsed: unknown = body;
    if (body.length > 0 && /^application\/(.+\+)?json/i.test(req.headers['content-type'] ?? '')) {
      try {
        parsed = JSON.parse(body);
      } catch {
        return sendJson(
          res,
          400,
          graphqlErrorBody('The request body is not valid JSON.', 'BAD_USER_INPUT', info.requestId),
        );
      }
    }
    if (opts.follower) {
      if (needsOwner(parsed))
        return forwardToOwner(req, res, body, opts.follower, info.requestId, opts.requestTimeoutMs + 5000);
      await opts.follower.freshen();
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    const budget: RequestBudget = {
      deadline: Date.now() + opts.requestTimeoutMs,
      deadlineMs: opts.requestTimeoutMs,
      stoppable: false,
      expired: false,
      sliceStart: performance.now(),
      gate: null,
    };
    const execution = apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body: parsed },
      context: async () => {
        const principal = authenticate(opts.keys, req.rawHeaders);
        info.role = principal.role;
        return {
          principal,
          services: opts.services,
          loaders: createLoaders(opts.services.store),
          budget,
          request: info,
        };
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
            extensions: { code: 'UNAVAILABLE', deadlineMs: opts.requestTimeoutMs, requestId: info.requestId },
          },
        ],
      });
    }
    if (fromFollower && opts.positions) {
      const at = await opts.positions();
      res.setHeader(POSITION_HEADERS.seq, String(at.seq));
      res.setHeader(POSITION_HEADERS.served, String(at.served));
    }
    await sendGraphQL(res, response, info.requestId);
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
    listenInternal: () =>
      new Promise((resolve, reject) => {
        internal.once('error', reject);
        // exclusive: this process's own socket, not one the cluster's primary shares among workers.
        internal.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
          resolve(`http://127.0.0.1:${(internal.address() as import('node:net').AddressInfo).port}`);
        });
      }),
    close: async () => {
      // Followers' forwarded mutations in flight finish; new ones see the owner gone (UNAVAILABLE).
      const internalClosed = internal.listening
        ? new Promise<void>((resolve) => internal.close(() => resolve()))
        : Promise.resolve();
      await apollo.stop(); // drains the HTTP server: stops accepting, waits for in-flight requests
      internal.closeAllConnections();
      await internalClosed;
    },
  };
}
