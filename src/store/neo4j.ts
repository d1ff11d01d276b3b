/**
 * The Neo4j store: one driver, one bookmark manager, parameters only; reads as auto-commit queries (readOnce) or
 * executeRead, writes in transactions whose statements are pipelined (writeTransaction, Pipeline).
 * Labels and relationship types are never taken from input as text: they are checked against the
 * closed sets in types.ts before they appear in a query.
 *
 * Layout: a node is (:Label {id, ...props}); an edge is (a)-[:TYPE {...props}]->(b), at most
 * one per (type, a, b). The change feed is (:_ChangeBlock {first, last, at, events, about}), a node per up to
 * 1,000 consecutive events of one transaction (events as JSON; before 2026-12-07 a node per event,
 * (:_Change {seq, at, event}), still read), and the audit log (:_Audit)-[:ABOUT]->(:_Subject {id}); sequence
 * numbers come from (:_Sequence) counters that are incremented last in each transaction, so the write lock on the
 * counter orders commits.
 */
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { Driver, ManagedTransaction, QueryResult, Session } from 'neo4j-driver';
import { NEO4J_DEFAULTS } from '../config.ts';
import { allRelations, buildProjection } from './projection.ts';
import {
  NODE_LABELS,
  StoreError,
  subjectOf,
  assertFeedHeld,
  KEPT_SUBJECTS,
  readsTrimmable,
  checkEdgeVersion,
  assertEdgeShape,
  auditList,
  assertLabel,
  assertEdgeType,
  cleanProps,
  isInteraction,
  LEGACY_MARKETPLACE_OPERATIONS,
  nodeKey,
  RevisionConflict,
  validateOp,
} from './types.ts';
import type {
  AuditInput,
  AuditRecord,
  ChangeEvent,
  ChangeSubject,
  Direction,
  EdgeRecord,
  EdgeRef,
  EdgeType,
  GraphStore,
  HistoryFilter,
  Neighbor,
  NeighborLink,
  NodeLabel,
  NodeRecord,
  NodeRef,
  Page,
  Projection,
  WriteOp,
  WriteResult,
} from './types.ts';

/** What a transaction's statements are run on: a managed transaction's or an explicit one's `run`. */
type Tx = Pick<ManagedTransaction, 'run'>;

/**
 * neighborsMany and neighborLinksMany calls waiting to be read together: the same label, direction and ids, any
 * edge types, with or without the neighbours' records.
 */
interface NeighborBatch {
  label: NodeLabel;
  direction: Direction;
  ids: string[];
  asked: Array<{
    type: EdgeType;
    records: boolean;
    resolve: (lists: NeighborLink[][]) => void;
    reject: (err: unknown) => void;
  }>;
}

export interface Neo4jStoreOptions {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** Directory of *.cypher files with constraints and indexes, applied at start-up. */
  schemaDir: string;
  /**
   * How long Neo4j unreachable (ServiceUnavailable, SessionExpired) is retried before a call is answered
   * UNAVAILABLE (ms; NEO4J_DEFAULTS). A cluster's leader election takes longer: set it above that to ride one out.
   */
  unavailableRetryMs?: number;
  /** How long one attempt to open a connection may take (ms; NEO4J_DEFAULTS; the driver's own is 30,000). */
  connectTimeoutMs?: number;
}

type PendingEvent = Omit<ChangeEvent, 'seq' | 'at'>;

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private closed = false;

  private constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    private readonly unavailableRetryMs: number,
  ) {}

  static async open(opts: Neo4jStoreOptions): Promise<Neo4jStore> {
    const driver = neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password), {
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 30_000,
      // One attempt to open a connection (the driver's default is 30 s: an unreachable host would hold every
      // request that long).
      connectionTimeout: opts.connectTimeoutMs ?? NEO4J_DEFAULTS.connectTimeoutMs,
      maxConnectionPoolSize: 50,
      // Transactions are retried by retrying() below, sooner than the driver would.
      maxTransactionRetryTime: 0,
    });
    try {
      await driver.verifyConnectivity({ database: opts.database });
    } catch (err) {
      await driver.close();
      throw new StoreError(
        'UNAVAILABLE',
        `Cannot reach Neo4j at ${opts.uri}: ${(err as Error).message}. Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.`,
      );
    }
    const store = new Neo4jStore(driver, opts.database, opts.unavailableRetryMs ?? NEO4J_DEFAULTS.unavailableRetryMs);
    await store.applySchema(opts.schemaDir);
    await store.migrateAuditFeeds();
    return store;
  }

  /** Runs every statement of schema/neo4j/*.cypher (all written with IF NOT EXISTS). */
  private async applySchema(dir: string): Promise<void> {
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.cypher'))
      .sort();
    for (const f of files) {
      const statements = fs
        .readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => !l.trim().startsWith('//'))
        .join('\n')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const s of statements) await this.driver.executeQuery(s, {}, { database: this.database });
    }
    await this.driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: this.database });
  }

  /** Audit records written before records carried a feed are sorted into one by their operation. */
  private async migrateAuditFeeds(): Promise<void> {
    await this.driver.executeQuery(
      `MATCH (a:_Audit) WHERE a.feed IS NULL
       SET a.feed = CASE WHEN a.operation IN $marketplace THEN 'marketplace' ELSE 'taxonomy' END`,
      { marketplace: LEGACY_MARKETPLACE_OPERATIONS },
      { database: this.database },
    );
  }

  /**
   * One bookmark manager for every session of this store: on a cluster a read then waits for the writes this
   * process committed before it (causal consistency), as the driver's executeQuery does by default.
   */
  private readonly bookmarks = neo4j.bookmarkManager();

  private session() {
    return this.driver.session({ database: this.database, bookmarkManager: this.bookmarks });
  }

  /**
   * A single-statement read: one auto-commit query (`session.run`) with this store's bookmarks, retried like a
   * transaction. Measured here (10-row reads, Neo4j on localhost): this process's CPU per read ~0.3 ms against
   * ~0.5–0.8 ms through the driver's executeQuery (a transaction function: BEGIN, RUN, COMMIT) and ~0.7–0.9 ms
   * through executeRead; mean latency 1.0 against 1.6 and 1.9 ms (one read at a time).
   */
  private async readOnce<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    this.assertOpen();
    try {
      return await retrying(this.unavailableRetryMs, async () => {
        const session = this.driver.session({
          database: this.database,
          defaultAccessMode: neo4j.session.READ,
          bookmarkManager: this.bookmarks,
        });
        try {
          return await work(withoutStacks(session));
        } finally {
          await session.close();
        }
      });
    } catch (err) {
      throw translateNeo4jError(err);
    }
  }

  private async withSession<T>(mode: 'read' | 'write', work: (tx: Tx) => Promise<T>): Promise<T> {
    this.assertOpen();
    const session = this.session();
    try {
      return await retrying(this.unavailableRetryMs, () =>
        mode === 'read' ? session.executeRead((tx) => work(withoutStacks(tx))) : writeTransaction(session, work),
      );
    } catch (err) {
      throw translateNeo4jError(err);
    } finally {
      await session.close();
    }
  }

  /**
   * Writes from this process are committed one transaction at a time, and the writes that arrive meanwhile go
   * into the next transaction together (at most 64 writes or 10,000 ops): every transaction ends on the feed's
   * counter, whose lock orders the commits, so concurrent small writes would otherwise queue on it one commit
   * each (bench:store, small writes). Each write still commits or fails alone: when a shared transaction fails,
   * its writes run again one by one. A write's events stay contiguous in the feed, in the order of the writes.
   */
  async write(ops: WriteOp[], audit?: AuditInput | AuditInput[]): Promise<WriteResult> {
    for (const op of ops) validateOp(op);
    const audits = auditList(audit);
    if (ops.length === 0 && audits.length === 0) return { seq: 0 };
    this.assertOpen();
    return new Promise<WriteResult>((resolve, reject) => {
      // Copies: each op's identity says which write it belongs to.
      this.writeQueue.push({ ops: ops.map((op) => ({ ...op })), audits, resolve, reject });
      this.commitQueued();
    });
  }

  private readonly writeQueue: QueuedWrite[] = [];
  private committing = false;

  private commitQueued(): void {
    if (this.committing || this.writeQueue.length === 0) return;
    this.committing = true;
    const batch = takeWrites(this.writeQueue);
    void this.commitWrites(batch).finally(() => {
      this.committing = false;
      this.commitQueued();
    });
  }

  private async commitWrites(batch: QueuedWrite[]): Promise<void> {
    try {
      const seqs = await this.withSession('write', (tx) => applyWrites(tx, batch));
      batch.forEach((w, i) => w.resolve({ seq: seqs[i] }));
    } catch (err) {
      if (batch.length === 1) return batch[0].reject(err);
      // One write spoiled the shared transaction (all of it rolled back): each alone, in order.
      for (const w of batch) {
        try {
          const [seq] = await this.withSession('write', (tx) => applyWrites(tx, [w]));
          w.resolve({ seq });
        } catch (e) {
          w.reject(e);
        }
      }
    }
  }

  async getNode(ref: NodeRef): Promise<NodeRecord | null> {
    assertLabel(ref.label);
    return this.readOnce(async (tx) => {
      const res = await tx.run(`MATCH (n:${ref.label} {id: $id}) RETURN properties(n) AS p`, { id: ref.id });
      return res.records.length ? toNode(ref.label, res.records[0].get('p')) : null;
    });
  }

  async getNodes(label: NodeLabel, ids: string[]): Promise<(NodeRecord | null)[]> {
    assertLabel(label);
    if (ids.length === 0) return [];
    const found = await this.readOnce(async (tx) => {
      const res = await tx.run(`UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN properties(n) AS p`, { ids });
      return new Map(
        res.records.map((r) => {
          const node = toNode(label, r.get('p'));
          return [node.id, node] as const;
        }),
      );
    });
    return ids.map((id) => found.get(id) ?? null);
  }

  async listNodes(label: NodeLabel, opts: { first: number; after?: string | null }): Promise<Page<NodeRecord>> {
    assertLabel(label);
    const rows = await this.readOnce(async (tx) => {
      const res = await tx.run(
        `MATCH (n:${label}) WHERE n.id > $after RETURN properties(n) AS p ORDER BY n.id LIMIT $limit`,
        {
          after: opts.after ?? '',
          limit: neo4j.int(opts.first + 1),
        },
      );
      return res.records.map((r) => toNode(label, r.get('p')));
    });
    const items = rows.slice(0, opts.first);
    return { items, next: rows.length > opts.first ? items[items.length - 1].id : null };
  }

  async countNodes(label: NodeLabel): Promise<number> {
    assertLabel(label);
    return this.readOnce(
      async (tx) => (await tx.run(`MATCH (n:${label}) RETURN count(n) AS c`)).records[0].get('c') as number,
    );
  }

  async countEdges(type: EdgeType): Promise<number> {
    assertEdgeType(type);
    return this.readOnce(
      async (tx) => (await tx.run(`MATCH ()-[r:${type}]->() RETURN count(r) AS c`)).records[0].get('c') as number,
    );
  }

  async getEdge(ref: EdgeRef): Promise<EdgeRecord | null> {
    assertEdgeShape(ref);
    return this.readOnce(async (tx) => {
      const res = await tx.run(
        `MATCH (:${ref.from.label} {id: $from})-[r:${ref.type}]->(:${ref.to.label} {id: $to}) RETURN properties(r) AS p`,
        { from: ref.from.id, to: ref.to.id },
      );
      return res.records.length
        ? { type: ref.type, from: { ...ref.from }, to: { ...ref.to }, props: cleanProps(res.records[0].get('p')) }
        : null;
    });
  }

  async neighbors(node: NodeRef, type: EdgeType, direction: Direction): Promise<Neighbor[]> {
    return (await this.neighborsMany(node.label, [node.id], type, direction))[0];
  }

  /**
   * Neighbours of the same nodes asked for together share one statement: callers read several edge types of a
   * batch at once (a profile's skills, titles, places…; a GraphSAGE neighbourhood), and calls made in the same
   * turn of the event loop for the same label, direction and ids are answered by one query over all their types
   * (measured in `bench:nearline --kafka`: ~27 statements per profile edit, 15 of them one edge type each).
   */
  neighborsMany(label: NodeLabel, ids: string[], type: EdgeType, direction: Direction): Promise<Neighbor[][]> {
    return this.askNeighbors(label, ids, type, direction, true) as Promise<Neighbor[][]>;
  }

  /**
   * Read with the batch of neighborsMany above; the records are read for the types some caller asked with
   * records only (in `bench:nearline --kafka` a refresh's GraphSAGE neighbourhood was 4.3 of the 9.8 MB the
   * burst read back from Neo4j, nearly all of it the neighbours' records).
   */
  neighborLinksMany(label: NodeLabel, ids: string[], type: EdgeType, direction: Direction): Promise<NeighborLink[][]> {
    return this.askNeighbors(label, ids, type, direction, false);
  }

  private async askNeighbors(
    label: NodeLabel,
    ids: string[],
    type: EdgeType,
    direction: Direction,
    records: boolean,
  ): Promise<NeighborLink[][]> {
    assertLabel(label);
    assertEdgeType(type);
    if (ids.length === 0) return [];
    const key = `${label}\u0001${direction}\u0001${ids.join('\u0001')}`;
    let batch = this.neighborBatches.get(key);
    if (!batch) {
      batch = { label, direction, ids, asked: [] };
      this.neighborBatches.set(key, batch);
      if (this.neighborBatches.size === 1) queueMicrotask(() => this.readNeighborBatches());
    }
    const asked = batch.asked;
    return new Promise((resolve, reject) => asked.push({ type, records, resolve, reject }));
  }

  private readonly neighborBatches = new Map<string, NeighborBatch>();

  private readNeighborBatches(): void {
    const batches = [...this.neighborBatches.values()];
    this.neighborBatches.clear();
    for (const { label, direction, ids, asked } of batches) {
      const withRecords = new Set(asked.filter((a) => a.records).map((a) => a.type));
      // Types sorted: the same set gives the same statement text, which Neo4j compiles once (its plan cache is keyed
      // by the text).
      const types = [...new Set(asked.map((a) => a.type))].sort();
      this.readNeighbors(label, ids, types, withRecords, direction).then(
        (byType) => {
          // Each caller its own lists (the first of a type the read's, any later one copies).
          const given = new Set<EdgeType>();
          for (const { type, resolve } of asked) {
            const lists = byType.get(type)!;
            resolve(given.has(type) ? lists.map((l) => l.slice()) : lists);
            given.add(type);
          }
        },
        (err) => {
          for (const { reject } of asked) reject(err);
        },
      );
    }
  }

  /**
   * The neighbours over each of `types`, aligned with ids, in one statement; the neighbours' records for the
   * types in `withRecords`, their label and id for the others.
   */
  private readNeighbors(
    label: NodeLabel,
    ids: string[],
    types: EdgeType[],
    withRecords: ReadonlySet<EdgeType>,
    direction: Direction,
  ): Promise<Map<EdgeType, NeighborLink[][]>> {
    return this.readOnce(async (tx) => {
      const byType = new Map(types.map((t) => [t, new Map<string, NeighborLink[]>(ids.map((id) => [id, []]))]));
      // One statement whatever the direction (both: the undirected pattern, each edge's direction read back).
      const arrow = { out: ['-', '->'], in: ['<-', '-'], both: ['-', '-'] }[direction];
      const res = await tx.run(
        `UNWIND $ids AS id MATCH (n:${label} {id: id})${arrow[0]}[r:${types.join('|')}]${arrow[1]}(m)
         RETURN id, type(r) AS type, startNode(r) = n AS out, labels(m) AS labels, m.id AS mid,
                CASE WHEN type(r) IN $withRecords THEN properties(m) END AS p, properties(r) AS rp`,
        { ids: [...new Set(ids)], withRecords: [...withRecords] },
      );
      for (const rec of res.records) {
        const id = rec.get('id') as string;
        const type = rec.get('type') as EdgeType;
        const otherLabel = ourLabel(rec.get('labels'));
        const p = rec.get('p') as Record<string, unknown> | null;
        const other = p ? toNode(otherLabel, p) : { label: otherLabel, id: rec.get('mid') as string };
        const self = { label, id };
        const ends = rec.get('out')
          ? { from: self, to: { label: other.label, id: other.id } }
          : { from: { label: other.label, id: other.id }, to: self };
        byType
          .get(type)
          ?.get(id)!
          .push({ node: other, edge: { type, ...ends, props: cleanProps(rec.get('rp')) } });
      }
      return new Map([...byType].map(([t, byId]) => [t, ids.map((id) => byId.get(id)!)]));
    });
  }

  async changes(after: number, limit: number, about?: readonly ChangeSubject[]): Promise<ChangeEvent[]> {
    // Written by the store, the feed has no gaps, so the next `limit` events are those numbered after + 1 … after
    // + limit: the blocks holding them are found by their `last` in the constraint's index (the last one ends at
    // most BLOCK_EVENTS − 1 later). Events written one node each before blocks (_Change) are read beside them. The
    // feed's head comes back with them: a page that is empty below the head met a gap (blocks deleted by hand, to
    // take back space), and the read goes on from the first event past it instead of stalling there. Neo4j reads at
    // read-committed: a block a trim deletes while this reads it comes back without properties (no events here;
    // the trimmed point, set before, then refuses the read).
    if (!about) {
      const res = await this.readOnce((tx) =>
        tx.run(
          `CALL () {
             MATCH (b:_ChangeBlock) WHERE b.last > $after AND b.last < $after + $limit + $block AND b.first <= $after + $limit
             RETURN b.first AS first, b.at AS at, coalesce(b.events, []) AS events
             UNION ALL
             MATCH (c:_Change) WHERE c.seq > $after AND c.seq <= $after + $limit
             RETURN c.seq AS first, c.at AS at, CASE WHEN c.event IS NULL THEN [] ELSE [c.event] END AS events
           }
           UNWIND range(0, size(events) - 1) AS i
           WITH first + i AS seq, at, events[i] AS event
           WHERE $after < seq <= $after + $limit
           WITH seq, at, event ORDER BY seq
           WITH collect({seq: seq, at: at, event: event}) AS rows
           OPTIONAL MATCH (s:_Sequence {name: '_change'})
           RETURN rows, coalesce(s.value, 0) AS head, coalesce(s.trimmed, 0) AS trimmed`,
          { after: neo4j.int(after), limit: neo4j.int(limit), block: neo4j.int(BLOCK_EVENTS) },
        ),
      );
      // Read with the events, in one transaction: the point is set before any event is deleted.
      assertFeedHeld(after, res.records[0].get('trimmed') as number);
      const rows = res.records[0].get('rows') as ChangeRow[];
      if (rows.length > 0 || limit < 1 || (res.records[0].get('head') as number) <= after)
        return rows.map(changeEventOf);
      const next = await this.firstEventAfter(after);
      // Past the gap (next = after + 1 would have been in the page read: never read again, so this always ends).
      return next === null || next <= after + 1 ? [] : this.changes(next - 1, limit);
    }
    // About some labels and edge types: the blocks holding any such event past `after`, a few at a time, and of
    // each only those events (a block's `events` is read only once its `about` has matched). Events from before
    // `about` was recorded ('' or null) pass here and are sorted out below.
    // A trim that begins during the read deletes what a reader from before its point may need: checked before and
    // after (the blocks a trim deletes hold no kept subject, so a reader of kept subjects only never meets them).
    const trimmable = readsTrimmable(about);
    if (trimmable) assertFeedHeld(after, await this.trimmedThrough(), about);
    const out = await this.changesAbout(after, limit, about);
    if (trimmable) assertFeedHeld(after, await this.trimmedThrough(), about);
    return out;
  }

  private async changesAbout(after: number, limit: number, about: readonly ChangeSubject[]): Promise<ChangeEvent[]> {
    const out: ChangeEvent[] = [];
    for (let from = after; ;) {
      const res = await this.readOnce((tx) =>
        tx.run(
          `CALL () {
             MATCH (b:_ChangeBlock) WHERE b.last > $after
             WITH b, coalesce(b.about, []) AS about
             WITH b, [i IN range(0, size(about) - 1)
                      WHERE b.first + i > $after AND (about[i] IN $about OR about[i] = '')] AS hits
             WHERE size(hits) > 0
             WITH b, hits ORDER BY b.last LIMIT $blocks
             RETURN b.last AS last, [i IN hits | {seq: b.first + i, at: b.at, event: b.events[i]}] AS events
             UNION ALL
             MATCH (c:_Change) WHERE c.seq > $after AND (c.about IN $about OR c.about IS NULL)
             RETURN c.seq AS last, [{seq: c.seq, at: c.at, event: c.event}] AS events ORDER BY c.seq LIMIT $blocks
           }
           RETURN last, events ORDER BY last LIMIT $blocks`,
          { after: neo4j.int(from), blocks: neo4j.int(FILTERED_BLOCKS), about },
        ),
      );
      for (const rec of res.records)
        for (const row of rec.get('events') as ChangeRow[]) {
          const event = changeEventOf(row);
          if (about.includes(subjectOf(event)) && out.push(event) === limit) return out;
        }
      if (res.records.length < FILTERED_BLOCKS) return out;
      from = res.records[res.records.length - 1].get('last') as number;
    }
  }

  /** The number of the first event held past `after` (null: none), by an ordered seek of either index. */
  private async firstEventAfter(after: number): Promise<number | null> {
    const res = await this.readOnce((tx) =>
      tx.run(
        `CALL () {
           MATCH (b:_ChangeBlock) WHERE b.last > $after
           WITH b ORDER BY b.last LIMIT 1
           RETURN CASE WHEN b.first > $after THEN b.first ELSE $after + 1 END AS next
           UNION ALL
           MATCH (c:_Change) WHERE c.seq > $after
           WITH c ORDER BY c.seq LIMIT 1
           RETURN c.seq AS next
         }
         RETURN min(next) AS next`,
        { after: neo4j.int(after) },
      ),
    );
    return (res.records[0]?.get('next') as number | null) ?? null;
  }

  async trimChanges(through: number): Promise<number> {
    // The point first, in its own transaction (readers from before it are refused from its commit on), then the
    // blocks and single events below it that hold nothing about the taxonomy, 100 blocks (1,000 single events) a
    // transaction: a scratch run of 60,000 events in 1,200 blocks took ~1 s either way, and small writes meanwhile
    // waited 75 ms at most with 100 blocks, 108–226 ms with 1,000. A block with any kept event stays whole (a block
    // is one transaction's events: rarely both kinds); so do blocks from before `about` was recorded.
    const point = await this.withSession('write', async (tx) => {
      const res = await tx.run(
        `MATCH (s:_Sequence {name: '_change'})
         WITH s, coalesce(s.trimmed, 0) AS from, CASE WHEN $through < s.value THEN $through ELSE s.value END AS point
         SET s.trimmed = CASE WHEN point > from THEN point ELSE from END
         RETURN from, point`,
        { through: neo4j.int(Math.floor(through)) },
      );
      const rec = res.records[0];
      return rec && (rec.get('point') as number) > (rec.get('from') as number)
        ? { from: rec.get('from') as number, to: rec.get('point') as number }
        : null;
    });
    if (!point) return 0;
    const session = this.session();
    try {
      const params = { from: neo4j.int(point.from), to: neo4j.int(point.to), kept: KEPT_SUBJECTS };
      const blocks = await session.run(
        `MATCH (b:_ChangeBlock) WHERE b.last > $from AND b.last <= $to AND none(a IN b.about WHERE a IN $kept OR a = '')
         WITH b, size(b.events) AS n
         CALL (b) { DELETE b } IN TRANSACTIONS OF 100 ROWS
         RETURN sum(n) AS removed`,
        params,
      );
      const single = await session.run(
        `MATCH (c:_Change) WHERE c.seq > $from AND c.seq <= $to AND c.about <> '' AND NOT c.about IN $kept
         CALL (c) { DELETE c } IN TRANSACTIONS OF 1000 ROWS
         RETURN count(*) AS removed`,
        params,
      );
      return Number(blocks.records[0].get('removed')) + Number(single.records[0].get('removed'));
    } catch (err) {
      throw translateNeo4jError(err);
    } finally {
      await session.close();
    }
  }

  async trimmedThrough(): Promise<number> {
    return this.readOnce(async (tx) => {
      const res = await tx.run("MATCH (s:_Sequence {name: '_change'}) RETURN coalesce(s.trimmed, 0) AS t");
      return res.records.length ? (res.records[0].get('t') as number) : 0;
    });
  }

  async revision(name: string): Promise<number> {
    return this.readOnce(async (tx) => {
      const res = await tx.run('MATCH (s:_Sequence {name: $key}) RETURN s.value AS v', { key: `revision:${name}` });
      return res.records.length ? Number(res.records[0].get('v')) : 0;
    });
  }

  async lastSeq(): Promise<number> {
    return this.readOnce(async (tx) => {
      const res = await tx.run("MATCH (s:_Sequence {name: '_change'}) RETURN s.value AS v");
      return res.records.length ? (res.records[0].get('v') as number) : 0;
    });
  }

  async history(opts: HistoryFilter & { before?: number; first: number }): Promise<AuditRecord[]> {
    return this.readOnce(async (tx) => {
      const match =
        opts.subject !== undefined ? 'MATCH (:_Subject {id: $subject})<-[:ABOUT]-(a:_Audit)' : 'MATCH (a:_Audit)';
      const res = await tx.run(
        `${match} WHERE a.feed = $feed AND ($since IS NULL OR a.at >= $since) AND ($before IS NULL OR a.seq < $before)
         RETURN a ORDER BY a.seq DESC LIMIT $limit`,
        {
          feed: opts.feed,
          subject: opts.subject ?? null,
          since: opts.since ?? null,
          before: opts.before === undefined ? null : neo4j.int(opts.before),
          limit: neo4j.int(opts.first),
        },
      );
      return res.records.map((r) => {
        const a = r.get('a').properties;
        return {
          seq: a.seq,
          feed: a.feed,
          at: a.at,
          actor: a.actor,
          operation: a.operation,
          subjects: a.subjects,
          before: a.before == null ? undefined : JSON.parse(a.before),
          after: a.after == null ? undefined : JSON.parse(a.after),
        };
      });
    });
  }

  async countHistory(opts: HistoryFilter): Promise<number> {
    return this.readOnce(async (tx) => {
      const match =
        opts.subject !== undefined ? 'MATCH (:_Subject {id: $subject})<-[:ABOUT]-(a:_Audit)' : 'MATCH (a:_Audit)';
      const res = await tx.run(
        `${match} WHERE a.feed = $feed AND ($since IS NULL OR a.at >= $since) RETURN count(a) AS n`,
        {
          feed: opts.feed,
          subject: opts.subject ?? null,
          since: opts.since ?? null,
        },
      );
      return res.records[0].get('n') as number;
    });
  }

  async projection(): Promise<Projection> {
    // The feed position is read first: Neo4j's transactions are read committed (each statement sees what had
    // committed when it ran, not one snapshot), so ids and edges read after it hold every event up to it — and
    // perhaps a few later ones, which whoever builds on the projection applies again (recomputing is idempotent).
    // Read last, it could name events whose nodes the earlier statements missed, and a nearline refresh resuming
    // there would skip them for good.
    return this.withSession('read', async (tx) => {
      const seqRes = await tx.run("MATCH (s:_Sequence {name: '_change'}) RETURN s.value AS v");
      const idsByLabel: Partial<Record<NodeLabel, string[]>> = {};
      for (const label of NODE_LABELS) {
        const res = await tx.run(`MATCH (n:${label}) RETURN n.id AS id`);
        idsByLabel[label] = res.records.map((r) => r.get('id') as string);
      }
      const lists = [];
      for (const rel of allRelations()) {
        if (isInteraction(rel.type)) {
          const res = await tx.run(
            `MATCH (a:${rel.from})-[r:${rel.type}]->(b:${rel.to}) RETURN a.id AS f, b.id AS t, r.first AS first, r.at AS at, r.count AS count`,
          );
          lists.push({
            ...rel,
            pairs: res.records.map(
              (r) =>
                [
                  r.get('f') as string,
                  r.get('t') as string,
                  cleanProps({ first: r.get('first'), at: r.get('at'), count: r.get('count') }),
                ] as const,
            ),
          });
          continue;
        }
        const res = await tx.run(`MATCH (a:${rel.from})-[:${rel.type}]->(b:${rel.to}) RETURN a.id AS f, b.id AS t`);
        lists.push({ ...rel, pairs: res.records.map((r) => [r.get('f') as string, r.get('t') as string] as const) });
      }
      return buildProjection(idsByLabel, lists, seqRes.records.length ? (seqRes.records[0].get('v') as number) : 0);
    });
  }

  /** One round trip, not retried: readiness says at once whether Neo4j answers. */
  async ping(): Promise<void> {
    this.assertOpen();
    const session = this.session();
    try {
      await session.run('RETURN 1');
    } catch (err) {
      throw translateNeo4jError(err);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }

  /** Test and admin helper: removes every node and relationship (schema stays). */
  async deleteEverything(): Promise<void> {
    const session = this.session();
    try {
      await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    } finally {
      await session.close();
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('UNAVAILABLE', 'The store is closed.');
  }
}

interface QueuedWrite {
  ops: WriteOp[];
  audits: AuditInput[];
  resolve: (result: WriteResult) => void;
  reject: (err: unknown) => void;
}

/**
 * The queued writes the next transaction takes, from the front: up to 64 writes or 10,000 ops. A write that
 * deletes with redaction goes alone (it rewrites earlier events, which a shared transaction has not written yet).
 */
function takeWrites(queue: QueuedWrite[]): QueuedWrite[] {
  const alone = (w: QueuedWrite) => w.ops.some((op) => op.op === 'deleteNode' && op.redact);
  const batch = [queue.shift()!];
  if (alone(batch[0])) return batch;
  let ops = batch[0].ops.length;
  while (queue.length && batch.length < 64 && ops + queue[0].ops.length <= 10_000 && !alone(queue[0])) {
    ops += queue[0].ops.length;
    batch.push(queue.shift()!);
  }
  return batch;
}

/**
 * Applies writes in one transaction, in order, as if one after another: revisions claimed first, the graph ops
 * of all of them grouped into few statements (groupOps keeps their order's result), then the counters, change
 * events and audit records in one statement — each write's events contiguous. The statements are pipelined
 * (see Pipeline): when every event is known before Neo4j answers (no deletes, whose events are what they
 * found), the whole write is one round trip before its commit. Returns each write's last event's sequence
 * number (0: it changed nothing).
 */
async function applyWrites(tx: Tx, writes: QueuedWrite[]): Promise<number[]> {
  const sent = new Pipeline(tx);
  // Revisions first: the claim locks the revision's node until commit, so a concurrent
  // claimant waits, then sees the bumped value and fails.
  for (const w of writes)
    for (const op of w.ops) if (op.op === 'claimRevision') claimRevision(sent, op.name, op.expect);
  const owner = new Map<GraphOp, number>();
  const graphOps: GraphOp[] = [];
  for (const [i, w] of writes.entries())
    for (const op of w.ops)
      if (op.op !== 'claimRevision') {
        owner.set(op, i);
        graphOps.push(op);
      }
  const early = checkVersionsFirst(sent, graphOps);
  // Each group's events in its own list, filled when they are known, read in the groups' order.
  const groups = groupOps(graphOps, early);
  const found = groups.map((group) => applyGroup(sent, group));
  // A delete's events are what it found: wait for the answers before the feed statement is built.
  if (groups.some((g) => g.op === 'deleteNode' || g.op === 'deleteEdge')) await sent.settled();
  const perWrite: PendingEvent[][] = writes.map(() => []);
  for (const list of found) for (const [op, event] of list) perWrite[owner.get(op)!].push(event);
  const events = perWrite.flat();
  const audits = writes.flatMap((w) => w.audits);
  if (events.length === 0 && audits.length === 0) {
    await sent.settled();
    return writes.map(() => 0);
  }
  // The counters are incremented and the events and audit records written in one statement; the feed's
  // counter first, always, so concurrent writers take the two locks in one order.
  // The events go into blocks of up to BLOCK_EVENTS consecutive ones: a node per block, not per event (a node,
  // its properties and an index entry each cost Neo4j about as much as the change they record).
  const feed = `CALL () {
      MERGE (s:_Sequence {name: '_change'}) ON CREATE SET s.value = 0
      SET s.value = s.value + $count
      WITH s.value AS last
      UNWIND $blocks AS block
      CREATE (:_ChangeBlock {first: last - $count + 1 + block.offset, last: last - $count + block.offset + size(block.events),
                             at: $at, events: block.events, about: block.about})
      WITH last, count(*) AS blocks
      RETURN last
    }`;
  const audit = `CALL () {
      MERGE (s:_Sequence {name: '_audit'}) ON CREATE SET s.value = 0
      SET s.value = s.value + size($rows)
      WITH s.value - size($rows) AS before
      FOREACH (i IN range(0, size($rows) - 1) |
        CREATE (a:_Audit {seq: before + 1 + i, feed: $rows[i].feed, at: $at, actor: $rows[i].actor,
                          operation: $rows[i].operation, subjects: $rows[i].subjects,
                          before: $rows[i].before, after: $rows[i].after})
        FOREACH (s IN $rows[i].subjects | MERGE (sub:_Subject {id: s}) CREATE (a)-[:ABOUT]->(sub)))
      RETURN count(*) AS audited
    }`;
  let last = 0;
  sent.run(
    `${events.length ? feed : ''} ${audits.length ? audit : ''} RETURN ${events.length ? 'last' : '0 AS last'}`,
    {
      at: new Date().toISOString(),
      count: events.length,
      blocks: blocksOf(events),
      rows: audits.map((a) => ({
        feed: a.feed,
        actor: a.actor,
        operation: a.operation,
        subjects: a.subjects,
        before: a.before === undefined ? null : JSON.stringify(a.before),
        after: a.after === undefined ? null : JSON.stringify(a.after),
      })),
    },
    (res) => void (last = res.records[0].get('last') as number),
  );
  await sent.settled();
  let end = last - events.length;
  return perWrite.map((list) => (list.length ? (end += list.length) : 0));
}

/** Events in one change-feed node each at most (see blocksOf). */
const BLOCK_EVENTS = 1000;

/** Blocks a filtered read of the feed (changes with `about`) takes per round trip. */
const FILTERED_BLOCKS = 32;

/** A feed row as the reads return it: the event as JSON. */
interface ChangeRow {
  seq: number;
  at: string;
  event: string;
}

function changeEventOf(row: ChangeRow): ChangeEvent {
  return { seq: row.seq, at: row.at, ...JSON.parse(row.event) };
}

/** A write's change events as the feed's blocks: their offset in the write, the events as JSON, what each is about. */
function blocksOf(events: PendingEvent[]): Array<{ offset: number; events: string[]; about: string[] }> {
  const blocks = [];
  for (let offset = 0; offset < events.length; offset += BLOCK_EVENTS) {
    const slice = events.slice(offset, offset + BLOCK_EVENTS);
    blocks.push({ offset, events: slice.map((e) => JSON.stringify(e)), about: slice.map(subjectOf) });
  }
  return blocks;
}

/**
 * Runs `start` — a call that creates a driver Result — without the stack trace the driver captures for every
 * statement (its Result constructor formats `new Error().stack` at once, to put on a later error; with source maps
 * on, as `npm start` and tsx run, that is ~0.1 ms of this process's CPU a statement, 14 % of the main thread in
 * `bench:nearline --kafka`: neo4j-javascript-driver#1168). V8 records no frames while the limit is 0, and the
 * Result is created synchronously inside the call, so nothing else runs meanwhile. Errors from Neo4j then carry
 * no caller stack; translateNeo4jError's messages name what failed.
 */
function statement<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A transaction (or a session's auto-commit queries) whose statements run without the stack capture (statement). */
function withoutStacks(tx: Tx): Tx {
  return {
    run: ((query: string, params?: Record<string, unknown>) =>
      statement(() => tx.run(query, params))) as unknown as ManagedTransaction['run'],
  };
}

/**
 * Statements sent down one transaction without waiting for each other's answers: the driver sends each RUN as
 * it is called (after the transaction's BEGIN) and Bolt answers them in order, so a write's statements cost one
 * round trip instead of one each. Neo4j runs them in the order sent; a statement's `then` (checks on what it
 * read, follow-up statements) runs when its answer comes. `settled` waits for every statement sent so far,
 * follow-ups included, and throws the first failure in the order they were sent — the error the statements
 * would have given one at a time (once one fails, Neo4j ignores the rest and the transaction rolls back).
 */
class Pipeline {
  private readonly pending: Promise<void>[] = [];

  constructor(private readonly tx: Tx) {}

  run(query: string, params: Record<string, unknown>, then?: (res: QueryResult) => void | Promise<void>): void {
    const done = this.tx.run(query, params).then((res) => then?.(res));
    done.catch(() => {}); // seen by settled(), in order; not an unhandled rejection meanwhile
    this.pending.push(done);
  }

  async settled(): Promise<void> {
    for (let i = 0; i < this.pending.length; i++) await this.pending[i];
  }
}

/**
 * Runs a transaction again when Neo4j says a retry may succeed — a deadlock between concurrent writers (Neo4j
 * picks one to fail at once), a cluster leader switch: after ~5 ms, then twice as long each time (at most
 * 500 ms apart, with jitter), as the driver's own retries would but without their 1, 2, 4… seconds between
 * tries. Deadlocks and other transient errors are retried for up to 30 s; Neo4j unreachable (ServiceUnavailable,
 * SessionExpired) for up to `unavailableMs` (SKILLGRAPH_NEO4J_UNAVAILABLE_RETRY_MS) — a blip (a cluster member
 * changing roles, a restart of the Bolt connector) is ridden out, an outage is answered UNAVAILABLE in a few
 * seconds instead of holding every request for half a minute.
 */
async function retrying<T>(unavailableMs: number, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (let delay = 5; ; delay = Math.min(delay * 2, 500)) {
    try {
      return await work();
    } catch (err) {
      const code = (err as { code?: string }).code;
      const budget = code === 'ServiceUnavailable' || code === 'SessionExpired' ? unavailableMs : 30_000;
      if (!neo4j.isRetryableError(err as Error) || Date.now() + delay > started + budget) throw err;
      await new Promise((resolve) => setTimeout(resolve, delay * (0.5 + Math.random())));
    }
  }
}

/**
 * A write transaction whose BEGIN travels with its first statements: commits when `work` resolves, rolls back
 * when it throws. The driver's executeWrite waits for BEGIN's answer before it calls the work — a round trip
 * per write, 10 ms a write with Neo4j 5 ms away (bench:store --latency); an explicitly begun transaction sends
 * BEGIN and the statements after it at once. Retries are retrying()'s, as for executeWrite here.
 */
async function writeTransaction<T>(session: Session, work: (tx: Tx) => Promise<T>): Promise<T> {
  const tx = session.beginTransaction();
  let result: T;
  try {
    result = await work(withoutStacks(tx));
  } catch (err) {
    if (tx.isOpen()) await tx.rollback().catch(() => {}); // the work's error is the one to report
    throw err;
  }
  await statement(() => tx.commit());
  return result;
}

/** Ops that share one UNWIND query; a versioned op whose check could not run first stands alone. */
type OpGroup =
  | { op: 'upsertNode'; key: string; alone: boolean; items: Array<Extract<WriteOp, { op: 'upsertNode' }>> }
  | { op: 'deleteNode'; key: string; alone: boolean; items: Array<Extract<WriteOp, { op: 'deleteNode' }>> }
  | { op: 'upsertEdge'; key: string; alone: boolean; items: Array<Extract<WriteOp, { op: 'upsertEdge' }>> }
  | { op: 'deleteEdge'; key: string; alone: boolean; items: Array<Extract<WriteOp, { op: 'deleteEdge' }>> };

type GraphOp = Exclude<WriteOp, { op: 'claimRevision' }>;

/**
 * Gathers ops into as few statements as their order allows. Ops on different nodes and edges commute, so an op
 * joins the latest group of its kind (operation, label or edge type and end labels) unless a later group writes
 * what it touches: an edge op reads its end nodes and writes its edge, a node op writes its node (a deleted
 * node's edges go with it). The result is the one the ops' order gives; the feed reports the events in the
 * order the statements run, which keeps the ops' order per node and per edge. `checked`: the versioned ops
 * whose versions were checked before any statement (checkVersionsFirst); the others keep their check in place.
 */
function groupOps(ops: GraphOp[], checked: ReadonlySet<GraphOp>): OpGroup[] {
  const groups: OpGroup[] = [];
  const lastWrite = new Map<string, number>();
  const lastRead = new Map<string, number>();
  const latestOfKind = new Map<string, number>();
  for (const op of ops) {
    const isNode = op.op === 'upsertNode' || op.op === 'deleteNode';
    const key = isNode ? op.node.label : `${op.edge.type}|${op.edge.from.label}|${op.edge.to.label}`;
    const written = isNode ? nodeKey(op.node) : edgeKey(op.edge);
    const read = isNode ? [] : [nodeKey(op.edge.from), nodeKey(op.edge.to)];
    let after = Math.max(lastWrite.get(written) ?? -1, lastRead.get(written) ?? -1);
    for (const r of read) after = Math.max(after, lastWrite.get(r) ?? -1);
    const alone = 'ifVersion' in op && op.ifVersion !== undefined && !checked.has(op);
    const kind = `${op.op}|${key}`;
    let at = alone ? undefined : latestOfKind.get(kind);
    if (at === undefined || at <= after) {
      at = groups.length;
      groups.push({ op: op.op, key, alone, items: [] } as unknown as OpGroup);
      if (!alone) latestOfKind.set(kind, at);
    }
    (groups[at].items as GraphOp[]).push(op);
    lastWrite.set(written, at);
    for (const r of read) lastRead.set(r, Math.max(lastRead.get(r) ?? -1, at));
  }
  // A group never holds one node or edge twice, so its rows may run in any order: sorted by the nodes they lock,
  // concurrent writes lock shared nodes (a popular skill) in the same order, and deadlock less.
  for (const g of groups) (g.items as GraphOp[]).sort(byLockOrder);
  return groups;
}

function byLockOrder(a: GraphOp, b: GraphOp): number {
  const [x, y] = [a, b].map((op) =>
    op.op === 'upsertNode' || op.op === 'deleteNode' ? op.node.id : `${op.edge.to.id}\u0000${op.edge.from.id}`,
  );
  return x < y ? -1 : x > y ? 1 : 0;
}

const edgeKey = (e: EdgeRef) => `${e.type}\u0000${nodeKey(e.from)}\u0000${nodeKey(e.to)}`;

/**
 * Checks, in one statement per label, the versions of the versioned ops whose node no earlier op of the write
 * touches (what they compare with is then the stored state), locking those nodes to commit; the first failing
 * one in op order fails the write (when its answer comes). Returns the ops it checks.
 */
function checkVersionsFirst(sent: Pipeline, ops: GraphOp[]): Set<GraphOp> {
  const touched = new Set<string>();
  const first: Array<Extract<GraphOp, { op: 'upsertNode' | 'deleteNode' }>> = [];
  const firstEdges: EdgeOp[] = [];
  for (const op of ops) {
    if (op.op === 'upsertNode' || op.op === 'deleteNode') {
      const k = nodeKey(op.node);
      if (op.ifVersion !== undefined && !touched.has(k)) first.push(op);
      touched.add(k);
    } else {
      const ends = [nodeKey(op.edge.from), nodeKey(op.edge.to)];
      if (op.op === 'upsertEdge' && op.ifVersion !== undefined && !touched.has(edgeKey(op.edge)))
        if (!ends.some((k) => touched.has(k))) firstEdges.push(op);
      touched.add(edgeKey(op.edge));
      for (const k of ends) touched.add(k);
    }
  }
  checkEdgeVersions(sent, firstEdges);
  const labels = [...new Set(first.map((op) => op.node.label))];
  const stored = new Map<string, { exists: boolean; version: number | null }>();
  labels.forEach((label, i) => {
    // Sorted, so two writes lock shared nodes in the same order.
    const ids = [...new Set(first.filter((op) => op.node.label === label).map((op) => op.node.id))].sort();
    sent.run(
      `UNWIND $ids AS id OPTIONAL MATCH (n:${label} {id: id})
       CALL (n) { WITH n WHERE n IS NOT NULL SET n._lock = true REMOVE n._lock }
       RETURN id, n IS NOT NULL AS exists, n.version AS version`,
      { ids },
      (res) => {
        for (const r of res.records)
          stored.set(nodeKey({ label, id: r.get('id') }), { exists: r.get('exists'), version: r.get('version') });
        // Once every label's answer is in: the ops in their order.
        if (i === labels.length - 1)
          for (const op of first) versionError(op.node, stored.get(nodeKey(op.node))!, op.ifVersion!);
      },
    );
  });
  return new Set<GraphOp>([...first, ...firstEdges]);
}

type EdgeOp = Extract<GraphOp, { op: 'upsertEdge' }>;

/**
 * Checks the versions of versioned edge upserts against the stored edges, one statement per edge type and end
 * labels. Each edge's start node is write-locked first (in id order), so of two writers that read one version —
 * or that both found no edge — the second reads what the first committed and fails.
 */
function checkEdgeVersions(sent: Pipeline, ops: EdgeOp[]): void {
  const byKind = new Map<string, EdgeOp[]>();
  for (const op of ops) {
    const kind = `${op.edge.type}|${op.edge.from.label}|${op.edge.to.label}`;
    const group = byKind.get(kind);
    if (group) group.push(op);
    else byKind.set(kind, [op]);
  }
  for (const group of byKind.values()) {
    const { type, from, to } = group[0].edge;
    const rows = group.map((op) => ({ from: op.edge.from.id, to: op.edge.to.id })).sort(byStartThenEnd);
    sent.run(
      `UNWIND $rows AS row
       OPTIONAL MATCH (a:${from.label} {id: row.from})
       CALL (a) { WITH a WHERE a IS NOT NULL SET a._lock = true REMOVE a._lock }
       OPTIONAL MATCH (a)-[r:${type}]->(:${to.label} {id: row.to})
       RETURN row.from AS from, row.to AS to, r IS NOT NULL AS exists, r.version AS version`,
      { rows },
      (res) => {
        const stored = new Map(
          res.records.map((r) => [
            `${r.get('from')}\u0000${r.get('to')}`,
            { exists: r.get('exists'), version: r.get('version') },
          ]),
        );
        for (const op of group)
          checkEdgeVersion(op.edge, stored.get(`${op.edge.from.id}\u0000${op.edge.to.id}`)!, op.ifVersion!);
      },
    );
  }
}

function byStartThenEnd(a: { from: string; to: string }, b: { from: string; to: string }): number {
  return a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0;
}

/**
 * Sends one group's statement. Returns the group's change events, each with the op that made it: known at once
 * for upserts, filled in when Neo4j answers for deletes (what they found and removed).
 */
function applyGroup(sent: Pipeline, group: OpGroup): Array<[GraphOp, PendingEvent]> {
  const events: Array<[GraphOp, PendingEvent]> = [];
  switch (group.op) {
    case 'upsertNode': {
      const label = group.items[0].node.label;
      if (group.alone) checkVersion(sent, group.items[0].node, group.items[0].ifVersion!);
      const rows = group.items.map((op) => ({
        id: op.node.id,
        props: { ...cleanProps(op.node.props), id: op.node.id },
      }));
      sent.run(`UNWIND $rows AS row MERGE (n:${label} {id: row.id}) SET n = row.props`, { rows });
      for (const op of group.items)
        events.push([op, { kind: 'node.upsert', node: { label, id: op.node.id }, props: cleanProps(op.node.props) }]);
      return events;
    }
    case 'deleteNode': {
      const label = group.items[0].node.label;
      if (group.alone) checkVersion(sent, group.items[0].node, group.items[0].ifVersion!);
      const ids = group.items.map((op) => op.node.id);
      // Collect the edges a detach-delete removes so the feed reports each of them.
      sent.run(
        `UNWIND $ids AS id MATCH (n:${label} {id: id})
         OPTIONAL MATCH (n)-[r]-(m)
         WITH n, id, collect(DISTINCT {type: type(r), out: startNode(r) = n, other: m.id, otherLabels: labels(m)}) AS rels
         DETACH DELETE n
         RETURN id, rels`,
        { ids },
        (res) => {
          const opOf = new Map(group.items.map((op) => [op.node.id, op]));
          for (const rec of res.records) {
            const id = rec.get('id') as string;
            const self = { label, id };
            const op = opOf.get(id)!;
            for (const r of rec.get('rels') as Array<{
              type: EdgeType | null;
              out: boolean;
              other: string;
              otherLabels: string[];
            }>) {
              if (r.type === null) continue;
              const other = { label: ourLabel(r.otherLabels), id: r.other };
              events.push([
                op,
                {
                  kind: 'edge.delete',
                  edge: r.out ? { type: r.type, from: self, to: other } : { type: r.type, from: other, to: self },
                },
              ]);
            }
            events.push([op, { kind: 'node.delete', node: self }]);
          }
        },
      );
      const redact = group.items.filter((op) => op.redact).map((op) => op.node.id);
      if (redact.length) redactChanges(sent, label, redact);
      return events;
    }
    case 'upsertEdge': {
      const { type, from, to } = group.items[0].edge;
      if (group.alone) checkEdgeVersions(sent, group.items);
      const rows = group.items.map((op) => ({
        from: op.edge.from.id,
        to: op.edge.to.id,
        props: cleanProps(op.edge.props),
      }));
      sent.run(
        `UNWIND $rows AS row
         MATCH (a:${from.label} {id: row.from}) MATCH (b:${to.label} {id: row.to})
         MERGE (a)-[r:${type}]->(b) SET r = row.props
         RETURN count(r) AS n`,
        { rows },
        (res) => {
          if ((res.records[0].get('n') as number) === rows.length) return;
          // An end is missing: say which (the write fails either way).
          for (const [end, ids] of [
            [from, rows.map((r) => r.from)],
            [to, rows.map((r) => r.to)],
          ] as const)
            sent.run(
              `UNWIND $ids AS id OPTIONAL MATCH (n:${end.label} {id: id}) WITH id, n WHERE n IS NULL RETURN id LIMIT 1`,
              { ids },
              (missing) => {
                if (missing.records.length)
                  throw new StoreError(
                    'NOT_FOUND',
                    `${end.label} "${missing.records[0].get('id')}" does not exist (edge ${type}).`,
                  );
              },
            );
        },
      );
      for (const op of group.items) {
        events.push([
          op,
          {
            kind: 'edge.upsert',
            edge: { type, from: { ...op.edge.from }, to: { ...op.edge.to } },
            props: cleanProps(op.edge.props),
          },
        ]);
      }
      return events;
    }
    case 'deleteEdge': {
      const { type, from, to } = group.items[0].edge;
      const rows = group.items.map((op) => ({ from: op.edge.from.id, to: op.edge.to.id }));
      sent.run(
        `UNWIND $rows AS row
         MATCH (a:${from.label} {id: row.from})-[r:${type}]->(b:${to.label} {id: row.to})
         DELETE r RETURN row.from AS f, row.to AS t`,
        { rows },
        (res) => {
          const opOf = new Map(group.items.map((op) => [`${op.edge.from.id}\u0000${op.edge.to.id}`, op]));
          for (const rec of res.records) {
            const [f, t] = [rec.get('f') as string, rec.get('t') as string];
            events.push([
              opOf.get(`${f}\u0000${t}`)!,
              {
                kind: 'edge.delete',
                edge: { type, from: { label: from.label, id: f }, to: { label: to.label, id: t } },
              },
            ]);
          }
        },
      );
      return events;
    }
  }
}

/**
 * Strips the properties from the nodes' earlier change events (the events stay, without personal data): sent
 * after the delete, its rewrite once Neo4j has answered which events name them.
 */
function redactChanges(sent: Pipeline, label: NodeLabel, ids: string[]): void {
  const wanted = new Set(ids);
  /** The event without its properties when it is an upsert of one of the nodes; otherwise null. */
  const redacted = (json: string): string | null => {
    const event = JSON.parse(json) as ChangeEvent;
    if (event.node?.label !== label || !wanted.has(event.node.id) || event.props === undefined) return null;
    delete event.props;
    return JSON.stringify(event);
  };
  const needles = ids.map((id) => JSON.stringify(id));
  sent.run(
    `UNWIND $needles AS needle MATCH (b:_ChangeBlock) WHERE any(e IN b.events WHERE e CONTAINS needle)
     RETURN DISTINCT b.last AS last, b.events AS events`,
    { needles },
    (res) => {
      const rows: Array<{ last: unknown; events: string[] }> = [];
      for (const rec of res.records) {
        const stored = rec.get('events') as string[];
        const events = stored.map((json) => redacted(json) ?? json);
        if (events.some((e, i) => e !== stored[i])) rows.push({ last: rec.get('last'), events });
      }
      if (rows.length)
        sent.run('UNWIND $rows AS row MATCH (b:_ChangeBlock {last: row.last}) SET b.events = row.events', { rows });
    },
  );
  // Events written one node each, before blocks.
  sent.run(
    `UNWIND $needles AS needle MATCH (c:_Change) WHERE c.event CONTAINS needle RETURN DISTINCT c.seq AS seq, c.event AS event`,
    { needles },
    (res) => {
      const rows: Array<{ seq: unknown; event: string }> = [];
      for (const rec of res.records) {
        const event = redacted(rec.get('event') as string);
        if (event !== null) rows.push({ seq: rec.get('seq'), event });
      }
      if (rows.length)
        sent.run('UNWIND $rows AS row MATCH (c:_Change {seq: row.seq}) SET c.event = row.event', { rows });
    },
  );
}

/** Locks the node (a write lock, held to commit) and compares its version with the expected one. */
function checkVersion(sent: Pipeline, ref: NodeRef, expected: number | null): void {
  sent.run(
    `OPTIONAL MATCH (n:${ref.label} {id: $id})
     CALL (n) { WITH n WHERE n IS NOT NULL SET n._lock = true REMOVE n._lock }
     RETURN n IS NOT NULL AS exists, n.version AS version`,
    { id: ref.id },
    (res) =>
      versionError(ref, { exists: res.records[0].get('exists'), version: res.records[0].get('version') }, expected),
  );
}

function versionError(
  ref: NodeRef,
  { exists, version }: { exists: boolean; version: number | null },
  expected: number | null,
) {
  if (expected === null) {
    if (exists) throw new StoreError('CONFLICT', `${ref.label} "${ref.id}" already exists.`);
    return;
  }
  if (!exists) throw new StoreError('NOT_FOUND', `${ref.label} "${ref.id}" does not exist.`);
  if (version !== expected) {
    throw new StoreError(
      'CONFLICT',
      `${ref.label} "${ref.id}" is at version ${String(version)}, not ${expected}; reload it and retry.`,
    );
  }
}

/** Claims a taxonomy revision: increments its counter if it is at `expect`; its write lock orders the claims. */
function claimRevision(sent: Pipeline, name: string, expect: number): void {
  // SET _lock takes the node's write lock before the value is read (Neo4j's lost-update pattern).
  sent.run(
    `MERGE (s:_Sequence {name: $key}) ON CREATE SET s.value = 0
     SET s._lock = true
     WITH s, s.value AS have
     SET s.value = have + 1
     REMOVE s._lock
     RETURN have`,
    { key: `revision:${name}` },
    (res) => {
      const have = Number(res.records[0].get('have'));
      if (have !== expect) throw new RevisionConflict(name, have, expect);
    },
  );
}

function toNode(label: NodeLabel, raw: Record<string, unknown>): NodeRecord {
  const { id, ...rest } = raw;
  return { label, id: id as string, props: cleanProps(rest) };
}

function ourLabel(labels: string[]): NodeLabel {
  const label = labels.find((l) => (NODE_LABELS as readonly string[]).includes(l));
  if (!label)
    throw new StoreError(
      'UNAVAILABLE',
      `Neo4j returned a node with labels ${labels.join(',')} that skillgraph does not manage.`,
    );
  return label as NodeLabel;
}

function translateNeo4jError(err: unknown): unknown {
  if (err instanceof StoreError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new StoreError('CONFLICT', `A node with that id already exists (${(err as Error).message}).`);
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.TransientError')) {
    return new StoreError('UNAVAILABLE', `Neo4j is unavailable (${code}); retry later.`);
  }
  return err;
}
