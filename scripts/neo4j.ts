/** `npm run neo4j`: runs Neo4j Community in the foreground (NEO4J_PORT, NEO4J_PASSWORD, NEO4J_DATA_DIR). */
import { missingTools, startNeo4j } from './neo4j-launcher.ts';

const missing = missingTools();
if (missing) {
  console.error(`Cannot start Neo4j: ${missing}. Install Java 17+ and Maven, or point NEO4J_URI at your own server.`);
  process.exit(1);
}
const neo = await startNeo4j({
  port: Number(process.env.NEO4J_PORT ?? 7687),
  password: process.env.NEO4J_PASSWORD ?? 'skillgraph',
  dataDir: process.env.NEO4J_DATA_DIR ?? 'data/neo4j',
  inheritOutput: true,
});
console.error(
  `Neo4j is up at ${neo.uri} (user ${neo.user}). Use NEO4J_URI=${neo.uri} SKILLGRAPH_STORE=neo4j npm start. Ctrl-C stops it.`,
);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void neo.stop().then(() => process.exit(0)));
neo.process.on('exit', (code) => process.exit(code ?? 1));
