/**
 * A TextEncoder over any OpenAI-compatible /v1/embeddings endpoint (OpenAI, Azure-compatible
 * gateways, Ollama, vLLM, Hugging Face TEI). Batches requests, retries 429/5xx and network
 * errors with exponential backoff, times out each request, and fails with UNAVAILABLE when
 * the endpoint cannot answer.
 */
import { DomainError } from '../errors.ts';
import type { TextEncoder } from './types.ts';
import { normalize } from '../vectors/math.ts';

export interface OpenAIEncoderOptions {
  /** e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1 */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Vector size the model returns; checked on every response. */
  dim: number;
  batchSize?: number;
  timeoutMs?: number;
  retries?: number;
  /** Milliseconds before the first retry; doubles each time. */
  backoffMs?: number;
  fetch?: typeof fetch;
}

export class OpenAIEncoder implements TextEncoder {
  readonly id: string;
  readonly dim: number;
  private readonly url: string;

  constructor(private readonly opts: OpenAIEncoderOptions) {
    this.dim = opts.dim;
    this.url = `${opts.baseUrl.replace(/\/+$/, '')}/embeddings`;
    this.id = `openai:${opts.model}@${new URL(opts.baseUrl).host}`;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const size = this.opts.batchSize ?? 64;
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += size) out.push(...(await this.request(texts.slice(i, i + size))));
    return out;
  }

  private async request(input: string[]): Promise<Float32Array[]> {
    const retries = this.opts.retries ?? 3;
    const doFetch = this.opts.fetch ?? fetch;
    let lastError = '';
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, (this.opts.backoffMs ?? 250) * 2 ** (attempt - 1)));
      let res: Response;
      try {
        res = await doFetch(this.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(this.opts.apiKey ? { authorization: `Bearer ${this.opts.apiKey}` } : {}),
          },
          body: JSON.stringify({ model: this.opts.model, input }),
          signal: AbortSignal.timeout(this.opts.timeoutMs ?? 30_000),
        });
      } catch (err) {
        lastError =
          (err as Error).name === 'TimeoutError'
            ? `no answer within ${this.opts.timeoutMs ?? 30_000} ms`
            : (err as Error).message;
        continue;
      }
      if (res.status === 429 || res.status >= 500) {
        lastError = `HTTP ${res.status}`;
        continue;
      }
      if (!res.ok) {
        const detail = (await res.text()).slice(0, 300);
        throw new DomainError(
          'UNAVAILABLE',
          `The embedding endpoint ${this.url} refused the request (HTTP ${res.status}): ${detail}. Check the model name and API key.`,
        );
      }
      const body = (await res.json()) as { data?: Array<{ embedding: number[]; index?: number }> };
      const data = [...(body.data ?? [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
      if (data.length !== input.length)
        throw new DomainError(
          'UNAVAILABLE',
          `The embedding endpoint returned ${data.length} vectors for ${input.length} texts.`,
        );
      return data.map((d) => {
        if (d.embedding.length !== this.dim)
          throw new DomainError(
            'UNAVAILABLE',
            `The embedding endpoint returned ${d.embedding.length}-d vectors; configured dimension is ${this.dim}.`,
          );
        return normalize(Float32Array.from(d.embedding));
      });
    }
    throw new DomainError(
      'UNAVAILABLE',
      `The embedding endpoint ${this.url} is unavailable after ${retries + 1} attempts (${lastError}); retry later.`,
    );
  }
}
