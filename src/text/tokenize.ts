/**
 * Word tokens with character offsets, shared by the text encoders and the trie tagger.
 * Lower-cased; keeps the punctuation that is part of skill names: "C++", "C#", ".NET",
 * "Node.js", "ASP.NET", "F#", "3D", "e-commerce".
 */
export interface Token {
  /** Lower-cased token text. */
  text: string;
  /** As written in the input. */
  raw: string;
  start: number;
  end: number;
}

// A leading-dot word (.net), or a word with inner . - ' joins (node.js, e-commerce) and trailing + or # (c++, c#).
const TOKEN = /\.[\p{L}][\p{L}\p{N}]*|[\p{L}\p{N}]+(?:[.\-'’][\p{L}\p{N}]+)*(?:\+\+|\+|#)?/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    out.push({ text: raw.toLowerCase().replace(/’/g, "'"), raw, start: m.index!, end: m.index! + raw.length });
  }
  return out;
}

/** Lower-cased token texts only. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.text);
}
