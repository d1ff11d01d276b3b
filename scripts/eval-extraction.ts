/**
 * `npm run eval:extraction`: the TECH/HOUSE skill-extraction protocol (Decorte et al. 2022,
 * spans from SkillSpan, Zhang et al. 2022) on ../shared/eval validation splits.
 *
 * For every sentence with at least one real ESCO label (LABEL NOT PRESENT / UNDERSPECIFIED
 * dropped, duplicates removed) all 13,896 labels are ranked; RP@5, RP@10 and MRR are
 * macro-averaged over sentences, for the trie tagger alone, the semantic tagger alone and the
 * combination the service uses. Label texts are enriched with ESCO alternative labels where
 * ../shared/esco knows the label (taxonomy data, never evaluation sentences).
 *
 * With --projection FILE the built-in encoder gets a projection trained by
 * `skillgraph train-encoder` (for example on a store that imported ../shared/esco).
 * Usage: npm run eval:extraction [-- --annotations FILE ... --labels FILE --esco DIR --projection FILE --json]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { rankLabels } from '../src/extraction/rank.ts';
import type { LabelIndex } from '../src/extraction/rank.ts';
import { buildLabelIndex } from '../src/extraction/rank.ts';
import { PROJECTION_BASE_WEIGHT, openBuiltinEncoder } from '../src/text/open.ts';
import { ProjectedEncoder, loadProjection } from '../src/text/projection.ts';

const { values } = parseArgs({
  options: {
    annotations: { type: 'string', multiple: true },
    labels: { type: 'string', default: '../shared/eval/esco_v110_skill_labels.txt' },
    esco: { type: 'string', default: '../shared/esco' },
    json: { type: 'boolean', default: false },
    projection: { type: 'string' },
    'base-weight': { type: 'string', default: String(PROJECTION_BASE_WEIGHT) },
  },
});
const files = values.annotations ?? [
  '../shared/eval/tech_validation_annotations.csv',
  '../shared/eval/house_validation_annotations.csv',
];
const IGNORE = new Set(['LABEL NOT PRESENT', 'UNDERSPECIFIED']);

function escoAltLabels(dir: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const file = path.join(dir, 'skills_en.csv');
  if (!fs.existsSync(file)) return out;
  for (const r of parse(fs.readFileSync(file), { columns: true, relax_column_count: true }) as Array<
    Record<string, string>
  >) {
    out.set(
      r.preferredLabel.toLowerCase(),
      (r.altLabels ?? '')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
    );
  }
  return out;
}

interface Metrics {
  rp5: number;
  rp10: number;
  mrr: number;
}

function score(ranked: number[], gold: Set<number>): Metrics {
  const rp = (k: number) => ranked.slice(0, k).filter((i) => gold.has(i)).length / Math.min(k, gold.size);
  const first = ranked.findIndex((i) => gold.has(i));
  return { rp5: rp(5), rp10: rp(10), mrr: first < 0 ? 0 : 1 / (first + 1) };
}

const mean = (xs: Metrics[]): Metrics => ({
  rp5: (100 * xs.reduce((s, x) => s + x.rp5, 0)) / xs.length,
  rp10: (100 * xs.reduce((s, x) => s + x.rp10, 0)) / xs.length,
  mrr: (100 * xs.reduce((s, x) => s + x.mrr, 0)) / xs.length,
});

const labels = fs
  .readFileSync(values.labels!, 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
const alts = escoAltLabels(values.esco!);
const builtin = openBuiltinEncoder(process.env.SKILLGRAPH_CACHE_DIR);
const encoder = values.projection
  ? new ProjectedEncoder(builtin, loadProjection(values.projection), Number(values['base-weight']))
  : builtin;
const t0 = performance.now();
const index: LabelIndex = await buildLabelIndex(
  Object.assign(encoder, { glove: builtin.glove }),
  labels.map((label, i) => ({ id: String(i), label, aliases: alts.get(label.toLowerCase()) ?? [] })),
);
if (!values.json)
  console.error(
    `indexed ${labels.length} labels (${alts.size ? 'with ESCO alternative labels' : 'labels only'}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
const labelIndex = new Map(labels.map((l, i) => [l, i]));

const rows: Array<Record<string, unknown>> = [];
for (const file of files) {
  const records = parse(fs.readFileSync(file), { columns: true }) as Array<{ sentence: string; label: string }>;
  const gold = new Map<string, Set<number>>();
  let unknown = 0;
  for (const r of records) {
    if (IGNORE.has(r.label)) continue;
    const i = labelIndex.get(r.label);
    if (i === undefined) {
      unknown++;
      continue;
    }
    if (!gold.has(r.sentence)) gold.set(r.sentence, new Set());
    gold.get(r.sentence)!.add(i);
  }
  const results: Record<'trie' | 'semantic' | 'combined', Metrics[]> = { trie: [], semantic: [], combined: [] };
  const started = performance.now();
  for (const [sentence, g] of gold) {
    const ranked = await rankLabels(index, sentence);
    results.trie.push(score(ranked.trie.map(Number), g));
    results.semantic.push(score(ranked.semantic.map(Number), g));
    results.combined.push(score(ranked.combined.map(Number), g));
  }
  const msPerSentence = (performance.now() - started) / gold.size;
  for (const method of ['trie', 'semantic', 'combined'] as const) {
    const m = mean(results[method]);
    const row = {
      file: path.basename(file),
      method,
      sentences: gold.size,
      rp5: +m.rp5.toFixed(2),
      rp10: +m.rp10.toFixed(2),
      mrr: +m.mrr.toFixed(2),
      ms_per_sentence: +msPerSentence.toFixed(1),
      labels_not_in_label_space: unknown,
      encoder: encoder.id,
    };
    rows.push(row);
    if (values.json) console.log(JSON.stringify(row));
  }
}
if (!values.json) {
  console.log('\nfile                                method     sentences    RP@5   RP@10     MRR');
  for (const r of rows)
    console.log(
      `${String(r.file).padEnd(35)} ${String(r.method).padEnd(10)} ${String(r.sentences).padStart(9)} ${String(r.rp5).padStart(7)} ${String(r.rp10).padStart(7)} ${String(r.mrr).padStart(7)}`,
    );
}
