/**
 * BERT's tokenizer (basic tokenization + WordPiece), as sentence-transformer models exported to
 * ONNX expect, built from a HuggingFace `tokenizer.json` (vocabulary, BertNormalizer settings,
 * special tokens, truncation length) or from a plain `vocab.txt`:
 * - clean-up: NUL, U+FFFD, control and format characters dropped (tabs and newlines are spaces);
 * - lower-casing and accent stripping when the model is uncased;
 * - CJK ideographs and punctuation split into single tokens (BERT's definition of punctuation:
 *   ASCII symbols and every Unicode P* character);
 * - greedy longest-match sub-words with "##" continuations, [UNK] for a word that cannot be covered.
 */
export interface WordPieceOptions {
  lowerCase: boolean;
  stripAccents: boolean;
  /** Tokens per model input, [CLS] and [SEP] included. */
  maxLength: number;
  maxCharsPerWord: number;
}

/** The parts of a HuggingFace tokenizer.json this tokenizer reads. */
interface TokenizerJson {
  truncation?: { max_length?: number } | null;
  normalizer?: { type?: string; lowercase?: boolean; strip_accents?: boolean | null } | null;
  pre_tokenizer?: { type?: string } | null;
  model?: {
    type?: string;
    vocab?: Record<string, number>;
    unk_token?: string;
    continuing_subword_prefix?: string;
    max_input_chars_per_word?: number;
  };
}

// BERT's CJK blocks (each ideograph becomes its own token).
const CJK = /([\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]|[\u{20000}-\u{2a6df}\u{2a700}-\u{2ceaf}\u{2f800}-\u{2fa1f}])/u;
// BERT's punctuation: ASCII 33–47, 58–64, 91–96, 123–126 and Unicode P*.
const PUNCT = /([!-/:-@[-`{-~]|\p{P})/u;

export class WordPieceTokenizer {
  readonly cls: number;
  readonly sep: number;
  readonly pad: number;
  readonly unk: number;
  readonly maxLength: number;
  private readonly opts: WordPieceOptions;

  constructor(
    private readonly vocab: Map<string, number>,
    opts: Partial<WordPieceOptions> = {},
  ) {
    const lowerCase = opts.lowerCase ?? true;
    this.opts = {
      lowerCase,
      stripAccents: opts.stripAccents ?? lowerCase,
      maxLength: 256,
      maxCharsPerWord: 100,
      ...opts,
    };
    this.maxLength = this.opts.maxLength;
    const id = (t: string) => {
      const v = this.vocab.get(t);
      if (v === undefined) throw new Error(`the vocabulary has no ${t} token`);
      return v;
    };
    this.cls = id('[CLS]');
    this.sep = id('[SEP]');
    this.pad = id('[PAD]');
    this.unk = id('[UNK]');
  }

  /** From a vocab.txt (one token per line, the line number is the id). */
  static fromVocabText(text: string, lowerCase = true, maxLength = 256): WordPieceTokenizer {
    const lines = text.split('\n').map((t) => t.replace(/\r$/, ''));
    if (lines.at(-1) === '') lines.pop();
    return new WordPieceTokenizer(new Map(lines.map((t, i) => [t, i])), { lowerCase, maxLength });
  }

  /**
   * From a HuggingFace tokenizer.json of a BERT-style WordPiece model. `fallbackMaxLength` is used
   * when the file sets no truncation. Anything but WordPiece with a BERT normalizer is refused.
   */
  static fromTokenizerJson(json: string, fallbackMaxLength = 256): WordPieceTokenizer {
    const t = JSON.parse(json) as TokenizerJson;
    if (t.model?.type !== 'WordPiece' || !t.model.vocab)
      throw new Error(`tokenizer.json holds a ${t.model?.type ?? 'unknown'} model; only WordPiece is supported`);
    if (t.normalizer && t.normalizer.type !== 'BertNormalizer')
      throw new Error(`tokenizer.json uses a ${t.normalizer.type} normalizer; only BertNormalizer is supported`);
    if ((t.model.continuing_subword_prefix ?? '##') !== '##' || (t.model.unk_token ?? '[UNK]') !== '[UNK]')
      throw new Error('tokenizer.json uses another sub-word prefix or unknown token than BERT');
    const lowerCase = t.normalizer?.lowercase ?? true;
    return new WordPieceTokenizer(new Map(Object.entries(t.model.vocab)), {
      lowerCase,
      // BertNormalizer: strip_accents null means "as lowercase".
      stripAccents: t.normalizer?.strip_accents ?? lowerCase,
      maxLength: t.truncation?.max_length ?? fallbackMaxLength,
      maxCharsPerWord: t.model.max_input_chars_per_word ?? 100,
    });
  }

  /** Basic tokenization: words, single punctuation characters and single CJK ideographs. */
  private basic(text: string): string[] {
    let t = text.replace(/[\ufffd\p{Cc}\p{Cf}]/gu, (c) => (/\s/.test(c) ? ' ' : ''));
    if (this.opts.lowerCase) t = t.toLowerCase();
    if (this.opts.stripAccents) t = t.normalize('NFD').replace(/\p{Mn}/gu, '');
    const out: string[] = [];
    for (const word of t.split(/\s+/)) {
      if (!word) continue;
      for (const part of word.split(CJK)) {
        if (!part) continue;
        for (const piece of part.split(PUNCT)) if (piece) out.push(piece);
      }
    }
    return out;
  }

  private wordPiece(word: string): number[] {
    if ([...word].length > this.opts.maxCharsPerWord) return [this.unk];
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

  /** The word-piece ids of a text, without special tokens and without truncation. */
  pieces(text: string): number[] {
    return this.basic(text).flatMap((w) => this.wordPiece(w));
  }

  /** [CLS] pieces… [SEP], truncated to maxLength. */
  encode(text: string): number[] {
    return [this.cls, ...this.pieces(text).slice(0, this.maxLength - 2), this.sep];
  }

  /**
   * The text as model inputs of at most maxLength tokens each: one when it fits, else consecutive
   * windows of maxLength - 2 pieces, each wrapped in [CLS] … [SEP]. An empty text is one input
   * ([CLS] [SEP]).
   */
  chunks(text: string): number[][] {
    const ids = this.pieces(text);
    const width = this.maxLength - 2;
    if (ids.length <= width) return [[this.cls, ...ids, this.sep]];
    const out: number[][] = [];
    for (let i = 0; i < ids.length; i += width) out.push([this.cls, ...ids.slice(i, i + width), this.sep]);
    return out;
  }
}
