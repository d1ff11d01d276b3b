// The editors' workbench: built by Vite into web/dist, which the service serves at /editor (src/api/http.ts).
// No plugin: esbuild compiles TSX with React's automatic runtime.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/editor/',
  esbuild: { jsx: 'automatic' },
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
