/**
 * The change feed on Kafka: a real Apache Kafka (KRaft, scripts/kafka-launcher.ts), the suite's Neo4j
 * and three service replicas as processes sharing a models directory. A job written with
 * waitForEmbedding on one replica is matched on the others; an export started on a third includes it;
 * useModel on one switches the others;
 * versions switched and a replica killed while jobs stream in lose none of their refreshes (each new
 * activation's snapshot holds every event up to its position; the dead replica's partitions move to the
 * others, which resume from the committed offsets); a replica restarted on its data dir reads the vectors
 * produced since its snapshot only; one replica publishes the feed and a write on another reaches it through
 * the `writes` notices (the publisher's poll of the store is set longer than any wait); a write taken while the
 * broker is down reaches every replica once it is back, even when the feed was trimmed past it meanwhile (every
 * member and job published again); the topics carry what the README documents.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKafka } from '../scripts/kafka-launcher.ts';
import { checkKafka } from '../src/nearline/kafka.ts';
import type { RunningKafka } from '../scripts/kafka-launcher.ts';
import { connectTestNeo4j, neo4jSkipped, openTestNeo4j } from './support/neo4j.ts';
import { startServiceProcess } from './support/process.ts';
import type { ServiceProcess } from './support/process.ts';
import { KEYS } from './support/service.ts';

describe.skipIf(neo4jSkipped)('three replicas over Neo4j with the change feed on Kafka', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-kafka-replicas-'));
  const prefix = `sg${Date.now()}.`;
  let kafka: RunningKafka;
  const replicas: Array<{ proc: ServiceProcess; url: string }> = [];
  const env = () => ({
    SKILLGRAPH_STORE: 'neo4j',
    SKILLGRAPH_MODEL_DIR: path.join(root, 'models'),
    SKILLGRAPH_KAFKA_BROKERS: kafka.brokers,
    SKILLGRAPH_KAFKA_TOPIC_PREFIX: prefix,
    SKILLGRAPH_KAFKA_SESSION_TIMEOUT_MS: '6000',
    // The publisher's poll of the store longer than any wait here: writes reach it through the replicas' kicks
    // (the publisher's own, or a notice on `writes` from another replica) or not in time.
    SKILLGRAPH_KAFKA_POLL_MS: '120000',
    SKILLGRAPH_SEED_MEMBERS: '60',
    SKILLGRAPH_SEED_JOBS: '30',
    SKILLGRAPH_TRAIN_ON_START: 'true',
    SKILLGRAPH_LOG_REQUESTS: 'false',
    SKILLGRAPH_API_KEYS: Object.entries(KEYS)
      .map(([role, key]) => `${key}:${role}`)
      .join(','),
  });
  const start = async (name: string, extra: Record<string, string> = {}) => {
    const proc = startServiceProcess(path.join(root, name), { ...env(), ...extra });
    // Each in its own slot (A, B, C), whichever answers first: the tests give them roles.
    const slot = 'abc'.indexOf(name);
    replicas[slot] = { proc, url: '' };
    replicas[slot].url = await proc.url;
  };
  const gql = async (url: string, query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.admin}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: Array<{ message: string }> };
  };
  const job = (id: string, company: string) => ({
    id,
    title: 'Data engineer',
    company,
    description: 'Requirements\n- Python\n- SQL\n- Apache Spark',
  });
  const upsertJob = (url: string, input: ReturnType<typeof job>, wait: boolean) =>
    gql(url, 'mutation($i: JobInput!, $w: Boolean!) { upsertJob(input: $i, waitForEmbedding: $w) { created } }', {
      i: input,
      w: wait,
    });
  const kafkaLines = (log: string) =>
    log
      .split('\n')
      .filter((l) => /kafka|error|serving GraphSAGE/i.test(l))
      .join('\n');
  /** The topics' ends and the nearline group's members and committed offsets, to tell a stall from a loss. */
  const kafkaState = async () => {
    const admin = new Kafka({ clientId: 'kafka-test', brokers: [kafka.brokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const [changes, embeddings, committed, groups] = await Promise.all([
        admin.fetchTopicOffsets(`${prefix}changes`),
        admin.fetchTopicOffsets(`${prefix}embeddings`),
        admin.fetchOffsets({ groupId: `${prefix}nearline`, topics: [`${prefix}changes`] }),
        admin.describeGroups([`${prefix}nearline`]),
      ]);
      const ends = (offsets: typeof changes) => offsets.map((p) => `${p.partition}:${p.low}-${p.high}`).join(' ');
      return [
        `changes ${ends(changes)}`,
        `embeddings ${ends(embeddings)}`,
        `nearline committed ${committed[0]?.partitions.map((p) => `${p.partition}:${p.offset}`).join(' ')}`,
        ...groups.groups.map((g) => `nearline group ${g.state}: ${g.members.map((m) => m.clientId).join(', ')}`),
      ].join('\n');
    } finally {
      await admin.disconnect();
    }
  };
  /** Waits until every replica serves the job's vector; on a timeout prints what each logged about Kafka. */
  const servedEverywhere = async (id: string) => {
    try {
      for (const r of replicas)
        await expect.poll(() => hasEmbedding(r.url, id), { timeout: 90_000, interval: 500 }).toBe(true);
    } catch (err) {
      for (const [i, replica] of replicas.entries()) {
        const { stdout, stderr } = replica.proc.output();
        console.error(`replica ${'abc'[i]}:\n${kafkaLines(stdout + stderr)}`);
      }
      throw err;
    }
  };
  const hasEmbedding = async (url: string, id: string) =>
    (await gql(url, 'query($id: ID!) { job(id: $id) { graphEmbedding { version } } }', { id })).data?.job
      ?.graphEmbedding != null;

  beforeAll(async () => {
    await (await openTestNeo4j()).close();
    kafka = await startKafka({ dataDir: path.join(root, 'kafka') });
    await start('a'); // seeds the store and trains the one model version
    await Promise.all([start('b'), start('c')]);
  }, 400_000);
  afterAll(async () => {
    if (process.env.SKILLGRAPH_TEST_DUMP)
      for (const [i, r] of replicas.entries()) {
        const out = r.proc.output();
        fs.writeFileSync(path.join(process.env.SKILLGRAPH_TEST_DUMP, `replica-${i}.log`), out.stdout + out.stderr);
      }
    for (const r of replicas) if (r.proc.child.exitCode === null) r.proc.child.kill('SIGKILL');
    await Promise.all(replicas.map((r) => r.proc.exited));
    await kafka?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('a job written with waitForEmbedding on A is matched on B and C, and an export on C includes it', async () => {
    const [a, b, c] = replicas;
    const up = await upsertJob(a.url, job('job-kafka-1', 'Kafka Co'), true);
    expect(up.errors).toBeUndefined();
    expect(await hasEmbedding(a.url, 'job-kafka-1')).toBe(true);
    for (const r of [b, c]) {
      const matched = async () =>
        (
          await gql(
            r.url,
            '{ matchJobs(memberId: "member-000001", first: 5, filter: { companyId: "company:kafka-co" }) { edges { node { job { id } } } } }',
          )
        ).data?.matchJobs.edges.map((e: { node: { job: { id: string } } }) => e.node.job.id);
      await expect.poll(matched, { timeout: 15_000, interval: 200 }).toEqual(['job-kafka-1']);
    }
    const started = await gql(c.url, 'mutation($i: EmbeddingExportInput!) { startEmbeddingExport(input: $i) { id } }', {
      i: { nodeTypes: ['JOB'], kinds: ['FUSED'], format: 'NPY', destination: 'kafka-1' },
    });
    expect(started.errors).toBeUndefined();
    const id = started.data.startEmbeddingExport.id;
    const finished = async (id: string) =>
      (await gql(c.url, 'query($id: ID!) { exportJob(id: $id) { status directory position error } }', { id })).data
        .exportJob;
    await expect.poll(async () => (await finished(id)).status, { timeout: 30_000, interval: 200 }).toBe('SUCCEEDED');
    const full = await finished(id);
    const ids = fs.readFileSync(path.join(full.directory, 'job.ids.txt'), 'utf8').split('\n');
    expect(ids).toContain('job-kafka-1');
    // A job written on A without waiting, then at once an incremental export on C: the export waits until C
    // serves every write acknowledged before it started, and its position moves on.
    expect((await upsertJob(a.url, job('job-kafka-1b', 'Kafka Co'), false)).errors).toBeUndefined();
    const next = await gql(c.url, 'mutation($i: EmbeddingExportInput!) { startEmbeddingExport(input: $i) { id } }', {
      i: { nodeTypes: ['JOB'], kinds: ['FUSED'], format: 'NPY', destination: 'kafka-1-inc', base: id },
    });
    expect(next.errors).toBeUndefined();
    const incId = next.data.startEmbeddingExport.id;
    await expect.poll(async () => (await finished(incId)).status, { timeout: 60_000, interval: 200 }).toBe('SUCCEEDED');
    const inc = await finished(incId);
    expect(inc.position).toBeGreaterThan(full.position);
    const incIds = fs.readFileSync(path.join(inc.directory, 'job.ids.txt'), 'utf8').trim().split('\n');
    expect(incIds).toContain('job-kafka-1b');
  });

  it('useModel on B switches A and C within seconds', async () => {
    const [a, b, c] = replicas;
    const served = async (url: string) =>
      (
        (await gql(url, '{ models { version active } }')).data.models as Array<{ version: string; active: boolean }>
      ).find((m) => m.active)?.version;
    const v1 = (await served(a.url))!;
    // A second version: the first one's files under a newer name (same weights, its own manifest).
    const dir = path.join(root, 'models', 'models', 'gnn');
    const v2 = `${v1.slice(0, -6)}eeeeee`;
    fs.cpSync(path.join(dir, v1), path.join(dir, `.tmp-${v2}`), { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, `.tmp-${v2}`, 'model.json'), 'utf8'));
    fs.writeFileSync(path.join(dir, `.tmp-${v2}`, 'model.json'), JSON.stringify({ ...manifest, version: v2 }));
    expect(
      (await gql(a.url, 'mutation($v: ID) { useModel(version: $v) { version } }', { v: v1 })).errors,
    ).toBeUndefined();
    fs.renameSync(path.join(dir, `.tmp-${v2}`), path.join(dir, v2));
    const switched = await gql(b.url, 'mutation($v: ID) { useModel(version: $v) { version active } }', { v: v2 });
    expect(switched.data.useModel).toEqual({ version: v2, active: true });
    for (const r of [a, c]) await expect.poll(() => served(r.url), { timeout: 10_000, interval: 250 }).toBe(v2);
    // Writes after the switch still reach every replica.
    expect((await upsertJob(a.url, job('job-kafka-2', 'Kafka Co'), true)).errors).toBeUndefined();
    for (const r of [b, c]) await expect.poll(() => hasEmbedding(r.url, 'job-kafka-2'), { timeout: 15_000 }).toBe(true);
  });

  it('switching versions and killing a replica while jobs stream in loses no refresh', async () => {
    const [a, b, c] = replicas;
    // B switches back to v1 and on to v2 while the jobs stream in (the others follow when they notice in time):
    // each new activation must serve every job written before, during and after it is computed. Then C is
    // killed: the others take its partitions from the committed offsets.
    const models = (await gql(a.url, '{ models { version active } }')).data.models as Array<{
      version: string;
      active: boolean;
    }>;
    const [v2, v1] = [models.find((m) => m.active)!.version, models.find((m) => !m.active)!.version];
    const use = (v: string) => gql(b.url, 'mutation($v: ID) { useModel(version: $v) { version } }', { v });
    let switching: Promise<unknown> = Promise.resolve();
    const ids = Array.from({ length: 24 }, (_, i) => `job-stream-${i}`);
    for (const [i, id] of ids.entries()) {
      expect((await upsertJob(a.url, job(id, `Stream ${i % 4}`), false)).errors).toBeUndefined();
      if (i === 2) switching = use(v1).then(() => use(v2));
      if (i === 8) c.proc.child.kill('SIGKILL');
    }
    await c.proc.exited;
    expect(await switching).toMatchObject({ data: { useModel: { version: v2 } } });
    const missingOn = async (url: string) => {
      const out: string[] = [];
      for (const id of ids) if (!(await hasEmbedding(url, id))) out.push(id);
      return out;
    };
    for (const r of [a, b]) {
      const missing = () => missingOn(r.url);
      // A session timeout (6 s) for the group to notice, then the partitions' committed offsets onwards.
      try {
        await expect.poll(missing, { timeout: 45_000, interval: 500 }).toEqual([]);
      } catch (err) {
        // What each replica did (assignments, takeovers, activations, failures), for whoever reads the CI log.
        for (const [i, replica] of replicas.entries()) {
          const { stdout, stderr } = replica.proc.output();
          console.error(`replica ${'abc'[i]}:\n${kafkaLines(stdout + stderr)}`);
        }
        for (const [i, other] of [a, b].entries())
          console.error(`missing on ${'ab'[i]}: ${JSON.stringify(await missingOn(other.url))}`);
        console.error(`the topics and the nearline group:\n${await kafkaState()}`);
        throw err;
      }
    }
  });

  it('a replica restarted on its data dir reads the vectors produced since its snapshot, not the whole topic', async () => {
    const [a, , c] = replicas;
    if (c.proc.child.exitCode === null) c.proc.child.kill('SIGKILL'); // the test before killed it already
    await c.proc.exited;
    // Written while C is down, so after the snapshot C serves from its file: its vector must come from the topic.
    // (Not waited for in the call: C's partitions move to A and B only after the group's session timeout.)
    expect((await upsertJob(a.url, job('job-while-down', 'Kafka Co'), false)).errors).toBeUndefined();
    await expect.poll(() => hasEmbedding(a.url, 'job-while-down'), { timeout: 45_000, interval: 250 }).toBe(true);
    // One machine, one clock: no skew to allow for, so nothing produced before the snapshot's time is read.
    await start('c', { SKILLGRAPH_KAFKA_CLOCK_SKEW_MS: '0' });
    const { stdout, stderr } = replicas[2].proc.output();
    const lines = (stdout + stderr).split('\n').filter((l) => l.startsWith('{'));
    const reading = lines
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === 'kafka: reading the vectors produced since the served snapshot');
    expect(reading, kafkaLines(stdout + stderr)).toBeDefined();
    expect(reading.skipped).toBeGreaterThan(0);
    for (const id of ['job-kafka-2', 'job-while-down', ...Array.from({ length: 24 }, (_, i) => `job-stream-${i}`)])
      await expect.poll(() => hasEmbedding(replicas[2].url, id), { timeout: 30_000, interval: 250 }).toBe(true);
  });

  it('exactly one replica publishes the change feed (/metrics), and a write on another reaches it at once', async () => {
    const flag = async (url: string) =>
      (await (await fetch(`${url}/metrics`)).text()).match(/^skillgraph_kafka_publisher(?:\{[^}]*\})? (\d)/m)?.[1];
    const publishers = async () => (await Promise.all(replicas.map((r) => flag(r.url)))).join(',');
    // Right after C's restart the group may still be moving the partition: one of the three once it settled.
    await expect.poll(publishers, { timeout: 30_000, interval: 250 }).toMatch(/^(1,0,0|0,1,0|0,0,1)$/);
    const other = replicas[(await publishers()).split(',').indexOf('0')];
    // The publisher polls the store every 120 s here: only the writer's notice on `writes` gets the job published
    // within waitForEmbedding's 10 s.
    expect((await upsertJob(other.url, job('job-notice', 'Kafka Co'), true)).errors).toBeUndefined();
  });

  it('a broker restart: a write taken while Kafka was down reaches every replica once it is back', async () => {
    const port = Number(kafka.brokers.split(':').at(-1));
    kafka.process.kill('SIGKILL');
    await new Promise((r) => (kafka.process.exitCode === null ? kafka.process.once('exit', r) : r(null)));
    // The store takes the write; its vector cannot be published until the broker is back.
    const t0 = Date.now();
    expect((await upsertJob(replicas[0].url, job('job-outage', 'Kafka Co'), false)).errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 3000));
    kafka = await startKafka({ port, dataDir: path.join(root, 'kafka') });
    const back = Date.now();
    await servedEverywhere('job-outage');
    console.error(`kafka restart: down ${back - t0} ms, every replica served the job ${Date.now() - back} ms after`);
    // And writes flow as before.
    expect((await upsertJob(replicas[1].url, job('job-after-outage', 'Kafka Co'), true)).errors).toBeUndefined();
  }, 180_000);

  it('a feed trimmed past the publisher while the broker was down: every member and job is published again', async () => {
    const port = Number(kafka.brokers.split(':').at(-1));
    // Through the publisher (it kicks itself): a notice from another replica could not reach it while the broker is
    // down, and its poll of the store is set longer than this test's waits.
    const publishes = async (url: string) =>
      /^skillgraph_kafka_publisher(?:\{[^}]*\})? 1/m.test(await (await fetch(`${url}/metrics`)).text());
    const publisher = (await Promise.all(replicas.map((r) => publishes(r.url)))).indexOf(true);
    expect(publisher).toBeGreaterThanOrEqual(0);
    kafka.process.kill('SIGKILL');
    await new Promise((r) => (kafka.process.exitCode === null ? kafka.process.once('exit', r) : r(null)));
    expect((await upsertJob(replicas[publisher].url, job('job-trimmed', 'Kafka Co'), false)).errors).toBeUndefined();
    // Trimmed through its head by something that does not know the publisher's position (a replica started without
    // Kafka configured would do this): the job's events are gone before they were published.
    const store = await connectTestNeo4j();
    try {
      expect(await store.trimChanges(await store.lastSeq())).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
    kafka = await startKafka({ port, dataDir: path.join(root, 'kafka') });
    await servedEverywhere('job-trimmed');
    const said = replicas.filter((r) => {
      const { stdout, stderr } = r.proc.output();
      return /the change feed was trimmed past the published position/.test(stdout + stderr);
    });
    // The publisher that found the gap said so (once the broker is back the role may move, and a new publisher
    // that starts from the same recorded position finds it too).
    expect(said.length).toBeGreaterThanOrEqual(1);
    expect((await upsertJob(replicas[1].url, job('job-after-trim', 'Kafka Co'), true)).errors).toBeUndefined();
  }, 180_000);

  it('a broker list nobody answers on fails the start at once with the fix, a running one passes', async () => {
    await expect(checkKafka({ brokers: ['127.0.0.1:1'] })).rejects.toThrow(
      /Cannot use Kafka at 127\.0\.0\.1:1 .*SKILLGRAPH_KAFKA_BROKERS/,
    );
    await expect(checkKafka({ brokers: [kafka.brokers] })).resolves.toBeUndefined();
  });

  it('the topics carry the documented events and vectors', async () => {
    const client = new Kafka({ clientId: 'kafka-test', brokers: [kafka.brokers], logLevel: logLevel.NOTHING });
    const admin = client.admin();
    await admin.connect();
    try {
      const topics = await admin.fetchTopicMetadata({ topics: [`${prefix}changes`, `${prefix}embeddings`] });
      expect(topics.topics.map((t) => t.partitions.length)).toEqual([6, 6]);
      const consumer = client.consumer({ groupId: `kafka-test-${Date.now()}` });
      await consumer.connect();
      await consumer.subscribe({ topics: [`${prefix}changes`, `${prefix}embeddings`], fromBeginning: true });
      const seen: Record<string, Array<{ key: string; value: any }>> = { changes: [], embeddings: [] };
      await consumer.run({
        eachMessage: async ({ topic, message }) => {
          seen[topic.slice(prefix.length)].push({
            key: message.key!.toString(),
            value: JSON.parse(message.value!.toString()),
          });
        },
      });
      await expect
        .poll(
          () =>
            seen.embeddings.some((m) => m.key === 'Job/job-kafka-1') &&
            seen.changes.some((m) => m.key === 'Job/job-kafka-1'),
          { timeout: 20_000 },
        )
        .toBe(true);
      await consumer.disconnect();
      const event = seen.changes.find((m) => m.key === 'Job/job-kafka-1');
      expect(event?.value).toMatchObject({ kind: 'node.upsert', node: { label: 'Job', id: 'job-kafka-1' } });
      expect(event?.value.seq).toBeGreaterThan(0);
      const vector = seen.embeddings.find((m) => m.key === 'Job/job-kafka-1')!.value;
      expect(vector.seq).toBeGreaterThanOrEqual(event!.value.seq);
      expect(Buffer.from(vector.row.fused, 'base64').length % 4).toBe(0);
      // What matching filters on travels with the vector (replicas serve it without reading Neo4j).
      expect(vector.attrs).toMatchObject({ company: 'company:kafka-co', location: [], expiresAt: null });
    } finally {
      await admin.disconnect();
    }
  });
});
