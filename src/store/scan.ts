/** Reading every node of a label through the store's paging, a page at a time. */
import type { GraphStore, NodeLabel, NodeRecord } from './types.ts';

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
