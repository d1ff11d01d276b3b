/**
 * Embedding export jobs: write one consistent embedding version — one model version run over one
 * graph snapshot (GraphEmbeddings.snapshot), never a mix — to files with a manifest.
 *
 * A job record lives in `<data dir>/exports/<id>.json` (status QUEUED → RUNNING → SUCCEEDED |
 * FAILED | CANCELLED, progress, rows, error). Files are written into a hidden
 * `<destination>/.partial-<id>/` and moved into `<destination>/` only when complete, manifest.json
 * last (schema, counts, version, sha256 of every file); so partial files never look complete. A
 * job found QUEUED or RUNNING at start-up (the process stopped mid-way) is restarted from scratch.
 * Destinations are directories under the export root (SKILLGRAPH_EXPORT_DIR).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { GNN_TYPES } from '../../gnn/index.ts';
import { embeddingVersionOf } from '../../gnn/index.ts';
import type { GnnType } from '../../gnn/index.ts';
import type { GraphEmbeddings, ServedRow, Snapshot } from '../embeddings/graph-embeddings.ts';
import { DomainError } from '../errors.ts';
import { PARQUET_DATASET, PARQUET_ROWS_PER_FILE, fileDigest, loadParquet, openWriter } from './writers.ts';
import type { ExportFormat, ExportKind } from './writers.ts';

export type ExportStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
export interface ExportInput {
  nodeTypes: GnnType[];
  kinds: ExportKind[];
  /** A model version; the active one when absent. */
  version?: string | null;
  format: ExportFormat;
  /** A directory relative to the export root. */
  destination: string;
  /**
   * Incremental: only what changed in the served state after this base — a previous export's id (of the same
   * version) or a change-feed position — with deletion markers. Resolved to `since` when the job is checked.
   */
  base?: string | null;
  /** The base's change-feed position (set by check()). */
  since?: number | null;
  /** PARQUET: rows per part file of a type's partition (PARQUET_ROWS_PER_FILE when absent). */
  rowsPerFile?: number | null;
}
export interface ExportJob {
  id: string;
  status: ExportStatus;
  input: ExportInput;
  /** 0 to 1. */
  progress: number;
  rows: number;
  totalRows: number | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  /** The directory the files are in, once SUCCEEDED. */
  directory: string | null;
  embeddingVersion: string | null;
  /** The change-feed position of the served state it wrote (once SUCCEEDED): a later export's base. */
  position?: number | null;
}

const CHUNK = 4096;
const KINDS: ExportKind[] = ['TEXT', 'GRAPH', 'FUSED'];
/** The most part files one type's partition may take (a smaller rowsPerFile is refused when the job runs). */
const MAX_PARTS = 10_000;

export class ExportJobs {
  private readonly cancelled = new Set<string>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    readonly root: string,
    private readonly embeddings: GraphEmbeddings,
    private readonly log: (msg: string, fields?: Record<string, unknown>) => void = () => {},
    /**
     * The nearline refresh's settle (Nearline.settle): an export of the served version waits for it, so every
     * write acknowledged before the export started is in it and its position says so.
     */
    private readonly settle?: () => Promise<number>,
  ) {}

  private get dir(): string {
    return path.join(this.dataDir, 'exports');
  }

  /** Restarts the jobs a previous process left QUEUED or RUNNING. */
  resumeInterrupted(): void {
    for (const job of this.list()) {
      if (job.status !== 'QUEUED' && job.status !== 'RUNNING') continue;
      this.log('restarting an interrupted export', { id: job.id, was: job.status });
      this.save({ ...job, status: 'QUEUED', progress: 0, rows: 0 });
      this.enqueue(job.id);
    }
  }

  /** Validates, records and queues a job; returns it QUEUED. */
  start(input: ExportInput): ExportJob {
    const checked = this.check(input);
    const now = new Date().toISOString();
    const job: ExportJob = {
      id: `exp-${Date.now().toString(36)}-${crypto.randomBytes(3).toString('hex')}`,
      status: 'QUEUED',
      input: checked,
      progress: 0,
      rows: 0,
      totalRows: null,
      error: null,
      createdAt: now,
      updatedAt: now,
      directory: null,
      embeddingVersion: null,
    };
    this.save(job);
    this.enqueue(job.id);
    return job;
  }

  get(id: string): ExportJob | null {
    const file = path.join(this.dir, `${path.basename(id)}.json`);
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ExportJob) : null;
  }

  list(): ExportJob[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(this.dir, f), 'utf8')) as ExportJob)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** Cancels a queued or running job (its partial files are removed). */
  cancel(id: string): ExportJob {
    const job = this.get(id);
    if (!job) throw new DomainError('NOT_FOUND', `No export job "${id}".`);
    if (job.status !== 'QUEUED' && job.status !== 'RUNNING')
      throw new DomainError('CONFLICT', `Export ${id} is ${job.status}; only QUEUED or RUNNING jobs can be cancelled.`);
    this.cancelled.add(id);
    return this.save({ ...job, status: 'CANCELLED' });
  }

  /** Resolves when every queued job has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  private enqueue(id: string): void {
    // One export at a time: each reads the whole snapshot.
    this.queue = this.queue.then(() => this.run(id)).catch(() => undefined);
  }

  private check(input: ExportInput): ExportInput {
    if (!input.nodeTypes?.length)
      throw new DomainError('BAD_USER_INPUT', `nodeTypes must name at least one of ${GNN_TYPES.join(', ')}.`);
    for (const t of input.nodeTypes)
      if (!(GNN_TYPES as readonly string[]).includes(t))
        throw new DomainError('BAD_USER_INPUT', `Unknown node type "${t}"; expected ${GNN_TYPES.join(', ')}.`);
    if (!input.kinds?.length || input.kinds.some((k) => !KINDS.includes(k)))
      throw new DomainError('BAD_USER_INPUT', `kinds must be some of ${KINDS.join(', ')}.`);
    if (input.kinds.includes('FUSED') && input.nodeTypes.some((t) => t !== 'Member' && t !== 'Job'))
      throw new DomainError('BAD_USER_INPUT', 'FUSED vectors exist for members and jobs only.');
    if (!['PARQUET', 'NPY', 'JSONL'].includes(input.format))
      throw new DomainError('BAD_USER_INPUT', 'format must be PARQUET, NPY or JSONL.');
    if (input.rowsPerFile != null) {
      if (input.format !== 'PARQUET')
        throw new DomainError('BAD_USER_INPUT', 'rowsPerFile applies to PARQUET only (NPY and JSONL write one file).');
      if (!Number.isInteger(input.rowsPerFile) || input.rowsPerFile < 1)
        throw new DomainError('BAD_USER_INPUT', `rowsPerFile must be a positive integer, not ${input.rowsPerFile}.`);
    }
    this.destination(input.destination);
    const version = input.version ?? this.embeddings.manifest?.version ?? null;
    if (!version) throw new DomainError('UNAVAILABLE', 'No model is loaded and no version was given; train one first.');
    if (!this.embeddings.versions().some((m) => m.version === version))
      throw new DomainError('NOT_FOUND', `No model version "${version}".`);
    const since = input.base != null ? this.baseOf(input.base, version) : null;
    return { ...input, nodeTypes: [...new Set(input.nodeTypes)], kinds: [...new Set(input.kinds)], version, since };
  }

  /** The change-feed position an incremental export starts after: a previous export's, or a number. */
  private baseOf(base: string, version: string): number {
    if (version !== this.embeddings.manifest?.version)
      throw new DomainError(
        'CONFLICT',
        `An incremental export reads the served state; ${version} is not the version served now (${this.embeddings.manifest?.version ?? 'none'}).`,
      );
    const from = this.embeddings.activeSnapshot?.graph.seq ?? 0;
    if (/^\d+$/.test(base)) {
      if (Number(base) < from)
        throw new DomainError(
          'CONFLICT',
          `The served state of ${version} starts at change-feed position ${from} (its activation); ${base} is before it: run a full export.`,
        );
      return Number(base);
    }
    const prior = this.get(base);
    if (!prior) throw new DomainError('NOT_FOUND', `No export job "${base}" to build on.`);
    if (prior.status !== 'SUCCEEDED' || prior.position == null)
      throw new DomainError(
        'CONFLICT',
        `Export ${base} is ${prior.status}; an incremental export builds on a SUCCEEDED one.`,
      );
    if (prior.input.version !== version)
      throw new DomainError(
        'CONFLICT',
        `Export ${base} holds version ${prior.input.version}, not ${version}: run a full export of this version first.`,
      );
    return prior.position;
  }

  /**
   * The destination directory, which must stay inside the export root: a relative path without control
   * characters, whose existing parts are real directories — a symbolic link on the way is refused, since it
   * could lead anywhere — and whose real path is under the root's.
   */
  destination(dest: string): string {
    if (typeof dest !== 'string' || !dest.trim())
      throw new DomainError('BAD_USER_INPUT', 'destination must name a directory under the export root.');
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(dest) || dest.length > 1024)
      throw new DomainError(
        'BAD_USER_INPUT',
        'destination must be at most 1024 characters with no control characters (NUL, newline…).',
      );
    const root = realRoot(this.root);
    const full = path.resolve(root, dest);
    if (full === root || !full.startsWith(root + path.sep))
      throw new DomainError('FORBIDDEN', `destination must be a directory inside the export root (${this.root}).`);
    let at = root;
    for (const part of path.relative(root, full).split(path.sep)) {
      at = path.join(at, part);
      const stat = fs.lstatSync(at, { throwIfNoEntry: false });
      if (!stat) break;
      if (stat.isSymbolicLink())
        throw new DomainError(
          'FORBIDDEN',
          `destination passes through a symbolic link (${path.relative(root, at)}); use a real directory.`,
        );
      if (!stat.isDirectory())
        throw new DomainError('BAD_USER_INPUT', `${path.relative(root, at)} exists and is not a directory.`);
    }
    if (fs.existsSync(path.join(full, 'manifest.json')))
      throw new DomainError('CONFLICT', `${dest} already holds an export; choose another destination.`);
    return full;
  }

  private save(job: ExportJob): ExportJob {
    fs.mkdirSync(this.dir, { recursive: true });
    const next = { ...job, updatedAt: new Date().toISOString() };
    const file = path.join(this.dir, `${job.id}.json`);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(next, null, 2));
    fs.renameSync(`${file}.tmp`, file);
    return next;
  }

  private async run(id: string): Promise<void> {
    let job = this.get(id);
    if (!job || job.status !== 'QUEUED') return;
    let created: string | null = null; // the first directory this job made, removed again unless it succeeds
    let partial: string | null = null;
    try {
      job = this.save({ ...job, status: 'RUNNING' });
      // Checked again now: the tree under the root may have changed since the job was queued.
      const dest = this.destination(job.input.destination);
      created = firstMissing(dest);
      partial = path.join(dest, `.partial-${id}`);
      fs.rmSync(partial, { recursive: true, force: true });
      fs.mkdirSync(partial, { recursive: true });
      if (!fs.realpathSync(partial).startsWith(realRoot(this.root) + path.sep))
        throw new DomainError('FORBIDDEN', 'destination left the export root while the export was starting.');
      if (job.input.format === 'PARQUET') await loadParquet();
      const snapshot = await this.embeddings.snapshot(job.input.version!);
      const version = embeddingVersionOf(snapshot.manifest);
      if (snapshot === this.embeddings.activeSnapshot && this.settle)
        await this.settle().catch((err) =>
          // Still correct: the position below is then the last one known complete (it may be the activation's).
          this.log('export: the nearline refresh did not settle; exporting what is served', {
            id,
            error: String(err),
          }),
        );
      // The served state's position, taken before its rows: everything up to it is in what is written.
      const position =
        snapshot === this.embeddings.activeSnapshot ? this.embeddings.servedPosition : snapshot.graph.seq;
      const files = await this.write(job, snapshot, partial, position, (rows, total) => {
        if (this.cancelled.has(id)) throw new Cancelled();
        job = this.save({ ...job!, rows, totalRows: total, progress: total ? rows / total : 1 });
      });
      // A cancel acknowledged while the files were written wins: nothing below awaits, so none lands later.
      if (this.cancelled.has(id)) throw new Cancelled();
      // Complete: move the files into place (the Parquet dataset as one directory), the manifest last.
      for (const f of new Set(files.map((name) => name.split('/')[0])))
        fs.renameSync(path.join(partial, f), path.join(dest, f));
      fs.renameSync(path.join(partial, 'manifest.json'), path.join(dest, 'manifest.json'));
      fs.rmSync(partial, { recursive: true, force: true });
      created = null;
      this.save({ ...job, status: 'SUCCEEDED', progress: 1, directory: dest, embeddingVersion: version, position });
      this.log('export finished', { id, rows: job.rows, dest });
    } catch (err) {
      // Whatever went wrong, the job ends CANCELLED or FAILED with its error, and leaves nothing behind.
      for (const dir of [partial, created]) {
        try {
          if (dir) fs.rmSync(dir, { recursive: true, force: true });
        } catch (cleanup) {
          this.log('export cleanup failed', { id, dir, error: String(cleanup) });
        }
      }
      if (err instanceof Cancelled || this.cancelled.has(id)) {
        this.save({ ...this.get(id)!, status: 'CANCELLED' });
      } else {
        this.save({ ...this.get(id)!, status: 'FAILED', error: (err as Error).message });
        this.log('export failed', { id, error: String(err) });
      }
    } finally {
      this.cancelled.delete(id);
    }
  }

  /** Writes every file and the manifest into dir; returns the data files' names. */
  private async write(
    job: ExportJob,
    s: Snapshot,
    dir: string,
    position: number,
    progress: (rows: number, total: number) => void,
  ): Promise<string[]> {
    const since = job.input.since ?? null;
    if (since !== null && s !== this.embeddings.activeSnapshot)
      throw new DomainError(
        'CONFLICT',
        'The served version changed after this incremental export was started; run a full export of the new one.',
      );
    const { nodeTypes, kinds, format } = job.input;
    const rowsPerFile = job.input.rowsPerFile ?? PARQUET_ROWS_PER_FILE;
    const g = s.graph;
    const dims = new Map<ExportKind, number>([
      ['TEXT', s.features.dim],
      ['GRAPH', s.config.outDim],
      ['FUSED', s.fusion.outDim],
    ]);
    const field: Record<ExportKind, 'text' | 'graph' | 'fused'> = { TEXT: 'text', GRAPH: 'graph', FUSED: 'fused' };
    // The rows as served: for the active version, its snapshot with the nearline updates as of now; for an
    // incremental export only the rows changed after its base, and the ids deleted since (<type>.deleted.txt).
    const deletions = new Map<GnnType, string[]>();
    const served = new Map<GnnType, { count: number; rows: () => Iterable<ServedRow> }>(
      nodeTypes.map((t) => {
        if (since === null) return [t, this.embeddings.rows(s, t)];
        const changed = this.embeddings.changedSince(t, since);
        deletions.set(t, changed.deleted);
        return [t, { count: changed.rows.length, rows: () => changed.rows }];
      }),
    );
    const total = [...served.values()].reduce((n, r) => n + r.count, 0);
    let done = 0;
    const files: string[] = [];
    const counts: Record<string, number> = {};
    for (const type of nodeTypes) {
      const { count, rows } = served.get(type)!;
      counts[type] = count;
      if (format === 'PARQUET' && Math.ceil(count / rowsPerFile) > MAX_PARTS)
        throw new DomainError(
          'BAD_USER_INPUT',
          `${count} ${type} rows at rowsPerFile ${rowsPerFile} would take more than ${MAX_PARTS} files; raise rowsPerFile.`,
        );
      const writer = openWriter(format, dir, type, kinds, dims, count, rowsPerFile);
      let chunk: ServedRow[] = [];
      const flush = async () => {
        const vectors = new Map<ExportKind, Float32Array>();
        for (const k of kinds) {
          const d = dims.get(k)!;
          const out = new Float32Array(chunk.length * d);
          chunk.forEach((r, i) => out.set(r[field[k]], i * d));
          vectors.set(k, out);
        }
        await writer.write({ ids: chunk.map((r) => r.id), vectors });
        done += chunk.length;
        chunk = [];
        progress(done, total);
        await new Promise((r) => setImmediate(r)); // let the API breathe between chunks
      };
      for (const row of rows()) {
        chunk.push(row);
        if (chunk.length === CHUNK) await flush();
      }
      if (chunk.length) await flush();
      files.push(...(await writer.finish()));
      const deleted = deletions.get(type);
      if (deleted) {
        const name = `${type.toLowerCase()}.deleted.txt`;
        fs.writeFileSync(path.join(dir, name), deleted.map((id) => `${id}\n`).join(''));
        files.push(name);
      }
    }
    const manifest = {
      format,
      embeddingVersion: embeddingVersionOf(s.manifest),
      modelVersion: s.manifest.version,
      textEncoder: s.manifest.encoder,
      fusion: s.fusion.id,
      graphSeq: g.seq,
      // Every change-feed event up to here is in the rows (with the deletions, for an incremental export).
      position,
      ...(since !== null
        ? {
            incremental: { base: job.input.base, since },
            deleted: Object.fromEntries([...deletions].map(([t, ids]) => [t, ids.length])),
          }
        : {}),
      // Members and jobs recomputed by the nearline refresh since activation are in it as served.
      includesNearlineUpdates: s === this.embeddings.activeSnapshot,
      createdAt: new Date().toISOString(),
      // PARQUET: one dataset under vectors/, a Hive partition per node type (`type=Member`), read as one table.
      ...(format === 'PARQUET' ? { dataset: { path: PARQUET_DATASET, partitioning: 'hive', rowsPerFile } } : {}),
      schema: {
        id: 'string (node id)',
        ...Object.fromEntries(kinds.map((k) => [k.toLowerCase(), `float32[${dims.get(k)}]`])),
      },
      counts,
      files: await Promise.all(files.map(async (f) => ({ name: f, ...(await fileDigest(path.join(dir, f))) }))),
    };
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    return files;
  }
}

class Cancelled extends Error {}

/** The export root's real path (created if missing), so symbolic links above it do not count against it. */
function realRoot(root: string): string {
  fs.mkdirSync(root, { recursive: true });
  return fs.realpathSync(root);
}

/** The outermost directory on the way to `dir` that does not exist yet (null when `dir` exists). */
function firstMissing(dir: string): string | null {
  let missing: string | null = null;
  for (let at = dir; !fs.existsSync(at); at = path.dirname(at)) missing = at;
  return missing;
}
