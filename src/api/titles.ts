/** Resolvers for title normalisation (role reader): one title or a batch of up to 500. */
import { requireRole } from './auth.ts';
import { apiError } from './errors.ts';
import type { Context } from './context.ts';
import { LIMITS, titleId } from '../marketplace/model.ts';
import type { TitleCandidate, TitleMatch } from '../marketplace/titles.ts';

export const MAX_TITLES = 500;

function checkTitles(texts: string[], first: number): void {
  if (texts.length > MAX_TITLES) throw apiError('BAD_USER_INPUT', `Send at most ${MAX_TITLES} titles per call.`);
  const long = texts.findIndex((t) => t.length > LIMITS.shortText);
  if (long >= 0) throw apiError('BAD_USER_INPUT', `texts[${long}]: a title is at most ${LIMITS.shortText} characters.`);
  if (!Number.isInteger(first) || first < 1 || first > 20)
    throw apiError('BAD_USER_INPUT', 'first must be 1 to 20 (the answer and its alternatives).');
}

async function normalize(texts: string[], first: number, ctx: Context) {
  checkTitles(texts, first);
  return ctx.services.titles.normalize(texts, first);
}

export const titleResolvers = {
  Query: {
    normalizeTitle: async (_: unknown, args: { text: string; first: number }, ctx: Context) => {
      requireRole(ctx.principal, 'reader', 'normalizeTitle');
      return (await normalize([args.text], args.first, ctx))[0];
    },
    normalizeTitles: (_: unknown, args: { texts: string[]; first: number }, ctx: Context) => {
      requireRole(ctx.principal, 'reader', 'normalizeTitles');
      return normalize(args.texts, args.first, ctx);
    },
  },
  TitleNormalization: {
    occupation: (m: TitleMatch, _: unknown, ctx: Context) =>
      m.candidates[0] ? ctx.loaders.occupation.load(m.candidates[0].occupationId) : null,
    title: (m: TitleMatch, _: unknown, ctx: Context) =>
      m.normalized ? ctx.services.store.getNode({ label: 'Title', id: titleId(m.normalized) }) : null,
  },
  TitleCandidate: {
    occupation: async (c: TitleCandidate, _: unknown, ctx: Context) => {
      const o = await ctx.loaders.occupation.load(c.occupationId);
      if (!o) throw apiError('NOT_FOUND', `Occupation "${c.occupationId}" was removed meanwhile; ask again.`);
      return o;
    },
  },
};
