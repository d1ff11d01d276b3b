/** Opens the store the configuration selects (the Neo4j driver is loaded only when Neo4j is chosen). */
import { ROOT } from '../paths.ts';
import path from 'node:path';
import type { Config } from '../config.ts';
import { EmbeddedStore } from './embedded.ts';
import type { GraphStore } from './types.ts';

const schemaDir = path.join(ROOT, 'schema', 'neo4j');

export async function openStore(
  config: Pick<Config, 'store' | 'dataDir' | 'neo4j'> & Partial<Pick<Config, 'role'>>,
): Promise<GraphStore> {
  if (config.store === 'neo4j') {
    const { Neo4jStore } = await import('./neo4j.ts');
    return Neo4jStore.open({ ...config.neo4j, schemaDir });
  }
  return EmbeddedStore.open({ dataDir: path.join(config.dataDir, 'store'), role: config.role });
}
