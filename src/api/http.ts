/**
 * The HTTP face of the service: POST /graphql (Apollo Server 5 on Express 5), a local query
 * page (no CDN), /healthz, /readyz, /metrics, one JSON log line per request. Apollo's
 * cache-control plugin is off: it wraps every field resolver and the API sets no cache hints.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import client from 'prom-client';
import { authenticate } from './auth.ts';
import type { KeyRing } from './auth.ts';
import { makeFormatError } from './errors.ts';
import { createLoaders, resolvers } from './resolvers.ts';
import type { Context, Services } from './resolvers.ts';
import { log } from '../log.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function loadTypeDefs(): string {
  const dir = path.join(root, 'schema');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
}

export interface HttpOptions {
  services: Services;
  keys: KeyRing;
  development: boolean;
  maxBodyBytes: number;
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
    requests: new client.Counter({ name: 'skillgraph_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers: [register] }),
    latency: new client.Histogram({
      name: 'skillgraph_http_request_duration_seconds',
      help: 'HTTP request latency',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [register],
    }),
    operations: new client.Counter({ name: 'skillgraph_graphql_operations_total', help: 'GraphQL operations by name and outcome', labelNames: ['operation', 'outcome'], registers: [register] }),
  };
}

function graphqlErrorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

export async function createHttpService(opts: HttpOptions): Promise<HttpService> {
  const m = metrics();
  for (const add of opts.extraMetrics ?? []) add(m.register);
  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);

  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    costLimit: { maxCost: 20000 },
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
          const errors = rc.errors ?? (rc.response.body.kind === 'single' ? rc.response.body.singleResult.errors : undefined);
          m.operations.inc({ operation: name.slice(0, 64), outcome: errors?.length ? 'error' : 'ok' });
          const res = (rc.contextValue as Context & { res?: Response }).res;
          if (res) res.locals.operation = name;
        },
      };
    },
  };

  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers,
    introspection: true,
    includeStacktraceInErrorResponses: opts.development,
    formatError: makeFormatError(opts.development, (err) => log('error', 'internal error', { error: String((err as Error)?.stack ?? err) })),
    plugins: [...(protection.plugins as unknown as ApolloServerPlugin<Context>[]), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginDrainHttpServer({ httpServer: server }), observe],
    validationRules: protection.validationRules,
  });
  await apollo.start();

  // One JSON log line and metrics per request.
  app.use((req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint();
    const route = ['/graphql', '/healthz', '/readyz', '/metrics', '/'].includes(req.path) ? req.path : 'other';
    const urlPath = req.path;
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      m.requests.inc({ method: req.method, route, status: String(res.statusCode) });
      m.latency.observe({ method: req.method, route }, seconds);
      if (opts.logRequests && route !== '/metrics' && route !== '/healthz') {
        log('info', 'request', { method: req.method, path: urlPath, status: res.statusCode, ms: Math.round(seconds * 1e6) / 1e3, operation: res.locals.operation, role: res.locals.role });
      }
    });
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await opts.services.store.ping();
      for (const check of opts.readiness ?? []) await check();
      res.json({ status: 'ready', store: opts.services.store.kind });
    } catch (err) {
      res.status(503).json({ status: 'not ready', reason: (err as Error).message });
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.set('Content-Type', m.register.contentType);
    res.send(await m.register.metrics());
  });
  const page = fs.readFileSync(path.join(root, 'src', 'api', 'explorer.html'), 'utf8');
  const sendPage = (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' && req.accepts(['json', 'html']) === 'html' && !req.query.query) res.type('html').send(page);
    else next();
  };
  app.get('/', sendPage);

  app.use(
    '/graphql',
    sendPage,
    express.json({ limit: opts.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const principal = authenticate(opts.keys, req.headers.authorization);
        res.locals.role = principal.role;
        return { principal, services: opts.services, loaders: createLoaders(opts.services.store), res } as Context;
      },
    }),
  );

  // Body-parser failures (too large, not JSON) answer in GraphQL's error shape.
  app.use((err: Error & { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (err.type === 'entity.too.large') return res.status(413).json(graphqlErrorBody(`The request body exceeds ${opts.maxBodyBytes} bytes; send less text per request.`, 'BAD_USER_INPUT'));
    if (err.type === 'entity.parse.failed') return res.status(400).json(graphqlErrorBody('The request body is not valid JSON.', 'BAD_USER_INPUT'));
    log('error', 'unhandled http error', { error: String(err.stack ?? err) });
    res.status(err.status ?? 500).json(graphqlErrorBody('Internal server error.', 'INTERNAL_SERVER_ERROR'));
  });

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
