/**
 * Extraction benchmark on the seed taxonomy (one core, one process): trie tagger throughput
 * on a 1 MB corpus, full-pipeline p50/p99 for a 600-word job posting, and encoder throughput
 * (sentences/s), cached and uncached. Baseline in the same run: a plain regular-expression
 * scan over the same names (one alternation, word boundaries) for the trie.
 * Usage: npm run bench:extraction [-- --runs 300 --projection FILE]
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
import { PROJECTION_BASE_WEIGHT, openBuiltinEncoder } from '../src/text/open.ts';
import { ProjectedEncoder, loadProjection } from '../src/text/projection.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '300' }, projection: { type: 'string' } } });
const RUNS = Number(values.runs);
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

// Pipeline latency (semantic tagger included), warm.
for (let i = 0; i < 20; i++) await extraction.extract(doc, { kind: 'JOB_POSTING', expand: false, minConfidence: 0.3 });
const lat: number[] = [];
const latExpand: number[] = [];
for (let i = 0; i < RUNS; i++) {
  let s = performance.now();
  await extraction.extract(doc, { kind: 'JOB_POSTING', expand: false, minConfidence: 0.3 });
  lat.push(performance.now() - s);
  s = performance.now();
  await extraction.extract(doc, { kind: 'JOB_POSTING', expand: true, minConfidence: 0.3 });
  latExpand.push(performance.now() - s);
}

// Encoder throughput on distinct sentences, then through the cache.
const sentences = Array.from({ length: 5000 }, () => `${pick(filler)} ${pick(seed.skills).description}`);
const raw = new BuiltinEncoder(builtin.glove);
t = performance.now();
await raw.embed(sentences);
const encPerSec = sentences.length / ((performance.now() - t) / 1000);
const cached = new CachedEncoder(raw);
await cached.embed(sentences);
t = performance.now();
await cached.embed(sentences);
const cachedPerSec = sentences.length / ((performance.now() - t) / 1000);

const result = {
  bench: 'extraction',
  encoder: encoder.id,
  skills: extraction.index.size,
  trie_mb_per_s: +(1 / trieSeconds).toFixed(2),
  trie_matches: matches,
  regex_baseline_mb_per_s: +(1 / regexSeconds).toFixed(2),
  regex_matches: regexMatches,
  posting_words: words,
  pipeline_p50_ms: +pct(lat, 50).toFixed(2),
  pipeline_p99_ms: +pct(lat, 99).toFixed(2),
  pipeline_expand_p50_ms: +pct(latExpand, 50).toFixed(2),
  pipeline_expand_p99_ms: +pct(latExpand, 99).toFixed(2),
  encoder_sentences_per_s: Math.round(encPerSec),
  cached_encoder_sentences_per_s: Math.round(cachedPerSec),
};
console.log(
  `\ntrie tagger        ${result.trie_mb_per_s} MB/s (${matches} matches)   regex baseline ${result.regex_baseline_mb_per_s} MB/s (${regexMatches} matches)`,
);
console.log(
  `pipeline (${words} words)  p50 ${result.pipeline_p50_ms} ms  p99 ${result.pipeline_p99_ms} ms   with expansion p50 ${result.pipeline_expand_p50_ms} ms  p99 ${result.pipeline_expand_p99_ms} ms`,
);
console.log(
  `encoder            ${result.encoder_sentences_per_s} sentences/s   cached ${result.cached_encoder_sentences_per_s} sentences/s`,
);
console.log(JSON.stringify(result));
await store.close();
fs.rmSync(dir, { recursive: true, force: true });
