import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { FeedTrimmed, KEPT_SUBJECTS } from '../src/store/types.ts';
import { storeContract } from './support/store-contract.ts';
import { connectTestNeo4j, neo4jSkipped, openTestNeo4j } from './support/neo4j.ts';

describe.skipIf(neo4jSkipped)('neo4j', () => {
  storeContract('neo4j (real server over Bolt)', {
    open: openTestNeo4j,
    dispose: (store) => store.close(),
    connect: connectTestNeo4j,
  });

  it('reads events written one node each by earlier releases beside the blocks written now, about filter included', async () => {
    const store = await openTestNeo4j();
    const driver = neo4j.driver(
      process.env.NEO4J_URI!,
      neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
    );
    /** An event as a release before 2026-12-07 wrote it: a node of its own, `about` only since 2026-12. */
    const legacy = (event: object, about: string | null) =>
      driver.executeQuery(
        `MERGE (s:_Sequence {name: '_change'}) ON CREATE SET s.value = 0 SET s.value = s.value + 1
         CREATE (:_Change {seq: s.value, at: $at, event: $event, about: $about})`,
        { at: new Date().toISOString(), event: JSON.stringify(event), about },
      );
    try {
      const before = await store.lastSeq();
      await store.write([{ op: 'upsertNode', node: { label: 'Skill', id: 'first', props: { label: 'First' } } }]);
      await legacy({ kind: 'node.upsert', node: { label: 'Skill', id: 'old' }, props: { label: 'Old' } }, null);
      await legacy({ kind: 'node.upsert', node: { label: 'Member', id: 'm-old' }, props: {} }, null);
      await legacy({ kind: 'node.upsert', node: { label: 'Member', id: 'm-about' }, props: {} }, 'Member');
      await store.write([
        { op: 'upsertNode', node: { label: 'Skill', id: 'new', props: { label: 'New' } } },
        { op: 'upsertNode', node: { label: 'Member', id: 'm-new', props: {} } },
      ]);
      const all = await store.changes(before, 100);
      expect(all.map((e) => e.node?.id)).toEqual(['first', 'old', 'm-old', 'm-about', 'new', 'm-new']);
      expect(all.map((e) => e.seq - before)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await store.changes(all[1].seq, 2)).toEqual(all.slice(2, 4));
      const skills = await store.changes(before, 10, ['Skill']);
      expect(skills.map((e) => e.node?.id)).toEqual(['first', 'old', 'new']);
      expect((await store.changes(before, 1, ['Member'])).map((e) => e.node?.id)).toEqual(['m-old']);
      expect((await store.changes(all[2].seq, 5, ['Member'])).map((e) => e.node?.id)).toEqual(['m-about', 'm-new']);
      // Erasing a member strips its properties from its events in either form.
      await legacy(
        { kind: 'node.upsert', node: { label: 'Member', id: 'm-new' }, props: { headline: 'secret' } },
        'Member',
      );
      await store.write([{ op: 'upsertNode', node: { label: 'Member', id: 'm-new', props: { headline: 'secret' } } }]);
      await store.write([{ op: 'deleteNode', node: { label: 'Member', id: 'm-new' }, redact: true }]);
      const after = await store.changes(before, 100);
      expect(after.filter((e) => e.node?.id === 'm-new').map((e) => e.kind)).toEqual([
        'node.upsert',
        'node.upsert',
        'node.upsert',
        'node.delete',
      ]);
      expect(JSON.stringify(after)).not.toContain('secret');
      expect(after.find((e) => e.node?.id === 'new')).toMatchObject({ props: { label: 'New' } });
    } finally {
      await driver.close();
      await store.close();
    }
  });
  it("answers reads of the feed while a trim deletes blocks under them: the taxonomy's events, or FeedTrimmed", async () => {
    const store = await openTestNeo4j();
    try {
      const member = (id: string) => ({ op: 'upsertNode' as const, node: { label: 'Member' as const, id, props: {} } });
      // 1,000 small blocks, one write a transaction (a trim deletes 100 a transaction: ten to read across). A race
      // it guards against (a block deleted between its index match and the read of its properties: Neo4j reads at
      // read-committed) failed a filtered read once in test/retention.test.ts; this load did not reproduce it.
      for (let w = 0; w < 1000; w++)
        await store.write(
          w % 100 === 0
            ? [{ op: 'upsertNode', node: { label: 'Skill', id: `s${w}`, props: { label: `s${w}` } } }]
            : Array.from({ length: 4 }, (_, i) => member(`m${w}-${i}`)),
        );
      const skills = await store.changes(0, 100, ['Skill']);
      expect(skills).toHaveLength(10);
      const trimming = store.trimChanges(await store.lastSeq());
      let done = false;
      void trimming.finally(() => (done = true));
      const failures: string[] = [];
      let reads = 0;
      // Readers of kept subjects from the start, as the taxonomy's sync and releases read; and one reader of every
      // event from the start, which must be refused, never handed a feed with holes.
      while (!done) {
        reads++;
        const [kept, all, ...more] = await Promise.allSettled([
          store.changes(0, 100, KEPT_SUBJECTS),
          store.changes(0, 20_000),
          store.changes(0, 100, KEPT_SUBJECTS),
          store.changes(0, 100, ['Skill']),
        ]);
        for (const m of more) if (m.status === 'rejected') failures.push(String(m.reason));
        if (kept.status === 'rejected') failures.push(String(kept.reason));
        else if (kept.value.length !== 10) failures.push(`${kept.value.length} kept events`);
        if (all.status === 'rejected' && !(all.reason instanceof FeedTrimmed)) failures.push(String(all.reason));
        if (all.status === 'fulfilled' && all.value.length !== 10 + 990 * 4)
          failures.push(`${all.value.length} events`);
      }
      await trimming;
      expect(reads).toBeGreaterThan(0);
      expect(failures).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('reads on past events deleted by hand (blocks removed to take back space) instead of stalling at the gap', async () => {
    const store = await openTestNeo4j();
    const driver = neo4j.driver(
      process.env.NEO4J_URI!,
      neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
    );
    const skills = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        op: 'upsertNode' as const,
        node: { label: 'Skill' as const, id: `${prefix}-${i}`, props: { label: `${prefix} ${i}` } },
      }));
    try {
      const before = await store.lastSeq();
      await store.write(skills('gap-a', 3));
      const afterA = await store.lastSeq();
      await store.write(skills('gap-b', 30)); // more events than one page below: the gap is wider than `limit`
      const afterB = await store.lastSeq();
      await store.write(skills('gap-c', 3));
      await driver.executeQuery('MATCH (b:_ChangeBlock) WHERE b.first > $a AND b.last <= $b DELETE b', {
        a: neo4j.int(afterA),
        b: neo4j.int(afterB),
      });
      const ids = (events: Array<{ node?: { id: string } }>) => events.map((e) => e.node?.id);
      // A gap in the middle: the page ends before it, the next one starts past it.
      expect(ids(await store.changes(before, 10))).toEqual(['gap-a-0', 'gap-a-1', 'gap-a-2']);
      expect(ids(await store.changes(afterA, 10))).toEqual(['gap-c-0', 'gap-c-1', 'gap-c-2']);
      expect((await store.changes(afterA + 5, 2)).map((e) => e.seq)).toEqual([afterB + 1, afterB + 2]);
      // Filtered reads skip it too; at the head a read is empty.
      expect(ids(await store.changes(before, 10, ['Skill']))).toEqual([
        'gap-a-0',
        'gap-a-1',
        'gap-a-2',
        'gap-c-0',
        'gap-c-1',
        'gap-c-2',
      ]);
      expect(await store.changes(afterB + 3, 10)).toEqual([]);
      expect(await store.changes(afterA, 0)).toEqual([]); // at the gap, asking for nothing: nothing, at once
      // A gap at the front (everything up to afterB deleted): a reader from the start begins at the first event held.
      await driver.executeQuery('MATCH (b:_ChangeBlock) WHERE b.last <= $b DELETE b', { b: neo4j.int(afterB) });
      await driver.executeQuery('MATCH (c:_Change) WHERE c.seq <= $b DELETE c', { b: neo4j.int(afterB) });
      expect(ids(await store.changes(0, 2))).toEqual(['gap-c-0', 'gap-c-1']);
    } finally {
      await driver.close();
      await store.close();
    }
  });
});
