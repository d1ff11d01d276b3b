/** Shared by the benchmarks: percentiles, and running one measurement on both stores side by side. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { delayedLink } from './delayed-link.ts';
import { startNeo4j } from '../scripts/neo4j-launcher.ts';
import { EmbeddedStore } from '../src/store/embedded.ts';
import { Neo4jStore } from '../src/store/neo4j.ts';
import type { GraphStore } from '../src/store/types.ts';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
}

export const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/**
 * Runs `measure` on a fresh embedded store, then on an emptied Neo4j (NEO4J_URI, or the
 * repo's launcher); `only` limits it to one of them.
 */
export async function onBothStores<T>(
  measure: (name: 'embedded' | 'neo4j', store: GraphStore, neo4jServer?: Neo4jConnection) => Promise<T>,
  only?: string,
  /** Milliseconds each way between the process and Neo4j (bench/delayed-link.ts); 0: direct. */
  neo4jLatencyMs = 0,
): Promise<T[]> {
  const results: T[] = [];
  if (only !== 'neo4j') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-bench-'));
    const store = EmbeddedStore.open({ dataDir: dir });
    try {
      results.push(await measure('embedded', store));
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (only !== 'embedded') {
    const neo = process.env.NEO4J_URI ? undefined : await startNeo4j();
    const direct = new URL(process.env.NEO4J_URI ?? neo!.uri);
    const link =
      neo4jLatencyMs > 0
        ? await delayedLink({ host: direct.hostname, port: Number(direct.port || 7687) }, neo4jLatencyMs)
        : null;
    const server = {
      uri: link ? `bolt://${link.address}` : direct.href,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? neo!.password,
    };
    const store = await Neo4jStore.open({ ...server, schemaDir: path.resolve('schema/neo4j') });
    try {
      await store.deleteEverything();
      results.push(await measure('neo4j', store, server));
    } finally {
      await store.close();
      await link?.close();
      await neo?.stop();
    }
  }
  return results;
}
