/**
 * Export throughput: the three writers (NPY, JSONL, Parquet) on n × dim float32 rows.
 *
 *   npm run bench:export -- [--n 1000000] [--dim 128]
 *
 * This measures the writing path (chunks → files → manifest checksums); building the snapshot
 * (text features and inference over the graph) is the model's batch inference, measured by
 * bench:gnn.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileDigest, loadParquet, openWriter } from '../src/export/writers.ts';
import type { ExportFormat, ExportKind } from '../src/export/writers.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000000' },
    dim: { type: 'string', default: '128' },
    formats: { type: 'string', default: 'NPY,PARQUET,JSONL' },
  },
});
const n = Number(values.n);
const dim = Number(values.dim);
await loadParquet();
const vectors = new Float32Array(n * dim).map((_, i) => Math.sin(i));
const ids = Array.from({ length: n }, (_, i) => `member-${String(i).padStart(7, '0')}`);
const results: Record<string, unknown> = {};
for (const format of values.formats!.split(',') as ExportFormat[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-bench-export-'));
  const t0 = performance.now();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const writer = openWriter(format, dir, 'Member', ['FUSED'], new Map<ExportKind, number>([['FUSED', dim]]), n);
  for (let a = 0; a < n; a += 4096) {
    const b = Math.min(a + 4096, n);
    await writer.write({ ids: ids.slice(a, b), vectors: new Map([['FUSED', vectors.slice(a * dim, b * dim)]]) });
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const files = await writer.finish();
  peak = Math.max(peak, process.memoryUsage().rss);
  let bytes = 0;
  for (const f of files) bytes += (await fileDigest(path.join(dir, f))).bytes; // the manifest's checksum pass
  const s = (performance.now() - t0) / 1000;
  results[format] = {
    seconds: Number(s.toFixed(2)),
    rowsPerSecond: Math.round(n / s),
    mbPerSecond: Number((bytes / 2 ** 20 / s).toFixed(1)),
    // Memory the writer added while it ran (streamed writers stay near one chunk or row group).
    rssGrowthMb: Math.round((peak - rss0) / 2 ** 20),
    fileMB: Number((bytes / 2 ** 20).toFixed(1)),
  };
  console.log(
    `${format.padEnd(8)} ${n} × ${dim}: ${s.toFixed(2)} s, ${Math.round(n / s)} rows/s, ${(bytes / 2 ** 20 / s).toFixed(1)} MB/s (${(bytes / 2 ** 20).toFixed(0)} MB written)`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify({ bench: 'export', n, dim, results }));
