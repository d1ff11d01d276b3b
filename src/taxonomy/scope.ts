/**
 * What a skill edit reads and writes (edit.ts). The live scope reads the store and writes through at once; a
 * planned scope (a reviewed change set, changesets.ts) layers the edits made so far over the store, so each edit
 * of a set is validated against the taxonomy as the earlier ones leave it, and commits them all in one write.
 */
import type {
  AuditInput,
  Direction,
  EdgeRecord,
  EdgeRef,
  EdgeType,
  GraphStore,
  Neighbor,
  NodeLabel,
  NodeRecord,
  NodeRef,
  WriteOp,
} from '../store/types.ts';
import { nodeKey } from '../store/types.ts';
import { normalizeLabel } from './text.ts';

/** An edit's history record; the scope files it on the taxonomy feed. */
export type EditAudit = Omit<AuditInput, 'feed'>;

export interface EditScope {
  getNode(ref: NodeRef): Promise<NodeRecord | null>;
  getNodes(label: NodeLabel, ids: string[]): Promise<(NodeRecord | null)[]>;
  getEdge(ref: EdgeRef): Promise<EdgeRecord | null>;
  neighbors(node: NodeRef, type: EdgeType, direction: Direction): Promise<Neighbor[]>;
  neighborsMany(label: NodeLabel, ids: string[], type: EdgeType, direction: Direction): Promise<Neighbor[][]>;
  /** Active skills whose label or an alias is this name. */
  owners(name: string): string[];
  /**
   * A planned node's version before the plan's edits (what its proposer read); undefined where the scope is
   * live or the plan has not touched it (its version now is the one).
   */
  versionBefore(ref: NodeRef): Promise<number | undefined>;
  write(ops: WriteOp[], audit: EditAudit): Promise<void>;
}

/** The store's reads (and the skill name index) without writing: what a planned scope layers its edits over. */
export type ScopeReads = Omit<EditScope, 'write' | 'versionBefore'>;

export function storeReads(store: GraphStore, owners: (name: string) => string[]): ScopeReads {
  return {
    getNode: (ref) => store.getNode(ref),
    getNodes: (label, ids) => store.getNodes(label, ids),
    getEdge: (ref) => store.getEdge(ref),
    neighbors: (node, type, direction) => store.neighbors(node, type, direction),
    neighborsMany: (label, ids, type, direction) => store.neighborsMany(label, ids, type, direction),
    owners,
  };
}

const edgeKey = (e: EdgeRef) => `${e.type}|${nodeKey(e.from)}|${nodeKey(e.to)}`;

/**
 * Edits recorded over a base without touching it: reads see the base with the recorded writes applied; `ops()`
 * is the net change (each node once, checked against the version the base had; each edge's last state) and
 * `audits` every edit's history record, in order.
 */
export class PlannedScope implements EditScope {
  /** Node key → its planned record, and the version the base had (null: it did not exist; undefined: none). */
  private readonly nodes = new Map<string, { record: NodeRecord; baseVersion: number | null | undefined }>();
  /** Edge key → its planned record, or null for a planned deletion. */
  private readonly edges = new Map<string, { ref: EdgeRef; record: EdgeRecord | null }>();
  readonly audits: EditAudit[] = [];

  constructor(private readonly base: ScopeReads) {}

  async getNode(ref: NodeRef): Promise<NodeRecord | null> {
    return this.nodes.get(nodeKey(ref))?.record ?? this.base.getNode(ref);
  }

  async getNodes(label: NodeLabel, ids: string[]): Promise<(NodeRecord | null)[]> {
    const base = await this.base.getNodes(label, ids);
    return ids.map((id, i) => this.nodes.get(nodeKey({ label, id }))?.record ?? base[i]);
  }

  async getEdge(ref: EdgeRef): Promise<EdgeRecord | null> {
    const planned = this.edges.get(edgeKey(ref));
    return planned ? planned.record : this.base.getEdge(ref);
  }

  async neighbors(node: NodeRef, type: EdgeType, direction: Direction): Promise<Neighbor[]> {
    return (await this.neighborsMany(node.label, [node.id], type, direction))[0];
  }

  async neighborsMany(label: NodeLabel, ids: string[], type: EdgeType, direction: Direction): Promise<Neighbor[][]> {
    const base = await this.base.neighborsMany(label, ids, type, direction);
    const out: Neighbor[][] = [];
    for (const [i, id] of ids.entries()) {
      const here = { label, id };
      const list: Neighbor[] = [];
      for (const n of base[i]) {
        if (this.edges.has(edgeKey(n.edge))) continue;
        list.push({ ...n, node: this.nodes.get(nodeKey(n.node))?.record ?? n.node });
      }
      for (const { record } of this.edges.values()) {
        if (!record || record.type !== type) continue;
        const out_ = nodeKey(record.from) === nodeKey(here) && direction !== 'in';
        const in_ = nodeKey(record.to) === nodeKey(here) && direction !== 'out';
        for (const other of [out_ ? record.to : null, in_ ? record.from : null]) {
          if (!other) continue;
          const node = await this.getNode(other);
          if (node) list.push({ node, edge: record });
        }
      }
      out.push(list);
    }
    return out;
  }

  async versionBefore(ref: NodeRef): Promise<number | undefined> {
    return this.nodes.get(nodeKey(ref))?.baseVersion ?? undefined;
  }

  owners(name: string): string[] {
    const key = normalizeLabel(name);
    const planned = [...this.nodes.values()].filter((n) => n.record.label === 'Skill').map((n) => n.record);
    const touched = new Set(planned.map((n) => n.id));
    const names = (n: NodeRecord) => [n.props.label, ...((n.props.aliases as string[] | undefined) ?? [])];
    return [
      ...this.base.owners(name).filter((id) => !touched.has(id)),
      ...planned
        .filter((n) => n.props.status !== 'DEPRECATED' && names(n).some((x) => normalizeLabel(String(x)) === key))
        .map((n) => n.id),
    ];
  }

  async write(ops: WriteOp[], audit: EditAudit): Promise<void> {
    for (const op of ops) {
      if (op.op === 'upsertNode') {
        const key = nodeKey(op.node);
        const earlier = this.nodes.get(key);
        const base = earlier ? null : await this.base.getNode(op.node);
        const baseVersion = earlier ? earlier.baseVersion : base ? (base.props.version as number | undefined) : null;
        this.nodes.set(key, { record: op.node, baseVersion });
      } else if (op.op === 'upsertEdge') this.edges.set(edgeKey(op.edge), { ref: op.edge, record: op.edge });
      else if (op.op === 'deleteEdge') this.edges.set(edgeKey(op.edge), { ref: op.edge, record: null });
      else throw new Error(`a planned taxonomy edit cannot ${op.op}`);
    }
    this.audits.push(audit);
  }

  /** The net change: nodes first (each checked against the version read from the base), then edges. */
  ops(): WriteOp[] {
    return [
      ...[...this.nodes.values()].map(({ record, baseVersion }): WriteOp => ({
        op: 'upsertNode',
        node: record,
        ifVersion: baseVersion,
      })),
      ...[...this.edges.values()].map(({ ref, record }): WriteOp =>
        record ? { op: 'upsertEdge', edge: record } : { op: 'deleteEdge', edge: ref },
      ),
    ];
  }
}
