/**
 * BERT's tokenizer (basic tokenization + WordPiece) over a model's vocab.txt, as sentence-
 * transformer models exported to ONNX expect: lower-casing and accent stripping (unless the
 * model is cased), punctuation split into single tokens, greedy longest-match sub-words with
 * "##" continuations, [UNK] for words that cannot be covered.
 */
export class WordPieceTokenizer {
  private readonly vocab: Map<string, number>;
  readonly cls: number;
  readonly sep: number;
  readonly pad: number;
  readonly unk: number;

  constructor(
    vocabText: string,
    private readonly lowerCase = true,
    readonly maxLength = 256,
  ) {
    this.vocab = new Map(
      vocabText
        .split('\n')
        .map((t) => t.replace(/\r$/, ''))
        .filter((t, i, all) => t !== '' || i < all.length - 1)
        .map((t, i) => [t, i]),
    );
    const id = (t: string) => {
      const v = this.vocab.get(t);
      if (v === undefined) throw new Error(`vocab.txt has no ${t} token`);
      return v;
    };
    this.cls = id('[CLS]');
    this.sep = id('[SEP]');
    this.pad = id('[PAD]');
    this.unk = id('[UNK]');
  }

  /** Basic tokenization: words and single punctuation characters. */
  private basic(text: string): string[] {
    let t = text.replace(/\ufffd|\p{Cc}/gu, ' ');
    if (this.lowerCase)
      t = t
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{Mn}/gu, '');
    return t
      .split(/\s+/)
      .flatMap((w) => w.split(/([\p{P}\p{S}]|[\u4e00-\u9fff])/u))
      .filter((w) => w && !/^\s+$/.test(w));
  }

  private wordPiece(word: string): number[] {
    if (word.length > 100) return [this.unk];
    const out: number[] = [];
    let start = 0;
    while (start < word.length) {
      let end = word.length;
      let found: number | undefined;
      while (start < end) {
        const piece = (start > 0 ? '##' : '') + word.slice(start, end);
        found = this.vocab.get(piece);
        if (found !== undefined) break;
        end--;
      }
      if (found === undefined) return [this.unk];
      out.push(found);
      start = end;
    }
    return out;
  }

  /** [CLS] pieces… [SEP], truncated to maxLength. */
  encode(text: string): number[] {
    const ids = this.basic(text).flatMap((w) => this.wordPiece(w));
    return [this.cls, ...ids.slice(0, this.maxLength - 2), this.sep];
  }
}
