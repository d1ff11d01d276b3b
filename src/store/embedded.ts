/**
 * The embedded default store: graphology is the in-memory graph that serves reads; SQLite
 * (better-sqlite3, WAL, synchronous=FULL) makes every acknowledged write durable.
 *
 * In memory: node records by key, and one graphology DirectedGraph per edge type, so a
 * neighbour read walks only edges of the type asked for (a popular skill has thousands of
 * occupation and member edges, and its hierarchy edges must not wait behind them).
 *
 * A write batch runs in one SQLite transaction together with its change events (the outbox)
 * and its audit record; only after COMMIT returns is the in-memory graph changed.
 *
 * One process writes a data directory: it holds an exclusive SQLite lock on `owner.lock` beside
 * graph.sqlite (the OS drops it when the process dies). Roles:
 * - `single` (the default): the only process; graph.sqlite is locked exclusively too.
 * - `owner`: the writer among several processes (SKILLGRAPH_WORKERS, src/cluster.ts); graph.sqlite
 *   in normal locking, so followers can read it (WAL: readers never block the writer).
 * - `follower`: a read-only connection; loads the graph as of one read transaction, then applies
 *   the owner's committed change events from the outbox (`catchUp`, and a timer every 20 ms).
 *   Writes are refused: a follower's mutations run on the owner (src/api/forward.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DirectedGraph } from 'graphology';
import { allRelations, buildProjection } from './projection.ts';
import {
  EDGE_TYPES,
  LEGACY_MARKETPLACE_OPERATIONS,
  NODE_LABELS,
  StoreError,
  subjectOf,
  assertFeedHeld,
  KEPT_SUBJECTS,
  readsTrimmable,
  checkEdgeVersion,
  assertEdgeType,
  auditList,
  cleanProps,
  isInteraction,
  nodeKey,
  RevisionConflict,
  validateOp,
} from './types.ts';
import type {
  AuditFeed,
  EventProps,
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
  Props,
  WriteOp,
  WriteResult,
} from './types.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS nodes (
  label TEXT NOT NULL, id TEXT NOT NULL, props TEXT NOT NULL,
  PRIMARY KEY (label, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS edges (
  type TEXT NOT NULL, from_label TEXT NOT NULL, from_id TEXT NOT NULL,
  to_label TEXT NOT NULL, to_id TEXT NOT NULL, props TEXT NOT NULL,
  PRIMARY KEY (type, from_label, from_id, to_label, to_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edges_by_from ON edges (from_label, from_id);
CREATE INDEX IF NOT EXISTS edges_by_to ON edges (to_label, to_id);
CREATE TABLE IF NOT EXISTS changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, event TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS revisions (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, operation TEXT NOT NULL,
  subjects TEXT NOT NULL, before TEXT, after TEXT, feed TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_by_at ON audit (at);
CREATE TABLE IF NOT EXISTS audit_subjects (subject TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (subject, seq)) WITHOUT ROWID;
`;

/** Stores made before the audit log had feeds get the column, their records sorted by operation. */
function migrateAuditFeeds(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(audit)').all();
  if (!columns.some((c) => c.name === 'feed')) {
    db.transaction(() => {
      db.exec("ALTER TABLE audit ADD COLUMN feed TEXT NOT NULL DEFAULT 'taxonomy'");
      const marketplace = db.prepare("UPDATE audit SET feed = 'marketplace' WHERE operation = ?");
      for (const op of LEGACY_MARKETPLACE_OPERATIONS) marketplace.run(op);
    })();
  }
  db.exec('CREATE INDEX IF NOT EXISTS audit_by_feed ON audit (feed, seq)');
}

/** An edge's attributes in graphology are its record itself (graphology keeps the object it is given). */
type EdgeAttrs = EdgeRecord;
type GraphMutation =
  | { kind: 'node.upsert'; record: NodeRecord }
  | { kind: 'node.delete'; ref: NodeRef }
  | { kind: 'edge.upsert'; record: EdgeRecord }
  | { kind: 'edge.delete'; ref: EdgeRef };

export type EmbeddedRole = 'single' | 'owner' | 'follower';

export interface EmbeddedStoreOptions {
  /** Directory for graph.sqlite (created if missing). */
  dataDir: string;
  /** See the module comment; default `single`. */
  role?: EmbeddedRole;
}

/** Where the change feed's trimmed point is kept (the revisions table; revision names start with a letter). */
const TRIMMED = '_feed.trimmed';
/** Event numbers trimmed per transaction. */
const TRIM_RANGE = 1000;

/** How often a follower applies the owner's new change events when nothing asks it to (ms). */
const FOLLOW_MS = 20;

export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  private readonly db: Database.Database;
  private readonly nodes = new Map<string, NodeRecord>();
  /**
   * One frozen NodeRef per stored node (sharing its record's id string): every edge record points at these
   * instead of holding its own two ref objects and id strings (~200 bytes an edge; a job has ~10 edges).
   */
  private readonly refs = new Map<string, NodeRef>();
  private readonly graphs = new Map<EdgeType, DirectedGraph<Record<string, never>, EdgeAttrs>>();
  private readonly nodeCounts = new Map<NodeLabel, number>();
  private readonly stmts;
  private closed = false;
  /** The writer's lock (single, owner); null on a follower. */
  private readonly ownerLock: Database.Database | null;
  /** The change-feed position the in-memory graph is at (a follower's; the others' is the feed's end). */
  private position = 0;
  private following: NodeJS.Timeout | null = null;

  static open(opts: EmbeddedStoreOptions): EmbeddedStore {
    const role = opts.role ?? 'single';
    if (role !== 'follower') fs.mkdirSync(opts.dataDir, { recursive: true });
    return new EmbeddedStore(path.join(opts.dataDir, 'graph.sqlite'), role);
  }

  private constructor(
    file: string,
    readonly role: EmbeddedRole,
  ) {
    const inUse = () =>
      new StoreError(
        'UNAVAILABLE',
        `The data directory ${path.dirname(file)} is in use by another skillgraph process; stop it or choose another SKILLGRAPH_DATA_DIR.`,
      );
    this.ownerLock = role === 'follower' ? null : takeOwnerLock(path.join(path.dirname(file), 'owner.lock'), inUse);
    let db: Database.Database | undefined;
    try {
      if (role === 'follower') {
        if (!fs.existsSync(file))
          throw new StoreError('UNAVAILABLE', `No store at ${file} yet: a follower starts after its owner.`);
        db = new Database(file, { readonly: true, fileMustExist: true, timeout: 500 });
      } else {
        db = new Database(file, { timeout: 500 });
        // A single process also holds graph.sqlite exclusively (no shared-memory WAL index to maintain).
        if (role === 'single') db.pragma('locking_mode = EXCLUSIVE');
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = FULL');
        // SQLite's default page cache is 2 MB: a big store's index pages (an edge goes into three indexes, its
        // skill's end of edges_by_to among them) were read back from the OS on every write.
        db.pragma('cache_size = -65536');
        // Deleted rows (a deleted member's personal data) are overwritten with zeros, not left in free pages.
        db.pragma('secure_delete = ON');
        db.exec(SCHEMA);
        migrateAuditFeeds(db);
      }
    } catch (err) {
      db?.close();
      this.ownerLock?.close();
      if ((err as { code?: string }).code === 'SQLITE_BUSY') throw inUse();
      throw err;
    }
    this.db = db;
    this.stmts = {
      getNode: this.db.prepare<[string, string], { props: string }>(
        'SELECT props FROM nodes WHERE label = ? AND id = ?',
      ),
      putNode: this.db.prepare(
        'INSERT INTO nodes (label, id, props) VALUES (?, ?, ?) ON CONFLICT (label, id) DO UPDATE SET props = excluded.props',
      ),
      deleteNode: this.db.prepare('DELETE FROM nodes WHERE label = ? AND id = ?'),
      edgesOf: this.db.prepare<
        [string, string, string, string],
        { type: string; from_label: string; from_id: string; to_label: string; to_id: string }
      >(
        `SELECT type, from_label, from_id, to_label, to_id FROM edges WHERE from_label = ? AND from_id = ?
         UNION SELECT type, from_label, from_id, to_label, to_id FROM edges WHERE to_label = ? AND to_id = ?`,
      ),
      putEdge: this.db.prepare(
        `INSERT INTO edges (type, from_label, from_id, to_label, to_id, props) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (type, from_label, from_id, to_label, to_id) DO UPDATE SET props = excluded.props`,
      ),
      deleteEdge: this.db.prepare(
        'DELETE FROM edges WHERE type = ? AND from_label = ? AND from_id = ? AND to_label = ? AND to_id = ?',
      ),
      getEdge: this.db.prepare<[string, string, string, string, string], { props: string }>(
        'SELECT props FROM edges WHERE type = ? AND from_label = ? AND from_id = ? AND to_label = ? AND to_id = ?',
      ),
      addChange: this.db.prepare('INSERT INTO changes (at, event) VALUES (?, ?)'),
      getRevision: this.db.prepare<[string], { value: number }>('SELECT value FROM revisions WHERE name = ?'),
      setRevision: this.db.prepare(
        'INSERT INTO revisions (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
      ),
      redactChanges: this.db.prepare(
        `UPDATE changes SET event = json_remove(event, '$.props')
         WHERE json_extract(event, '$.node.label') = ? AND json_extract(event, '$.node.id') = ? AND json_type(event, '$.props') IS NOT NULL`,
      ),
      changes: this.db.prepare<[number, number], { seq: number; at: string; event: string }>(
        'SELECT seq, at, event FROM changes WHERE seq > ? ORDER BY seq LIMIT ?',
      ),
      // The numbering goes on past trimmed events (AUTOINCREMENT): a feed trimmed through its head has no rows.
      lastSeq: this.db.prepare<[], { seq: number | null }>(
        `SELECT max(coalesce((SELECT max(seq) FROM changes), 0),
                    coalesce((SELECT value FROM revisions WHERE name = '${TRIMMED}'), 0)) AS seq`,
      ),
      // Events not about the taxonomy, in one range of numbers (trimChanges deletes range by range).
      trimRange: this.db.prepare<[number, number]>(
        `DELETE FROM changes WHERE seq > ? AND seq <= ?
           AND coalesce(json_extract(event, '$.node.label'), json_extract(event, '$.edge.type'))
               NOT IN (${KEPT_SUBJECTS.map((s) => `'${s}'`).join(', ')})`,
      ),
      addAudit: this.db.prepare(
        'INSERT INTO audit (feed, at, actor, operation, subjects, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      addAuditSubject: this.db.prepare('INSERT OR IGNORE INTO audit_subjects (subject, seq) VALUES (?, ?)'),
      listIds: this.db.prepare<[string, string, number], { id: string }>(
        'SELECT id FROM nodes WHERE label = ? AND id > ? ORDER BY id LIMIT ?',
      ),
    };
    // One read transaction: the graph and its position are one consistent state.
    this.db.transaction(() => {
      this.load();
      this.position = this.stmts.lastSeq.get()?.seq ?? 0;
    })();
    if (role === 'follower') {
      this.following = setInterval(() => {
        try {
          this.catchUp();
        } catch {
          // The owner may be checkpointing or restarting: the next tick tries again.
        }
      }, FOLLOW_MS);
      this.following.unref();
    }
  }

  /**
   * A follower applies the owner's change events committed since its position, up to `target` at least
   * (all there are); returns its position. Other roles are always current.
   */
  catchUp(target = Infinity): number {
    if (this.role !== 'follower') return this.position;
    this.assertOpen();
    // Behind the feed's trimmed point (asleep longer than its retention), events it needs are gone: it loads the
    // graph again instead.
    if (this.position < this.trimmedPoint()) this.reload();
    for (;;) {
      const rows = this.stmts.changes.all(this.position, 1000);
      for (const r of rows) {
        const m = mutationOf(JSON.parse(r.event) as Omit<ChangeEvent, 'seq' | 'at'>);
        if (m) this.applyToGraph(m);
        this.position = r.seq;
      }
      if (rows.length < 1000 || this.position >= target) return this.position;
    }
  }

  /** A follower's graph loaded again, as of one read transaction, with its position. */
  private reload(): void {
    this.db.transaction(() => {
      this.nodes.clear();
      this.refs.clear();
      this.graphs.clear();
      this.nodeCounts.clear();
      this.load();
      this.position = this.stmts.lastSeq.get()?.seq ?? 0;
    })();
  }

  private trimmedPoint(): number {
    return this.stmts.getRevision.get(TRIMMED)?.value ?? 0;
  }

  /** Loads the whole graph from SQLite into graphology (start-up, and a follower left behind the trimmed feed). */
  private load(): void {
    for (const row of this.db
      .prepare<[], { label: NodeLabel; id: string; props: string }>('SELECT label, id, props FROM nodes')
      .iterate()) {
      this.applyToGraph({
        kind: 'node.upsert',
        record: freezeRecord({ label: row.label, id: row.id, props: JSON.parse(row.props) }),
      });
    }
    const edges = this.db.prepare<
      [],
      { type: EdgeType; from_label: NodeLabel; from_id: string; to_label: NodeLabel; to_id: string; props: string }
    >('SELECT type, from_label, from_id, to_label, to_id, props FROM edges');
    for (const row of edges.iterate()) {
      this.applyToGraph({
        kind: 'edge.upsert',
        record: freezeRecord({
          type: row.type,
          from: { label: row.from_label, id: row.from_id },
          to: { label: row.to_label, id: row.to_id },
          props: JSON.parse(row.props),
        }),
      });
    }
  }

  async write(ops: WriteOp[], audit?: AuditInput | AuditInput[]): Promise<WriteResult> {
    this.assertOpen();
    if (this.role === 'follower')
      throw new StoreError(
        'UNAVAILABLE',
        'This process is a read-only follower of the data directory; writes run on its owner process.',
      );
    for (const op of ops) validateOp(op);
    const mutations: GraphMutation[] = [];
    let seq = 0;
    const at = new Date().toISOString();
    const emit = (event: Omit<ChangeEvent, 'seq' | 'at'>) => {
      seq = Number(this.stmts.addChange.run(at, JSON.stringify(event)).lastInsertRowid);
    };
    const run = this.db.transaction(() => {
      for (const op of ops) this.applyOp(op, emit, mutations);
      for (const a of auditList(audit)) {
        const info = this.stmts.addAudit.run(
          a.feed,
          at,
          a.actor,
          a.operation,
          JSON.stringify(a.subjects),
          json(a.before),
          json(a.after),
        );
        for (const s of a.subjects) this.stmts.addAuditSubject.run(s, info.lastInsertRowid);
      }
    });
    try {
      run.immediate();
    } catch (err) {
      throw translateSqliteError(err);
    }
    for (const m of mutations) this.applyToGraph(m);
    if (seq) this.position = seq;
    return { seq };
  }

  private applyOp(op: WriteOp, emit: (e: Omit<ChangeEvent, 'seq' | 'at'>) => void, mutations: GraphMutation[]): void {
    switch (op.op) {
      case 'claimRevision': {
        const have = this.stmts.getRevision.get(op.name)?.value ?? 0;
        if (have !== op.expect) throw new RevisionConflict(op.name, have, op.expect);
        this.stmts.setRevision.run(op.name, have + 1);
        return;
      }
      case 'upsertNode': {
        const { label, id } = op.node;
        const existing = this.stmts.getNode.get(label, id);
        if (op.ifVersion !== undefined)
          checkVersion(
            op.node,
            existing ? JSON.parse(existing.props).version : undefined,
            existing !== undefined,
            op.ifVersion,
          );
        const props = cleanProps(op.node.props);
        this.stmts.putNode.run(label, id, JSON.stringify(props));
        emit({ kind: 'node.upsert', node: { label, id }, props });
        mutations.push({ kind: 'node.upsert', record: freezeRecord({ label, id, props }) });
        return;
      }
      case 'deleteNode': {
        const { label, id } = op.node;
        const existing = this.stmts.getNode.get(label, id);
        if (op.ifVersion !== undefined)
          checkVersion(
            op.node,
            existing ? JSON.parse(existing.props).version : undefined,
            existing !== undefined,
            op.ifVersion,
          );
        if (!existing) return;
        for (const e of this.stmts.edgesOf.all(label, id, label, id)) {
          const ref: EdgeRef = {
            type: e.type as EdgeType,
            from: { label: e.from_label as NodeLabel, id: e.from_id },
            to: { label: e.to_label as NodeLabel, id: e.to_id },
          };
          this.stmts.deleteEdge.run(ref.type, ref.from.label, ref.from.id, ref.to.label, ref.to.id);
          emit({ kind: 'edge.delete', edge: ref });
          mutations.push({ kind: 'edge.delete', ref });
        }
        this.stmts.deleteNode.run(label, id);
        if (op.redact) this.stmts.redactChanges.run(label, id);
        emit({ kind: 'node.delete', node: { label, id } });
        mutations.push({ kind: 'node.delete', ref: { label, id } });
        return;
      }
      case 'upsertEdge': {
        const { type, from, to } = op.edge;
        for (const end of [from, to]) {
          if (!this.stmts.getNode.get(end.label, end.id))
            throw new StoreError('NOT_FOUND', `${end.label} "${end.id}" does not exist (edge ${type}).`);
        }
        if (op.ifVersion !== undefined) {
          const stored = this.stmts.getEdge.get(type, from.label, from.id, to.label, to.id);
          checkEdgeVersion(
            op.edge,
            { exists: stored !== undefined, version: stored ? JSON.parse(stored.props).version : undefined },
            op.ifVersion,
          );
        }
        const props = cleanProps(op.edge.props);
        this.stmts.putEdge.run(type, from.label, from.id, to.label, to.id, JSON.stringify(props));
        const ref = { type, from: { label: from.label, id: from.id }, to: { label: to.label, id: to.id } };
        emit({ kind: 'edge.upsert', edge: ref, props });
        mutations.push({ kind: 'edge.upsert', record: freezeRecord({ ...ref, props }) });
        return;
      }
      case 'deleteEdge': {
        const { type, from, to } = op.edge;
        const info = this.stmts.deleteEdge.run(type, from.label, from.id, to.label, to.id);
        if (info.changes === 0) return;
        const ref = { type, from: { label: from.label, id: from.id }, to: { label: to.label, id: to.id } };
        emit({ kind: 'edge.delete', edge: ref });
        mutations.push({ kind: 'edge.delete', ref });
        return;
      }
    }
  }

  private graphOf(type: EdgeType): DirectedGraph<Record<string, never>, EdgeAttrs> {
    let g = this.graphs.get(type);
    if (!g) this.graphs.set(type, (g = new DirectedGraph<Record<string, never>, EdgeAttrs>({ allowSelfLoops: true })));
    return g;
  }

  /** Mirrors one committed change into memory (and the counters). */
  private applyToGraph(m: GraphMutation): void {
    switch (m.kind) {
      case 'node.upsert': {
        const key = nodeKey(m.record);
        const label = canonical(m.record.label);
        if (!this.nodes.has(key)) {
          bump(this.nodeCounts, label, 1);
          this.refs.set(key, Object.freeze({ label, id: m.record.id }));
        }
        this.nodes.set(key, Object.freeze({ label, id: m.record.id, props: m.record.props }));
        return;
      }
      case 'node.delete': {
        const key = nodeKey(m.ref);
        if (!this.nodes.delete(key)) return;
        this.refs.delete(key);
        for (const g of this.graphs.values()) if (g.hasNode(key)) g.dropNode(key);
        bump(this.nodeCounts, m.ref.label, -1);
        return;
      }
      case 'edge.upsert': {
        const r = m.record;
        const g = this.graphOf(r.type);
        const [from, to] = [nodeKey(r.from), nodeKey(r.to)];
        // Shared parts (type and label strings, the end nodes' refs, empty props) instead of copies per edge.
        const record: EdgeRecord = Object.freeze({
          type: canonical(r.type),
          from: this.refs.get(from) ?? r.from,
          to: this.refs.get(to) ?? r.to,
          props: hasKeys(r.props) ? r.props : NO_PROPS,
        });
        g.mergeNode(from);
        g.mergeNode(to);
        if (g.hasEdge(from, to)) g.replaceEdgeAttributes(from, to, record);
        else g.addEdge(from, to, record);
        return;
      }
      case 'edge.delete': {
        const g = this.graphs.get(m.ref.type);
        const [from, to] = [nodeKey(m.ref.from), nodeKey(m.ref.to)];
        if (g?.hasEdge(from, to)) g.dropEdge(from, to);
        return;
      }
    }
  }

  async getNode(ref: NodeRef): Promise<NodeRecord | null> {
    this.assertOpen();
    return this.nodes.get(nodeKey(ref)) ?? null;
  }

  async getNodes(label: NodeLabel, ids: string[]): Promise<(NodeRecord | null)[]> {
    this.assertOpen();
    return ids.map((id) => this.nodes.get(nodeKey({ label, id })) ?? null);
  }

  async listNodes(label: NodeLabel, opts: { first: number; after?: string | null }): Promise<Page<NodeRecord>> {
    this.assertOpen();
    this.catchUp();
    const rows = this.stmts.listIds.all(label, opts.after ?? '', opts.first + 1);
    const items = rows.slice(0, opts.first).map((r) => this.nodes.get(nodeKey({ label, id: r.id }))!);
    const page = { items, next: rows.length > opts.first ? items[items.length - 1].id : null };
    // A follower's ids (read from SQLite) may be ahead of its graph by a commit made since catchUp: not listed yet.
    if (this.role === 'follower') page.items = items.filter((n) => n !== undefined);
    return page;
  }

  async countNodes(label: NodeLabel): Promise<number> {
    return this.nodeCounts.get(label) ?? 0;
  }

  async countEdges(type: EdgeType): Promise<number> {
    return this.graphs.get(type)?.size ?? 0;
  }

  async getEdge(ref: EdgeRef): Promise<EdgeRecord | null> {
    this.assertOpen();
    const g = this.graphs.get(ref.type);
    const [from, to] = [nodeKey(ref.from), nodeKey(ref.to)];
    return g?.hasEdge(from, to) ? g.getEdgeAttributes(from, to) : null;
  }

  async neighbors(node: NodeRef, type: EdgeType, direction: Direction): Promise<Neighbor[]> {
    this.assertOpen();
    const key = nodeKey(node);
    const g = this.graphs.get(type);
    if (!g) assertEdgeType(type); // a known type without edges yet answers none
    if (!g || !g.hasNode(key)) return [];
    const out: Neighbor[] = [];
    if (direction !== 'in')
      g.forEachOutEdge(key, (_e, edge, _s, target) => void out.push({ node: this.nodes.get(target)!, edge }));
    if (direction !== 'out')
      g.forEachInEdge(key, (_e, edge, source) => void out.push({ node: this.nodes.get(source)!, edge }));
    return out;
  }

  async neighborsMany(label: NodeLabel, ids: string[], type: EdgeType, direction: Direction): Promise<Neighbor[][]> {
    return Promise.all(ids.map((id) => this.neighbors({ label, id }, type, direction)));
  }

  async neighborLinksMany(
    label: NodeLabel,
    ids: string[],
    type: EdgeType,
    direction: Direction,
  ): Promise<NeighborLink[][]> {
    this.assertOpen();
    const g = this.graphs.get(type);
    if (!g) assertEdgeType(type);
    // The edge's ends are the nodes' shared refs: nothing is copied.
    return ids.map((id) => {
      const key = nodeKey({ label, id });
      const out: NeighborLink[] = [];
      if (!g || !g.hasNode(key)) return out;
      if (direction !== 'in') g.forEachOutEdge(key, (_e, edge) => void out.push({ node: edge.to, edge }));
      if (direction !== 'out') g.forEachInEdge(key, (_e, edge) => void out.push({ node: edge.from, edge }));
      return out;
    });
  }

  async changes(after: number, limit: number, about?: readonly ChangeSubject[]): Promise<ChangeEvent[]> {
    this.assertOpen();
    // A follower's feed ends where its graph is: a reader of the feed then reads the nodes it names as of it.
    const end = this.role === 'follower' ? this.catchUp() : Infinity;
    if (readsTrimmable(about)) assertFeedHeld(after, this.trimmedPoint(), about);
    const parse = (r: { seq: number; at: string; event: string }): ChangeEvent => ({
      seq: r.seq,
      at: r.at,
      ...JSON.parse(r.event),
    });
    if (!about) return this.stmts.changes.all(after, limit).flatMap((r) => (r.seq <= end ? [parse(r)] : []));
    // Filtered here, page by page, until `limit` are found or the feed ends.
    const wanted = new Set<string>(about);
    const out: ChangeEvent[] = [];
    for (let from = after; out.length < limit;) {
      const rows = this.stmts.changes.all(from, Math.max(limit, 1000));
      for (const r of rows) {
        if (r.seq > end) return out;
        const e = parse(r);
        if (wanted.has(subjectOf(e)) && out.push(e) === limit) return out;
      }
      if (rows.length < Math.max(limit, 1000)) break;
      from = rows[rows.length - 1].seq;
    }
    return out;
  }

  async trimChanges(through: number): Promise<number> {
    this.assertOpen();
    if (this.role === 'follower')
      throw new StoreError('UNAVAILABLE', 'This process is a read-only follower; the owner trims the change feed.');
    const from = this.trimmedPoint();
    const point = Math.min(Math.floor(through), this.stmts.lastSeq.get()?.seq ?? 0);
    if (!(point > from)) return 0;
    // The point first: from its commit on, a reader from before it is told (FeedTrimmed), never given a feed
    // with holes. Then the events, 1,000 numbers a transaction, the event loop let go between them (the seed's
    // 58,049 marketplace events here: 201 ms in all, the loop held 36 ms at most; 80 ms with 10,000 a transaction).
    this.stmts.setRevision.run(TRIMMED, point);
    let removed = 0;
    for (let lo = from; lo < point; lo += TRIM_RANGE) {
      this.assertOpen();
      removed += this.stmts.trimRange.run(lo, Math.min(point, lo + TRIM_RANGE)).changes;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return removed;
  }

  async trimmedThrough(): Promise<number> {
    this.assertOpen();
    return this.trimmedPoint();
  }

  async revision(name: string): Promise<number> {
    this.assertOpen();
    return this.stmts.getRevision.get(name)?.value ?? 0;
  }

  /** The feed's last event; a follower's: the last it has applied (what its graph reflects). */
  async lastSeq(): Promise<number> {
    this.assertOpen();
    if (this.role === 'follower') return this.position;
    return this.stmts.lastSeq.get()?.seq ?? 0;
  }

  /** The WHERE clause and parameters shared by history and countHistory. */
  private auditFilter(opts: HistoryFilter & { before?: number }): {
    where: string;
    params: (string | number)[];
  } {
    const where: string[] = ['a.feed = ?'];
    const params: (string | number)[] = [opts.feed];
    if (opts.subject !== undefined) {
      where.push('a.seq IN (SELECT seq FROM audit_subjects WHERE subject = ?)');
      params.push(opts.subject);
    }
    if (opts.since !== undefined) {
      where.push('a.at >= ?');
      params.push(opts.since);
    }
    if (opts.before !== undefined) {
      where.push('a.seq < ?');
      params.push(opts.before);
    }
    return { where: `WHERE ${where.join(' AND ')}`, params };
  }

  async countHistory(opts: HistoryFilter): Promise<number> {
    this.assertOpen();
    const { where, params } = this.auditFilter(opts);
    return (this.db.prepare(`SELECT count(*) AS n FROM audit a ${where}`).get(...params) as { n: number }).n;
  }

  async history(opts: HistoryFilter & { before?: number; first: number }): Promise<AuditRecord[]> {
    this.assertOpen();
    const { where, params } = this.auditFilter(opts);
    const sql = `SELECT * FROM audit a ${where} ORDER BY a.seq DESC LIMIT ?`;
    params.push(opts.first);
    const rows = this.db.prepare(sql).all(...params) as Array<{
      seq: number;
      feed: AuditFeed;
      at: string;
      actor: string;
      operation: string;
      subjects: string;
      before: string | null;
      after: string | null;
    }>;
    return rows.map((r) => ({
      seq: r.seq,
      feed: r.feed,
      at: r.at,
      actor: r.actor,
      operation: r.operation,
      subjects: JSON.parse(r.subjects),
      before: r.before === null ? undefined : JSON.parse(r.before),
      after: r.after === null ? undefined : JSON.parse(r.after),
    }));
  }

  async projection(): Promise<Projection> {
    this.assertOpen();
    const idsByLabel: Partial<Record<NodeLabel, string[]>> = {};
    for (const r of this.nodes.values()) (idsByLabel[r.label] ??= []).push(r.id);
    const lists = allRelations().map((rel) => {
      const pairs: Array<readonly [string, string, EventProps?]> = [];
      const events = isInteraction(rel.type);
      this.graphs.get(rel.type)?.forEachEdge((_e, r) => {
        if (r.from.label === rel.from && r.to.label === rel.to)
          pairs.push(events ? [r.from.id, r.to.id, r.props] : [r.from.id, r.to.id]);
      });
      return { ...rel, pairs };
    });
    return buildProjection(idsByLabel, lists, await this.lastSeq());
  }

  async ping(): Promise<void> {
    this.assertOpen();
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.following) clearInterval(this.following);
    this.db.close();
    this.ownerLock?.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('UNAVAILABLE', 'The store is closed.');
  }
}

/**
 * The writer's lock: an EXCLUSIVE-mode SQLite database that has written once holds its lock until closed;
 * the OS releases it when the process dies (no stale lock files after kill -9).
 */
function takeOwnerLock(file: string, inUse: () => Error): Database.Database {
  const db = new Database(file, { timeout: 200 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS owner (pid INTEGER); DELETE FROM owner;');
    db.prepare('INSERT INTO owner (pid) VALUES (?)').run(process.pid);
    return db;
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') throw inUse();
    throw err;
  }
}

/** A change event as the in-memory mutation it records (a redacted upsert: no properties left). */
function mutationOf(e: Omit<ChangeEvent, 'seq' | 'at'>): GraphMutation | null {
  switch (e.kind) {
    case 'node.upsert':
      return { kind: 'node.upsert', record: freezeRecord({ ...e.node!, props: e.props ?? {} }) };
    case 'node.delete':
      return { kind: 'node.delete', ref: e.node! };
    case 'edge.upsert':
      return { kind: 'edge.upsert', record: freezeRecord({ ...e.edge!, props: e.props ?? {} }) };
    case 'edge.delete':
      return { kind: 'edge.delete', ref: e.edge! };
    default:
      return null;
  }
}

function checkVersion(ref: NodeRef, stored: unknown, exists: boolean, expected: number | null): void {
  if (expected === null) {
    if (exists) throw new StoreError('CONFLICT', `${ref.label} "${ref.id}" already exists.`);
    return;
  }
  if (!exists) throw new StoreError('NOT_FOUND', `${ref.label} "${ref.id}" does not exist.`);
  if (stored !== expected) {
    throw new StoreError(
      'CONFLICT',
      `${ref.label} "${ref.id}" is at version ${String(stored)}, not ${expected}; reload it and retry.`,
    );
  }
}

/** The one instance of each label and edge type name (strings read from SQLite or JSON are copies). */
const CANONICAL = new Map<string, string>([...NODE_LABELS, ...EDGE_TYPES].map((s) => [s, s]));
function canonical<T extends string>(s: T): T {
  return (CANONICAL.get(s) as T | undefined) ?? s;
}
const NO_PROPS: Props = Object.freeze({});
function hasKeys(o: object): boolean {
  for (const k in o) if (Object.hasOwn(o, k)) return true;
  return false;
}

function freezeRecord<T extends { props: Props }>(r: T): T {
  for (const v of Object.values(r.props)) if (Array.isArray(v)) Object.freeze(v);
  Object.freeze(r.props);
  return Object.freeze(r);
}

function bump<K>(m: Map<K, number>, k: K, by: number): void {
  m.set(k, (m.get(k) ?? 0) + by);
}

function json(v: unknown): string | null {
  return v === undefined ? null : JSON.stringify(v);
}

function translateSqliteError(err: unknown): unknown {
  if (err instanceof StoreError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_IOERR' || code === 'SQLITE_FULL') {
    return new StoreError('UNAVAILABLE', `The embedded store could not write (${code}); retry later.`);
  }
  return err;
}
