/**
 * TensorFlow.js, set up once: the native GPU backend when `@tensorflow/tfjs-node-gpu` is
 * installed (an optional dependency), the WASM backend otherwise (the default).
 *
 * Two ops carry hand-written gradients because the WASM backend is slow or missing kernels
 * for what the built-in gradients use: `matMul`'s gradient uses transposed operands (a slow
 * path in XNNPACK — explicit transposes are 6–15× faster here) and `gather`'s gradient uses
 * UnsortedSegmentSum (not registered for WASM; ScatterNd, which sums duplicates, is).
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

/** Rows of x at idx (int32), with a scatter-add gradient. */
export function gatherRows(x: tf.Tensor2D, idx: tf.Tensor1D): tf.Tensor2D {
  const op = tf.customGrad(((xs: tf.Tensor, save: tf.GradSaveFunc) => {
    save([idx]); // kept alive until the backward pass
    return {
      value: tf.gather(xs, idx),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.scatterND(saved[0].reshape([-1, 1]), dy, xs.shape),
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return op(x) as tf.Tensor2D;
}
