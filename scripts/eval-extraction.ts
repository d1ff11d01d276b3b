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
 * --encoder (repeatable) picks what is measured: `configured` (the default: the encoder the
 * service is configured with, SKILLGRAPH_ENCODER…), `builtin`, `teacher` (the pinned transformer),
 * `student` (labels by the teacher, sentences by the student, as the service's latency paths do)
 * or a transformer name (transformer.ts). --compare measures builtin, teacher and student side by
 * side in one run. With --projection FILE the built-in encoder gets a projection trained by
 * `skillgraph train-encoder`. Every JSON line names the encoders that made it.
 *
 * --feedback measures the configured extraction against people's decisions in the configured store
 * (SKILLGRAPH_STORE, SKILLGRAPH_DATA_DIR, NEO4J_URI…) instead: src/evaluation/feedback.ts.
 * Usage: npm run eval:extraction [-- --encoder E … | --compare] [--annotations FILE …] [--labels FILE]
 *        [--esco DIR] [--projection FILE] [--json]
 *        npm run eval:extraction -- --feedback [--json]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { loadConfig } from '../src/config.ts';
import { rankLabels } from '../src/extraction/rank.ts';
import type { LabelIndex } from '../src/extraction/rank.ts';
import { buildLabelIndex } from '../src/extraction/rank.ts';
import { PROJECTION_BASE_WEIGHT, openBuiltinEncoder, openConfiguredEncoder } from '../src/text/open.ts';
import { ProjectedEncoder, loadProjection } from '../src/text/projection.ts';
import { STUDENT, TEACHER, TRANSFORMERS, openTransformer, transformerName } from '../src/text/transformer.ts';
import type { TransformerName } from '../src/text/transformer.ts';
import type { TextEncoder } from '../src/text/types.ts';
import { commonWordTest } from '../src/text/glove.ts';
import { DistilledEncoder, loadDistilledMap } from '../src/text/distilled.ts';
import { evaluateAgainstFeedback, feedbackRates } from '../src/evaluation/feedback.ts';
import { openCore } from '../src/service.ts';
import { openStore } from '../src/store/open.ts';

const { values } = parseArgs({
  options: {
    annotations: { type: 'string', multiple: true },
    labels: { type: 'string', default: '../shared/eval/esco_v110_skill_labels.txt' },
    esco: { type: 'string', default: '../shared/esco' },
    json: { type: 'boolean', default: false },
    projection: { type: 'string' },
    encoder: { type: 'string', multiple: true },
    compare: { type: 'boolean', default: false },
    'student-map': { type: 'string' },
    'base-weight': { type: 'string', default: String(PROJECTION_BASE_WEIGHT) },
    feedback: { type: 'boolean', default: false },
  },
});

if (values.feedback) {
  const store = await openStore(loadConfig());
  try {
    const core = await openCore(store, loadConfig());
    const report = await evaluateAgainstFeedback(store, core.extraction, (label, done) =>
      process.stderr.write(`${label}: ${done} read\n`),
    );
    const rows = (['job', 'member', 'total'] as const).map((k) => ({
      kind: k,
      ...report[k],
      ...feedbackRates(report[k]),
    }));
    if (values.json) console.log(JSON.stringify({ mode: 'feedback', rows }, null, 2));
    else {
      const pct = (x: number | null) => (x === null ? '   —  ' : `${(100 * x).toFixed(1).padStart(5)}%`);
      console.log('kind    subjects  judged  rejected  precision  confirmed  recall  added  recall');
      for (const r of rows)
        console.log(
          `${r.kind.padEnd(7)} ${String(r.subjects).padStart(8)} ${String(r.judgedExtracted).padStart(7)} ${String(r.rejectedExtracted).padStart(9)}  ${pct(r.precision)}    ${String(r.confirmed).padStart(7)}  ${pct(r.recallConfirmed)} ${String(r.added).padStart(6)}  ${pct(r.recallAdded)}`,
        );
    }
  } finally {
    await store.close();
  }
  process.exit(0);
}
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
const config = loadConfig();
const builtin = openBuiltinEncoder(config.cacheDir);
const isCommonWord = commonWordTest(builtin.glove);
const log = (m: string) => {
  if (!values.json) console.error(m);
};

/** One measured setting: the encoder that embeds the labels, and the one that embeds the sentences. */
interface Setting {
  name: string;
  labels: TextEncoder;
  sentences: TextEncoder;
}
const transformers = new Map<TransformerName, TextEncoder>();
const transformer = async (name: TransformerName, opts: { threads?: number } = {}) => {
  if (!transformers.has(name)) transformers.set(name, await openTransformer(name, config.cacheDir, { log, ...opts }));
  return transformers.get(name)!;
};
const projection = values.projection ? loadProjection(values.projection) : null;
/** The encoder with the --projection on top when it was trained on this encoder (name + "+tuning"). */
const tuned = (name: string, enc: TextEncoder): Setting[] => {
  const plain = { name, labels: enc, sentences: enc };
  if (projection?.baseId !== enc.id) return [plain];
  const p = new ProjectedEncoder(enc, projection, Number(values['base-weight']));
  return [plain, { name: `${name}+tuning`, labels: p, sentences: p }];
};
async function setting(choice: string): Promise<Setting[]> {
  if (choice === 'builtin') return tuned('builtin', builtin);
  if (choice === 'teacher' || choice === 'student') {
    const c = config.encoder;
    const teacherName = c.kind === 'transformer' ? c.teacher : TEACHER;
    const studentName = c.kind === 'transformer' && c.student ? c.student : STUDENT;
    const teacher = await transformer(teacherName);
    if (choice === 'teacher') return tuned('teacher', teacher);
    return [{ name: choice, labels: teacher, sentences: await transformer(studentName) }];
  }
  if (choice in TRANSFORMERS) return tuned(choice, await transformer(choice as TransformerName));
  if (choice === 'configured') {
    const { encoder } = await openConfiguredEncoder(config, (_l, m) => log(m));
    return [{ name: 'configured', labels: encoder, sentences: encoder }];
  }
  throw new Error(
    `--encoder must be configured, builtin, teacher, student or one of ${Object.keys(TRANSFORMERS).join(', ')}`,
  );
}
const choices = values.compare ? ['builtin', 'teacher', 'student'] : (values.encoder ?? ['configured']);
const settings: Setting[] = [];
for (const c of choices) settings.push(...(await setting(c)));
if (values['student-map']) {
  // The distilled student: labels by the teacher it was fitted to, sentences by the built-in encoder
  // mapped into its space.
  const map = loadDistilledMap(values['student-map']);
  const teacher = [...transformers.values()].find((t) => t.id === map.teacherId) ?? (await transformer(TEACHER));
  const base =
    map.baseId === builtin.id
      ? builtin
      : await transformer(transformerName(map.baseId.replace(/^transformer:/, '').replace(/@.*/, '')), { threads: 1 });
  settings.push({ name: 'distilled', labels: teacher, sentences: new DistilledEncoder(base, map) });
}

// One label index per label encoder (teacher and student share the teacher's).
const indexes = new Map<string, LabelIndex>();
for (const s of settings) {
  if (indexes.has(s.labels.id)) continue;
  const t0 = performance.now();
  indexes.set(
    s.labels.id,
    await buildLabelIndex(
      s.labels,
      labels.map((label, i) => ({ id: String(i), label, aliases: alts.get(label.toLowerCase()) ?? [] })),
      isCommonWord,
    ),
  );
  log(
    `indexed ${labels.length} labels (${alts.size ? 'with ESCO alternative labels' : 'labels only'}) with ${s.labels.id} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
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
  for (const st of settings) {
    const index = indexes.get(st.labels.id)!;
    const results: Record<'trie' | 'semantic' | 'combined', Metrics[]> = { trie: [], semantic: [], combined: [] };
    const started = performance.now();
    for (const [sentence, g] of gold) {
      const ranked = await rankLabels(index, sentence, st.sentences);
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
        setting: st.name,
        encoder: st.sentences.id,
        label_encoder: st.labels.id,
      };
      rows.push(row);
      if (values.json) console.log(JSON.stringify(row));
    }
  }
}
if (!values.json) {
  console.log(
    '\nfile                                setting         method     sentences    RP@5   RP@10     MRR  ms/sent',
  );
  for (const r of rows)
    console.log(
      `${String(r.file).padEnd(35)} ${String(r.setting).padEnd(15)} ${String(r.method).padEnd(10)} ${String(r.sentences).padStart(9)} ${String(r.rp5).padStart(7)} ${String(r.rp10).padStart(7)} ${String(r.mrr).padStart(7)} ${String(r.ms_per_sentence).padStart(8)}`,
    );
  for (const s of settings) console.log(`${s.name}: labels ${s.labels.id}, sentences ${s.sentences.id}`);
}
