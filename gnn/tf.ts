/**
 * TensorFlow.js, set up once: the native GPU backend when `@tensorflow/tfjs-node-gpu` is
 * installed (an optional dependency), the WASM backend otherwise (the default).
 *
 * Two ops carry hand-written gradients because the WASM backend is slow or missing kernels
 * for what the built-in gradients use: `matMul`'s gradient uses transposed operands (a slow
 * path in XNNPACK — explicit transposes are 6–15× faster here); row gathers and the neighbour
 * sums are plain TypeScript over the tensors' data (see gatherRows).
 */
import * as tf from '@tensorflow/tfjs';

export { tf };
let ready: Promise<string> | undefined;

/** Picks and initialises the backend; resolves to its name ("tensorflow" or "wasm"). */
export function initTf(prefer: 'auto' | 'wasm' | 'cpu' = 'auto'): Promise<string> {
  ready ??= (async () => {
    if (prefer === 'auto') {
      try {
        const gpuModule = '@tensorflow/tfjs-node-gpu';
        await import(gpuModule);
        if (await tf.setBackend('tensorflow')) return 'tensorflow';
      } catch {
        // Not installed (the usual case offline): fall through to WASM.
      }
    }
    if (prefer === 'cpu') {
      await tf.setBackend('cpu');
      return 'cpu';
    }
    // The WASM module (Emscripten) adds process-wide uncaughtException/unhandledRejection
    // handlers that rethrow, turning any stray rejection anywhere into a crash that prints the
    // module's source. The service has its own handling: take theirs off again.
    const before = {
      uncaughtException: process.listeners('uncaughtException'),
      unhandledRejection: process.listeners('unhandledRejection'),
    };
    await import('@tensorflow/tfjs-backend-wasm');
    await tf.setBackend('wasm');
    await tf.ready();
    for (const l of process.listeners('uncaughtException'))
      if (!before.uncaughtException.includes(l)) process.removeListener('uncaughtException', l);
    for (const l of process.listeners('unhandledRejection'))
      if (!before.unhandledRejection.includes(l)) process.removeListener('unhandledRejection', l);
    return 'wasm';
  })();
  return ready;
}

/** x · w with gradients through explicit transposes. */
export const matMul = tf.customGrad(((x: tf.Tensor, w: tf.Tensor, save: tf.GradSaveFunc) => {
  save([x, w]);
  return {
    value: tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [xs, ws] = saved as tf.Tensor2D[];
      return [tf.matMul(dy as tf.Tensor2D, tf.transpose(ws)), tf.matMul(tf.transpose(xs), dy as tf.Tensor2D)];
    },
  };
}) as unknown as Parameters<typeof tf.customGrad>[0]) as unknown as (x: tf.Tensor2D, w: tf.Tensor2D) => tf.Tensor2D;

/**
 * x · w where x is data, not a parameter: the gradient is w's alone (matMul's would also compute
 * x's, a product as big as the forward one, only to throw it away).
 */
export function dataTimesWeights(x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor2D {
  const op = tf.customGrad(((ws: tf.Tensor, save: tf.GradSaveFunc) => {
    save([x]);
    return {
      value: tf.matMul(x, ws as tf.Tensor2D),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) =>
        tf.matMul(tf.transpose(saved[0] as tf.Tensor2D), dy as tf.Tensor2D),
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return op(w) as tf.Tensor2D;
}

/**
 * Rows of x at idx, with a scatter-add gradient. Done in plain TypeScript over the tensor's data:
 * the WASM backend's GatherV2 computes every element's address on its own (~150 MB/s here), a
 * row copy is ~50× faster, and the same holds for its gradient.
 */
export function gatherRows(x: tf.Tensor2D, idx: Int32Array): tf.Tensor2D {
  const ones = new Float32Array(idx.length).fill(1);
  return aggregateRows(
    x,
    idx,
    ones,
    Int32Array.from({ length: idx.length + 1 }, (_, i) => i),
  );
}

/**
 * Batched sparse aggregation (CSR): out[i] = Σ_{offsets[i] ≤ k < offsets[i+1]} weight[k] · x[idx[k]]
 * for the offsets.length − 1 output rows (an index < 0 or ≥ rows(x) adds nothing), with its gradient
 * dx[idx[k]] += weight[k] · dout[i]. One pass over the rows, no intermediate (samples × d) tensor.
 */
export function aggregateRows(x: tf.Tensor2D, idx: Int32Array, weight: Float32Array, offsets: Int32Array): tf.Tensor2D {
  const [rows, d] = x.shape;
  const nOut = offsets.length - 1;
  /** For each valid sample (i, k → row r): to[i] += w·from[r] (forward) or to[r] += w·from[i] (gradient). */
  const accumulate = (from: Float32Array, to: Float32Array, forward: boolean) => {
    for (let i = 0; i < nOut; i++) {
      for (let k = offsets[i]; k < offsets[i + 1]; k++) {
        const r = idx[k];
        if (r < 0 || r >= rows) continue;
        const w = weight[k];
        const t = forward ? i * d : r * d;
        const f = forward ? r * d : i * d;
        for (let j = 0; j < d; j++) to[t + j] += w * from[f + j];
      }
    }
  };
  const op = tf.customGrad(((xs: tf.Tensor) => {
    const out = new Float32Array(nOut * d);
    accumulate(xs.dataSync() as Float32Array, out, true);
    return {
      value: tf.tensor2d(out, [nOut, d]),
      gradFunc: (dy: tf.Tensor) => {
        const dx = new Float32Array(rows * d);
        accumulate(dy.dataSync() as Float32Array, dx, false);
        return tf.tensor2d(dx, [rows, d]);
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return op(x) as tf.Tensor2D;
}
