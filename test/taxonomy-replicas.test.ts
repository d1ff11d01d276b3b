/**
 * Two API replicas over one Neo4j, each with its own store connection, taxonomy indexes and
 * editor: edits that are valid alone but not together (a cycle, a name taken twice) must not
 * both commit, however they interleave.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Neo4jStore } from '../src/store/neo4j.ts';
import type { WriteOp } from '../src/store/types.ts';
import { TaxonomyEditor } from '../src/taxonomy/edit.ts';
import { TaxonomyService } from '../src/taxonomy/service.ts';
import { TAXONOMY_REVISION } from '../src/taxonomy/model.ts';
import { syncEdges } from '../src/taxonomy/sync.ts';
import { connectTestNeo4j, neo4jSkipped, openTestNeo4j } from './support/neo4j.ts';

describe.skipIf(neo4jSkipped)('taxonomy edits on two replicas over one Neo4j', () => {
  const replicas: Array<{ store: Neo4jStore; taxonomy: TaxonomyService; editor: TaxonomyEditor }> = [];
  beforeAll(async () => {
    const first = await openTestNeo4j(); // empties the database
    const skills = ['a', 'b', 'c', 'd', 'e', 'f'].map((x): WriteOp => ({
      op: 'upsertNode',
      node: {
        label: 'Skill',
        id: `skill:${x}`,
        props: { label: `Skill ${x}`, aliases: [], status: 'ACTIVE', kind: 'SKILL', version: 1 },
      },
    }));
    await first.write(skills);
    for (const store of [first, await connectTestNeo4j()]) {
      const taxonomy = new TaxonomyService(store);
      await taxonomy.init();
      replicas.push({ store, taxonomy, editor: new TaxonomyEditor(store, taxonomy) });
    }
  });
  afterAll(async () => {
    for (const r of replicas) await r.store.close();
  });

  const parents = async (id: string) =>
    (await replicas[0].store.neighbors({ label: 'Skill', id }, 'BROADER', 'out')).map((n) => n.node.id);

  it('of two edits that together close a cycle, exactly one commits; the other is refused with the cycle named', async () => {
    for (const [x, y] of [
      ['a', 'b'],
      ['c', 'd'],
    ]) {
      const [one, two] = replicas.map((r) => r.editor);
      const results = await Promise.allSettled([
        one.setSkillParents('test', `skill:${x}`, [`skill:${y}`]),
        two.setSkillParents('test', `skill:${y}`, [`skill:${x}`]),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
      expect(refused.reason).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('would create a cycle'),
      });
      const links = [...(await parents(`skill:${x}`)), ...(await parents(`skill:${y}`))];
      expect(links).toHaveLength(1);
    }
  });

  it('of two new skills (different ids) with the same label, exactly one commits; the other says whose name it is', async () => {
    const results = await Promise.allSettled(
      replicas.map((r, i) => r.editor.createSkill('test', { id: `skill:qbw-${i}`, label: 'Quantum Basket Weaving' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(refused.reason).toMatchObject({ code: 'CONFLICT' });
    expect(String(refused.reason.message)).toMatch(/already the label or an alias of skill "skill:qbw-[01]"/);
  });

  it('imports claim the taxonomy revision too, so an edit checked before an import batch is checked again', async () => {
    const before = await replicas[0].store.revision(TAXONOMY_REVISION);
    await syncEdges(
      replicas[1].store,
      [
        {
          type: 'RELATED',
          from: { label: 'Skill', id: 'skill:a' },
          to: { label: 'Skill', id: 'skill:f' },
          props: { type: 'SIMILAR' },
        },
      ],
      { actor: 'test' },
    );
    expect(await replicas[0].store.revision(TAXONOMY_REVISION)).toBe(before + 1);
  });

  it('edits that do not conflict both commit, whichever replica makes them', async () => {
    const [one, two] = replicas.map((r) => r.editor);
    await Promise.all([
      one.setSkillParents('test', 'skill:e', ['skill:a']),
      two.setSkillParents('test', 'skill:f', ['skill:a']),
    ]);
    expect(await parents('skill:e')).toEqual(['skill:a']);
    expect(await parents('skill:f')).toEqual(['skill:a']);
  });
  it('a sync with nothing committed since reads only the head; a skill written through the other replica shows at the next', async () => {
    const [a, b] = replicas;
    await b.taxonomy.sync();
    const reads = vi.spyOn(b.store, 'changes');
    try {
      await b.taxonomy.sync();
      await b.taxonomy.sync();
      expect(reads).not.toHaveBeenCalled();
      await a.store.write([
        {
          op: 'upsertNode',
          node: {
            label: 'Skill',
            id: 'skill:quiet',
            props: { label: 'Skill quiet', aliases: [], status: 'ACTIVE', kind: 'SKILL', version: 1 },
          },
        },
      ]);
      await b.taxonomy.sync();
      expect(reads).toHaveBeenCalled();
      expect(b.taxonomy.skillView('skill:quiet')).toMatchObject({ label: 'Skill quiet' });
    } finally {
      reads.mockRestore();
    }
  });
  it("answers a skill's hierarchy from the links in memory: one sync for questions asked at once, another replica's edit seen", async () => {
    const [a, b] = replicas;
    await b.taxonomy.sync();
    const head = vi.spyOn(b.store, 'lastSeq');
    const neighbors = vi.spyOn(b.store, 'neighbors');
    const neighborsMany = vi.spyOn(b.store, 'neighborsMany');
    try {
      await a.editor.setSkillParents('test', 'skill:f', ['skill:e']);
      const [parents, children, siblings, ancestors, related] = await Promise.all([
        b.taxonomy.parentIds('skill:f'),
        b.taxonomy.childIds('skill:e'),
        b.taxonomy.siblingIds('skill:f'),
        b.taxonomy.ancestorIds('skill:f'),
        b.taxonomy.related('skill:f'),
      ]);
      expect(parents).toEqual(['skill:e']);
      expect(children).toContain('skill:f');
      expect(siblings).not.toContain('skill:f');
      expect(ancestors[0]).toBe('skill:e');
      const stored = await a.store.neighbors({ label: 'Skill', id: 'skill:f' }, 'RELATED', 'both');
      expect(related.map((r) => r.id).sort()).toEqual(stored.map((n) => n.node.id).sort());
      expect(head).toHaveBeenCalledTimes(1);
      expect(neighbors).not.toHaveBeenCalled();
      expect(neighborsMany).not.toHaveBeenCalled();
    } finally {
      head.mockRestore();
      neighbors.mockRestore();
      neighborsMany.mockRestore();
    }
  });
  it('finds the top-level skills in memory, and sees another replica take one under a parent', async () => {
    const [a, b] = replicas;
    await a.editor.createSkill('test', { id: 'skill:top', label: 'Top of its own' });
    const pages = vi.spyOn(b.store, 'listNodes');
    const edges = vi.spyOn(b.store, 'neighborsMany');
    try {
      expect(await b.taxonomy.rootIds()).toContain('skill:top');
      await a.editor.setSkillParents('test', 'skill:top', ['skill:a']);
      expect(await b.taxonomy.rootIds()).not.toContain('skill:top');
      expect(pages).not.toHaveBeenCalled();
      expect(edges).not.toHaveBeenCalled();
    } finally {
      pages.mockRestore();
      edges.mockRestore();
    }
  });
});
