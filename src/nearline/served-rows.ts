/**
 * The nearline vectors shared by the processes of one data directory (SKILLGRAPH_WORKERS,
 * src/cluster.ts): the owner's refresher recomputes what changed and records each member's or
 * job's new vectors here; follower processes read them and serve them as their own, so one
 * process does the nearline work and every process answers with the same vectors.
 *
 * `<data dir>/nearline/served.sqlite`, table `served`: one row per node key (`Label/id`), as a
 * compacted Kafka topic keeps one message per key — `{ pos, version, seq, row | null }` (null:
 * deleted; seq: the change-feed position the vectors reflect; pos: increasing with every write,
 * so a reader resumes after the last pos it read). `meta.through`: the feed position the owner's
 * refresher has applied in full. A follower serves every row of its active version newer than what
 * it serves for that node — also rows from before its own activation, so a node the owner refreshed
 * has the owner's vectors everywhere. Nodes never refreshed keep the activation row, which followers read from
 * the owner's snapshot file (snapshot-file.ts); only a follower that had to compute its own activation (no usable
 * file) may serve slightly different rows for nodes whose neighbours changed in between.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { GraphEmbeddings, ServedRow } from '../embeddings/graph-embeddings.ts';
import type { MatchingService } from '../matching/service.ts';
import { nodeKey } from '../store/types.ts';
import type { GraphStore, NodeRef } from '../store/types.ts';
import { Waiters } from './waiters.ts';
import { ageOfNext } from './refresher.ts';
import type { Nearline, RefresherStats } from './refresher.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS served (key TEXT PRIMARY KEY, pos INTEGER NOT NULL, version TEXT NOT NULL,
  seq INTEGER NOT NULL, text BLOB, graph BLOB, fused BLOB) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS served_by_pos ON served (pos);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
`;

export function servedRowsFile(dataDir: string): string {
  return path.join(dataDir, 'nearline', 'served.sqlite');
}

const blob = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
// Copied out: a row's buffer is not guaranteed to be aligned for a Float32Array view.
const vector = (b: Buffer) => new Float32Array(new Uint8Array(b).buffer);

interface Entry {
  ref: NodeRef & { label: 'Member' | 'Job' };
  seq: number;
  row: ServedRow | null;
}

/** The owner's side: records the rows of each nearline batch (one transaction with the position). */
export class ServedRowsWriter {
  private readonly db: Database.Database;
  private readonly put;
  private readonly setMeta;
  private pos: number;

  constructor(dataDir: string) {
    const file = servedRowsFile(dataDir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
    this.pos = (this.db.prepare('SELECT max(pos) AS pos FROM served').get() as { pos: number | null }).pos ?? 0;
    this.put = this.db.prepare(
      `INSERT INTO served (key, pos, version, seq, text, graph, fused) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET pos = excluded.pos, version = excluded.version, seq = excluded.seq,
       text = excluded.text, graph = excluded.graph, fused = excluded.fused`,
    );
    this.setMeta = this.db.prepare(
      'INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    );
  }

  /** The refresher applied the feed through `through`; `entries`: the rows it recomputed (version `version`). */
  record(version: string, entries: Entry[], through: number): void {
    this.db.transaction(() => {
      for (const e of entries) {
        const r = e.row;
        this.put.run(
          nodeKey(e.ref),
          ++this.pos,
          version,
          e.seq,
          r && blob(r.text),
          r && blob(r.graph),
          r && blob(r.fused),
        );
      }
      this.setMeta.run('through', through);
    })();
  }

  /** The owner's refresher's onBatch: records the rows a batch recomputed, as `embeddings` now serves them. */
  recorder(embeddings: GraphEmbeddings): (touched: Entry['ref'][], through: number) => void {
    return (touched, through) => {
      const version = embeddings.manifest?.version;
      const entries = version
        ? touched.flatMap((ref) => {
            const f = embeddings.freshRow(ref);
            return f ? [{ ref, ...f }] : [];
          })
        : [];
      this.record(version ?? '', entries, through);
    };
  }

  close(): void {
    this.db.close();
  }
}

/**
 * A follower's nearline: serves the owner's recorded rows (polled every `pollMs`) instead of recomputing;
 * `waitFor(seq)` resolves once the owner's refresh through seq has been read and served here.
 */
export class ServedRowsFollower implements Nearline {
  readonly stats: RefresherStats = { position: 0, applied: 0, refreshed: 0, lastBatchMs: 0 };
  /** The owner's file and the statements read from it (opened once the owner has created it). */
  private reader: ReturnType<typeof openReader> | null = null;
  private pos = 0;
  private through = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** The read in progress (reads run one at a time: the poll's, a waiter's or a request's). */
  private reading: Promise<void> | null = null;
  private readonly waiters = new Waiters();

  constructor(
    private readonly dataDir: string,
    private readonly store: GraphStore,
    private readonly embeddings: GraphEmbeddings,
    private readonly matching: MatchingService,
    private readonly pollMs = 20,
    private readonly log: (msg: string, fields?: Record<string, unknown>) => void = () => {},
  ) {
    // Another version served here: every recorded row is looked at again (rows of the new version may
    // have been passed over while this process still served the old one).
    embeddings.onActivate(() => {
      this.pos = 0;
    });
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.reading?.catch(() => {});
    this.reader?.db.close();
    this.reader = null;
    this.waiters.rejectAll('the follower stopped');
  }

  kick(): void {
    if (!this.reading && !this.stopped) this.schedule(0);
  }

  /**
   * Before a request runs here: serves whatever the owner has recorded so far (two indexed reads when
   * there is nothing new), so a read that starts after a write was answered sees its vectors.
   */
  async freshen(): Promise<void> {
    const reader = this.open();
    if (!reader || this.stopped) return;
    const pos = reader.maxPos.get()?.pos ?? 0;
    const through = reader.through.get()?.value ?? 0;
    if (pos <= this.pos && through <= this.through) return;
    await this.readOnce();
  }

  /** One read after any in progress (which may have started before the rows a caller waits for). */
  private async readOnce(): Promise<void> {
    while (this.reading) await this.reading.catch(() => {});
    this.reading = this.read().finally(() => (this.reading = null));
    await this.reading;
  }

  waitFor(seq: number, timeoutMs = 10_000): Promise<void> {
    const done = this.waiters.wait(
      () => seq <= this.through,
      timeoutMs,
      () =>
        `the owner's embedding refresh did not reach event ${seq} within ${timeoutMs} ms (served here: ${this.through})`,
    );
    this.kick();
    return done;
  }

  async lagEvents(): Promise<number> {
    return Math.max(0, (await this.store.lastSeq()) - this.through);
  }

  async lagSeconds(): Promise<number> {
    return ageOfNext(this.store, this.through);
  }

  async settle(timeoutMs = 60_000): Promise<number> {
    const head = await this.store.lastSeq();
    await this.waitFor(head, timeoutMs);
    return head;
  }

  /** The owner trims the feed. */
  retainFrom(): null {
    return null;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.readOnce()
        .catch((err: Error) =>
          this.log('reading the owner’s nearline vectors failed; retrying', { error: err.message }),
        )
        .finally(() => this.schedule(this.pollMs));
    }, ms);
    this.timer.unref();
  }

  /** Opens the owner's file once it exists (the owner creates it with its refresher). */
  private open(): ReturnType<typeof openReader> | null {
    if (this.reader) return this.reader;
    const file = servedRowsFile(this.dataDir);
    if (!fs.existsSync(file)) return null;
    this.reader = openReader(file);
    return this.reader;
  }

  private async read(): Promise<void> {
    const reader = this.open();
    if (!reader) return;
    const t0 = Date.now();
    for (;;) {
      // One read transaction: the rows and the position they bring the owner's refresh to.
      const { rows, through } = reader.db.transaction(() => ({
        rows: reader.after.all(this.pos),
        through: reader.through.get()?.value,
      }))();
      const version = this.embeddings.manifest?.version;
      for (const r of rows) {
        this.pos = r.pos;
        const [label, ...rest] = r.key.split('/');
        const ref = { label: label as 'Member' | 'Job', id: rest.join('/') };
        // Rows from before this process's activation are served too: the owner serves them, so every process
        // answers a refreshed node with the owner's vectors (the table holds each node's latest refresh).
        if (!version || r.version !== version || r.seq <= this.embeddings.servedSeq(ref)) continue;
        // The row reflects the store at r.seq: this process's graph must be there too (its attributes are read).
        if ((await this.store.lastSeq()) < r.seq && 'catchUp' in this.store)
          (this.store as { catchUp(target: number): number }).catchUp(r.seq);
        const row: ServedRow | null = r.fused && {
          id: ref.id,
          text: vector(r.text!),
          graph: vector(r.graph!),
          fused: vector(r.fused),
        };
        await this.matching.serve(ref, row, r.seq);
        this.stats.refreshed++;
      }
      if (rows.length < 500) {
        if (through !== undefined && through > this.through) {
          this.stats.applied += through - this.through;
          this.through = through;
          this.matching.applied(through);
        }
        this.stats.position = this.through;
        if (rows.length) this.stats.lastBatchMs = Date.now() - t0;
        this.waiters.settle();
        return;
      }
    }
  }
}

/** A follower's read-only connection to the owner's file, with its statements prepared once. */
function openReader(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 500 });
  return {
    db,
    after: db.prepare<
      [number],
      {
        key: string;
        pos: number;
        version: string;
        seq: number;
        text: Buffer | null;
        graph: Buffer | null;
        fused: Buffer | null;
      }
    >('SELECT key, pos, version, seq, text, graph, fused FROM served WHERE pos > ? ORDER BY pos LIMIT 500'),
    maxPos: db.prepare<[], { pos: number | null }>('SELECT max(pos) AS pos FROM served'),
    through: db.prepare<[], { value: number }>("SELECT value FROM meta WHERE name = 'through'"),
  };
}
