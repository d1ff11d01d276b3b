/** Resolvers for mined related-skill suggestions: mining runs, the review list, accept and dismiss (role editor). */
import { actorOf, requireRole } from './auth.ts';
import { requireDirectEdit } from './changesets.ts';
import { apiError } from './errors.ts';
import { requireSkill } from './context.ts';
import type { Context } from './context.ts';
import { dot } from '../vectors/math.ts';
import { MINING_DEFAULTS, mineRelatedSkills, readSuggestions, reopenSupport } from '../taxonomy/mining.ts';
import type { MinedPair, Suggestion, SuggestionStatus } from '../taxonomy/mining.ts';
import type { RelationType } from '../taxonomy/model.ts';
import type { NodeRecord } from '../store/types.ts';

const MAX_LIST = 500;

function cosine(a: Float32Array, b: Float32Array): number {
  const norms = dot(a, a) * dot(b, b);
  return norms ? dot(a, b) / Math.sqrt(norms) : 0;
}

/** The graph vectors' cosine for each pair, when the active model embeds both skills. */
function withGraphSimilarity(pairs: MinedPair[], ctx: Context): MinedPair[] {
  const vec = (id: string) => ctx.services.graphEmbeddings.vectorOf({ label: 'Skill', id });
  return pairs.map((p) => {
    const a = vec(p.a);
    const b = vec(p.b);
    return a && b ? { ...p, graphSimilarity: Math.round(cosine(a, b) * 10_000) / 10_000 } : p;
  });
}

export const suggestionResolvers = {
  Query: {
    relatedSkillSuggestions: async (
      _: unknown,
      args: { status: SuggestionStatus; skillId?: string | null; first: number },
      ctx: Context,
    ) => {
      requireRole(ctx.principal, 'editor', 'relatedSkillSuggestions');
      if (!Number.isInteger(args.first) || args.first < 0 || args.first > MAX_LIST)
        throw apiError('BAD_USER_INPUT', `first must be 0 to ${MAX_LIST}.`);
      const found = await readSuggestions(ctx.services.store, args.skillId ?? undefined);
      return found
        .filter((s) => s.status === args.status)
        .sort((x, y) => y.npmi - x.npmi || y.support - x.support || (x.a + x.b < y.a + y.b ? -1 : 1))
        .slice(0, args.first);
    },
  },
  Mutation: {
    mineRelatedSkills: async (
      _: unknown,
      args: { minSupport: number; minNpmi: number; perSkill: number },
      ctx: Context,
    ) => {
      requireRole(ctx.principal, 'editor', 'mineRelatedSkills');
      if (!Number.isInteger(args.minSupport) || args.minSupport < 2)
        throw apiError('BAD_USER_INPUT', 'minSupport must be an integer of at least 2.');
      if (!(args.minNpmi > -1 && args.minNpmi <= 1))
        throw apiError('BAD_USER_INPUT', 'minNpmi must be above −1, at most 1.');
      if (!Number.isInteger(args.perSkill) || args.perSkill < 1 || args.perSkill > 50)
        throw apiError('BAD_USER_INPUT', 'perSkill must be 1 to 50.');
      const { store, taxonomy, editor } = ctx.services;
      const projection = await store.projection();
      const mined = mineRelatedSkills(projection, (id) => taxonomy.skillIndex.isActive(id), {
        ...MINING_DEFAULTS,
        ...args,
      });
      return editor.recordMinedSuggestions(actorOf(ctx.principal), withGraphSimilarity(mined, ctx));
    },
    acceptRelatedSkillSuggestion: async (
      _: unknown,
      args: { fromId: string; toId: string; type: RelationType },
      ctx: Context,
    ) => {
      requireDirectEdit(ctx, 'acceptRelatedSkillSuggestion');
      const s = await ctx.services.editor.acceptSuggestion(actorOf(ctx.principal), args.fromId, args.toId, args.type);
      ctx.loaders.skill.clearAll();
      return s;
    },
    dismissRelatedSkillSuggestion: async (
      _: unknown,
      args: { fromId: string; toId: string; reason?: string | null },
      ctx: Context,
    ) => {
      requireRole(ctx.principal, 'editor', 'dismissRelatedSkillSuggestion');
      const reason = args.reason?.trim() || undefined;
      return ctx.services.editor.dismissSuggestion(actorOf(ctx.principal), args.fromId, args.toId, reason);
    },
  },
  RelatedSkillSuggestion: {
    from: (s: Suggestion, _: unknown, ctx: Context) => requireSkill(ctx, s.a),
    to: (s: Suggestion, _: unknown, ctx: Context) => requireSkill(ctx, s.b),
    fromCount: (s: Suggestion) => s.countA,
    toCount: (s: Suggestion) => s.countB,
    exampleJobs: async (s: Suggestion, _: unknown, ctx: Context) =>
      (await ctx.services.store.getNodes('Job', s.exampleJobs)).filter((n): n is NodeRecord => n !== null),
    reopensAtSupport: (s: Suggestion) => (s.status === 'DISMISSED' ? reopenSupport(s) : null),
  },
};
