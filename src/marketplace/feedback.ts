/**
 * People's decisions on the skills of members and jobs: a recruiter confirms, rejects or adds a skill on a
 * posting, a member on their profile. A decision is a SKILL_FEEDBACK edge (subject → skill) holding the latest
 * decision, who made it, when, why, and the earlier decisions on that skill (newest first). The subject's skill
 * edges (REQUIRES, HAS_SKILL) always show the effective list: extraction and the declared skills, minus what
 * was rejected, plus what was confirmed or added. An upsert recomputes that list from the text and keeps the
 * decisions, so re-extraction never undoes a person's word.
 */
import type { Relation } from '../extraction/extract.ts';
import { StoreError, cleanProps, edgeVersion, retryOnConflict } from '../store/types.ts';
import type {
  EdgeRecord,
  EdgeRef,
  EdgeType,
  GraphStore,
  NeighborLink,
  NodeRecord,
  NodeRef,
  WriteOp,
} from '../store/types.ts';
import type { ExtractionService } from '../extraction/service.ts';
import { nodeText } from './text.ts';
import { nodePages } from '../store/scan.ts';
import { MarketplaceError, RELATIONS } from './model.ts';

export const SKILL_DECISIONS = ['CONFIRMED', 'REJECTED', 'ADDED'] as const;
export type SkillDecision = (typeof SKILL_DECISIONS)[number];
/** Where a member's or job's skill comes from: its text, its record's skills list, or a person's decision. */
export type SkillSource = 'EXTRACTED' | 'DECLARED' | 'CONFIRMED' | 'ADDED';

export interface SkillChoice {
  skillId: string;
  source: SkillSource;
  relation: Relation;
  confidence: number;
}

export interface FeedbackEntry {
  decision: SkillDecision;
  relation?: Relation;
  by: string;
  at: string;
  reason?: string;
}

export interface Feedback extends FeedbackEntry {
  skillId: string;
  /** Earlier decisions on the same skill, newest first (at most HISTORY_LIMIT). */
  history: FeedbackEntry[];
}

export type Subject = NodeRef & { label: 'Member' | 'Job' };

/** Earlier decisions kept on a feedback edge (the audit log keeps every one). */
export const HISTORY_LIMIT = 20;
/** Skills one member or job may hold decisions on (a bound for the API's lists). */
export const MAX_FEEDBACK = 500;
export const MAX_REASON = 500;

/** The edge type holding a subject's effective skills, and the relation a person's skill gets by default. */
export function skillEdgeOf(label: Subject['label']): { type: EdgeType; relation: Relation } {
  return label === 'Job' ? { type: 'REQUIRES', relation: 'REQUIRED' } : { type: 'HAS_SKILL', relation: 'CORE' };
}

const relationOf = (v: unknown): Relation | undefined =>
  (RELATIONS as readonly string[]).includes(v as string) ? (v as Relation) : undefined;

function entryOf(v: Record<string, unknown>): FeedbackEntry | null {
  const decision = v.decision as SkillDecision;
  if (!SKILL_DECISIONS.includes(decision)) return null;
  return {
    decision,
    relation: relationOf(v.relation),
    by: String(v.by ?? ''),
    at: String(v.at ?? ''),
    reason: typeof v.reason === 'string' && v.reason ? v.reason : undefined,
  };
}

/** A SKILL_FEEDBACK edge as a decision with its history; null for an edge that holds none. */
export function toFeedback(e: EdgeRecord): Feedback | null {
  const latest = entryOf(e.props);
  if (!latest) return null;
  const history = (Array.isArray(e.props.history) ? (e.props.history as string[]) : [])
    .map((h) => {
      try {
        return entryOf(JSON.parse(h) as Record<string, unknown>);
      } catch {
        return null;
      }
    })
    .filter((h): h is FeedbackEntry => h !== null);
  return { ...latest, skillId: e.to.id, history };
}

/** Every decision on a subject's skills. */
export async function readFeedback(store: GraphStore, subject: Subject): Promise<Feedback[]> {
  return (await readFeedbackMany(store, subject.label, [subject.id]))[0];
}

/** readFeedback for many members or jobs in one round trip, aligned with ids. */
export async function readFeedbackMany(
  store: GraphStore,
  label: Subject['label'],
  ids: string[],
): Promise<Feedback[][]> {
  return (await store.neighborLinksMany(label, ids, 'SKILL_FEEDBACK', 'out')).map((list) =>
    list.map((n) => toFeedback(n.edge)).filter((f): f is Feedback => f !== null),
  );
}

/** Distinct job seekers (API keys) a flag counts; the most recent reasons it keeps. */
export const MAX_FLAGGERS = 100;
const FLAG_REASONS = 5;

export interface Flag {
  skillId: string;
  /** Distinct keys that flagged it. */
  count: number;
  at: string;
  reasons: string[];
}

export function toFlag(e: EdgeRecord): Flag {
  return {
    skillId: e.to.id,
    count: Array.isArray(e.props.by) ? e.props.by.length : 0,
    at: String(e.props.at ?? ''),
    reasons: Array.isArray(e.props.reasons) ? (e.props.reasons as string[]) : [],
  };
}

/**
 * A job seeker says one of a job's skills looks wrong. Flags are a signal for recruiters and editors, not a
 * decision: the job keeps the skill. Each key counts once per skill (flagging again only updates the time
 * and reason); the skill must be on the job.
 */
export function flagJobSkill(...args: Parameters<typeof writeFlag>): Promise<{ flag: Flag; seq: number }> {
  // Read-modify-write of the flag's list of keys, on the condition that the edge is still at the version read
  // (again when another replica's write won); one at a time per store connection (as recordInteractions).
  const store = args[0];
  const run = (flagWrites.get(store) ?? Promise.resolve()).then(() => retryOnConflict(() => writeFlag(...args)));
  flagWrites.set(
    store,
    run.catch(() => undefined),
  );
  return run;
}
const flagWrites = new WeakMap<GraphStore, Promise<unknown>>();

/** flagJobSkill's work (see there). */
async function writeFlag(
  store: GraphStore,
  jobId: string,
  skillId: string,
  reason: string | undefined,
  actor: string,
): Promise<{ flag: Flag; seq: number }> {
  if (reason && reason.length > MAX_REASON)
    throw new MarketplaceError('BAD_USER_INPUT', `reason: must be at most ${MAX_REASON} characters.`);
  const job = { label: 'Job' as const, id: jobId };
  const skill = { label: 'Skill' as const, id: skillId };
  if (!(await store.getNode(job))) throw new MarketplaceError('NOT_FOUND', `No job has id "${jobId}".`);
  if (!(await store.getEdge({ type: 'REQUIRES', from: job, to: skill })))
    throw new MarketplaceError('BAD_USER_INPUT', `${skillId} is not among job "${jobId}"'s skills.`);
  const ref: EdgeRef = { type: 'SKILL_FLAG', from: job, to: skill };
  const prev = await store.getEdge(ref);
  const by = Array.isArray(prev?.props.by) ? (prev.props.by as string[]) : [];
  if (!by.includes(actor) && by.length >= MAX_FLAGGERS) by.shift();
  const reasons = Array.isArray(prev?.props.reasons) ? (prev.props.reasons as string[]) : [];
  const props = {
    by: [...by.filter((b) => b !== actor), actor],
    at: new Date().toISOString(),
    reasons: reason ? [reason, ...reasons].slice(0, FLAG_REASONS) : reasons,
    version: edgeVersion(prev) + 1,
  };
  const ifVersion = prev ? edgeVersion(prev) : null;
  const { seq } = await store.write([{ op: 'upsertEdge', edge: { ...ref, props }, ifVersion }], {
    feed: 'marketplace',
    actor,
    operation: 'flagJobSkill',
    subjects: [jobId, skillId],
  });
  return { flag: toFlag({ ...ref, props }), seq };
}

/** Every member and job with at least one decision, with its decisions (500 nodes per round trip). */
export async function* judgedSubjects(
  store: GraphStore,
  onProgress?: (label: string, done: number) => void,
): AsyncGenerator<{ node: NodeRecord; feedback: Feedback[] }> {
  for (const label of ['Job', 'Member'] as const) {
    let done = 0;
    for await (const page of nodePages(store, label, 500)) {
      const decisions = await readFeedbackMany(
        store,
        label,
        page.map((n) => n.id),
      );
      for (const [i, node] of page.entries()) if (decisions[i].length) yield { node, feedback: decisions[i] };
      done += page.length;
      onProgress?.(label, done);
    }
  }
}

/**
 * Training pairs for the semantic tagger from people's decisions: for each skill someone confirmed or added
 * on a member or job, the line of its text where extraction (at a low threshold) places the skill → the
 * skill's label. Skills extraction cannot place at all give no pair; rejected skills give none either (the
 * projection learns from in-batch negatives only).
 */
export async function feedbackPairs(
  store: GraphStore,
  extraction: ExtractionService,
  labelOf: (skillId: string) => string | undefined,
): Promise<Array<[string, string]>> {
  const pairs: Array<[string, string]> = [];
  for await (const { node, feedback } of judgedSubjects(store)) {
    const wanted = new Set(feedback.filter((f) => f.decision !== 'REJECTED').map((f) => f.skillId));
    const text = nodeText(node);
    if (!wanted.size || !text) continue;
    const kind = node.label === 'Job' ? 'JOB_POSTING' : 'PROFILE';
    const found = await extraction.extract(text, { kind, expand: false, minConfidence: 0.05 });
    for (const s of found.skills) {
      const label = labelOf(s.skillId);
      if (!wanted.has(s.skillId) || !label || !s.spans.length) continue;
      const best = s.spans.reduce((a, b) => (b.confidence > a.confidence ? b : a));
      const line = lineAround(text, best.start, best.end);
      if (line) pairs.push([line, label]);
    }
  }
  return pairs;
}

/** The line (or sentence, for long lines) of `text` holding [start, end). */
function lineAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const to = text.indexOf('\n', end);
  const line = text.slice(from, to < 0 ? text.length : to).trim();
  if (line.length <= 300) return line;
  const sentenceStart = Math.max(text.lastIndexOf('. ', start - 1) + 2, from);
  const stop = text.indexOf('. ', end);
  return text.slice(sentenceStart, stop < 0 ? Math.min(text.length, end + 200) : stop + 1).trim();
}

/** How many members and jobs hold one decision on a skill. */
export interface FeedbackTally {
  skillId: string;
  count: number;
  jobs: number;
  members: number;
}

/**
 * Skills by how often people made `decision` on them (the most first), read from the skills' side: one round
 * trip per 1,000 skills, whatever the number of members and jobs.
 */
export function tallyFeedback(store: GraphStore, decision: SkillDecision): Promise<FeedbackTally[]> {
  return tallySkills(store, 'SKILL_FEEDBACK', (edges) => {
    const held = edges.filter((n) => n.edge.props.decision === decision);
    const jobs = held.filter((n) => n.node.label === 'Job').length;
    return { count: held.length, jobs, members: held.length - jobs };
  });
}

/** Skills by how many job seekers flagged them, over all jobs (the most first); jobs = jobs flagged. */
export function tallyFlags(store: GraphStore): Promise<FeedbackTally[]> {
  return tallySkills(store, 'SKILL_FLAG', (edges) => ({
    count: edges.reduce((sum, n) => sum + toFlag(n.edge).count, 0),
    jobs: edges.length,
    members: 0,
  }));
}

async function tallySkills(
  store: GraphStore,
  type: 'SKILL_FEEDBACK' | 'SKILL_FLAG',
  countOf: (edges: NeighborLink[]) => Omit<FeedbackTally, 'skillId'>,
): Promise<FeedbackTally[]> {
  const out: FeedbackTally[] = [];
  for await (const page of nodePages(store, 'Skill', 1000)) {
    const lists = await store.neighborLinksMany(
      'Skill',
      page.map((n) => n.id),
      type,
      'in',
    );
    page.forEach((skill, i) => {
      const t = countOf(lists[i]);
      if (t.count) out.push({ skillId: skill.id, ...t });
    });
  }
  return out.sort((x, y) => y.count - x.count || (x.skillId < y.skillId ? -1 : 1));
}

const HUMAN_RANK: Record<SkillSource, number> = { CONFIRMED: 0, ADDED: 0, DECLARED: 1, EXTRACTED: 2 };

/**
 * The effective skills: `candidates` (declared, then extracted; the first of a skill counts) with the
 * decisions applied — a rejected skill leaves (and is reported), a confirmed one stays at confidence 1 even when
 * the text no longer yields it, an added one joins. People's choices first, then declared, then extracted by
 * confidence; at most `max`.
 */
export function applyFeedback(
  candidates: SkillChoice[],
  feedback: Feedback[],
  defaultRelation: Relation,
  max: number,
): { skills: SkillChoice[]; rejected: string[] } {
  const byId = new Map<string, SkillChoice>();
  for (const c of candidates) if (!byId.has(c.skillId)) byId.set(c.skillId, c);
  const rejected: string[] = [];
  for (const f of feedback) {
    const had = byId.get(f.skillId);
    if (f.decision === 'REJECTED') {
      if (had) rejected.push(f.skillId);
      byId.delete(f.skillId);
    } else {
      byId.set(f.skillId, {
        skillId: f.skillId,
        source: f.decision,
        relation: f.relation ?? had?.relation ?? defaultRelation,
        confidence: 1,
      });
    }
  }
  const skills = [...byId.values()]
    .sort((a, b) => HUMAN_RANK[a.source] - HUMAN_RANK[b.source] || b.confidence - a.confidence)
    .slice(0, max);
  return { skills, rejected: rejected.sort() };
}

/** A skill edge's props (REQUIRES or HAS_SKILL) for one effective skill. */
export function skillEdgeProps(s: SkillChoice): Record<string, string | number> {
  return { source: s.source, relation: s.relation, confidence: s.confidence };
}

export interface ReviewRequest {
  subject: Subject;
  skillId: string;
  decision: SkillDecision;
  relation?: Relation;
  reason?: string;
}

export interface ReviewResult {
  feedback: Feedback;
  /** The write's sequence number; 0 when the same decision was already recorded. */
  seq: number;
}

/**
 * Records one decision and applies it to the subject's skill edges in the same transaction (the subject's
 * version goes up, so a concurrent upsert or review is retried against what the other wrote). Confirming
 * needs the skill on the subject or a rejection to undo; adding a skill beyond the subject's bound displaces
 * its least confident extracted one. The same decision again changes nothing.
 */
export async function reviewSkill(
  store: GraphStore,
  req: ReviewRequest,
  actor: string,
  maxSkills: number,
): Promise<ReviewResult> {
  if (req.reason && req.reason.length > MAX_REASON)
    throw new MarketplaceError('BAD_USER_INPUT', `reason: must be at most ${MAX_REASON} characters.`);
  // A concurrent upsert or review of the subject raises CONFLICT: decide again from what is stored now.
  try {
    return await retryOnConflict(() => reviewOnce(store, req, actor, maxSkills));
  } catch (err) {
    throw err instanceof StoreError ? new MarketplaceError(err.code, err.message) : err;
  }
}

/** One read-decide-write of reviewSkill; its write is conditional on the subject's version. */
async function reviewOnce(
  store: GraphStore,
  req: ReviewRequest,
  actor: string,
  maxSkills: number,
): Promise<ReviewResult> {
  const { subject, skillId, decision } = req;
  const kind = subject.label.toLowerCase();
  const skillEdge = skillEdgeOf(subject.label);
  const feedbackRef: EdgeRef = { type: 'SKILL_FEEDBACK', from: subject, to: { label: 'Skill', id: skillId } };
  const node = await store.getNode(subject);
  if (!node) throw new MarketplaceError('NOT_FOUND', `No ${kind} has id "${subject.id}".`);
  const [current, prevEdge] = await Promise.all([
    store.neighbors(subject, skillEdge.type, 'out'),
    store.getEdge(feedbackRef),
  ]);
  const prev = prevEdge ? toFeedback(prevEdge) : null;
  const present = current.find((n) => n.node.id === skillId);
  if (decision === 'CONFIRMED' && !present && prev?.decision !== 'REJECTED')
    throw new MarketplaceError(
      'BAD_USER_INPUT',
      `${skillId} is not among ${kind} "${subject.id}"'s skills; add${subject.label}Skill adds it.`,
    );
  const now = new Date().toISOString();
  const relation =
    decision === 'REJECTED'
      ? undefined
      : (req.relation ?? relationOf(present?.edge.props.relation) ?? prev?.relation ?? skillEdge.relation);
  const entry: FeedbackEntry = { decision, relation, by: actor, at: now, reason: req.reason || undefined };
  if (prev && prev.decision === entry.decision && prev.relation === entry.relation && prev.reason === entry.reason)
    return { feedback: prev, seq: 0 };
  if (!prev && (await store.neighbors(subject, 'SKILL_FEEDBACK', 'out')).length >= MAX_FEEDBACK)
    throw new MarketplaceError(
      'BAD_USER_INPUT',
      `${kind} "${subject.id}" already holds ${MAX_FEEDBACK} skill decisions; change one of those instead.`,
    );
  const history = prev
    ? [
        { decision: prev.decision, relation: prev.relation, by: prev.by, at: prev.at, reason: prev.reason },
        ...prev.history,
      ]
    : [];
  const version = Number(node.props.version ?? 0);
  const ops: WriteOp[] = [
    {
      op: 'upsertNode',
      node: { ...node, props: { ...node.props, version: version + 1, updatedAt: now } },
      ifVersion: version,
    },
    {
      op: 'upsertEdge',
      edge: {
        ...feedbackRef,
        props: cleanProps({
          ...entry,
          history: history.slice(0, HISTORY_LIMIT).map((h) => JSON.stringify(cleanProps({ ...h }))),
        }),
      },
    },
  ];
  const edgeRef: EdgeRef = { type: skillEdge.type, from: subject, to: { label: 'Skill', id: skillId } };
  if (decision === 'REJECTED') {
    if (present) ops.push({ op: 'deleteEdge', edge: edgeRef });
  } else {
    if (!present && current.length >= maxSkills) {
      const machine = current
        .filter((n) => n.edge.props.source !== 'CONFIRMED' && n.edge.props.source !== 'ADDED')
        .sort((a, b) => Number(a.edge.props.confidence ?? 1) - Number(b.edge.props.confidence ?? 1))[0];
      if (!machine)
        throw new MarketplaceError(
          'BAD_USER_INPUT',
          `${kind} "${subject.id}" holds ${maxSkills} skills people chose; reject one before adding another.`,
        );
      ops.push({ op: 'deleteEdge', edge: machine.edge });
    }
    ops.push({
      op: 'upsertEdge',
      edge: { ...edgeRef, props: skillEdgeProps({ skillId, source: decision, relation: relation!, confidence: 1 }) },
    });
  }
  const { seq } = await store.write(ops, {
    feed: 'marketplace',
    actor,
    operation: `${VERBS[decision]}${subject.label}Skill`,
    subjects: [subject.id, skillId],
    before: prev ? { decision: prev.decision, relation: prev.relation } : null,
    after: { decision, relation },
  });
  return { feedback: { ...entry, skillId, history: history.slice(0, HISTORY_LIMIT) }, seq };
}

const VERBS: Record<SkillDecision, string> = { CONFIRMED: 'confirm', REJECTED: 'reject', ADDED: 'add' };
