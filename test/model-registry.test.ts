/**
 * Two service replicas over one Neo4j sharing a models directory (SKILLGRAPH_MODEL_DIR): the first trains,
 * the second serves that version without training; useModel on one switches the other within seconds; a job
 * written on one is matched on the other.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jSkipped, openTestNeo4j } from './support/neo4j.ts';
import { startTestService } from './support/service.ts';
import type { TestService } from './support/service.ts';

describe.skipIf(neo4jSkipped)('one model registry for replicas sharing SKILLGRAPH_MODEL_DIR', () => {
  const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-models-'));
  const env = {
    SKILLGRAPH_MODEL_DIR: shared,
    SKILLGRAPH_SEED_MEMBERS: '60',
    SKILLGRAPH_SEED_JOBS: '30',
    SKILLGRAPH_TRAIN_ON_START: 'true',
  };
  let a: TestService;
  let b: TestService;
  beforeAll(async () => {
    await (await openTestNeo4j()).close();
    a = await startTestService('neo4j', env);
    b = await startTestService('neo4j', env);
  }, 300_000);
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    fs.rmSync(shared, { recursive: true, force: true });
  });

  const models = async (svc: TestService) =>
    (await svc.gql('{ models { version active } }', {}, 'admin')).body.data.models as Array<{
      version: string;
      active: boolean;
    }>;
  const served = async (svc: TestService) => (await models(svc)).find((m) => m.active)?.version;

  it('trains once: the second replica serves the first one’s version', async () => {
    const versions = await models(a);
    expect(versions).toHaveLength(1);
    expect(await served(a)).toBe(versions[0].version);
    expect(await served(b)).toBe(versions[0].version);
    expect(fs.readdirSync(path.join(shared, 'models', 'gnn')).filter((f) => !f.startsWith('.'))).toEqual([
      versions[0].version,
    ]);
  });

  it('useModel on one replica switches the other within seconds', async () => {
    const [v1] = (await models(a)).map((m) => m.version);
    // A second version: the first one's files under a newer name (same weights, its own manifest).
    const dir = path.join(shared, 'models', 'gnn');
    const v2 = `${v1.slice(0, -6)}ffffff`;
    fs.cpSync(path.join(dir, v1), path.join(dir, `.tmp-${v2}`), { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, `.tmp-${v2}`, 'model.json'), 'utf8'));
    fs.writeFileSync(path.join(dir, `.tmp-${v2}`, 'model.json'), JSON.stringify({ ...manifest, version: v2 }));
    // Pinned to v1 first, so the new version does not become "the newest" on its own.
    expect(
      (await a.gql('mutation($v: ID) { useModel(version: $v) { version } }', { v: v1 }, 'admin')).body.errors,
    ).toBeUndefined();
    fs.renameSync(path.join(dir, `.tmp-${v2}`), path.join(dir, v2));

    const switched = await b.gql('mutation($v: ID) { useModel(version: $v) { version active } }', { v: v2 }, 'admin');
    expect(switched.body.data.useModel).toEqual({ version: v2, active: true });
    await expect.poll(() => served(a), { timeout: 10_000, interval: 250 }).toBe(v2);
    const answer = await a.gql(
      '{ matchJobs(memberId: "member-000001", first: 1) { edges { node { embeddingVersion } } } }',
      {},
      'admin',
    );
    expect(answer.body.data.matchJobs.edges[0].node.embeddingVersion).toContain(v2);
  });

  it('a job written with waitForEmbedding on one replica is matched on the other', async () => {
    const up = await a.gql(
      'mutation($i: JobInput!) { upsertJob(input: $i, waitForEmbedding: true) { created } }',
      {
        i: {
          id: 'job-replica-1',
          title: 'Data engineer',
          company: 'Replica Co',
          description: 'Requirements\n- Python\n- SQL\n- Apache Spark',
        },
      },
      'admin',
    );
    expect(up.body.errors).toBeUndefined();
    const onB = async () =>
      (
        await b.gql(
          '{ matchJobs(memberId: "member-000001", first: 5, filter: { companyId: "company:replica-co" }) { edges { node { job { id } } } } }',
          {},
          'admin',
        )
      ).body.data?.matchJobs.edges.map((e: { node: { job: { id: string } } }) => e.node.job.id);
    await expect.poll(onB, { timeout: 10_000, interval: 250 }).toEqual(['job-replica-1']);
  });
});

describe('a first model whose trainer stopped before saving it', () => {
  it('is trained by a process that was waiting on its training lease, once the lease lapses', async () => {
    const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-models-'));
    const lease = path.join(shared, 'models', 'gnn', '.training-lease');
    fs.mkdirSync(path.dirname(lease), { recursive: true });
    // Another trainer, alive: it renews its lease (as takeTrainingLease does) until it "dies" below.
    const hold = () =>
      fs.writeFileSync(
        lease,
        JSON.stringify({ owner: 'service pid 1', until: new Date(Date.now() + 1500).toISOString() }),
      );
    hold();
    const renew = setInterval(hold, 300);
    let svc: TestService | undefined;
    try {
      svc = await startTestService('embedded', {
        SKILLGRAPH_MODEL_DIR: shared,
        SKILLGRAPH_SEED_MEMBERS: '60',
        SKILLGRAPH_SEED_JOBS: '30',
        SKILLGRAPH_TRAIN_ON_START: 'true',
      });
      const models = async () =>
        (await svc!.gql('{ models { version active } }', {}, 'admin')).body.data.models as Array<{
          version: string;
          active: boolean;
        }>;
      expect(await models()).toEqual([]); // started without a model: the other process is training it
      await new Promise((r) => setTimeout(r, 2000));
      expect(await models()).toEqual([]); // still held
      clearInterval(renew); // the trainer dies
      const deadline = Date.now() + 120_000;
      let served: Array<{ version: string; active: boolean }> = [];
      while (Date.now() < deadline && !(served = await models()).some((m) => m.active))
        await new Promise((r) => setTimeout(r, 250));
      expect(served).toHaveLength(1);
      expect(served[0].active).toBe(true);
      expect(fs.existsSync(lease)).toBe(false); // given back once saved
    } finally {
      clearInterval(renew);
      await svc?.stop();
      fs.rmSync(shared, { recursive: true, force: true });
    }
  }, 180_000);
});
