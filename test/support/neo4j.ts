import path from 'node:path';
import { Neo4jStore } from '../../src/store/neo4j.ts';

/** True when the global set-up decided the Neo4j suites cannot run here (never under CI). */
export const neo4jSkipped = process.env.SKILLGRAPH_TEST_NEO4J === 'skip';

/** Opens the store on the test Neo4j and empties it. */
export async function openTestNeo4j(): Promise<Neo4jStore> {
  const store = await connectTestNeo4j();
  await store.deleteEverything();
  return store;
}

/** Another connection to the test Neo4j (as a second replica would open), leaving its data alone. */
export function connectTestNeo4j(): Promise<Neo4jStore> {
  return Neo4jStore.open({
    uri: process.env.NEO4J_URI!,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    schemaDir: path.resolve('schema/neo4j'),
  });
}
