import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Starts the service as a real process (src/main.ts) on a free port; resolves url once it listens. */
export function startServiceProcess(dataDir: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      SKILLGRAPH_DATA_DIR: dataDir,
      SKILLGRAPH_STORE: 'embedded',
      SKILLGRAPH_SEED_MEMBERS: '100',
      SKILLGRAPH_SEED_JOBS: '50',
      // One process unless a test asks for more (the default is more on machines with 4+ cores).
      SKILLGRAPH_WORKERS: '1',
      ...env,
    },
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

export type ServiceProcess = ReturnType<typeof startServiceProcess>;

/**
 * Runs `work` with a fresh data directory and a starter for service processes on it; afterwards,
 * passed or failed, kills whatever it started that still runs and removes the directory.
 */
export async function withServiceProcesses(
  env: Record<string, string>,
  work: (start: () => ServiceProcess, dataDir: string) => Promise<void>,
): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-proc-'));
  const started: ServiceProcess[] = [];
  try {
    await work(() => {
      const p = startServiceProcess(dataDir, env);
      started.push(p);
      return p;
    }, dataDir);
  } finally {
    for (const p of started) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
