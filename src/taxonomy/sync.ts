/**
 * Idempotent, additive bulk sync of nodes and edges into a store: only what differs from what
 * is stored is written, so running an import twice changes nothing the second time.
 * Used by the ESCO importer and the taxonomy file importer. Each batch claims the taxonomy
 * revision (as edits do), so an edit on another replica that checked the taxonomy before the
 * batch landed re-checks it after.
 */
import { RevisionConflict } from '../store/types.ts';
import type { AuditInput, EdgeRecord, GraphStore, NodeLabel, NodeRecord, Props, WriteOp } from '../store/types.ts';
import { TAXONOMY_REVISION } from './model.ts';

export type Progress = (stage: string, done: number, total: number) => void;

const BATCH = 1000;

const sameProps = (a: Props, b: Props, keys: string[]) =>
  keys.every((k) => JSON.stringify(a[k] ?? null) === JSON.stringify(b[k] ?? null));

/**
 * Writes the nodes whose imported fields differ from what is stored; keeps versions and
 * creation times. A stored DEPRECATED skill is left alone unless the incoming record carries
 * a status of its own (a taxonomy file does, ESCO does not). Returns counts and the ids of
 * the deprecated nodes left alone.
 */
export async function syncNodes(
  store: GraphStore,
  label: NodeLabel,
  desired: NodeRecord[],
  opts: { now: string; actor: string; progress?: Progress },
) {
  const { now, actor, progress = () => {} } = opts;
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const deprecated = new Set<string>();
  for (let i = 0; i < desired.length; i += BATCH) {
    const chunk = desired.slice(i, i + BATCH);
    const existing = await store.getNodes(
      label,
      chunk.map((n) => n.id),
    );
    const ops: WriteOp[] = [];
    chunk.forEach((want, j) => {
      const have = existing[j];
      const carriesStatus = want.props.status !== undefined;
      if (have?.props.status === 'DEPRECATED' && !carriesStatus) {
        deprecated.add(want.id);
        return;
      }
      const managed = ['version', 'createdAt', 'updatedAt', ...(carriesStatus ? [] : ['status', 'replacedBy'])];
      const keys = [
        ...new Set([
          ...Object.keys(want.props),
          ...(have ? Object.keys(have.props).filter((k) => !managed.includes(k)) : []),
        ]),
      ];
      if (have && sameProps(have.props, want.props, keys)) {
        unchanged++;
        return;
      }
      const props: Props =
        label === 'Skill'
          ? {
              status: 'ACTIVE',
              ...want.props,
              version: have ? Number(have.props.version ?? 1) + 1 : 1,
              createdAt: have?.props.createdAt ?? now,
              updatedAt: now,
            }
          : want.props;
      ops.push({ op: 'upsertNode', node: { label, id: want.id, props } });
      if (have) updated++;
      else created++;
    });
    if (ops.length)
      await writeBatch(store, ops, { feed: 'taxonomy', actor, operation: `import:${label}`, subjects: [] });
    progress(`${label} nodes`, Math.min(i + BATCH, desired.length), desired.length);
  }
  return { created, updated, unchanged, deprecated };
}

/** Adds edges that are missing or whose properties differ; never removes edges. */
export async function syncEdges(
  store: GraphStore,
  desired: EdgeRecord[],
  opts: { actor: string; progress?: Progress },
) {
  const { actor, progress = () => {} } = opts;
  let added = 0;
  let unchanged = 0;
  const unique = [...new Map(desired.map((e) => [`${e.type}|${e.from.id}|${e.to.id}`, e])).values()];
  const bySource = new Map<string, EdgeRecord[]>();
  for (const e of unique) {
    const list = bySource.get(e.from.id) ?? [];
    list.push(e);
    bySource.set(e.from.id, list);
  }
  const sources = [...bySource.keys()];
  for (let i = 0; i < sources.length; i += BATCH) {
    const chunk = sources.slice(i, i + BATCH);
    const first = bySource.get(chunk[0])![0];
    const existing = await store.neighborsMany(first.from.label, chunk, first.type, 'out');
    const ops: WriteOp[] = [];
    chunk.forEach((src, j) => {
      const have = new Map(
        existing[j].filter((n) => n.node.label === first.to.label).map((n) => [n.node.id, n.edge.props]),
      );
      for (const e of bySource.get(src)!) {
        const props = have.get(e.to.id);
        if (props && sameProps(props, e.props, Object.keys(e.props))) unchanged++;
        else {
          ops.push({ op: 'upsertEdge', edge: e });
          added++;
        }
      }
    });
    for (let k = 0; k < ops.length; k += 5000)
      await writeBatch(store, ops.slice(k, k + 5000), {
        feed: 'taxonomy',
        actor,
        operation: `import:${first.type}`,
        subjects: [],
      });
    progress(`${first.type} edges`, Math.min(i + BATCH, sources.length), sources.length);
  }
  return { added, unchanged };
}

/** One import batch, claiming the taxonomy revision it reads just before (again if an edit took it meanwhile). */
async function writeBatch(store: GraphStore, ops: WriteOp[], audit: AuditInput): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const expect = await store.revision(TAXONOMY_REVISION);
    try {
      await store.write([{ op: 'claimRevision', name: TAXONOMY_REVISION, expect }, ...ops], audit);
      return;
    } catch (err) {
      if (!(err instanceof RevisionConflict) || attempt === 5) throw err;
    }
  }
}
