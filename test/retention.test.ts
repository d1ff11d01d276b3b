/**
 * The change feed's retention (src/store/retention.ts): how far it may be trimmed by age, by the newest events
 * kept and by the position a reader still needs; and its settings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { EmbeddedStore } from '../src/store/embedded.ts';
import { trimFeed, trimPoint } from '../src/store/retention.ts';
import { FeedTrimmed, KEPT_SUBJECTS } from '../src/store/types.ts';
import { serviceOn, STORES } from './support/service.ts';
import type { WriteOp } from '../src/store/types.ts';

const members = (prefix: string, n: number): WriteOp[] =>
  Array.from({ length: n }, (_, i) => ({
    op: 'upsertNode',
    node: { label: 'Member', id: `${prefix}${i}`, props: {} },
  }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('feed retention', () => {
  let dir: string;
  let store: EmbeddedStore;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-retention-'));
    store = EmbeddedStore.open({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('trims what is older than the retention, keeps the newest events asked for and never passes the cap', async () => {
    // Ten events written one at a time (ten numbers, ten times), then a pause, then five more.
    for (const op of members('old', 10)) await store.write([op]);
    await sleep(30);
    const boundary = Date.now();
    await sleep(30);
    const { seq: head } = await store.write(members('new', 5));
    const hour = 3_600_000;
    const at = { now: boundary + hour };
    expect(await trimPoint(store, { maxAgeMs: hour, minEvents: 0 }, at)).toBe(10);
    expect(await trimPoint(store, { maxAgeMs: hour, minEvents: 12 }, at)).toBe(head - 12);
    expect(await trimPoint(store, { maxAgeMs: hour, minEvents: 0 }, { ...at, cap: 4 })).toBe(4);
    // Nothing old enough; a retention of 0 trims nothing; everything old: up to the head.
    expect(await trimPoint(store, { maxAgeMs: hour, minEvents: 0 }, { now: boundary - hour })).toBe(0);
    expect(await trimPoint(store, { maxAgeMs: 0, minEvents: 0 }, at)).toBe(0);
    expect(await trimPoint(store, { maxAgeMs: hour, minEvents: 0 }, { now: Date.now() + 2 * hour })).toBe(head);

    expect(await trimFeed(store, { maxAgeMs: hour, minEvents: 0 }, at)).toEqual({ through: 10, removed: 10 });
    expect(await store.trimmedThrough()).toBe(10);
    expect(await trimFeed(store, { maxAgeMs: hour, minEvents: 0 }, at)).toBeNull();
    expect((await store.changes(10, 100)).map((e) => e.node?.id)).toEqual(['new0', 'new1', 'new2', 'new3', 'new4']);
  });

  it('is read from the environment: a week and the newest million events by default, hourly', () => {
    expect(loadConfig({}).feedRetention).toEqual({
      maxAgeMs: 168 * 3_600_000,
      minEvents: 1_000_000,
      everyMs: 3_600_000,
    });
    expect(
      loadConfig({
        SKILLGRAPH_FEED_RETENTION_HOURS: '0.5',
        SKILLGRAPH_FEED_RETENTION_EVENTS: '0',
        SKILLGRAPH_FEED_TRIM_EVERY_MS: '1000',
      }).feedRetention,
    ).toEqual({ maxAgeMs: 1_800_000, minEvents: 0, everyMs: 1000 });
    expect(loadConfig({ SKILLGRAPH_FEED_RETENTION_HOURS: '0' }).feedRetention.maxAgeMs).toBe(0);
    expect(() => loadConfig({ SKILLGRAPH_FEED_RETENTION_HOURS: 'a week' })).toThrow(ConfigError);
    expect(() => loadConfig({ SKILLGRAPH_FEED_RETENTION_EVENTS: '-1' })).toThrow(/non-negative integer/);
  });
});

describe.each(STORES)('the service trims its feed on the $store store', ({ store, skip }) => {
  // On an emptied store (Neo4j is shared by the suites), seeded.
  const service = serviceOn(store, skip, {
    SKILLGRAPH_SEED_MEMBERS: '20',
    SKILLGRAPH_SEED_JOBS: '10',
    // Events older than 0.36 s, checked five times a second.
    SKILLGRAPH_FEED_RETENTION_HOURS: '0.0001',
    SKILLGRAPH_FEED_RETENTION_EVENTS: '0',
    SKILLGRAPH_FEED_TRIM_EVERY_MS: '200',
  });
  it.skipIf(skip)(
    'on its timer: marketplace events go, the taxonomy, its releases and the API stay whole',
    async () => {
      const svc = service();
      const s = svc.service.store;
      const release = await svc.gql('mutation { createRelease(name: "r1") { seq } }', {}, 'editor');
      expect(release.body.errors).toBeUndefined();
      const { version } = (await svc.gql('{ skill(id: "skill:go") { version } }')).body.data.skill;
      const edit = await svc.gql(
        `mutation { updateSkill(id: "skill:go", expectedVersion: ${version}, input: { label: "Go language" }) { id } }`,
        {},
        'editor',
      );
      expect(edit.body.errors).toBeUndefined();
      const taxonomy = (await s.changes(0, 100_000, KEPT_SUBJECTS)).length;
      const head = await s.lastSeq();
      for (let i = 0; i < 100 && (await s.trimmedThrough()) < head; i++) await sleep(100);
      expect(await s.trimmedThrough()).toBeGreaterThanOrEqual(head);
      await expect(s.changes(0, 10, ['Member'])).rejects.toBeInstanceOf(FeedTrimmed);
      expect(await s.changes(0, 100_000, KEPT_SUBJECTS)).toHaveLength(taxonomy);
      // The release's diff and its frozen skill are still rebuilt from the feed.
      const diff = await svc.gql('{ releaseDiff(from: "r1") { renamed { id from to } } }');
      expect(diff.body.data.releaseDiff.renamed).toEqual([{ id: 'skill:go', from: 'Go', to: 'Go language' }]);
      const frozen = await svc.gql('{ releasedSkill(release: "r1", id: "skill:go") { label } }');
      expect(frozen.body.data.releasedSkill).toEqual({ label: 'Go' });
      // Writes and reads go on.
      const member = await svc.gql(
        'mutation { upsertMember(input: { id: "member-after-trim", headline: "Go developer" }) { created } }',
        {},
        'admin',
      );
      expect(member.body.errors).toBeUndefined();
      const found = await svc.gql('{ skills(search: "go language", first: 1) { edges { node { id } } } }');
      expect(found.body.data.skills.edges[0].node.id).toBe('skill:go');
    },
    300_000,
  );
});
