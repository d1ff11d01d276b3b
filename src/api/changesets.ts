/**
 * Resolvers for reviewed change sets (src/taxonomy/changesets.ts): editors propose and comment, reviewers
 * approve or reject, proposers withdraw; everything is read with role editor.
 */
import { actorOf, hasRole, requireRole } from './auth.ts';
import { apiError } from './errors.ts';
import type { Context } from './context.ts';
import type { ChangeSet, ChangeSetStatus } from '../taxonomy/changesets.ts';
import type { SkillEdit } from '../taxonomy/edit.ts';
import type { SkillEditInput } from './generated/schema.ts';

type EditInput = SkillEditInput;

/** A SkillEditInput (exactly one field set) as the editor's SkillEdit. */
function toSkillEdit(input: EditInput, i: number): SkillEdit {
  const set = Object.entries(input as Record<string, unknown>).filter(([, v]) => v != null);
  if (set.length !== 1)
    throw apiError(
      'BAD_USER_INPUT',
      `edits[${i}]: set exactly one operation (${set.length ? `got ${set.map(([k]) => k).join(', ')}` : 'got none'}).`,
    );
  const [op, args] = set[0] as [SkillEdit['op'], Record<string, unknown>];
  return (op === 'createSkill' ? { op, input: args } : { op, ...args }) as SkillEdit;
}

/** The skills an edit names, for lists and links. */
function skillIds(e: SkillEdit): string[] {
  switch (e.op) {
    case 'createSkill':
      return [e.input.id ?? null, ...(e.input.parentIds ?? [])].filter((x): x is string => !!x);
    case 'setSkillParents':
      return [e.id, ...e.parentIds];
    case 'relateSkills':
    case 'unrelateSkills':
      return [e.fromId, e.toId];
    case 'mergeSkills':
      return [e.sourceId, e.targetId];
    case 'deprecateSkill':
      return [e.id, ...(e.replacedById ? [e.replacedById] : [])];
    default:
      return [e.id];
  }
}

/** Who edits the taxonomy directly: the configured role and above (src/config.ts, SKILLGRAPH_DIRECT_EDITS). */
export function requireDirectEdit(ctx: Context, action: string): void {
  requireRole(ctx.principal, 'editor', action);
  if (!hasRole(ctx.principal, ctx.services.directEdits))
    throw apiError(
      'FORBIDDEN',
      `${action}: this service takes direct taxonomy edits from role ${ctx.services.directEdits} up; propose it with proposeChangeSet for a reviewer to approve.`,
    );
}

export const changeSetResolvers = {
  Query: {
    changeSets: async (_: unknown, args: { status?: ChangeSetStatus | null; first?: number | null }, ctx: Context) => {
      requireRole(ctx.principal, 'editor', 'changeSets');
      return (await ctx.services.changeSets.list(args.status ?? null)).slice(0, args.first ?? 50);
    },
    changeSet: async (_: unknown, args: { id: string }, ctx: Context) => {
      requireRole(ctx.principal, 'editor', 'changeSet');
      return ctx.services.changeSets.get(args.id);
    },
  },
  Mutation: {
    proposeChangeSet: async (
      _: unknown,
      args: { input: { title: string; description?: string | null; edits: EditInput[] } },
      ctx: Context,
    ) => {
      requireRole(ctx.principal, 'editor', 'proposeChangeSet');
      const edits = args.input.edits.map(toSkillEdit);
      return ctx.services.changeSets.propose(actorOf(ctx.principal), { ...args.input, edits });
    },
    commentOnChangeSet: async (_: unknown, args: { id: string; comment: string }, ctx: Context) => {
      requireRole(ctx.principal, 'editor', 'commentOnChangeSet');
      return ctx.services.changeSets.comment(actorOf(ctx.principal), args.id, args.comment);
    },
    approveChangeSet: async (_: unknown, args: { id: string; comment?: string | null }, ctx: Context) => {
      requireRole(ctx.principal, 'reviewer', 'approveChangeSet');
      const cs = await ctx.services.changeSets.approve(
        actorOf(ctx.principal),
        args.id,
        args.comment ?? null,
        hasRole(ctx.principal, 'admin'),
      );
      ctx.loaders.skill.clearAll();
      return cs;
    },
    rejectChangeSet: async (_: unknown, args: { id: string; reason: string }, ctx: Context) => {
      requireRole(ctx.principal, 'reviewer', 'rejectChangeSet');
      return ctx.services.changeSets.reject(actorOf(ctx.principal), args.id, args.reason);
    },
    withdrawChangeSet: async (_: unknown, args: { id: string }, ctx: Context) => {
      requireRole(ctx.principal, 'editor', 'withdrawChangeSet');
      return ctx.services.changeSets.withdraw(actorOf(ctx.principal), args.id);
    },
  },
  ChangeSet: {
    edits: (cs: ChangeSet) =>
      cs.edits.map((e) => ({ operation: e.op, skillIds: skillIds(e).slice(0, 100), arguments: argumentsOf(e) })),
    effect: async (cs: ChangeSet, _: unknown, ctx: Context) => {
      const effect = await ctx.services.changeSets.effect(cs);
      return { ...effect, edits: effect.edits.map((e) => ({ ...e, subjects: e.subjects.slice(0, 100) })) };
    },
  },
};

/** An edit's arguments as the mutation of the same name takes them. */
function argumentsOf(e: SkillEdit): Record<string, unknown> {
  const { op: _op, ...rest } = e;
  return rest;
}
