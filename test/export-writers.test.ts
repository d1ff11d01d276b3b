/** The export writers on their own: Parquet written row group by row group reads back whole and in order. */
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
    expect(await writer.finish()).toEqual(['job.parquet']);
    const table = arrow.tableFromIPC(pq.readParquet(fs.readFileSync(path.join(dir, 'job.parquet'))).intoIPCStream());
    expect(table.numRows).toBe(n);
    for (const row of [0, PARQUET_ROW_GROUP - 1, PARQUET_ROW_GROUP, n - 1]) {
      expect(table.getChild('id')!.get(row)).toBe(`job-${row}`);
      expect(Array.from(table.getChild('graph')!.get(row) as ArrayLike<number>)).toEqual(
        [0, 1, 2, 3].map((j) => row * dim + j),
      );
    }
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
      const writer = openWriter('PARQUET', dir, 'Member', ['GRAPH', 'FUSED'], dims, n);
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
      const files = await writer.finish();
      const manifest = {
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
      expect(out.files).toEqual([
        {
          file: 'member.parquet',
          rows: n,
          rowGroups: 2,
          schema: {
            id: 'string',
            graph: 'fixed_size_list<item: float not null>[3]',
            fused: 'fixed_size_list<item: float not null>[2]',
          },
          ids: ['member-0', `member-${n - 1}`],
          first: { graph: [0, 0.25, 0.5], fused: [-0, -1] },
          last: { graph: [...graph.subarray((n - 1) * 3)], fused: [...fused.subarray((n - 1) * 2)] },
        },
      ]);
      // A file that is not what the manifest says is reported.
      fs.appendFileSync(path.join(dir, 'member.parquet'), 'x');
      res = read();
      expect(res.status).toBe(1);
      expect(JSON.parse(res.stdout).problems[0]).toMatch(/member.parquet: \d+ bytes, the manifest says/);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );
});
