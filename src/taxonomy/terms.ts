/**
 * Curating what extraction could not map. Every upsert or import of a job or member keeps, on the record, the
 * names it used that no skill matches (`unmappedTerms`: declared skill names that resolve to none, and the
 * unmapped list items of its skills sections — src/extraction/terms.ts). This module counts them over all
 * jobs and members, with a few examples in context, so an editor can add a frequent one as an alias or a new
 * skill in one step. A term leaves the list as soon as a skill owns its name (no rescan: the taxonomy's name
 * index is asked at read time) or when an editor ignores it (a record on the taxonomy feed).
 *
 * The count is a scan of every job and member (like related-skill mining): seconds at a million records.
 */
import { nodeText } from '../marketplace/text.ts';
import { allHistory, nodePages } from '../store/scan.ts';
import type { GraphStore, NodeLabel } from '../store/types.ts';
import { TaxonomyError } from './edit.ts';
import type { TaxonomyEditor } from './edit.ts';
import type { TaxonomyService } from './service.ts';
import { normalizeLabel } from './text.ts';

const SUBJECT = 'unmapped-terms';
const EXAMPLES = 3;
const SNIPPET = 60;

export interface TermExample {
  label: 'Job' | 'Member';
  id: string;
  /** The text around the term's first occurrence ("…" where cut); empty when it was a declared name only. */
  snippet: string;
}

export interface UnmappedTerm {
  /** As first written. */
  term: string;
  /** Records that used it. */
  jobs: number;
  members: number;
  examples: TermExample[];
}

export interface UnmappedTermReport {
  terms: UnmappedTerm[];
  /** Jobs and members read. */
  scanned: number;
  /** Terms left out because a skill owns the name now or an editor ignored them. */
  resolved: number;
}

export class UnmappedTerms {
  constructor(
    private readonly store: GraphStore,
    private readonly taxonomy: TaxonomyService,
    private readonly editor: TaxonomyEditor,
  ) {}

  /**
   * Terms used by at least `minCount` records, the most used first. `memberExamples`: whether examples may come
   * from members (personal data: admins only); otherwise they come from jobs.
   */
  async report(opts: { first: number; minCount: number; memberExamples: boolean }): Promise<UnmappedTermReport> {
    const ignored = await this.ignored();
    const byKey = new Map<string, UnmappedTerm & { exampleIds: Array<{ label: 'Job' | 'Member'; id: string }> }>();
    let scanned = 0;
    for (const label of ['Job', 'Member'] as const) {
      for await (const page of nodePages(this.store, label)) {
        for (const n of page) {
          scanned++;
          for (const term of (n.props.unmappedTerms as string[] | undefined) ?? []) {
            const key = normalizeLabel(term);
            if (!key) continue;
            let t = byKey.get(key);
            if (!t) byKey.set(key, (t = { term, jobs: 0, members: 0, examples: [], exampleIds: [] }));
            if (label === 'Job') t.jobs++;
            else t.members++;
            if (t.exampleIds.length < EXAMPLES && (label === 'Job' || opts.memberExamples))
              t.exampleIds.push({ label, id: n.id });
          }
        }
      }
    }
    let resolved = 0;
    const open = [...byKey.entries()].filter(([key, t]) => {
      const done = ignored.has(key) || this.taxonomy.skillIndex.owners(t.term).length > 0;
      if (done) resolved++;
      return !done && t.jobs + t.members >= opts.minCount;
    });
    open.sort(([ka, a], [kb, b]) => b.jobs + b.members - (a.jobs + a.members) || (ka < kb ? -1 : 1));
    const terms = await Promise.all(
      open.slice(0, opts.first).map(async ([, t]) => ({
        term: t.term,
        jobs: t.jobs,
        members: t.members,
        examples: await this.examples(t.term, t.exampleIds),
      })),
    );
    return { terms, scanned, resolved };
  }

  /** Takes a term off the list for good (it is not a skill: "fluent", "team"). */
  ignore(actor: string, term: string): Promise<boolean> {
    const key = normalizeLabel(term);
    if (!key || term.length > 200)
      throw new TaxonomyError('BAD_USER_INPUT', 'term: 1 to 200 characters with a letter or digit.');
    return this.editor.runEdit(async (write) => {
      if ((await this.ignored()).has(key)) return false;
      await write([], { actor, operation: 'ignoreUnmappedTerm', subjects: [SUBJECT], after: { term } });
      return true;
    });
  }

  private async ignored(): Promise<Set<string>> {
    const records = await allHistory(this.store, { feed: 'taxonomy', subject: SUBJECT });
    return new Set(records.map((r) => normalizeLabel(String((r.after as { term?: string })?.term ?? ''))));
  }

  private async examples(term: string, ids: Array<{ label: 'Job' | 'Member'; id: string }>): Promise<TermExample[]> {
    const out: TermExample[] = [];
    for (const label of ['Job', 'Member'] as NodeLabel[]) {
      const mine = ids.filter((x) => x.label === label);
      const nodes = await this.store.getNodes(
        label,
        mine.map((x) => x.id),
      );
      for (const n of nodes)
        if (n) out.push({ label: n.label as 'Job' | 'Member', id: n.id, snippet: snippet(nodeText(n), term) });
    }
    return out;
  }
}

/** The text around the first occurrence of `term` (case-insensitive), on one line. */
export function snippet(text: string, term: string): string {
  const at = text.toLowerCase().indexOf(term.toLowerCase());
  if (at < 0) return '';
  // Cut at word boundaries.
  let start = Math.max(0, at - SNIPPET);
  if (start > 0) start = text.slice(start, at).search(/\s/) + start + 1 || at;
  let end = Math.min(text.length, at + term.length + SNIPPET);
  if (end < text.length)
    end = text.slice(0, end).search(/\s\S*$/) > at + term.length ? text.slice(0, end).search(/\s\S*$/) : end;
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}
