/** What every resolver receives: the caller, the services, and the request's batching loaders. */
import DataLoader from 'dataloader';
import { apiError } from './errors.ts';
import type { Principal, Role } from './auth.ts';
import type { ChangeSets } from '../taxonomy/changesets.ts';
import type { UnmappedTerms } from '../taxonomy/terms.ts';
import type { RequestBudget } from './schema.ts';
import type { ExportJobs } from '../export/jobs.ts';
import type { ExtractionService } from '../extraction/service.ts';
import type { GraphEmbeddings } from '../embeddings/graph-embeddings.ts';
import type { TitleNormalizer } from '../marketplace/titles.ts';
import type { OccupationEditor } from '../taxonomy/occupations.ts';
import type { Releases } from '../taxonomy/releases.ts';
import type { MarketplaceService } from '../marketplace/service.ts';
import type { MatchingService } from '../matching/service.ts';
import type { Nearline } from '../nearline/refresher.ts';
import type { GraphStore, NodeRecord } from '../store/types.ts';
import type { TaxonomyEditor } from '../taxonomy/edit.ts';
import { toSkill } from '../taxonomy/model.ts';
import type { Skill } from '../taxonomy/model.ts';
import { toOccupation } from '../taxonomy/service.ts';
import type { OccupationView, TaxonomyService } from '../taxonomy/service.ts';

export interface Services {
  store: GraphStore;
  taxonomy: TaxonomyService;
  editor: TaxonomyEditor;
  extraction: ExtractionService;
  marketplace: MarketplaceService;
  titles: TitleNormalizer;
  occupations: OccupationEditor;
  releases: Releases;
  changeSets: ChangeSets;
  terms: UnmappedTerms;
  /** The least role that edits the taxonomy directly; below it, editors propose change sets. */
  directEdits: Role;
  graphEmbeddings: GraphEmbeddings;
  matching: MatchingService;
  refresher: Nearline;
  exports: ExportJobs;
}

export interface Context {
  principal: Principal;
  services: Services;
  loaders: ReturnType<typeof createLoaders>;
  /** The request's deadline and work count (src/api/schema.ts guards every resolver with it). */
  budget: RequestBudget;
  /** What the request's log line and metrics learn while it runs. */
  request: RequestInfo;
}

/** What the log line and metrics learn about a request while it runs. */
export interface RequestInfo {
  requestId: string;
  operation?: string;
  role?: string;
  cost?: number;
}

/** One set per request: node lookups batched and cached for the request's lifetime. */
export function createLoaders(store: GraphStore) {
  return {
    skill: new DataLoader<string, Skill | null>(async (ids) =>
      (await store.getNodes('Skill', [...ids])).map((n) => (n ? toSkill(n) : null)),
    ),
    occupation: new DataLoader<string, OccupationView | null>(async (ids) =>
      (await store.getNodes('Occupation', [...ids])).map((n) => (n ? toOccupation(n) : null)),
    ),
  };
}

/**
 * A skill a resolver must return (the schema's `Skill!`): a NOT_FOUND naming it when it has been
 * deleted since the object that points at it was made (rather than a null the schema forbids).
 */
export async function requireSkill(ctx: Context, id: string): Promise<Skill> {
  const skill = await ctx.loaders.skill.load(id);
  if (!skill) throw apiError('NOT_FOUND', `Skill "${id}" no longer exists.`);
  return skill;
}

/** Whether a loadMany result is a value (loadMany gives null or an Error for what it did not find). */
export function isLoaded<T>(x: T | Error | null): x is T {
  return x !== null && !(x instanceof Error);
}

/** A member or job a resolver must return: NOT_FOUND naming it when it is gone (deleted meanwhile). */
export async function requireNode(ctx: Context, label: 'Member' | 'Job', id: string): Promise<NodeRecord> {
  const node = await ctx.services.store.getNode({ label, id });
  if (!node) throw apiError('NOT_FOUND', `No ${label.toLowerCase()} has id "${id}".`);
  return node;
}
