import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../src/store/embedded.ts';
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
