import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { startService } from '../../src/service.ts';
import { afterAll, beforeAll } from 'vitest';
import { neo4jSkipped, openTestNeo4j } from './neo4j.ts';
import type { RunningService } from '../../src/service.ts';

export const KEYS = {
  reader: 'reader-key-0123456789abcdef',
  editor: 'editor-key-0123456789abcdef',
  reviewer: 'reviewer-key-0123456789abcdef',
  admin: 'admin-key-0123456789abcdefgh',
};

export interface TestService {
  url: string;
  service: RunningService;
  dataDir: string;
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    key?: keyof typeof KEYS | string,
  ): Promise<{
    status: number;
    body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  }>;
  stop(): Promise<void>;
}

/** Starts the real service on a free port over the chosen store, with three API keys. */
export async function startTestService(
  store: 'embedded' | 'neo4j',
  env: Record<string, string> = {},
): Promise<TestService> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-service-'));
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    SKILLGRAPH_DATA_DIR: dataDir,
    SKILLGRAPH_STORE: store,
    SKILLGRAPH_LOG_REQUESTS: 'false',
    SKILLGRAPH_SEED_MEMBERS: '0',
    SKILLGRAPH_TRAIN_ON_START: 'false',
    SKILLGRAPH_API_KEYS: Object.entries(KEYS)
      .map(([role, key]) => `${key}:${role}`)
      .join(','),
    ...env,
  });
  const service = await startService(config);
  const url = service.url;
  return {
    url,
    service,
    dataDir,
    async gql(query, variables, key) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (key) headers.authorization = `Bearer ${KEYS[key as keyof typeof KEYS] ?? key}`;
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: await res.json() };
    },
    async stop() {
      await service.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The stores the API suites run on; Neo4j is skipped where none could be started (never under CI). */
export const STORES = [
  { store: 'embedded' as const, skip: false },
  { store: 'neo4j' as const, skip: neo4jSkipped },
];

/**
 * Gives a suite the service on `store`: started before its tests (on an emptied Neo4j, so the seed loads),
 * stopped after. Call it in the describe block; the getter answers inside tests.
 */
export function serviceOn(store: 'embedded' | 'neo4j', skip = false, env: Record<string, string> = {}) {
  let svc: TestService | undefined;
  beforeAll(async () => {
    if (skip) return;
    if (store === 'neo4j') await (await openTestNeo4j()).close();
    svc = await startTestService(store, env);
  });
  afterAll(async () => {
    await svc?.stop();
  });
  return (): TestService => svc!;
}
