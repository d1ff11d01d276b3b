/** Resolvers for matching: matchJobs, matchMembers, searchJobs, jobFit. */
import { requireRole } from './auth.ts';
import { upper } from './enums.ts';
import { connection, decodeCursor, encodeCursor, pageSize } from './connection.ts';
import { apiError } from './errors.ts';
import { requireNode } from './context.ts';
import type { Context } from './context.ts';
import { MAX_OFFSET } from '../matching/service.ts';
import type { Match, MatchPage } from '../matching/service.ts';
import type { MemberFilter } from '../marketplace/member-filter.ts';
import type { JobFilter } from '../marketplace/job-filter.ts';
import { SignalContribution } from '../matching/rerank.ts';
import { toSkill } from '../taxonomy/model.ts';
import type { Skill } from '../taxonomy/model.ts';

const MAX_QUERY_LENGTH = 200;

function window(args: { first?: number | null; after?: string | null }) {
  const first = pageSize(args.first, 10);
  const offset = decodeCursor(args.after, 'offset');
  if (offset + first > MAX_OFFSET)
    throw apiError('BAD_USER_INPUT', `Matches page up to ${MAX_OFFSET} results; narrow the filter instead.`);
  return { first, offset };
}

/** A match's edge: its cursor is made when a client asks for it (most page by `pageInfo.endCursor` alone). */
class MatchEdge<N> {
  constructor(
    readonly node: N,
    private readonly position: number,
  ) {}
  get cursor(): string {
    return encodeCursor('offset', this.position);
  }
}

/**
 * The page as a connection, each match with its job (or member) node, read in one call (a node
 * deleted since it was ranked is left out).
 */
async function matchConnection(page: MatchPage, offset: number, ctx: Context, label: 'Job' | 'Member') {
  const [nodes, skills] = await Promise.all([
    ctx.services.store.getNodes(
      label,
      page.matches.map((m) => m.id),
    ),
    skillsOf(page.matches, ctx),
  ]);
  const edges = [];
  for (let i = 0; i < page.matches.length; i++) {
    const m = page.matches[i];
    const node = nodes[i];
    // A JobMatch reads `job`, a MemberMatch `member`: the one node answers whichever is asked.
    if (node)
      edges.push(
        new MatchEdge(
          {
            id: m.id,
            score: m.score,
            similarity: m.similarity,
            embeddingVersion: m.embeddingVersion,
            job: node,
            member: node,
            explanation: explanation(m, skills),
          },
          offset + i + 1,
        ),
      );
  }
  return { ...connection(edges, { hasNextPage: page.hasMore, hasPreviousPage: offset > 0 }), totalCount: page.total };
}

/**
 * Every skill the explanations name: from the taxonomy's views as of its last sync (frozen, shared by every
 * request, as a skill search answers: no store read and no objects per request; an edit made through this
 * process is synced before the edit returns), the few it lacks — a skill newer than the sync — read in one call.
 * The explanation is then plain data that GraphQL walks without a resolver or a promise per skill.
 */
async function skillsOf(matches: Match[], ctx: Context): Promise<Map<string, Skill>> {
  const out = new Map<string, Skill>();
  const missing = new Set<string>();
  const { taxonomy } = ctx.services;
  const add = (id: string) => {
    if (out.has(id)) return;
    const view = taxonomy.skillView(id);
    if (view) out.set(id, view);
    else missing.add(id);
  };
  for (const m of matches) {
    // path runs from memberSkillId to skillId
    for (const s of m.explanation.matchedSkills) for (const id of s.path) add(id);
    for (const id of m.explanation.missingSkills) add(id);
  }
  if (missing.size === 0) return out;
  const nodes = await ctx.services.store.getNodes('Skill', [...missing]);
  for (const n of nodes) if (n) out.set(n.id, toSkill(n));
  return out;
}

/** The explanation with its skills resolved; a skill deleted since ranking is left out. */
function explanation(m: Match, skills: Map<string, Skill>) {
  const matchedSkills = [];
  for (const s of m.explanation.matchedSkills) {
    const path = s.path.map((id) => skills.get(id));
    if (path.every((x) => x !== undefined))
      matchedSkills.push({
        relation: s.relation,
        via: s.via,
        credit: s.credit,
        skill: path[path.length - 1],
        memberSkill: path[0],
        path,
      });
  }
  const missingSkills = [];
  for (const id of m.explanation.missingSkills) {
    const skill = skills.get(id);
    if (skill) missingSkills.push(skill);
  }
  return {
    ranker: m.explanation.ranker,
    intercept: m.explanation.intercept,
    signals: m.explanation.signals.map(
      (s) => new SignalContribution(upper(s.signal), s.value, s.weight, s.contribution),
    ),
    matchedSkills,
    missingSkills,
  };
}

/**
 * The nearest members, jobs or skills to one of their kind (MatchingService.similar) with their nodes, a few
 * more than asked (callers drop deprecated skills), nodes deleted since activation left out.
 */
async function similar(
  ctx: Context,
  label: 'Skill' | 'Job' | 'Member',
  role: 'reader' | 'admin' | null,
  args: { id: string; first: number },
) {
  if (role) requireRole(ctx.principal, role, `similar${label}s`);
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > 100)
    throw apiError('BAD_USER_INPUT', 'first must be 1 to 100.');
  const { items, version } = await ctx.services.matching.similar(label, args.id, args.first + 10);
  const nodes = await ctx.services.store.getNodes(
    label,
    items.map((i) => i.id),
  );
  return items.flatMap((item, i) => {
    const node = nodes[i];
    return node ? [{ node, score: item.score, embeddingVersion: version }] : [];
  });
}

/** A page of matches; totalCount is counted only when a client asks for it (a filter means a pass over every row). */
export type MatchConnection = Awaited<ReturnType<typeof matchConnection>>;

export const matchingResolvers = {
  JobMatchConnection: { totalCount: (c: MatchConnection) => c.totalCount() },
  MemberMatchConnection: { totalCount: (c: MatchConnection) => c.totalCount() },
  Query: {
    similarSkills: async (_: unknown, args: { id: string; first: number }, ctx: Context) =>
      (await similar(ctx, 'Skill', null, args))
        .map(({ node, ...rest }) => ({ skill: toSkill(node), ...rest }))
        .filter((x) => x.skill.status !== 'DEPRECATED')
        .slice(0, args.first),
    similarJobs: async (_: unknown, args: { id: string; first: number }, ctx: Context) =>
      (await similar(ctx, 'Job', 'reader', args))
        .slice(0, args.first)
        .map(({ node, ...rest }) => ({ job: node, ...rest })),
    similarMembers: async (_: unknown, args: { id: string; first: number }, ctx: Context) =>
      (await similar(ctx, 'Member', 'admin', args))
        .slice(0, args.first)
        .map(({ node, ...rest }) => ({ member: node, ...rest })),
    matchJobs: async (
      _: unknown,
      args: {
        memberId: string;
        first?: number | null;
        after?: string | null;
        filter?: JobFilter | null;
        excludeApplied: boolean;
      },
      ctx: Context,
    ) => {
      requireRole(ctx.principal, 'admin', 'matchJobs');
      const w = window(args);
      const page = await ctx.services.matching.matchJobs(args.memberId, {
        ...w,
        filter: args.filter,
        excludeApplied: args.excludeApplied,
      });
      return matchConnection(page, w.offset, ctx, 'Job');
    },
    matchMembers: async (
      _: unknown,
      args: { jobId: string; first?: number | null; after?: string | null; filter?: MemberFilter | null },
      ctx: Context,
    ) => {
      requireRole(ctx.principal, 'admin', 'matchMembers');
      const w = window(args);
      const page = await ctx.services.matching.matchMembers(args.jobId, { ...w, filter: args.filter });
      return matchConnection(page, w.offset, ctx, 'Member');
    },
    searchJobs: async (
      _: unknown,
      args: {
        query: string;
        memberId?: string | null;
        first?: number | null;
        after?: string | null;
        filter?: JobFilter | null;
      },
      ctx: Context,
    ) => {
      requireRole(ctx.principal, args.memberId ? 'admin' : 'reader', 'searchJobs');
      if (!args.query.trim()) throw apiError('BAD_USER_INPUT', 'query must not be empty.');
      if (args.query.length > MAX_QUERY_LENGTH)
        throw apiError('BAD_USER_INPUT', `query is limited to ${MAX_QUERY_LENGTH} characters.`);
      const w = window(args);
      const page = await ctx.services.matching.searchJobs(args.query, {
        ...w,
        memberId: args.memberId,
        filter: args.filter,
      });
      const q = page.query!;
      return {
        interpretation: {
          workplace: q.workplace,
          seniority: q.seniority,
          text: q.text,
          location: q.locationId ? await ctx.services.store.getNode({ label: 'Location', id: q.locationId }) : null,
        },
        matches: await matchConnection(page, w.offset, ctx, 'Job'),
      };
    },
    jobFit: async (_: unknown, args: { memberId: string; jobId: string }, ctx: Context) => {
      requireRole(ctx.principal, 'admin', 'jobFit');
      const fit = await ctx.services.matching.jobFit(args.memberId, args.jobId);
      // Values, not promises: fields without resolvers are read as they are (src/api/executor.ts).
      const [member, job] = await Promise.all([
        requireNode(ctx, 'Member', args.memberId),
        requireNode(ctx, 'Job', args.jobId),
      ]);
      return {
        ...fit,
        member,
        job,
        explanation: explanation(fit, await skillsOf([fit], ctx)),
      };
    },
  },
};
