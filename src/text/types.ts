/**
 * The TextEncoder seam: text in, unit-length vectors out. Every stored vector is tagged with
 * its encoder's id, so vectors of different encoders are never compared.
 */
export interface TextEncoder {
  /** Stable identity of the model and its settings, e.g. "builtin-glove100-ngram256@p3f2a". */
  readonly id: string;
  readonly dim: number;
  /** One L2-normalised vector per text, in order. */
  embed(texts: string[]): Promise<Float32Array[]>;
}
