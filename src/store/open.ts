/** Opens the store the configuration selects. */
import { ROOT } from '../paths.ts';
import path from 'node:path';
import type { Config } from '../config.ts';
import { EmbeddedStore } from './embedded.ts';
import { Neo4jStore } from './neo4j.ts';
import type { GraphStore } from './types.ts';

const schemaDir = path.join(ROOT, 'schema', 'neo4j');

export async function openStore(config: Pick<Config, 'store' | 'dataDir' | 'neo4j'>): Promise<GraphStore> {
  if (config.store === 'neo4j') return Neo4jStore.open({ ...config.neo4j, schemaDir });
  return EmbeddedStore.open({ dataDir: path.join(config.dataDir, 'store') });
}
