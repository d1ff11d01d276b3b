/** Reading every node of a label, or every audit record of a filter, through the store's paging. */
import type { AuditRecord, GraphStore, HistoryFilter, NodeLabel, NodeRecord } from './types.ts';

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
