/** Resolvers for matching: matchJobs, matchMembers, searchJobs, jobFit. */
import { requireRole } from './auth.ts';
import { decodeCursor, encodeCursor, pageSize } from './connection.ts';
import { apiError } from './errors.ts';
import type { Context } from './resolvers.ts';
import { MAX_OFFSET } from '../matching/service.ts';
import type { JobFilter, Match, MatchPage, MemberFilter } from '../matching/service.ts';
import type { MatchedSkill } from '../matching/rerank.ts';

const MAX_QUERY_LENGTH = 200;

function window(args: { first?: number | null; after?: string | null }) {
  const first = pageSize(args.first, 10);
  const offset = decodeCursor(args.after, 'offset');
  if (offset + first > MAX_OFFSET) throw apiError('BAD_USER_INPUT', `Matches page up to ${MAX_OFFSET} results; narrow the filter instead.`);
  return { first, offset };
}

/**
 * The page as a connection, each match with its job (or member) node, read in one call (a node
 * deleted since it was ranked is left out).
 */
async function connection(page: MatchPage, offset: number, ctx: Context, label: 'Job' | 'Member') {
  const nodes = await ctx.services.store.getNodes(label, page.matches.map((m) => m.id));
  const key = label === 'Job' ? 'job' : 'member';
  const edges = page.matches.flatMap((m, i) => (nodes[i] ? [{ node: { ...m, [key]: nodes[i], explanation: explanation(m, ctx) }, cursor: encodeCursor('offset', offset + i + 1) }] : []));
  return { edges, pageInfo: { hasNextPage: page.hasMore, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
}

function explanation(m: Match, ctx: Context) {
  return {
    signals: m.explanation.signals.map((s) => ({ ...s, signal: s.signal.toUpperCase() })),
    matchedSkills: m.explanation.matchedSkills,
    missingSkills: m.explanation.missingSkills.map((id) => ctx.loaders.skill.load(id)),
  };
}

export const matchingResolvers = {
  Query: {
    matchJobs: async (_: unknown, args: { memberId: string; first?: number | null; after?: string | null; filter?: JobFilter | null; excludeApplied: boolean }, ctx: Context) => {
      requireRole(ctx.principal, 'admin', 'matchJobs');
      const w = window(args);
      const page = await ctx.services.matching.matchJobs(args.memberId, { ...w, filter: args.filter, excludeApplied: args.excludeApplied });
      return connection(page, w.offset, ctx, 'Job');
    },
    matchMembers: async (_: unknown, args: { jobId: string; first?: number | null; after?: string | null; filter?: MemberFilter | null }, ctx: Context) => {
      requireRole(ctx.principal, 'admin', 'matchMembers');
      const w = window(args);
      const page = await ctx.services.matching.matchMembers(args.jobId, { ...w, filter: args.filter });
      return connection(page, w.offset, ctx, 'Member');
    },
    searchJobs: async (_: unknown, args: { query: string; memberId?: string | null; first?: number | null; after?: string | null; filter?: JobFilter | null }, ctx: Context) => {
      requireRole(ctx.principal, args.memberId ? 'admin' : 'reader', 'searchJobs');
      if (!args.query.trim()) throw apiError('BAD_USER_INPUT', 'query must not be empty.');
      if (args.query.length > MAX_QUERY_LENGTH) throw apiError('BAD_USER_INPUT', `query is limited to ${MAX_QUERY_LENGTH} characters.`);
      const w = window(args);
      const page = await ctx.services.matching.searchJobs(args.query, { ...w, memberId: args.memberId, filter: args.filter });
      const q = page.query!;
      return {
        interpretation: { workplace: q.workplace, seniority: q.seniority, text: q.text, location: q.locationId ? ctx.services.store.getNode({ label: 'Location', id: q.locationId }) : null },
        matches: await connection(page, w.offset, ctx, 'Job'),
      };
    },
    jobFit: async (_: unknown, args: { memberId: string; jobId: string }, ctx: Context) => {
      requireRole(ctx.principal, 'admin', 'jobFit');
      const fit = await ctx.services.matching.jobFit(args.memberId, args.jobId);
      return {
        ...fit,
        member: ctx.services.store.getNode({ label: 'Member', id: args.memberId }),
        job: ctx.services.store.getNode({ label: 'Job', id: args.jobId }),
        explanation: explanation(fit, ctx),
      };
    },
  },
  MatchedSkill: {
    skill: (m: MatchedSkill, _: unknown, ctx: Context) => ctx.loaders.skill.load(m.skillId),
    memberSkill: (m: MatchedSkill, _: unknown, ctx: Context) => ctx.loaders.skill.load(m.memberSkillId),
    path: (m: MatchedSkill, _: unknown, ctx: Context) => m.path.map((id) => ctx.loaders.skill.load(id)),
  },
};
