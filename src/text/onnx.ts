/**
 * A TextEncoder over a local ONNX sentence-transformer (e.g. all-MiniLM-L6-v2 exported to
 * ONNX) that a user has on disk: <dir>/model.onnx (or onnx/model.onnx) and vocab.txt, with
 * tokenizer_config.json read for do_lower_case and model_max_length when present. Runs on
 * onnxruntime-node (CPU); sentence vectors are the attention-masked mean of the token
 * vectors (or the model's own sentence_embedding output), L2-normalised.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../errors.ts';
import type { TextEncoder } from './types.ts';
import { normalize } from '../vectors/math.ts';
import { WordPieceTokenizer } from './wordpiece.ts';

type Ort = typeof import('onnxruntime-node');
type Session = import('onnxruntime-node').InferenceSession;

export class OnnxEncoder implements TextEncoder {
  private constructor(
    readonly id: string,
    readonly dim: number,
    private readonly ort: Ort,
    private readonly session: Session,
    private readonly tokenizer: WordPieceTokenizer,
    private readonly batchSize: number,
  ) {}

  static async open(dir: string, batchSize = 32): Promise<OnnxEncoder> {
    const modelPath = [path.join(dir, 'model.onnx'), path.join(dir, 'onnx', 'model.onnx')].find((p) =>
      fs.existsSync(p),
    );
    const vocabPath = path.join(dir, 'vocab.txt');
    if (!modelPath || !fs.existsSync(vocabPath))
      throw new DomainError(
        'BAD_USER_INPUT',
        `${dir} needs model.onnx (or onnx/model.onnx) and vocab.txt of a sentence-transformer.`,
      );
    const configPath = path.join(dir, 'tokenizer_config.json');
    const config = fs.existsSync(configPath)
      ? (JSON.parse(fs.readFileSync(configPath, 'utf8')) as { do_lower_case?: boolean; model_max_length?: number })
      : {};
    const tokenizer = new WordPieceTokenizer(
      fs.readFileSync(vocabPath, 'utf8'),
      config.do_lower_case ?? true,
      Math.min(config.model_max_length ?? 256, 512),
    );
    const ort = (await import('onnxruntime-node')) as Ort;
    const session = await ort.InferenceSession.create(modelPath);
    const hash = crypto.createHash('sha1').update(fs.readFileSync(modelPath)).digest('hex').slice(0, 10);
    const probe = new OnnxEncoder('', 0, ort, session, tokenizer, batchSize);
    const [v] = await probe.run(['probe']);
    return new OnnxEncoder(
      `onnx:${path.basename(path.resolve(dir))}@${hash}`,
      v.length,
      ort,
      session,
      tokenizer,
      batchSize,
    );
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.batchSize)
      out.push(...(await this.run(texts.slice(i, i + this.batchSize))));
    return out;
  }

  private async run(texts: string[]): Promise<Float32Array[]> {
    const encoded = texts.map((t) => this.tokenizer.encode(t));
    const seq = Math.max(...encoded.map((e) => e.length));
    const n = texts.length;
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
    const pooled = result.sentence_embedding;
    if (pooled) {
      const h = pooled.dims[1];
      const data = pooled.data as Float32Array;
      return texts.map((_, i) => normalize(data.slice(i * h, (i + 1) * h)));
    }
    const tokens = result.last_hidden_state ?? result[this.session.outputNames[0]];
    const h = tokens.dims[2];
    const data = tokens.data as Float32Array;
    return encoded.map((e, i) => {
      const v = new Float32Array(h);
      for (let j = 0; j < e.length; j++) for (let d = 0; d < h; d++) v[d] += data[(i * seq + j) * h + d];
      for (let d = 0; d < h; d++) v[d] /= e.length;
      return normalize(v);
    });
  }
}
