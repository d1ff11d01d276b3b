/**
 * Builds (once) and starts Apache Kafka 4.x from Maven Central (kafka/pom.xml: the classpath only) in
 * KRaft mode — one process that is both broker and controller, on 127.0.0.1 — for `npm run kafka`
 * and the tests. The log directory is formatted on first use (kafka.tools.StorageTool), then the
 * server runs (kafka.Kafka) until stopped. Users point SKILLGRAPH_KAFKA_BROKERS at their own cluster.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, stopProcess } from './neo4j-launcher.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const moduleDir = path.join(root, 'kafka');
const classpathFile = path.join(moduleDir, 'target', 'classpath.txt');

export interface RunningKafka {
  /** host:port of the broker. */
  brokers: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Builds the classpath unless it is newer than kafka/pom.xml. */
export function buildKafkaLauncher(log: (line: string) => void = () => {}): void {
  const pom = path.join(moduleDir, 'pom.xml');
  const built = fs.existsSync(classpathFile) ? fs.statSync(classpathFile).mtimeMs : 0;
  if (built && fs.statSync(pom).mtimeMs < built) return;
  log('building the Kafka launcher (the first run downloads Kafka from Maven Central)…');
  const res = spawnSync('mvn', ['-q', '-B', '-f', pom, 'package'], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`mvn package for kafka/ failed with exit code ${res.status}`);
}

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

export async function startKafka(
  opts: { port?: number; dataDir?: string; inheritOutput?: boolean; heap?: string } = {},
): Promise<RunningKafka> {
  buildKafkaLauncher((l) => console.error(l));
  const port = opts.port ?? (await freePort());
  const controllerPort = await freePort();
  const dataDir = path.resolve(opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sg-kafka-')));
  const logDir = path.join(dataDir, 'logs');
  fs.mkdirSync(dataDir, { recursive: true });
  const config = path.join(dataDir, 'server.properties');
  fs.writeFileSync(
    config,
    [
      'process.roles=broker,controller',
      'node.id=1',
      `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
      `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
      'controller.listener.names=CONTROLLER',
      'inter.broker.listener.name=PLAINTEXT',
      'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      `log.dirs=${logDir}`,
      'num.partitions=6',
      'offsets.topic.replication.factor=1',
      'transaction.state.log.replication.factor=1',
      'transaction.state.log.min.isr=1',
      'share.coordinator.state.topic.replication.factor=1',
      'share.coordinator.state.topic.min.isr=1',
      'group.initial.rebalance.delay.ms=0',
      'auto.create.topics.enable=false',
      '',
    ].join('\n'),
  );
  const deps = fs.readFileSync(classpathFile, 'utf8').trim();
  const java = (main: string, args: string[]) => [
    `-Xmx${opts.heap ?? '512m'}`,
    '-XX:+UseSerialGC',
    '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
    '-cp',
    deps,
    main,
    ...args,
  ];
  if (!fs.existsSync(path.join(logDir, 'meta.properties'))) {
    // Base64url like Kafka's own ids, never starting with "-" (the tool's parser would take it for an option: a
    // 1-in-64 failure to start, seen in CI).
    let clusterId = '';
    while (!clusterId || clusterId.startsWith('-')) clusterId = crypto.randomBytes(16).toString('base64url');
    const res = spawnSync('java', java('kafka.tools.StorageTool', ['format', '-t', clusterId, '-c', config]), {
      encoding: 'utf8',
    });
    if (res.status !== 0) throw new Error(`formatting Kafka's log directory failed:\n${res.stdout}${res.stderr}`);
  }
  const child = spawn('java', java('kafka.Kafka', [config]), { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-20_000);
    if (opts.inheritOutput) process.stderr.write(text);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Kafka exited with code ${child.exitCode}:\n${output.slice(-4000)}`);
    if (await canConnect(port)) break;
    if (Date.now() - started > 120_000) {
      child.kill('SIGKILL');
      throw new Error(`Kafka did not listen on ${port} within 120 s:\n${output.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    brokers: `127.0.0.1:${port}`,
    process: child,
    stop: () => stopProcess(child),
  };
}
