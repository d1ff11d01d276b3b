/** Reading every node of a label, or every audit record of a filter, through the store's paging. */
import type { AuditRecord, GraphStore, HistoryFilter, NodeLabel, NodeRecord, NodeRef } from './types.ts';

/** The stored records of nodes of any labels, aligned with refs: one getNodes per label, all at once. */
export async function readNodes(store: GraphStore, refs: NodeRef[]): Promise<Array<NodeRecord | null>> {
  const out: Array<NodeRecord | null> = refs.map(() => null);
  await Promise.all(
    [...new Set(refs.map((r) => r.label))].map(async (label) => {
      const at = refs.flatMap((r, i) => (r.label === label ? [i] : []));
      const found = await store.getNodes(
        label,
        at.map((i) => refs[i].id),
      );
      for (const [j, i] of at.entries()) out[i] = found[j];
    }),
  );
  return out;
}

export async function* nodePages(store: GraphStore, label: NodeLabel, pageSize = 5000): AsyncGenerator<NodeRecord[]> {
  let after: string | null = null;
  do {
    const page = await store.listNodes(label, { first: pageSize, after });
    yield page.items;
    after = page.next;
  } while (after);
}

export async function allNodes(store: GraphStore, label: NodeLabel): Promise<NodeRecord[]> {
  const out: NodeRecord[] = [];
  for await (const page of nodePages(store, label)) out.push(...page);
  return out;
}

/** Every audit record the filter matches, newest first (as history() pages them). */
export async function allHistory(store: GraphStore, filter: HistoryFilter, pageSize = 1000): Promise<AuditRecord[]> {
  const out: AuditRecord[] = [];
  for (let before: number | undefined; ;) {
    const page = await store.history({ ...filter, before, first: pageSize });
    out.push(...page);
    if (page.length < pageSize) return out;
    before = page[page.length - 1].seq;
  }
}
