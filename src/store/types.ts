/**
 * The GraphStore contract: the one seam between the service and its storage.
 *
 * Two implementations honour it (and one test suite checks both): the embedded store
 * (graphology in memory, durable in SQLite) and the Neo4j store (neo4j-driver, managed
 * transactions). Everything above this file speaks only these types.
 */

import { DomainError } from '../errors.ts';
import { idProblem } from '../ids.ts';

/** Node labels the graph knows. Labels never come from user input unchecked: see assertLabel. */
export const NODE_LABELS = ['Skill', 'Occupation', 'Member', 'Job', 'Company', 'Location', 'Title'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Edge types and the (from label → to label) pairs each may connect. */
export const EDGE_ENDPOINTS = {
  BROADER: [['Skill', 'Skill']],
  RELATED: [['Skill', 'Skill']],
  NEEDS_SKILL: [['Occupation', 'Skill']],
  BROADER_OCCUPATION: [['Occupation', 'Occupation']],
  HAS_SKILL: [['Member', 'Skill']],
  REQUIRES: [['Job', 'Skill']],
  APPLIED: [['Member', 'Job']],
  VIEWED: [['Member', 'Job']],
  SAVED: [['Member', 'Job']],
  HIRED: [['Member', 'Job']],
  WORKED_AT: [['Member', 'Company']],
  POSTED_BY: [['Job', 'Company']],
  LOCATED_IN: [
    ['Member', 'Location'],
    ['Job', 'Location'],
    ['Company', 'Location'],
    ['Location', 'Location'],
  ],
  HAS_TITLE: [
    ['Member', 'Title'],
    ['Job', 'Title'],
  ],
  TITLE_OF: [['Title', 'Occupation']],
  /** A related-skills link mined from co-occurrence, for editors to accept or dismiss (src/taxonomy/mining.ts). */
  SUGGESTED_RELATED: [['Skill', 'Skill']],
  /** A person's decision on one of a member's or job's skills (src/marketplace/feedback.ts). */
  SKILL_FEEDBACK: [
    ['Member', 'Skill'],
    ['Job', 'Skill'],
  ],
  /** Job seekers saying one of a job's skills looks wrong (src/marketplace/feedback.ts): a signal, not a decision. */
  SKILL_FLAG: [['Job', 'Skill']],
} as const satisfies Record<string, ReadonlyArray<readonly [NodeLabel, NodeLabel]>>;
export type EdgeType = keyof typeof EDGE_ENDPOINTS;
export const EDGE_TYPES = Object.keys(EDGE_ENDPOINTS) as EdgeType[];

/** Member→job interaction edges: counted repeats with first/latest times, kept when a member or job is re-upserted. */
export const INTERACTION_TYPES = ['VIEWED', 'SAVED', 'APPLIED', 'HIRED'] as const satisfies readonly EdgeType[];
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export function isInteraction(type: EdgeType): type is InteractionType {
  return (INTERACTION_TYPES as readonly string[]).includes(type);
}

/**
 * Edges that annotate the graph rather than shape it: the GNN, projections and the edges an upsert replaces all
 * leave them out (a rejected skill is no neighbour, and a re-upsert keeps the decision).
 */
export const ANNOTATION_TYPES = [
  'SKILL_FEEDBACK',
  'SKILL_FLAG',
  'SUGGESTED_RELATED',
] as const satisfies readonly EdgeType[];

export function isAnnotation(type: EdgeType): boolean {
  return (ANNOTATION_TYPES as readonly string[]).includes(type);
}

/** An edge type as seen from one node label: which way it points and what is at the other end. */
export interface IncidentEdge {
  type: EdgeType;
  direction: 'out' | 'in';
  other: NodeLabel;
}

/** Every (edge type, direction, other label) a node of `label` can have (EDGE_ENDPOINTS), annotations aside. */
export function incidentEdges(label: NodeLabel): IncidentEdge[] {
  const out: IncidentEdge[] = [];
  for (const type of EDGE_TYPES) {
    if (isAnnotation(type)) continue;
    for (const [from, to] of EDGE_ENDPOINTS[type] as ReadonlyArray<readonly [NodeLabel, NodeLabel]>) {
      if (from === label) out.push({ type, direction: 'out', other: to });
      if (to === label) out.push({ type, direction: 'in', other: from });
    }
  }
  return out;
}

/** Property values are flat: primitives or arrays of primitives (nested data is JSON-encoded by callers). */
export type PropValue = string | number | boolean | string[] | number[];
export type Props = Record<string, PropValue>;

export interface NodeRef {
  label: NodeLabel;
  id: string;
}
export interface NodeRecord extends NodeRef {
  props: Props;
}
export interface EdgeRef {
  type: EdgeType;
  from: NodeRef;
  to: NodeRef;
}
export interface EdgeRecord extends EdgeRef {
  props: Props;
}
export type Direction = 'out' | 'in' | 'both';

/** A neighbour reached over one edge: its label and id, and the edge. */
export interface NeighborLink {
  node: NodeRef;
  edge: EdgeRecord;
}

/** A neighbour reached over one edge, with its record. */
export interface Neighbor extends NeighborLink {
  node: NodeRecord;
}

/**
 * One operation of a write batch. A batch is applied in one transaction: all or nothing.
 * `ifVersion` is an optimistic-concurrency precondition on a node's `version` property:
 * a number means "the stored node must have this version", `null` means "must not exist".
 * On an edge likewise (an edge without a `version` property is at 0; one that no longer exists is a
 * CONFLICT, not NOT_FOUND): how a read-modify-write of an edge (a count) stays right when several
 * processes write one Neo4j.
 */
export type WriteOp =
  | { op: 'upsertNode'; node: NodeRecord; ifVersion?: number | null }
  /** redact: also strips the properties from this node's earlier change events (personal data). */
  | { op: 'deleteNode'; node: NodeRef; ifVersion?: number; redact?: boolean }
  | { op: 'upsertEdge'; edge: EdgeRecord; ifVersion?: number | null }
  | { op: 'deleteEdge'; edge: EdgeRef }
  /**
   * Compare-and-bump of a named revision inside the write's transaction: unless the revision
   * is still `expect`, the write fails with CONFLICT and applies nothing; otherwise it commits
   * as expect + 1. A writer that validates against what it read (the taxonomy editor: no
   * cycles, unique names) claims the revision it read first, so of two writers on different
   * replicas that read the same revision, only one can commit.
   */
  | { op: 'claimRevision'; name: string; expect: number };

/**
 * The audit log has two feeds: taxonomy edits (public, like the taxonomy) and marketplace writes (members,
 * jobs, interactions: personal data, admins only). Every record belongs to exactly one.
 */
export const AUDIT_FEEDS = ['taxonomy', 'marketplace'] as const;
export type AuditFeed = (typeof AUDIT_FEEDS)[number];
/** Marketplace operations of records written before records had a feed (both stores migrate by them). */
export const LEGACY_MARKETPLACE_OPERATIONS = [
  'upsertMember',
  'upsertJob',
  'deleteMember',
  'deleteJob',
  'recordInteraction',
];

/** Which records history() returns: one feed, optionally about one subject and since a time, paged by seq. */
export interface HistoryFilter {
  feed: AuditFeed;
  subject?: string;
  since?: string;
}

/** An audit (history) record written in the same transaction as the batch it describes. */
export interface AuditInput {
  feed: AuditFeed;
  actor: string;
  operation: string;
  /** Ids of the nodes this change is about; history is looked up by them. */
  subjects: string[];
  before?: unknown;
  after?: unknown;
}
/** The audit records of a write, as a list. */
export function auditList(audit: AuditInput | AuditInput[] | undefined): AuditInput[] {
  return audit === undefined ? [] : Array.isArray(audit) ? audit : [audit];
}
export interface AuditRecord extends AuditInput {
  seq: number;
  at: string;
}

/** One entry of the change feed (the outbox). Sequence numbers are strictly increasing. */
export interface ChangeEvent {
  seq: number;
  at: string;
  kind: 'node.upsert' | 'node.delete' | 'edge.upsert' | 'edge.delete';
  node?: NodeRef;
  edge?: EdgeRef;
  /** Properties after the change (upserts), absent for deletes. */
  props?: Props;
}

/** What a change event is about: its node's label or its edge's type (the filter of GraphStore.changes). */
export type ChangeSubject = NodeLabel | EdgeType;

export function subjectOf(e: Pick<ChangeEvent, 'node' | 'edge'>): ChangeSubject {
  return e.node ? e.node.label : e.edge!.type;
}

/**
 * The change events a trimmed feed keeps: the taxonomy's (taxonomy releases and their diffs are rebuilt from
 * them, and every replica's taxonomy indexes follow them). Members, jobs, companies and their edges change
 * without end; their events go once every reader has applied them (GraphStore.trimChanges, retention.ts).
 */
export const KEPT_SUBJECTS: readonly ChangeSubject[] = [
  'Skill',
  'Occupation',
  'BROADER',
  'RELATED',
  'NEEDS_SKILL',
  'BROADER_OCCUPATION',
];

export interface WriteResult {
  /** Sequence number of the last change event the batch produced (0 when it changed nothing). */
  seq: number;
}

export interface Page<T> {
  items: T[];
  /** The cursor to pass as `after` for the next page, or null at the end. */
  next: string | null;
}

/** Compressed sparse rows of one relation (edge type between two labels), by dense node index. */
export interface CsrRelation {
  type: EdgeType;
  from: NodeLabel;
  to: NodeLabel;
  /** offsets[i]..offsets[i+1] index into targets for source node i (length = #from + 1). */
  offsets: Uint32Array;
  /** Dense indexes into the `to` label's id list. */
  targets: Uint32Array;
  /** Interaction relations only, aligned with targets: when and how often the member interacted. */
  events?: EdgeEvents;
}

/** An interaction edge's props as the projection keeps them (ISO times, repeat count). */
export interface EventProps {
  first?: unknown;
  at?: unknown;
  count?: unknown;
}

/**
 * An interaction edge's history from its props: epoch ms of its first and latest event (NaN when
 * unknown; the first is the latest when only that is known) and its count (at least 1). The
 * projection and the GNN's single-node neighbourhoods both read props through this.
 */
export function interactionHistory(props: EventProps): { first: number; latest: number; count: number } {
  const time = (v: unknown) => (typeof v === 'string' && v ? Date.parse(v) : NaN);
  const latest = time(props.at);
  const first = time(props.first);
  const n = Number(props.count ?? 1);
  return {
    first: Number.isNaN(first) ? latest : first,
    latest,
    count: Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1,
  };
}

/** Per-edge interaction history in a projection (interactionHistory of each edge, CSR order). */
export interface EdgeEvents {
  first: Float64Array;
  latest: Float64Array;
  count: Uint32Array;
}

/** A compact, read-only snapshot of the graph's topology for the GNN. */
export interface Projection {
  /** Node ids per label, sorted; a node's dense index is its position here. */
  ids: Record<NodeLabel, string[]>;
  relations: CsrRelation[];
  /**
   * The change-feed position the projection reflects: every event up to it is in the ids and relations (events
   * committed while it was read may be in them too — whoever resumes after seq applies those again).
   */
  seq: number;
}

export interface GraphStore {
  readonly kind: 'embedded' | 'neo4j';
  /**
   * Applies all ops in one transaction, with its audit records (none, one, or several — a reviewed change set
   * keeps one per edit, in order); throws StoreError and changes nothing on failure.
   */
  write(ops: WriteOp[], audit?: AuditInput | AuditInput[]): Promise<WriteResult>;
  /** A named revision's current value (0 until first claimed); see the claimRevision op. */
  revision(name: string): Promise<number>;
  getNode(ref: NodeRef): Promise<NodeRecord | null>;
  /** Same order as `ids`; null where a node does not exist. */
  getNodes(label: NodeLabel, ids: string[]): Promise<(NodeRecord | null)[]>;
  /** Nodes of one label in id order, `first` at a time after the cursor. */
  listNodes(label: NodeLabel, opts: { first: number; after?: string | null }): Promise<Page<NodeRecord>>;
  countNodes(label: NodeLabel): Promise<number>;
  getEdge(ref: EdgeRef): Promise<EdgeRecord | null>;
  neighbors(node: NodeRef, type: EdgeType, direction: Direction): Promise<Neighbor[]>;
  /** neighbors() for many nodes of one label in one round trip; result aligned with ids. */
  neighborsMany(label: NodeLabel, ids: string[], type: EdgeType, direction: Direction): Promise<Neighbor[][]>;
  /**
   * neighborsMany without the neighbours' records: each neighbour's label and id and the edge. For callers that
   * need the links only (a GraphSAGE neighbourhood, the edges an upsert replaces): over Neo4j the records are
   * most of what such a read transfers (a member's jobs with their descriptions).
   */
  neighborLinksMany(label: NodeLabel, ids: string[], type: EdgeType, direction: Direction): Promise<NeighborLink[][]>;
  countEdges(type: EdgeType): Promise<number>;
  /**
   * Change events with seq > after, oldest first; with `about`, only those about nodes of those labels or edges
   * of those types (subjectOf), at most `limit` of them — a reader that follows a few kinds of change (the
   * taxonomy's search indexes) does not read every member and job edit over the network.
   */
  changes(after: number, limit: number, about?: readonly ChangeSubject[]): Promise<ChangeEvent[]>;
  /** The feed's head: the last event's number (the numbering goes on past events that were trimmed). */
  lastSeq(): Promise<number>;
  /**
   * Trims the change feed: records `through` (at most the head) as its trimmed point, then deletes the events up
   * to it except those about the taxonomy (KEPT_SUBJECTS), a few thousand a transaction so no writer waits long.
   * From then on `changes` from before the point throws FeedTrimmed unless it asks only for kept subjects.
   * Returns how many events it deleted. Not on a read-only follower.
   */
  trimChanges(through: number): Promise<number>;
  /** The feed's trimmed point (0: never trimmed); see trimChanges. */
  trimmedThrough(): Promise<number>;
  /** One feed's audit records, newest first; filtered by subject and/or time; paged by seq. */
  history(opts: HistoryFilter & { before?: number; first: number }): Promise<AuditRecord[]>;
  /** How many audit records match (the same filters as history, without paging). */
  countHistory(opts: HistoryFilter): Promise<number>;
  projection(): Promise<Projection>;
  /** Resolves when the store answers; throws when it cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A failure callers can act on; the batch that raised it changed nothing. */
export class StoreError extends DomainError {}

/**
 * A read of the change feed from before its trimmed point that could need events no longer there (only the
 * taxonomy's are kept there): the reader cannot catch up event by event and starts over from the current graph.
 */
export class FeedTrimmed extends StoreError {
  constructor(
    readonly after: number,
    readonly trimmed: number,
  ) {
    super(
      'NOT_FOUND',
      `The change feed was trimmed through event ${trimmed}: the events after ${after} that are not about the taxonomy are no longer all there; start over from the current graph.`,
    );
  }
}

/** Throws FeedTrimmed when a read after `after` (of the subjects `about`, or all) needs events trimmed away. */
export function assertFeedHeld(after: number, trimmed: number, about?: readonly ChangeSubject[]): void {
  if (after < trimmed && readsTrimmable(about)) throw new FeedTrimmed(after, trimmed);
}

/** Whether a read of the feed about `about` (all subjects without) may need events a trim deletes. */
export function readsTrimmable(about?: readonly ChangeSubject[]): boolean {
  return !about || about.some((s) => !KEPT_SUBJECTS.includes(s));
}

/** An edge's `version` property as `ifVersion` compares it (0 when it has none). */
export function edgeVersion(edge: EdgeRecord | null): number {
  return typeof edge?.props.version === 'number' ? edge.props.version : 0;
}

/**
 * Runs a read-modify-write again while its versioned write loses to another writer's (CONFLICT), up to
 * `attempts` times, waiting a random, growing while between tries so the losers do not collide again.
 */
export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 12): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof StoreError && err.code === 'CONFLICT') || attempt >= attempts) throw err;
      // Up to 10, 20, 40… ms (at most 250): losers spread out, so one of them wins the next round.
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(250, 5 * 2 ** attempt)));
    }
  }
}

/** An upsertEdge's `ifVersion` against the stored edge (exists, its `version` property); throws CONFLICT. */
export function checkEdgeVersion(
  ref: EdgeRef,
  stored: { exists: boolean; version: unknown },
  expected: number | null,
): void {
  const name = `${ref.type} ${ref.from.label} "${ref.from.id}" → ${ref.to.label} "${ref.to.id}"`;
  if (expected === null) {
    if (stored.exists) throw new StoreError('CONFLICT', `${name} already exists; reload it and retry.`);
    return;
  }
  if (!stored.exists) throw new StoreError('CONFLICT', `${name} no longer exists; reload it and retry.`);
  const version = typeof stored.version === 'number' ? stored.version : 0;
  if (version !== expected)
    throw new StoreError('CONFLICT', `${name} is at version ${version}, not ${expected}; reload it and retry.`);
}

export function nodeKey(ref: NodeRef): string {
  return `${ref.label}/${ref.id}`;
}

export function assertLabel(label: string): asserts label is NodeLabel {
  if (!(NODE_LABELS as readonly string[]).includes(label)) {
    throw new StoreError('BAD_USER_INPUT', `Unknown node label "${label}"; expected one of ${NODE_LABELS.join(', ')}.`);
  }
}

export function assertEdgeType(type: string): asserts type is EdgeType {
  if (!(EDGE_TYPES as readonly string[]).includes(type))
    throw new StoreError('BAD_USER_INPUT', `Unknown edge type "${type}".`);
}

/** Checks an edge's type and endpoint labels against EDGE_ENDPOINTS. */
export function assertEdgeShape(ref: EdgeRef): void {
  const allowed = EDGE_ENDPOINTS[ref.type] as ReadonlyArray<readonly [NodeLabel, NodeLabel]> | undefined;
  if (!allowed) {
    throw new StoreError(
      'BAD_USER_INPUT',
      `Unknown edge type "${ref.type}"; expected one of ${EDGE_TYPES.join(', ')}.`,
    );
  }
  if (!allowed.some(([f, t]) => f === ref.from.label && t === ref.to.label)) {
    throw new StoreError(
      'BAD_USER_INPUT',
      `Edge ${ref.type} cannot connect ${ref.from.label} to ${ref.to.label}; allowed: ${allowed.map(([f, t]) => `${f}->${t}`).join(', ')}.`,
    );
  }
}

/** Validates one op's shape and property values before any store touches it. */
export function validateOp(op: WriteOp): void {
  if (op.op === 'claimRevision') {
    if (typeof op.name !== 'string' || !/^[a-z][a-z0-9:-]{0,63}$/.test(op.name))
      throw new StoreError('BAD_USER_INPUT', 'Revision names are 1–64 lower-case letters, digits, ":" or "-".');
    if (!Number.isSafeInteger(op.expect) || op.expect < 0)
      throw new StoreError('BAD_USER_INPUT', 'A claimed revision must be a non-negative integer.');
  } else if (op.op === 'upsertNode' || op.op === 'deleteNode') {
    assertLabel(op.node.label);
    assertId(op.node.id);
    if (op.op === 'upsertNode') assertProps(op.node.props);
  } else {
    assertEdgeShape(op.edge);
    assertId(op.edge.from.id);
    assertId(op.edge.to.id);
    if (op.op === 'upsertEdge') assertProps(op.edge.props);
  }
}

/** A claimRevision that lost: another writer committed since the revision was read (both stores throw it). */
export class RevisionConflict extends StoreError {
  constructor(
    readonly revision: string,
    have: number,
    expect: number,
  ) {
    super(
      'CONFLICT',
      `Revision "${revision}" is at ${have}, not ${expect}: another writer changed it since it was read. Read again and retry.`,
    );
  }
}

function assertId(id: unknown): void {
  const problem = idProblem(id);
  if (problem) throw new StoreError('BAD_USER_INPUT', `A node id ${problem}.`);
}

function assertProps(props: Props): void {
  if (props === null || typeof props !== 'object')
    throw new StoreError('BAD_USER_INPUT', 'Properties must be an object.');
  for (const [k, v] of Object.entries(props)) {
    if (k === 'id' || k.startsWith('_')) throw new StoreError('BAD_USER_INPUT', `Property name "${k}" is reserved.`);
    if (v === undefined || v === null) continue;
    const ok =
      ['string', 'number', 'boolean'].includes(typeof v) ||
      (Array.isArray(v) && (v.every((x) => typeof x === 'string') || v.every((x) => typeof x === 'number')));
    if (!ok)
      throw new StoreError(
        'BAD_USER_INPUT',
        `Property "${k}" must be a string, number, boolean or an array of strings or numbers.`,
      );
    if (typeof v === 'number' && !Number.isFinite(v))
      throw new StoreError('BAD_USER_INPUT', `Property "${k}" must be a finite number.`);
  }
}

/** Drops undefined/null values so both stores return identical property maps. */
export function cleanProps(props: Record<string, unknown>): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) if (v !== undefined && v !== null) out[k] = v as PropValue;
  return out;
}
