/**
 * One worker of an EncoderPool (encoder-pool.ts): opens the pinned transformer on one core and
 * answers { id, texts } with { id, vectors } (their buffers transferred, not copied); { exit } ends it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EncoderReply, EncoderRequest, EncoderWorkerData } from './encoder-pool.ts';
import { openTransformer } from './transformer.ts';

const data = workerData as EncoderWorkerData;
const port = parentPort!;
const reply = (m: EncoderReply, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

try {
  const encoder = await openTransformer(data.name, data.cacheDir, { threads: 1, batchSize: data.batchSize });
  port.on('message', (req: EncoderRequest | { exit: true }) => {
    // Between model runs (never inside one: stopping a thread inside onnxruntime aborts the process):
    // free the session, then end this thread.
    if ('exit' in req) {
      void encoder.close().finally(() => process.exit(0));
      return;
    }
    encoder.embed(req.texts).then(
      (vectors) => reply({ id: req.id, vectors }, [...new Set(vectors.map((v) => v.buffer as ArrayBuffer))]),
      (err: Error) => reply({ id: req.id, error: err.message }),
    );
  });
  reply({ id: 0, ready: true, dim: encoder.dim });
} catch (err) {
  reply({ id: 0, error: (err as Error).message });
}
