/**
 * Extraction benchmark on the seed taxonomy (one process): trie tagger throughput on a 1 MB
 * corpus, full-pipeline p50/p99 for a 600-word job posting, and encoder throughput (sentences/s),
 * for the built-in encoder, the teacher (the pinned transformer, every core: the bulk paths) and
 * the student (the int8 teacher with two layers left out, on one core: the request paths; skill
 * vectors by the teacher, as the service runs it) and the whole int8 model (`int8-all`, the student
 * before the cut) side by side. Baseline in the same run: a plain regular-expression scan over
 * the same names (one alternation, word boundaries) for the trie.
 * Usage: npm run bench:extraction [-- --runs 300 --transformer-runs 100 --projection FILE --builtin-only]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { commonWordTest } from '../src/text/glove.ts';
import { ExtractionService } from '../src/extraction/service.ts';
import { EmbeddedStore } from '../src/store/embedded.ts';
import { loadSeed, parseSeed } from '../src/taxonomy/seed.ts';
import { TaxonomyService } from '../src/taxonomy/service.ts';
import { SEED_DIR } from '../src/service.ts';
import { BuiltinEncoder, CachedEncoder } from '../src/text/builtin.ts';
import { DEFAULT_CACHE_DIR, PROJECTION_BASE_WEIGHT, openBuiltinEncoder } from '../src/text/open.ts';
import { ProjectedEncoder, loadProjection } from '../src/text/projection.ts';
import { extractSkills } from '../src/extraction/extract.ts';
import { EncoderPool } from '../src/text/encoder-pool.ts';
import { STUDENT, TEACHER, openTransformer, uncut } from '../src/text/transformer.ts';
import type { TextEncoder } from '../src/text/types.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '300' },
    'transformer-runs': { type: 'string', default: '100' },
    projection: { type: 'string' },
    'builtin-only': { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const TRANSFORMER_RUNS = Number(values['transformer-runs']);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-bench-ex-'));
const store = EmbeddedStore.open({ dataDir: dir });
const seed = parseSeed(SEED_DIR);
await loadSeed(store, seed);
const taxonomy = new TaxonomyService(store);
await taxonomy.init();
const builtin = openBuiltinEncoder();
const encoder = values.projection
  ? new ProjectedEncoder(builtin, loadProjection(values.projection), PROJECTION_BASE_WEIGHT)
  : builtin;
const extraction = new ExtractionService(store, encoder, commonWordTest(builtin.glove));
await extraction.init(taxonomy);

// A 600-word posting assembled from the seed's own occupations and skills, deterministically.
const rand = (() => {
  let s = 7;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
})();
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
const filler = [
  'You will work with a friendly team on',
  'We expect solid experience in',
  'Day to day you will use',
  'Bonus if you know',
  'Our customers rely on',
  'Help us improve',
];
function posting(): string {
  const occ = pick(seed.occupations);
  const skills = seed.skills;
  const lines = [`${occ.label} at Example Corp`, '', 'About us:', occ.description, '', 'What you will do'];
  const wordsOf = (ls: string[]) => ls.join(' ').split(/\s+/).length;
  while (wordsOf(lines) < 300)
    lines.push(`- ${pick(filler)} ${pick(skills).label.toLowerCase()} and ${pick(skills).description.toLowerCase()}`);
  lines.push('', 'Requirements:');
  while (wordsOf(lines) < 550)
    lines.push(`- ${pick(filler)} ${pick(skills).label} (${pick(skills).aliases[0] ?? 'any'}).`);
  lines.push(
    '',
    'Benefits',
    'Flexible hours, a learning budget and private health insurance for the whole family and friends.',
  );
  return lines.join('\n');
}
const doc = posting();
const words = doc.split(/\s+/).length;

// 1 MB corpus for the trie.
let corpus = '';
while (corpus.length < 1_000_000) corpus += posting() + '\n\n';
corpus = corpus.slice(0, 1_000_000);
const trie = extraction.index.trie;
let t = performance.now();
const matches = trie.match(corpus).length;
const trieSeconds = (performance.now() - t) / 1000;
const names = seed.skills.flatMap((s) => [s.label, ...s.aliases]).sort((a, b) => b.length - a.length);
const regex = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);
t = performance.now();
const regexMatches = corpus.match(regex)?.length ?? 0;
const regexSeconds = (performance.now() - t) / 1000;

const sentences = Array.from({ length: 5000 }, () => `${pick(filler)} ${pick(seed.skills).description}`);

interface Setting {
  name: string;
  labels: TextEncoder;
  sentences: TextEncoder;
  runs: number;
  /** Sentences for the throughput run. */
  throughput: number;
}
const settings: Setting[] = [{ name: 'builtin', labels: encoder, sentences: encoder, runs: RUNS, throughput: 5000 }];
if (!values['builtin-only']) {
  const cores = Math.max(1, os.availableParallelism());
  const teacher = await openTransformer(TEACHER, DEFAULT_CACHE_DIR, { threads: cores, log: (m) => console.error(m) });
  const student = await openTransformer(STUDENT, DEFAULT_CACHE_DIR, { threads: 1, batchSize: 8 });
  const whole = await openTransformer(uncut(STUDENT), DEFAULT_CACHE_DIR, { threads: 1, batchSize: 8 });
  settings.push({ name: 'teacher', labels: teacher, sentences: teacher, runs: TRANSFORMER_RUNS, throughput: 2000 });
  settings.push({ name: 'student', labels: teacher, sentences: student, runs: TRANSFORMER_RUNS, throughput: 2000 });
  if (whole.id !== student.id)
    settings.push({ name: 'int8-all', labels: teacher, sentences: whole, runs: TRANSFORMER_RUNS, throughput: 2000 });
  // As the service runs it: the student on worker threads, one core each (src/text/encoder-pool.ts).
  const pooled = await EncoderPool.open(STUDENT, DEFAULT_CACHE_DIR, { workers: cores, batchSize: 8 });
  settings.push({
    name: 'student-workers',
    labels: teacher,
    sentences: pooled,
    runs: TRANSFORMER_RUNS,
    throughput: 2000,
  });
}

const rows: Array<Record<string, unknown>> = [];
let indexFor: { id: string; extraction: ExtractionService } = { id: encoder.id, extraction };
for (const st of settings) {
  if (indexFor.id !== st.labels.id) {
    const e = new ExtractionService(store, st.labels, commonWordTest(builtin.glove), st.sentences);
    const t0 = performance.now();
    await e.init(taxonomy);
    console.error(`${st.name}: indexed ${e.index.size} skills in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    indexFor = { id: st.labels.id, extraction: e };
  }
  const ex = indexFor.extraction;
  const opts = { kind: 'JOB_POSTING' as const, expand: false, minConfidence: 0.3, sentenceEncoder: st.sentences };
  const run = (expand: boolean) => extractSkills(ex.index, store, doc, { ...opts, expand });
  // Pipeline latency (semantic tagger included), warm; the encoders are not cached here.
  for (let i = 0; i < 10; i++) await run(false);
  const lat: number[] = [];
  const latExpand: number[] = [];
  for (let i = 0; i < st.runs; i++) {
    let s = performance.now();
    await run(false);
    lat.push(performance.now() - s);
    if (st.name !== 'builtin') continue;
    s = performance.now();
    await run(true);
    latExpand.push(performance.now() - s);
  }
  const semanticSentences = (await run(false)).skills.length;
  // Encoder throughput on distinct sentences.
  const batch = sentences.slice(0, st.throughput);
  t = performance.now();
  for (let i = 0; i < batch.length; i += 256) await st.sentences.embed(batch.slice(i, i + 256));
  const encPerSec = batch.length / ((performance.now() - t) / 1000);
  rows.push({
    setting: st.name,
    encoder: st.sentences.id,
    label_encoder: st.labels.id,
    pipeline_p50_ms: +pct(lat, 50).toFixed(2),
    pipeline_p99_ms: +pct(lat, 99).toFixed(2),
    ...(latExpand.length
      ? {
          pipeline_expand_p50_ms: +pct(latExpand, 50).toFixed(2),
          pipeline_expand_p99_ms: +pct(latExpand, 99).toFixed(2),
        }
      : {}),
    pipeline_runs: st.runs,
    skills_found: semanticSentences,
    encoder_sentences_per_s: Math.round(encPerSec),
  });
}

// The content-hash cache in front of the built-in encoder.
const raw = new BuiltinEncoder(builtin.glove);
const cached = new CachedEncoder(raw);
await cached.embed(sentences);
t = performance.now();
await cached.embed(sentences);
const cachedPerSec = sentences.length / ((performance.now() - t) / 1000);

const result = {
  bench: 'extraction',
  skills: extraction.index.size,
  trie_mb_per_s: +(1 / trieSeconds).toFixed(2),
  trie_matches: matches,
  regex_baseline_mb_per_s: +(1 / regexSeconds).toFixed(2),
  regex_matches: regexMatches,
  posting_words: words,
  cached_encoder_sentences_per_s: Math.round(cachedPerSec),
  settings: rows,
};
console.log(
  `\ntrie tagger        ${result.trie_mb_per_s} MB/s (${matches} matches)   regex baseline ${result.regex_baseline_mb_per_s} MB/s (${regexMatches} matches)`,
);
console.log(`\npipeline on a ${words}-word posting, and encoder throughput:`);
console.log('setting            p50 ms   p99 ms   sentences/s   skills   encoder (sentences)');
for (const r of rows)
  console.log(
    `${String(r.setting).padEnd(17)} ${String(r.pipeline_p50_ms).padStart(7)} ${String(r.pipeline_p99_ms).padStart(8)} ${String(r.encoder_sentences_per_s).padStart(13)} ${String(r.skills_found).padStart(8)}   ${r.encoder}`,
  );
const b = rows[0];
console.log(`builtin with expansion: p50 ${b.pipeline_expand_p50_ms} ms, p99 ${b.pipeline_expand_p99_ms} ms`);
console.log(`content-hash cache: ${result.cached_encoder_sentences_per_s} sentences/s`);
console.log(JSON.stringify(result));
await store.close();
fs.rmSync(dir, { recursive: true, force: true });
