/** Resolvers for the GraphSAGE model versions: models, useModel (role admin). */
import { embeddingVersionOf } from '../../gnn/index.ts';
import type { ModelManifest } from '../../gnn/index.ts';
import { rankerFileOf } from '../matching/ranker.ts';
import type { LearnedRanker } from './generated/schema.ts';
import { SIGNALS } from '../matching/rerank.ts';
import type { Signal } from '../matching/rerank.ts';
import { requireRole } from './auth.ts';
import type { Context } from './context.ts';

function modelView(m: ModelManifest, ctx: Context) {
  const best = m.epochs[m.bestEpoch - 1]?.validation ?? null;
  return {
    version: m.version,
    createdAt: m.createdAt,
    active: ctx.services.graphEmbeddings.manifest?.version === m.version,
    encoder: m.encoder,
    backend: m.backend,
    epochs: m.epochs.length,
    bestEpoch: m.bestEpoch,
    validationMrr: best?.mrr ?? null,
    validationRecallAt10: best?.recallAtK ?? null,
    trainingMs: m.trainingMs,
    fusionId: m.fusion.id,
    embeddingVersion: embeddingVersionOf(m),
    config: m.config,
    data: m.data,
    ranker: rankerView(m.ranker),
  };
}

function rankerView(stored: unknown): LearnedRanker | null {
  const f = rankerFileOf(stored);
  if (!f) return null;
  return {
    coldStart: rankerView(f.cold),
    id: f.id,
    adopted: f.validation.adopted,
    validationMrr: f.validation.learned,
    weightsMrr: f.validation.weights,
    validationMembers: f.validation.members,
    intercept: f.intercept,
    coefficients: SIGNALS.map((s) => ({
      signal: s.toUpperCase() as Uppercase<Signal>,
      coefficient: f.coefficients[s] ?? 0,
    })),
  };
}

export const modelResolvers = {
  Query: {
    models: (_: unknown, __: unknown, ctx: Context) => {
      requireRole(ctx.principal, 'admin', 'models');
      return ctx.services.graphEmbeddings.versions().map((m) => modelView(m, ctx));
    },
  },
  Mutation: {
    useModel: async (_: unknown, args: { version?: string | null }, ctx: Context) => {
      requireRole(ctx.principal, 'admin', 'useModel');
      return modelView(await ctx.services.graphEmbeddings.use(args.version ?? null), ctx);
    },
  },
};
