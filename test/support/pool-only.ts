/**
 * A process whose only work is one text through an encoder pool (test/transformer.test.ts): nothing else
 * keeps it alive while the worker loads the model, so it prints the vector's length only if loading does.
 */
import { EncoderPool } from '../../src/text/encoder-pool.ts';
import { DEFAULT_CACHE_DIR } from '../../src/text/open.ts';
import { STUDENT } from '../../src/text/transformer.ts';

const pool = EncoderPool.open(STUDENT, DEFAULT_CACHE_DIR, { workers: 1 });
const [v] = await pool.embed(['data pipelines in Python']);
process.stdout.write(`embedded ${v.length}\n`);
await pool.close();
