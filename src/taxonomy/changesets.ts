/**
 * Reviewed change sets: an editor proposes a list of skill edits with a title; a reviewer reads what each edit
 * would do to the taxonomy as it is now, comments, and approves or rejects. Approval re-plans every edit over
 * the taxonomy as it is then (edit.ts's plan: each edit validated against what the earlier ones leave) and
 * commits them in one write, each with its own history record naming the change set, so an edit that no longer
 * fits (a skill changed meanwhile, a name taken, a cycle) refuses the whole set and changes nothing.
 *
 * A change set lives on the taxonomy audit feed, like releases: its proposal and every later step is one record
 * under the subjects "changeset" and "changeset:<id>", and its state is those records folded in order. Steps
 * run as taxonomy edits (serialised, claiming the taxonomy revision), so of two approvals only one commits.
 */
import crypto from 'node:crypto';
import { allHistory } from '../store/scan.ts';
import type { AuditRecord, GraphStore } from '../store/types.ts';
import { MAX_DESCRIPTION_LENGTH } from './model.ts';
import { TaxonomyError } from './edit.ts';
import type { SkillEdit, TaxonomyEditor } from './edit.ts';
import type { EditAudit } from './scope.ts';

export const CHANGE_SET_STATUSES = ['PROPOSED', 'APPLIED', 'REJECTED', 'WITHDRAWN'] as const;
export type ChangeSetStatus = (typeof CHANGE_SET_STATUSES)[number];
/** The most edits one change set holds. */
export const MAX_CHANGE_SET_EDITS = 100;
const MAX_TITLE = 200;
/** Comments and decisions one change set holds (ChangeSet.comments' @listSize). */
const MAX_COMMENTS = 200;
const SUBJECT = 'changeset';

export interface ChangeSetComment {
  by: string;
  at: string;
  text: string;
  /** What the step did: COMMENT, or the decision it came with. */
  kind: 'COMMENT' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
}

export interface ChangeSet {
  id: string;
  title: string;
  description: string;
  edits: SkillEdit[];
  status: ChangeSetStatus;
  proposedBy: string;
  proposedAt: string;
  /** Who approved, rejected or withdrew it, and when. */
  decidedBy: string | null;
  decidedAt: string | null;
  comments: ChangeSetComment[];
}

/** What one edit of a change set does (or would do) to the taxonomy: its history record. */
export interface PlannedEdit {
  operation: string;
  subjects: string[];
  before: unknown;
  after: unknown;
}

/** A dry run over the taxonomy as it is now: every edit's effect, or where it stops and why. */
export interface ChangeSetPreview {
  edits: PlannedEdit[];
  /** The first edit that does not apply now (its message names it), or null when all do. */
  problem: { code: string; message: string } | null;
}

const recordKind = {
  proposeChangeSet: 'PROPOSED',
  commentOnChangeSet: 'COMMENT',
  approveChangeSet: 'APPROVED',
  rejectChangeSet: 'REJECTED',
  withdrawChangeSet: 'WITHDRAWN',
} as const;

export class ChangeSets {
  constructor(
    private readonly store: GraphStore,
    private readonly editor: TaxonomyEditor,
  ) {}

  /** Checks the edits against the taxonomy now (as approval will) and records the proposal. */
  async propose(actor: string, input: { title: string; description?: string | null; edits: SkillEdit[] }) {
    const title = input.title.trim();
    if (!title || title.length > MAX_TITLE)
      throw new TaxonomyError('BAD_USER_INPUT', `title: 1 to ${MAX_TITLE} characters that say what the change is.`);
    const description = checkText(input.description ?? '', 'description');
    if (input.edits.length === 0 || input.edits.length > MAX_CHANGE_SET_EDITS)
      throw new TaxonomyError('BAD_USER_INPUT', `A change set holds 1 to ${MAX_CHANGE_SET_EDITS} edits.`);
    const id = `changeset:${new Date().toISOString().slice(0, 10)}-${crypto.randomBytes(4).toString('hex')}`;
    return this.editor.planned(async ({ plan, write }) => {
      await plan(actor, input.edits);
      await write([], {
        actor,
        operation: 'proposeChangeSet',
        subjects: [SUBJECT, id],
        after: { id, title, description, edits: input.edits },
      });
      return this.require(id);
    });
  }

  /**
   * What the edits do: for an applied change set, the records its approval wrote; otherwise what approving it
   * now would do (a dry run over the taxonomy as it is), or the first edit that no longer applies.
   */
  async effect(changeSet: ChangeSet): Promise<ChangeSetPreview> {
    if (changeSet.status === 'APPLIED') {
      const records = (await this.records(changeSet.id)).filter((r) => !(r.operation in recordKind));
      return { edits: records.map(planned), problem: null };
    }
    try {
      return await this.editor.planned(async ({ plan }) => ({
        edits: (await plan(changeSet.proposedBy, changeSet.edits)).audits.map(planned),
        problem: null,
      }));
    } catch (err) {
      if (!(err instanceof TaxonomyError)) throw err;
      return { edits: [], problem: { code: err.code, message: err.message } };
    }
  }

  comment(actor: string, id: string, text: string): Promise<ChangeSet> {
    const clean = checkText(text, 'comment');
    if (!clean) throw new TaxonomyError('BAD_USER_INPUT', 'comment: say something (1 to 4,000 characters).');
    return this.step(actor, id, 'commentOnChangeSet', clean, (cs) => {
      // The decision that ends the discussion needs a place too.
      if (cs.comments.length >= MAX_COMMENTS - 1)
        throw new TaxonomyError(
          'CONFLICT',
          `Change set "${id}" has ${cs.comments.length} comments, the most it takes; decide it.`,
        );
    });
  }

  /**
   * Applies every edit in one write with its history (each record names the change set), the approval record
   * beside them. `selfApproval`: whether this caller may approve a change set it proposed (admins may).
   */
  approve(actor: string, id: string, comment: string | null, selfApproval: boolean): Promise<ChangeSet> {
    const text = checkText(comment ?? '', 'comment');
    return this.editor.planned(async ({ plan, write }) => {
      const cs = await this.requireOpen(id);
      if (cs.proposedBy === actor && !selfApproval)
        throw new TaxonomyError('FORBIDDEN', `Change set "${id}" is yours: another reviewer approves it.`);
      const scope = await plan(cs.proposedBy, cs.edits);
      // Each edit's record is found from its skills (their history) and from the change set (its effect).
      const edits: EditAudit[] = scope.audits.map((a) => ({
        ...a,
        subjects: [...a.subjects, id],
        after: { ...(a.after as object), changeSet: id },
      }));
      await write(scope.ops(), [
        ...edits,
        {
          actor,
          operation: 'approveChangeSet',
          subjects: [SUBJECT, id],
          after: { id, comment: text || null, edits: edits.length },
        },
      ]);
      return this.require(id);
    });
  }

  reject(actor: string, id: string, reason: string): Promise<ChangeSet> {
    const clean = checkText(reason, 'reason');
    if (!clean) throw new TaxonomyError('BAD_USER_INPUT', 'reason: say why, so the proposer can revise it.');
    return this.step(actor, id, 'rejectChangeSet', clean);
  }

  /** The proposer takes it back (only its proposer, while it is open). */
  withdraw(actor: string, id: string): Promise<ChangeSet> {
    return this.step(actor, id, 'withdrawChangeSet', '', (cs) => {
      if (cs.proposedBy !== actor)
        throw new TaxonomyError('FORBIDDEN', `Only its proposer (${cs.proposedBy}) can withdraw change set "${id}".`);
    });
  }

  private step(
    actor: string,
    id: string,
    operation: keyof typeof recordKind,
    text: string,
    check?: (cs: ChangeSet) => void,
  ): Promise<ChangeSet> {
    return this.editor.runEdit(async (write) => {
      const cs = await this.requireOpen(id);
      check?.(cs);
      await write([], { actor, operation, subjects: [SUBJECT, id], after: { id, text: text || null } });
      return this.require(id);
    });
  }

  async get(id: string): Promise<ChangeSet | null> {
    return fold(await this.records(id))[0] ?? null;
  }

  async require(id: string): Promise<ChangeSet> {
    const cs = await this.get(id);
    if (!cs) throw new TaxonomyError('NOT_FOUND', `No change set has id "${id}"; list them with changeSets.`);
    return cs;
  }

  /** Change sets, newest first, optionally of one status. */
  async list(status: ChangeSetStatus | null): Promise<ChangeSet[]> {
    const all = fold(await this.records(SUBJECT)).reverse();
    return status ? all.filter((c) => c.status === status) : all;
  }

  private async requireOpen(id: string): Promise<ChangeSet> {
    const cs = await this.require(id);
    if (cs.status !== 'PROPOSED')
      throw new TaxonomyError(
        'CONFLICT',
        `Change set "${id}" is ${cs.status.toLowerCase()}${cs.decidedBy ? ` (by ${cs.decidedBy})` : ''}; only a proposed one can change.`,
      );
    return cs;
  }

  /** Every record under a subject, oldest first. */
  private async records(subject: string): Promise<AuditRecord[]> {
    return (await allHistory(this.store, { feed: 'taxonomy', subject })).reverse();
  }
}

/** Change sets from their records (oldest first), in the order they were proposed. */
function fold(records: AuditRecord[]): ChangeSet[] {
  const byId = new Map<string, ChangeSet>();
  for (const r of records) {
    const kind = recordKind[r.operation as keyof typeof recordKind];
    if (!kind) continue;
    const a = r.after as {
      id: string;
      title?: string;
      description?: string;
      edits?: SkillEdit[];
      text?: string | null;
      comment?: string | null;
    };
    if (kind === 'PROPOSED') {
      byId.set(a.id, {
        id: a.id,
        title: a.title ?? '',
        description: a.description ?? '',
        edits: a.edits ?? [],
        status: 'PROPOSED',
        proposedBy: r.actor,
        proposedAt: r.at,
        decidedBy: null,
        decidedAt: null,
        comments: [],
      });
      continue;
    }
    const cs = byId.get(a.id);
    if (!cs) continue;
    const text = a.text ?? a.comment ?? '';
    if (kind !== 'COMMENT') {
      cs.status = kind === 'APPROVED' ? 'APPLIED' : kind;
      cs.decidedBy = r.actor;
      cs.decidedAt = r.at;
    }
    if (text || kind !== 'COMMENT') cs.comments.push({ by: r.actor, at: r.at, text, kind });
  }
  return [...byId.values()];
}

function planned(a: EditAudit): PlannedEdit {
  return { operation: a.operation, subjects: a.subjects, before: a.before ?? null, after: a.after ?? null };
}

function checkText(text: string, field: string): string {
  if (text.length > MAX_DESCRIPTION_LENGTH)
    throw new TaxonomyError('BAD_USER_INPUT', `${field}: at most ${MAX_DESCRIPTION_LENGTH} characters.`);
  return text.trim();
}
