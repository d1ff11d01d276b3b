/**
 * Builds (once) and starts the repo's Neo4j launcher (neo4j/pom.xml): Neo4j Community with
 * Bolt on 127.0.0.1. Used by `npm run neo4j` and by the test set-up.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const moduleDir = path.join(root, 'neo4j');
const classpathFile = path.join(moduleDir, 'target', 'classpath.txt');
/** With Graph Data Science (`mvn -Pgds package`): its classpath and plugin directory. */
const gdsClasspathFile = path.join(moduleDir, 'target', 'classpath-gds.txt');
const gdsPluginDir = path.join(moduleDir, 'target', 'gds-plugins');

export interface RunningNeo4j {
  uri: string;
  user: string;
  password: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Why Neo4j cannot be started here (no Java or Maven), or null when it can. */
export function missingTools(): string | null {
  for (const tool of ['java', 'mvn']) {
    if (spawnSync(tool, ['-version'], { stdio: 'ignore' }).error) return `${tool} is not installed`;
  }
  return null;
}

/** Builds the launcher unless it is newer than its sources; with `gds`, the Graph Data Science build. */
export function buildLauncher(log: (line: string) => void = () => {}, gds = false): void {
  const sources = [
    path.join(moduleDir, 'pom.xml'),
    path.join(moduleDir, 'src/main/java/dev/skillgraph/neo4j/Launcher.java'),
  ];
  const output = gds ? gdsClasspathFile : classpathFile;
  const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
  if (built && sources.every((s) => fs.statSync(s).mtimeMs < built)) return;
  log(
    `building the Neo4j launcher${gds ? ' with Graph Data Science' : ''} (the first run downloads from Maven Central)…`,
  );
  const args = ['-q', '-B', '-f', path.join(moduleDir, 'pom.xml'), ...(gds ? ['-Pgds'] : []), 'package', '-DskipTests'];
  const res = spawnSync('mvn', args, { stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`mvn package for neo4j/ failed with exit code ${res.status}`);
  // Maven leaves the classpath file alone when the dependencies did not change: mark the build's time on it.
  const now = new Date();
  fs.utimesSync(output, now, now);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function startNeo4j(
  opts: {
    port?: number;
    password?: string;
    dataDir?: string;
    inheritOutput?: boolean;
    gds?: boolean;
    heap?: string;
  } = {},
): Promise<RunningNeo4j> {
  buildLauncher((l) => console.error(l), opts.gds);
  const port = opts.port ?? (await freePort());
  const password = opts.password ?? 'skillgraph-test';
  const deps = fs.readFileSync(opts.gds ? gdsClasspathFile : classpathFile, 'utf8').trim();
  const classpath = `${path.join(moduleDir, 'target', 'classes')}${path.delimiter}${deps}`;
  const child = spawn('java', [`-Xmx${opts.heap ?? '2g'}`, '-cp', classpath, 'dev.skillgraph.neo4j.Launcher'], {
    env: {
      ...process.env,
      NEO4J_PORT: String(port),
      NEO4J_PASSWORD: password,
      NEO4J_DATA_DIR: opts.dataDir ?? '',
      NEO4J_PLUGIN_DIR: opts.gds ? gdsPluginDir : '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Neo4j did not start within 180 s:\n${output.slice(-4000)}`)),
      180_000,
    );
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      if (opts.inheritOutput) process.stderr.write(text);
      if (output.includes('NEO4J READY')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Neo4j exited with code ${code} before it was ready:\n${output.slice(-4000)}`));
    });
  });
  return {
    uri: `bolt://127.0.0.1:${port}`,
    user: 'neo4j',
    password,
    process: child,
    stop: () => stopProcess(child),
  };
}

/** SIGTERM, then SIGKILL after 30 s; resolves once the process has exited. */
export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
