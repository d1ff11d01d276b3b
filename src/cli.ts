/**
 * `npx skillgraph <command>`: offline jobs against the configured store (SKILLGRAPH_STORE,
 * SKILLGRAPH_DATA_DIR, NEO4J_*). The embedded store cannot be opened while the service runs on
 * the same data directory: stop it first, or use Neo4j.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { DomainError } from './errors.ts';
import { openStore } from './store/open.ts';
import type { GraphStore } from './store/types.ts';
import { importEsco } from './taxonomy/esco.ts';
import { exportTaxonomy, importTaxonomy, parseTaxonomyFile, taxonomyToCsv } from './taxonomy/file.ts';
import type { Progress } from './taxonomy/sync.ts';
import type { DocumentKind } from './extraction/segment.ts';
import { ExtractionService } from './extraction/service.ts';
import { TaxonomyService } from './taxonomy/service.ts';
import { TaxonomyEditor } from './taxonomy/edit.ts';
import { Releases } from './taxonomy/releases.ts';
import { openBuiltinEncoder, openConfiguredEncoder, projectionFile } from './text/open.ts';
import { saveProjection, trainProjection } from './text/projection.ts';
import { TEACHER, openTransformer } from './text/transformer.ts';
import { persistentEncoder, textVectorCacheFile } from './text/vector-cache.ts';
import { taxonomyPairs } from './extraction/train.ts';
import path from 'node:path';
import { importMarketplace, progressReporter } from './marketplace/import.ts';
import {
  GNN_TYPES,
  activeVersion,
  leaseHolder,
  listModels,
  modelsDir,
  pinVersion,
  removeModel,
  takeTrainingLease,
} from '../gnn/index.ts';
import type { FusionOptions, GnnType, TrainLog, TrainOptions } from '../gnn/index.ts';
import { trainAndSave } from './embeddings/training.ts';
import { evaluate, formatReport } from './evaluation/evaluate.ts';
import { GraphEmbeddings } from './embeddings/graph-embeddings.ts';
import { ExportJobs } from './export/jobs.ts';
import type { ExportFormat, ExportKind } from './export/writers.ts';
import { SEED_DIR, openCore } from './service.ts';
import { feedbackPairs } from './marketplace/feedback.ts';
import { generateMarketplace, loadCatalog } from './marketplace/generate.ts';
import { USAGE, usage } from './cli-usage.ts';

/** Progress on stderr: one line per stage, updated in place on a terminal. */
const progress: Progress = (stage, done, total) => {
  const line = `${stage}: ${done}/${total}`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
  else if (done === total) process.stderr.write(`${line}\n`);
};

const TRAIN_FLAGS = {
  epochs: { type: 'string' },
  steps: { type: 'string' },
  batch: { type: 'string' },
  fanouts: { type: 'string' },
  sampling: { type: 'string' },
  hidden: { type: 'string' },
  lr: { type: 'string' },
  seed: { type: 'string' },
  'fusion-steps': { type: 'string' },
  workers: { type: 'string' },
} as const;

function positive(name: string, v: string | undefined): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`--${name} must be a positive integer, got "${v}".`);
  return n;
}

function trainOptions(v: Partial<Record<keyof typeof TRAIN_FLAGS, string>>): Partial<TrainOptions> {
  const o: Partial<TrainOptions> = {};
  if (v.epochs) o.epochs = positive('epochs', v.epochs);
  if (v.steps) o.stepsPerEpoch = positive('steps', v.steps);
  if (v.batch) o.batchSize = positive('batch', v.batch);
  if (v.hidden) o.hidden = o.outDim = positive('hidden', v.hidden);
  if (v.seed) o.seed = positive('seed', v.seed);
  if (v.workers) {
    o.workers = Number(v.workers);
    if (!Number.isInteger(o.workers) || o.workers < 0 || o.workers > 64)
      throw new ConfigError(`--workers must be an integer from 0 (this thread) to 64, got "${v.workers}".`);
  }
  if (v.lr) {
    o.learningRate = Number(v.lr);
    if (!(o.learningRate > 0 && o.learningRate < 1)) throw new ConfigError('--lr must be between 0 and 1.');
  }
  if (v.sampling) {
    if (v.sampling !== 'adaptive' && v.sampling !== 'fixed')
      throw new ConfigError(
        `--sampling is adaptive (by degree) or fixed (the same fan-out everywhere), got "${v.sampling}".`,
      );
    o.sampling = v.sampling;
  }
  if (v.fanouts) {
    const f = v.fanouts.split(',').map((x) => positive('fanouts', x));
    if (f.length < 1 || f.length > 4)
      throw new ConfigError('--fanouts takes one number per layer (1 to 4), hop 1 first, e.g. 10,5 for two layers.');
    o.fanouts = f;
  }
  return o;
}

function fusionOptions(v: Partial<Record<keyof typeof TRAIN_FLAGS, string>>): Partial<FusionOptions> {
  return v['fusion-steps'] ? { steps: positive('fusion-steps', v['fusion-steps']) } : {};
}

/** A progress bar per epoch on stderr, and one line per finished epoch. */
const trainProgress: TrainLog = (e) => {
  if (e.kind === 'step') {
    if (!process.stderr.isTTY) return;
    const width = 30;
    const filled = Math.round((e.step / e.steps) * width);
    process.stderr.write(
      `\repoch ${e.epoch} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${e.step}/${e.steps} loss ${e.loss.toFixed(3)}`,
    );
    return;
  }
  const v = e.log.validation;
  if (process.stderr.isTTY) process.stderr.write('\n');
  process.stderr.write(
    `epoch ${e.log.epoch}: loss ${e.log.loss.toFixed(4)}${v ? `, validation MRR ${v.mrr.toFixed(4)}, Recall@${v.k} ${v.recallAtK.toFixed(4)}` : ''} (${(e.log.ms / 1000).toFixed(1)} s)\n`,
  );
};

async function withStore<T>(work: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await openStore(loadConfig());
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function importEscoCommand(rest: string[]): Promise<number> {
  const dir = rest[0];
  if (!dir || !fs.existsSync(dir))
    throw new ConfigError(`import-esco needs the directory of the ESCO CSV files.\n${USAGE}`);
  const summary = await withStore((store) => importEsco(store, dir, progress));
  console.log(JSON.stringify(summary, null, 2));
  console.error('This service uses the ESCO classification of the European Commission.');
  return 0;
}

async function exportTaxonomyCommand(rest: string[]): Promise<number> {
  const { values } = parseArgs({
    args: rest,
    options: { format: { type: 'string', default: 'json' }, out: { type: 'string' }, release: { type: 'string' } },
  });
  if (values.format !== 'json' && values.format !== 'csv') throw new ConfigError('--format must be json or csv.');
  const t = await withStore(async (store) => {
    if (!values.release) return exportTaxonomy(store);
    const taxonomy = new TaxonomyService(store);
    await taxonomy.init();
    return new Releases(store, new TaxonomyEditor(store, taxonomy)).view(values.release);
  });
  const text = values.format === 'json' ? JSON.stringify(t, null, 2) + '\n' : taxonomyToCsv(t);
  if (values.out) fs.writeFileSync(values.out, text);
  else process.stdout.write(text);
  console.error(`exported ${t.skills.length} skills and ${t.occupations.length} occupations`);
  return 0;
}

async function importTaxonomyCommand(rest: string[]): Promise<number> {
  const file = rest[0];
  if (!file || !fs.existsSync(file))
    throw new ConfigError(`import-taxonomy needs a file written by export-taxonomy.\n${USAGE}`);
  const t = parseTaxonomyFile(fs.readFileSync(file, 'utf8'));
  const summary = await withStore((store) => importTaxonomy(store, t, 'cli:import-taxonomy', progress));
  console.log(
    JSON.stringify({ ...summary, skills: { ...summary.skills, deprecated: summary.skills.deprecated.size } }, null, 2),
  );
  return 0;
}

async function trainEncoderCommand(rest: string[]): Promise<number> {
  const { values } = parseArgs({
    args: rest,
    options: {
      epochs: { type: 'string', default: '4' },
      base: { type: 'string', default: 'builtin' },
      'no-feedback': { type: 'boolean', default: false },
    },
  });
  if (values.base !== 'builtin' && values.base !== 'teacher')
    throw new ConfigError('--base must be builtin or teacher.');
  const config = loadConfig();
  const { taxonomy: fromTaxonomy, feedback: fromFeedback } = await withStore(async (store) => {
    const taxonomy = await taxonomyPairs(store);
    if (values['no-feedback']) return { taxonomy, feedback: [] };
    const core = await openCore(store, config);
    const label = (id: string) => core.taxonomy.skillIndex.labelOf(id);
    return { taxonomy, feedback: await feedbackPairs(store, core.extraction, label) };
  });
  const pairs = [...fromTaxonomy, ...fromFeedback];
  if (pairs.length < 256)
    throw new ConfigError(`Only ${pairs.length} training pairs in the taxonomy; import more skills first.`);
  console.error(
    `training on ${fromTaxonomy.length} taxonomy pairs and ${fromFeedback.length} from people's skill decisions…`,
  );
  const teacherName = config.encoder.kind === 'transformer' ? config.encoder.teacher : TEACHER;
  const base =
    values.base === 'teacher'
      ? await openTransformer(teacherName, config.cacheDir, { log: (m) => console.error(m) })
      : openBuiltinEncoder(config.cacheDir);
  const projection = await trainProjection(base, pairs, {
    epochs: Number(values.epochs),
    outDim: 128,
    log: (m) => console.error(m),
  });
  const file = projectionFile(config.dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  saveProjection(projection, file);
  console.log(JSON.stringify({ file, pairs: pairs.length, baseEncoder: projection.baseId, tag: projection.tag }));
  return 0;
}

async function extractCommand(rest: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      kind: { type: 'string', default: 'job' },
      expand: { type: 'boolean', default: false },
      'min-confidence': { type: 'string', default: '0.3' },
    },
  });
  const kinds: Record<string, DocumentKind> = {
    job: 'JOB_POSTING',
    resume: 'RESUME',
    profile: 'PROFILE',
    text: 'TEXT',
  };
  const kind = kinds[values.kind!];
  if (!kind) throw new ConfigError('--kind must be job, resume, profile or text.');
  const text = fs.readFileSync(positionals[0] ?? 0, 'utf8');
  const config = loadConfig();
  const result = await withStore(async (store) => {
    const taxonomy = new TaxonomyService(store);
    await taxonomy.init();
    const { encoder, isCommonWord } = await openConfiguredEncoder(config, (_level, msg) => console.error(msg));
    const extraction = new ExtractionService(store, encoder, isCommonWord);
    await extraction.init(taxonomy);
    const r = await extraction.extract(text, {
      kind,
      expand: values.expand!,
      minConfidence: Number(values['min-confidence']),
    });
    const labels = await store.getNodes(
      'Skill',
      r.skills.map((s) => s.skillId),
    );
    return { ...r, skills: r.skills.map((s, i) => ({ label: labels[i]?.props.label, ...s })) };
  });
  console.log(JSON.stringify(result, null, 2));
  return 0;
}

async function generateMarketplaceCommand(rest: string[]): Promise<number> {
  const { values } = parseArgs({
    args: rest,
    options: {
      out: { type: 'string' },
      members: { type: 'string', default: '3000' },
      jobs: { type: 'string', default: '1500' },
      seed: { type: 'string', default: '42' },
      'interactions-per-member': { type: 'string', default: '6' },
      esco: { type: 'string' },
    },
  });
  if (!values.out) throw new ConfigError(`generate-marketplace needs --out DIR.\n${USAGE}`);
  const n = (name: string, v: string | undefined) => {
    const x = Number(v);
    if (!Number.isInteger(x) || x < 0) throw new ConfigError(`--${name} must be a non-negative integer.`);
    return x;
  };
  if (values.esco && !fs.existsSync(path.join(values.esco, 'occupations_en.csv')))
    throw new ConfigError(`--esco ${values.esco} has no occupations_en.csv.`);
  const t0 = Date.now();
  const summary = generateMarketplace(loadCatalog(SEED_DIR, values.esco), values.out, {
    members: n('members', values.members),
    jobs: n('jobs', values.jobs),
    seed: n('seed', values.seed),
    interactionsPerMember: n('interactions-per-member', values['interactions-per-member']),
    onProgress: progress,
  });
  console.log(JSON.stringify({ ...summary, out: values.out, ms: Date.now() - t0 }));
  return 0;
}

async function importCommand(rest: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: rest,
    options: { 'allow-partial': { type: 'boolean', default: false }, fast: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const dir = positionals[0];
  if (!dir)
    throw new ConfigError(
      `import needs a directory with members.jsonl, jobs.jsonl and/or interactions.jsonl.\n${USAGE}`,
    );
  const config = loadConfig();
  const summary = await withStore(async (store) => {
    if ((await store.countNodes('Skill')) === 0)
      console.error(
        'warning: the store has no skills, so nothing will be extracted; start the service once (it seeds the taxonomy) or run import-esco first.',
      );
    const core = await openCore(store, config);
    return importMarketplace(dir, core.marketplace, {
      actor: 'cli:import',
      fast: values.fast,
      // At most one line a second, and always the first and last stored batch of each file.
      onProgress: progressReporter(1000, (p) =>
        process.stderr.write(
          `${p.file}: ${p.lines} lines read (${p.percent}%), ${p.stored} stored, ${p.skipped} skipped, ` +
            `${p.recordsPerSecond} records/s` +
            (p.secondsLeft !== null ? `, about ${p.secondsLeft} s left in this file\n` : '\n'),
        ),
      ),
    });
  });
  console.log(JSON.stringify(summary, null, 2));
  const failed = summary.members.failed + summary.jobs.failed + summary.interactions.failed;
  if (!failed) return 0;
  console.error(
    `${failed} lines skipped (the first ${summary.errors.length} are listed under errors)` +
      (values['allow-partial']
        ? '; --allow-partial: exit status 0.'
        : '; fix them and re-run, or pass --allow-partial.'),
  );
  return values['allow-partial'] ? 0 : 1;
}

async function trainCommand(rest: string[]): Promise<number> {
  const { values } = parseArgs({ args: rest, options: TRAIN_FLAGS });
  const config = loadConfig();
  const manifest = await withStore(async (store) => {
    const { encoder } = await openConfiguredEncoder(config, (_level, msg) => console.error(msg));
    // One trainer at a time over a models directory replicas share.
    const release = takeTrainingLease(config.modelDir, `skillgraph train pid ${process.pid}`);
    if (!release)
      throw new ConfigError(
        `Another process is training into ${config.modelDir} (${JSON.stringify(leaseHolder(config.modelDir))}); wait for it, or remove the lease file if that process is gone.`,
      );
    const features = persistentEncoder(encoder, textVectorCacheFile(config.dataDir));
    try {
      const { manifest } = await trainAndSave(store, features, config.modelDir, {
        train: trainOptions(values),
        fusion: fusionOptions(values),
        log: (m) => console.error(m),
        onTrain: trainProgress,
      });
      return manifest;
    } finally {
      features.close();
      release();
    }
  });
  console.log(
    JSON.stringify(
      {
        version: manifest.version,
        bestEpoch: manifest.bestEpoch,
        validation: manifest.epochs[manifest.bestEpoch - 1]?.validation,
        trainingMs: manifest.trainingMs,
        dir: path.join(modelsDir(config.modelDir), manifest.version),
      },
      null,
      2,
    ),
  );
  return 0;
}

async function exportCommand(rest: string[]): Promise<number> {
  const { values } = parseArgs({
    args: rest,
    options: {
      out: { type: 'string' },
      types: { type: 'string', default: 'member,job' },
      kinds: { type: 'string', default: 'graph,fused' },
      format: { type: 'string', default: 'npy' },
      version: { type: 'string' },
      'rows-per-file': { type: 'string' },
    },
  });
  if (!values.out) throw new ConfigError(`export needs --out DIR.\n${USAGE}`);
  const rowsPerFile = values['rows-per-file'] === undefined ? null : Number(values['rows-per-file']);
  const config = loadConfig();
  const out = path.resolve(values.out);
  const types = values
    .types!.split(',')
    .map((t) => t.trim().toLowerCase())
    .map((t) => GNN_TYPES.find((g) => g.toLowerCase() === t) ?? t) as GnnType[];
  const job = await withStore(async (store) => {
    const { encoder } = await openConfiguredEncoder(config, (_level, msg) => console.error(msg));
    const embeddings = new GraphEmbeddings(store, { encoder }, config.dataDir, undefined, config.modelDir);
    const jobs = new ExportJobs(config.dataDir, path.dirname(out), embeddings);
    if (!values.version && !activeVersion(config.modelDir))
      throw new ConfigError('No model version to export; run `skillgraph train` first.');
    let last = 0;
    const started = jobs.start({
      nodeTypes: types,
      kinds: values.kinds!.split(',').map((k) => k.trim().toUpperCase()) as ExportKind[],
      format: values.format!.toUpperCase() as ExportFormat,
      destination: path.basename(out),
      version: values.version ?? activeVersion(config.modelDir),
      rowsPerFile,
    });
    const timer = setInterval(() => {
      const j = jobs.get(started.id);
      if (j && j.rows !== last) process.stderr.write(`export: ${(last = j.rows)}/${j.totalRows ?? '?'} rows\n`);
    }, 1000);
    await jobs.idle();
    clearInterval(timer);
    embeddings.close();
    return jobs.get(started.id)!;
  });
  console.log(JSON.stringify(job, null, 2));
  return job.status === 'SUCCEEDED' ? 0 : 1;
}

async function modelsCommand(rest: string[]): Promise<number> {
  const config = loadConfig();
  const [action, arg] = rest;
  if (action === 'use') {
    pinVersion(config.modelDir, arg === '--newest' ? null : (arg ?? null));
    console.error(
      arg === '--newest'
        ? 'serving the newest version'
        : `pinned ${arg}; services over this models directory switch to it within seconds`,
    );
    return 0;
  }
  if (action === 'remove') {
    if (!arg) throw new ConfigError('models remove needs a version.');
    removeModel(config.modelDir, arg);
    return 0;
  }
  const active = activeVersion(config.modelDir);
  const rows = listModels(config.modelDir).map((m) => ({
    version: m.version,
    active: m.version === active,
    createdAt: m.createdAt,
    encoder: m.encoder,
    bestEpoch: m.bestEpoch,
    validation: m.epochs[m.bestEpoch - 1]?.validation ?? null,
    nodes: m.data.nodes,
  }));
  console.log(JSON.stringify(rows, null, 2));
  return 0;
}

async function evaluateCommand(rest: string[]): Promise<number> {
  const { values } = parseArgs({
    args: rest,
    options: {
      ...TRAIN_FLAGS,
      holdout: { type: 'string' },
      split: { type: 'string' },
      fraction: { type: 'string', default: '0.1' },
      'cold-fraction': { type: 'string', default: '0.05' },
      k: { type: 'string', default: '10' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.split && values.split !== 'random' && values.split !== 'time')
    throw new ConfigError('--split must be random or time.');
  if (values.holdout && !fs.existsSync(values.holdout)) throw new ConfigError(`${values.holdout} does not exist.`);
  const config = loadConfig();
  const report = await withStore(async (store) => {
    const { encoder } = await openConfiguredEncoder(config, (_level, msg) => console.error(msg));
    const features = persistentEncoder(encoder, textVectorCacheFile(config.dataDir));
    try {
      return await evaluate(store, features, {
        holdoutFile: values.holdout,
        split: (values.split ?? 'time') as 'random' | 'time',
        fraction: Number(values.fraction),
        k: positive('k', values.k),
        train: trainOptions(values),
        fusion: fusionOptions(values),
        coldFraction: Number(values['cold-fraction']),
        seed: values.seed ? positive('seed', values.seed) : undefined,
        log: (m) => console.error(m),
        onTrain: trainProgress,
      });
    } finally {
      features.close();
    }
  });
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
  return 0;
}

/** One handler per command; each gets the arguments after the command name. */
const COMMANDS: Record<string, (rest: string[]) => Promise<number>> = {
  'import-esco': importEscoCommand,
  'export-taxonomy': exportTaxonomyCommand,
  'import-taxonomy': importTaxonomyCommand,
  'train-encoder': trainEncoderCommand,
  extract: extractCommand,
  'generate-marketplace': generateMarketplaceCommand,
  import: importCommand,
  train: trainCommand,
  export: exportCommand,
  models: modelsCommand,
  evaluate: evaluateCommand,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '-h' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(usage(command));
    return 0;
  }
  const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!handler) {
    console.error(`unknown command "${command}"\n${USAGE}`);
    return 2;
  }
  return handler(rest);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof ConfigError || err instanceof DomainError) {
    console.error(`skillgraph: ${err.message}`);
    process.exitCode = 2;
  } else throw err;
}
