/**
 * Label normalisation shared by the seed validator, the search index and (later) the trie
 * tagger: case-folded, accents stripped, whitespace collapsed, and the punctuation that carries
 * meaning in skill names kept ("C++", "C#", ".NET", "Node.js").
 */
export function normalizeLabel(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#.\-/&' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Word tokens of a normalised label (keeps + # . inside tokens). */
export function tokens(normalized: string): string[] {
  return normalized
    .split(/[\s\-/&']+/)
    .map((t) => t.replace(/^\.+(?=\w{0,2}$)|\.+$/g, (m, off) => (off === 0 ? m : '')))
    .filter(Boolean);
}

/** Damerau-Levenshtein (optimal string alignment) distance, or max+1 once it exceeds max. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j];
    prev = cur;
  }
  return prev[b.length];
}

/** An id-safe form of a name: lower case, ASCII letters and digits, '-' between words (C++ → c-plus-plus). */
export function slug(label: string): string {
  return label
    .toLowerCase()
    .replace(/\+/g, 'plus')
    .replace(/#/g, 'sharp')
    .replace(/&/g, 'and')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
