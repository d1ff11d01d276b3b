import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { storeContract } from './support/store-contract.ts';
import { connectTestNeo4j, neo4jSkipped, openTestNeo4j } from './support/neo4j.ts';

describe.skipIf(neo4jSkipped)('neo4j', () => {
  storeContract('neo4j (real server over Bolt)', {
    open: openTestNeo4j,
    dispose: (store) => store.close(),
    connect: connectTestNeo4j,
  });

  it('finds the events about a label among those written before events recorded what they are about', async () => {
    const store = await openTestNeo4j();
    const driver = neo4j.driver(
      process.env.NEO4J_URI!,
      neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
    );
    try {
      await store.write([{ op: 'upsertNode', node: { label: 'Skill', id: 'old', props: { label: 'Old' } } }]);
      await store.write([{ op: 'upsertNode', node: { label: 'Member', id: 'm-old', props: {} } }]);
      // As an older release (or a replica not yet upgraded) wrote them.
      await driver.executeQuery('MATCH (c:_Change) REMOVE c.about');
      await store.write([{ op: 'upsertNode', node: { label: 'Skill', id: 'new', props: { label: 'New' } } }]);
      const skills = await store.changes(0, 10, ['Skill']);
      expect(skills.map((e) => e.node?.id)).toEqual(['old', 'new']);
      expect((await store.changes(0, 1, ['Member'])).map((e) => e.node?.id)).toEqual(['m-old']);
    } finally {
      await driver.close();
      await store.close();
    }
  });
});
