import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../src/store/embedded.ts';
import type { GraphStore } from '../src/store/types.ts';
import { storeContract } from './support/store-contract.ts';

const dirs = new Map<object, string>();

storeContract('embedded (graphology + SQLite)', {
  async open() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-embedded-'));
    const store = EmbeddedStore.open({ dataDir: dir });
    dirs.set(store, dir);
    return store;
  },
  async dispose(store) {
    await store.close();
    fs.rmSync(dirs.get(store)!, { recursive: true, force: true });
  },
});

/**
 * The same contract read through a follower (SKILLGRAPH_WORKERS): writes go to the owner, every read to a
 * read-only follower of the same file that has caught up with the write — what a follower process serves.
 */
const followed = new Map<object, { owner: EmbeddedStore; follower: EmbeddedStore; dir: string }>();
storeContract('embedded, read through a follower process’s store', {
  async open() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-embedded-'));
    const owner = EmbeddedStore.open({ dataDir: dir, role: 'owner' });
    const follower = EmbeddedStore.open({ dataDir: dir, role: 'follower' });
    const view = new Proxy(follower, {
      get(target, prop, receiver) {
        if (prop === 'write')
          return async (...args: Parameters<GraphStore['write']>) => {
            const result = await owner.write(...args);
            follower.catchUp(result.seq);
            return result;
          };
        if (prop === 'trimChanges') return (through: number) => owner.trimChanges(through);
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    followed.set(view, { owner, follower, dir });
    return view;
  },
  async dispose(store) {
    const { owner, follower, dir } = followed.get(store)!;
    await follower.close();
    await owner.close();
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

describe('embedded store followers', () => {
  it('load the graph again when the owner has trimmed the feed past them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-embedded-'));
    const owner = EmbeddedStore.open({ dataDir: dir, role: 'owner' });
    const py = { label: 'Skill' as const, id: 'py' };
    const gone = { label: 'Member' as const, id: 'gone' };
    await owner.write([
      { op: 'upsertNode', node: { ...py, props: { label: 'Python' } } },
      { op: 'upsertNode', node: { ...gone, props: {} } },
    ]);
    const follower = EmbeddedStore.open({ dataDir: dir, role: 'follower' });
    expect(await follower.getNode(gone)).not.toBeNull();
    try {
      // Written and trimmed with no timer between (the follower's runs every 20 ms): it cannot have applied them.
      const m = { label: 'Member' as const, id: 'm1' };
      const { seq } = await owner.write([
        { op: 'deleteNode', node: gone },
        { op: 'upsertNode', node: { ...m, props: { headline: 'x' } } },
        { op: 'upsertEdge', edge: { type: 'HAS_SKILL', from: m, to: py, props: {} } },
      ]);
      expect(await owner.trimChanges(seq)).toBe(4); // the Member events; the Skill one stays
      expect(follower.catchUp()).toBe(seq);
      expect(await follower.getNode(gone)).toBeNull();
      expect(await follower.neighbors(m, 'HAS_SKILL', 'out')).toHaveLength(1);
      expect(await follower.countNodes('Member')).toBe(1);
      expect(await follower.lastSeq()).toBe(seq);
      await expect(follower.trimChanges(seq)).rejects.toThrow(/read-only follower/);
    } finally {
      await follower.close();
      await owner.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('load the owner’s graph, apply its commits (deletes and redactions too) and refuse writes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-embedded-'));
    const owner = EmbeddedStore.open({ dataDir: dir, role: 'owner' });
    const m = { label: 'Member' as const, id: 'm1' };
    await owner.write([
      { op: 'upsertNode', node: { label: 'Skill', id: 'py', props: { label: 'Python' } } },
      { op: 'upsertNode', node: { ...m, props: { headline: 'secret' } } },
      {
        op: 'upsertEdge',
        edge: { type: 'HAS_SKILL', from: m, to: { label: 'Skill', id: 'py' }, props: {} },
      },
    ]);
    const follower = EmbeddedStore.open({ dataDir: dir, role: 'follower' });
    expect(await follower.neighbors(m, 'HAS_SKILL', 'out')).toHaveLength(1);
    const { seq } = await owner.write([{ op: 'deleteNode', node: m, redact: true }]);
    // Not applied until it catches up (a timer does it every 20 ms; catchUp at once).
    expect(follower.catchUp(seq)).toBe(seq);
    expect(await follower.getNode(m)).toBeNull();
    expect(await follower.countNodes('Member')).toBe(0);
    expect(await follower.countEdges('HAS_SKILL')).toBe(0);
    expect(await follower.lastSeq()).toBe(seq);
    // A second follower started now replays nothing: it loads the state the redacted feed leads to.
    const late = EmbeddedStore.open({ dataDir: dir, role: 'follower' });
    expect(await late.getNode(m)).toBeNull();
    expect((await late.getNode({ label: 'Skill', id: 'py' }))?.props).toEqual({ label: 'Python' });
    await expect(follower.write([{ op: 'deleteNode', node: { label: 'Skill', id: 'py' } }])).rejects.toThrow(
      /read-only follower/,
    );
    // The timer applies commits without being asked.
    await owner.write([{ op: 'upsertNode', node: { label: 'Skill', id: 'go', props: { label: 'Go' } } }]);
    await new Promise((r) => setTimeout(r, 100));
    expect((await late.getNode({ label: 'Skill', id: 'go' }))?.props.label).toBe('Go');
    // The owner's lock still refuses another writer while followers read.
    expect(() => EmbeddedStore.open({ dataDir: dir })).toThrow(/in use by another skillgraph process/);
    await Promise.all([follower.close(), late.close(), owner.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('embedded store durability', () => {
  it('reloads the graph, counters, feed and history from disk', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-embedded-'));
    const a = EmbeddedStore.open({ dataDir: dir });
    await a.write(
      [
        { op: 'upsertNode', node: { label: 'Skill', id: 'x', props: { label: 'X' } } },
        { op: 'upsertNode', node: { label: 'Skill', id: 'y', props: { label: 'Y' } } },
        {
          op: 'upsertEdge',
          edge: { type: 'BROADER', from: { label: 'Skill', id: 'x' }, to: { label: 'Skill', id: 'y' }, props: {} },
        },
      ],
      { feed: 'taxonomy', actor: 't', operation: 'seed', subjects: ['x'] },
    );
    await a.close();
    const b = EmbeddedStore.open({ dataDir: dir });
    expect((await b.getNode({ label: 'Skill', id: 'x' }))?.props).toEqual({ label: 'X' });
    expect((await b.neighbors({ label: 'Skill', id: 'y' }, 'BROADER', 'in')).map((n) => n.node.id)).toEqual(['x']);
    expect(await b.countNodes('Skill')).toBe(2);
    expect(await b.countEdges('BROADER')).toBe(1);
    expect(await b.lastSeq()).toBe(3);
    expect(await b.history({ feed: 'taxonomy', subject: 'x', first: 5 })).toHaveLength(1);
    await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second process-level owner of the same data directory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-embedded-'));
    const a = EmbeddedStore.open({ dataDir: dir });
    await a.write([{ op: 'upsertNode', node: { label: 'Skill', id: 'x', props: {} } }]);
    expect(() => EmbeddedStore.open({ dataDir: dir })).toThrow(/in use by another skillgraph process/);
    await a.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('returns records callers cannot corrupt', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-embedded-'));
    const s = EmbeddedStore.open({ dataDir: dir });
    await s.write([{ op: 'upsertNode', node: { label: 'Skill', id: 'x', props: { aliases: ['a'] } } }]);
    const n = await s.getNode({ label: 'Skill', id: 'x' });
    expect(() => (n!.props.aliases as string[]).push('b')).toThrow();
    expect((await s.getNode({ label: 'Skill', id: 'x' }))?.props.aliases).toEqual(['a']);
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('embedded store deletion', () => {
  it('leaves no trace of a deleted member in the database file (secure_delete)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-embedded-'));
    const marker = 'Zyxwvut-Personal-Data-Marker';
    const store = EmbeddedStore.open({ dataDir: dir });
    // Enough rows that the member's pages are freed and reused, not dropped with the table's tail.
    for (let i = 0; i < 50; i++)
      await store.write([
        { op: 'upsertNode', node: { label: 'Skill', id: `s${i}`, props: { label: `Skill ${i}`.repeat(20) } } },
      ]);
    await store.write([
      { op: 'upsertNode', node: { label: 'Member', id: 'm1', props: { summary: `${marker} `.repeat(50) } } },
    ]);
    await store.write([{ op: 'deleteNode', node: { label: 'Member', id: 'm1' }, redact: true }]);
    await store.close(); // checkpoints the write-ahead log into the file and removes it
    const bytes = fs.readFileSync(path.join(dir, 'graph.sqlite'));
    expect(bytes.includes(Buffer.from(marker))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
