/**
 * The trie tagger: a token-level trie over every skill label and alias. Matching walks the
 * text's tokens once and keeps, at each position, the longest name that starts there
 * (leftmost-longest, non-overlapping). Tokens make word boundaries exact and keep "C++",
 * "C#", ".NET" and "Node.js" intact (see text/tokenize.ts).
 *
 * Ambiguous names — a single short token that is also a common English word, such as "Go",
 * "R", "IT" or "Chef" — match only when written with the name's own capitalisation, and an
 * all-lower-case such name ("go") never matches on its own.
 *
 * The trie updates in place: upsert(id, names) and remove(id) touch only that skill's paths.
 */
import { tokenize } from '../text/tokenize.ts';

export interface TrieName {
  id: string;
  /** The label or alias as written in the taxonomy. */
  name: string;
  isLabel: boolean;
  /** Set for ambiguous single-token names: the exact spelling the text must use. */
  exactCase?: string;
}

export interface TrieMatch {
  start: number;
  end: number;
  /** The text as written. */
  text: string;
  /** Every skill this name belongs to (usually one). */
  names: TrieName[];
  tokens: number;
}

interface Node {
  next: Map<string, Node>;
  names: TrieName[];
}

const newNode = (): Node => ({ next: new Map(), names: [] });

export interface TrieOptions {
  /** True for common English words (ambiguous as skill names when short). */
  isCommonWord: (word: string) => boolean;
}

export class SkillTrie {
  private readonly root = newNode();
  private readonly byId = new Map<string, string[][]>();

  constructor(private readonly opts: TrieOptions) {}

  get size(): number {
    return this.byId.size;
  }

  /** Replaces the names of one skill. */
  upsert(id: string, names: Array<{ name: string; isLabel: boolean }>): void {
    this.remove(id);
    const paths: string[][] = [];
    for (const { name, isLabel } of names) {
      const toks = tokenize(name);
      if (toks.length === 0) continue;
      const path = toks.map((t) => t.text);
      const entry: TrieName = { id, name, isLabel };
      if (toks.length === 1 && path[0].length <= 5 && this.opts.isCommonWord(path[0])) {
        if (toks[0].raw === toks[0].text) continue; // lower-case common word: too ambiguous to tag
        entry.exactCase = toks[0].raw;
      }
      let node = this.root;
      for (const p of path) {
        let child = node.next.get(p);
        if (!child) node.next.set(p, (child = newNode()));
        node = child;
      }
      if (!node.names.some((n) => n.id === id && n.exactCase === entry.exactCase)) node.names.push(entry);
      paths.push(path);
    }
    this.byId.set(id, paths);
  }

  remove(id: string): void {
    for (const path of this.byId.get(id) ?? []) {
      let node: Node | undefined = this.root;
      for (const p of path) node = node?.next.get(p);
      if (node) node.names = node.names.filter((n) => n.id !== id);
    }
    this.byId.delete(id);
  }

  /** Leftmost-longest, non-overlapping matches of skill names in the text. */
  match(text: string): TrieMatch[] {
    const toks = tokenize(text);
    const out: TrieMatch[] = [];
    let i = 0;
    while (i < toks.length) {
      let node: Node | undefined = this.root;
      let best: { len: number; names: TrieName[] } | null = null;
      for (let j = i; j < toks.length; j++) {
        node = node.next.get(toks[j].text);
        if (!node) break;
        const len = j - i + 1;
        const names = node.names.filter((n) => !n.exactCase || (len === 1 && toks[i].raw === n.exactCase));
        if (names.length) best = { len, names };
      }
      if (best) {
        const start = toks[i].start;
        const end = toks[i + best.len - 1].end;
        out.push({ start, end, text: text.slice(start, end), names: best.names, tokens: best.len });
        i += best.len;
      } else i++;
    }
    return out;
  }
}
