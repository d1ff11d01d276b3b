/**
 * Skills nobody uses: active skills that no job asks for and no member holds, directly or through a narrower
 * skill (so a domain whose children are used is not "unused", and an unused branch shows whole). Editors prune
 * or merge them. One pass over the jobs' and members' skill edges (from their side: the skills come back, not
 * the records) and one over the hierarchy, a page at a time.
 */
import { nodePages } from '../store/scan.ts';
import type { GraphStore } from '../store/types.ts';

export interface UnusedSkills {
  /** Unused active skills, by id, each with its top-level domain (the first by id; itself when top-level). */
  skills: Array<{ id: string; domain: string }>;
  /** Active skills in all. */
  active: number;
}

export async function unusedSkills(store: GraphStore): Promise<UnusedSkills> {
  const used = new Set<string>();
  for (const [label, type] of [
    ['Job', 'REQUIRES'],
    ['Member', 'HAS_SKILL'],
  ] as const) {
    for await (const page of nodePages(store, label)) {
      const lists = await store.neighborsMany(
        label,
        page.map((n) => n.id),
        type,
        'out',
      );
      for (const list of lists) for (const n of list) used.add(n.node.id);
    }
  }
  const parents = new Map<string, string[]>();
  const active: string[] = [];
  for await (const page of nodePages(store, 'Skill', 1000)) {
    const lists = await store.neighborsMany(
      'Skill',
      page.map((n) => n.id),
      'BROADER',
      'out',
    );
    page.forEach((n, i) => {
      parents.set(
        n.id,
        lists[i].map((p) => p.node.id),
      );
      if (n.props.status !== 'DEPRECATED') active.push(n.id);
    });
  }
  // A used skill makes its ancestors used too.
  const covered = new Set<string>();
  const stack = [...used];
  while (stack.length) {
    const id = stack.pop()!;
    if (covered.has(id)) continue;
    covered.add(id);
    stack.push(...(parents.get(id) ?? []));
  }
  const domainOf = (id: string): string => {
    const roots = new Set<string>();
    const seen = new Set<string>();
    for (const stack = [id]; stack.length;) {
      const at = stack.pop()!;
      if (seen.has(at)) continue;
      seen.add(at);
      const up = parents.get(at) ?? [];
      if (up.length === 0) roots.add(at);
      stack.push(...up);
    }
    return [...roots].sort()[0] ?? id;
  };
  return {
    skills: active
      .filter((id) => !covered.has(id))
      .sort()
      .map((id) => ({ id, domain: domainOf(id) })),
    active: active.length,
  };
}
