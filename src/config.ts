/** Service configuration, read once from the environment and validated. */
import os from 'node:os';
import path from 'node:path';
import type { ExecutorKind } from './api/executor.ts';
import { parseWeights } from './matching/rerank.ts';
import type { Weights } from './matching/rerank.ts';
import type { FeedRetention } from './store/retention.ts';
import { DEFAULT_CACHE_DIR } from './text/open.ts';
import { STUDENT, TEACHER, TRANSFORMERS } from './text/transformer.ts';
import type { TransformerName } from './text/transformer.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Converted model files (GloVe binary); shared by every data dir. */
  cacheDir: string;
  store: 'embedded' | 'neo4j';
  neo4j: {
    uri: string;
    user: string;
    password: string;
    database?: string;
    /** SKILLGRAPH_NEO4J_UNAVAILABLE_RETRY_MS: how long an unreachable Neo4j is retried before UNAVAILABLE. */
    unavailableRetryMs: number;
    /** SKILLGRAPH_NEO4J_CONNECT_TIMEOUT_MS: how long one connection attempt may take. */
    connectTimeoutMs: number;
  };
  /** `key:role` pairs from SKILLGRAPH_API_KEYS. */
  apiKeys?: string;
  /** A file of `key:role` lines (SKILLGRAPH_API_KEYS_FILE). */
  apiKeysFile?: string;
  /** Unmasked internal errors and stack traces (NODE_ENV=development). */
  development: boolean;
  /** Seed the taxonomy from seeds/ when the store has no skills (SKILLGRAPH_SEED=false turns it off). */
  seed: boolean;
  /** Size of the generated marketplace seeded on first start (SKILLGRAPH_SEED_MEMBERS / _JOBS; 0 members: none). */
  seedMembers: number;
  seedJobs: number;
  /** Train a first GraphSAGE model at start when none exists (SKILLGRAPH_TRAIN_ON_START=false turns it off). */
  trainOnStart: boolean;
  /**
   * Re-ranking weights per signal (SKILLGRAPH_MATCH_WEIGHTS="semantic=0.5,skills=0.3"; unnamed signals keep
   * their defaults).
   */
  matchWeights: Weights;
  /** Where embedding exports may write (SKILLGRAPH_EXPORT_DIR; default <data dir>/exports-out). */
  exportDir: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Largest estimated query cost accepted (SKILLGRAPH_MAX_QUERY_COST; see src/api/cost.ts). */
  maxQueryCost: number;
  /** A GraphQL request is stopped after this many ms (SKILLGRAPH_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /**
   * An idle keep-alive connection is closed after this many ms (SKILLGRAPH_HTTP_KEEP_ALIVE_MS; default 65 s:
   * longer than the idle timeouts of common load balancers, which would otherwise reuse a connection the
   * service has just closed and answer that request with a 502).
   */
  keepAliveMs: number;
  /** How queries run: compiled by graphql-jit (default) or interpreted by graphql-js (SKILLGRAPH_GRAPHQL_EXECUTOR). */
  graphqlExecutor: ExecutorKind;
  /** Browser origins allowed by CORS (SKILLGRAPH_CORS_ORIGINS, comma-separated; none by default). */
  corsOrigins: string[];
  /** Protects /metrics with a bearer key (SKILLGRAPH_METRICS_KEY). */
  metricsKey?: string;
  logRequests: boolean;
  /**
   * The least role that edits the taxonomy directly (SKILLGRAPH_DIRECT_EDITS: editor, reviewer or admin;
   * default editor). Below it, editors propose change sets that a reviewer approves.
   */
  directEdits: 'editor' | 'reviewer' | 'admin';
  /**
   * Where model versions and the served-version pin live (SKILLGRAPH_MODEL_DIR; default the data dir):
   * `<dir>/models/gnn/<version>/` and `<dir>/models/gnn/active`. Replicas that share it train once and serve
   * one version.
   */
  modelDir: string;
  /**
   * The change feed on Kafka (SKILLGRAPH_KAFKA_BROKERS, comma-separated host:port): replicas share the
   * nearline refresh through it (src/nearline/kafka.ts); null: the store's outbox, polled in-process.
   */
  kafka: {
    brokers: string[];
    topicPrefix: string;
    sessionTimeoutMs: number;
    clockSkewMs: number;
    pollMs: number;
  } | null;
  /**
   * How long the store's change feed keeps events not about the taxonomy (src/store/retention.ts):
   * SKILLGRAPH_FEED_RETENTION_HOURS (default 168, a week; 0: never trimmed), SKILLGRAPH_FEED_RETENTION_EVENTS
   * (the newest this many are kept however old; default 1,000,000); trimmed a minute after start and every
   * SKILLGRAPH_FEED_TRIM_EVERY_MS (default an hour) by the process that writes the embedded store, by each
   * replica over Neo4j, and with Kafka by the replica that publishes the feed.
   */
  feedRetention: FeedRetention & { everyMs: number };
  /**
   * Processes serving one embedded data directory (SKILLGRAPH_WORKERS; src/cluster.ts): one owner that writes
   * and followers that serve reads. Default: half the cores, at most 4, and 1 below 4 cores.
   */
  workers: number;
  /** This process's part (SKILLGRAPH_ROLE, set by the cluster's primary for its workers): single otherwise. */
  role: 'single' | 'owner' | 'follower';
  /**
   * The text encoder: a pinned sentence-transformer (teacher) with its student for the latency paths,
   * the built-in one, a local ONNX model or an OpenAI-compatible endpoint.
   */
  encoder:
    | {
        kind: 'transformer';
        teacher: TransformerName;
        student: TransformerName | null;
        /** Worker threads the teacher runs in (one core each); 0: in the main thread, on every core. */
        workers: number;
      }
    | { kind: 'builtin' }
    | { kind: 'openai'; baseUrl: string; model: string; apiKey?: string; dim: number }
    | { kind: 'onnx'; dir: string };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be an integer from 0 to 65535, got "${env.PORT}".`);
  const store = (env.SKILLGRAPH_STORE ?? 'embedded').toLowerCase();
  if (store !== 'embedded' && store !== 'neo4j')
    throw new ConfigError(`SKILLGRAPH_STORE must be "embedded" or "neo4j", got "${env.SKILLGRAPH_STORE}".`);
  if (store === 'neo4j' && !env.NEO4J_URI)
    throw new ConfigError(
      'SKILLGRAPH_STORE=neo4j needs NEO4J_URI (e.g. bolt://127.0.0.1:7687); `npm run neo4j` starts one.',
    );
  const kafka = kafkaConfig(env);
  const processes = workerCount(env, store, kafka !== null);
  const encoderKind = (env.SKILLGRAPH_ENCODER ?? 'transformer').toLowerCase();
  let encoder: Config['encoder'] = { kind: 'builtin' };
  if (encoderKind === 'transformer') {
    const names = Object.keys(TRANSFORMERS) as TransformerName[];
    const pick = (v: string | undefined, fallback: TransformerName, variable: string) => {
      const name = (v || fallback).toLowerCase();
      if (!(names as string[]).includes(name))
        throw new ConfigError(`${variable} must be one of ${names.join(', ')}, got "${v}".`);
      return name as TransformerName;
    };
    const teacher = pick(env.SKILLGRAPH_TRANSFORMER, TEACHER, 'SKILLGRAPH_TRANSFORMER');
    const student =
      (env.SKILLGRAPH_STUDENT ?? '').toLowerCase() === 'none'
        ? null
        : pick(env.SKILLGRAPH_STUDENT, teacher === TEACHER ? STUDENT : teacher, 'SKILLGRAPH_STUDENT');
    // By default the cores are shared among the service's processes (SKILLGRAPH_WORKERS): N processes with
    // a thread per core each would run N threads per core in an encoding burst.
    const workers = Number(
      env.SKILLGRAPH_ENCODER_WORKERS ?? Math.max(1, Math.floor(os.availableParallelism() / processes)),
    );
    if (!Number.isInteger(workers) || workers < 0 || workers > 64)
      throw new ConfigError(
        `SKILLGRAPH_ENCODER_WORKERS must be an integer from 0 (in the main thread) to 64, got "${env.SKILLGRAPH_ENCODER_WORKERS}".`,
      );
    encoder = { kind: 'transformer', teacher, student, workers };
  } else if (encoderKind === 'openai') {
    const dim = Number(env.SKILLGRAPH_OPENAI_DIM);
    if (!env.SKILLGRAPH_OPENAI_BASE_URL || !env.SKILLGRAPH_OPENAI_MODEL || !Number.isInteger(dim) || dim <= 0) {
      throw new ConfigError(
        'SKILLGRAPH_ENCODER=openai needs SKILLGRAPH_OPENAI_BASE_URL (e.g. http://127.0.0.1:11434/v1), SKILLGRAPH_OPENAI_MODEL and SKILLGRAPH_OPENAI_DIM (the vector size).',
      );
    }
    encoder = {
      kind: 'openai',
      baseUrl: env.SKILLGRAPH_OPENAI_BASE_URL,
      model: env.SKILLGRAPH_OPENAI_MODEL,
      apiKey: env.SKILLGRAPH_OPENAI_API_KEY || env.OPENAI_API_KEY || undefined,
      dim,
    };
  } else if (encoderKind === 'onnx') {
    if (!env.SKILLGRAPH_ONNX_DIR)
      throw new ConfigError(
        'SKILLGRAPH_ENCODER=onnx needs SKILLGRAPH_ONNX_DIR: a directory with model.onnx and tokenizer.json (or vocab.txt) of a sentence-transformer.',
      );
    encoder = { kind: 'onnx', dir: path.resolve(env.SKILLGRAPH_ONNX_DIR) };
  } else if (encoderKind !== 'builtin')
    throw new ConfigError(
      `SKILLGRAPH_ENCODER must be "transformer", "builtin", "openai" or "onnx", got "${env.SKILLGRAPH_ENCODER}".`,
    );
  return {
    encoder,
    workers: processes,
    role: env.SKILLGRAPH_ROLE === 'owner' || env.SKILLGRAPH_ROLE === 'follower' ? env.SKILLGRAPH_ROLE : 'single',
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.SKILLGRAPH_DATA_DIR ?? 'data'),
    cacheDir: env.SKILLGRAPH_CACHE_DIR ? path.resolve(env.SKILLGRAPH_CACHE_DIR) : DEFAULT_CACHE_DIR,
    store,
    neo4j: {
      uri: env.NEO4J_URI ?? '',
      user: env.NEO4J_USER ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE || undefined,
      unavailableRetryMs: count(env, 'SKILLGRAPH_NEO4J_UNAVAILABLE_RETRY_MS', NEO4J_DEFAULTS.unavailableRetryMs),
      connectTimeoutMs: positive(env, 'SKILLGRAPH_NEO4J_CONNECT_TIMEOUT_MS', NEO4J_DEFAULTS.connectTimeoutMs),
    },
    apiKeys: env.SKILLGRAPH_API_KEYS || undefined,
    apiKeysFile: env.SKILLGRAPH_API_KEYS_FILE || undefined,
    development: env.NODE_ENV === 'development',
    seed: env.SKILLGRAPH_SEED !== 'false',
    seedMembers: count(env, 'SKILLGRAPH_SEED_MEMBERS', 2000),
    seedJobs: count(env, 'SKILLGRAPH_SEED_JOBS', 1000),
    trainOnStart: env.SKILLGRAPH_TRAIN_ON_START !== 'false',
    matchWeights: weights(env.SKILLGRAPH_MATCH_WEIGHTS),
    exportDir: path.resolve(env.SKILLGRAPH_EXPORT_DIR ?? path.join(env.SKILLGRAPH_DATA_DIR ?? 'data', 'exports-out')),
    maxBodyBytes: 2 * 1024 * 1024,
    maxQueryCost: positive(env, 'SKILLGRAPH_MAX_QUERY_COST', 200_000),
    requestTimeoutMs: positive(env, 'SKILLGRAPH_REQUEST_TIMEOUT_MS', 10_000),
    keepAliveMs: positive(env, 'SKILLGRAPH_HTTP_KEEP_ALIVE_MS', 65_000),
    graphqlExecutor: graphqlExecutor(env.SKILLGRAPH_GRAPHQL_EXECUTOR),
    corsOrigins: origins(env.SKILLGRAPH_CORS_ORIGINS),
    metricsKey: env.SKILLGRAPH_METRICS_KEY || undefined,
    logRequests: env.SKILLGRAPH_LOG_REQUESTS !== 'false',
    directEdits: directEdits(env.SKILLGRAPH_DIRECT_EDITS),
    modelDir: path.resolve(env.SKILLGRAPH_MODEL_DIR ?? env.SKILLGRAPH_DATA_DIR ?? 'data'),
    kafka,
    feedRetention: {
      maxAgeMs: hours(env, 'SKILLGRAPH_FEED_RETENTION_HOURS', 168) * 3_600_000,
      minEvents: count(env, 'SKILLGRAPH_FEED_RETENTION_EVENTS', 1_000_000),
      everyMs: positive(env, 'SKILLGRAPH_FEED_TRIM_EVERY_MS', 3_600_000),
    },
  };
}

function hours(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new ConfigError(`${name} must be a number of hours ≥ 0, got "${v}".`);
  return n;
}

function workerCount(env: NodeJS.ProcessEnv, store: string, kafka: boolean): number {
  const cores = os.availableParallelism();
  const v = env.SKILLGRAPH_WORKERS;
  if (v === undefined || v === '') return store === 'embedded' && !kafka && cores >= 4 ? Math.min(4, cores >> 1) : 1;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new ConfigError(`SKILLGRAPH_WORKERS must be an integer from 1 to 64, got "${v}".`);
  if (n > 1 && (store !== 'embedded' || kafka))
    throw new ConfigError(
      'SKILLGRAPH_WORKERS above 1 serves the embedded store; over Neo4j (and with Kafka) run replicas instead (README "Scaling out").',
    );
  return n;
}

function weights(v: string | undefined): Weights {
  if (!v?.trim()) return parseWeights(null);
  const pairs: Record<string, number> = {};
  for (const part of v.split(',')) {
    const [name, value, extra] = part.split('=').map((x) => x.trim());
    if (!name || value === undefined || value === '' || extra !== undefined)
      throw new ConfigError(
        `SKILLGRAPH_MATCH_WEIGHTS must read like "semantic=0.5,skills=0.3"; "${part}" is not signal=number.`,
      );
    pairs[name] = Number(value);
  }
  try {
    return parseWeights(pairs);
  } catch (err) {
    throw new ConfigError(`SKILLGRAPH_MATCH_WEIGHTS: ${(err as Error).message}`);
  }
}

function origins(v: string | undefined): string[] {
  const list = (v ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const o of list)
    if (o === '*' || !/^https?:\/\/[^/\s]+$/.test(o))
      throw new ConfigError(
        `SKILLGRAPH_CORS_ORIGINS lists origins such as https://app.example.com (scheme and host, no path, no "*"); got "${o}".`,
      );
  return list;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const n = count(env, name, fallback);
  if (n === 0) throw new ConfigError(`${name} must be a positive integer, got "${env[name]}".`);
  return n;
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a non-negative integer, got "${v}".`);
  return n;
}

function directEdits(value: string | undefined): Config['directEdits'] {
  const v = (value ?? 'editor').trim().toLowerCase();
  if (v !== 'editor' && v !== 'reviewer' && v !== 'admin')
    throw new ConfigError(`SKILLGRAPH_DIRECT_EDITS must be "editor", "reviewer" or "admin", got "${value}".`);
  return v;
}

function graphqlExecutor(value: string | undefined): ExecutorKind {
  const v = (value ?? 'jit').trim().toLowerCase();
  if (v !== 'jit' && v !== 'graphql-js')
    throw new ConfigError(`SKILLGRAPH_GRAPHQL_EXECUTOR must be "jit" or "graphql-js", got "${value}".`);
  return v;
}

/** The Neo4j store's timing settings' defaults (also for a store opened without them: tests, benches). */
export const NEO4J_DEFAULTS = { unavailableRetryMs: 3_000, connectTimeoutMs: 5_000 } as const;

/** The Kafka settings' defaults (also for a KafkaNearline made without them: tests, benches). */
export const KAFKA_DEFAULTS = { sessionTimeoutMs: 10_000, clockSkewMs: 60_000, pollMs: 50 } as const;

function kafkaConfig(env: NodeJS.ProcessEnv): Config['kafka'] {
  const brokers = (env.SKILLGRAPH_KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0) return null;
  for (const b of brokers)
    if (!/^[^\s:]+:\d{1,5}$/.test(b))
      throw new ConfigError(`SKILLGRAPH_KAFKA_BROKERS must list host:port entries separated by commas, got "${b}".`);
  const topicPrefix = env.SKILLGRAPH_KAFKA_TOPIC_PREFIX ?? 'skillgraph.';
  if (!/^[A-Za-z0-9._-]*$/.test(topicPrefix))
    throw new ConfigError(
      `SKILLGRAPH_KAFKA_TOPIC_PREFIX may hold letters, digits, ".", "_" and "-", got "${topicPrefix}".`,
    );
  // How long a replica that stopped heartbeating keeps its partitions (the broker allows 6–1800 s by default).
  const sessionTimeoutMs = Number(env.SKILLGRAPH_KAFKA_SESSION_TIMEOUT_MS ?? KAFKA_DEFAULTS.sessionTimeoutMs);
  if (!Number.isInteger(sessionTimeoutMs) || sessionTimeoutMs < 1000)
    throw new ConfigError(
      `SKILLGRAPH_KAFKA_SESSION_TIMEOUT_MS must be an integer ≥ 1000 (ms), got "${env.SKILLGRAPH_KAFKA_SESSION_TIMEOUT_MS}".`,
    );
  // How far the replicas' clocks may be apart: a starting replica reads the vectors produced since its snapshot's
  // time less this (src/nearline/kafka.ts, vectorsStart).
  const clockSkewMs = Number(env.SKILLGRAPH_KAFKA_CLOCK_SKEW_MS ?? KAFKA_DEFAULTS.clockSkewMs);
  if (!Number.isInteger(clockSkewMs) || clockSkewMs < 0)
    throw new ConfigError(
      `SKILLGRAPH_KAFKA_CLOCK_SKEW_MS must be an integer ≥ 0 (ms), got "${env.SKILLGRAPH_KAFKA_CLOCK_SKEW_MS}".`,
    );
  // How often the publisher reads the store's feed for writes no replica announced (a write through the API is
  // published at once: its replica kicks the publisher; a CLI import or another tool writing the store is not).
  const pollMs = Number(env.SKILLGRAPH_KAFKA_POLL_MS ?? KAFKA_DEFAULTS.pollMs);
  if (!Number.isInteger(pollMs) || pollMs < 1)
    throw new ConfigError(
      `SKILLGRAPH_KAFKA_POLL_MS must be an integer ≥ 1 (ms), got "${env.SKILLGRAPH_KAFKA_POLL_MS}".`,
    );
  return { brokers, topicPrefix, sessionTimeoutMs, clockSkewMs, pollMs };
}
