/** ESCO import (both stores), taxonomy file round trips, and the seed taxonomy's integrity. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../src/store/embedded.ts';
import type { GraphStore } from '../src/store/types.ts';
import { importEsco } from '../src/taxonomy/esco.ts';
import { exportTaxonomy, importTaxonomy, parseTaxonomyFile, taxonomyToCsv } from '../src/taxonomy/file.ts';
import { loadSeed, parseSeed, validateSeed } from '../src/taxonomy/seed.ts';
import { normalizeLabel } from '../src/taxonomy/text.ts';
import { SEED_DIR } from '../src/service.ts';
import { neo4jSkipped, openTestNeo4j } from './support/neo4j.ts';

const ESCO_DIR = path.resolve('../shared/esco');
const escoMissing = !fs.existsSync(ESCO_DIR);
if (escoMissing && process.env.CI === 'true')
  throw new Error(`CI=true but ${ESCO_DIR} is missing: CI runs with ../shared beside the clone.`);
if (escoMissing) console.error(`!!! ${ESCO_DIR} is missing: the ESCO import tests are SKIPPED !!!`);
const PYTHON = 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d';
const tmpDirs: string[] = [];
const embedded = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-import-'));
  tmpDirs.push(dir);
  return EmbeddedStore.open({ dataDir: dir });
};
afterAll(() => tmpDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe.each([
  { store: 'embedded', skip: false, open: async (): Promise<GraphStore> => embedded() },
  { store: 'neo4j', skip: neo4jSkipped, open: (): Promise<GraphStore> => openTestNeo4j() },
])('ESCO import into the $store store', ({ skip, open }) => {
  it.skipIf(skip || escoMissing)(
    'imports the partial ESCO sample, reports unknown references, and re-imports as a no-op',
    { timeout: 300_000 },
    async () => {
      const store = await open();
      try {
        const first = await importEsco(store, ESCO_DIR);
        expect(first.skills.created).toBe(5593 + 640);
        expect(first.occupations.created).toBe(3039 + 619);
        expect(first.edges.NEEDS_SKILL.added).toBeGreaterThan(80_000);
        expect(first.unknownReferences['skill hierarchy: child']).toBeGreaterThan(0);
        const python = await store.getNode({ label: 'Skill', id: PYTHON });
        expect(python?.props).toMatchObject({
          label: 'Python (computer programming)',
          kind: 'knowledge',
          status: 'ACTIVE',
          version: 1,
          source: 'esco',
        });
        expect((await store.neighbors({ label: 'Skill', id: PYTHON }, 'BROADER', 'out')).length).toBeGreaterThan(0);
        expect((await store.neighbors({ label: 'Skill', id: PYTHON }, 'NEEDS_SKILL', 'in')).length).toBeGreaterThan(0);
        const seq = await store.lastSeq();
        const again = await importEsco(store, ESCO_DIR);
        expect(again.skills).toEqual({ created: 0, updated: 0, unchanged: 6233, skippedDeprecated: 0 });
        expect(Object.values(again.edges).every((e) => e.added === 0)).toBe(true);
        expect(await store.lastSeq()).toBe(seq);
      } finally {
        await store.close();
      }
    },
  );
});

describe('taxonomy files', () => {
  it.each(['json', 'csv'])('round-trips the seed taxonomy through %s export and import', async (format) => {
    const a = embedded();
    await loadSeed(a, parseSeed(SEED_DIR));
    const exported = await exportTaxonomy(a);
    const text = format === 'json' ? JSON.stringify(exported) : taxonomyToCsv(exported);
    const b = embedded();
    const summary = await importTaxonomy(b, parseTaxonomyFile(text), 'test');
    expect(summary.skills.created).toBe(exported.skills.length);
    expect(summary.unknownReferences).toBe(0);
    expect(await exportTaxonomy(b)).toEqual(exported);
    const seq = await b.lastSeq();
    const again = await importTaxonomy(b, parseTaxonomyFile(text), 'test');
    expect(again.skills.unchanged).toBe(exported.skills.length);
    expect(await b.lastSeq()).toBe(seq);
    await a.close();
    await b.close();
  });
});

describe('seed taxonomy', () => {
  const seed = parseSeed(SEED_DIR);

  it('is large, deep and described enough', () => {
    const domains = seed.skills.filter((s) => s.parents.length === 0);
    expect(seed.skills.length).toBeGreaterThanOrEqual(1500);
    expect(domains.length).toBeGreaterThanOrEqual(10);
    expect(seed.skills.filter((s) => s.aliases.length > 0).length / seed.skills.length).toBeGreaterThanOrEqual(0.6);
    expect(seed.skills.every((s) => s.description.length > 10)).toBe(true);
    expect(seed.related.length).toBeGreaterThan(50);
    expect(seed.occupations.length).toBeGreaterThanOrEqual(150);
    expect(seed.occupations.every((o) => o.essential.length > 0)).toBe(true);
    const byId = new Map(seed.skills.map((s) => [s.id, s]));
    const depth = (id: string): number => Math.max(0, ...byId.get(id)!.parents.map((p) => 1 + depth(p)));
    expect(Math.max(...seed.skills.map((s) => depth(s.id)))).toBeGreaterThanOrEqual(3);
  });

  it('has no cycles, no name used twice and no dangling reference', () => {
    const names = new Map<string, string>();
    for (const s of seed.skills)
      for (const n of [s.label, ...s.aliases]) {
        const key = normalizeLabel(n);
        expect(names.get(key) ?? s.id, `"${n}"`).toBe(s.id);
        names.set(key, s.id);
      }
    const ids = new Set(seed.skills.map((s) => s.id));
    for (const s of seed.skills) for (const p of s.parents) expect(ids.has(p)).toBe(true);
    for (const o of seed.occupations) for (const s of [...o.essential, ...o.optional]) expect(ids.has(s)).toBe(true);
    expect(() => validateSeed(seed)).not.toThrow();
  });

  it('rejects a cycle and a duplicate alias', () => {
    const cyc = structuredClone(seed);
    const [a, b] = [cyc.skills[0], cyc.skills.find((s) => s.parents.includes(cyc.skills[0].id))!];
    a.parents.push(b.id);
    expect(() => validateSeed(cyc)).toThrow(/Cycle/);
    const dup = structuredClone(seed);
    dup.skills[1].aliases.push(dup.skills[2].label);
    expect(() => validateSeed(dup)).toThrow(/names both/);
  });
});
