/**
 * The taxonomy's links in memory (src/taxonomy/links.ts) answer walks exactly as the store does, on both
 * stores, at start-up and after edits caught up from the change feed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../src/store/embedded.ts';
import type { GraphStore } from '../src/store/types.ts';
import { TaxonomyEditor } from '../src/taxonomy/edit.ts';
import { expandSkills } from '../src/taxonomy/expand.ts';
import type { ExpansionRelation } from '../src/taxonomy/expand.ts';
import { loadSeed, parseSeed } from '../src/taxonomy/seed.ts';
import { TaxonomyService } from '../src/taxonomy/service.ts';
import { neo4jSkipped, openTestNeo4j } from './support/neo4j.ts';

const STORES = [
  { name: 'embedded', skip: false },
  { name: 'neo4j', skip: neo4jSkipped },
];
const RELATIONS: ExpansionRelation[] = ['PARENT', 'CHILD', 'SIBLING', 'RELATED', 'MINED'];

describe.each(STORES)('skill links in memory on the $name store', ({ name, skip }) => {
  let store: GraphStore;
  let taxonomy: TaxonomyService;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-links-'));
  beforeAll(async () => {
    if (skip) return;
    store = name === 'embedded' ? EmbeddedStore.open({ dataDir: dir }) : await openTestNeo4j();
    await loadSeed(store, parseSeed(path.resolve('seeds')));
    taxonomy = new TaxonomyService(store);
    await taxonomy.init();
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const same = async (seeds: string[]) => {
    for (const seed of seeds) {
      const opts = { relations: RELATIONS, maxDepth: 2, limit: 200 };
      expect(await expandSkills(taxonomy.links, [seed], opts)).toEqual(await expandSkills(store, [seed], opts));
    }
  };
  const SEEDS = ['skill:python', 'skill:kubernetes', 'skill:software-development', 'skill:welding', 'skill:etl'];

  it.skipIf(skip)('walks as the store does after start-up', async () => {
    await same(SEEDS);
  });

  it.skipIf(skip)('follows edits: re-parenting, related links, deprecation', async () => {
    const editor = new TaxonomyEditor(store, taxonomy);
    await editor.setSkillParents('test', 'skill:etl', ['skill:python']);
    await editor.relateSkills('test', 'skill:welding', 'skill:kubernetes', 'COMPLEMENTARY');
    await editor.deprecateSkill('test', 'skill:dagster');
    await taxonomy.sync();
    await same([...SEEDS, 'skill:dagster']);
    const children = await taxonomy.links.neighborsMany('Skill', ['skill:python'], 'BROADER', 'in');
    expect(children[0].map((n) => n.node.id)).toContain('skill:etl');
  });
});
