/**
 * In-memory label search (skills, occupations) for `skills(search:)` and autocomplete. Ranking, best first:
 * exact label > exact alias > label prefix > alias prefix > every word matched by prefix >
 * every word matched with typos (1 edit for words of 4–7 letters, 2 from 8; only for words
 * that match nothing by prefix, and only against words sharing its first or second letter). Ties: shorter
 * label, then alphabetical. Kept current by the taxonomy service on every change.
 */
import { boundedEditDistance, normalizeLabel, tokens } from './text.ts';

export type MatchKind = 'EXACT_LABEL' | 'EXACT_ALIAS' | 'PREFIX' | 'TOKENS' | 'FUZZY';
export interface SearchHit {
  id: string;
  score: number;
  match: MatchKind;
  /** The label or alias that matched. */
  matched: string;
}
interface Entry {
  id: string;
  label: string;
  names: string[];
  active: boolean;
}
interface Name {
  key: string;
  id: string;
  text: string;
  isLabel: boolean;
}

export class LabelSearchIndex {
  private readonly entries = new Map<string, Entry>();
  private names: Name[] = [];
  private vocab: string[] = [];
  /** Vocabulary words by their first character, for the typo scan. */
  private vocabByInitial = new Map<string, string[]>();
  private tokenOwners = new Map<string, Map<string, string>>();
  private exact = new Map<string, Set<string>>();
  private dirty = true;
  /** Goes up on every change, so derived indexes (the title normaliser's vectors) know when to catch up. */
  revision = 0;

  upsert(s: { id: string; label: string; aliases: string[]; status?: string }): void {
    this.entries.set(s.id, {
      id: s.id,
      label: s.label,
      names: [s.label, ...s.aliases],
      active: s.status !== 'DEPRECATED',
    });
    this.dirty = true;
    this.revision++;
  }

  remove(id: string): void {
    this.dirty = this.entries.delete(id) || this.dirty;
    this.revision++;
  }

  /** An active entry's label. */
  labelOf(id: string): string | undefined {
    const e = this.entries.get(id);
    return e?.active ? e.label : undefined;
  }

  /** Every active entry's id and names (label first). */
  activeEntries(): Array<{ id: string; names: string[] }> {
    return [...this.entries.values()].filter((e) => e.active).map((e) => ({ id: e.id, names: e.names }));
  }

  /** True when id names an indexed, non-deprecated entry. */
  isActive(id: string): boolean {
    return this.entries.get(id)?.active ?? false;
  }

  get size(): number {
    return this.entries.size;
  }

  private rebuild(): void {
    const names: Name[] = [];
    const owners = new Map<string, Map<string, string>>();
    const exact = new Map<string, Set<string>>();
    for (const e of this.entries.values()) {
      e.names.forEach((text, i) => {
        const key = normalizeLabel(text);
        if (e.active) {
          let ids = exact.get(key);
          if (!ids) exact.set(key, (ids = new Set()));
          ids.add(e.id);
        }
        names.push({ key, id: e.id, text, isLabel: i === 0 });
        for (const t of tokens(key)) {
          let m = owners.get(t);
          if (!m) owners.set(t, (m = new Map()));
          if (!m.has(e.id)) m.set(e.id, text);
        }
      });
    }
    names.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.names = names;
    this.tokenOwners = owners;
    this.exact = exact;
    this.vocab = [...owners.keys()].sort();
    this.vocabByInitial = new Map();
    for (const t of this.vocab) {
      const bucket = this.vocabByInitial.get(t[0]);
      if (bucket) bucket.push(t);
      else this.vocabByInitial.set(t[0], [t]);
    }
    this.dirty = false;
  }

  /** Ids of active entries whose label or an alias normalises to the same text as `name`. */
  owners(name: string): string[] {
    if (this.dirty) this.rebuild();
    return [...(this.exact.get(normalizeLabel(name)) ?? [])];
  }

  /** The best `limit` hits and how many matched in all. */
  search(query: string, opts: { limit: number; includeDeprecated?: boolean }): { hits: SearchHit[]; total: number } {
    if (this.dirty) this.rebuild();
    const q = normalizeLabel(query);
    if (!q) return { hits: [], total: 0 };
    const best = new Map<string, SearchHit>();
    const offer = (id: string, score: number, match: MatchKind, matched: string) => {
      const e = this.entries.get(id)!;
      if (!e.active && !opts.includeDeprecated) return;
      const tie = score - Math.min(e.label.length, 99) / 100;
      const cur = best.get(id);
      if (!cur || cur.score < tie) best.set(id, { id, score: tie, match, matched });
    };

    // Whole-name exact and prefix matches: one binary search into the sorted names.
    for (
      let i = lowerBound(this.names, q, (n) => n.key);
      i < this.names.length && this.names[i].key.startsWith(q);
      i++
    ) {
      const n = this.names[i];
      if (n.key === q) offer(n.id, n.isLabel ? 1000 : 900, n.isLabel ? 'EXACT_LABEL' : 'EXACT_ALIAS', n.text);
      else offer(n.id, n.isLabel ? 800 : 700, 'PREFIX', n.text);
    }

    // Word matches: every query word must match a word of the same skill, by prefix or with typos.
    // A one-character query is only a name prefix: matching every word starting with it says nothing.
    const qTokens = q.length > 1 ? tokens(q) : [];
    let candidates: Map<string, { dist: number; text: string }> | undefined;
    for (const qt of qTokens) {
      const found = new Map<string, { dist: number; text: string }>();
      for (let i = lowerBound(this.vocab, qt, (t) => t); i < this.vocab.length && this.vocab[i].startsWith(qt); i++) {
        for (const [id, text] of this.tokenOwners.get(this.vocab[i])!)
          if (!found.has(id)) found.set(id, { dist: 0, text });
      }
      // Typo tolerance only where a word matches nothing by prefix (it would otherwise add noise).
      // Candidates start with the query word's first or second character: that covers typos
      // anywhere but the first letter, a dropped first letter and swapped first two letters.
      const maxEdits = qt.length >= 8 ? 2 : qt.length >= 4 ? 1 : 0;
      if (found.size === 0 && maxEdits > 0) {
        const candidates = [
          ...(this.vocabByInitial.get(qt[0]) ?? []),
          ...(qt[1] !== qt[0] ? (this.vocabByInitial.get(qt[1]) ?? []) : []),
        ];
        for (const t of candidates) {
          if (t.length < qt.length - maxEdits) continue;
          // A longer word is compared by its prefix of the query's length: typos while typing.
          const d = boundedEditDistance(qt, t.length > qt.length + maxEdits ? t.slice(0, qt.length) : t, maxEdits);
          if (d > maxEdits) continue;
          for (const [id, text] of this.tokenOwners.get(t)!) {
            const cur = found.get(id);
            if (!cur || cur.dist > d) found.set(id, { dist: Math.max(d, 1), text });
          }
        }
      }
      if (!candidates) candidates = found;
      else {
        for (const [id, v] of candidates) {
          const f = found.get(id);
          if (!f) candidates.delete(id);
          else v.dist += f.dist;
        }
      }
      if (candidates.size === 0) break;
    }
    for (const [id, { dist, text }] of candidates ?? []) {
      if (dist === 0) offer(id, 600, 'TOKENS', text);
      else offer(id, 400 - 50 * dist, 'FUZZY', text);
    }

    const hits = [...best.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return { hits: hits.slice(0, opts.limit), total: hits.length };
  }
}

function lowerBound<T>(arr: T[], key: string, get: (x: T) => string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (get(arr[mid]) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
