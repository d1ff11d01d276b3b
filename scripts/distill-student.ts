/**
 * `npm run distill:student`: fits the distilled student (src/text/distilled.ts) — the built-in
 * encoder mapped into the teacher's space — on the project's own texts: the seed taxonomy's labels,
 * aliases and descriptions, the seed occupations' descriptions, sentences of a generated marketplace,
 * and with --esco DIR the ESCO taxonomy's labels, alternative labels and descriptions (taxonomy data,
 * never evaluation sentences). Writes the map to --out.
 * --base picks the encoder being mapped: `builtin` (the default) or a pinned transformer name (e.g. the
 * truncated int8 teacher all-minilm-l6-v2-q-l4, the service's student).
 * Usage: npm run distill:student -- --out FILE [--base builtin|NAME] [--esco ../shared/esco] [--lambda 1]
 *        [--max 60000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { generateMarketplace, loadCatalog } from '../src/marketplace/generate.ts';
import { SEED_DIR } from '../src/service.ts';
import { parseSeed } from '../src/taxonomy/seed.ts';
import { distill, saveDistilledMap } from '../src/text/distilled.ts';
import { DEFAULT_CACHE_DIR, openBuiltinEncoder } from '../src/text/open.ts';
import { TEACHER, openTransformer, transformerName } from '../src/text/transformer.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    esco: { type: 'string' },
    lambda: { type: 'string', default: '1' },
    max: { type: 'string', default: '60000' },
    base: { type: 'string', default: 'builtin' },
  },
});
if (!values.out) throw new Error('--out FILE is required');
const texts = new Set<string>();
const seed = parseSeed(SEED_DIR);
for (const s of seed.skills) {
  texts.add(s.label);
  for (const a of s.aliases) texts.add(a);
  if (s.description) texts.add(s.description);
}
for (const o of seed.occupations) if (o.description) texts.add(o.description);
const gen = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-distill-'));
generateMarketplace(loadCatalog(SEED_DIR), gen, { members: 300, jobs: 300, seed: 11 });
for (const line of fs.readFileSync(path.join(gen, 'jobs.jsonl'), 'utf8').split('\n').filter(Boolean)) {
  const job = JSON.parse(line) as { description?: string; title?: string };
  if (job.title) texts.add(job.title);
  for (const s of (job.description ?? '').split(/\n|(?<=\.)\s+/))
    if (s.trim().length > 3) texts.add(s.trim().replace(/^- /, ''));
}
fs.rmSync(gen, { recursive: true, force: true });
if (values.esco) {
  const rows = parse(fs.readFileSync(path.join(values.esco, 'skills_en.csv')), {
    columns: true,
    relax_column_count: true,
  }) as Array<Record<string, string>>;
  for (const r of rows) {
    texts.add(r.preferredLabel);
    for (const a of (r.altLabels ?? '')
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean)
      .slice(0, 5))
      texts.add(a);
    if (r.description) texts.add(r.description);
  }
}
const all = [...texts].filter((t) => t.trim()).slice(0, Number(values.max));
console.error(`fitting on ${all.length} texts…`);
const teacher = await openTransformer(TEACHER, DEFAULT_CACHE_DIR, { log: (m) => console.error(m) });
const base =
  values.base === 'builtin'
    ? openBuiltinEncoder(DEFAULT_CACHE_DIR)
    : await openTransformer(transformerName(values.base!), DEFAULT_CACHE_DIR, { log: (m) => console.error(m) });
const map = await distill(base, teacher, all, {
  lambda: Number(values.lambda),
  log: (m) => process.stderr.write(`\r${m}`),
});
saveDistilledMap(map, values.out);
console.log(
  JSON.stringify({ file: values.out, texts: all.length, teacher: map.teacherId, base: map.baseId, tag: map.tag }),
);
