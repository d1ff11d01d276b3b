/**
 * A TextEncoder over an ONNX sentence-transformer on onnxruntime-node (CPU). Two ways in:
 * - `OnnxEncoder.fromDirectory(dir)`: a model a user has on disk — <dir>/model.onnx (or
 *   onnx/model.onnx) with tokenizer.json, or with vocab.txt (+ tokenizer_config.json);
 * - `OnnxEncoder.open(files)`: the pinned transformers of transformer.ts.
 *
 * Pooling is per model: the attention-masked mean of the token vectors (sentence-transformers'
 * default, all-MiniLM) or the [CLS] vector (BGE); a model's own `sentence_embedding` output wins.
 * Texts longer than the model window are never cut: they are split into consecutive windows,
 * each window is embedded, and the text's vector is the mean of the windows' vectors weighted
 * by their token counts, then L2-normalised. Batches are sorted by length (little padding).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DomainError } from '../errors.ts';
import type { TextEncoder } from './types.ts';
import { normalize } from '../vectors/math.ts';
import { WordPieceTokenizer } from './wordpiece.ts';

type Ort = typeof import('onnxruntime-node');
type Session = import('onnxruntime-node').InferenceSession;
export type Pooling = 'mean' | 'cls';

export interface OnnxModelFiles {
  /** Stable identity, e.g. "transformer:all-minilm-l6-v2@1a2b3c4d5e". */
  id: string;
  model: string;
  tokenizer: WordPieceTokenizer;
  pooling: Pooling;
  /** Prepended to every text (e.g. "query: " for E5), '' for none. */
  prefix?: string;
  /** Threads one model run may use (default: every core). */
  threads?: number;
  batchSize?: number;
}

export class OnnxEncoder implements TextEncoder {
  private constructor(
    readonly id: string,
    readonly dim: number,
    private readonly ort: Ort,
    private readonly session: Session,
    readonly tokenizer: WordPieceTokenizer,
    private readonly pooling: Pooling,
    private readonly prefix: string,
    private readonly batchSize: number,
  ) {}

  static async open(files: OnnxModelFiles): Promise<OnnxEncoder> {
    const ort = (await import('onnxruntime-node')) as Ort;
    const threads = files.threads ?? Math.max(1, os.availableParallelism());
    const session = await ort.InferenceSession.create(files.model, {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
    });
    const batch = files.batchSize ?? 32;
    const probe = new OnnxEncoder('', 0, ort, session, files.tokenizer, files.pooling, files.prefix ?? '', batch);
    const [v] = await probe.embed(['probe']);
    return new OnnxEncoder(files.id, v.length, ort, session, files.tokenizer, files.pooling, files.prefix ?? '', batch);
  }

  /** A sentence-transformer directory of the user's (SKILLGRAPH_ENCODER=onnx). */
  static async fromDirectory(dir: string, batchSize = 32): Promise<OnnxEncoder> {
    const model = [path.join(dir, 'model.onnx'), path.join(dir, 'onnx', 'model.onnx')].find((p) => fs.existsSync(p));
    const tokenizerJson = path.join(dir, 'tokenizer.json');
    const vocabPath = path.join(dir, 'vocab.txt');
    if (!model || (!fs.existsSync(tokenizerJson) && !fs.existsSync(vocabPath)))
      throw new DomainError(
        'BAD_USER_INPUT',
        `${dir} needs model.onnx (or onnx/model.onnx) and tokenizer.json (or vocab.txt) of a sentence-transformer.`,
      );
    const configPath = path.join(dir, 'tokenizer_config.json');
    const config = fs.existsSync(configPath)
      ? (JSON.parse(fs.readFileSync(configPath, 'utf8')) as { do_lower_case?: boolean; model_max_length?: number })
      : {};
    const maxLength = Math.min(config.model_max_length ?? 256, 512);
    const tokenizer = fs.existsSync(tokenizerJson)
      ? WordPieceTokenizer.fromTokenizerJson(fs.readFileSync(tokenizerJson, 'utf8'), maxLength)
      : WordPieceTokenizer.fromVocabText(fs.readFileSync(vocabPath, 'utf8'), config.do_lower_case ?? true, maxLength);
    const poolingFile = path.join(dir, '1_Pooling', 'config.json');
    const cls =
      fs.existsSync(poolingFile) &&
      (JSON.parse(fs.readFileSync(poolingFile, 'utf8')) as { pooling_mode_cls_token?: boolean }).pooling_mode_cls_token;
    const hash = crypto.createHash('sha1').update(fs.readFileSync(model)).digest('hex').slice(0, 10);
    return OnnxEncoder.open({
      id: `onnx:${path.basename(path.resolve(dir))}@${hash}`,
      model,
      tokenizer,
      pooling: cls ? 'cls' : 'mean',
      batchSize,
    });
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    // Every window of every text, longest first so that each batch pads little.
    const windows: Array<{ text: number; ids: number[] }> = [];
    texts.forEach((t, i) => {
      for (const ids of this.tokenizer.chunks(this.prefix + t)) windows.push({ text: i, ids });
    });
    const order = windows.map((_, i) => i).sort((a, b) => windows[b].ids.length - windows[a].ids.length);
    const pooled: Float32Array[] = new Array(windows.length);
    for (let i = 0; i < order.length; i += this.batchSize) {
      const batch = order.slice(i, i + this.batchSize);
      const vectors = await this.run(batch.map((w) => windows[w].ids));
      batch.forEach((w, k) => (pooled[w] = vectors[k]));
    }
    const out = texts.map(() => null as Float32Array | null);
    windows.forEach((w, i) => {
      const v = normalize(pooled[i]);
      const acc = (out[w.text] ??= new Float32Array(v.length));
      const weight = w.ids.length - 2;
      for (let d = 0; d < v.length; d++) acc[d] += v[d] * Math.max(1, weight);
    });
    return out.map((v) => normalize(v!));
  }

  /** Frees the model session; embed fails afterwards. */
  async close(): Promise<void> {
    await this.session.release();
  }

  /** Pooled (not yet normalised) vectors of token-id sequences of at most the model window. */
  private async run(encoded: number[][]): Promise<Float32Array[]> {
    const seq = Math.max(...encoded.map((e) => e.length));
    const n = encoded.length;
    const ids = new BigInt64Array(n * seq).fill(BigInt(this.tokenizer.pad));
    const mask = new BigInt64Array(n * seq);
    encoded.forEach((e, i) =>
      e.forEach((id, j) => {
        ids[i * seq + j] = BigInt(id);
        mask[i * seq + j] = 1n;
      }),
    );
    const feeds: Record<string, import('onnxruntime-node').Tensor> = {};
    const names = this.session.inputNames;
    if (names.includes('input_ids')) feeds.input_ids = new this.ort.Tensor('int64', ids, [n, seq]);
    if (names.includes('attention_mask')) feeds.attention_mask = new this.ort.Tensor('int64', mask, [n, seq]);
    if (names.includes('token_type_ids'))
      feeds.token_type_ids = new this.ort.Tensor('int64', new BigInt64Array(n * seq), [n, seq]);
    const result = await this.session.run(feeds);
    const sentence = result.sentence_embedding;
    if (sentence) {
      const h = sentence.dims[1];
      const data = sentence.data as Float32Array;
      return encoded.map((_, i) => data.slice(i * h, (i + 1) * h));
    }
    const tokens = result.last_hidden_state ?? result[this.session.outputNames[0]];
    const h = tokens.dims[2];
    const data = tokens.data as Float32Array;
    if (this.pooling === 'cls') return encoded.map((_, i) => data.slice(i * seq * h, i * seq * h + h));
    return encoded.map((e, i) => {
      const v = new Float32Array(h);
      for (let j = 0; j < e.length; j++) for (let d = 0; d < h; d++) v[d] += data[(i * seq + j) * h + d];
      for (let d = 0; d < h; d++) v[d] /= e.length;
      return v;
    });
  }
}
