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

export function l2normalize(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  const n = Math.sqrt(s);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i] /= n;
  return v;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
