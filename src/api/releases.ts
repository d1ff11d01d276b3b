/** Resolvers for taxonomy releases: list, diff, a release's view of a skill (anyone), create (role editor). */
import { actorOf, requireRole } from './auth.ts';
import type { Context } from './context.ts';
import { diffTaxonomies } from '../taxonomy/releases.ts';
import type { Release } from '../taxonomy/releases.ts';

const MAX_LIST = 1000;

const releaseView = (r: Release) => ({ ...r, skillCount: r.skills, occupationCount: r.occupations });

export const releaseResolvers = {
  Query: {
    releases: async (_: unknown, __: unknown, ctx: Context) => (await ctx.services.releases.list()).map(releaseView),
    releaseDiff: async (_: unknown, args: { from: string; to?: string | null }, ctx: Context) => {
      const releases = ctx.services.releases;
      const [a, b] = await Promise.all([releases.view(args.from), releases.view(args.to ?? null)]);
      const d = diffTaxonomies(a, b);
      const labels = new Map([...a.skills, ...b.skills].map((s) => [s.id, s.label]));
      const ref = (id: string) => ({ id, label: labels.get(id) ?? id });
      const cap = <T>(xs: T[]) => xs.slice(0, MAX_LIST);
      return {
        from: args.from,
        to: args.to ?? null,
        counts: {
          added: d.added.length,
          removed: d.removed.length,
          renamed: d.renamed.length,
          moved: d.moved.length,
          merged: d.merged.length,
          deprecated: d.deprecated.length,
          aliasesChanged: d.aliasesChanged.length,
          descriptionChanged: d.descriptionChanged.length,
          occupations: d.occupationsAdded.length + d.occupationsRemoved.length + d.occupationsChanged.length,
        },
        added: cap(d.added).map(ref),
        removed: cap(d.removed).map(ref),
        renamed: cap(d.renamed),
        moved: cap(d.moved).map((m) => ({ ...m, label: ref(m.id).label })),
        merged: cap(d.merged).map((m) => ({ ...m, label: ref(m.id).label })),
        deprecated: cap(d.deprecated).map(ref),
        aliasesChanged: cap(d.aliasesChanged).map(ref),
        descriptionChanged: cap(d.descriptionChanged).map(ref),
        occupationsAdded: cap(d.occupationsAdded),
        occupationsRemoved: cap(d.occupationsRemoved),
        occupationsChanged: cap(d.occupationsChanged),
      };
    },
    releasedSkill: async (_: unknown, args: { release: string; id: string }, ctx: Context) => {
      const view = await ctx.services.releases.view(args.release);
      const s = view.skills.find((x) => x.id === args.id);
      return s
        ? {
            id: s.id,
            label: s.label,
            aliases: s.aliases,
            description: s.description,
            status: s.status as 'ACTIVE' | 'DEPRECATED',
            replacedBy: s.replacedBy ?? null,
            parentIds: s.parents,
          }
        : null;
    },
  },
  Mutation: {
    createRelease: async (_: unknown, args: { name: string; note?: string | null }, ctx: Context) => {
      requireRole(ctx.principal, 'editor', 'createRelease');
      return releaseView(await ctx.services.releases.create(actorOf(ctx.principal), args.name, args.note));
    },
  },
};
