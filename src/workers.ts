/**
 * Starting a worker thread from a module beside the caller: the compiled .js when running
 * compiled; under a TypeScript loader (tsx, vitest) the .ts source, loaded after tsx's hooks are
 * registered in the worker (Node 20 loads a worker's entry file before an --import in its
 * execArgv takes effect).
 */
import { Worker } from 'node:worker_threads';

/** `base` is the caller's import.meta.url; `name` the module's file name without extension. */
export function startWorker(base: string, name: string, workerData: unknown): Worker {
  if (!base.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, base), { workerData });
  const entry = JSON.stringify(new URL(`./${name}.ts`, base).href);
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); })`;
  return new Worker(boot, { eval: true, workerData });
}

/** Resolves on the worker's `{ ready: true, … }`; rejects on an `{ error }` message, an error or an exit before. */
export function workerReady<T extends { ready: true }>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: T | { error: string }) => {
      worker.off('message', onMessage);
      if ('ready' in m) resolve(m);
      else reject(new Error(m.error));
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a worker thread exited at start (code ${code})`)));
  });
}
