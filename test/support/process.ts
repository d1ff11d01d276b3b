import { spawn } from 'node:child_process';

/** Starts the service as a real process (src/main.ts) on a free port; resolves url once it listens. */
export function startServiceProcess(dataDir: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: '0', SKILLGRAPH_DATA_DIR: dataDir, SKILLGRAPH_STORE: 'embedded', SKILLGRAPH_SEED_MEMBERS: '100', SKILLGRAPH_SEED_JOBS: '50', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /"url":"(http:[^"]+)\/graphql"/.exec(stdout);
      if (m) {
        clearInterval(timer);
        resolve(m[1]);
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`service exited with ${code}: ${stderr}`));
    });
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}
