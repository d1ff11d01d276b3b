/**
 * The export writers on their own: Parquet written row group by row group, a part file every rowsPerFile rows,
 * reads back whole and in order — by parquet-wasm, and by pyarrow as one Hive-partitioned dataset.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { PARQUET_ROW_GROUP, fileDigest, loadParquet, openWriter } from '../src/export/writers.ts';
import type { ExportKind } from '../src/export/writers.ts';

describe('the streamed Parquet writer', () => {
  it('writes more rows than one row group, in chunks, and reads back every row in order', async () => {
    const pq = await loadParquet();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-parquet-'));
    const n = PARQUET_ROW_GROUP * 2 + 1234;
    const dim = 4;
    const writer = openWriter('PARQUET', dir, 'Job', ['GRAPH'], new Map<ExportKind, number>([['GRAPH', dim]]), n);
    for (let a = 0; a < n; a += 3000) {
      const b = Math.min(a + 3000, n);
      const ids = Array.from({ length: b - a }, (_, i) => `job-${a + i}`);
      const vectors = Float32Array.from({ length: (b - a) * dim }, (_, i) => a * dim + i);
      await writer.write({ ids, vectors: new Map([['GRAPH', vectors]]) });
    }
    expect(await writer.finish()).toEqual(['vectors/type=Job/part-00000.parquet']);
    const table = arrow.tableFromIPC(
      pq.readParquet(fs.readFileSync(path.join(dir, 'vectors/type=Job/part-00000.parquet'))).intoIPCStream(),
    );
    expect(table.numRows).toBe(n);
    for (const row of [0, PARQUET_ROW_GROUP - 1, PARQUET_ROW_GROUP, n - 1]) {
      expect(table.getChild('id')!.get(row)).toBe(`job-${row}`);
      expect(Array.from(table.getChild('graph')!.get(row) as ArrayLike<number>)).toEqual(
        [0, 1, 2, 3].map((j) => row * dim + j),
      );
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts a new part file every rowsPerFile rows, splitting chunks that cross the boundary', async () => {
    const pq = await loadParquet();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-parquet-parts-'));
    const dims = new Map<ExportKind, number>([['TEXT', 2]]);
    const writer = openWriter('PARQUET', dir, 'Skill', ['TEXT'], dims, 25, 10);
    for (const [a, b] of [
      [0, 7],
      [7, 20],
      [20, 25],
    ]) {
      const ids = Array.from({ length: b - a }, (_, i) => `skill-${a + i}`);
      await writer.write({
        ids,
        vectors: new Map([['TEXT', Float32Array.from({ length: (b - a) * 2 }, (_, i) => a * 2 + i)]]),
      });
    }
    const files = await writer.finish();
    expect(files).toEqual([0, 1, 2].map((i) => `vectors/type=Skill/part-0000${i}.parquet`));
    const read = files.map((f) =>
      arrow.tableFromIPC(pq.readParquet(fs.readFileSync(path.join(dir, f))).intoIPCStream()),
    );
    expect(read.map((t) => t.numRows)).toEqual([10, 10, 5]);
    const ids = read.flatMap((t) => [...t.getChild('id')!].map(String));
    expect(ids).toEqual(Array.from({ length: 25 }, (_, i) => `skill-${i}`));
    expect(Array.from(read[1].getChild('text')!.get(0) as ArrayLike<number>)).toEqual([20, 21]);
    // A type without rows writes no file.
    const empty = openWriter('PARQUET', dir, 'Title', ['TEXT'], dims, 0, 10);
    expect(await empty.finish()).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // pyarrow, as a Spark or Arrow job reads the export: SKILLGRAPH_PYTHON (CI installs pyarrow into a venv from a
  // local wheel mirror when it has one) or python3.
  const python = process.env.SKILLGRAPH_PYTHON ?? 'python3';
  const pyarrow = spawnSync(python, ['-c', 'import pyarrow'], { encoding: 'utf8' }).status === 0;
  if (!pyarrow) console.warn(`SKIPPED: pyarrow is not importable by ${python}; scripts/read_export.py is not tested.`);
  it.skipIf(!pyarrow)(
    'is read by pyarrow (scripts/read_export.py): rows, row groups, vectors, manifest sums',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-pyarrow-'));
      const n = PARQUET_ROW_GROUP + 10;
      const dims = new Map<ExportKind, number>([
        ['GRAPH', 3],
        ['FUSED', 2],
      ]);
      // Members in two part files (the first of two row groups), jobs in one: one dataset of two partitions.
      const writer = openWriter('PARQUET', dir, 'Member', ['GRAPH', 'FUSED'], dims, n, n - 5);
      const ids = Array.from({ length: n }, (_, i) => `member-${i}`);
      const graph = Float32Array.from({ length: n * 3 }, (_, i) => i / 4);
      const fused = Float32Array.from({ length: n * 2 }, (_, i) => -i);
      await writer.write({
        ids,
        vectors: new Map([
          ['GRAPH', graph],
          ['FUSED', fused],
        ]),
      });
      const jobs = openWriter('PARQUET', dir, 'Job', ['GRAPH', 'FUSED'], dims, 3, n - 5);
      await jobs.write({
        ids: ['job-a', 'job-b', 'job-c'],
        vectors: new Map([
          ['GRAPH', new Float32Array(9).fill(1)],
          ['FUSED', new Float32Array(6).fill(2)],
        ]),
      });
      const files = [...(await writer.finish()), ...(await jobs.finish())];
      const manifest = {
        counts: { Member: n, Job: 3 },
        embeddingVersion: 'v-test',
        position: 42,
        files: await Promise.all(files.map(async (f) => ({ name: f, ...(await fileDigest(path.join(dir, f))) }))),
      };
      fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
      const read = () => spawnSync(python, ['scripts/read_export.py', dir, '--json'], { encoding: 'utf8' });
      let res = read();
      expect(res.stderr).toBe('');
      expect(res.status).toBe(0);
      const out = JSON.parse(res.stdout);
      expect(out).toMatchObject({ version: 'v-test', position: 42, problems: [] });
      const row = (i: number) => ({
        graph: [...graph.subarray(i * 3, (i + 1) * 3)],
        fused: [...fused.subarray(i * 2, (i + 1) * 2)],
      });
      const schema = {
        id: 'string',
        graph: 'fixed_size_list<item: float not null>[3]',
        fused: 'fixed_size_list<item: float not null>[2]',
      };
      // As Spark or Arrow reads vectors/: one table, a type column from the partitions.
      expect(out.dataset).toEqual({ rows: n + 3, types: { Member: n, Job: 3 }, schema: { ...schema, type: 'string' } });
      expect(out.files).toEqual([
        {
          file: 'vectors/type=Job/part-00000.parquet',
          rows: 3,
          rowGroups: 1,
          schema,
          ids: ['job-a', 'job-c'],
          first: { graph: [1, 1, 1], fused: [2, 2] },
          last: { graph: [1, 1, 1], fused: [2, 2] },
        },
        {
          file: 'vectors/type=Member/part-00000.parquet',
          rows: n - 5,
          rowGroups: 2,
          schema,
          ids: ['member-0', `member-${n - 6}`],
          first: { graph: [0, 0.25, 0.5], fused: [-0, -1] },
          last: row(n - 6),
        },
        {
          file: 'vectors/type=Member/part-00001.parquet',
          rows: 5,
          rowGroups: 1,
          schema,
          ids: [`member-${n - 5}`, `member-${n - 1}`],
          first: row(n - 5),
          last: row(n - 1),
        },
      ]);
      // A manifest count the dataset does not have is reported.
      fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, counts: { Member: n, Job: 4 } }));
      res = read();
      expect(res.status).toBe(1);
      expect(JSON.parse(res.stdout).problems).toEqual(['vectors/type=Job: 3 rows, the manifest says 4']);
      // A file that is not what the manifest says is reported.
      fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
      fs.appendFileSync(path.join(dir, 'vectors/type=Member/part-00001.parquet'), 'x');
      res = read();
      expect(res.status).toBe(1);
      expect(JSON.parse(res.stdout).problems[0]).toMatch(/part-00001.parquet: \d+ bytes, the manifest says/);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );
});
