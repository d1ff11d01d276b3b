/**
 * Embedding export jobs over HTTP: NPY read by numpy (Debian python3-numpy) equal to the API's
 * vectors, JSONL, Parquet read back, manifest checksums, no partial files, cancellation,
 * destinations kept inside the export root, and a job interrupted by a stop finished after restart.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as arrow from 'apache-arrow';
import { loadConfig } from '../src/config.ts';
import { loadParquet } from '../src/export/writers.ts';
import { startService } from '../src/service.ts';
import type { RunningService } from '../src/service.ts';
import { KEYS } from './support/service.ts';

const hasNumpy = (() => {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import numpy']);
    return true;
  } catch {
    return false;
  }
})();
if (!hasNumpy && process.env.CI === 'true')
  throw new Error('CI needs python3-numpy for the NPY check (apt-get install python3-numpy).');

describe('embedding export jobs', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-export-'));
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    SKILLGRAPH_DATA_DIR: dataDir,
    SKILLGRAPH_LOG_REQUESTS: 'false',
    SKILLGRAPH_SEED_MEMBERS: '100',
    SKILLGRAPH_SEED_JOBS: '50',
    SKILLGRAPH_API_KEYS: Object.entries(KEYS)
      .map(([role, key]) => `${key}:${role}`)
      .join(','),
  });
  let svc: RunningService;
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${svc.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.admin}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  };
  /** Every node's text vector as JSONL: the longest job these tests start. */
  const EVERY_TEXT_VECTOR = {
    nodeTypes: ['MEMBER', 'JOB', 'SKILL', 'TITLE', 'COMPANY', 'LOCATION', 'OCCUPATION'],
    kinds: ['TEXT'],
    format: 'JSONL',
  };
  const JOB =
    'id status progress rows totalRows error directory embeddingVersion format nodeTypes kinds position base rowsPerFile';
  const start = (input: Record<string, unknown>) =>
    gql(`mutation($i: EmbeddingExportInput!) { startEmbeddingExport(input: $i) { ${JOB} } }`, { i: input });
  const finished = async (id: string) => {
    for (let i = 0; i < 600; i++) {
      const job = (await gql(`query($id: ID!) { exportJob(id: $id) { ${JOB} } }`, { id })).data.exportJob;
      if (!['QUEUED', 'RUNNING'].includes(job.status)) return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('export did not finish');
  };

  beforeAll(async () => {
    svc = await startService(config);
  }, 300_000);
  afterAll(async () => {
    await svc?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes NPY that numpy reads, equal to the vectors the API serves, with a manifest of checksums', async () => {
    const res = await start({
      nodeTypes: ['MEMBER', 'JOB'],
      kinds: ['GRAPH', 'FUSED'],
      format: 'NPY',
      destination: 'npy-1',
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.startEmbeddingExport.status).toBe('QUEUED');
    const job = await finished(res.data.startEmbeddingExport.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', progress: 1, rows: 150, totalRows: 150, format: 'NPY' });
    const dir = job.directory;
    expect(fs.readdirSync(dir).sort()).toEqual([
      'job.fused.npy',
      'job.graph.npy',
      'job.ids.txt',
      'manifest.json',
      'member.fused.npy',
      'member.graph.npy',
      'member.ids.txt',
    ]);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      embeddingVersion: job.embeddingVersion,
      counts: { Member: 100, Job: 50 },
      schema: { graph: 'float32[128]' },
    });
    for (const f of manifest.files)
      expect(
        crypto
          .createHash('sha256')
          .update(fs.readFileSync(path.join(dir, f.name)))
          .digest('hex'),
      ).toBe(f.sha256);
    const ids = fs.readFileSync(path.join(dir, 'member.ids.txt'), 'utf8').trim().split('\n');
    const row = ids.indexOf('member-000001');
    const api = (await gql('{ member(id: "member-000001") { graphEmbedding { version vector } } }')).data.member
      .graphEmbedding;
    expect(job.embeddingVersion).toContain(api.version);
    if (hasNumpy) {
      const out = execFileSync(
        '/usr/bin/python3',
        [
          '-c',
          `import numpy, json, sys; a = numpy.load(sys.argv[1]); print(json.dumps({"shape": list(a.shape), "dtype": str(a.dtype), "row": a[${row}].tolist()}))`,
          path.join(dir, 'member.graph.npy'),
        ],
        { encoding: 'utf8' },
      );
      const parsed = JSON.parse(out);
      expect(parsed.shape).toEqual([100, 128]);
      expect(parsed.dtype).toBe('float32');
      parsed.row.forEach((x: number, j: number) => expect(Math.abs(x - api.vector[j])).toBeLessThan(1e-6));
    }
  });

  it('writes JSONL and Parquet with the same rows', async () => {
    const j = await finished(
      (await start({ nodeTypes: ['JOB'], kinds: ['FUSED', 'TEXT'], format: 'JSONL', destination: 'jsonl-1' })).data
        .startEmbeddingExport.id,
    );
    const lines = fs
      .readFileSync(path.join(j.directory, 'job.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(50);
    expect(j.rowsPerFile).toBeNull();
    expect(lines[0]).toMatchObject({ id: 'job-000001', type: 'Job' });
    expect(lines[0].fused).toHaveLength(192);
    // Parquet: a dataset of one partition per type, a part file every rowsPerFile rows.
    const p = await finished(
      (
        await start({
          nodeTypes: ['MEMBER', 'JOB'],
          kinds: ['FUSED'],
          format: 'PARQUET',
          destination: 'parquet-1',
          rowsPerFile: 40,
        })
      ).data.startEmbeddingExport.id,
    );
    expect(p.status, p.error).toBe('SUCCEEDED');
    expect(p.rowsPerFile).toBe(40);
    const manifest = JSON.parse(fs.readFileSync(path.join(p.directory, 'manifest.json'), 'utf8'));
    const parts = ['Member/part-00000', 'Member/part-00001', 'Member/part-00002', 'Job/part-00000', 'Job/part-00001'];
    expect(manifest.files.map((f: { name: string }) => f.name)).toEqual(parts.map((f) => `vectors/type=${f}.parquet`));
    expect(manifest.dataset).toEqual({ path: 'vectors', partitioning: 'hive', rowsPerFile: 40 });
    expect(fs.readdirSync(p.directory).sort()).toEqual(['manifest.json', 'vectors']);
    const pq = await loadParquet();
    const read = (part: string) =>
      arrow.tableFromIPC(
        pq.readParquet(fs.readFileSync(path.join(p.directory, `vectors/type=${part}.parquet`))).intoIPCStream(),
      );
    expect(parts.map((f) => read(f).numRows)).toEqual([40, 40, 20, 40, 10]);
    const table = read('Job/part-00000');
    expect(table.getChild('id')!.get(0)).toBe('job-000001');
    const first = Array.from(table.getChild('fused')!.get(0) as ArrayLike<number>);
    first.forEach((x, i) => expect(x).toBeCloseTo(lines[0].fused[i], 6));
    expect(read('Job/part-00001').getChild('id')!.get(9)).toBe(lines[49].id);
  });

  it('refuses bad input, destinations outside the root and reused destinations', async () => {
    for (const [format, rowsPerFile, message] of [
      ['NPY', 10, /PARQUET only/],
      ['PARQUET', 0, /positive integer/],
    ] as const) {
      const res = await start({ nodeTypes: ['JOB'], kinds: ['GRAPH'], format, destination: 'parts-x', rowsPerFile });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(message);
    }
    expect(
      (await start({ nodeTypes: ['MEMBER'], kinds: ['GRAPH'], format: 'NPY', destination: '../../etc' })).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await start({ nodeTypes: ['MEMBER'], kinds: ['GRAPH'], format: 'NPY', destination: 'npy-1' })).errors?.[0]
        ?.extensions?.code,
    ).toBe('CONFLICT');
    expect(
      (await start({ nodeTypes: ['SKILL'], kinds: ['FUSED'], format: 'NPY', destination: 'x' })).errors?.[0]?.extensions
        ?.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await start({ nodeTypes: ['MEMBER'], kinds: ['GRAPH'], format: 'NPY', destination: 'x', version: 'nope' }))
        .errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
  });

  it('refuses control characters and symbolic links in destinations; a failed write ends FAILED and leaves nothing', async () => {
    const nul = await start({ nodeTypes: ['MEMBER'], kinds: ['GRAPH'], format: 'NPY', destination: 'bad\u0000name' });
    expect(nul.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // A link inside the root that points outside it, as the destination or on the way to it.
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-outside-'));
    fs.mkdirSync(config.exportDir, { recursive: true });
    fs.symlinkSync(outside, path.join(config.exportDir, 'escape'));
    for (const destination of ['escape', 'escape/deeper'])
      expect(
        (await start({ nodeTypes: ['MEMBER'], kinds: ['GRAPH'], format: 'NPY', destination })).errors?.[0]?.extensions
          ?.code,
      ).toBe('FORBIDDEN');
    expect(fs.readdirSync(outside)).toEqual([]);
    fs.rmSync(outside, { recursive: true });
    // The move into place fails (a directory sits where a file goes): FAILED with the error, no partial files.
    fs.mkdirSync(path.join(config.exportDir, 'blocked', 'member.graph.npy', 'x'), { recursive: true });
    const job = (await start({ nodeTypes: ['MEMBER'], kinds: ['GRAPH'], format: 'NPY', destination: 'blocked' })).data
      .startEmbeddingExport;
    const failed = await finished(job.id);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/member\.graph\.npy/);
    expect(fs.readdirSync(path.join(config.exportDir, 'blocked'))).toEqual(['member.graph.npy']);
  });

  it('cancels a running job; the directory it created is gone', async () => {
    const job = (
      await start({
        ...EVERY_TEXT_VECTOR,
        destination: 'cancel-running/nested',
      })
    ).data.startEmbeddingExport;
    for (let i = 0; i < 600; i++) {
      const now = (await gql(`query($id: ID!) { exportJob(id: $id) { status } }`, { id: job.id })).data.exportJob;
      if (now.status !== 'QUEUED') break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const c = await gql(`mutation($id: ID!) { cancelEmbeddingExport(id: $id) { status } }`, { id: job.id });
    // Either the cancel landed while it ran (then nothing is left), or the job had already finished.
    if (c.data?.cancelEmbeddingExport.status === 'CANCELLED') {
      expect((await finished(job.id)).status).toBe('CANCELLED');
      expect(fs.existsSync(path.join(config.exportDir, 'cancel-running'))).toBe(false);
    } else {
      expect(c.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect((await finished(job.id)).status).toBe('SUCCEEDED');
    }
  });

  it('cancels a queued job; its destination holds nothing', async () => {
    const a = (
      await start({
        ...EVERY_TEXT_VECTOR,
        destination: 'big',
      })
    ).data.startEmbeddingExport;
    const b = (await start({ nodeTypes: ['MEMBER'], kinds: ['GRAPH'], format: 'NPY', destination: 'cancelled' })).data
      .startEmbeddingExport;
    const c = await gql(`mutation($id: ID!) { cancelEmbeddingExport(id: $id) { status } }`, { id: b.id });
    expect(c.data.cancelEmbeddingExport.status).toBe('CANCELLED');
    expect((await finished(a.id)).status).toBe('SUCCEEDED');
    expect((await finished(b.id)).status).toBe('CANCELLED');
    expect(fs.existsSync(path.join(config.exportDir, 'cancelled', 'manifest.json'))).toBe(false);
    expect(
      (await gql(`mutation($id: ID!) { cancelEmbeddingExport(id: $id) { status } }`, { id: a.id })).errors?.[0]
        ?.extensions?.code,
    ).toBe('CONFLICT');
  });

  it('serves fresh embeddings: a job added since activation is in graphEmbedding, matching and exports, also after useModel re-activates the same version', async () => {
    const up = await gql('mutation($i: JobInput!) { upsertJob(input: $i, waitForEmbedding: true) { created } }', {
      i: {
        id: 'job-fresh-1',
        title: 'Wind turbine technician',
        company: 'Fresh Wind',
        description: 'Requirements\n- Working at height\n- Electrical troubleshooting',
      },
    });
    expect(up.errors).toBeUndefined();
    const embedding = async () =>
      (await gql('{ job(id: "job-fresh-1") { graphEmbedding { version vector } } }')).data.job.graphEmbedding;
    const matched = async () =>
      (
        await gql(
          '{ matchJobs(memberId: "member-000001", first: 10, filter: { companyId: "company:fresh-wind" }) { edges { node { job { id } } } } }',
        )
      ).data.matchJobs.edges.map((e: { node: { job: { id: string } } }) => e.node.job.id);
    const before = await embedding();
    expect(before?.vector).toHaveLength(128);
    expect(await matched()).toEqual(['job-fresh-1']);

    // Re-activating the version already served keeps what the nearline refresh computed since.
    const active = (await gql('{ models { version active } }')).data.models.find(
      (m: { active: boolean }) => m.active,
    ).version;
    expect((await gql('mutation($v: ID) { useModel(version: $v) { version } }', { v: active })).errors).toBeUndefined();
    expect(await matched()).toEqual(['job-fresh-1']);
    expect((await embedding()).vector).toEqual(before.vector);

    // Exports of the active version hold it too, with the vector the API serves.
    const j = await finished(
      (await start({ nodeTypes: ['JOB'], kinds: ['GRAPH'], format: 'JSONL', destination: 'fresh-1' })).data
        .startEmbeddingExport.id,
    );
    expect(j.status).toBe('SUCCEEDED');
    const rows = fs
      .readFileSync(path.join(j.directory, 'job.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const row = rows.find((r: { id: string }) => r.id === 'job-fresh-1');
    expect(row).toBeDefined();
    row.graph.forEach((x: number, i: number) => expect(Math.abs(x - before.vector[i])).toBeLessThan(1e-6));
    expect(JSON.parse(fs.readFileSync(path.join(j.directory, 'manifest.json'), 'utf8')).counts.Job).toBe(rows.length);

    // A deleted job leaves matching and the next export.
    expect((await gql('mutation { deleteJob(id: "job-fresh-1") }')).errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 500));
    expect(await matched()).toEqual([]);
    const k = await finished(
      (await start({ nodeTypes: ['JOB'], kinds: ['GRAPH'], format: 'JSONL', destination: 'fresh-2' })).data
        .startEmbeddingExport.id,
    );
    expect(fs.readFileSync(path.join(k.directory, 'job.jsonl'), 'utf8')).not.toContain('job-fresh-1');

    // Incremental from the first export: only what changed after it, and the deletion.
    const more = await gql('mutation($i: JobInput!) { upsertJob(input: $i, waitForEmbedding: true) { created } }', {
      i: { id: 'job-fresh-2', title: 'Electrician', company: 'Fresh Wind', description: 'Requirements\n- Wiring' },
    });
    expect(more.errors).toBeUndefined();
    const first = (await gql(`query($id: ID!) { exportJob(id: $id) { position } }`, { id: j.id })).data.exportJob;
    expect(first.position).toBeGreaterThan(0);
    const inc = await finished(
      (
        await start({
          nodeTypes: ['JOB'],
          kinds: ['GRAPH'],
          format: 'JSONL',
          destination: 'fresh-inc-1',
          base: j.id,
        })
      ).data.startEmbeddingExport.id,
    );
    expect(inc.status).toBe('SUCCEEDED');
    const changed = fs
      .readFileSync(path.join(inc.directory, 'job.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    expect(changed).toEqual(['job-fresh-2']);
    expect(fs.readFileSync(path.join(inc.directory, 'job.deleted.txt'), 'utf8')).toBe('job-fresh-1\n');
    const incManifest = JSON.parse(fs.readFileSync(path.join(inc.directory, 'manifest.json'), 'utf8'));
    expect(incManifest).toMatchObject({ incremental: { base: j.id, since: first.position }, deleted: { Job: 1 } });
    expect(incManifest.position).toBeGreaterThan(first.position);
    // A position works as a base too; one before the activation does not.
    const byPosition = await start({
      nodeTypes: ['JOB'],
      kinds: ['GRAPH'],
      format: 'NPY',
      destination: 'fresh-inc-2',
      base: String(first.position),
    });
    expect((await finished(byPosition.data.startEmbeddingExport.id)).status).toBe('SUCCEEDED');
    const early = await start({ nodeTypes: ['JOB'], kinds: ['GRAPH'], format: 'NPY', destination: 'x', base: '0' });
    expect(early.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringMatching(/run a full export/),
    });
  });

  it('finishes a job interrupted by a stop when the service starts again', async () => {
    await svc.close();
    // What a stop mid-export leaves: a RUNNING record and a partial directory.
    const id = 'exp-interrupted-1';
    const now = new Date().toISOString();
    const version = JSON.parse(
      fs.readFileSync(path.join(dataDir, 'exports', fs.readdirSync(path.join(dataDir, 'exports'))[0]), 'utf8'),
    ).input.version;
    fs.writeFileSync(
      path.join(dataDir, 'exports', `${id}.json`),
      JSON.stringify({
        id,
        status: 'RUNNING',
        input: { nodeTypes: ['Member'], kinds: ['GRAPH'], format: 'NPY', destination: 'resumed', version },
        progress: 0.5,
        rows: 50,
        totalRows: 100,
        error: null,
        createdAt: now,
        updatedAt: now,
        directory: null,
        embeddingVersion: null,
      }),
    );
    fs.mkdirSync(path.join(config.exportDir, 'resumed', `.partial-${id}`), { recursive: true });
    fs.writeFileSync(path.join(config.exportDir, 'resumed', `.partial-${id}`, 'member.graph.npy'), 'half');
    svc = await startService(config);
    const job = await finished(id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', rows: 100 });
    expect(fs.readdirSync(path.join(config.exportDir, 'resumed')).sort()).toEqual([
      'manifest.json',
      'member.graph.npy',
      'member.ids.txt',
    ]);
  }, 300_000);
});
