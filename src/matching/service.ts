/**
 * Matching: member → jobs, job → members, free-text job search and one-pair fit.
 *
 * One straight line each: query vector (fused; a query's text through the job tower) →
 * exhaustive top-K over the other side's fused vectors with hard filters checked during the
 * scan → the top RERANK_DEPTH re-ranked by explainable signals (rerank.ts) → a page, each match
 * with its explanation and the embedding version that answered.
 *
 * The indexes are built when a model version is activated and kept current per node
 * (refresh): a changed member or job gets a new fused vector from its text and neighbours
 * (inductive GraphSAGE + fusion) in place, without a rebuild.
 */
import { typeIndex } from '../../gnn/index.ts';
import { DomainError } from '../errors.ts';
import type { GraphEmbeddings, ServedRow } from '../embeddings/graph-embeddings.ts';
import type { ExtractionService } from '../extraction/service.ts';
import { locationChainOf, seniorityLevel } from '../marketplace/model.ts';
import { nodePages, readNodes } from '../store/scan.ts';
import { nodeKey } from '../store/types.ts';
import type { GraphStore, NodeRecord, NodeRef } from '../store/types.ts';
import { normalizeLabel } from '../taxonomy/text.ts';
import { SkillHierarchy, jobProfiles, memberProfiles } from './profile.ts';
import { JobColumns, compileJobFilter, jobAttrsOf } from '../marketplace/job-filter.ts';
import { MemberColumns, compileMemberFilter, memberAttrsOf } from '../marketplace/member-filter.ts';
import type { MemberAttrs, MemberFilter } from '../marketplace/member-filter.ts';
import type { JobAttrs, JobFilter } from '../marketplace/job-filter.ts';
import type { MemberProfile } from './profile.ts';
import { parseJobQuery } from './query.ts';
import type { ParsedQuery } from './query.ts';
import { DEFAULT_WEIGHTS, PackedJob, SkillCredit, explainPair, scorePair, weightedRanker } from './rerank.ts';
import type { Explanation, Ranker, Weights } from './rerank.ts';
import { learnedRankerOf, popularityScale } from './ranker.ts';
import { interactionCounts } from './ranker-data.ts';
import { VectorIndex } from '../vectors/vector-index.ts';
import type { RowFilter } from '../vectors/vector-index.ts';

/** A member or job: what matching serves vectors for. */
type ServedRef = NodeRef & { label: 'Member' | 'Job' };
/** The attributes matching filters on: a job's or a member's (job-filter.ts, member-filter.ts). */
export type ServedAttrs = JobAttrs | MemberAttrs;
/** A member or job placed in the matching indexes (with its attributes and fused vector) or removed (nulls). */
type Placement = { ref: ServedRef; attrs: ServedAttrs | null; fused: Float32Array | null };

/** A member's or job's filter attributes from its record. */
export function servedAttrsOf(node: NodeRecord): ServedAttrs {
  return node.label === 'Job' ? jobAttrsOf(node) : memberAttrsOf(node);
}
import { dot, normalize } from '../vectors/math.ts';

/** Candidates re-ranked per request (at least; more when a later page is asked for). */
export const RERANK_DEPTH = 100;
/** Most results one request can page into. */
export const MAX_OFFSET = 1000;

export interface Match {
  id: string;
  score: number;
  similarity: number;
  explanation: Explanation;
  embeddingVersion: string;
}

/** A re-scored candidate: what explainPair needs to explain it if it lands on the page. */
interface Candidate {
  id: string;
  similarity: number;
  score: number;
  member: MemberProfile;
  job: PackedJob;
  credit: SkillCredit;
}

export interface MatchPage {
  matches: Match[];
  /** Whether more candidates passed the filters than were returned. */
  hasMore: boolean;
  /**
   * How many candidates pass the filters (and exclusions), at most MAX_OFFSET: what can be paged through.
   * Counted when called (with a filter, a pass over every row, or over the rows of the place or company it asks for).
   */
  total: () => number;
  query?: ParsedQuery;
}

export class MatchingService {
  private jobs: VectorIndex | null = null;
  private members: VectorIndex | null = null;
  /** Skills' fused vectors as of activation (similarSkills). */
  private skills: VectorIndex | null = null;
  private jobColumns = new JobColumns();
  private memberColumns = new MemberColumns();
  private hierarchy = new SkillHierarchy(new Map(), new Map());
  /**
   * Job profiles read for re-ranking, packed under the hierarchy, by the job's row in the jobs index: kept until
   * the job changes (refresh) or the index is rebuilt. A request's hundred candidates are a hundred array reads.
   */
  private packedJobs: Array<PackedJob | undefined> = [];
  /** Jobs placed or dropped so far: a profile read across a change is not cached. */
  private jobChanges = 0;
  private places = new Map<string, string>();
  /** Each job's popularity signal, from the serving model's graph as of activation. */
  private popularity = new Map<string, number>();
  private readonly weighted: Ranker;
  /** The serving version's learned rankers (members with / without interactions), else the hand weights. */
  private ranker: Ranker;
  private coldRanker: Ranker;
  /** Members with interactions in the serving model's graph: the learned ranker was trained on such members only. */
  private withHistory = new Set<string>();
  /** Rebuilds started (activations); only the latest one swaps its indexes in. */
  private rebuilds = 0;
  /**
   * While a rebuild reads the store: the members and jobs placed (with what was placed) or removed meanwhile, in
   * the indexes being replaced — done again in the new ones as they are swapped in.
   */
  private changedDuringRebuild: Map<string, Placement> | null = null;

  constructor(
    private readonly store: GraphStore,
    private readonly embeddings: GraphEmbeddings,
    private readonly extraction: ExtractionService,
    weights: Weights = DEFAULT_WEIGHTS,
  ) {
    this.weighted = this.ranker = this.coldRanker = weightedRanker(weights);
    embeddings.onActivate(() => this.rebuild());
  }

  /**
   * The ranker for a member's pairs: for members with interactions as of activation the learned one,
   * for members without the cold-start one (each when adopted, else the hand weights).
   */
  private rankerFor(memberId: string): Ranker {
    return this.withHistory.has(memberId) ? this.ranker : this.coldRanker;
  }

  /** Builds both indexes from the active model's fused vectors and the stored attributes. */
  async rebuild(): Promise<void> {
    const dim = this.embeddings.fusedDim;
    if (!dim) return;
    const generation = ++this.rebuilds;
    const changed = new Map<string, Placement>();
    this.changedDuringRebuild = changed;
    try {
      await this.buildAndSwap(dim, generation, changed);
    } finally {
      if (this.changedDuringRebuild === changed) this.changedDuringRebuild = null;
    }
  }

  private async buildAndSwap(dim: number, generation: number, changed: Map<string, Placement>): Promise<void> {
    const jobs = new VectorIndex(dim);
    const members = new VectorIndex(dim);
    const skills = new VectorIndex(dim);
    for (const { id, vector } of this.embeddings.fusedVectors('Skill')) skills.upsert(id, vector);
    const jobColumns = new JobColumns();
    const memberColumns = new MemberColumns();
    for (const { id, vector } of this.embeddings.fusedVectors('Job')) jobs.upsert(id, vector);
    for (const { id, vector } of this.embeddings.fusedVectors('Member')) members.upsert(id, vector);
    // Past listsFrom rows (a large marketplace) the indexes train their inverted lists here, not in a request.
    jobs.prepareLists();
    members.prepareLists();
    for await (const page of nodePages(this.store, 'Job'))
      for (const n of page) {
        const row = jobs.rowOfId(n.id);
        if (row !== undefined) jobColumns.set(row, jobAttrsOf(n));
      }
    for await (const page of nodePages(this.store, 'Member'))
      for (const n of page) {
        const row = members.rowOfId(n.id);
        if (row !== undefined) memberColumns.set(row, memberAttrsOf(n));
      }
    const places = new Map<string, string>();
    for await (const page of nodePages(this.store, 'Location')) {
      for (const n of page) {
        // A city wins over a region or country of the same name (the longer, more specific id), whichever page
        // comes first.
        const name = normalizeLabel(String(n.props.name ?? ''));
        const seen = places.get(name);
        if (seen === undefined || n.id.length > seen.length) places.set(name, n.id);
      }
    }
    const hierarchy = SkillHierarchy.fromProjection(await this.store.projection());
    // A later activation's rebuild serves instead.
    if (generation !== this.rebuilds) return;
    const graph = this.embeddings.graph;
    const popularity = new Map<string, number>();
    if (graph) {
      const counts = interactionCounts(graph);
      const scale = popularityScale(counts);
      const jobStart = graph.start[typeIndex('Job')];
      counts.forEach((c, j) => popularity.set(graph.ids[jobStart + j], scale(c)));
    }
    this.hierarchy = hierarchy;
    this.places = places;
    this.popularity = popularity;
    this.withHistory = new Set(
      graph ? [...graph.pairs.memberJob.filter((_, i) => i % 2 === 0)].map((m) => graph.ids[m]) : [],
    );
    this.ranker = learnedRankerOf(this.embeddings.rankerFile) ?? this.weighted;
    this.coldRanker = learnedRankerOf(this.embeddings.rankerFile, true) ?? this.weighted;
    // Holey but not sparse: a first row far past the end would turn the array into a dictionary.
    this.packedJobs = new Array<PackedJob | undefined>(jobs.rows);
    [this.jobs, this.members, this.jobColumns, this.memberColumns] = [jobs, members, jobColumns, memberColumns];
    this.skills = skills;
    // What the nearline refresh placed or removed while the store was read went into the old indexes: done again
    // in these, in the same turn as the swap.
    this.changedDuringRebuild = null;
    for (const { ref, attrs, fused } of changed.values())
      if (attrs && fused) this.place(ref, attrs, fused);
      else this.unplace(ref);
  }

  /**
   * Recomputes members' and jobs' fused vectors and attributes (or drops the deleted), their records,
   * neighbourhoods and texts read and encoded together; `seq` is the change-feed position of the refresh.
   */
  async refreshMany(refs: ServedRef[], seq: number): Promise<void> {
    const wanted = refs.filter((ref) => this.indexOf(ref) !== null);
    const nodes = await readNodes(this.store, wanted);
    const present = nodes.filter((n): n is NodeRecord => n !== null);
    const vectors = present.length ? await this.embeddings.refreshNodes(present, seq) : [];
    let k = 0;
    for (const [i, ref] of wanted.entries()) {
      const node = nodes[i];
      if (node) this.place(ref, servedAttrsOf(node), vectors[k++]);
      else this.drop(ref, seq);
    }
  }

  /** The ids of the members or jobs served now. */
  servedIds(label: 'Member' | 'Job'): string[] {
    const index = this.indexOf({ label, id: '' });
    const out: string[] = [];
    for (let row = 0; index && row < index.rows; row++) {
      const id = index.idOf(row);
      if (id !== null) out.push(id);
    }
    return out;
  }

  /** Serves one member's or job's vectors computed elsewhere (serveMany). */
  async serve(ref: ServedRef, row: ServedRow | null, seq: number): Promise<void> {
    await this.serveMany([{ ref, row, seq }]);
  }

  /**
   * Serves members' and jobs' vectors computed elsewhere (by another replica, through Kafka; by the owner
   * process), in order: `row` null drops one. With `attrs` (computed with the row, from the same record) the
   * store is not read; without, the attributes matching filters on are read from it (one read per type for
   * the batch) and a member or job no longer there is dropped.
   */
  async serveMany(
    items: Array<{ ref: ServedRef; row: ServedRow | null; seq: number; attrs?: ServedAttrs }>,
  ): Promise<void> {
    const wanted = items.filter((item) => this.indexOf(item.ref) !== null);
    const nodes = await readNodes(
      this.store,
      wanted.filter((item) => item.row && !item.attrs).map((item) => item.ref),
    );
    let k = 0;
    for (const { ref, row, seq, attrs } of wanted) {
      const node = row && !attrs ? nodes[k++] : null;
      const served = attrs ?? (node && servedAttrsOf(node));
      if (!row || !served) {
        this.drop(ref, seq);
        continue;
      }
      this.embeddings.serveRow(ref, row, seq);
      this.place(ref, served, row.fused);
    }
  }

  private indexOf(ref: ServedRef): VectorIndex | null {
    return (ref.label === 'Job' ? this.jobs : this.members) ?? null;
  }

  /** Serves a member's or job's fused vector and the attributes matching filters on. */
  private place(ref: ServedRef, attrs: ServedAttrs, fused: Float32Array): void {
    this.changedDuringRebuild?.set(nodeKey(ref), { ref, attrs, fused });
    const row = this.indexOf(ref)!.upsert(ref.id, fused);
    if (ref.label === 'Job') {
      this.packedJobs[row] = undefined;
      this.jobChanges++;
      this.jobColumns.set(row, attrs as JobAttrs);
    } else this.memberColumns.set(row, attrs as MemberAttrs);
  }

  /** No longer serves a deleted member or job. */
  private drop(ref: ServedRef, seq: number): void {
    this.unplace(ref);
    this.embeddings.forget(ref, seq);
  }

  /** Removes a member or job from the index and its filter columns. */
  private unplace(ref: ServedRef): void {
    this.changedDuringRebuild?.set(nodeKey(ref), { ref, attrs: null, fused: null });
    const row = this.indexOf(ref)!.remove(ref.id);
    if (row !== undefined) {
      if (ref.label === 'Job') {
        this.packedJobs[row] = undefined;
        this.jobChanges++;
      }
      (ref.label === 'Job' ? this.jobColumns : this.memberColumns).clear(row);
    }
  }

  /** The nearline refresh has applied the change feed up to `seq` (the served embeddings' position). */
  applied(seq: number): void {
    this.embeddings.applied(seq);
  }

  async matchJobs(
    memberId: string,
    opts: { first: number; offset: number; filter?: JobFilter | null; excludeApplied: boolean },
  ): Promise<MatchPage> {
    const { jobs, version } = this.ready();
    const member = await this.requireNode('Member', memberId);
    // Read together: on Neo4j each read is a round trip.
    const [query, exclude, [profile]] = await Promise.all([
      this.vectorOf(member, this.members!),
      opts.excludeApplied ? this.appliedRows(member, jobs) : new Set<number>(),
      memberProfiles(this.store, [member]),
    ]);
    return this.rankJobs(query, profile, opts.filter, exclude, opts, version);
  }

  async matchMembers(
    jobId: string,
    opts: { first: number; offset: number; filter?: MemberFilter | null },
  ): Promise<MatchPage> {
    const { members, version } = this.ready();
    const job = await this.requireNode('Job', jobId);
    const query = await this.vectorOf(job, this.jobs!);
    const depth = Math.max(RERANK_DEPTH, opts.offset + opts.first + 1);
    const accept = this.memberFilter(opts.filter);
    const hits = members.search([query], depth, accept)[0];
    const total = () => members.count(accept);
    const nodes = (
      await this.store.getNodes(
        'Member',
        hits.map((h) => h.id),
      )
    ).filter((n): n is NodeRecord => n !== null);
    const [memberList, [jobProfile]] = await Promise.all([
      memberProfiles(this.store, nodes),
      jobProfiles(this.store, [job], this.popularityOf),
    ]);
    const profiles = new Map(memberList.map((p) => [p.id, p]));
    const packed = new PackedJob(jobProfile, this.hierarchy);
    const now = Date.now();
    const candidates: Candidate[] = [];
    for (const h of hits) {
      const member = profiles.get(h.id);
      if (!member) continue;
      const credit = new SkillCredit(member.skills, this.hierarchy);
      candidates.push({
        id: h.id,
        similarity: h.score,
        score: scorePair(member, packed, h.score, credit, this.rankerFor(member.id), now),
        member,
        job: packed,
        credit,
      });
    }
    return this.page(candidates, opts, version, total, now);
  }

  async searchJobs(
    text: string,
    opts: { memberId?: string | null; first: number; offset: number; filter?: JobFilter | null },
  ): Promise<MatchPage> {
    const { jobs, version } = this.ready();
    const parsed = parseJobQuery(text, this.places);
    const filter: JobFilter = { ...opts.filter };
    if (parsed.workplace.length && !filter.workplace?.length) filter.workplace = parsed.workplace;
    if (parsed.seniority.length && !filter.seniority?.length) filter.seniority = parsed.seniority;
    if (parsed.locationId && !filter.locationId) {
      // "remote … in Berlin": remote jobs anywhere, or jobs in Berlin.
      filter.locationId = parsed.locationId;
    }
    let query = await this.embeddings.fuseQuery(parsed.text || text);
    // The query's own skills stand in for a profile (or add to the member's).
    const skills = (
      await this.extraction.extract(parsed.text || text, {
        kind: 'TEXT',
        expand: false,
        minConfidence: 0.5,
        fast: true,
      })
    ).skills.map((s) => s.skillId);
    let profile: MemberProfile = {
      id: 'query',
      skills: new Set(skills),
      titleIds: new Set(),
      occupationIds: new Set(),
      location: parsed.locationId ? locationChainOf(parsed.locationId) : [],
      openToRemote: parsed.workplace.includes('REMOTE'),
      seniority: parsed.seniority.length ? seniorityLevel(parsed.seniority[0]) : null,
    };
    let exclude = new Set<number>();
    if (opts.memberId) {
      const member = await this.requireNode('Member', opts.memberId);
      const [m, [mp], applied] = await Promise.all([
        this.vectorOf(member, this.members!),
        memberProfiles(this.store, [member]),
        this.appliedRows(member, jobs),
      ]);
      query = normalize(query.map((x, i) => 0.7 * x + 0.3 * m[i]));
      profile = {
        ...mp,
        skills: new Set([...mp.skills, ...skills]),
        location: profile.location.length ? profile.location : mp.location,
        seniority: profile.seniority ?? mp.seniority,
        openToRemote: profile.openToRemote || mp.openToRemote,
      };
      exclude = applied;
    }
    const result = await this.rankJobs(query, profile, filter, exclude, opts, version);
    return { ...result, query: parsed };
  }

  /** One pair's fit: its score, band and explanation. */
  async jobFit(memberId: string, jobId: string): Promise<Match & { band: 'STRONG' | 'GOOD' | 'FAIR' | 'WEAK' }> {
    const { version } = this.ready();
    const [member, job] = await Promise.all([this.requireNode('Member', memberId), this.requireNode('Job', jobId)]);
    const [m, j] = await Promise.all([this.vectorOf(member, this.members!), this.vectorOf(job, this.jobs!)]);
    const sim = dot(m, j);
    const [[mp], [jp]] = await Promise.all([
      memberProfiles(this.store, [member]),
      jobProfiles(this.store, [job], this.popularityOf),
    ]);
    const credit = new SkillCredit(mp.skills, this.hierarchy);
    const packed = new PackedJob(jp, this.hierarchy);
    const now = Date.now();
    const match = this.match(jobId, sim, explainPair(mp, packed, sim, credit, this.rankerFor(memberId), now), version);
    // The band reads the hand-weighted score (0 to 1 on a fixed scale), whichever ranker orders matches.
    const fit = scorePair(mp, packed, sim, credit, this.weighted, now);
    const band = fit >= 0.7 ? 'STRONG' : fit >= 0.55 ? 'GOOD' : fit >= 0.4 ? 'FAIR' : 'WEAK';
    return { ...match, band };
  }

  /**
   * Jobs for a query vector: the filter is checked during the scan; the few excluded rows (jobs
   * already applied to) are not — the scan asks for as many more and drops them, which is exact
   * and spares a predicate call per row.
   */
  private async rankJobs(
    query: Float32Array,
    profile: MemberProfile,
    filter: JobFilter | null | undefined,
    exclude: Set<number>,
    opts: { first: number; offset: number },
    version: string,
  ): Promise<MatchPage> {
    const depth = Math.max(RERANK_DEPTH, opts.offset + opts.first + 1);
    const hits = [];
    const accept = this.jobFilter(filter);
    const jobs = this.jobs!;
    for (const h of jobs.search([query], depth + exclude.size, accept)[0]) {
      if (exclude.has(h.row)) continue;
      hits.push(h);
      if (hits.length === depth) break;
    }
    const total = () => {
      let n = jobs.count(accept);
      for (const row of exclude) if (jobs.passes(row, accept)) n--;
      return n;
    };
    // The hierarchy the cached jobs are packed under (an activation during the read swaps both).
    const hierarchy = this.hierarchy;
    const packed = await this.packedJobsOf(hits, hierarchy);
    const credit = new SkillCredit(profile.skills, hierarchy);
    const ranker = this.rankerFor(profile.id);
    const now = Date.now();
    const candidates: Candidate[] = [];
    for (let i = 0; i < hits.length; i++) {
      const job = packed[i];
      if (job)
        candidates.push({
          id: hits[i].id,
          similarity: hits[i].score,
          score: scorePair(profile, job, hits[i].score, credit, ranker, now),
          member: profile,
          job,
          credit,
        });
    }
    return this.page(candidates, opts, version, total, now);
  }

  /**
   * Orders the re-scored candidates and explains the page asked for (only those: scoring is
   * cheap, explaining is not).
   */
  private page(
    candidates: Candidate[],
    opts: { first: number; offset: number },
    version: string,
    total: () => number,
    now: number,
  ): MatchPage {
    candidates.sort(
      (a, b) => b.score - a.score || b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const matches = candidates
      .slice(opts.offset, opts.offset + opts.first)
      .map((c) =>
        this.match(
          c.id,
          c.similarity,
          explainPair(c.member, c.job, c.similarity, c.credit, this.rankerFor(c.member.id), now),
          version,
        ),
      );
    const hasMore = candidates.length > opts.offset + opts.first;
    return { matches, hasMore, total: () => Math.min(total(), MAX_OFFSET) };
  }

  private readonly popularityOf = (jobId: string) => this.popularity.get(jobId) ?? 0;

  /**
   * The packed profiles of the scan's hits (undefined for a job the store no longer has), from the cache by
   * index row (hits are rows of the index as it is now, and a job's change clears its row); the ones it lacks
   * are read in one call, packed under `hierarchy` (the one the cache holds now) and cached, unless a job
   * changed or the index was rebuilt meanwhile.
   */
  private async packedJobsOf(
    hits: Array<{ id: string; row: number }>,
    hierarchy: SkillHierarchy,
  ): Promise<Array<PackedJob | undefined>> {
    const cache = this.packedJobs;
    const out = hits.map((h) => cache[h.row]);
    const missing = hits.filter((_, i) => !out[i]);
    if (!missing.length) return out;
    const changes = this.jobChanges;
    const nodes = (
      await this.store.getNodes(
        'Job',
        missing.map((h) => h.id),
      )
    ).filter((n): n is NodeRecord => n !== null);
    const read = new Map<string, PackedJob>();
    for (const p of await jobProfiles(this.store, nodes, this.popularityOf))
      read.set(p.id, new PackedJob(p, hierarchy));
    const current = cache === this.packedJobs && changes === this.jobChanges;
    hits.forEach((h, i) => {
      if (out[i]) return;
      out[i] = read.get(h.id);
      if (current) cache[h.row] = out[i];
    });
    return out;
  }

  private match(id: string, similarity: number, explanation: Explanation, embeddingVersion: string): Match {
    return {
      id,
      score: explanation.score,
      similarity: Math.round(similarity * 10000) / 10000,
      explanation,
      embeddingVersion,
    };
  }

  /**
   * The jobs, members or skills whose fused vectors are closest (dot product) to one of their kind, itself
   * left out. A member or job newer than the index gets its inductive vector; a skill must be in the model.
   */
  async similar(
    label: 'Job' | 'Member' | 'Skill',
    id: string,
    first: number,
  ): Promise<{ items: Array<{ id: string; score: number }>; version: string }> {
    const { jobs, members, version } = this.ready();
    const index = label === 'Job' ? jobs : label === 'Member' ? members : this.skills!;
    let query = index.vector(id);
    if (!query) {
      if (label === 'Skill') {
        if (!(await this.store.getNode({ label, id }))) throw new DomainError('NOT_FOUND', `No skill has id "${id}".`);
        throw new DomainError(
          'UNAVAILABLE',
          `Skill "${id}" is newer than embedding version ${version}; it has a vector after the next training.`,
        );
      }
      query = await this.embeddings.fuseNode(await this.requireNode(label, id));
    }
    const self = index.rowOfId(id);
    const [hits] = index.search([query], first, self === undefined ? undefined : (row) => row !== self);
    return { items: hits.map((h) => ({ id: h.id, score: h.score })), version };
  }

  private ready(): { jobs: VectorIndex; members: VectorIndex; version: string } {
    const version = this.embeddings.embeddingVersion;
    if (!this.jobs || !this.members || !version)
      throw new DomainError(
        'UNAVAILABLE',
        'Matching needs a trained model: run `npx skillgraph train` (or start with SKILLGRAPH_TRAIN_ON_START=true).',
      );
    return { jobs: this.jobs, members: this.members, version };
  }

  /** Index rows of the jobs the member applied to or was hired for. */
  private async appliedRows(member: NodeRecord, jobs: VectorIndex): Promise<Set<number>> {
    const rows = new Set<number>();
    const lists = await Promise.all((['APPLIED', 'HIRED'] as const).map((t) => this.store.neighbors(member, t, 'out')));
    for (const list of lists)
      for (const n of list) {
        const row = jobs.rowOfId(n.node.id);
        if (row !== undefined) rows.add(row);
      }
    return rows;
  }

  private async requireNode(label: 'Member' | 'Job', id: string): Promise<NodeRecord> {
    const node = await this.store.getNode({ label, id });
    if (!node) throw new DomainError('NOT_FOUND', `No ${label.toLowerCase()} has id "${id}".`);
    return node;
  }

  /** The indexed vector, or a fresh inductive one for a node the index does not have yet. */
  private async vectorOf(node: NodeRecord, index: VectorIndex): Promise<Float32Array> {
    return index.vector(node.id) ?? this.embeddings.fuseNode(node);
  }

  /** The scan's predicate over job rows; none when nothing is filtered. */
  private jobFilter(f: JobFilter | null | undefined): RowFilter | undefined {
    const keep = compileJobFilter(f, this.jobColumns);
    return keep.filters ? keep : undefined;
  }

  private memberFilter(f: MemberFilter | null | undefined): RowFilter | undefined {
    const keep = compileMemberFilter(f, this.memberColumns);
    return keep.filters ? keep : undefined;
  }
}
