/**
 * `npm run eval:titles`: how well the title normaliser (src/marketplace/titles.ts) maps titles people write to
 * ESCO occupations. Occupations are known by their preferred label only; the queries are their alternative
 * labels (an alt label of several occupations is left out), every --every-th of them, and the right answer is
 * the occupation the alt label belongs to. Reports top-1 and top-5 accuracy, the share answered by an exact
 * name, and for semantic answers the precision and coverage of the top-1 at confidence thresholds — the
 * lowest threshold with precision ≥ 90 % is the link threshold upserts use (TITLE_LINK_CONFIDENCE).
 * Usage: npm run eval:titles [-- --encoder builtin|teacher|student … (default all three)] [--esco DIR]
 *        [--every N (default 10)] [--json]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { loadConfig } from '../src/config.ts';
import { TitleNormalizer } from '../src/marketplace/titles.ts';
import { normalizeTitle } from '../src/marketplace/model.ts';
import { openBuiltinEncoder } from '../src/text/open.ts';
import { STUDENT, TEACHER, openTransformer } from '../src/text/transformer.ts';
import type { TextEncoder } from '../src/text/types.ts';

const { values } = parseArgs({
  options: {
    encoder: { type: 'string', multiple: true },
    esco: { type: 'string', default: '../shared/esco' },
    every: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
  },
});
const log = (m: string) => {
  if (!values.json) console.error(m);
};

const rows = parse(fs.readFileSync(path.join(values.esco!, 'occupations_en.csv')), {
  columns: true,
  relax_column_count: true,
}) as Array<Record<string, string>>;
const occupations = rows.map((r) => ({ id: r.conceptUri, names: [r.preferredLabel] }));
const owners = new Map<string, Set<string>>();
for (const r of rows)
  for (const alt of (r.altLabels ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const set = owners.get(alt) ?? owners.set(alt, new Set()).get(alt)!;
    set.add(r.conceptUri);
  }
const every = Math.max(1, Number(values.every));
const queries = [...owners]
  .filter(([, ids]) => ids.size === 1)
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .filter((_, i) => i % every === 0)
  .map(([text, ids]) => ({ text, gold: [...ids][0] }));
const preferred = new Set(rows.map((r) => normalizeTitle(r.preferredLabel)));
log(`${occupations.length} occupations; ${queries.length} alt-label queries (every ${every}th unambiguous one)`);

const config = loadConfig();
async function encoderFor(choice: string): Promise<TextEncoder> {
  if (choice === 'builtin') return openBuiltinEncoder(config.cacheDir, log);
  if (choice === 'teacher') return openTransformer(TEACHER, config.cacheDir, { log });
  if (choice === 'student') return openTransformer(STUDENT, config.cacheDir, { log });
  throw new Error('--encoder must be builtin, teacher or student');
}

const THRESHOLDS = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
const results = [];
for (const choice of values.encoder ?? ['builtin', 'teacher', 'student']) {
  const encoder = await encoderFor(choice);
  const normalizer = new TitleNormalizer({ revision: 0, entries: () => occupations }, encoder);
  const started = performance.now();
  const matches = [];
  for (let i = 0; i < queries.length; i += 500) {
    matches.push(
      ...(await normalizer.normalize(
        queries.slice(i, i + 500).map((q) => q.text),
        5,
      )),
    );
    log(`${choice}: ${Math.min(i + 500, queries.length)}/${queries.length}`);
  }
  const seconds = (performance.now() - started) / 1000;
  let top1 = 0;
  let top5 = 0;
  let exact = 0;
  const semantic: Array<{ confidence: number; right: boolean }> = [];
  matches.forEach((m, i) => {
    const gold = queries[i].gold;
    const right = m.candidates[0]?.occupationId === gold;
    top1 += right ? 1 : 0;
    top5 += m.candidates.some((c) => c.occupationId === gold) ? 1 : 0;
    if (m.match === 'EXACT') exact++;
    else if (m.candidates.length) semantic.push({ confidence: m.confidence, right });
  });
  const byThreshold = THRESHOLDS.map((t) => {
    const kept = semantic.filter((s) => s.confidence >= t);
    return {
      threshold: t,
      coverage: kept.length / Math.max(1, semantic.length),
      precision: kept.length ? kept.filter((s) => s.right).length / kept.length : null,
    };
  });
  const link = byThreshold.find((b) => b.precision !== null && b.precision >= 0.9)?.threshold ?? null;
  results.push({
    encoder: choice,
    encoderId: encoder.id,
    queries: queries.length,
    top1: top1 / queries.length,
    top5: top5 / queries.length,
    exact: exact / queries.length,
    alsoPreferredLabel: queries.filter((q) => preferred.has(normalizeTitle(q.text))).length / queries.length,
    seconds: Math.round(seconds * 10) / 10,
    byThreshold,
    linkThreshold: link,
  });
}
if (values.json) console.log(JSON.stringify(results, null, 2));
else {
  const pct = (x: number | null) => (x === null ? '   —  ' : `${(100 * x).toFixed(1).padStart(5)}%`);
  console.log('encoder   top-1   top-5   exact   seconds   link threshold (top-1 precision ≥ 90 %)');
  for (const r of results)
    console.log(
      `${r.encoder.padEnd(8)} ${pct(r.top1)}  ${pct(r.top5)}  ${pct(r.exact)}  ${String(r.seconds).padStart(7)}   ${r.linkThreshold ?? 'none'}`,
    );
  for (const r of results)
    console.log(
      `${r.encoder}: semantic top-1 by confidence ${r.byThreshold.map((b) => `≥${b.threshold} ${pct(b.precision)} of ${pct(b.coverage)}`).join(' · ')}`,
    );
}
