/** Builds the configured text encoder (cached by content hash). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BuiltinEncoder } from './builtin.ts';
import { GloveVectors } from './glove.ts';

/** Default cache for converted model files: node_modules/.cache/skillgraph (shared by every data dir). */
export const DEFAULT_CACHE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/.cache/skillgraph');

let shared: { dir: string; glove: GloveVectors } | undefined;

/** The built-in encoder; GloVe vectors are loaded once per process and shared. */
export function openBuiltinEncoder(cacheDir = DEFAULT_CACHE_DIR, log: (msg: string) => void = (m) => process.stderr.write(m + '\n')): BuiltinEncoder {
  if (!shared || shared.dir !== cacheDir) shared = { dir: cacheDir, glove: GloveVectors.load(cacheDir, log) };
  return new BuiltinEncoder(shared.glove);
}
