/** The on-disk text-vector cache: same vectors as the encoder, only misses encoded, kept across opens, per encoder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBuiltinEncoder } from '../src/text/open.ts';
import type { TextEncoder } from '../src/text/types.ts';
import { persistentEncoder } from '../src/text/vector-cache.ts';

/** The built-in encoder, counting the texts it is asked to encode. */
function counting(encoder: TextEncoder, id = encoder.id) {
  const seen: string[] = [];
  return {
    seen,
    encoder: {
      id,
      dim: encoder.dim,
      embed: (texts: string[]) => (seen.push(...texts), encoder.embed(texts)),
    } as TextEncoder,
  };
}

describe('persistentEncoder', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sg-vcache-')), 'cache', 'text-vectors.sqlite');
  const builtin = openBuiltinEncoder();

  it('returns the encoder’s vectors, encoding only texts it has not seen, across opens', async () => {
    const texts = [
      'Senior data engineer, Spark and Kafka',
      'Nurse, intensive care',
      'Senior data engineer, Spark and Kafka',
      '',
    ];
    const direct = await builtin.embed(texts);
    const first = counting(builtin);
    const cache = persistentEncoder(first.encoder, file);
    expect(await cache.embed(texts)).toEqual(direct);
    expect(first.seen.length).toBe(4); // all four miss the first time
    expect(await cache.embed(texts.slice(0, 2))).toEqual(direct.slice(0, 2));
    expect(cache.stats).toEqual({ hits: 2, misses: 4 });
    cache.close();

    const second = counting(builtin);
    const reopened = persistentEncoder(second.encoder, file);
    expect(await reopened.embed([...texts, 'Welder'])).toEqual([...direct, ...(await builtin.embed(['Welder']))]);
    expect(second.seen).toEqual(['Welder']);
    reopened.close();
  });

  it('keeps encoders apart: another encoder id misses', async () => {
    const other = counting(builtin, `${builtin.id}-other`);
    const cache = persistentEncoder(other.encoder, file);
    await cache.embed(['Nurse, intensive care']);
    expect(other.seen).toEqual(['Nurse, intensive care']);
    cache.close();
  });
});
