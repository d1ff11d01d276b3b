import { describe } from 'vitest';
import { storeContract } from './support/store-contract.ts';
import { connectTestNeo4j, neo4jSkipped, openTestNeo4j } from './support/neo4j.ts';

describe.skipIf(neo4jSkipped)('neo4j', () => {
  storeContract('neo4j (real server over Bolt)', {
    open: openTestNeo4j,
    dispose: (store) => store.close(),
    connect: connectTestNeo4j,
  });
});
