// Builds the workbench (web/dist) when its sources are newer than the last build: run by `npm install`
// (postinstall), `npm start` (prestart) and the tests' global set-up, so nothing generated is committed.
// Without Vite (a production install without dev dependencies) it says so and leaves /editor unbuilt.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const stamp = path.join(dir, 'dist', '.built');

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}

const sources = ['index.html', 'vite.config.ts', 'src'].map((f) => path.join(dir, f));
const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
if (built >= Math.max(...sources.map(newest)) && !process.argv.includes('--force')) process.exit(0);

let vite;
try {
  vite = await import('vite');
} catch {
  console.warn('web/build.mjs: Vite is not installed (dev dependencies left out?); /editor stays unbuilt.');
  process.exit(0);
}
const started = Date.now();
await vite.build({ configFile: path.join(dir, 'vite.config.ts') });
fs.writeFileSync(stamp, new Date().toISOString());
console.error(`built the editors' workbench into web/dist in ${Date.now() - started} ms`);
