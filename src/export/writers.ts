/**
 * Embedding file formats: NPY (numpy's own format, version 1.0, little-endian float32, C order,
 * with the row ids alongside in a .ids.txt), JSONL (one object per node) and Parquet (parquet-wasm
 * over Apache Arrow: an id column and one fixed-size float32 list column per kind, zstd), written as a
 * Hive-partitioned dataset — `vectors/type=<Type>/part-00000.parquet`, a new part every `rowsPerFile` rows —
 * that Spark (`spark.read.parquet(dir + "/vectors")`) and Arrow (`pyarrow.dataset.dataset(...,
 * partitioning="hive")`) read as one table with a `type` column.
 * Each writer gets rows in chunks and returns the files it wrote.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as arrow from 'apache-arrow';

export type ExportFormat = 'PARQUET' | 'NPY' | 'JSONL';
export type ExportKind = 'TEXT' | 'GRAPH' | 'FUSED';

export interface Chunk {
  ids: string[];
  /** kind → rows × dim, row-major. */
  vectors: Map<ExportKind, Float32Array>;
}

export interface TypeWriter {
  /** Resolves once the chunk is handed on (Parquet: when the encoder is ready for more, so memory stays bounded). */
  write(chunk: Chunk): Promise<void>;
  /** Closes the files; returns their names (relative to the directory). */
  finish(): Promise<string[]>;
}

/** Rows per Parquet row group: each is encoded and written out as soon as it is full. */
export const PARQUET_ROW_GROUP = 16_384;
/** Rows per Parquet file unless an export says otherwise (~0.3–1.5 GB at this project's dimensions). */
export const PARQUET_ROWS_PER_FILE = 1_000_000;
/** The directory of an export that holds its Parquet dataset. */
export const PARQUET_DATASET = 'vectors';

/** The NPY v1.0 header for a float32 matrix of rows × dim. */
export function npyHeader(rows: number, dim: number): Buffer {
  const dict = `{'descr': '<f4', 'fortran_order': False, 'shape': (${rows}, ${dim}), }`;
  const unpadded = 10 + dict.length + 1;
  const padded = Math.ceil(unpadded / 64) * 64;
  const header = Buffer.alloc(padded, 0x20);
  header.write('\x93NUMPY', 0, 'latin1');
  header[6] = 1;
  header[7] = 0;
  header.writeUInt16LE(padded - 10, 8);
  header.write(dict, 10, 'latin1');
  header[padded - 1] = 0x0a;
  return header;
}

export function openWriter(
  format: ExportFormat,
  dir: string,
  type: string,
  kinds: ExportKind[],
  dims: Map<ExportKind, number>,
  rows: number,
  rowsPerFile = PARQUET_ROWS_PER_FILE,
): TypeWriter {
  const base = type.toLowerCase();
  if (format === 'NPY') {
    const files = kinds.map((k) => `${base}.${k.toLowerCase()}.npy`);
    const fds = files.map((f, i) => {
      const fd = fs.openSync(path.join(dir, f), 'w');
      fs.writeSync(fd, npyHeader(rows, dims.get(kinds[i])!));
      return fd;
    });
    const idsFile = `${base}.ids.txt`;
    const idsFd = fs.openSync(path.join(dir, idsFile), 'w');
    return {
      async write(chunk) {
        kinds.forEach((k, i) => {
          const v = chunk.vectors.get(k)!;
          fs.writeSync(fds[i], new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
        });
        fs.writeSync(idsFd, chunk.ids.map((id) => id.replace(/[\r\n]/g, ' ') + '\n').join(''));
      },
      async finish() {
        for (const fd of [...fds, idsFd]) {
          fs.fsyncSync(fd);
          fs.closeSync(fd);
        }
        return [...files, idsFile];
      },
    };
  }
  if (format === 'JSONL') {
    const file = `${base}.jsonl`;
    const fd = fs.openSync(path.join(dir, file), 'w');
    return {
      async write(chunk) {
        const lines = chunk.ids.map((id, r) => {
          const o: Record<string, unknown> = { id, type };
          for (const k of kinds) {
            const d = dims.get(k)!;
            o[k.toLowerCase()] = Array.from(chunk.vectors.get(k)!.subarray(r * d, (r + 1) * d));
          }
          return JSON.stringify(o);
        });
        fs.writeSync(fd, lines.join('\n') + '\n');
      },
      async finish() {
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        return [file];
      },
    };
  }
  return partitionedParquet(dir, type, kinds, dims, rowsPerFile);
}

/**
 * PARQUET: the type's partition of the export's dataset (`vectors/type=<Type>/`), a part file every
 * `rowsPerFile` rows (a chunk that crosses the boundary is split). A type without rows writes no file.
 */
function partitionedParquet(
  dir: string,
  type: string,
  kinds: ExportKind[],
  dims: Map<ExportKind, number>,
  rowsPerFile: number,
): TypeWriter {
  if (!Number.isInteger(rowsPerFile) || rowsPerFile < 1) throw new Error(`rowsPerFile must be a positive integer`);
  const partition = path.posix.join(PARQUET_DATASET, `type=${type}`);
  const files: string[] = [];
  let part: TypeWriter | null = null;
  let inPart = 0;
  return {
    async write(chunk) {
      for (let from = 0; from < chunk.ids.length;) {
        if (!part) {
          const file = path.posix.join(partition, `part-${String(files.length).padStart(5, '0')}.parquet`);
          fs.mkdirSync(path.join(dir, partition), { recursive: true });
          part = parquetFile(dir, file, kinds, dims);
          files.push(file);
          inPart = 0;
        }
        const to = Math.min(chunk.ids.length, from + rowsPerFile - inPart);
        await part.write(sliceChunk(chunk, from, to, kinds, dims));
        inPart += to - from;
        from = to;
        if (inPart === rowsPerFile) {
          await part.finish();
          part = null;
        }
      }
    },
    async finish() {
      if (part) await part.finish();
      part = null;
      return files;
    },
  };
}

/** Rows [from, to) of a chunk (views, not copies). */
function sliceChunk(chunk: Chunk, from: number, to: number, kinds: ExportKind[], dims: Map<ExportKind, number>) {
  if (from === 0 && to === chunk.ids.length) return chunk;
  const vectors = new Map<ExportKind, Float32Array>();
  for (const k of kinds) vectors.set(k, chunk.vectors.get(k)!.subarray(from * dims.get(k)!, to * dims.get(k)!));
  return { ids: chunk.ids.slice(from, to), vectors };
}

/**
 * One Parquet file, streamed: each chunk becomes Arrow record batches fed to parquet-wasm's stream encoder, which
 * writes a row group out every PARQUET_ROW_GROUP rows instead of building the whole file in memory
 * (bench:export: 300k × 128 grew RSS by ~220–300 MB, against ~730 MB when the table was built whole).
 */
function parquetFile(dir: string, file: string, kinds: ExportKind[], dims: Map<ExportKind, number>): TypeWriter {
  const pq = parquetModule();
  const fd = fs.openSync(path.join(dir, file), 'w');
  let controller!: ReadableStreamDefaultController<unknown>;
  let ready: (() => void) | null = null;
  const input = new ReadableStream<unknown>(
    {
      start: (c) => void (controller = c),
      pull: () => {
        ready?.();
        ready = null;
      },
    },
    { highWaterMark: 2 },
  );
  const props = new pq.WriterPropertiesBuilder()
    .setCompression(pq.Compression.ZSTD)
    .setMaxRowGroupSize(PARQUET_ROW_GROUP)
    .build();
  const written = (async () => {
    const out = (await pq.transformParquetStream(input, props)) as ReadableStream<Uint8Array>;
    for await (const bytes of out as unknown as AsyncIterable<Uint8Array>) fs.writeSync(fd, bytes);
  })();
  written.catch(() => undefined); // awaited in finish(); a failure must not go unhandled meanwhile
  return {
    async write(chunk) {
      const columns: Record<string, arrow.Vector> = { id: arrow.vectorFromArray(chunk.ids, new arrow.Utf8()) };
      for (const k of kinds) {
        const d = dims.get(k)!;
        const values = arrow.makeData({
          type: new arrow.Float32(),
          length: chunk.ids.length * d,
          data: chunk.vectors.get(k)!,
        });
        columns[k.toLowerCase()] = arrow.makeVector(
          arrow.makeData({
            type: new arrow.FixedSizeList(d, new arrow.Field('item', new arrow.Float32(), false)),
            length: chunk.ids.length,
            nullCount: 0,
            child: values,
          }),
        );
      }
      const table = pq.Table.fromIPCStream(arrow.tableToIPC(new arrow.Table(columns), 'stream'));
      for (const batch of table.recordBatches()) controller.enqueue(batch);
      // Backpressure: wait until the encoder has taken what is queued.
      if ((controller.desiredSize ?? 1) <= 0) await new Promise<void>((r) => (ready = r));
    },
    async finish() {
      controller.close();
      try {
        await written;
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      return [file];
    },
  };
}

type ParquetWasm = typeof import('parquet-wasm/node');
let pqModule: ParquetWasm | undefined;
/** parquet-wasm's Node build, loaded on first use (it instantiates a WASM module). */
export function parquetModule(): ParquetWasm {
  if (!pqModule) throw new Error('call loadParquet() first');
  return pqModule;
}
export async function loadParquet(): Promise<ParquetWasm> {
  pqModule ??= await import('parquet-wasm/node');
  return pqModule;
}

/** sha256 and size of a file, streamed (exports can be larger than one Buffer). */
export async function fileDigest(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 22 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
