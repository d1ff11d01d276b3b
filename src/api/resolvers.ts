/** Resolvers for schema/skillgraph.graphql: thin, each a few lines over the services. */
import DataLoader from 'dataloader';
import type { Principal } from './auth.ts';
import { decodeCursor, encodeCursor, offsetConnection, pageSize, searchText } from './connection.ts';
import type { Connection } from './connection.ts';
import { apiError } from './errors.ts';
import type { GraphStore } from '../store/types.ts';
import type { Skill } from '../taxonomy/model.ts';
import { toSkill } from '../taxonomy/model.ts';
import type { OccupationView, TaxonomyService } from '../taxonomy/service.ts';
import { toOccupation } from '../taxonomy/service.ts';
import { MAX_ID_LENGTH } from '../store/types.ts';

export interface Services {
  store: GraphStore;
  taxonomy: TaxonomyService;
}

export interface Context {
  principal: Principal;
  services: Services;
  loaders: ReturnType<typeof createLoaders>;
}

/** One set per request: node lookups batched and cached for the request's lifetime. */
export function createLoaders(store: GraphStore) {
  return {
    skill: new DataLoader<string, Skill | null>(async (ids) => (await store.getNodes('Skill', [...ids])).map((n) => (n ? toSkill(n) : null))),
    occupation: new DataLoader<string, OccupationView | null>(async (ids) => (await store.getNodes('Occupation', [...ids])).map((n) => (n ? toOccupation(n) : null))),
  };
}

function checkId(id: string, what: string): string {
  if (id.length === 0 || id.length > MAX_ID_LENGTH) throw apiError('BAD_USER_INPUT', `${what} must be 1 to ${MAX_ID_LENGTH} characters.`);
  return id;
}

async function loadAll<T>(loader: DataLoader<string, T | null>, ids: string[]): Promise<T[]> {
  return (await loader.loadMany(ids)).filter((x): x is T => x !== null && !(x instanceof Error));
}

async function idConnection<T>(
  label: 'Skill' | 'Occupation',
  ctx: Context,
  first: number | null | undefined,
  after: string | null | undefined,
  map: (n: import('../store/types.ts').NodeRecord) => T & { id: string },
): Promise<Connection<T>> {
  const n = pageSize(first);
  const page = await ctx.services.store.listNodes(label, { first: n, after: decodeCursor(after, 'id') });
  const edges = page.items.map((item) => ({ node: map(item), cursor: encodeCursor('id', item.id) }));
  return {
    edges,
    pageInfo: { hasNextPage: page.next !== null, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount: await ctx.services.store.countNodes(label),
  };
}

const upper = (s: string) => s.toUpperCase();

export const resolvers = {
  Query: {
    skill: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.skill.load(checkId(args.id, 'id')),
    skills: async (_: unknown, args: { search?: string | null; first?: number | null; after?: string | null }, ctx: Context) => {
      const search = searchText(args.search);
      if (!search) return idConnection('Skill', ctx, args.first, args.after, toSkill);
      const first = pageSize(args.first);
      const offset = decodeCursor(args.after, 'offset');
      const { hits, total } = ctx.services.taxonomy.skillIndex.search(search, { limit: offset + first });
      const skills = await ctx.loaders.skill.loadMany(hits.map((h) => h.id));
      const conn = offsetConnection(
        hits.map((h, i) => ({ h, s: skills[i] as Skill })),
        offset,
        first,
        ({ h, s }) => ({ node: s, match: { kind: h.match, matched: h.matched, score: h.score } }),
      );
      return { ...conn, totalCount: total, pageInfo: { ...conn.pageInfo, hasNextPage: offset + first < total } };
    },
    occupation: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.occupation.load(checkId(args.id, 'id')),
    occupations: async (_: unknown, args: { search?: string | null; first?: number | null; after?: string | null }, ctx: Context) => {
      const search = searchText(args.search);
      if (!search) return idConnection('Occupation', ctx, args.first, args.after, toOccupation);
      const first = pageSize(args.first);
      const offset = decodeCursor(args.after, 'offset');
      const { hits, total } = ctx.services.taxonomy.occupationIndex.search(search, { limit: offset + first });
      const occs = await ctx.loaders.occupation.loadMany(hits.map((h) => h.id));
      const conn = offsetConnection(occs as OccupationView[], offset, first, (o) => ({ node: o }));
      return { ...conn, totalCount: total, pageInfo: { ...conn.pageInfo, hasNextPage: offset + first < total } };
    },
    viewer: async (_: unknown, __: unknown, ctx: Context) => ({
      role: upper(ctx.principal.role),
      store: ctx.services.store.kind,
      skillCount: await ctx.services.store.countNodes('Skill'),
      occupationCount: await ctx.services.store.countNodes('Occupation'),
    }),
  },
  Skill: {
    kind: (s: Skill) => upper(s.kind),
    replacedBy: (s: Skill, _: unknown, ctx: Context) => (s.replacedBy ? ctx.loaders.skill.load(s.replacedBy) : null),
    parents: async (s: Skill, _: unknown, ctx: Context) => loadAll(ctx.loaders.skill, await ctx.services.taxonomy.parentIds(s.id)),
    children: async (s: Skill, _: unknown, ctx: Context) => loadAll(ctx.loaders.skill, await ctx.services.taxonomy.childIds(s.id)),
    siblings: async (s: Skill, _: unknown, ctx: Context) => loadAll(ctx.loaders.skill, await ctx.services.taxonomy.siblingIds(s.id)),
    ancestors: async (s: Skill, _: unknown, ctx: Context) => loadAll(ctx.loaders.skill, await ctx.services.taxonomy.ancestorIds(s.id)),
    related: async (s: Skill, args: { types?: string[] | null }, ctx: Context) => {
      const rel = (await ctx.services.taxonomy.related(s.id)).filter((r) => !args.types || args.types.includes(r.type));
      const skills = await ctx.loaders.skill.loadMany(rel.map((r) => r.id));
      return rel.map((r, i) => ({ skill: skills[i], type: r.type })).filter((r) => r.skill && !(r.skill instanceof Error));
    },
    occupations: async (s: Skill, _: unknown, ctx: Context) => {
      const links = await ctx.services.taxonomy.occupationsOf(s.id);
      const occs = await ctx.loaders.occupation.loadMany(links.map((l) => l.occupationId));
      return links.map((l, i) => ({ occupation: occs[i], skill: s, relation: upper(l.relation) })).filter((x) => x.occupation && !(x.occupation instanceof Error));
    },
  },
  Occupation: {
    skills: async (o: OccupationView, args: { relation?: string | null }, ctx: Context) => {
      const links = (await ctx.services.taxonomy.skillsOf(o.id)).filter((l) => !args.relation || upper(l.relation) === args.relation);
      const skills = await ctx.loaders.skill.loadMany(links.map((l) => l.skillId));
      return links.map((l, i) => ({ occupation: o, skill: skills[i], relation: upper(l.relation) })).filter((x) => x.skill && !(x.skill instanceof Error));
    },
  },
};
