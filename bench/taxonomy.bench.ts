/**
 * Taxonomy benchmark on the imported ESCO sample (../shared/esco, or --esco DIR), embedded and
 * Neo4j side by side: import time, then p50/p99 of skills(search) (ranked search + the first 20 hits'
 * records from the taxonomy's synced snapshot, as the resolver does: no store round trip) and of depth-2
 * expandSkills (as the resolver runs it: the taxonomy's links in memory after catching up with the change feed).
 * Usage: npm run bench:taxonomy [-- --esco ../shared/esco --queries 1000 --only embedded|neo4j]
 */
import { parseArgs } from 'node:util';
import { onBothStores, percentile } from './support.ts';
import { seededRandom } from '../src/random.ts';
import type { GraphStore } from '../src/store/types.ts';
import { importEsco } from '../src/taxonomy/esco.ts';
import { expandSkills } from '../src/taxonomy/expand.ts';
import { TaxonomyService } from '../src/taxonomy/service.ts';

const { values } = parseArgs({
  options: {
    esco: { type: 'string', default: '../shared/esco' },
    queries: { type: 'string', default: '1000' },
    only: { type: 'string' },
  },
});
const N = Number(values.queries);

/** Realistic queries: whole labels, aliases, prefixes while typing, and one-letter typos. */
function makeQueries(labels: string[], rand: () => number): string[] {
  return Array.from({ length: N }, (_, i) => {
    const l = labels[Math.floor(rand() * labels.length)];
    switch (i % 4) {
      case 0:
        return l;
      case 1:
        return l.slice(0, Math.max(3, Math.floor(l.length / 2)));
      case 2: {
        const w = l.split(' ')[0];
        const k = Math.floor(rand() * (w.length - 1));
        return w.length > 4 ? w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2) : w;
      }
      default:
        return l.split(' ').slice(-2).join(' ');
    }
  });
}

async function run(name: string, store: GraphStore) {
  const t0 = performance.now();
  const summary = await importEsco(store, values.esco!, (stage, done, total) => {
    if (done === total) process.stderr.write(`  ${name}: ${stage} ${total}\n`);
  });
  const importSeconds = (performance.now() - t0) / 1000;
  const taxonomy = new TaxonomyService(store);
  await taxonomy.init();
  const page = await store.listNodes('Skill', { first: 100000 });
  const labels = page.items.map((n) => String(n.props.label));
  const ids = page.items.map((n) => n.id);
  const rand = seededRandom(11);
  const queries = makeQueries(labels, rand);
  const search: number[] = [];
  for (const q of queries) {
    const s = performance.now();
    // As the API does: the hits' records from the snapshot the index was built from (no store round trip).
    const { hits } = taxonomy.skillIndex.search(q, { limit: 20 });
    for (const h of hits) if (!taxonomy.skillView(h.id)) throw new Error(`no record for hit ${h.id}`);
    search.push(performance.now() - s);
  }
  const expand: number[] = [];
  let results = 0;
  for (let i = 0; i < Math.min(N, 500); i++) {
    const seed = ids[Math.floor(rand() * ids.length)];
    const s = performance.now();
    // As the API does: the links in memory, caught up with the change feed first (one round trip).
    await taxonomy.sync();
    results += (
      await expandSkills(taxonomy.links, [seed], {
        relations: ['PARENT', 'CHILD', 'SIBLING'],
        maxDepth: 2,
        limit: 50,
      })
    ).length;
    expand.push(performance.now() - s);
  }
  const r = {
    store: name,
    skills: summary.skills.created + summary.skills.unchanged,
    import_s: +importSeconds.toFixed(2),
    search_p50_ms: +percentile(search, 50).toFixed(3),
    search_p99_ms: +percentile(search, 99).toFixed(3),
    expand2_p50_ms: +percentile(expand, 50).toFixed(3),
    expand2_p99_ms: +percentile(expand, 99).toFixed(3),
    expand2_mean_results: +(results / expand.length).toFixed(1),
  };
  return r;
}

const results = await onBothStores(run, values.only);
console.log('\nstore      import s   search p50 ms   p99 ms   expand(depth 2) p50 ms   p99 ms');
for (const r of results)
  console.log(
    `${r.store.padEnd(10)} ${String(r.import_s).padStart(8)} ${String(r.search_p50_ms).padStart(15)} ${String(r.search_p99_ms).padStart(8)} ${String(r.expand2_p50_ms).padStart(24)} ${String(r.expand2_p99_ms).padStart(8)}`,
  );
console.log(JSON.stringify({ bench: 'taxonomy', results }));
