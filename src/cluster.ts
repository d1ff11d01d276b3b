/**
 * Several processes over one embedded data directory (SKILLGRAPH_WORKERS=N > 1), so a bigger machine's
 * cores all serve: node:cluster's primary starts
 * - one **owner**: the full service (seeding, training, the nearline refresh, exports); the only
 *   process that writes the store (it holds the data directory's owner lock); it also listens on
 *   an internal 127.0.0.1 port that followers forward mutations to;
 * - N−1 **followers**, started once the owner listens: each opens the store read-only, loads the
 *   graph, applies the owner's change events as they commit, serves the owner's nearline vectors
 *   (served-rows.ts), answers queries itself and forwards mutations to the owner (api/forward.ts),
 *   answering once it has caught up with the write (read-your-writes).
 * All listen on the one public port; the primary hands each new connection to the next process.
 *
 * Failures: a follower that exits is started again (it reloads from the store: nothing is lost, the
 * store is the owner's). When the owner exits, followers refuse mutations with UNAVAILABLE and keep
 * answering queries until a new owner is up; the primary starts one after a second, backing off to
 * 10 s while it keeps failing. A worker whose primary is gone stops itself.
 */
import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import client from 'prom-client';
import type { Config } from './config.ts';
import { log } from './log.ts';

/** Messages between the primary and its workers. */
export type ClusterMessage =
  | { type: 'ready'; role: 'owner' | 'follower'; url: string; internalUrl?: string }
  | { type: 'hello' }
  | { type: 'owner'; url: string | null }
  | { type: 'metrics-request'; id: number }
  | { type: 'metrics-response'; id: number; text?: string; error?: string };

/** Runs the primary until SIGTERM/SIGINT; resolves once the owner and every follower listen. */
export async function runCluster(config: Config): Promise<void> {
  const followers = new Set<Worker>();
  let owner: Worker | null = null;
  let ownerUrl: string | null = null;
  let stopping = false;
  let ownerFailures = 0;
  let ownerStarted = false;
  const tell = (w: Worker) => {
    if (w.isConnected()) w.send({ type: 'owner', url: ownerUrl } satisfies ClusterMessage);
  };
  const later = (failures: number) => Math.min(10_000, 1000 * 2 ** Math.max(0, failures - 1));
  // /metrics on any worker answers for all of them (each series labelled with its process: see workerMetrics).
  const aggregator = new client.AggregatorRegistry();
  cluster.on('message', (w: Worker, m: ClusterMessage) => {
    if (m.type !== 'metrics-request') return;
    aggregator
      .clusterMetrics()
      .then((text) => w.isConnected() && w.send({ type: 'metrics-response', id: m.id, text } satisfies ClusterMessage))
      .catch(
        (err: Error) =>
          w.isConnected() &&
          w.send({ type: 'metrics-response', id: m.id, error: err.message } satisfies ClusterMessage),
      );
  });

  const startOwner = () =>
    new Promise<string>((resolve, reject) => {
      const w = cluster.fork({ SKILLGRAPH_ROLE: 'owner' });
      owner = w;
      w.on('message', (m: ClusterMessage) => {
        if (m.type !== 'ready') return;
        ownerStarted = true;
        ownerFailures = 0;
        ownerUrl = m.internalUrl ?? null;
        for (const f of followers) tell(f);
        resolve(m.url);
      });
      w.on('exit', (code, signal) => {
        if (owner === w) owner = null;
        ownerUrl = null;
        for (const f of followers) tell(f);
        if (stopping) return;
        // A first owner that cannot start (configuration, a data directory in use): the whole service cannot.
        // Later ones are retried whatever the reason (a CLI command may hold the data directory for a while).
        if (!ownerStarted && code === 2) return reject(new Error('the owner process could not start'));
        ownerFailures++;
        const wait = later(ownerFailures);
        log('warn', 'the owner process exited; followers refuse writes until it is back', { code, signal, wait });
        setTimeout(() => {
          if (!stopping)
            startOwner()
              .then(() => log('info', 'the owner process is back'))
              .catch(() => {});
        }, wait).unref();
      });
    });

  const startFollower = () =>
    new Promise<void>((resolve) => {
      const w = cluster.fork({ SKILLGRAPH_ROLE: 'follower' });
      followers.add(w);
      w.on('message', (m: ClusterMessage) => {
        if (m.type === 'hello') tell(w);
        if (m.type === 'ready') resolve();
      });
      w.on('exit', (code, signal) => {
        followers.delete(w);
        resolve();
        if (stopping) return;
        log('warn', 'a follower process exited; starting another', { code, signal });
        setTimeout(() => {
          if (!stopping) void startFollower();
        }, 1000).unref();
      });
    });

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log('info', 'shutting down', { signal, workers: Object.keys(cluster.workers ?? {}).length });
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    const force = setTimeout(() => {
      log('error', 'workers took longer than 25 s to stop; exiting');
      process.exit(1);
    }, 25_000);
    force.unref();
    const check = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length > 0) return;
      clearInterval(check);
      log('info', 'stopped');
      process.exit(0);
    }, 100);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  log('info', 'starting processes', { workers: config.workers, owner: 1, followers: config.workers - 1 });
  let url: string;
  try {
    url = await startOwner();
  } catch (err) {
    log('error', String((err as Error).message));
    process.exit(2);
  }
  await Promise.all(Array.from({ length: config.workers - 1 }, () => startFollower()));
  log('info', 'every process is listening', { url: `${url}/graphql`, workers: config.workers });
}

/** In a worker: the owner's internal URL as the primary last told it (null while the owner is down). */
export function followOwner(): { ownerUrl(): string | null } {
  let url: string | null = null;
  process.on('message', (m: ClusterMessage) => {
    if (m.type === 'owner') url = m.url;
  });
  // Asked for once listening for the answer (a message sent before a listener exists is lost).
  process.send?.({ type: 'hello' } satisfies ClusterMessage);
  return { ownerUrl: () => url };
}

/**
 * In a worker: its metrics join every worker's on /metrics. Its series are labelled `process` (owner or
 * follower) and `worker` (node:cluster's id, new for a restarted process), so nothing is summed across
 * processes. Returns what /metrics answers with: all workers' series, gathered through the primary.
 */
export function workerMetrics(register: client.Registry, role: string): () => Promise<string> {
  register.setDefaultLabels({ process: role, worker: String(cluster.worker?.id ?? 0) });
  client.AggregatorRegistry.setRegistries(register);
  void new client.AggregatorRegistry(); // answers the primary's requests for this worker's series
  const pending = new Map<number, (m: Extract<ClusterMessage, { type: 'metrics-response' }>) => void>();
  let next = 0;
  process.on('message', (m: ClusterMessage) => {
    if (m.type === 'metrics-response') pending.get(m.id)?.(m);
  });
  return () =>
    new Promise((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error('the cluster primary did not answer for the metrics within 6 s'));
      }, 6000);
      pending.set(id, (m) => {
        clearTimeout(timer);
        pending.delete(id);
        if (m.error !== undefined) reject(new Error(m.error));
        else resolve(m.text ?? '');
      });
      process.send?.({ type: 'metrics-request', id } satisfies ClusterMessage);
    });
}

/** In a worker: tells the primary this process listens. */
export function reportReady(m: Extract<ClusterMessage, { type: 'ready' }>): void {
  process.send?.(m);
}
