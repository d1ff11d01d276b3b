/** The export writers on their own: Parquet written row group by row group reads back whole and in order. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { PARQUET_ROW_GROUP, loadParquet, openWriter } from '../src/export/writers.ts';
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
});
