/**
 * The service as `npm start` runs it: compiled to dist/ by `npm run build` (tsc, tsconfig.build.json) and
 * started with plain node — no TypeScript loader — from another working directory, so every file it reads
 * beside its code (seeds, schema, the WebAssembly kernel, the editors' workbench) is found from dist/.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

describe('the compiled service (npm run build, node dist/src/main.js)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-compiled-'));
  let child: ReturnType<typeof spawn> | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('builds, starts without tsx and answers', async () => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
    const main = path.resolve('dist/src/main.js');
    expect(fs.readFileSync(main, 'utf8')).not.toMatch(/from '[^']+\.ts'/);
    child = spawn(process.execPath, [main], {
      cwd: os.tmpdir(),
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        PORT: '0',
        SKILLGRAPH_STORE: 'embedded',
        SKILLGRAPH_DATA_DIR: dataDir,
        SKILLGRAPH_SEED_MEMBERS: '40',
        SKILLGRAPH_SEED_JOBS: '20',
        SKILLGRAPH_API_KEYS: 'compiled-admin-key-0123456789:admin',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /"url":"(http:[^"]+)\/graphql"/.exec(out);
        if (m) {
          clearInterval(timer);
          resolve(m[1]);
        }
      }, 100);
      child!.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`exited with ${code}: ${out.slice(-3000)}`));
      });
    });
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer compiled-admin-key-0123456789' },
      body: JSON.stringify({
        query:
          '{ skills(search: "python", first: 1) { edges { node { label } } } matchJobs(memberId: "member-000001", first: 1) { edges { node { score } } } }',
      }),
    });
    const body = await res.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.skills.edges[0].node.label).toBe('Python');
    expect(body.data.matchJobs.edges).toHaveLength(1);
    expect((await fetch(`${url}/editor`)).status).toBe(200);
  }, 180_000);
});
