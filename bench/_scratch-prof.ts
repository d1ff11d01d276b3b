// Scratch: start the compiled service on DIR with extra node flags, load it with matchJobs, stop it.
import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);
import { spawn } from 'node:child_process';
import { closedLoop } from './closed-loop.ts';
import { seededRandom } from '../src/random.ts';
const dir = process.env.DIR ?? '/tmp/sgm';
const flags = (process.env.FLAGS ?? '').split(' ').filter(Boolean);
const key = 'bench-admin-key-0123456789';
const child = spawn(process.execPath, [...flags, 'dist/src/main.js'], {
  env: { ...process.env, PORT: '0', NODE_ENV: 'production', SKILLGRAPH_DATA_DIR: dir, SKILLGRAPH_API_KEYS: `${key}:admin`, SKILLGRAPH_LOG_REQUESTS: 'false', SKILLGRAPH_SEED_JOBS: '1000', SKILLGRAPH_WORKERS: '1' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let out = '';
child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
const url = await new Promise<string>((resolve) => {
  const t = setInterval(() => { const m = /"url":"(http:[^"]+)\/graphql"/.exec(out); if (m) { clearInterval(t); resolve(m[1]); } }, 100);
});
const query = 'query($m: ID!) { matchJobs(memberId: $m, first: 10) { edges { node { score job { id title } explanation { signals { signal contribution } matchedSkills { skill { label } via } missingSkills { label } } } } } }';
const r = seededRandom(5);
const body = () => ({ query, variables: { m: `member-${String(1 + Math.floor(r() * 2000)).padStart(6, '0')}` } });
const headers = { authorization: `Bearer ${key}` };
await closedLoop(`${url}/graphql`, { clients: 5, seconds: 5, headers, body });
const cpu = () => { const f = require('node:fs').readFileSync(`/proc/${child.pid}/stat`, 'utf8'); const x = f.slice(f.lastIndexOf(')') + 2).split(' '); return (Number(x[11]) + Number(x[12])) * 10; };
for (let i = 0; i < Number(process.env.ROUNDS ?? 2); i++) {
  const c0 = cpu();
  const res = await closedLoop(`${url}/graphql`, { clients: Number(process.env.CLIENTS ?? 50), seconds: Number(process.env.SECONDS ?? 10), headers, body });
  const c1 = cpu();
  console.log(JSON.stringify({ ...res, cpuMsPerReq: ((c1 - c0) / res.requests).toFixed(3) }));
}
child.kill('SIGTERM');
await new Promise((res) => child.once('exit', res));
