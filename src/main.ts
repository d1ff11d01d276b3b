/**
 * `npm start`: runs the service until SIGTERM/SIGINT, then shuts down gracefully. With SKILLGRAPH_WORKERS > 1
 * this process is node:cluster's primary and the service runs in its workers (src/cluster.ts).
 */
import cluster from 'node:cluster';
import { followOwner, reportReady, runCluster, workerMetrics } from './cluster.ts';
import { ConfigError, loadConfig } from './config.ts';
import { log } from './log.ts';
import { startService } from './service.ts';
import { StoreError } from './store/types.ts';
import { startTelemetry } from './telemetry.ts';

// A rejection nobody awaited is a bug to log, not a reason to drop every request in flight. (graphql-js 16 can
// leave one behind when a list item fails synchronously after earlier items went async; fixed in graphql 17.)
process.on('unhandledRejection', (reason) =>
  log('error', 'unhandled promise rejection', { error: String((reason as Error)?.stack ?? reason) }),
);

try {
  const config = loadConfig();
  if (cluster.isPrimary && config.workers > 1) {
    await runCluster(config);
  } else {
    await serve(config);
  }
} catch (err) {
  if (err instanceof ConfigError || err instanceof StoreError) {
    log('error', err.message);
    process.exit(2);
  }
  throw err;
}

async function serve(config: ReturnType<typeof loadConfig>): Promise<void> {
  // One process of several: the primary tells it where the owner is and gathers everyone's metrics.
  const link =
    config.role === 'single'
      ? undefined
      : {
          ...followOwner(),
          metrics: (register: import('prom-client').Registry) => workerMetrics(register, config.role),
        };
  // Before the service, so its store and HTTP server are traced (only when an OTLP endpoint is configured).
  const telemetry = await startTelemetry();
  const service = await startService(config, link);
  if (service.generatedKey) {
    process.stderr.write(
      `\nNo API keys were configured, so an admin key was created (stored hashed in ${config.dataDir}/api-keys.json).\n` +
        `It is shown only this once:\n\n    ${service.generatedKey}\n\nSend it as "Authorization: Bearer <key>". Set SKILLGRAPH_API_KEYS to manage keys yourself.\n\n`,
    );
  }
  log('info', 'skillgraph is listening', {
    url: `${service.url}/graphql`,
    store: service.store.kind,
    dataDir: config.dataDir,
    tracing: telemetry.enabled,
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log('info', 'shutting down', { signal });
    const force = setTimeout(() => {
      log('error', 'shutdown took longer than 20 s; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    await service.close();
    await telemetry.shutdown();
    log('info', 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  if (cluster.isWorker) {
    // The primary is gone (killed): nothing restarts or routes to this process any more.
    process.on('disconnect', () => void stop('primary exited'));
    if (config.role !== 'single')
      reportReady({ type: 'ready', role: config.role, url: service.url, internalUrl: service.internalUrl });
  }
}
