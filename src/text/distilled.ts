/**
 * A distilled student: the built-in encoder's vector (GloVe + character n-grams) mapped by a linear
 * map W into the teacher's space, normalised. W is fitted by ridge regression (closed form,
 * (XᵀX + λI)⁻¹XᵀY, solved by Cholesky) so that student(text) ≈ teacher(text) on texts the project
 * owns — skill labels, aliases and descriptions, occupation descriptions, generated posting
 * sentences; never evaluation data. It costs what the built-in encoder costs plus one small matrix
 * product, so its sentence vectors can be compared with the teacher's skill vectors at a fraction
 * of the transformer's latency (eval:extraction --student-map reports what that costs in quality).
 */
import crypto from 'node:crypto';
import type { TextEncoder } from './types.ts';
import { normalize } from '../vectors/math.ts';
import { readWeightsFile, writeWeightsFile } from './weights-file.ts';

export interface DistilledMap {
  baseId: string;
  teacherId: string;
  inDim: number;
  outDim: number;
  /** Row-major inDim × outDim. */
  weights: Float32Array;
  tag: string;
}

/** W minimising ‖XW − Y‖² + λ‖W‖² for rows x (inDim) and targets y (outDim). */
export function fitRidge(x: Float32Array[], y: Float32Array[], lambda = 1): Float32Array {
  const n = x.length;
  const d = x[0].length;
  const k = y[0].length;
  const a = new Float64Array(d * d);
  const b = new Float64Array(d * k);
  for (let r = 0; r < n; r++) {
    const xr = x[r];
    const yr = y[r];
    for (let i = 0; i < d; i++) {
      const xi = xr[i];
      if (xi === 0) continue;
      const ai = i * d;
      for (let j = i; j < d; j++) a[ai + j] += xi * xr[j];
      const bi = i * k;
      for (let j = 0; j < k; j++) b[bi + j] += xi * yr[j];
    }
  }
  for (let i = 0; i < d; i++) {
    a[i * d + i] += lambda;
    for (let j = 0; j < i; j++) a[i * d + j] = a[j * d + i];
  }
  // Cholesky A = LLᵀ (in place, lower triangle), then forward and back substitution per column of B.
  for (let j = 0; j < d; j++) {
    let s = a[j * d + j];
    for (let p = 0; p < j; p++) s -= a[j * d + p] * a[j * d + p];
    const ljj = Math.sqrt(s);
    a[j * d + j] = ljj;
    for (let i = j + 1; i < d; i++) {
      let t = a[i * d + j];
      for (let p = 0; p < j; p++) t -= a[i * d + p] * a[j * d + p];
      a[i * d + j] = t / ljj;
    }
  }
  const w = new Float32Array(d * k);
  const z = new Float64Array(d);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < d; i++) {
      let t = b[i * k + c];
      for (let p = 0; p < i; p++) t -= a[i * d + p] * z[p];
      z[i] = t / a[i * d + i];
    }
    for (let i = d - 1; i >= 0; i--) {
      let t = z[i];
      for (let p = i + 1; p < d; p++) t -= a[p * d + i] * z[p];
      z[i] = t / a[i * d + i];
    }
    for (let i = 0; i < d; i++) w[i * k + c] = z[i];
  }
  return w;
}

/** Fits the map from the base encoder to the teacher on `texts`. */
export async function distill(
  base: TextEncoder,
  teacher: TextEncoder,
  texts: string[],
  opts: { lambda?: number; log?: (msg: string) => void } = {},
): Promise<DistilledMap> {
  const log = opts.log ?? (() => {});
  const x: Float32Array[] = [];
  const y: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += 512) {
    const batch = texts.slice(i, i + 512);
    x.push(...(await base.embed(batch)));
    y.push(...(await teacher.embed(batch)));
    log(`distillation targets: ${Math.min(i + 512, texts.length)}/${texts.length}`);
  }
  const weights = fitRidge(x, y, opts.lambda ?? 1);
  const tag = crypto.createHash('sha1').update(new Uint8Array(weights.buffer)).digest('hex').slice(0, 8);
  return { baseId: base.id, teacherId: teacher.id, inDim: base.dim, outDim: teacher.dim, weights, tag };
}

export function saveDistilledMap(m: DistilledMap, file: string): void {
  const { weights, ...meta } = m;
  writeWeightsFile(file, meta, weights);
}

export function loadDistilledMap(file: string): DistilledMap {
  return readWeightsFile<Omit<DistilledMap, 'weights'>>(file, 'fit the student again (npm run distill:student)');
}

export class DistilledEncoder implements TextEncoder {
  readonly id: string;
  readonly dim: number;
  constructor(
    private readonly base: TextEncoder,
    private readonly map: DistilledMap,
  ) {
    if (map.baseId !== base.id) throw new Error(`The student map was fitted on ${map.baseId}, not ${base.id}.`);
    this.id = `distilled:${map.teacherId}@${map.tag}`;
    this.dim = map.outDim;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const { weights, inDim, outDim } = this.map;
    return (await this.base.embed(texts)).map((x) => {
      const y = new Float32Array(outDim);
      for (let i = 0; i < inDim; i++) {
        const xi = x[i];
        if (xi === 0) continue;
        const row = i * outDim;
        for (let j = 0; j < outDim; j++) y[j] += xi * weights[row + j];
      }
      return normalize(y);
    });
  }
}
