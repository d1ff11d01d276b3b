/**
 * The project root — the directory with package.json and seeds/ — for the files the service reads beside
 * its code (seeds/, schema/, web/dist, src/api/explorer.html, the WebAssembly kernel, the model cache).
 * Found by walking up from this module, so it is the same whether the code runs from src/ (tsx) or
 * compiled from dist/src/ (`npm start`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'seeds'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No skillgraph project (package.json and seeds/) above ${here}.`);
  }
}

export const ROOT = findRoot();
