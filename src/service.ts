/**
 * Assembles the service: store → seed (first start) → taxonomy indexes → HTTP/GraphQL.
 */
import { ROOT } from './paths.ts';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import { loadKeyRing } from './api/auth.ts';
import { createHttpService } from './api/http.ts';
import type { Services } from './api/context.ts';
import { log } from './log.ts';
import { openStore } from './store/open.ts';
import { trimFeed } from './store/retention.ts';
import { tracedMethods, tracing } from './telemetry.ts';
import type { GraphStore } from './store/types.ts';
import { loadSeed, parseSeed } from './taxonomy/seed.ts';
import { ExtractionService } from './extraction/service.ts';
import { openConfiguredEncoder } from './text/open.ts';
import { persistentEncoder, textVectorCacheFile } from './text/vector-cache.ts';
import { MarketplaceService } from './marketplace/service.ts';
import { TitleNormalizer } from './marketplace/titles.ts';
import { OccupationEditor } from './taxonomy/occupations.ts';
import { Releases } from './taxonomy/releases.ts';
import { ChangeSets } from './taxonomy/changesets.ts';
import { UnmappedTerms } from './taxonomy/terms.ts';
import { TaxonomyEditor } from './taxonomy/edit.ts';
import { TaxonomyService } from './taxonomy/service.ts';
import type { TextEncoder } from './text/types.ts';
import { importMarketplace, progressReporter } from './marketplace/import.ts';
import { GraphEmbeddings } from './embeddings/graph-embeddings.ts';
import { MatchingService } from './matching/service.ts';
import { NearlineRefresher } from './nearline/refresher.ts';
import { ServedRowsFollower, ServedRowsWriter } from './nearline/served-rows.ts';
import { followerForwarding } from './api/forward.ts';
import type { EmbeddedStore } from './store/embedded.ts';
import type { Nearline } from './nearline/refresher.ts';
import { ExportJobs } from './export/jobs.ts';
import { nearlineMetrics } from './nearline/metrics.ts';
import { generateMarketplace, loadCatalog } from './marketplace/generate.ts';

export const SEED_DIR = path.join(ROOT, 'seeds');

export interface RunningService {
  url: string;
  /** The owner's internal URL its followers forward mutations to (SKILLGRAPH_WORKERS; src/cluster.ts). */
  internalUrl?: string;
  store: GraphStore;
  /** The services behind the API (benchmarks and tests drive them directly). */
  services: Services;
  /** The admin key generated on this first start, if one was. */
  generatedKey?: string;
  close(): Promise<void>;
}

/** The services over one store, as the API and the CLI both use them. */
export interface Core {
  store: GraphStore;
  taxonomy: TaxonomyService;
  editor: TaxonomyEditor;
  occupations: OccupationEditor;
  releases: Releases;
  changeSets: ChangeSets;
  terms: UnmappedTerms;
  /** The teacher: skill vectors, bulk import, GNN features, exports. */
  encoder: TextEncoder;
  /** The student (or the teacher where there is none): sentences on latency paths. */
  fastEncoder: TextEncoder;
  /** Single nodes' text for the nearline refresher (in the teacher's space: see open.ts). */
  nearlineEncoder: TextEncoder;
  extraction: ExtractionService;
  marketplace: MarketplaceService;
  /** Titles → occupations (the teacher encodes: its link threshold was measured, see titles.ts). */
  titles: TitleNormalizer;
  /**
   * Loads in the background what the first requests would otherwise wait for: the encoders' models, the title
   * normaliser's occupation names (the service calls it once listening, so it does not slow the start).
   */
  warm(): void;
  /** Stops what the core started (the encoders' worker threads); the store is the caller's to close. */
  close(): Promise<void>;
}

export async function openCore(store: GraphStore, config: Config): Promise<Core> {
  const taxonomy = new TaxonomyService(store);
  await taxonomy.init();
  const editor = new TaxonomyEditor(store, taxonomy);
  const occupations = new OccupationEditor(editor, taxonomy);
  const releases = new Releases(store, editor);
  const changeSets = new ChangeSets(store, editor);
  const terms = new UnmappedTerms(store, taxonomy, editor);
  const encoders = await openConfiguredEncoder(config, (level, msg) => log(level, msg));
  const { encoder, fast, nearline, isCommonWord } = encoders;
  // Skill and occupation names' vectors come from the data directory's text-vector cache: a restart encodes only
  // new names.
  const labels = persistentEncoder(encoder, textVectorCacheFile(config.dataDir));
  const extraction = new ExtractionService(store, encoder, isCommonWord, fast, labels);
  await extraction.init(taxonomy);
  const titles = new TitleNormalizer(
    {
      get revision() {
        return taxonomy.occupationIndex.revision;
      },
      entries: () => taxonomy.occupationIndex.activeEntries().filter((e) => !taxonomy.occupationGroups.has(e.id)),
    },
    encoder,
    labels,
  );
  const marketplace = new MarketplaceService(store, taxonomy, extraction, titles);
  return {
    store,
    taxonomy,
    editor,
    occupations,
    releases,
    changeSets,
    terms,
    encoder,
    fastEncoder: fast,
    nearlineEncoder: nearline,
    extraction,
    marketplace,
    titles,
    warm: () => {
      encoders.start();
      const t0 = Date.now();
      titles
        .warm()
        .then((names) => log('info', 'title normaliser ready', { names, ms: Date.now() - t0 }))
        .catch((err: Error) => log('warn', 'title normaliser failed to warm up', { error: err.message }));
    },
    close: async () => {
      labels.close();
      await encoders.close();
    },
  };
}

/** First start with seeding on: the seed taxonomy, then a generated marketplace through the bulk importer. */
async function seedStore(store: GraphStore): Promise<void> {
  if ((await store.countNodes('Skill')) === 0) {
    const t0 = Date.now();
    const seed = parseSeed(SEED_DIR);
    await loadSeed(store, seed);
    log('info', 'seeded the taxonomy', {
      skills: seed.skills.length,
      occupations: seed.occupations.length,
      ms: Date.now() - t0,
    });
  }
}

async function seedMarketplace(core: Core, config: Config): Promise<void> {
  if (config.seedMembers === 0 || (await core.store.countNodes('Member')) > 0) return;
  const t0 = Date.now();
  const dir = path.join(config.dataDir, 'seed-marketplace');
  const generated = generateMarketplace(loadCatalog(SEED_DIR), dir, {
    members: config.seedMembers,
    jobs: config.seedJobs,
    seed: 42,
  });
  const summary = await importMarketplace(dir, core.marketplace, {
    actor: 'system:seed',
    onProgress: progressReporter(5000, (p) => log('info', 'seeding the marketplace', { ...p })),
  });
  fs.rmSync(dir, { recursive: true, force: true });
  log('info', 'seeded the marketplace', {
    ...generated,
    imported: {
      members: summary.members.imported,
      jobs: summary.jobs.imported,
      interactions: summary.interactions.imported,
    },
    skipped: summary.errors.length,
    ms: Date.now() - t0,
  });
}

/** What a process of several (SKILLGRAPH_WORKERS) gets from the cluster's primary (src/cluster.ts). */
export interface ClusterLink {
  /** The owner's internal URL (a follower forwards mutations there); null while it is down. */
  ownerUrl(): string | null;
  /** Given this process's metrics registry, what /metrics answers with (every process's series). */
  metrics(register: import('prom-client').Registry): () => Promise<string>;
}

/**
 * Starts the service; `link` when it is one process of several (src/cluster.ts). A follower neither seeds,
 * trains, refreshes nor exports: it serves reads and forwards mutations to the owner.
 */
export async function startService(config: Config, link?: ClusterLink): Promise<RunningService> {
  const role = config.role;
  if (role !== 'single' && !link) throw new Error(`a ${role} process is started by the cluster's primary`);
  const follower = role === 'follower' ? link : undefined;
  // A misconfigured Kafka fails the start at once, not after seeding and training.
  // Loaded only when configured (kafkajs is not needed on the embedded outbox).
  const kafka = config.kafka ? await import('./nearline/kafka.ts') : null;
  if (kafka && config.kafka) await kafka.checkKafka(config.kafka);
  // How long each stage of the start took (logged once listening: where a slow start goes).
  const stages: Record<string, number> = {};
  let stageStart = Date.now();
  const stage = (name: string) => {
    stages[name] = Date.now() - stageStart;
    stageStart = Date.now();
  };
  // While tracing (src/telemetry.ts), every store call is a span.
  const opened = await openStore(config);
  const store = tracing()
    ? tracedMethods(opened, 'store', { 'db.system.name': opened.kind === 'neo4j' ? 'neo4j' : 'sqlite' })
    : opened;
  stage('store');
  try {
    const seed = config.seed && role !== 'follower';
    if (seed) await seedStore(store);
    const core = await openCore(store, config);
    stage('core');
    if (seed) await seedMarketplace(core, config);
    stage('seed');
    const { taxonomy, editor, extraction, marketplace } = core;
    const graphEmbeddings = new GraphEmbeddings(
      store,
      { encoder: core.encoder, fast: core.nearlineEncoder },
      config.dataDir,
      (msg, fields) => log('info', msg, fields),
      config.modelDir,
      role === 'follower' ? 'read' : 'write',
    );
    const matching = new MatchingService(store, graphEmbeddings, extraction, config.matchWeights);
    const activatedAt = await store.lastSeq();
    await graphEmbeddings.init({ train: config.trainOnStart && role !== 'follower' });
    stage('model');
    graphEmbeddings.follow();
    // The owner of several processes records each nearline batch's vectors for its followers (served-rows.ts).
    const rowsWriter = role === 'owner' ? new ServedRowsWriter(config.dataDir) : null;
    const warn = (msg: string, fields?: Record<string, unknown>) => log('warn', msg, fields);
    const refresher: Nearline =
      role === 'follower'
        ? new ServedRowsFollower(config.dataDir, store, graphEmbeddings, matching, 20, warn)
        : kafka && config.kafka
          ? new kafka.KafkaNearline(store, matching, graphEmbeddings, config.kafka, log)
          : new NearlineRefresher(
              store,
              matching,
              config.dataDir,
              { onBatch: rowsWriter?.recorder(graphEmbeddings) },
              warn,
            );
    // From the served snapshot's position at the latest (one read back from its file may be older).
    await refresher.start(
      graphEmbeddings.manifest ? Math.min(activatedAt, graphEmbeddings.activationPosition) : activatedAt,
    );
    stage('nearline');
    const exports = new ExportJobs(
      config.dataDir,
      config.exportDir,
      graphEmbeddings,
      (msg, fields) => log('info', msg, fields),
      () => refresher.settle(),
    );
    if (role !== 'follower') exports.resumeInterrupted();
    const forwarding =
      follower &&
      followerForwarding({
        ownerUrl: () => follower.ownerUrl(),
        store: opened as EmbeddedStore,
        taxonomy,
        nearline: refresher as ServedRowsFollower,
        warn,
      });
    const services: Services = {
      store,
      taxonomy,
      editor,
      extraction,
      marketplace,
      titles: core.titles,
      occupations: core.occupations,
      releases: core.releases,
      changeSets: core.changeSets,
      terms: core.terms,
      directEdits: config.directEdits,
      graphEmbeddings,
      matching,
      refresher,
      exports,
    };
    const keys = loadKeyRing({ apiKeys: config.apiKeys, apiKeysFile: config.apiKeysFile, dataDir: config.dataDir });
    const http = await createHttpService({
      services,
      extraMetrics: [(register) => nearlineMetrics(register, refresher)],
      keys,
      development: config.development,
      maxBodyBytes: config.maxBodyBytes,
      maxQueryCost: config.maxQueryCost,
      requestTimeoutMs: config.requestTimeoutMs,
      keepAliveMs: config.keepAliveMs,
      executor: config.graphqlExecutor,
      corsOrigins: config.corsOrigins,
      metricsKey: config.metricsKey,
      logRequests: config.logRequests,
      follower: forwarding,
      clusterMetrics: link?.metrics,
      positions:
        role === 'owner' ? async () => ({ seq: await store.lastSeq(), served: refresher.stats.position }) : undefined,
    });
    const syncTimer = setInterval(
      () => taxonomy.sync().catch((err) => log('warn', 'taxonomy sync failed', { error: String(err) })),
      1000,
    );
    syncTimer.unref();
    const stopTrimming = role === 'follower' ? () => {} : feedTrimmer(store, refresher, config.feedRetention);
    const url = await http.listen(config.port, config.host);
    const internalUrl = role === 'owner' ? await http.listenInternal() : undefined;
    stage('http');
    log('info', 'started', { ms: stages });
    core.warm();
    return {
      url,
      internalUrl,
      store,
      services,
      generatedKey: keys.generated,
      close: async () => {
        clearInterval(syncTimer);
        stopTrimming();
        await http.close();
        await refresher.stop();
        rowsWriter?.close();
        graphEmbeddings.close();
        await core.close();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}

/**
 * Trims the change feed as its retention allows (src/store/retention.ts): a minute after start (a process restarted
 * more often than `everyMs` trims all the same), then every `everyMs`, never past what this process's nearline
 * still needs (a Kafka replica that does not publish does not trim). Returns what stops it.
 */
function feedTrimmer(store: GraphStore, nearline: Nearline, retention: Config['feedRetention']): () => void {
  if (retention.maxAgeMs <= 0) return () => {};
  let running = false;
  const trim = () => {
    const cap = nearline.retainFrom();
    if (running || cap === null) return;
    running = true;
    const t0 = Date.now();
    trimFeed(store, retention, { cap })
      .then((done) => done && log('info', 'trimmed the change feed', { ...done, ms: Date.now() - t0 }))
      .catch((err) => log('warn', 'trimming the change feed failed', { error: String(err) }))
      .finally(() => (running = false));
  };
  let timer: NodeJS.Timeout = setTimeout(
    () => {
      trim();
      timer = setInterval(trim, retention.everyMs);
      timer.unref();
    },
    Math.min(retention.everyMs, 60_000),
  );
  timer.unref();
  return () => clearTimeout(timer);
}
