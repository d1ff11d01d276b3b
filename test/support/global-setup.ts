/**
 * Starts a real Neo4j for the suite when NEO4J_URI is not set, and stops it afterwards.
 * With CI=true a Neo4j that cannot start fails the run; elsewhere, without Java/Maven, the
 * Neo4j suites are skipped with a loud message (SKILLGRAPH_TEST_NEO4J=skip).
 */
import { execFileSync } from 'node:child_process';
import { missingTools, startNeo4j } from '../../scripts/neo4j-launcher.ts';
import type { RunningNeo4j } from '../../scripts/neo4j-launcher.ts';
import { GloveVectors } from '../../src/text/glove.ts';
import { DEFAULT_CACHE_DIR } from '../../src/text/open.ts';

let neo: RunningNeo4j | undefined;

export async function setup(): Promise<void> {
  // Convert the GloVe vectors once, before any suite needs them (the first run takes a few seconds).
  GloveVectors.load(DEFAULT_CACHE_DIR, (m) => console.error(m));
  // The editors' workbench as the service serves it, rebuilt when web/ changed since the last build.
  execFileSync(process.execPath, ['web/build.mjs'], { stdio: 'inherit' });
  if (process.env.NEO4J_URI) return;
  const missing = missingTools();
  if (missing) {
    if (process.env.CI === 'true') throw new Error(`CI=true and Neo4j cannot start: ${missing}.`);
    console.error(
      `\n!!! ${missing}: the Neo4j store suites are SKIPPED. Install Java 17+ and Maven, or set NEO4J_URI. !!!\n`,
    );
    process.env.SKILLGRAPH_TEST_NEO4J = 'skip';
    return;
  }
  neo = await startNeo4j();
  process.env.NEO4J_URI = neo.uri;
  process.env.NEO4J_USER = neo.user;
  process.env.NEO4J_PASSWORD = neo.password;
}

export async function teardown(): Promise<void> {
  await neo?.stop();
}
