/**
 * The GraphStore contract. Every store runs this same suite, unchanged (see store.*.test.ts).
 */
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { FeedTrimmed, KEPT_SUBJECTS } from '../../src/store/types.ts';
import type { GraphStore, Neighbor, NodeRecord, WriteOp } from '../../src/store/types.ts';

export interface StoreHarness {
  /** A store over an empty graph. */
  open(): Promise<GraphStore>;
  /** Called after each test with the store it opened. */
  dispose(store: GraphStore): Promise<void>;
  /** Stores that several processes write: another connection to the same graph, as another replica opens. */
  connect?(): Promise<GraphStore>;
}

const skill = (id: string, props: NodeRecord['props'] = {}): WriteOp => ({
  op: 'upsertNode',
  node: { label: 'Skill', id, props: { label: id, ...props } },
});
const broader = (child: string, parent: string): WriteOp => ({
  op: 'upsertEdge',
  edge: { type: 'BROADER', from: { label: 'Skill', id: child }, to: { label: 'Skill', id: parent }, props: {} },
});

export function storeContract(name: string, harness: StoreHarness): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store = await harness.open();
    });
    afterEach(async () => {
      await harness.dispose(store);
    });

    it('upserts, replaces and reads nodes with plain JS values', async () => {
      await store.write([skill('s1', { version: 1, aliases: ['a', 'b'], weight: 0.5, active: true })]);
      expect(await store.getNode({ label: 'Skill', id: 's1' })).toEqual({
        label: 'Skill',
        id: 's1',
        props: { label: 's1', version: 1, aliases: ['a', 'b'], weight: 0.5, active: true },
      });
      await store.write([skill('s1', { version: 2 })]);
      const again = await store.getNode({ label: 'Skill', id: 's1' });
      expect(again?.props).toEqual({ label: 's1', version: 2 });
      expect(typeof again?.props.version).toBe('number');
      expect(await store.getNode({ label: 'Job', id: 's1' })).toBeNull();
      expect(await store.getNodes('Skill', ['nope', 's1'])).toEqual([null, again]);
    });

    it('lists nodes in id order with cursors and counts them', async () => {
      await store.write(['c', 'a', 'e', 'b', 'd'].map((id) => skill(id)));
      const p1 = await store.listNodes('Skill', { first: 2 });
      expect(p1.items.map((n) => n.id)).toEqual(['a', 'b']);
      const p2 = await store.listNodes('Skill', { first: 2, after: p1.next });
      expect(p2.items.map((n) => n.id)).toEqual(['c', 'd']);
      const p3 = await store.listNodes('Skill', { first: 2, after: p2.next });
      expect(p3).toEqual({ items: [expect.objectContaining({ id: 'e' })], next: null });
      expect(await store.countNodes('Skill')).toBe(5);
      expect(await store.countNodes('Job')).toBe(0);
    });

    it('stores typed edges and answers neighbours by direction', async () => {
      await store.write([
        skill('python'),
        skill('programming'),
        skill('django'),
        broader('python', 'programming'),
        broader('django', 'python'),
      ]);
      await store.write([
        {
          op: 'upsertEdge',
          edge: {
            type: 'RELATED',
            from: { label: 'Skill', id: 'django' },
            to: { label: 'Skill', id: 'python' },
            props: { kind: 'SIMILAR', weight: 0.7 },
          },
        },
      ]);
      const out = await store.neighbors({ label: 'Skill', id: 'python' }, 'BROADER', 'out');
      expect(out.map((n) => n.node.id)).toEqual(['programming']);
      const inn = await store.neighbors({ label: 'Skill', id: 'python' }, 'BROADER', 'in');
      expect(inn.map((n) => n.node.id)).toEqual(['django']);
      expect(inn[0].edge).toEqual({
        type: 'BROADER',
        from: { label: 'Skill', id: 'django' },
        to: { label: 'Skill', id: 'python' },
        props: {},
      });
      const both = await store.neighbors({ label: 'Skill', id: 'python' }, 'BROADER', 'both');
      expect(both.map((n) => n.node.id).sort()).toEqual(['django', 'programming']);
      const rel = await store.getEdge({
        type: 'RELATED',
        from: { label: 'Skill', id: 'django' },
        to: { label: 'Skill', id: 'python' },
      });
      expect(rel?.props).toEqual({ kind: 'SIMILAR', weight: 0.7 });
      expect(await store.countEdges('BROADER')).toBe(2);
      expect(await store.neighbors({ label: 'Skill', id: 'missing' }, 'BROADER', 'both')).toEqual([]);
      const many = await store.neighborsMany('Skill', ['python', 'missing', 'programming'], 'BROADER', 'in');
      expect(many.map((ns) => ns.map((n) => n.node.id))).toEqual([['django'], [], ['python']]);

      // Several edge types of the same nodes asked together (Neo4j reads them in one statement) answer as
      // each asked alone; the same type asked twice gives each caller its own lists.
      const ids = ['python', 'django', 'missing'];
      const alone = [
        await store.neighborsMany('Skill', ids, 'BROADER', 'out'),
        await store.neighborsMany('Skill', ids, 'RELATED', 'out'),
        await store.neighborsMany('Skill', ids, 'BROADER', 'both'),
      ];
      const together = await Promise.all([
        store.neighborsMany('Skill', ids, 'BROADER', 'out'),
        store.neighborsMany('Skill', ids, 'RELATED', 'out'),
        store.neighborsMany('Skill', ids, 'BROADER', 'both'),
        store.neighborsMany('Skill', ids, 'BROADER', 'out'),
        store.neighborsMany('Skill', ['django'], 'RELATED', 'out'),
      ]);
      expect(together.slice(0, 3)).toEqual(alone);
      expect(together[3]).toEqual(alone[0]);
      expect(together[3]).not.toBe(together[0]);
      expect(together[3][0]).not.toBe(together[0][0]);
      expect(together[4]).toEqual([alone[1][1]]);
      expect(alone[1][1].map((n) => n.edge.props)).toEqual([{ kind: 'SIMILAR', weight: 0.7 }]);
      expect(alone[0].map((ns) => ns.map((n) => n.node.id))).toEqual([['programming'], ['python'], []]);
      // A bad type among them fails alone.
      const [bad, good] = await Promise.allSettled([
        store.neighborsMany('Skill', ids, 'NOT_A_TYPE' as 'BROADER', 'out'),
        store.neighborsMany('Skill', ids, 'RELATED', 'out'),
      ]);
      expect(bad.status).toBe('rejected');
      expect(good).toEqual({ status: 'fulfilled', value: alone[1] });

      // Links only: each neighbour's label and id with the edge, alone or in a batch where another caller
      // asks the same or other types with records (those still get the records).
      const asLinks = (lists: Neighbor[][]) =>
        lists.map((ns) => ns.map((n) => ({ node: { label: n.node.label, id: n.node.id }, edge: n.edge })));
      const links = [
        await store.neighborLinksMany('Skill', ids, 'BROADER', 'out'),
        await store.neighborLinksMany('Skill', ids, 'BROADER', 'both'),
      ];
      expect(links).toEqual([asLinks(alone[0]), asLinks(alone[2])]);
      expect(links[0][0][0].node).toEqual({ label: 'Skill', id: 'programming' });
      const mixed = await Promise.all([
        store.neighborLinksMany('Skill', ids, 'BROADER', 'out'),
        store.neighborsMany('Skill', ids, 'RELATED', 'out'),
        store.neighborsMany('Skill', ids, 'BROADER', 'both'),
        store.neighborLinksMany('Skill', ids, 'BROADER', 'both'),
      ]);
      expect(asLinks(mixed[0] as Neighbor[][])).toEqual(asLinks(alone[0]));
      expect(mixed[1]).toEqual(alone[1]);
      expect(mixed[2]).toEqual(alone[2]);
      expect(asLinks(mixed[3] as Neighbor[][])).toEqual(asLinks(alone[2]));
      expect(await store.neighborLinksMany('Skill', ['missing'], 'RELATED', 'in')).toEqual([[]]);
    });

    it('applies a batch all or nothing: a missing endpoint rolls everything back', async () => {
      await store.write([skill('a')]);
      const seq = await store.lastSeq();
      await expect(store.write([skill('b'), broader('b', 'a'), broader('b', 'ghost')])).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringContaining('ghost'),
      });
      expect(await store.getNode({ label: 'Skill', id: 'b' })).toBeNull();
      expect(await store.neighbors({ label: 'Skill', id: 'a' }, 'BROADER', 'in')).toEqual([]);
      expect(await store.lastSeq()).toBe(seq);
      expect(await store.countNodes('Skill')).toBe(1);
    });

    it('rejects malformed ops before touching anything', async () => {
      const bad: WriteOp[][] = [
        [
          skill('x'),
          {
            op: 'upsertEdge',
            edge: { type: 'REQUIRES', from: { label: 'Skill', id: 'x' }, to: { label: 'Skill', id: 'x' }, props: {} },
          },
        ],
        [skill('x'), { op: 'upsertNode', node: { label: 'Nope' as never, id: 'y', props: {} } }],
        [skill('x'), { op: 'upsertNode', node: { label: 'Skill', id: '', props: {} } }],
        [skill('x'), { op: 'upsertNode', node: { label: 'Skill', id: 'y', props: { nested: { a: 1 } as never } } }],
        [skill('x'), { op: 'upsertNode', node: { label: 'Skill', id: 'y', props: { id: 'other' } } }],
      ];
      for (const ops of bad) await expect(store.write(ops)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await store.countNodes('Skill')).toBe(0);
      expect(await store.lastSeq()).toBe(0);
    });

    it('deletes a node with its edges and reports each removal in the feed', async () => {
      await store.write([skill('a'), skill('b'), skill('c'), broader('b', 'a'), broader('c', 'b')]);
      const before = await store.lastSeq();
      await store.write([{ op: 'deleteNode', node: { label: 'Skill', id: 'b' } }]);
      expect(await store.getNode({ label: 'Skill', id: 'b' })).toBeNull();
      expect(await store.countEdges('BROADER')).toBe(0);
      const events = await store.changes(before, 100);
      expect(events.map((e) => e.kind).sort()).toEqual(['edge.delete', 'edge.delete', 'node.delete']);
      expect(events[events.length - 1]).toMatchObject({ kind: 'node.delete', node: { label: 'Skill', id: 'b' } });
      // Deleting what is not there changes nothing.
      await store.write([
        { op: 'deleteNode', node: { label: 'Skill', id: 'b' } },
        {
          op: 'deleteEdge',
          edge: { type: 'BROADER', from: { label: 'Skill', id: 'c' }, to: { label: 'Skill', id: 'a' } },
        },
      ]);
      expect(await store.lastSeq()).toBe(events[events.length - 1].seq);
    });

    it('writes one change event per change, in order, with increasing sequence numbers', async () => {
      const r1 = await store.write([skill('a'), skill('b')]);
      const r2 = await store.write([broader('b', 'a')]);
      expect(r2.seq).toBeGreaterThan(r1.seq);
      const all = await store.changes(0, 100);
      expect(all.map((e) => e.kind)).toEqual(['node.upsert', 'node.upsert', 'edge.upsert']);
      expect(all.map((e) => e.seq)).toEqual([all[0].seq, all[0].seq + 1, all[0].seq + 2]);
      expect(all[0]).toMatchObject({ node: { label: 'Skill', id: 'a' }, props: { label: 'a' } });
      expect(all[2]).toMatchObject({ edge: { type: 'BROADER', from: { id: 'b' }, to: { id: 'a' } } });
      expect(typeof all[0].at).toBe('string');
      expect(await store.changes(all[0].seq, 1)).toEqual([all[1]]);
      expect(await store.lastSeq()).toBe(all[2].seq);
    });

    it('reads the events about some labels and edge types only, at most `limit`, past any number of others', async () => {
      const before = await store.lastSeq();
      const member = (id: string): WriteOp => ({
        op: 'upsertNode',
        node: { label: 'Member', id, props: { headline: `member ${id}` } },
      });
      await store.write([skill('f1')]);
      // More events about members than a page of the filtered read holds, between the skills' events.
      await store.write(Array.from({ length: 1200 }, (_, i) => member(`m${i}`)));
      await store.write([skill('f2'), broader('f2', 'f1')]);
      await store.write([member('m-last')]);
      const all = await store.changes(before, 5000);
      const about = await store.changes(before, 100, ['Skill', 'BROADER']);
      expect(about).toEqual(all.filter((e) => e.node?.label === 'Skill' || e.edge?.type === 'BROADER'));
      expect(about.map((e) => e.node?.id ?? e.edge?.type)).toEqual(['f1', 'f2', 'BROADER']);
      expect(await store.changes(before, 2, ['Skill', 'BROADER'])).toEqual(about.slice(0, 2));
      expect(await store.changes(about[0].seq, 1, ['Skill', 'BROADER'])).toEqual([about[1]]);
      expect(await store.changes(about[2].seq, 10, ['Skill', 'BROADER'])).toEqual([]);
      expect(await store.changes(before, 10, ['RELATED'])).toEqual([]);
      // Read in pages smaller than one write's events: the same events, once each, in order.
      const paged = [];
      for (let page = await store.changes(before, 500); page.length; page = await store.changes(page.at(-1)!.seq, 500))
        paged.push(...page);
      expect(paged).toEqual(all);
      expect(all.map((e) => e.seq - before)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    });

    it('reads the events about a label across many writes that mix it with others, in order, up to `limit`', async () => {
      const before = await store.lastSeq();
      for (let i = 0; i < 45; i++)
        await store.write([
          { op: 'upsertNode', node: { label: 'Member', id: `mix-m${i}`, props: {} } },
          skill(`mix-s${i}`),
        ]);
      const skills = Array.from({ length: 45 }, (_, i) => `mix-s${i}`);
      expect((await store.changes(before, 100, ['Skill'])).map((e) => e.node?.id)).toEqual(skills);
      const first40 = await store.changes(before, 40, ['Skill']);
      expect(first40.map((e) => e.node?.id)).toEqual(skills.slice(0, 40));
      expect((await store.changes(first40[39].seq, 100, ['Skill'])).map((e) => e.node?.id)).toEqual(skills.slice(40));
    });

    it("trims the feed: the taxonomy's events stay, readers from before the point are told, the numbering goes on", async () => {
      const member = (id: string): WriteOp => ({ op: 'upsertNode', node: { label: 'Member', id, props: {} } });
      const start = await store.lastSeq();
      await store.write([skill('t1'), skill('t2'), broader('t2', 't1')]);
      await store.write([
        member('tm1'),
        {
          op: 'upsertEdge',
          edge: {
            type: 'HAS_SKILL',
            from: { label: 'Member', id: 'tm1' },
            to: { label: 'Skill', id: 't1' },
            props: {},
          },
        },
      ]);
      await store.write([member('tm2')]);
      const { seq: point } = await store.write([member('tm3')]);
      const { seq: head } = await store.write([member('tm4'), skill('t3')]);
      const taxonomy = await store.changes(start, 100, KEPT_SUBJECTS);
      expect(await store.trimmedThrough()).toBe(0);

      expect(await store.trimChanges(point)).toBeGreaterThanOrEqual(4);
      expect(await store.trimmedThrough()).toBe(point);
      // After the point: every event, as before.
      expect((await store.changes(point, 100)).map((e) => e.node?.id)).toEqual(['tm4', 't3']);
      // From before it: refused, unless only the taxonomy's events are asked for — those are all there.
      const refused = store.changes(point - 1, 100);
      await expect(refused).rejects.toBeInstanceOf(FeedTrimmed);
      await expect(refused).rejects.toMatchObject({ code: 'NOT_FOUND', trimmed: point });
      await expect(store.changes(start, 100, ['Member'])).rejects.toBeInstanceOf(FeedTrimmed);
      await expect(store.changes(start, 100, ['Skill', 'HAS_SKILL'])).rejects.toBeInstanceOf(FeedTrimmed);
      expect(await store.changes(start, 100, KEPT_SUBJECTS)).toEqual(taxonomy);
      expect((await store.changes(start, 100, ['Skill'])).map((e) => e.node?.id)).toEqual(['t1', 't2', 't3']);
      // The graph is untouched.
      expect(await store.getNode({ label: 'Member', id: 'tm1' })).not.toBeNull();
      expect(await store.neighbors({ label: 'Member', id: 'tm1' }, 'HAS_SKILL', 'out')).toHaveLength(1);

      // Never back, never past the head; the head and the numbering stay where they were.
      expect(await store.trimChanges(point - 1)).toBe(0);
      expect(await store.trimmedThrough()).toBe(point);
      await store.trimChanges(head + 100);
      expect(await store.trimmedThrough()).toBe(head);
      expect(await store.lastSeq()).toBe(head);
      expect(await store.changes(head, 100)).toEqual([]);
      const { seq: next } = await store.write([member('tm5')]);
      expect(next).toBe(head + 1);
      expect((await store.changes(head, 100)).map((e) => e.seq)).toEqual([next]);
    });

    it('keeps the feed gap-free and ordered under concurrent writers', async () => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.write([skill(`n${i}`), skill(`m${i}`)])));
      const events = await store.changes(0, 1000);
      expect(events).toHaveLength(40);
      for (let i = 1; i < events.length; i++) expect(events[i].seq).toBe(events[i - 1].seq + 1);
      // A batch's two events are adjacent: batches never interleave.
      for (let i = 0; i < events.length; i += 2)
        expect(events[i].node!.id.slice(1)).toBe(events[i + 1].node!.id.slice(1));
    });

    it('commits or refuses each of many concurrent writes alone, whatever a store commits together', async () => {
      const versioned = (id: string, version: number, ifVersion: number | null): WriteOp => ({
        ...(skill(id, { version }) as Extract<WriteOp, { op: 'upsertNode' }>),
        ifVersion,
      });
      await store.write([versioned('v', 1, null), skill('root')]);
      const before = await store.lastSeq();
      const writes: WriteOp[][] = Array.from({ length: 12 }, (_, i) => [skill(`w${i}`), broader(`w${i}`, 'root')]);
      writes[4] = [skill('w4'), broader('w4', 'missing')]; // an edge to nothing: NOT_FOUND, nothing of it applied
      writes[7] = [versioned('v', 2, 1)]; // one of two writes expecting version 1 commits
      writes[9] = [versioned('v', 2, 1)];
      const results = await Promise.allSettled(writes.map((ops) => store.write(ops)));
      expect(results[4]).toMatchObject({ status: 'rejected', reason: { code: 'NOT_FOUND' } });
      expect(await store.getNode({ label: 'Skill', id: 'w4' })).toBeNull();
      expect([results[7].status, results[9].status].sort()).toEqual(['fulfilled', 'rejected']);
      expect(results.filter((r) => r.status === 'rejected')).toHaveLength(2);
      expect((await store.getNode({ label: 'Skill', id: 'v' }))?.props.version).toBe(2);
      const events = await store.changes(before, 100);
      expect(events).toHaveLength(9 * 2 + 1);
      for (let i = 1; i < events.length; i++) expect(events[i].seq).toBe(events[i - 1].seq + 1);
      // Each write's result is its last event, and its events are contiguous.
      for (const [i, r] of results.entries()) {
        if (r.status !== 'fulfilled' || i === 7 || i === 9) continue;
        const at = events.findIndex((e) => e.seq === r.value.seq);
        expect(events[at]).toMatchObject({ kind: 'edge.upsert', edge: { from: { id: `w${i}` } } });
        expect(events[at - 1]).toMatchObject({ kind: 'node.upsert', node: { id: `w${i}` } });
      }
    });

    it('checks optimistic versions inside the transaction', async () => {
      await store.write([
        { ...(skill('a', { version: 1 }) as Extract<WriteOp, { op: 'upsertNode' }>), ifVersion: null },
      ]);
      await expect(
        store.write([{ ...(skill('a', { version: 1 }) as Extract<WriteOp, { op: 'upsertNode' }>), ifVersion: null }]),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      const stale = { ...(skill('a', { version: 2 }) as Extract<WriteOp, { op: 'upsertNode' }>), ifVersion: 5 };
      await expect(store.write([skill('other'), stale])).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('version 1'),
      });
      expect(await store.getNode({ label: 'Skill', id: 'other' })).toBeNull();
      await store.write([{ ...(skill('a', { version: 2 }) as Extract<WriteOp, { op: 'upsertNode' }>), ifVersion: 1 }]);
      expect((await store.getNode({ label: 'Skill', id: 'a' }))?.props.version).toBe(2);
      await expect(
        store.write([{ ...(skill('zz', { version: 1 }) as Extract<WriteOp, { op: 'upsertNode' }>), ifVersion: 1 }]),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('checks edge versions too: concurrent read-modify-writes of one edge all count', async () => {
      await store.write([skill('ea'), skill('eb')]);
      const ref = {
        type: 'BROADER' as const,
        from: { label: 'Skill' as const, id: 'ea' },
        to: { label: 'Skill' as const, id: 'eb' },
      };
      const put = (n: number, ifVersion: number | null): WriteOp => ({
        op: 'upsertEdge',
        edge: { ...ref, props: { n, version: n } },
        ifVersion,
      });
      await store.write([put(1, null)]);
      await expect(store.write([skill('lost'), put(1, null)])).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('already exists'),
      });
      expect(await store.getNode({ label: 'Skill', id: 'lost' })).toBeNull();
      await expect(store.write([put(5, 4)])).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('at version 1, not 4'),
      });
      // Checked against the batch's own earlier write of the edge.
      await store.write([put(2, 1), put(3, 2)]);
      expect((await store.getEdge(ref))?.props).toEqual({ n: 3, version: 3 });
      // Twelve writers each read the edge and write it back one higher, retrying on CONFLICT: none is lost — also
      // when they write through separate connections (separate transactions), as replicas do.
      const others = harness.connect ? await Promise.all([harness.connect(), harness.connect()]) : [];
      const increment = async (via: GraphStore) => {
        for (let attempt = 0; ; attempt++) {
          const n = Number((await via.getEdge(ref))?.props.n ?? 0);
          try {
            return await via.write([put(n + 1, n)]);
          } catch (err) {
            if ((err as { code?: string }).code !== 'CONFLICT' || attempt > 50) throw err;
          }
        }
      };
      const via = [store, ...others];
      try {
        await Promise.all(Array.from({ length: 12 }, (_, i) => increment(via[i % via.length])));
      } finally {
        await Promise.all(others.map((o) => o.close()));
      }
      expect((await store.getEdge(ref))?.props.n).toBe(15);
      await store.write([{ op: 'deleteEdge', edge: ref }]);
      await expect(store.write([put(16, 15)])).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('no longer exists'),
      });
    });

    it('applies a long mixed batch as its order says, whatever a store batches together', async () => {
      const versioned = (id: string, version: number, ifVersion: number | null): WriteOp => ({
        ...(skill(id, { version }) as Extract<WriteOp, { op: 'upsertNode' }>),
        ifVersion,
      });
      const unlink = (child: string, parent: string): WriteOp => ({
        op: 'deleteEdge',
        edge: { type: 'BROADER', from: { label: 'Skill', id: child }, to: { label: 'Skill', id: parent } },
      });
      const weighted = (child: string, parent: string, w: number): WriteOp => {
        const op = broader(child, parent) as Extract<WriteOp, { op: 'upsertEdge' }>;
        return { ...op, edge: { ...op.edge, props: { w } } };
      };
      await store.write([versioned('x', 1, null), skill('keep')]);
      const before = await store.lastSeq();
      const ops: WriteOp[] = [
        skill('a'),
        skill('b'),
        weighted('b', 'a', 1),
        versioned('x', 2, 1),
        skill('c'),
        unlink('b', 'a'),
        weighted('c', 'a', 1),
        weighted('b', 'a', 2),
        { op: 'deleteNode', node: { label: 'Skill', id: 'c' } },
        skill('a', { note: 'second' }),
        versioned('y', 1, null),
        weighted('x', 'a', 3),
        versioned('y', 2, 1), // checked against this batch's own earlier upsert
        weighted('keep', 'b', 4),
        unlink('keep', 'b'),
      ];
      await store.write(ops);
      expect((await store.getNode({ label: 'Skill', id: 'a' }))?.props.note).toBe('second');
      expect(await store.getNode({ label: 'Skill', id: 'c' })).toBeNull();
      expect((await store.getNode({ label: 'Skill', id: 'x' }))?.props.version).toBe(2);
      expect((await store.getNode({ label: 'Skill', id: 'y' }))?.props.version).toBe(2);
      const edge = (from: string, to: string) =>
        store.getEdge({ type: 'BROADER', from: { label: 'Skill', id: from }, to: { label: 'Skill', id: to } });
      expect((await edge('b', 'a'))?.props).toEqual({ w: 2 });
      expect((await edge('x', 'a'))?.props).toEqual({ w: 3 });
      expect(await edge('c', 'a')).toBeNull();
      expect(await edge('keep', 'b')).toBeNull();
      expect(await store.countEdges('BROADER')).toBe(2);
      // Every change is in the feed; per node and per edge, in the ops' order.
      const events = await store.changes(before, 100);
      expect(events).toHaveLength(ops.length + 1); // + the edge c→a the delete removed
      const key = (e: (typeof events)[number]) => (e.node ? `${e.node.id}` : `${e.edge!.from.id}>${e.edge!.to.id}`);
      const history = new Map<string, string[]>();
      for (const e of events) history.set(key(e), [...(history.get(key(e)) ?? []), e.kind]);
      expect(history.get('b>a')).toEqual(['edge.upsert', 'edge.delete', 'edge.upsert']);
      expect(history.get('c>a')).toEqual(['edge.upsert', 'edge.delete']);
      expect(history.get('a')).toEqual(['node.upsert', 'node.upsert']);
      expect(history.get('c')).toEqual(['node.upsert', 'node.delete']);
      expect(history.get('y')).toEqual(['node.upsert', 'node.upsert']);
      expect(history.get('keep>b')).toEqual(['edge.upsert', 'edge.delete']);
      // A stale version late in a batch leaves everything before it unapplied.
      const seq = await store.lastSeq();
      await expect(store.write([skill('late'), weighted('late', 'a', 5), versioned('x', 3, 1)])).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      expect(await store.getNode({ label: 'Skill', id: 'late' })).toBeNull();
      expect(await store.lastSeq()).toBe(seq);
      // Two faults in one write: the first in op order is the one reported (on Neo4j the write's statements are all
      // sent before the first answer comes), and none of it is applied.
      await expect(store.write([versioned('x', 3, 1), skill('late'), broader('late', 'ghost')])).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      await expect(
        store.write([skill('late'), broader('late', 'ghost'), skill('later'), weighted('later', 'a', 1)]),
      ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('ghost') });
      expect(await store.getNodes('Skill', ['late', 'later'])).toEqual([null, null]);
      expect(await store.lastSeq()).toBe(seq);
    });

    it('claims named revisions inside the transaction: of writers that read the same revision, one commits', async () => {
      const claim = (expect: number): WriteOp => ({ op: 'claimRevision', name: 'contract-test', expect });
      const r0 = await store.revision('contract-test');
      await store.write([skill('a'), claim(r0)]);
      expect(await store.revision('contract-test')).toBe(r0 + 1);
      // A stale claim fails, and nothing of its batch is applied.
      await expect(store.write([skill('b'), claim(r0)])).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining(`at ${r0 + 1}, not ${r0}`),
      });
      expect(await store.getNode({ label: 'Skill', id: 'b' })).toBeNull();
      // Concurrent writers that all read the same revision: exactly one commits.
      const ids = Array.from({ length: 8 }, (_, i) => `c${i}`);
      const results = await Promise.allSettled(ids.map((id) => store.write([skill(id), claim(r0 + 1)])));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT' });
      expect((await store.getNodes('Skill', ids)).filter(Boolean)).toHaveLength(1);
      expect(await store.revision('contract-test')).toBe(r0 + 2);
      await expect(store.write([{ op: 'claimRevision', name: 'Not A Name', expect: 0 }])).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    });

    it('writes audit records with the batch and reads history by subject, time and cursor', async () => {
      await store.write([skill('a')], {
        feed: 'taxonomy',
        actor: 'alice',
        operation: 'createSkill',
        subjects: ['a'],
        after: { label: 'a' },
      });
      await store.write([skill('b')], { feed: 'taxonomy', actor: 'bob', operation: 'createSkill', subjects: ['b'] });
      await store.write([skill('a', { description: 'x' }), broader('b', 'a')], {
        feed: 'taxonomy',
        actor: 'alice',
        operation: 'updateSkill',
        subjects: ['a', 'b'],
        before: { label: 'a' },
        after: { label: 'a', description: 'x' },
      });
      await expect(
        store.write([broader('a', 'ghost')], {
          feed: 'taxonomy',
          actor: 'eve',
          operation: 'setSkillParents',
          subjects: ['a'],
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });

      // A record on the other feed about the same subject: each feed sees only its own.
      await store.write([], { feed: 'marketplace', actor: 'mallory', operation: 'recordInteraction', subjects: ['a'] });

      const t = 'taxonomy' as const;
      const forA = await store.history({ feed: t, subject: 'a', first: 10 });
      expect(forA.map((h) => h.operation)).toEqual(['updateSkill', 'createSkill']);
      expect(forA[0]).toMatchObject({
        actor: 'alice',
        subjects: ['a', 'b'],
        before: { label: 'a' },
        after: { label: 'a', description: 'x' },
      });
      expect(forA[1].before).toBeUndefined();
      const page2 = await store.history({ feed: t, subject: 'a', first: 1, before: forA[0].seq });
      expect(page2.map((h) => h.operation)).toEqual(['createSkill']);
      expect((await store.history({ feed: t, first: 10 })).map((h) => h.actor)).toEqual(['alice', 'bob', 'alice']);
      expect(await store.history({ feed: t, first: 10, since: '2999-01-01T00:00:00.000Z' })).toEqual([]);
      expect(await store.countHistory({ feed: t, subject: 'a' })).toBe(2);
      expect(await store.countHistory({ feed: t })).toBe(3);
      expect(await store.countHistory({ feed: t, since: '2999-01-01T00:00:00.000Z' })).toBe(0);
      const market = await store.history({ feed: 'marketplace', subject: 'a', first: 10 });
      expect(market.map((h) => [h.feed, h.actor])).toEqual([['marketplace', 'mallory']]);
      expect(await store.countHistory({ feed: 'marketplace' })).toBe(1);
    });

    it('exports a CSR projection that matches the edges', async () => {
      await store.write([
        skill('c'),
        skill('a'),
        skill('b'),
        broader('a', 'c'),
        broader('b', 'c'),
        broader('a', 'b'),
        { op: 'upsertNode', node: { label: 'Job', id: 'j1', props: {} } },
        {
          op: 'upsertEdge',
          edge: {
            type: 'REQUIRES',
            from: { label: 'Job', id: 'j1' },
            to: { label: 'Skill', id: 'b' },
            props: { relation: 'required' },
          },
        },
      ]);
      const p = await store.projection();
      expect(p.ids.Skill).toEqual(['a', 'b', 'c']);
      expect(p.ids.Job).toEqual(['j1']);
      expect(p.seq).toBe(await store.lastSeq());
      const b = p.relations.find((r) => r.type === 'BROADER')!;
      expect(Array.from(b.offsets)).toEqual([0, 2, 3, 3]);
      expect(Array.from(b.targets)).toEqual([1, 2, 2]);
      const req = p.relations.find((r) => r.type === 'REQUIRES')!;
      expect([req.from, req.to, Array.from(req.offsets), Array.from(req.targets)]).toEqual([
        'Job',
        'Skill',
        [0, 1],
        [1],
      ]);
      expect(req.events).toBeUndefined();
    });

    it('a projection holds every event up to its position, whatever commits while it is read', async () => {
      // Skills (the label read first) written one by one while projections are taken: each projection must hold
      // every skill whose write is at or before its seq — a nearline refresh resumes after that seq.
      const written: Array<{ id: string; seq: number }> = [];
      let stop = false;
      const writer = (async () => {
        for (let i = 0; !stop && i < 2000; i++) {
          const { seq } = await store.write([skill(`race-${String(i).padStart(4, '0')}`)]);
          written.push({ id: `race-${String(i).padStart(4, '0')}`, seq });
        }
      })();
      const projections = [];
      while (written.length < 5) await new Promise((r) => setTimeout(r, 5));
      for (let k = 0; k < 8; k++) projections.push(await store.projection());
      stop = true;
      await writer;
      for (const p of projections) {
        const have = new Set(p.ids.Skill);
        expect(written.filter((w) => w.seq <= p.seq && !have.has(w.id)).map((w) => w.id)).toEqual([]);
      }
    });

    it("carries each interaction edge's first and latest time and count in the projection, in CSR order", async () => {
      const member = (id: string) => ({ op: 'upsertNode' as const, node: { label: 'Member' as const, id, props: {} } });
      const job = (id: string) => ({ op: 'upsertNode' as const, node: { label: 'Job' as const, id, props: {} } });
      const applied = (m: string, j: string, props: Record<string, string | number>) => ({
        op: 'upsertEdge' as const,
        edge: {
          type: 'APPLIED' as const,
          from: { label: 'Member' as const, id: m },
          to: { label: 'Job' as const, id: j },
          props,
        },
      });
      await store.write([
        member('m1'),
        job('j2'),
        job('j1'),
        applied('m1', 'j2', { first: '2026-01-02T00:00:00.000Z', at: '2026-03-01T00:00:00.000Z', count: 3 }),
        applied('m1', 'j1', { at: '2026-02-01T00:00:00.000Z' }),
      ]);
      const rel = (await store.projection()).relations.find((r) => r.type === 'APPLIED')!;
      expect(Array.from(rel.targets)).toEqual([0, 1]);
      expect(Array.from(rel.events!.first)).toEqual([
        Date.parse('2026-02-01T00:00:00Z'),
        Date.parse('2026-01-02T00:00:00Z'),
      ]);
      expect(Array.from(rel.events!.latest)).toEqual([
        Date.parse('2026-02-01T00:00:00Z'),
        Date.parse('2026-03-01T00:00:00Z'),
      ]);
      expect(Array.from(rel.events!.count)).toEqual([1, 3]);
    });
  });
}
