/**
 * The change feed on Kafka, for several replicas over one Neo4j (SKILLGRAPH_KAFKA_BROKERS). Three
 * topics (prefix SKILLGRAPH_KAFKA_TOPIC_PREFIX, default `skillgraph.`):
 *
 * - `changes` (6 partitions): the store's change events in feed order, keyed by their subject
 *   (`Label/id` of the node, or of an edge's start), so each key's events stay in order. Value: the
 *   ChangeEvent as JSON — `{ seq, at, kind, node?, edge?, props? }` (README "Scaling out"). One replica
 *   at a time publishes: the one the consumer group `<prefix>publisher` assigns the single partition
 *   of `publisher`; after every acknowledged batch it appends its position (`{ "seq": N }`) to that
 *   topic, and whoever takes over resumes after the last one (an event may be published twice, never
 *   skipped).
 * - the consumer group `<prefix>nearline` reads `changes`: its partitions are spread over the
 *   replicas; each recomputes the members and jobs its events touch from the store's current state
 *   (the nearline refresher's rule) and publishes their vectors to `embeddings`; offsets are committed
 *   only after that is acknowledged (at-least-once; recomputing is idempotent).
 * - `embeddings` (6 partitions, compacted): `Label/id` → `{ version, seq, row | null, attrs? }` (null: deleted;
 *   seq: the feed position the store was at, at least, when the vector was computed from it; attrs: what
 *   matching filters on, from the record the vector was computed from). Every replica reads what was produced
 *   since its served snapshot was taken (a group of its own; vectorsStart) and serves each vector of its active
 *   version that is newer than that snapshot and than what it already serves for that node — without reading
 *   the store.
 *
 * Lag: the nearline group's committed offsets against the partitions' ends (/metrics).
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { Kafka, logLevel } from 'kafkajs';
import type { Admin, Consumer, Producer } from 'kafkajs';
import { KAFKA_DEFAULTS } from '../config.ts';
import type { GraphEmbeddings, ServedRow } from '../embeddings/graph-embeddings.ts';
import { servedAttrsOf } from '../matching/service.ts';
import type { MatchingService, ServedAttrs } from '../matching/service.ts';
import { nodePages, readNodes } from '../store/scan.ts';
import { FeedTrimmed, nodeKey } from '../store/types.ts';
import type { ChangeEvent, GraphStore, NodeRecord, NodeRef } from '../store/types.ts';
import { touchedNodes } from './refresher.ts';
import { Waiters } from './waiters.ts';
import type { Nearline, RefresherStats } from './refresher.ts';

export interface KafkaOptions {
  brokers: string[];
  topicPrefix: string;
  /** Names this replica in client and group ids. */
  replicaId?: string;
  /** Consumer session timeout: a replica that stops heartbeating loses its partitions after it (KAFKA_DEFAULTS). */
  sessionTimeoutMs?: number;
  /** How far the replicas' clocks may be apart (KAFKA_DEFAULTS): see vectorsStart. */
  clockSkewMs?: number;
  /** How often the publisher reads the store's feed for writes no replica kicked it for (KAFKA_DEFAULTS). */
  pollMs?: number;
  batchSize?: number;
}

const PARTITIONS = 6;
/**
 * After a publish run failed (Kafka or the store unreachable): the next try, whatever the poll interval — a
 * long poll must not hold the feed back for that long once the broker is back, a short one must not retry (and
 * log) every few milliseconds. kafkajs retries each send for several seconds before a run fails.
 */
const PUBLISH_RETRY_MS = 1000;

interface EmbeddingMessage {
  version: string;
  seq: number;
  row: { id: string; text: string; graph: string; fused: string } | null;
  /** With a row: the attributes matching filters on (a job's expiresAt null when it has none). */
  attrs?: Record<string, unknown>;
}

/** Filter attributes as JSON (a job that never expires: expiresAt Infinity ↔ null). */
const encodeAttrs = (a: ServedAttrs): Record<string, unknown> =>
  'expiresAt' in a ? { ...a, expiresAt: Number.isFinite(a.expiresAt) ? a.expiresAt : null } : { ...a };
const decodeAttrs = (a: Record<string, unknown>): ServedAttrs =>
  ('expiresAt' in a ? { ...a, expiresAt: a.expiresAt ?? Infinity } : a) as unknown as ServedAttrs;

const encodeVector = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
const decodeVector = (s: string) => {
  const b = Buffer.from(s, 'base64');
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
};

const unreachable = (brokers: string[], err: Error) =>
  new Error(
    `Cannot use Kafka at ${brokers.join(',')} (${err.message}): start it (npm run kafka for development), fix ` +
      "SKILLGRAPH_KAFKA_BROKERS, or unset it to follow the store's change feed in-process.",
  );

/** Throws an error naming the fix when no broker answers (checked at start, before anything slow). */
export async function checkKafka(opts: Pick<KafkaOptions, 'brokers'>): Promise<void> {
  const admin = new Kafka({
    clientId: 'skillgraph-check',
    brokers: opts.brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 3, initialRetryTime: 200 },
  }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
  } catch (err) {
    throw unreachable(opts.brokers, err as Error);
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

export class KafkaNearline implements Nearline {
  readonly stats: RefresherStats = { position: 0, applied: 0, refreshed: 0, lastBatchMs: 0 };
  /** The age of the oldest event in the last batch this replica refreshed, when it was refreshed (s). */
  private lastBatchAge = 0;
  /** The offsets read in flight (lagEvents), shared by the calls made meanwhile. */
  private lagRead: Promise<number> | undefined;
  private readonly kafka: Kafka;
  private readonly topics: { changes: string; embeddings: string; publisher: string; writes: string };
  private readonly replicaId: string;
  private admin: Admin | null = null;
  private producer: Producer | null = null;
  private consumers: Consumer[] = [];
  private publishing = false;
  /** The publisher partition is assigned to this replica (it publishes once it read the last position). */
  private publisherAssigned = false;
  private published = 0;
  /** The last publisher position read back and its offset in `publisher` (reading one costs a consumer). */
  private recordedPosition: { offset: number; seq: number } | null = null;
  private publishTimer: NodeJS.Timeout | null = null;
  private publishRun: Promise<void> | null = null;
  private stopped = false;
  private from = 0;
  private readonly waiters = new Waiters();
  /** Per partition of `embeddings`: the offset after the last message this replica's vectors consumer applied. */
  private readonly vectorsRead = new Map<number, number>();
  /** This replica's own groups reading `embeddings` and `writes` (deleted when it stops: of no use after). */
  private ownGroups: string[] = [];
  /** Sends the notices of writes (not the idempotent producer: a notice must not queue behind vectors). */
  private notifier: Producer | null = null;
  /** A notice is being sent; another was asked for while it was. */
  private notifying = false;
  private notifyAgain = false;
  /** Kicked while a publish run was in progress: run again at once after it. */
  private kickedDuringRun = false;

  constructor(
    private readonly store: GraphStore,
    private readonly matching: MatchingService,
    private readonly embeddings: GraphEmbeddings,
    private readonly opts: KafkaOptions,
    /** Role changes and partition assignments at info, failures (each retried) at warn. */
    private readonly log: (level: 'info' | 'warn', msg: string, fields?: Record<string, unknown>) => void = () => {},
  ) {
    // Unique per instance (several may share a process: the tests and bench:nearline run three).
    this.replicaId = opts.replicaId ?? `${os.hostname()}-${process.pid}-${crypto.randomBytes(2).toString('hex')}`;
    this.kafka = new Kafka({
      clientId: `skillgraph-${this.replicaId}`,
      brokers: opts.brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 8, initialRetryTime: 100 },
    });
    const p = opts.topicPrefix;
    this.topics = {
      changes: `${p}changes`,
      embeddings: `${p}embeddings`,
      publisher: `${p}publisher`,
      writes: `${p}writes`,
    };
  }

  /** `from`: the feed position the served snapshot was built at (where a first-ever publisher starts). */
  async start(from: number): Promise<void> {
    this.from = from;
    this.stopped = false;
    this.admin = this.kafka.admin();
    await this.admin.connect().catch((err) => {
      throw unreachable(this.opts.brokers, err);
    });
    await this.ensureTopics();
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await this.producer.connect();
    const sessionTimeout = this.opts.sessionTimeoutMs ?? KAFKA_DEFAULTS.sessionTimeoutMs;
    const session = {
      sessionTimeout,
      heartbeatInterval: Math.max(500, Math.floor(sessionTimeout / 6)),
      rebalanceTimeout: 30_000,
    };

    // Every replica reads every vector produced since its served snapshot was taken (a group of its own, its
    // offsets set before it joins), or from the start when that time is unknown.
    const vectorsGroup = `${this.opts.topicPrefix}embeddings-${crypto.randomUUID()}`;
    this.ownGroups.push(vectorsGroup);
    const startAt = await this.vectorsStart(from);
    if (startAt) {
      await this.admin.setOffsets({ groupId: vectorsGroup, topic: this.topics.embeddings, partitions: startAt });
      // Read through there (settle() compares these with the partitions' ends).
      for (const p of startAt) this.vectorsRead.set(p.partition, Number(p.offset));
    }
    // Each consumer failure is logged, with whether kafkajs restarts the consumer (after retriable ones).
    const watched = (name: string, c: Consumer): Consumer => {
      c.on(c.events.CRASH, (e) =>
        this.log('warn', `kafka: the ${name} consumer failed`, {
          replica: this.replicaId,
          error: String(e.payload.error),
          restart: e.payload.restart,
        }),
      );
      return c;
    };
    const vectors = watched('vectors', this.kafka.consumer({ groupId: vectorsGroup, ...session }));
    await vectors.connect();
    await vectors.subscribe({ topic: this.topics.embeddings, fromBeginning: true });

    // Notices of writes other replicas took (kick): the publisher publishes at once.
    this.notifier = this.kafka.producer();
    await this.notifier.connect();
    const writesGroup = `${this.opts.topicPrefix}writes-${crypto.randomUUID()}`;
    this.ownGroups.push(writesGroup);
    const writes = watched(
      'write notices',
      this.kafka.consumer({ groupId: writesGroup, ...session, maxWaitTimeInMs: 1000 }),
    );
    await writes.connect();
    await writes.subscribe({ topic: this.topics.writes, fromBeginning: false });

    // Each consumer's run() resolves once it has joined its group, and a join takes a while — a new group's first
    // waits for the broker's group.initial.rebalance.delay.ms (3 s by default; this replica's own two groups are
    // new at every start), joining an existing one makes its members rejoin: the four join together.
    this.consumers.push(vectors, writes);
    const joined = [
      vectors.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          await this.applyVectors(batch.messages);
          const last = batch.messages[batch.messages.length - 1];
          if (last) this.vectorsRead.set(batch.partition, Number(last.offset) + 1);
        },
      }),
      writes.run({
        eachBatch: async ({ batch }) => {
          if (batch.messages.length && this.publishing) this.kick();
        },
      }),
    ];

    // The nearline group: this replica's share of the change partitions.
    const nearline = watched(
      'nearline',
      this.kafka.consumer({ groupId: `${this.opts.topicPrefix}nearline`, ...session }),
    );
    await nearline.connect();
    await nearline.subscribe({ topic: this.topics.changes, fromBeginning: true });
    nearline.on(nearline.events.GROUP_JOIN, (e) =>
      this.log('info', 'kafka: nearline partitions assigned', {
        replica: this.replicaId,
        partitions: e.payload.memberAssignment[this.topics.changes] ?? [],
      }),
    );
    this.consumers.push(nearline);
    joined.push(
      nearline.run({
        // A fetched batch can hold thousands of events (a partition's backlog, taken over from a replica that
        // died): refreshed a slice at a time, each slice's offsets resolved and a heartbeat sent after it, so a
        // long backlog neither keeps the group from hearing from this replica for a session timeout (which would
        // move the partition on, to be refreshed again from the start, and again) nor is redone whole after a
        // rebalance. Offsets are resolved here only: an early return (stopping, the partition revoked) resolves
        // nothing more.
        eachBatchAutoResolve: false,
        eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
          const slice = this.opts.batchSize ?? 500;
          for (let i = 0; i < batch.messages.length; i += slice) {
            if (!isRunning() || isStale()) return;
            const messages = batch.messages.slice(i, i + slice);
            await this.refresh(messages.map((m) => JSON.parse(m.value!.toString()) as ChangeEvent));
            resolveOffset(messages[messages.length - 1].offset);
            await commitOffsetsIfNecessary();
            await heartbeat();
          }
        },
      }),
    );

    // Publisher election: whoever holds the one partition of `publisher` publishes.
    const election = watched(
      'publisher election',
      this.kafka.consumer({ groupId: `${this.opts.topicPrefix}publisher`, ...session }),
    );
    await election.connect();
    await election.subscribe({ topic: this.topics.publisher });
    election.on(election.events.GROUP_JOIN, (e) => {
      const mine = (e.payload.memberAssignment[this.topics.publisher] ?? []).includes(0);
      this.publisherAssigned = mine;
      if (mine && !this.publishing) this.claimPublishing();
      if (!mine && this.publishing) {
        this.publishing = false;
        this.log('info', 'kafka: no longer the change-feed publisher', { replica: this.replicaId });
      }
    });
    this.consumers.push(election);
    joined.push(election.run({ eachMessage: async () => {} }));

    await Promise.all(joined);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.publishing = false;
    if (this.publishTimer) clearTimeout(this.publishTimer);
    await this.publishRun;
    for (const c of this.consumers.splice(0)) await c.disconnect().catch(() => {});
    if (this.ownGroups.length) await this.admin?.deleteGroups(this.ownGroups.splice(0)).catch(() => {});
    await this.producer?.disconnect().catch(() => {});
    await this.notifier?.disconnect().catch(() => {});
    await this.admin?.disconnect().catch(() => {});
    this.waiters.rejectAll('the nearline refresh stopped');
  }

  /** This replica publishes the change feed now (the publisher group's one partition is its). */
  get publishes(): boolean {
    return this.publishing;
  }

  /**
   * After a write this replica took: the publisher publishes the feed at once (instead of at its next poll of
   * the store, pollMs). The publisher kicks itself; any other replica sends a notice to `writes`, which
   * every replica reads and the publisher acts on.
   */
  kick(): void {
    if (this.publishing) {
      if (this.publishRun) this.kickedDuringRun = true;
      else this.schedulePublish(0);
    } else this.notifyPublisher();
  }

  /** One notice in flight at a time; kicks meanwhile send one more after it (a lost one: the poll covers it). */
  private notifyPublisher(): void {
    if (!this.notifier || this.stopped) return;
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = true;
    this.notifier
      .send({ topic: this.topics.writes, acks: 1, messages: [{ key: this.replicaId, value: '{}' }] })
      .catch(() => {})
      .finally(() => {
        this.notifying = false;
        if (!this.notifyAgain) return;
        this.notifyAgain = false;
        this.notifyPublisher();
      });
  }

  /**
   * Resolves once this replica serves vectors at least as new as `seq` for every node in `nodes` (the
   * write's subjects); rejects after timeoutMs. It does not kick: the replica that took the write does (the
   * API kicks after every write), so waiting here on other replicas observes what clients of those see.
   */
  waitFor(seq: number, timeoutMs = 10_000, nodes: NodeRef[] = []): Promise<void> {
    return this.waiters.wait(
      () => this.caughtUp(seq, nodes),
      timeoutMs,
      () => `the embeddings for event ${seq} did not arrive from Kafka within ${timeoutMs} ms`,
    );
  }

  /**
   * Change events published but not yet refreshed by the nearline group (all partitions). Calls made while one is
   * reading the offsets share its answer (a `/metrics` scrape asks for the count and the seconds at once: one pair
   * of admin requests, not two).
   */
  lagEvents(): Promise<number> {
    const admin = this.admin;
    if (!admin) return Promise.resolve(0);
    if (!this.lagRead) {
      const read = (async () => {
        const [ends, committed] = await Promise.all([
          admin.fetchTopicOffsets(this.topics.changes),
          admin.fetchOffsets({ groupId: `${this.opts.topicPrefix}nearline`, topics: [this.topics.changes] }),
        ]);
        const done = new Map(committed[0]?.partitions.map((p) => [p.partition, Number(p.offset)]) ?? []);
        return ends.reduce((sum, p) => sum + Math.max(0, Number(p.high) - Math.max(0, done.get(p.partition) ?? 0)), 0);
      })();
      this.lagRead = read;
      const clear = () => {
        if (this.lagRead === read) this.lagRead = undefined;
      };
      read.then(clear, clear);
    }
    return this.lagRead;
  }

  /**
   * While the nearline group is behind: the age of the oldest event in the last batch this replica refreshed
   * (Kafka's offsets say how many events wait, not since when); 0 once it has caught up.
   */
  async lagSeconds(): Promise<number> {
    return (await this.lagEvents()) > 0 ? this.lastBatchAge : 0;
  }

  /**
   * The store's head once every event up to it is served here: the feed published through it, the nearline
   * group's committed offsets at the ends of `changes` (so the vectors are in `embeddings`), and this replica's
   * vectors consumer at the ends of `embeddings` read after that. Marks the served state complete through it.
   */
  async settle(timeoutMs = 60_000): Promise<number> {
    const head = await this.store.lastSeq();
    const deadline = Date.now() + timeoutMs;
    const until = async (what: string, done: () => Promise<boolean>, everyMs: number) => {
      while (!(await done())) {
        if (this.stopped) throw new Error('the nearline refresh stopped');
        if (Date.now() > deadline)
          throw new Error(
            `the nearline refresh through Kafka did not settle at ${head} within ${timeoutMs} ms: ${what}`,
          );
        this.kick();
        await new Promise((r) => setTimeout(r, everyMs));
      }
    };
    // The publisher's own position when this replica publishes; else the recorded one (a read costs a consumer).
    await until(
      'the change feed is not published that far yet',
      async () => (this.publishing ? this.published : ((await this.lastPublished()) ?? 0)) >= head,
      this.publishing ? 20 : 500,
    );
    const changes = await this.admin!.fetchTopicOffsets(this.topics.changes);
    await until(
      'the nearline group has not refreshed every published event yet',
      async () => {
        const [committed] = await this.admin!.fetchOffsets({
          groupId: `${this.opts.topicPrefix}nearline`,
          topics: [this.topics.changes],
        });
        const at = new Map(committed?.partitions.map((p) => [p.partition, Number(p.offset)]) ?? []);
        return changes.every((p) => Number(p.high) <= Number(p.low) || (at.get(p.partition) ?? -1) >= Number(p.high));
      },
      50,
    );
    const vectors = await this.admin!.fetchTopicOffsets(this.topics.embeddings);
    await until(
      'this replica has not read every vector yet',
      async () =>
        vectors.every(
          (p) => Number(p.high) <= Number(p.low) || (this.vectorsRead.get(p.partition) ?? 0) >= Number(p.high),
        ),
      20,
    );
    this.matching.applied(head);
    return head;
  }

  /**
   * Where this replica's vectors consumer starts. It needs every vector newer than its served snapshot (`from`,
   * the snapshot's feed position; older ones the snapshot supersedes). Such a vector was computed after event
   * `from + 1` was committed, so it was produced after event `from` was written (its `at`, the writer's clock):
   * each partition's first message produced since then, less the clock skew allowed between replicas. Null (read
   * every message) when there is no snapshot position or its event is gone. Compaction keeps one message per node
   * only in closed segments, so a busy topic holds many per node: read from the start, a replica's restart would
   * read (and parse) the whole history.
   */
  private async vectorsStart(from: number): Promise<Array<{ partition: number; offset: string }> | null> {
    if (from <= 0) return null;
    // Its event trimmed from the feed: read every message.
    const [event] = await this.store.changes(from - 1, 1).catch((err: unknown) => {
      if (err instanceof FeedTrimmed) return [];
      throw err;
    });
    if (event?.seq !== from) return null;
    const since = Date.parse(event.at) - (this.opts.clockSkewMs ?? KAFKA_DEFAULTS.clockSkewMs);
    const [offsets, ends] = await Promise.all([
      this.admin!.fetchTopicOffsetsByTimestamp(this.topics.embeddings, since),
      this.admin!.fetchTopicOffsets(this.topics.embeddings),
    ]);
    const low = new Map(ends.map((p) => [p.partition, Number(p.low)]));
    const skipped = offsets.reduce((n, p) => n + Math.max(0, Number(p.offset) - (low.get(p.partition) ?? 0)), 0);
    this.log('info', 'kafka: reading the vectors produced since the served snapshot', {
      replica: this.replicaId,
      position: from,
      since: new Date(since).toISOString(),
      skipped,
    });
    return offsets.map((p) => ({ partition: p.partition, offset: String(p.offset) }));
  }

  private caughtUp(seq: number, nodes: NodeRef[]): boolean {
    if (seq <= 0) return true;
    if (nodes.length === 0) return this.stats.position >= seq;
    return nodes.every((n) => this.embeddings.servedSeq(n) >= seq);
  }

  private async ensureTopics(): Promise<void> {
    const existing = new Set(await this.admin!.listTopics());
    const wanted = [
      { topic: this.topics.changes, numPartitions: PARTITIONS },
      {
        topic: this.topics.embeddings,
        numPartitions: PARTITIONS,
        configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
      },
      { topic: this.topics.publisher, numPartitions: 1 },
      // Notices only: worth nothing after a poll interval.
      { topic: this.topics.writes, numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '60000' }] },
    ].filter((t) => !existing.has(t.topic));
    if (wanted.length === 0) return;
    try {
      await this.admin!.createTopics({ topics: wanted, waitForLeaders: true });
    } catch (err) {
      // Another replica created them first.
      if (!/already exists/i.test(String(err))) throw err;
    }
  }

  /** Becomes the publisher (becomePublisher), trying again every second while the assignment stays ours. */
  private claimPublishing(): void {
    this.becomePublisher().catch((err) => {
      if (this.stopped || !this.publisherAssigned) return;
      this.log('warn', 'kafka: taking over the change feed failed; retrying', {
        replica: this.replicaId,
        error: String(err),
      });
      setTimeout(() => {
        if (this.publisherAssigned && !this.publishing && !this.stopped) this.claimPublishing();
      }, 1000).unref();
    });
  }

  private async becomePublisher(): Promise<void> {
    // Where the last publisher got to; at least where this replica got to if it published before (it knows
    // its own acknowledged batches even if the position topic cannot be read back).
    const recorded = await this.lastPublished();
    this.published = Math.max(recorded ?? this.from, this.published);
    this.publishing = true;
    this.log('info', 'kafka: publishing the change feed', { replica: this.replicaId, from: this.published, recorded });
    this.schedulePublish(0);
  }

  /**
   * The position the last publisher recorded (the last message of `publisher`), or null when none did. Read
   * with a short-lived consumer only when a new one was recorded since the last read.
   */
  private async lastPublished(): Promise<number | null> {
    const [end] = await this.admin!.fetchTopicOffsets(this.topics.publisher);
    const last = Number(end.high) - 1;
    if (last < Number(end.low) || last < 0) {
      this.log('info', 'kafka: no publisher position recorded', { replica: this.replicaId, ...end });
      return null;
    }
    if (this.recordedPosition?.offset === last) return this.recordedPosition.seq;
    const seq = await this.readPosition(last);
    this.recordedPosition = { offset: last, seq };
    return seq;
  }

  private async readPosition(last: number): Promise<number> {
    const reader = this.kafka.consumer({ groupId: `${this.opts.topicPrefix}position-${crypto.randomUUID()}` });
    await reader.connect();
    try {
      await reader.subscribe({ topic: this.topics.publisher });
      return await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('could not read the publisher position')), 30_000);
        void reader.run({
          autoCommit: false,
          eachMessage: async ({ message }) => {
            if (Number(message.offset) !== last) return;
            clearTimeout(timer);
            resolve((JSON.parse(message.value!.toString()) as { seq: number }).seq);
          },
        });
        reader.seek({ topic: this.topics.publisher, partition: 0, offset: String(last) });
      });
    } finally {
      await reader.disconnect().catch(() => {});
    }
  }

  private schedulePublish(ms: number): void {
    if (this.stopped || !this.publishing) return;
    if (this.publishTimer) clearTimeout(this.publishTimer);
    this.publishTimer = setTimeout(() => {
      this.publishTimer = null;
      let failed = false;
      this.publishRun = this.publish()
        .catch((err) => {
          failed = true;
          this.log('warn', 'kafka: publishing the change feed failed; retrying', {
            error: String(err),
            inMs: PUBLISH_RETRY_MS,
          });
        })
        .finally(() => {
          this.publishRun = null;
          const again = this.kickedDuringRun;
          this.kickedDuringRun = false;
          this.schedulePublish(failed ? PUBLISH_RETRY_MS : again ? 0 : (this.opts.pollMs ?? KAFKA_DEFAULTS.pollMs));
        });
    }, ms);
    this.publishTimer.unref();
  }

  /** The published position whose gap in the feed was last logged (republish). */
  private gapLogged: number | null = null;

  /** The publisher trims the feed, never past what it has published; the other replicas do not. */
  retainFrom(): number | null {
    return this.publishing ? this.published : null;
  }

  /** Publishes the store's feed after the last published position, batch by batch, then records it. */
  private async publish(): Promise<void> {
    while (this.publishing && !this.stopped) {
      let events: ChangeEvent[];
      try {
        events = await this.store.changes(this.published, this.opts.batchSize ?? 500);
      } catch (err) {
        if (!(err instanceof FeedTrimmed)) throw err;
        await this.republish(err.trimmed);
        continue;
      }
      if (events.length === 0) return;
      await this.sendChanges(events);
      await this.recordPublished(events[events.length - 1].seq);
    }
  }

  /** Publishes change events to `changes`, each keyed by its node (an edge's: its start node). */
  private async sendChanges(events: ChangeEvent[]): Promise<void> {
    await this.producer!.send({
      topic: this.topics.changes,
      acks: -1,
      messages: events.map((e) => ({ key: nodeKey(e.node ?? e.edge!.from), value: JSON.stringify(e) })),
    });
  }

  /** Records the position published through, once its events are acknowledged: where a new publisher resumes. */
  private async recordPublished(seq: number): Promise<void> {
    await this.producer!.send({
      topic: this.topics.publisher,
      acks: -1,
      messages: [{ value: JSON.stringify({ seq }) }],
    });
    this.published = seq;
  }

  /**
   * The feed was trimmed past the published position (trimmed by something that did not know this publisher's
   * position: the publisher caps its own trims): the events in between cannot be published. Instead every
   * member and job in the store is published as a `node.upsert` of its current record, numbered with the head
   * read first, so the nearline group recomputes them all; then the feed is published on from that head. A
   * member or job deleted in the lost range stays served until the replicas next activate a model.
   */
  private async republish(trimmed: number): Promise<void> {
    const head = await this.store.lastSeq();
    // Once per gap, not at every retry while the broker is away.
    if (this.gapLogged !== this.published) {
      this.gapLogged = this.published;
      this.log(
        'warn',
        'kafka: the change feed was trimmed past the published position; publishing every member and job',
        { published: this.published, trimmed, head },
      );
    }
    const at = new Date().toISOString();
    for (const label of ['Member', 'Job'] as const)
      for await (const page of nodePages(this.store, label, this.opts.batchSize ?? 500)) {
        if (!this.publishing || this.stopped) return;
        await this.sendChanges(
          page.map((n) => ({ seq: head, at, kind: 'node.upsert', node: { label, id: n.id }, props: n.props })),
        );
      }
    await this.recordPublished(head);
  }

  /** Recomputes what a batch of change events touched and publishes the vectors (the nearline group's work). */
  private async refresh(events: ChangeEvent[]): Promise<void> {
    if (events.length === 0) return;
    const t0 = Date.now();
    if (!this.embeddings.manifest) throw new Error('no model version is active: the nearline refresh waits for one');
    // Each vector is computed from the store as it is now, so it reflects every event up to the feed's
    // head read before the reads (at least; later events reach it through their own messages).
    const head = await this.store.lastSeq();
    const stamp = Math.max(head, events[events.length - 1].seq);
    const messages: Array<{ key: string; value: string }> = [];
    // Read and computed for the whole batch at once (over Neo4j each read is a round trip).
    const refs = touchedNodes(events);
    const present = (await readNodes(this.store, refs)).filter((n): n is NodeRecord => n !== null);
    const computed = await this.embeddings.rowsOf(present);
    const version = computed.version;
    const rows = new Map(computed.rows.map((row, i) => [nodeKey(present[i]), { row, node: present[i] }]));
    for (const ref of refs) {
      const { row, node } = rows.get(nodeKey(ref)) ?? { row: null, node: null };
      const value: EmbeddingMessage = {
        version,
        seq: stamp,
        row: row && {
          id: row.id,
          text: encodeVector(row.text),
          graph: encodeVector(row.graph),
          fused: encodeVector(row.fused),
        },
        ...(node && { attrs: encodeAttrs(servedAttrsOf(node)) }),
      };
      messages.push({ key: nodeKey(ref), value: JSON.stringify(value) });
    }
    await this.producer!.send({ topic: this.topics.embeddings, acks: -1, messages });
    this.stats.applied += events.length;
    this.stats.refreshed += messages.length;
    this.stats.lastBatchMs = Date.now() - t0;
    this.lastBatchAge = (Date.now() - Date.parse(events[0].at)) / 1000;
  }

  /** Serves the vectors of a batch of `embeddings` messages (every replica). */
  private async applyVectors(messages: Array<{ key: Buffer | null; value: Buffer | null }>): Promise<void> {
    const version = this.embeddings.manifest?.version;
    const since = this.embeddings.activationPosition;
    const serve: Array<{
      ref: NodeRef & { label: 'Member' | 'Job' };
      row: ServedRow | null;
      seq: number;
      attrs?: ServedAttrs;
    }> = [];
    const recompute: Array<{ ref: NodeRef & { label: 'Member' | 'Job' }; seq: number }> = [];
    /** The newest position of each node in this batch (a node's messages may come from several partitions). */
    const newest = new Map<string, number>();
    for (const m of messages) {
      if (!m.key || !m.value) continue;
      const key = m.key.toString();
      const msg = JSON.parse(m.value.toString()) as EmbeddingMessage;
      const [label, ...rest] = key.split('/');
      const ref = { label: label as 'Member' | 'Job', id: rest.join('/') };
      if (!version || msg.seq <= since || msg.seq <= Math.max(this.embeddings.servedSeq(ref), newest.get(key) ?? 0))
        continue;
      newest.set(key, msg.seq);
      if (msg.version !== version) {
        // Computed with another model version (a switch not yet everywhere): recompute it here instead.
        recompute.push({ ref, seq: msg.seq });
        continue;
      }
      const row: ServedRow | null = msg.row && {
        id: msg.row.id,
        text: decodeVector(msg.row.text),
        graph: decodeVector(msg.row.graph),
        fused: decodeVector(msg.row.fused),
      };
      // A message without attrs (written by an older replica) has them read from the store.
      serve.push({ ref, row, seq: msg.seq, ...(msg.attrs && { attrs: decodeAttrs(msg.attrs) }) });
    }
    await this.matching.serveMany(serve);
    // All at once (read and encoded together), from the store as it is now: at least as new as every message's.
    if (recompute.length)
      await this.matching.refreshMany(
        recompute.map((r) => r.ref),
        recompute.reduce((most, r) => Math.max(most, r.seq), 0),
      );
    for (const { seq } of serve) this.stats.position = Math.max(this.stats.position, seq);
    this.waiters.settle();
  }
}
