/**
 * Writes from a follower process (SKILLGRAPH_WORKERS, src/cluster.ts): a follower holds a read-only copy
 * of the graph, so a GraphQL mutation it receives runs on the owner process — the whole request (the
 * client's headers, key included) is sent to the owner's internal address and its answer returned as
 * it is. The owner's answer carries how far its store and nearline refresh were when it answered
 * (`x-skillgraph-seq`, `x-skillgraph-served`); the follower answers only once it is there too, so a
 * client reads its own writes; and every request a follower runs first applies what the owner has committed
 * (`freshen`: a few indexed reads when nothing is new), so a read that starts after a write was answered sees
 * it, whichever process it reaches.
 *
 * While the owner is down (restarting), mutations are refused with UNAVAILABLE (503); queries go on.
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import { injectTrace } from '../telemetry.ts';

const require = createRequire(import.meta.url);
const { getOperationAST, parse } = require('graphql') as typeof import('graphql');

/** What a follower's HTTP layer needs to forward mutations. */
export interface Forwarding {
  /** The owner's internal URL, or null while it is down. */
  ownerUrl(): string | null;
  /** Resolves once this process reflects the owner's store through `seq` and its nearline vectors through `served`. */
  catchUp(seq: number, served: number): Promise<void>;
  /**
   * Before a request runs here: applies what the owner has committed so far (its graph, taxonomy indexes and
   * nearline vectors), so a read that starts after a write was answered — by any process — sees the write.
   */
  freshen(): Promise<void>;
}

/** A follower's Forwarding over its store, taxonomy indexes and nearline rows (service.ts assembles one). */
export function followerForwarding(parts: {
  ownerUrl(): string | null;
  /** The follower's store: applies the owner's commits up to a position (all there are), returns its own. */
  store: { catchUp(target?: number): number };
  taxonomy: { sync(): Promise<void> };
  /** The owner's nearline rows as this process serves them (src/nearline/served-rows.ts). */
  nearline: { waitFor(seq: number, timeoutMs?: number): Promise<void>; freshen(): Promise<void> };
  warn(msg: string, fields?: Record<string, unknown>): void;
}): Forwarding {
  // The graph position the taxonomy indexes were last synced at (synced again only when it moved).
  let taxonomyAt = -1;
  const syncTaxonomy = async (at: number) => {
    if (at === taxonomyAt) return;
    await parts.taxonomy.sync();
    taxonomyAt = at;
  };
  return {
    ownerUrl: parts.ownerUrl,
    catchUp: async (seq, served) => {
      try {
        await syncTaxonomy(parts.store.catchUp(seq));
        if (served > 0) await parts.nearline.waitFor(served, 5000);
      } catch (err) {
        parts.warn('a follower did not catch up with its owner before answering', { error: String(err) });
      }
    },
    freshen: async () => {
      try {
        await syncTaxonomy(parts.store.catchUp());
        await parts.nearline.freshen();
      } catch (err) {
        // Answered from what this process has (its timers catch up); the owner may be recovering the files.
        parts.warn('a follower could not read its owner’s latest writes', { error: String(err) });
      }
    },
  };
}

/** The headers an owner's internal answer carries (see the module comment). */
export const POSITION_HEADERS = { seq: 'x-skillgraph-seq', served: 'x-skillgraph-served' } as const;

/**
 * Whether a GraphQL request body must run on the owner: a mutation, or a persisted-query hash without its text
 * (which may name one). Bodies that do not parse are left to the local server, which explains what is wrong.
 */
export function needsOwner(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { query, operationName, extensions } = body as {
    query?: unknown;
    operationName?: unknown;
    extensions?: { persistedQuery?: unknown };
  };
  if (typeof query !== 'string') return query === undefined && extensions?.persistedQuery !== undefined;
  // Most requests are queries that never say "mutation": they are not parsed twice.
  if (!/\bmutation\b/.test(query)) return false;
  try {
    const op = getOperationAST(parse(query), typeof operationName === 'string' ? operationName : undefined);
    return op?.operation === 'mutation';
  } catch {
    return false;
  }
}

function unavailable(res: http.ServerResponse, requestId: string, message: string): void {
  const text = JSON.stringify({ errors: [{ message, extensions: { code: 'UNAVAILABLE', requestId } }] });
  res.writeHead(503, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'retry-after': '1',
  });
  res.end(text);
}

/** Sends the request to the owner and answers with its response once this process has caught up. */
export async function forwardToOwner(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: string,
  forwarding: Forwarding,
  requestId: string,
  timeoutMs: number,
): Promise<void> {
  const owner = forwarding.ownerUrl();
  if (!owner)
    return unavailable(
      res,
      requestId,
      'The process that applies writes (the owner) is restarting; nothing was changed. Retry in a few seconds.',
    );
  const headers: http.OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined && k !== 'host' && k !== 'connection' && k !== 'content-length' && k !== 'transfer-encoding')
      headers[k] = v;
  headers['x-request-id'] = requestId;
  headers['content-length'] = Buffer.byteLength(body);
  // Traced: the owner's server span continues this process's (not the client's span directly).
  injectTrace(headers);
  let sent = false;
  const answer = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer } | Error>(
    (resolve) => {
      const out = http.request(`${owner}/graphql`, { method: 'POST', headers, timeout: timeoutMs }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve({ status: r.statusCode ?? 502, headers: r.headers, body: Buffer.concat(chunks) }));
        r.on('error', resolve);
      });
      out.on('error', resolve);
      out.on('timeout', () => out.destroy(new Error('timeout')));
      out.end(body, () => (sent = true));
    },
  );
  if (answer instanceof Error) {
    const refused = (answer as NodeJS.ErrnoException).code === 'ECONNREFUSED';
    return unavailable(
      res,
      requestId,
      refused || !sent
        ? 'The process that applies writes (the owner) is not reachable; nothing was changed. Retry in a few seconds.'
        : 'The process that applies writes (the owner) stopped answering while running this mutation: it may or may ' +
            'not have been applied. Read the data back before retrying.',
    );
  }
  const seq = Number(answer.headers[POSITION_HEADERS.seq] ?? 0);
  const served = Number(answer.headers[POSITION_HEADERS.served] ?? 0);
  await forwarding.catchUp(seq, served);
  res.writeHead(answer.status, {
    'content-type': answer.headers['content-type'] ?? 'application/json; charset=utf-8',
    'content-length': answer.body.length,
  });
  res.end(answer.body);
}
