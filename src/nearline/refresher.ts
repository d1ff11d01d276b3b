/**
 * Nearline embedding refresh (LinkSAGE): the GNN is not retrained when the graph changes; the
 * encoder is run for what changed. The refresher reads the store's change feed in order and,
 * for each batch, recomputes the fused vector of every member and job the batch touched, then
 * updates the matching index in place.
 *
 * What a change touches (the fan-out, bounded by construction): a member or job upsert or delete
 * → that node; an edge change → its member and/or job endpoints (an interaction: both). A
 * recomputed node uses its own new text and current neighbour list, with its neighbours' hidden
 * states as of the model's activation, so a change never cascades further. Taxonomy edits reach
 * members and jobs through the edge changes they cause (a merge moves HAS_SKILL/REQUIRES edges).
 *
 * At-least-once, idempotent: a refresh recomputes from the store's current state, so applying an
 * event twice changes nothing. The position (last applied sequence number) is written to
 * `<data dir>/nearline/position` (fsync + rename) after each batch, so a restart resumes there
 * and a crash loses no event. A burst is drained in batches; lag is exported as metrics.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MatchingService } from '../matching/service.ts';
import { nodePages } from '../store/scan.ts';
import { FeedTrimmed, nodeKey } from '../store/types.ts';
import type { ChangeEvent, GraphStore, NodeRef } from '../store/types.ts';
import { Waiters } from './waiters.ts';

export interface RefresherOptions {
  /** Events read per batch. */
  batchSize: number;
  /** How often the feed is polled when idle, in ms. */
  pollMs: number;
  /**
   * Called after each batch is applied, before waiters are told: the members and jobs it recomputed and the
   * position it reached (the owner of several processes records their rows for the others: served-rows.ts).
   */
  onBatch?: (touched: Array<NodeRef & { label: 'Member' | 'Job' }>, through: number) => void;
}
const DEFAULTS: RefresherOptions = { batchSize: 500, pollMs: 50 };

export interface RefresherStats {
  position: number;
  applied: number;
  refreshed: number;
  lastBatchMs: number;
}

/**
 * What the service needs of a nearline refresh: this outbox poller (one process, the default) or the
 * Kafka consumer group (kafka.ts, replicas).
 */
export interface Nearline {
  readonly stats: RefresherStats;
  /** Starts following the feed; `from`: the position the served snapshot was built at. */
  start(from: number): Promise<void>;
  stop(): Promise<void>;
  /** Asks for a drain now (after a write) instead of at the next poll. */
  kick(): void;
  /** Resolves once the events up to seq (of the write's subjects `nodes`, where given) are served. */
  waitFor(seq: number, timeoutMs?: number, nodes?: NodeRef[]): Promise<void>;
  /** Events written but not applied yet. */
  lagEvents(): Promise<number>;
  /** Age of the oldest event not applied yet, seconds (0 when caught up): read when asked, as lagEvents is. */
  lagSeconds(): Promise<number>;
  /**
   * Resolves with the store's head (read when called) once every event up to it is in this process's served
   * state — an export's position: every write acknowledged before the export started is in it; rejects after
   * timeoutMs.
   */
  settle(timeoutMs?: number): Promise<number>;
  /**
   * The feed position this process still needs the events after — the change feed is not trimmed past it
   * (src/store/retention.ts); null: this process does not trim the feed (a follower; a Kafka replica that does
   * not publish).
   */
  retainFrom(): number | null;
}

export class NearlineRefresher implements Nearline {
  private position = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly waiters = new Waiters();
  private readonly opts: RefresherOptions;
  readonly stats: RefresherStats = { position: 0, applied: 0, refreshed: 0, lastBatchMs: 0 };
  private lastError: Error | null = null;

  constructor(
    private readonly store: GraphStore,
    private readonly matching: MatchingService,
    private readonly dataDir: string,
    opts: Partial<RefresherOptions> = {},
    private readonly log: (msg: string, fields?: Record<string, unknown>) => void = () => {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  private get file(): string {
    return path.join(this.dataDir, 'nearline', 'position');
  }

  /**
   * Resumes from the saved position, or — first start — from `from` (the feed position the served snapshot
   * was built at, so nothing before it needs applying). Never after `from`: a snapshot read back from its file
   * (snapshot-file.ts) is older than what this refresher applied before the restart, and the events since it
   * are applied again.
   */
  async start(from: number): Promise<void> {
    if (fs.existsSync(this.file))
      this.position = Math.min(Number(fs.readFileSync(this.file, 'utf8').trim()) || 0, from);
    else {
      // Saved at once: a crash before the first batch must not skip the events written meanwhile.
      this.position = from;
      this.savePosition();
    }
    this.stats.position = this.position;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.waiters.rejectAll('the refresher stopped');
  }

  /** Asks for a drain now (after a write) instead of at the next poll. */
  kick(): void {
    if (!this.running && !this.stopped) this.schedule(0);
  }

  /** Resolves once every event up to seq is applied; rejects after timeoutMs. */
  waitFor(seq: number, timeoutMs = 10_000): Promise<void> {
    const done = this.waiters.wait(
      () => seq <= this.position,
      timeoutMs,
      () => `the embedding refresh did not reach event ${seq} within ${timeoutMs} ms (at ${this.position})`,
    );
    this.kick();
    return done;
  }

  /** Events written but not applied yet. */
  async lagEvents(): Promise<number> {
    return Math.max(0, (await this.store.lastSeq()) - this.position);
  }

  async lagSeconds(): Promise<number> {
    return ageOfNext(this.store, this.position);
  }

  async settle(timeoutMs = 60_000): Promise<number> {
    const head = await this.store.lastSeq();
    await this.waitFor(head, timeoutMs);
    return head;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drain()
        .catch((err) => {
          if (String(err) !== String(this.lastError))
            this.log('nearline refresh failed; retrying', { error: String(err) });
          this.lastError = err as Error;
        })
        .finally(() => {
          this.running = null;
          this.schedule(this.opts.pollMs);
        });
    }, ms);
    this.timer.unref();
  }

  retainFrom(): number {
    return this.position;
  }

  /** Applies batches until the feed is drained. */
  private async drain(): Promise<void> {
    for (;;) {
      let events: ChangeEvent[];
      try {
        events = await this.store.changes(this.position, this.opts.batchSize);
      } catch (err) {
        if (!(err instanceof FeedTrimmed)) throw err;
        await this.startOver(err.trimmed);
        continue;
      }
      if (events.length === 0) {
        this.lastError = null;
        return;
      }
      const t0 = Date.now();
      const touched = touchedNodes(events);
      const last = events[events.length - 1].seq;
      await this.matching.refreshMany(touched, last);
      this.stats.applied += events.length;
      this.stats.refreshed += touched.length;
      this.stats.lastBatchMs = Date.now() - t0;
      this.reached(last, touched);
      if (this.stopped) return;
    }
  }

  /**
   * The feed was trimmed past this position (the data directory was away longer than the feed's retention, over
   * Neo4j): what changed meanwhile cannot be read event by event, so every member and job is recomputed from
   * the graph as it is now — those in the store, and those served that are no longer there (dropped) — a batch
   * at a time, and the feed followed on from the head read first.
   */
  private async startOver(trimmed: number): Promise<void> {
    const t0 = Date.now();
    const head = await this.store.lastSeq();
    this.log('the change feed was trimmed past the nearline position: recomputing every member and job', {
      position: this.position,
      trimmed,
      head,
    });
    let refreshed = 0;
    const apply = async (refs: Array<NodeRef & { label: 'Member' | 'Job' }>) => {
      await this.matching.refreshMany(refs, head);
      this.opts.onBatch?.(refs, this.position);
      refreshed += refs.length;
    };
    for (const label of ['Member', 'Job'] as const) {
      const gone = new Set(this.matching.servedIds(label));
      for await (const page of nodePages(this.store, label, this.opts.batchSize)) {
        for (const n of page) gone.delete(n.id);
        await apply(page.map((n) => ({ label, id: n.id })));
        if (this.stopped) return;
      }
      const ids = [...gone];
      for (let i = 0; i < ids.length; i += this.opts.batchSize)
        await apply(ids.slice(i, i + this.opts.batchSize).map((id) => ({ label, id })));
    }
    this.stats.refreshed += refreshed;
    this.reached(head, []);
    this.log('recomputed every member and job after the trimmed feed', {
      refreshed,
      position: head,
      ms: Date.now() - t0,
    });
  }

  /** The refresh has served everything up to `seq` (the last batch's members and jobs: `touched`): recorded, told. */
  private reached(seq: number, touched: Array<NodeRef & { label: 'Member' | 'Job' }>): void {
    this.position = seq;
    this.matching.applied(seq);
    this.opts.onBatch?.(touched, seq);
    this.savePosition();
    this.stats.position = seq;
    this.waiters.settle();
  }

  private savePosition(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, String(this.position));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, this.file);
  }
}

/**
 * Seconds since the first event after `position` was written; 0 when there is none. (Kept from the last batch
 * instead, it still showed that batch's age after the batch was applied, until the next read of the feed.)
 */
export async function ageOfNext(store: GraphStore, position: number): Promise<number> {
  // Behind the trimmed point: the oldest event still there after it.
  const from = Math.max(position, await store.trimmedThrough());
  const [next] = await store.changes(from, 1);
  return next ? Math.max(0, Date.now() - Date.parse(next.at)) / 1000 : 0;
}

/** The members and jobs a batch of events touches, each once. */
export function touchedNodes(events: ChangeEvent[]): Array<NodeRef & { label: 'Member' | 'Job' }> {
  const out = new Map<string, NodeRef & { label: 'Member' | 'Job' }>();
  const add = (ref: NodeRef | undefined) => {
    if (ref && (ref.label === 'Member' || ref.label === 'Job')) out.set(nodeKey(ref), { label: ref.label, id: ref.id });
  };
  for (const e of events) {
    add(e.node);
    add(e.edge?.from);
    add(e.edge?.to);
  }
  return [...out.values()];
}
