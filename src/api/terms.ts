/** Resolvers for curating unmapped terms (src/taxonomy/terms.ts): the counted list and ignoring one (role editor). */
import { actorOf, hasRole, requireRole } from './auth.ts';
import { apiError } from './errors.ts';
import type { Context } from './context.ts';

export const termResolvers = {
  Query: {
    unmappedTerms: async (_: unknown, args: { first?: number | null; minCount?: number | null }, ctx: Context) => {
      requireRole(ctx.principal, 'editor', 'unmappedTerms');
      const first = args.first ?? 50;
      const minCount = args.minCount ?? 2;
      if (minCount < 1) throw apiError('BAD_USER_INPUT', 'minCount must be at least 1.');
      if (first < 0 || first > 500) throw apiError('BAD_USER_INPUT', 'first must be 0 to 500.');
      const report = await ctx.services.terms.report({
        first,
        minCount,
        memberExamples: hasRole(ctx.principal, 'admin'),
      });
      return {
        ...report,
        terms: report.terms.map((t) => ({
          ...t,
          count: t.jobs + t.members,
          examples: t.examples.map((e) => ({ kind: e.label.toUpperCase(), id: e.id, snippet: e.snippet })),
        })),
      };
    },
  },
  Mutation: {
    ignoreUnmappedTerm: async (_: unknown, args: { term: string }, ctx: Context) => {
      requireRole(ctx.principal, 'editor', 'ignoreUnmappedTerm');
      return ctx.services.terms.ignore(actorOf(ctx.principal), args.term);
    },
  },
};
