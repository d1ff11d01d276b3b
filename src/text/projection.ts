/**
 * The trained tower of the two-tower tagger: a linear projection W (out × in) learned on
 * taxonomy pairs — alias → skill label, description → skill label, occupation description →
 * essential skill label — with an in-batch softmax (InfoNCE) loss over cosine similarities,
 * symmetric in both directions, optimised with Adam. Gradients are written out by hand (a
 * page of linear algebra); training is seeded and deterministic.
 *
 * ProjectedEncoder serves base ⊕ projection: the base vector (lexical precision) and the
 * projected one (what the pairs taught), each unit length, weighted and re-normalised.
 */
import { seededRandom } from '../random.ts';
import type { TextEncoder } from './types.ts';
import { normalize } from '../vectors/math.ts';
import { readWeightsFile, writeWeightsFile } from './weights-file.ts';

export interface TrainedProjection {
  inDim: number;
  outDim: number;
  /** Row-major out × in. */
  weights: Float32Array;
  /** Which base encoder it was trained on top of. */
  baseId: string;
  /** Short content hash, part of the encoder id. */
  tag: string;
}

export interface ProjectionTrainOptions {
  outDim?: number;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  temperature?: number;
  seed?: number;
  log?: (msg: string) => void;
}

/** U = X Wᵀ for n rows of X (n × in) → n × out. */
function project(x: Float32Array[], w: Float32Array, inDim: number, outDim: number): Float32Array[] {
  return x.map((row) => {
    const u = new Float32Array(outDim);
    for (let o = 0; o < outDim; o++) {
      let s = 0;
      const off = o * inDim;
      for (let d = 0; d < inDim; d++) s += w[off + d] * row[d];
      u[o] = s;
    }
    return u;
  });
}

export async function trainProjection(
  base: TextEncoder,
  pairs: Array<[string, string]>,
  opts: ProjectionTrainOptions = {},
): Promise<TrainedProjection> {
  const outDim = opts.outDim ?? 256;
  const epochs = opts.epochs ?? 4;
  const n = opts.batchSize ?? 128;
  const lr = opts.learningRate ?? 2e-3;
  const tau = opts.temperature ?? 0.05;
  const rand = seededRandom(opts.seed ?? 1);
  const inDim = base.dim;
  const left = await base.embed(pairs.map((p) => p[0]));
  const right = await base.embed(pairs.map((p) => p[1]));

  // Start near a random orthogonal-ish map so the projection begins as an information-preserving one.
  const w = new Float32Array(outDim * inDim);
  for (let i = 0; i < w.length; i++) w[i] = (rand() * 2 - 1) * Math.sqrt(3 / inDim);
  const m = new Float32Array(w.length);
  const v = new Float32Array(w.length);
  let step = 0;
  const order = pairs.map((_, i) => i);

  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let lossSum = 0;
    let batches = 0;
    for (let b0 = 0; b0 + n <= order.length; b0 += n) {
      const idx = order.slice(b0, b0 + n);
      const A = idx.map((i) => left[i]);
      const B = idx.map((i) => right[i]);
      const Ua = project(A, w, inDim, outDim);
      const Ub = project(B, w, inDim, outDim);
      const na = Ua.map((u) => Math.hypot(...u) || 1);
      const nb = Ub.map((u) => Math.hypot(...u) || 1);
      const Za = Ua.map((u, i) => u.map((x) => x / na[i]));
      const Zb = Ub.map((u, i) => u.map((x) => x / nb[i]));
      // S = Za Zbᵀ / τ, row and column softmax.
      const S = Za.map((za) =>
        Zb.map((zb) => {
          let s = 0;
          for (let o = 0; o < outDim; o++) s += za[o] * zb[o];
          return s / tau;
        }),
      );
      const dS = S.map(() => new Float32Array(n));
      for (let i = 0; i < n; i++) {
        const mx = Math.max(...S[i]);
        const e = S[i].map((s) => Math.exp(s - mx));
        const z = e.reduce((a, c) => a + c, 0);
        lossSum += -(S[i][i] - mx - Math.log(z)) / 2;
        for (let j = 0; j < n; j++) dS[i][j] += (e[j] / z - (i === j ? 1 : 0)) / (2 * n);
      }
      for (let j = 0; j < n; j++) {
        let mx = -Infinity;
        for (let i = 0; i < n; i++) mx = Math.max(mx, S[i][j]);
        let z = 0;
        const e = new Float32Array(n);
        for (let i = 0; i < n; i++) z += e[i] = Math.exp(S[i][j] - mx);
        lossSum += -(S[j][j] - mx - Math.log(z)) / 2;
        for (let i = 0; i < n; i++) dS[i][j] += (e[i] / z - (i === j ? 1 : 0)) / (2 * n);
      }
      // dZa = dS Zb / τ, dZb = dSᵀ Za / τ; back through the normalisation; dW = dUaᵀ A + dUbᵀ B.
      const grad = new Float32Array(w.length);
      const back = (
        Z: Float32Array[],
        other: Float32Array[],
        transpose: boolean,
        norms: number[],
        X: Float32Array[],
      ) => {
        for (let i = 0; i < n; i++) {
          const dz = new Float32Array(outDim);
          for (let j = 0; j < n; j++) {
            const g = (transpose ? dS[j][i] : dS[i][j]) / tau;
            if (g === 0) continue;
            const oj = other[j];
            for (let o = 0; o < outDim; o++) dz[o] += g * oj[o];
          }
          let proj = 0;
          for (let o = 0; o < outDim; o++) proj += Z[i][o] * dz[o];
          const x = X[i];
          for (let o = 0; o < outDim; o++) {
            const du = (dz[o] - Z[i][o] * proj) / norms[i];
            if (du === 0) continue;
            const off = o * inDim;
            for (let d = 0; d < inDim; d++) grad[off + d] += du * x[d];
          }
        }
      };
      back(Za, Zb, false, na, A);
      back(Zb, Za, true, nb, B);
      step++;
      const b1 = 0.9,
        b2 = 0.999,
        eps = 1e-8;
      const c1 = 1 - b1 ** step,
        c2 = 1 - b2 ** step;
      for (let k = 0; k < w.length; k++) {
        m[k] = b1 * m[k] + (1 - b1) * grad[k];
        v[k] = b2 * v[k] + (1 - b2) * grad[k] * grad[k];
        w[k] -= (lr * (m[k] / c1)) / (Math.sqrt(v[k] / c2) + eps);
      }
      batches++;
    }
    opts.log?.(
      `projection epoch ${epoch + 1}/${epochs}: loss ${(lossSum / Math.max(1, batches * n)).toFixed(4)} over ${batches} batches`,
    );
  }
  let h = 0;
  for (let k = 0; k < w.length; k += 97) h = (Math.imul(h, 31) + Math.round(w[k] * 1e6)) | 0;
  return { inDim, outDim, weights: w, baseId: base.id, tag: (h >>> 0).toString(16) };
}

export function saveProjection(p: TrainedProjection, file: string): void {
  const { weights, ...meta } = p;
  writeWeightsFile(file, meta, weights);
}

export function loadProjection(file: string): TrainedProjection {
  return readWeightsFile<Omit<TrainedProjection, 'weights'>>(file, 'retrain the projection');
}

/** base ⊕ projection, each part unit length, weighted by baseWeight. */
export class ProjectedEncoder implements TextEncoder {
  readonly id: string;
  readonly dim: number;
  constructor(
    private readonly base: TextEncoder,
    private readonly projection: TrainedProjection,
    private readonly baseWeight = 0.5,
  ) {
    if (projection.baseId !== base.id)
      throw new Error(`The projection was trained on ${projection.baseId}, not ${base.id}; retrain it.`);
    this.dim = base.dim + projection.outDim;
    this.id = `${base.id}+proj${projection.outDim}@${projection.tag}`;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const xs = await this.base.embed(texts);
    const us = project(xs, this.projection.weights, this.projection.inDim, this.projection.outDim);
    const a = Math.sqrt(this.baseWeight);
    const b = Math.sqrt(1 - this.baseWeight);
    return xs.map((x, i) => {
      const u = normalize(us[i]);
      const out = new Float32Array(this.dim);
      for (let d = 0; d < x.length; d++) out[d] = a * x[d];
      for (let o = 0; o < u.length; o++) out[x.length + o] = b * u[o];
      return normalize(out);
    });
  }
}
