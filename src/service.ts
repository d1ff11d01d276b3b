/**
 * Assembles the service: store → seed (first start) → taxonomy indexes → HTTP/GraphQL.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';
import { loadKeyRing } from './api/auth.ts';
import { createHttpService } from './api/http.ts';
import { log } from './log.ts';
import { openStore } from './store/open.ts';
import type { GraphStore } from './store/types.ts';
import { loadSeed, parseSeed } from './taxonomy/seed.ts';
import { ExtractionService } from './extraction/service.ts';
import { openConfiguredEncoder } from './text/open.ts';
import { MarketplaceService } from './marketplace/service.ts';
import { TaxonomyEditor } from './taxonomy/edit.ts';
import { TaxonomyService } from './taxonomy/service.ts';

export const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../seeds');

export interface RunningService {
  url: string;
  store: GraphStore;
  /** The admin key generated on this first start, if one was. */
  generatedKey?: string;
  close(): Promise<void>;
}

export async function startService(config: Config): Promise<RunningService> {
  const store = await openStore(config);
  try {
    if (config.seed && (await store.countNodes('Skill')) === 0) {
      const t0 = Date.now();
      const seed = parseSeed(SEED_DIR);
      await loadSeed(store, seed);
      log('info', 'seeded the taxonomy', { skills: seed.skills.length, occupations: seed.occupations.length, ms: Date.now() - t0 });
    }
    const taxonomy = new TaxonomyService(store);
    await taxonomy.init();
    const editor = new TaxonomyEditor(store, taxonomy);
    const { encoder, isCommonWord } = await openConfiguredEncoder(config, (level, msg) => log(level, msg));
    const extraction = new ExtractionService(store, encoder, isCommonWord);
    await extraction.init(taxonomy);
    const marketplace = new MarketplaceService(store, taxonomy, extraction);
    const keys = loadKeyRing({ apiKeys: config.apiKeys, apiKeysFile: config.apiKeysFile, dataDir: config.dataDir });
    const http = await createHttpService({
      services: { store, taxonomy, editor, extraction, marketplace },
      keys,
      development: config.development,
      maxBodyBytes: config.maxBodyBytes,
      logRequests: config.logRequests,
    });
    const syncTimer = setInterval(() => taxonomy.sync().catch((err) => log('warn', 'taxonomy sync failed', { error: String(err) })), 1000);
    syncTimer.unref();
    const url = await http.listen(config.port, config.host);
    return {
      url,
      store,
      generatedKey: keys.generated,
      close: async () => {
        clearInterval(syncTimer);
        await http.close();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
