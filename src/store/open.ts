/** Opens the store the configuration selects. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.ts';
import { EmbeddedStore } from './embedded.ts';
import { Neo4jStore } from './neo4j.ts';
import type { GraphStore } from './types.ts';

const schemaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema/neo4j');

export async function openStore(config: Pick<Config, 'store' | 'dataDir' | 'neo4j'>): Promise<GraphStore> {
  if (config.store === 'neo4j') return Neo4jStore.open({ ...config.neo4j, schemaDir });
  return EmbeddedStore.open({ dataDir: path.join(config.dataDir, 'store') });
}
