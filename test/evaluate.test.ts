/**
 * `skillgraph evaluate` as a real process on a generated marketplace (500 members, 200 jobs,
 * built-in encoder, default training): the default time split, every method warm and cold,
 * and the orderings the model must keep — GraphSAGE and fused above popularity and trending,
 * the re-rankers above text, the learned ranker above the hand weights, and the re-rankers above
 * popularity for cold-start members (ranked by the cold-start ranker).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { generateMarketplace, loadCatalog } from '../src/marketplace/generate.ts';
import { importMarketplace } from '../src/marketplace/import.ts';
import { SEED_DIR, openCore } from '../src/service.ts';
import { EmbeddedStore } from '../src/store/embedded.ts';
import { loadSeed, parseSeed } from '../src/taxonomy/seed.ts';

const run = promisify(execFile);

describe('skillgraph evaluate', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-eval-'));
  const genDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-eval-gen-'));

  beforeAll(async () => {
    const store = EmbeddedStore.open({ dataDir: path.join(dataDir, 'store') });
    try {
      await loadSeed(store, parseSeed(SEED_DIR));
      const core = await openCore(store, loadConfig({ ...process.env, SKILLGRAPH_DATA_DIR: dataDir }));
      generateMarketplace(loadCatalog(SEED_DIR), genDir, { members: 500, jobs: 200, seed: 11 });
      await importMarketplace(genDir, core.marketplace);
    } finally {
      await store.close();
    }
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(genDir, { recursive: true, force: true });
  });

  it('time split by default; GraphSAGE and fused beat popularity, the re-rankers beat text, learned beats the weights', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'evaluate', '--fraction', '0.2', '--cold-fraction', '0.1', '--json'],
      { env: { ...process.env, SKILLGRAPH_DATA_DIR: dataDir }, maxBuffer: 1 << 24 },
    );
    const report = JSON.parse(stdout);
    const methods = ['fused', 'graphsage', 'learned', 'popularity', 'reranked', 'text', 'trending'];
    expect(report.holdout.source).toMatch(/^time split: latest 20%/);
    expect(Object.keys(report.methods).sort()).toEqual(methods);
    expect(Object.keys(report.coldStart.methods).sort()).toEqual(methods);
    expect(report.coldStart.members).toBeGreaterThan(5);
    expect(report.holdout.pairs).toBeGreaterThan(200);
    for (const m of Object.values(report.methods) as Array<{ recallAtK: number; members: number }>) {
      expect(m.members).toBe(report.holdout.members);
      expect(m.recallAtK).toBeGreaterThanOrEqual(0);
      expect(m.recallAtK).toBeLessThanOrEqual(1);
    }
    const recall = (m: string) => report.methods[m].recallAtK as number;
    for (const model of ['graphsage', 'fused'])
      for (const baseline of ['popularity', 'trending']) expect(recall(model)).toBeGreaterThan(recall(baseline));
    for (const reranker of ['reranked', 'learned']) expect(recall(reranker)).toBeGreaterThan(recall('text'));
    expect(recall('learned')).toBeGreaterThan(recall('reranked'));
    expect(report.methods.learned.mrr).toBeGreaterThan(report.methods.reranked.mrr);
    // Cold start: the cold-start ranker (fitted on validation members' text-alone vectors) ranks them.
    expect(report.ranker.cold.coefficients).toHaveProperty('popularity');
    const cold = (m: string) => report.coldStart.methods[m].recallAtK as number;
    for (const reranker of ['reranked', 'learned'])
      for (const baseline of ['popularity', 'trending']) expect(cold(reranker)).toBeGreaterThan(cold(baseline));
  }, 240_000);
});
