/** The trained tower: training lowers the loss and pulls pairs together; files round-trip; the service picks it up. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { taxonomyPairs } from '../src/extraction/train.ts';
import { EmbeddedStore } from '../src/store/embedded.ts';
import { loadSeed, parseSeed } from '../src/taxonomy/seed.ts';
import { SEED_DIR } from '../src/service.ts';
import { openBuiltinEncoder, projectionFile } from '../src/text/open.ts';
import { ProjectedEncoder, loadProjection, saveProjection, trainProjection } from '../src/text/projection.ts';
import { dot } from '../src/vectors/math.ts';
import { startTestService } from './support/service.ts';

describe('taxonomy-trained projection', () => {
  it('learns from taxonomy pairs, saves, loads and serves', { timeout: 180_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-proj-'));
    const store = EmbeddedStore.open({ dataDir: path.join(dir, 'store') });
    await loadSeed(store, parseSeed(SEED_DIR));
    const pairs = await taxonomyPairs(store);
    await store.close();
    expect(pairs.length).toBeGreaterThan(3000);
    expect(pairs).toContainEqual(['k8s', 'Kubernetes']);

    const base = openBuiltinEncoder();
    const losses: number[] = [];
    const train = pairs.slice(0, 1024);
    const p = await trainProjection(base, train, {
      epochs: 3,
      outDim: 64,
      batchSize: 64,
      log: (m) => losses.push(Number(/loss ([\d.]+)/.exec(m)![1])),
    });
    expect(losses).toHaveLength(3);
    expect(losses[2]).toBeLessThan(losses[0]);

    // Pairs it was trained on are closer in the projected space than shuffled pairs.
    const enc = new ProjectedEncoder(base, p, 0);
    const left = await enc.embed(train.slice(0, 200).map((x) => x[0]));
    const right = await enc.embed(train.slice(0, 200).map((x) => x[1]));
    const positive = left.reduce((s, v, i) => s + dot(v, right[i]), 0) / left.length;
    const shuffled = left.reduce((s, v, i) => s + dot(v, right[(i + 97) % right.length]), 0) / left.length;
    expect(positive).toBeGreaterThan(shuffled + 0.2);

    const file = projectionFile(dir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    saveProjection(p, file);
    const loaded = loadProjection(file);
    expect(loaded.tag).toBe(p.tag);
    const [a] = await new ProjectedEncoder(base, loaded, 0.6).embed(['data pipelines']);
    const [b] = await new ProjectedEncoder(base, p, 0.6).embed(['data pipelines']);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(
      () => new ProjectedEncoder({ ...base, id: 'other', dim: base.dim, embed: base.embed.bind(base) }, p),
    ).toThrow(/retrain/);

    // A service on that data dir uses it, and says so in the encoder id.
    const svc = await startTestService('embedded', { SKILLGRAPH_DATA_DIR: dir });
    try {
      const { body } = await svc.gql(
        `{ extractSkills(text: "Requirements: Kubernetes.") { encoder skills { skill { id } } } }`,
        {},
        'reader',
      );
      expect(body.data.extractSkills.encoder).toBe(`${base.id}+proj64@${p.tag}`);
      expect(body.data.extractSkills.skills.map((s: { skill: { id: string } }) => s.skill.id)).toContain(
        'skill:kubernetes',
      );
    } finally {
      await svc.stop();
    }
  });
});
