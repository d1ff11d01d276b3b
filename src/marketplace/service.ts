/**
 * Ingest and reads for members, jobs and interactions.
 *
 * An upsert is one straight line: validated input → skills (declared ones resolved against the
 * taxonomy, the rest extracted from the text) → the node, its small neighbours (Company,
 * Location chain, Title → Occupation) and its edges, diffed against what is stored → one store
 * write with an audit record. Many records go into one write; if that write is refused, each
 * record is retried alone so one bad record never takes the others down, and none is ever
 * half-applied. Audit records carry ids only (no personal data); deleting a member removes
 * the node, its edges and the properties its earlier change events carried.
 */
import type { ExtractedSkill, Relation } from '../extraction/extract.ts';
import { MAX_TERMS } from '../extraction/terms.ts';
import type { ExtractionService } from '../extraction/service.ts';
import { StoreError, cleanProps, edgeVersion, incidentEdges, isInteraction, retryOnConflict } from '../store/types.ts';
import type {
  EdgeRecord,
  EdgeType,
  GraphStore,
  NeighborLink,
  NodeRecord,
  NodeRef,
  Props,
  WriteOp,
} from '../store/types.ts';
import type { TaxonomyService } from '../taxonomy/service.ts';
import { applyFeedback, readFeedbackMany, reviewSkill, skillEdgeOf, skillEdgeProps } from './feedback.ts';
import type { Feedback, ReviewRequest, ReviewResult, SkillChoice, Subject } from './feedback.ts';
import { MarketplaceError, companyId, locationChain, normalizeTitle, seniorityOfTitle, titleId } from './model.ts';
import type { InteractionInput, JobInput, MemberInput } from './model.ts';
import { jobText, memberText } from './text.ts';
import { linkThreshold } from './titles.ts';
import type { TitleNormalizer } from './titles.ts';

/** Extracted skills below this confidence are not written as edges. */
export const MIN_EDGE_CONFIDENCE = 0.5;
/**
 * The most skills a member or job holds (LinkedIn's profile limit too): declared ones first, then the most
 * confident extracted ones. The API's lists and its cost limit rely on this bound.
 */
export const MAX_SKILLS = 100;

const byConfidence = (a: { confidence: number }, b: { confidence: number }) => b.confidence - a.confidence;
/**
 * Edges a member or job owns: every outgoing edge type but interactions (which are recorded one
 * by one and kept), replaced as a whole on every upsert.
 */
const ownedEdges = (label: 'Member' | 'Job'): EdgeType[] =>
  incidentEdges(label)
    .filter((e) => e.direction === 'out' && !isInteraction(e.type))
    .map((e) => e.type);
const MEMBER_EDGES = ownedEdges('Member');
const JOB_EDGES = ownedEdges('Job');

export interface UpsertResult {
  id: string;
  created: boolean;
  /** Skills written as edges: people's decisions (feedback.ts), declared ones and extracted ones. */
  skills: SkillChoice[];
  /** Declared skills that matched no skill in the taxonomy (ignored). */
  unknownSkills: string[];
  /** Declared or extracted skills left out because someone rejected them. */
  rejectedSkills: string[];
  seq: number;
}

/** What is stored of a member or job an upsert replaces: its record, people's skill decisions, its owned edges. */
interface Stored {
  node: NodeRecord;
  feedback: Feedback[];
  /** Its outgoing edges of the owned types (ownedEdges). */
  owned: NeighborLink[];
}

interface Planned {
  id: string;
  /** Company, Location and Title nodes it points at (written only where missing). */
  aux: NodeRecord[];
  ops: WriteOp[];
  result: Omit<UpsertResult, 'seq'>;
}

export class MarketplaceService {
  /** The interaction writes queued in this process (recordInteractions). */
  private interactionWrites: Promise<unknown> = Promise.resolve();

  constructor(
    readonly store: GraphStore,
    private readonly taxonomy: TaxonomyService,
    private readonly extraction: ExtractionService,
    private readonly titles: TitleNormalizer,
  ) {}

  /**
   * Upserts members; `fast` (one request waiting: GraphQL) extracts skills with the student encoder,
   * bulk import with the teacher.
   */
  async upsertMembers(
    inputs: MemberInput[],
    actor: string,
    opts: { fast?: boolean } = {},
  ): Promise<Array<UpsertResult | MarketplaceError>> {
    return this.upsertMany('Member', inputs, actor, (input, existing, now) =>
      this.planMember(input, existing, now, opts.fast ?? false),
    );
  }

  async upsertJobs(
    inputs: JobInput[],
    actor: string,
    opts: { fast?: boolean } = {},
  ): Promise<Array<UpsertResult | MarketplaceError>> {
    return this.upsertMany('Job', inputs, actor, (input, existing, now) =>
      this.planJob(input, existing, now, opts.fast ?? false),
    );
  }

  /**
   * Interactions of many (member, job) pairs; each result is the new edge's sequence number or an error. Each
   * reads an edge's counts and writes them back one higher, on the condition that the edge is still at the
   * version it read (WriteOp `ifVersion`): a write that lost to another replica's is read and applied again,
   * so concurrent calls for one pair all count, whichever replicas they reach. Calls run one at a time in this
   * process (they would only make each other retry).
   */
  recordInteractions(inputs: InteractionInput[], actor: string): Promise<Array<InteractionResult | MarketplaceError>> {
    const run = this.interactionWrites.then(() => retryOnConflict(() => this.applyInteractions(inputs, actor)));
    this.interactionWrites = run.catch(() => undefined);
    return run;
  }

  private async applyInteractions(
    inputs: InteractionInput[],
    actor: string,
  ): Promise<Array<InteractionResult | MarketplaceError>> {
    const members = await this.store.getNodes(
      'Member',
      inputs.map((i) => i.memberId),
    );
    const jobs = await this.store.getNodes(
      'Job',
      inputs.map((i) => i.jobId),
    );
    const results: Array<InteractionResult | MarketplaceError> = [];
    const ops: WriteOp[] = [];
    const refOf = (input: InteractionInput) => ({
      type: input.type,
      from: { label: 'Member' as const, id: input.memberId },
      to: { label: 'Job' as const, id: input.jobId },
    });
    const keyOf = (input: InteractionInput) => `${input.type}|${input.memberId}|${input.jobId}`;
    // The stored edges, read at once; each is then written on the condition that it is still at its version.
    const stored = new Map<string, EdgeRecord | null>();
    await Promise.all(
      [...new Map(inputs.map((input, i) => [keyOf(input), { input, i }])).entries()]
        .filter(([, { i }]) => members[i] && jobs[i])
        .map(async ([key, { input }]) => stored.set(key, await this.store.getEdge(refOf(input)))),
    );
    const pending = new Map<string, { counts: InteractionCounts; version: number }>();
    for (const [i, input] of inputs.entries()) {
      if (!members[i])
        results.push(
          new MarketplaceError('NOT_FOUND', `No member has id "${input.memberId}"; import or upsert the member first.`),
        );
      else if (!jobs[i])
        results.push(
          new MarketplaceError('NOT_FOUND', `No job has id "${input.jobId}"; import or upsert the job first.`),
        );
      else {
        const key = keyOf(input);
        const edge = stored.get(key) ?? null;
        const held = pending.get(key);
        const prev = held?.counts ?? interactionCounts(edge);
        const next = addInteraction(prev, input.at);
        // The same event again (a replayed import, a retried request) changes nothing.
        if (next === prev) {
          results.push({ seq: 0, count: prev.count, first: prev.first, at: prev.at });
          continue;
        }
        // The first write of an edge in the batch carries the condition; later ones follow it in the transaction.
        const version = held ? held.version : edgeVersion(edge);
        pending.set(key, { counts: next, version: version + 1 });
        ops.push({
          op: 'upsertEdge',
          edge: { ...refOf(input), props: { ...next, version: version + 1 } },
          ...(held ? {} : { ifVersion: edge ? version : null }),
        });
        results.push({ seq: 0, count: next.count, first: next.first, at: next.at });
      }
    }
    if (ops.length === 0) return results;
    // The last op of each edge carries its final state; earlier ones for the same edge are superseded.
    const subjects = [...new Set(inputs.flatMap((i) => [i.memberId, i.jobId]))].slice(0, 1000);
    const { seq } = await this.store.write(ops, {
      feed: 'marketplace',
      actor,
      operation: 'recordInteraction',
      subjects,
    });
    return results.map((r) => (r instanceof MarketplaceError ? r : { ...r, seq }));
  }

  /**
   * Deletes a member with its edges and the personal data its change events carried; the write's sequence
   * number, 0 when absent.
   */
  async deleteMember(id: string, actor: string): Promise<number> {
    return this.deleteNode({ label: 'Member', id }, actor, 'deleteMember');
  }

  async deleteJob(id: string, actor: string): Promise<number> {
    return this.deleteNode({ label: 'Job', id }, actor, 'deleteJob');
  }

  private async deleteNode(ref: NodeRef, actor: string, operation: string): Promise<number> {
    if (!(await this.store.getNode(ref))) return 0;
    return (
      await this.store.write([{ op: 'deleteNode', node: ref, redact: true }], {
        feed: 'marketplace',
        actor,
        operation,
        subjects: [ref.id],
      })
    ).seq;
  }

  private async upsertMany<T extends { id: string }>(
    label: 'Member' | 'Job',
    inputs: T[],
    actor: string,
    plan: (input: T, existing: Stored | null, now: string) => Promise<Planned>,
  ): Promise<Array<UpsertResult | MarketplaceError>> {
    const seen = new Set<string>();
    for (const input of inputs) {
      if (seen.has(input.id))
        throw new MarketplaceError('BAD_USER_INPUT', `${label} "${input.id}" appears twice in one batch.`);
      seen.add(input.id);
    }
    // Member and job ids are unique across both (the API's Node ids): an id the other kind holds is refused.
    const other = label === 'Member' ? 'Job' : 'Member';
    const ids = inputs.map((i) => i.id);
    // Every read an upsert needs, at once (over Neo4j each is a round trip).
    const [taken, read] = await Promise.all([this.store.getNodes(other, ids), this.readStored(label, ids)]);
    if (taken.some(Boolean)) {
      const free = inputs.filter((_, i) => !taken[i]);
      const done = free.length ? await this.upsertMany(label, free, actor, plan) : [];
      let k = 0;
      return inputs.map((input, i) =>
        taken[i]
          ? new MarketplaceError(
              'CONFLICT',
              `"${input.id}" is a ${other.toLowerCase()}'s id; member and job ids are unique across both.`,
            )
          : done[k++],
      );
    }
    // Someone else changed one of these nodes meanwhile (CONFLICT): plan again from what is stored now.
    let existing: Array<Stored | null> | null = read;
    const planAndWrite = async (): Promise<UpsertResult[]> => {
      const stored = existing ?? (await this.readStored(label, ids));
      existing = null;
      const now = new Date().toISOString();
      const plans = await Promise.all(inputs.map((input, i) => plan(input, stored[i], now)));
      const aux = await this.missingAuxNodes(plans.flatMap((p) => p.aux));
      const { seq } = await this.store.write([...aux, ...plans.flatMap((p) => p.ops)], {
        feed: 'marketplace',
        actor,
        operation: label === 'Member' ? 'upsertMember' : 'upsertJob',
        subjects: plans.map((p) => p.id),
      });
      return plans.map((p) => ({ ...p.result, seq }));
    };
    try {
      return await retryOnConflict(planAndWrite, 4);
    } catch (err) {
      if (inputs.length === 1) throw err instanceof StoreError ? new MarketplaceError(err.code, err.message) : err;
      // One record spoiled the batch: apply each alone so the others still land.
      const results: Array<UpsertResult | MarketplaceError> = [];
      for (const input of inputs) {
        try {
          results.push(...(await this.upsertMany(label, [input], actor, plan)));
        } catch (e) {
          if (e instanceof MarketplaceError) results.push(e);
          else throw e;
        }
      }
      return results;
    }
  }

  /**
   * The stored state of the members or jobs a batch upserts, aligned with ids: the records, the decisions and
   * the owned edges of each type, read for the whole batch at once (not per record, not one after another:
   * over Neo4j each read is a round trip).
   */
  private async readStored(label: 'Member' | 'Job', ids: string[]): Promise<Array<Stored | null>> {
    const [nodes, feedback, ...owned] = await Promise.all([
      this.store.getNodes(label, ids),
      readFeedbackMany(this.store, label, ids),
      ...(label === 'Member' ? MEMBER_EDGES : JOB_EDGES).map((type) =>
        this.store.neighborLinksMany(label, ids, type, 'out'),
      ),
    ]);
    return nodes.map((node, i) => node && { node, feedback: feedback[i], owned: owned.flatMap((lists) => lists[i]) });
  }

  /**
   * Upserts for the Company, Location and Title nodes that do not exist yet, with their own
   * links: a location to its parent region, a title to the occupation it names.
   */
  private async missingAuxNodes(aux: NodeRecord[]): Promise<WriteOp[]> {
    const wanted = new Map<string, NodeRecord>();
    for (const n of aux) if (!wanted.has(`${n.label}/${n.id}`)) wanted.set(`${n.label}/${n.id}`, n);
    const nodes: WriteOp[] = [];
    const links: WriteOp[] = [];
    const labels = (['Location', 'Company', 'Title'] as const).map((label) => ({
      label,
      ofLabel: [...wanted.values()].filter((n) => n.label === label),
    }));
    // One read per label, all at once.
    const storedByLabel = await Promise.all(
      labels.map(({ label, ofLabel }) =>
        ofLabel.length
          ? this.store.getNodes(
              label,
              ofLabel.map((n) => n.id),
            )
          : [],
      ),
    );
    for (const [k, { label, ofLabel }] of labels.entries()) {
      const stored = storedByLabel[k];
      ofLabel.forEach((n, i) => {
        if (stored[i]) return;
        nodes.push({ op: 'upsertNode', node: n });
        if (label === 'Location' && n.props.parentId) {
          links.push({
            op: 'upsertEdge',
            edge: { type: 'LOCATED_IN', from: n, to: { label: 'Location', id: String(n.props.parentId) }, props: {} },
          });
        }
        if (label === 'Title' && n.props.occupationId) {
          links.push({
            op: 'upsertEdge',
            edge: {
              type: 'TITLE_OF',
              from: n,
              to: { label: 'Occupation', id: String(n.props.occupationId) },
              props: {},
            },
          });
        }
      });
    }
    return [...nodes, ...links];
  }

  private async planMember(input: MemberInput, stored: Stored | null, now: string, fast: boolean): Promise<Planned> {
    const existing = stored?.node ?? null;
    const self = { label: 'Member' as const, id: input.id };
    const aux: NodeRecord[] = [];
    const edges: EdgeRecord[] = [];
    const edge = (type: EdgeType, to: NodeRef, props: Props) => edges.push({ type, from: self, to, props });

    const declared = (input.skills ?? []).map((skill) => ({ skill, relation: 'CORE' as const }));
    const { skills, rejected, unknown, unmapped } = await this.skillsOf(
      self,
      declared,
      memberText(input),
      stored?.feedback ?? [],
      fast,
    );
    for (const s of skills) edge('HAS_SKILL', { label: 'Skill', id: s.skillId }, skillEdgeProps(s));

    const locationId = this.location(input.location, aux);
    if (locationId) edge('LOCATED_IN', { label: 'Location', id: locationId }, {});

    const titles = new Map<string, string>();
    const experience = [...(input.experience ?? [])].sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''));
    for (const [i, e] of experience.entries()) {
      if (e.company) {
        const cid = companyId(e.company);
        if (!aux.some((n) => n.id === cid)) aux.push({ label: 'Company', id: cid, props: { name: e.company } });
        if (!edges.some((x) => x.type === 'WORKED_AT' && x.to.id === cid))
          edge('WORKED_AT', { label: 'Company', id: cid }, cleanProps({ title: e.title, start: e.start, end: e.end }));
      }
      const tid = e.title ? await this.title(e.title, aux) : undefined;
      if (tid && !titles.has(tid)) titles.set(tid, i === 0 && !e.end ? 'CURRENT' : 'PAST');
    }
    for (const t of input.desiredTitles ?? []) {
      const tid = await this.title(t, aux);
      if (tid && !titles.has(tid)) titles.set(tid, 'DESIRED');
    }
    for (const [tid, kind] of titles) edge('HAS_TITLE', { label: 'Title', id: tid }, { kind });

    const seniority =
      input.seniority ??
      (experience[0]?.title ? seniorityOfTitle(experience[0].title) : undefined) ??
      (experience.length ? 'MID' : undefined);
    const props = cleanProps({
      headline: input.headline,
      summary: input.summary,
      experience: input.experience?.length ? JSON.stringify(input.experience) : undefined,
      desiredTitles: input.desiredTitles?.length ? input.desiredTitles : undefined,
      openToRemote: input.openToRemote,
      seniority,
      unmappedTerms: unmapped,
      locationId,
      location: locationId ? JSON.stringify(input.location) : undefined,
      createdAt: existing ? String(existing.props.createdAt) : now,
      updatedAt: now,
      version: existing ? Number(existing.props.version ?? 0) + 1 : 1,
    });
    const ops = this.nodeOps({ label: 'Member', id: input.id, props }, stored, edges);
    return {
      id: input.id,
      aux,
      ops,
      result: { id: input.id, created: !existing, skills, unknownSkills: unknown, rejectedSkills: rejected },
    };
  }

  private async planJob(input: JobInput, stored: Stored | null, now: string, fast: boolean): Promise<Planned> {
    const existing = stored?.node ?? null;
    const self = { label: 'Job' as const, id: input.id };
    const aux: NodeRecord[] = [];
    const edges: EdgeRecord[] = [];
    const edge = (type: EdgeType, to: NodeRef, props: Props) => edges.push({ type, from: self, to, props });

    const { skills, rejected, unknown, unmapped } = await this.skillsOf(
      self,
      input.skills ?? [],
      jobText(input),
      stored?.feedback ?? [],
      fast,
    );
    for (const s of skills) edge('REQUIRES', { label: 'Skill', id: s.skillId }, skillEdgeProps(s));

    const locationId = this.location(input.location, aux);
    if (locationId) edge('LOCATED_IN', { label: 'Location', id: locationId }, {});
    if (input.company) {
      const cid = companyId(input.company);
      aux.push({ label: 'Company', id: cid, props: { name: input.company } });
      edge('POSTED_BY', { label: 'Company', id: cid }, {});
    }
    const tid = input.title ? await this.title(input.title, aux) : undefined;
    if (tid) edge('HAS_TITLE', { label: 'Title', id: tid }, { kind: 'CURRENT' });

    const props = cleanProps({
      title: input.title,
      company: input.company,
      description: input.description,
      industry: input.industry,
      workplace: input.workplace,
      seniority: input.seniority ?? (input.title ? seniorityOfTitle(input.title) : undefined),
      postedAt: input.postedAt ? new Date(input.postedAt).toISOString() : existing ? undefined : now,
      expiresAt: input.expiresAt ? new Date(input.expiresAt).toISOString() : undefined,
      salaryMin: input.salaryMin,
      salaryMax: input.salaryMax,
      salaryCurrency: input.salaryCurrency,
      unmappedTerms: unmapped,
      locationId,
      location: locationId ? JSON.stringify(input.location) : undefined,
      createdAt: existing ? String(existing.props.createdAt) : now,
      updatedAt: now,
      version: existing ? Number(existing.props.version ?? 0) + 1 : 1,
    });
    if (!props.postedAt && existing?.props.postedAt) props.postedAt = existing.props.postedAt;
    const ops = this.nodeOps({ label: 'Job', id: input.id, props }, stored, edges);
    return {
      id: input.id,
      aux,
      ops,
      result: { id: input.id, created: !existing, skills, unknownSkills: unknown, rejectedSkills: rejected },
    };
  }

  /** The node upsert (versioned) and the edge diff against what is stored. */
  private nodeOps(node: NodeRecord, stored: Stored | null, edges: EdgeRecord[]): WriteOp[] {
    const ops: WriteOp[] = [
      { op: 'upsertNode', node, ifVersion: stored ? Number(stored.node.props.version ?? 0) : null },
    ];
    const wanted = new Map(edges.map((e) => [`${e.type}|${e.to.label}|${e.to.id}`, e]));
    for (const { node: other, edge } of stored?.owned ?? []) {
      const key = `${edge.type}|${other.label}|${other.id}`;
      const want = wanted.get(key);
      if (!want)
        ops.push({ op: 'deleteEdge', edge: { type: edge.type, from: node, to: { label: other.label, id: other.id } } });
      else if (sameProps(want.props, edge.props)) wanted.delete(key);
    }
    for (const e of wanted.values()) ops.push({ op: 'upsertEdge', edge: e });
    return ops;
  }

  /** The skills a member or job holds: declared, extracted, with people's decisions applied (feedback.ts). */
  private async skillsOf(
    self: Subject,
    declaredList: Array<{ skill: string; relation: Relation }>,
    text: string,
    feedback: Feedback[],
    fast: boolean,
  ): Promise<{ skills: SkillChoice[]; rejected: string[]; unknown: string[]; unmapped: string[] | undefined }> {
    const declared = this.declaredSkills(declaredList);
    const { skills: extracted, unmappedTerms } = await this.extracted(
      text,
      self.label === 'Job' ? 'JOB_POSTING' : 'PROFILE',
      fast,
    );
    const candidates = [...declared.skills, ...extracted];
    const { skills, rejected } = applyFeedback(candidates, feedback, skillEdgeOf(self.label).relation, MAX_SKILLS);
    // What the taxonomy could not name, kept on the record for editors (src/taxonomy/terms.ts): declared names
    // that match no skill, then the text's unmapped list items.
    const seen = new Set<string>();
    const unmapped = [...declared.unknown, ...unmappedTerms]
      .filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()))
      .slice(0, MAX_TERMS);
    return { skills, rejected, unknown: declared.unknown, unmapped: unmapped.length ? unmapped : undefined };
  }

  /** Declared skills resolved by id, label or alias (the first mention of a skill wins); the names that match none. */
  private declaredSkills(list: Array<{ skill: string; relation: Relation }>): {
    skills: SkillChoice[];
    unknown: string[];
  } {
    const skills = new Map<string, SkillChoice>();
    const unknown: string[] = [];
    for (const { skill, relation } of list) {
      const id = this.resolveSkill(skill);
      if (!id) unknown.push(skill);
      else if (!skills.has(id)) skills.set(id, { skillId: id, source: 'DECLARED', relation, confidence: 1 });
    }
    return { skills: [...skills.values()], unknown };
  }

  /** Skills extracted from a member's or job's text at edge confidence, the most confident first. */
  private async extracted(
    text: string,
    kind: 'PROFILE' | 'JOB_POSTING',
    fast: boolean,
  ): Promise<{ skills: SkillChoice[]; unmappedTerms: string[] }> {
    if (!text) return { skills: [], unmappedTerms: [] };
    const extraction = await this.extraction.extract(text, {
      kind,
      expand: false,
      minConfidence: MIN_EDGE_CONFIDENCE,
      fast,
    });
    const found: ExtractedSkill[] = extraction.skills;
    const skills = found
      .map((s) => ({
        skillId: s.skillId,
        source: 'EXTRACTED' as const,
        relation: s.relation,
        confidence: round(s.confidence),
      }))
      .sort(byConfidence);
    return { skills, unmappedTerms: extraction.unmappedTerms };
  }

  /** A person's decision on one of a member's or job's skills (feedback.ts), applied at once. */
  async reviewSkill(req: ReviewRequest, actor: string): Promise<ReviewResult> {
    return reviewSkill(this.store, req, actor, MAX_SKILLS);
  }

  /** A skill id, an exact label or an exact alias of an active skill; undefined otherwise. */
  resolveSkill(name: string): string | undefined {
    const index = this.taxonomy.skillIndex;
    if (index.isActive(name)) return name;
    const hit = index.search(name, { limit: 1 }).hits[0];
    return hit && (hit.match === 'EXACT_LABEL' || hit.match === 'EXACT_ALIAS') ? hit.id : undefined;
  }

  private location(loc: MemberInput['location'], aux: NodeRecord[]): string | undefined {
    const chain = loc ? locationChain(loc) : [];
    chain.forEach((l, i) =>
      aux.push({
        label: 'Location',
        id: l.id,
        props: { name: l.name, level: l.level, ...l.props, ...(i > 0 ? { parentId: chain[i - 1].id } : {}) },
      }),
    );
    return chain.at(-1)?.id;
  }

  /**
   * The Title node for a raw title (normalised), linked to the occupation the title normaliser names when it
   * is an exact match or clears the encoder's link threshold (titles.ts).
   */
  private async title(raw: string, aux: NodeRecord[]): Promise<string | undefined> {
    const normalized = normalizeTitle(raw);
    if (!normalized) return undefined;
    const id = titleId(normalized);
    const [m] = await this.titles.normalize([raw], 1);
    const best = m.candidates[0];
    const linked = best && (m.match === 'EXACT' || m.confidence >= linkThreshold(this.titles.encoder.id));
    aux.push({
      label: 'Title',
      id,
      props: cleanProps({
        label: normalized,
        occupationId: linked ? best.occupationId : undefined,
        occupationConfidence: linked ? m.confidence : undefined,
      }),
    });
    return id;
  }
}

/**
 * What one interaction call wrote: its change-feed position and the pair's counts as its write left them (a
 * later call's write may already have changed them again).
 */
export interface InteractionResult {
  seq: number;
  count: number;
  first: string;
  at: string;
}

/**
 * An interaction edge's state. An event is (member, job, type, at): `times` holds the distinct times seen, so
 * the same event recorded twice counts once while repeats at other times still count. Only the latest
 * MAX_EVENT_TIMES times are kept; an event older than all of them on a full list is taken as already counted.
 */
interface InteractionCounts {
  count: number;
  first: string;
  at: string;
  times: string[];
}

export const MAX_EVENT_TIMES = 1000;

function interactionCounts(e: EdgeRecord | null): InteractionCounts {
  if (!e) return { count: 0, first: '', at: '', times: [] };
  const at = String(e.props.at);
  const first = String(e.props.first ?? at);
  // Edges written before times were kept know two of their events' times.
  const times = Array.isArray(e.props.times) ? (e.props.times as string[]) : [...new Set([first, at])].sort();
  return { count: Number(e.props.count ?? 1), first, at, times };
}

/** The state after an event at `at`; `prev` itself when that event is already counted. */
function addInteraction(prev: InteractionCounts, at: string): InteractionCounts {
  const { times } = prev;
  if (times.includes(at)) return prev;
  if (times.length >= MAX_EVENT_TIMES && at < times[0]) return prev;
  const next = [...times, at].sort();
  return {
    count: prev.count + 1,
    first: prev.first && prev.first < at ? prev.first : at,
    at: prev.at > at ? prev.at : at,
    times: next.length > MAX_EVENT_TIMES ? next.slice(next.length - MAX_EVENT_TIMES) : next,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function sameProps(a: Props, b: Props): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}
