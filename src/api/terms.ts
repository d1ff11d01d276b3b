/**
 * Resolvers for curation reports (role editor): unmapped terms (src/taxonomy/terms.ts) with ignoring one, and
 * unused skills (src/taxonomy/usage.ts).
 */
import { actorOf, hasRole, requireRole } from './auth.ts';
import { apiError } from './errors.ts';
import type { Context } from './context.ts';
import { requireSkill } from './context.ts';
import { unusedSkills } from '../taxonomy/usage.ts';

export const termResolvers = {
  Query: {
    unusedSkills: async (_: unknown, args: { first?: number | null; domainId?: string | null }, ctx: Context) => {
      requireRole(ctx.principal, 'editor', 'unusedSkills');
      const first = args.first ?? 100;
      if (first < 0 || first > 1000) throw apiError('BAD_USER_INPUT', 'first must be 0 to 1,000.');
      const { skills: unused, active } = await unusedSkills(ctx.services.store);
      const inDomain = unused.filter((x) => !args.domainId || x.domain === args.domainId);
      const skills = await Promise.all(inDomain.map((x) => requireSkill(ctx, x.id)));
      const order = inDomain
        .map((x, i) => ({ ...x, skill: skills[i] }))
        .sort((a, b) => a.domain.localeCompare(b.domain) || a.skill.label.localeCompare(b.skill.label));
      return { total: order.length, active, skills: order.slice(0, first).map((x) => x.skill) };
    },
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
