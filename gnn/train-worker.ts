/**
 * One worker of a WorkerTrainer (train-workers.ts): holds the sampling graph and the shared
 * features, and answers { params, batch, seed } with that batch part's loss and gradients
 * (flat, in flattenParams' order; the buffer transferred, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { seededRandom } from '../src/random.ts';
import { SageVariables, concatFloat32, unflattenParams } from './sage.ts';
import { initTf, tf } from './tf.ts';
import { batchLoss } from './train.ts';
import type { TrainReply, TrainRequest, TrainWorkerData } from './train-workers.ts';

const { graph, features, cfg, options } = workerData as TrainWorkerData;
const port = parentPort!;
const reply = (m: TrainReply, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

try {
  await initTf();
  let vars: SageVariables | null = null;
  port.on('message', (req: TrainRequest) => {
    try {
      const params = unflattenParams(cfg, req.params);
      if (vars) vars.assign(params);
      else vars = new SageVariables(params);
      const v = vars;
      const rand = seededRandom(req.seed);
      const { value, grads } = tf.variableGrads(() => batchLoss(v, cfg, graph, features, req.batch, options, rand));
      // A variable the part's loss does not reach (the input projection of a type it has no node of) has no
      // gradient: zeros here, and `used` tells the trainer not to move it.
      const all = v.all();
      const used = Uint8Array.from(all, (x) => (grads[x.name] ? 1 : 0));
      const flat = concatFloat32(
        all.map((x) => (grads[x.name]?.dataSync() as Float32Array | undefined) ?? new Float32Array(x.size)),
      );
      const loss = value.dataSync()[0];
      tf.dispose([value, ...Object.values(grads)]);
      reply({ id: req.id, grads: flat, used, loss }, [flat.buffer as ArrayBuffer]);
    } catch (err) {
      reply({ id: req.id, error: (err as Error).message });
    }
  });
  reply({ id: 0, ready: true });
} catch (err) {
  reply({ id: 0, error: (err as Error).message });
}
