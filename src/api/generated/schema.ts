import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Skill as SkillModel } from '../../taxonomy/model.ts';
import type { NodeRecord as NodeRecordModel, AuditRecord as AuditRecordModel } from '../../store/types.ts';
import type { OccupationView as OccupationViewModel } from '../../taxonomy/service.ts';
import type { NodeConnection as NodeConnectionModel } from '../marketplace.ts';
import type { Extraction as ExtractionModel, ExtractedSkill as ExtractedSkillModel } from '../../extraction/extract.ts';
import type { ExpandedSkill as ExpandedSkillModel, ExpansionStep as ExpansionStepModel } from '../../taxonomy/expand.ts';
import type { Context } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date-time string, e.g. 2026-01-31T12:00:00.000Z. */
  DateTime: { input: string; output: string; }
  /** Any JSON value (history snapshots). */
  JSON: { input: unknown; output: unknown; }
};

/** What an audit record describes: a taxonomy edit, a seed or import batch, or (marketplaceChanges) a marketplace write. */
export type AuditOperation =
  | 'ADD_SKILL_ALIAS'
  | 'CREATE_SKILL'
  | 'DELETE_JOB'
  | 'DELETE_MEMBER'
  | 'DEPRECATE_SKILL'
  /** A batch of import-esco or import-taxonomy. */
  | 'IMPORT'
  | 'MERGE_SKILLS'
  /** An operation this version of the API does not name. */
  | 'OTHER'
  | 'RECORD_INTERACTION'
  | 'RELATE_SKILLS'
  | 'REMOVE_SKILL_ALIAS'
  /** The taxonomy seeded from seeds/ on first start. */
  | 'SEED'
  | 'SET_SKILL_PARENTS'
  | 'UNRELATE_SKILLS'
  | 'UPDATE_SKILL'
  | 'UPSERT_JOB'
  | 'UPSERT_MEMBER';

export type Company = {
  __typename?: 'Company';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** Labels and aliases: 1 to 200 characters; at most 100 aliases; descriptions at most 4,000 characters. */
export type CreateSkillInput = {
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  description?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  kind?: InputMaybe<SkillKind>;
  label: Scalars['String']['input'];
  parentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type DocumentKind =
  | 'JOB_POSTING'
  | 'PROFILE'
  | 'RESUME'
  | 'TEXT';

export type DocumentSection = {
  __typename?: 'DocumentSection';
  end: Scalars['Int']['output'];
  heading?: Maybe<Scalars['String']['output']>;
  kind: SectionKind;
  start: Scalars['Int']['output'];
};

/** How a document relates to a skill: REQUIRED (asked for under requirements), CORE (central), MENTIONED. */
export type DocumentSkillRelation =
  | 'CORE'
  | 'MENTIONED'
  | 'REQUIRED';

export type EmbeddingExportInput = {
  /** A directory under the export root (created; must not already hold an export). */
  destination: Scalars['String']['input'];
  format: ExportFormat;
  kinds: Array<EmbeddingKind>;
  nodeTypes: Array<ExportNodeType>;
  /** A model version; the active one when absent. */
  version?: InputMaybe<Scalars['ID']['input']>;
};

export type EmbeddingKind =
  /** The fused vector matching compares (members and jobs only). */
  | 'FUSED'
  /** The GraphSAGE vector. */
  | 'GRAPH'
  /** The text encoder's vector of the node's text. */
  | 'TEXT';

export type ExpandedSkill = {
  __typename?: 'ExpandedSkill';
  /** Steps from the seed. */
  depth: Scalars['Int']['output'];
  /** The seed skill the best path started from. */
  from: Skill;
  /** The steps from the seed to this skill; the last is this skill. */
  path: Array<ExpansionStep>;
  score: Scalars['Float']['output'];
  skill: Skill;
};

export type ExpansionRelation =
  | 'CHILD'
  | 'PARENT'
  | 'RELATED'
  | 'SIBLING';

export type ExpansionStep = {
  __typename?: 'ExpansionStep';
  relation: ExpansionRelation;
  skill: Skill;
};

export type Experience = {
  __typename?: 'Experience';
  company?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  end?: Maybe<Scalars['String']['output']>;
  start?: Maybe<Scalars['String']['output']>;
  title?: Maybe<Scalars['String']['output']>;
};

export type ExperienceInput = {
  company?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** Absent for the current position. */
  end?: InputMaybe<Scalars['String']['input']>;
  /** ISO date: 2021, 2021-03 or 2021-03-01. */
  start?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type ExportFormat =
  /** One JSON object per line: id, type and one array per kind. */
  | 'JSONL'
  /** One float32 .npy matrix per node type and kind, rows in the order of <type>.ids.txt. */
  | 'NPY'
  /** One file per node type: an id column and one float32 list column per kind (zstd). */
  | 'PARQUET';

export type ExportJob = {
  __typename?: 'ExportJob';
  createdAt: Scalars['DateTime']['output'];
  /** Where the files are, once SUCCEEDED. */
  directory?: Maybe<Scalars['String']['output']>;
  embeddingVersion?: Maybe<Scalars['String']['output']>;
  error?: Maybe<Scalars['String']['output']>;
  format: ExportFormat;
  id: Scalars['ID']['output'];
  kinds: Array<EmbeddingKind>;
  nodeTypes: Array<ExportNodeType>;
  /** 0 to 1. */
  progress: Scalars['Float']['output'];
  rows: Scalars['Int']['output'];
  status: ExportStatus;
  totalRows?: Maybe<Scalars['Int']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  version?: Maybe<Scalars['ID']['output']>;
};

export type ExportNodeType =
  | 'COMPANY'
  | 'JOB'
  | 'LOCATION'
  | 'MEMBER'
  | 'OCCUPATION'
  | 'SKILL'
  | 'TITLE';

export type ExportStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type ExtractedSkill = {
  __typename?: 'ExtractedSkill';
  /** 0 to 1. */
  confidence: Scalars['Float']['output'];
  /** For EXPANSION: the extracted skill it was reached from, and how. */
  expandedFrom?: Maybe<Skill>;
  expansionPath?: Maybe<Array<ExpansionStep>>;
  /** The method of the strongest occurrence. */
  method: ExtractionMethod;
  relation: DocumentSkillRelation;
  /** The section of the strongest occurrence. */
  section: SectionKind;
  skill: Skill;
  /** Where the skill occurs, in text order; first: 0 to 1,000. */
  spans: Array<TextSpan>;
};


export type ExtractedSkillSpansArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Extraction = {
  __typename?: 'Extraction';
  /** The text encoder that produced the semantic matches. */
  encoder: Scalars['String']['output'];
  sections: Array<DocumentSection>;
  /** At most 200 skills, in order: REQUIRED, CORE, then MENTIONED, the most confident first within each. */
  skills: Array<ExtractedSkill>;
  tookMs: Scalars['Float']['output'];
};

export type ExtractionMethod =
  | 'EXPANSION'
  | 'SEMANTIC'
  | 'TRIE';

export type FitBand =
  | 'FAIR'
  | 'GOOD'
  | 'STRONG'
  | 'WEAK';

/** A node's GraphSAGE embedding (unit length) and the model version that made it. */
export type GraphEmbedding = {
  __typename?: 'GraphEmbedding';
  vector: Array<Scalars['Float']['output']>;
  version: Scalars['ID']['output'];
};

/** CURRENT, PAST or DESIRED for members; CURRENT for jobs. */
export type HeldTitle = {
  __typename?: 'HeldTitle';
  kind: TitleKind;
  title: Title;
};

export type HistoryConnection = {
  __typename?: 'HistoryConnection';
  edges: Array<HistoryEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type HistoryEdge = {
  __typename?: 'HistoryEdge';
  cursor: Scalars['String']['output'];
  node: HistoryEntry;
};

export type HistoryEntry = {
  __typename?: 'HistoryEntry';
  /** role:key-id of the API key that made the change (or system); the role alone for callers below role editor. */
  actor: Scalars['String']['output'];
  after?: Maybe<Scalars['JSON']['output']>;
  at: Scalars['DateTime']['output'];
  before?: Maybe<Scalars['JSON']['output']>;
  operation: AuditOperation;
  seq: Scalars['Int']['output'];
  /** The ids this change is about (an import batch can name up to 1,000). */
  subjects: Array<Scalars['ID']['output']>;
};


export type HistoryEntrySubjectsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Interaction = {
  __typename?: 'Interaction';
  /** The latest time. */
  at: Scalars['DateTime']['output'];
  count: Scalars['Int']['output'];
  /** recordInteraction with waitForEmbedding: the embedding version that now answers. */
  embeddingVersion?: Maybe<Scalars['String']['output']>;
  first: Scalars['DateTime']['output'];
  job?: Maybe<Job>;
  member?: Maybe<Member>;
  type: InteractionType;
};

export type InteractionType =
  | 'APPLIED'
  | 'HIRED'
  | 'SAVED'
  | 'VIEWED';

export type Job = {
  __typename?: 'Job';
  company?: Maybe<Company>;
  /** The company name as posted. */
  companyName?: Maybe<Scalars['String']['output']>;
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** As of the model's activation; null when no model is loaded or the job is newer. */
  graphEmbedding?: Maybe<GraphEmbedding>;
  id: Scalars['ID']['output'];
  industry?: Maybe<Scalars['String']['output']>;
  /** Members who interacted with this job (role admin). */
  interactions: Array<Interaction>;
  location?: Maybe<Location>;
  normalizedTitle?: Maybe<Title>;
  postedAt?: Maybe<Scalars['DateTime']['output']>;
  salaryCurrency?: Maybe<Scalars['String']['output']>;
  salaryMax?: Maybe<Scalars['Float']['output']>;
  salaryMin?: Maybe<Scalars['Float']['output']>;
  seniority?: Maybe<Seniority>;
  /** At most 100, the most confident first. */
  skills: Array<JobSkill>;
  title?: Maybe<Scalars['String']['output']>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
  workplace?: Maybe<Workplace>;
};


export type JobInteractionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<InteractionType>>;
};

export type JobConnection = {
  __typename?: 'JobConnection';
  edges: Array<JobEdge>;
  pageInfo: PageInfo;
  /** All jobs matching the filter (counting them scans the postings when a filter is given). */
  totalCount: Scalars['Int']['output'];
};

export type JobEdge = {
  __typename?: 'JobEdge';
  cursor: Scalars['String']['output'];
  node: Job;
};

export type JobFilter = {
  /** Only postings not expired at this time. */
  activeAt?: InputMaybe<Scalars['DateTime']['input']>;
  companyId?: InputMaybe<Scalars['ID']['input']>;
  excludeCompanyIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** A location id: jobs there or anywhere inside it (a country includes its regions and cities). */
  locationId?: InputMaybe<Scalars['ID']['input']>;
  postedAfter?: InputMaybe<Scalars['DateTime']['input']>;
  seniority?: InputMaybe<Array<Seniority>>;
  workplace?: InputMaybe<Array<Workplace>>;
};

export type JobFit = {
  __typename?: 'JobFit';
  /** STRONG ≥ 0.7, GOOD ≥ 0.55, FAIR ≥ 0.4, else WEAK. */
  band: FitBand;
  embeddingVersion: Scalars['String']['output'];
  explanation: MatchExplanation;
  job: Job;
  member: Member;
  score: Scalars['Float']['output'];
  similarity: Scalars['Float']['output'];
};

export type JobInput = {
  company?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
  industry?: InputMaybe<Scalars['String']['input']>;
  location?: InputMaybe<LocationInput>;
  /** Defaults to the time of the first upsert. */
  postedAt?: InputMaybe<Scalars['DateTime']['input']>;
  salaryCurrency?: InputMaybe<Scalars['String']['input']>;
  salaryMax?: InputMaybe<Scalars['Float']['input']>;
  salaryMin?: InputMaybe<Scalars['Float']['input']>;
  /** Inferred from the title when absent. */
  seniority?: InputMaybe<Seniority>;
  title?: InputMaybe<Scalars['String']['input']>;
  workplace?: InputMaybe<Workplace>;
};

export type JobMatch = {
  __typename?: 'JobMatch';
  embeddingVersion: Scalars['String']['output'];
  explanation: MatchExplanation;
  job: Job;
  /** Re-ranked score, 0 to 1. */
  score: Scalars['Float']['output'];
  /** Cosine of the fused vectors. */
  similarity: Scalars['Float']['output'];
};

export type JobMatchConnection = {
  __typename?: 'JobMatchConnection';
  edges: Array<JobMatchEdge>;
  pageInfo: PageInfo;
};

export type JobMatchEdge = {
  __typename?: 'JobMatchEdge';
  cursor: Scalars['String']['output'];
  node: JobMatch;
};

export type JobSearch = {
  __typename?: 'JobSearch';
  interpretation: QueryInterpretation;
  matches: JobMatchConnection;
};

export type JobSkill = {
  __typename?: 'JobSkill';
  confidence: Scalars['Float']['output'];
  relation: DocumentSkillRelation;
  skill: Skill;
};

export type JobUpsert = {
  __typename?: 'JobUpsert';
  created: Scalars['Boolean']['output'];
  /** With waitForEmbedding: the embedding version that now answers for this job. */
  embeddingVersion?: Maybe<Scalars['String']['output']>;
  job: Job;
  /** The skills extracted from the posting. */
  skills: Array<UpsertedSkill>;
};

export type Location = {
  __typename?: 'Location';
  id: Scalars['ID']['output'];
  level: LocationLevel;
  name: Scalars['String']['output'];
  parent?: Maybe<Location>;
};

export type LocationInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  country?: InputMaybe<Scalars['String']['input']>;
  region?: InputMaybe<Scalars['String']['input']>;
};

export type LocationLevel =
  | 'CITY'
  | 'COUNTRY'
  | 'REGION';

export type MatchExplanation = {
  __typename?: 'MatchExplanation';
  matchedSkills: Array<MatchedSkill>;
  /** The job's REQUIRED skills the member has no credit for. */
  missingSkills: Array<Skill>;
  signals: Array<SignalContribution>;
};

export type MatchSignal =
  /** Remote job and member open to remote, or same city 1; same region 0.7; same country 0.4. */
  | 'LOCATION'
  /** Fused embedding similarity, mapped from [-1, 1] to [0, 1]. */
  | 'SEMANTIC'
  /** 1 − |seniority gap| / 3. */
  | 'SENIORITY'
  /** Share of the job's skills the member covers (REQUIRED 1, CORE 0.7, MENTIONED 0.3; partial credit via the hierarchy). */
  | 'SKILLS'
  /** Same normalised title 1, same occupation 0.8. */
  | 'TITLE';

export type MatchedSkill = {
  __typename?: 'MatchedSkill';
  credit: Scalars['Float']['output'];
  /** The member's skill that earned the credit. */
  memberSkill: Skill;
  /** From the member's skill to the job's over the hierarchy: [skill] for EXACT, [narrower, skill] for CHILD, [broader, skill] for PARENT, [sibling, shared parent, skill] for SIBLING. */
  path: Array<Skill>;
  relation: DocumentSkillRelation;
  /** The job's skill. */
  skill: Skill;
  via: SkillMatchVia;
};

export type Member = {
  __typename?: 'Member';
  companies: Array<Company>;
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  desiredTitles: Array<Scalars['String']['output']>;
  experience: Array<Experience>;
  /** As of the model's activation; null when no model is loaded or the member is newer. */
  graphEmbedding?: Maybe<GraphEmbedding>;
  headline?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  interactions: Array<Interaction>;
  location?: Maybe<Location>;
  openToRemote?: Maybe<Scalars['Boolean']['output']>;
  seniority?: Maybe<Seniority>;
  /** At most 100: declared skills first, then the most confident extracted ones. */
  skills: Array<MemberSkill>;
  summary?: Maybe<Scalars['String']['output']>;
  titles: Array<HeldTitle>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
};


export type MemberInteractionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<InteractionType>>;
};

export type MemberConnection = {
  __typename?: 'MemberConnection';
  edges: Array<MemberEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type MemberEdge = {
  __typename?: 'MemberEdge';
  cursor: Scalars['String']['output'];
  node: Member;
};

export type MemberFilter = {
  /** A location id: members there or anywhere inside it. */
  locationId?: InputMaybe<Scalars['ID']['input']>;
  openToRemote?: InputMaybe<Scalars['Boolean']['input']>;
  seniority?: InputMaybe<Array<Seniority>>;
};

/** Text fields: short ones at most 300 characters, summary and descriptions at most 20,000; at most 50 experience entries. */
export type MemberInput = {
  desiredTitles?: InputMaybe<Array<Scalars['String']['input']>>;
  experience?: InputMaybe<Array<ExperienceInput>>;
  headline?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  location?: InputMaybe<LocationInput>;
  openToRemote?: InputMaybe<Scalars['Boolean']['input']>;
  /** Inferred from the latest title when absent. */
  seniority?: InputMaybe<Seniority>;
  /** Skill ids, labels or aliases. */
  skills?: InputMaybe<Array<Scalars['String']['input']>>;
  summary?: InputMaybe<Scalars['String']['input']>;
};

export type MemberMatch = {
  __typename?: 'MemberMatch';
  embeddingVersion: Scalars['String']['output'];
  explanation: MatchExplanation;
  member: Member;
  score: Scalars['Float']['output'];
  similarity: Scalars['Float']['output'];
};

export type MemberMatchConnection = {
  __typename?: 'MemberMatchConnection';
  edges: Array<MemberMatchEdge>;
  pageInfo: PageInfo;
};

export type MemberMatchEdge = {
  __typename?: 'MemberMatchEdge';
  cursor: Scalars['String']['output'];
  node: MemberMatch;
};

export type MemberSkill = {
  __typename?: 'MemberSkill';
  confidence: Scalars['Float']['output'];
  relation: DocumentSkillRelation;
  skill: Skill;
  source: SkillSource;
};

export type MemberUpsert = {
  __typename?: 'MemberUpsert';
  created: Scalars['Boolean']['output'];
  /** With waitForEmbedding: the embedding version that now answers for this member. */
  embeddingVersion?: Maybe<Scalars['String']['output']>;
  member: Member;
  /** The skills written for the member. */
  skills: Array<UpsertedSkill>;
  /** Declared skills that name no skill in the taxonomy (not written). */
  unknownSkills: Array<Scalars['String']['output']>;
};

export type ModelVersion = {
  __typename?: 'ModelVersion';
  /** True for the version answering now. */
  active: Scalars['Boolean']['output'];
  /** The TF.js backend it was trained on. */
  backend: Scalars['String']['output'];
  bestEpoch: Scalars['Int']['output'];
  config: Scalars['JSON']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** What it was trained on: change-feed position, node counts, pairs. */
  data: Scalars['JSON']['output'];
  /** text encoder | GNN version | fusion head: the version a fused vector (and a match) reports. */
  embeddingVersion: Scalars['String']['output'];
  /** The text encoder whose vectors were its input features. */
  encoder: Scalars['String']['output'];
  epochs: Scalars['Int']['output'];
  /** The fusion head trained with it. */
  fusionId: Scalars['String']['output'];
  trainingMs: Scalars['Int']['output'];
  validationMrr?: Maybe<Scalars['Float']['output']>;
  validationRecallAt10?: Maybe<Scalars['Float']['output']>;
  version: Scalars['ID']['output'];
};

/** Taxonomy edits need role editor. Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type Mutation = {
  __typename?: 'Mutation';
  addSkillAlias: Skill;
  /** Cancels a QUEUED or RUNNING export (CONFLICT otherwise); its partial files are removed. */
  cancelEmbeddingExport: ExportJob;
  /** Creates an ACTIVE skill; its id is derived from the label (skill:<slug>) unless given. */
  createSkill: Skill;
  /** Deletes a job posting and its edges (role admin); it has left matching when the call returns. False when absent. */
  deleteJob: Scalars['Boolean']['output'];
  /** Deletes a member, its edges and the personal data its change events carried (role admin); it has left matching when the call returns. False when absent. */
  deleteMember: Scalars['Boolean']['output'];
  deprecateSkill: Skill;
  /**
   * Moves the source's label, aliases, hierarchy links, related links and references (occupations, members,
   * jobs) to the target; the source becomes DEPRECATED with replacedBy = target. Returns the target.
   */
  mergeSkills: Skill;
  /** Records that a member viewed, saved, applied to or was hired for a job (role admin). at defaults to now. */
  recordInteraction: Interaction;
  /** Relates two skills (one link per pair; relating again changes its type). */
  relateSkills: Skill;
  removeSkillAlias: Skill;
  /** Replaces the skill's parents. A cycle is refused with CONFLICT naming it. */
  setSkillParents: Skill;
  /**
   * Starts a job that writes one embedding version (a model version run over one graph snapshot) to files
   * under the export root (SKILLGRAPH_EXPORT_DIR): per node type, the kinds asked for, plus manifest.json
   * (schema, counts, version, sha256 of every file), written last. Jobs run one at a time; an interrupted job
   * restarts when the service starts again; partial files stay in a hidden directory until complete.
   */
  startEmbeddingExport: ExportJob;
  unrelateSkills: Skill;
  /** Changes label, aliases, description or kind. expectedVersion must be the version you read (else CONFLICT). */
  updateSkill: Skill;
  /**
   * Creates or replaces a job posting (role admin); title and description go through skill extraction.
   * waitForEmbedding (here and on upsertMember, recordInteraction): return only once the nearline refresh has
   * applied the change to the embeddings and the matching index (read-your-writes), with the embedding version.
   */
  upsertJob: JobUpsert;
  /**
   * Creates or replaces a member (role admin). The text (headline, summary, experience) goes through skill
   * extraction; declared skills are matched by id, label or alias. Edges the member owns (skills, titles,
   * companies, location) are replaced as a whole; interactions are kept.
   */
  upsertMember: MemberUpsert;
  /** Serves a GraphSAGE model version from now on and pins it across restarts; no version: the newest (role admin). */
  useModel: ModelVersion;
};


/** Taxonomy edits need role editor. Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationAddSkillAliasArgs = {
  alias: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


/** Taxonomy edits need role editor. Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationCancelEmbeddingExportArgs = {
  id: Scalars['ID']['input'];
};


/** Taxonomy edits need role editor. Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationCreateSkillArgs = {
  input: CreateSkillInput;
};


/** Taxonomy edits need role editor. Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationDeleteJobArgs = {
  id: Scalars['ID']['input'];
};


/** Taxonomy edits need role editor. Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationDeleteMemberArgs = {
  id: Scalars['ID']['input'];
};


/** Taxonomy edits need role editor. Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationDeprecateSkillArgs = {
  id: Scalars['ID']['input'];
  replacedById?: InputMaybe<Scalars['ID']['input']>;
};


/** Taxonomy edits need role editor. Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationMergeSkillsArgs = {
  sourceId: Scalars['ID']['input'];
  targetId: Scalars['ID']['input'];
};


/** Taxonomy edits need role editor. Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationRecordInteractionArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
  jobId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
  type: InteractionType;
  waitForEmbedding?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Taxonomy edits need role editor. Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationRelateSkillsArgs = {
  fromId: Scalars['ID']['input'];
  toId: Scalars['ID']['input'];
  type: RelationType;
};


/** Taxonomy edits need role editor. Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationRemoveSkillAliasArgs = {
  alias: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


/** Taxonomy edits need role editor. Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationSetSkillParentsArgs = {
  id: Scalars['ID']['input'];
  parentIds: Array<Scalars['ID']['input']>;
};


/** Taxonomy edits need role editor. Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationStartEmbeddingExportArgs = {
  input: EmbeddingExportInput;
};


/** Taxonomy edits need role editor. Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationUnrelateSkillsArgs = {
  fromId: Scalars['ID']['input'];
  toId: Scalars['ID']['input'];
};


/** Taxonomy edits need role editor. Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationUpdateSkillArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: UpdateSkillInput;
};


/** Taxonomy edits need role editor. Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationUpsertJobArgs = {
  input: JobInput;
  waitForEmbedding?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Taxonomy edits need role editor. Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationUpsertMemberArgs = {
  input: MemberInput;
  waitForEmbedding?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Taxonomy edits need role editor. Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationUseModelArgs = {
  version?: InputMaybe<Scalars['ID']['input']>;
};

export type Occupation = {
  __typename?: 'Occupation';
  aliases: Array<Scalars['String']['output']>;
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
  skills: Array<OccupationSkill>;
};


export type OccupationSkillsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  relation?: InputMaybe<SkillRelation>;
};

export type OccupationConnection = {
  __typename?: 'OccupationConnection';
  edges: Array<OccupationEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type OccupationEdge = {
  __typename?: 'OccupationEdge';
  cursor: Scalars['String']['output'];
  node: Occupation;
};

export type OccupationSkill = {
  __typename?: 'OccupationSkill';
  occupation: Occupation;
  relation: SkillRelation;
  skill: Skill;
};

/** Relay's page information. Pages go forward: pass endCursor as after for the next one. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The last edge's cursor (null on an empty page). */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether items come before this page (it started after a cursor). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The first edge's cursor (null on an empty page). */
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /**
   * Skills near the given ones over the hierarchy and RELATED links, best first. The score is the product
   * of relation weights along the best path (PARENT 0.7, CHILD 0.6, SIBLING 0.5, RELATED 0.6), so it decays
   * with distance. maxDepth 1 to 3, limit 1 to 500, at most 100 ids. Seeds and deprecated skills are left out.
   */
  expandSkills: Array<ExpandedSkill>;
  exportJob?: Maybe<ExportJob>;
  /** Export jobs, newest first. */
  exportJobs: Array<ExportJob>;
  /**
   * Skills in a job posting, resume, profile or any text: sections are found from headings, skills by name
   * (trie) and by meaning (semantic), optionally expanded over the taxonomy, each scored with a confidence
   * and a relation. text: at most 1,000,000 characters. Offsets are JavaScript string (UTF-16) indexes.
   * Needs role reader.
   */
  extractSkills: Extraction;
  /** One job posting (role reader). */
  job?: Maybe<Job>;
  /** How well one member fits one job, and why (role admin). */
  jobFit: JobFit;
  /** Job postings in id order, optionally filtered (role reader). */
  jobs: JobConnection;
  /**
   * Every marketplace write (members, jobs, interactions, deletions), newest first, optionally about one member
   * or job and since a time. Personal data: needs role admin.
   */
  marketplaceChanges: HistoryConnection;
  /**
   * Jobs that fit a member, best first (role admin). Filters are hard (exact) and applied during the scan;
   * excludeApplied leaves out jobs the member applied to or was hired for. Pages reach 1,000 results.
   */
  matchJobs: JobMatchConnection;
  /** Members who fit a job, best first (role admin). */
  matchMembers: MemberMatchConnection;
  /** One member (role admin). */
  member?: Maybe<Member>;
  /** Members in id order (role admin). */
  members: MemberConnection;
  /** Trained GraphSAGE model versions, newest first (role admin). */
  models: Array<ModelVersion>;
  /** One occupation by id. */
  occupation?: Maybe<Occupation>;
  /** Occupations in id order, or ranked by label/alias match with search. */
  occupations: OccupationConnection;
  /**
   * Natural-language job search ("remote senior data engineer jobs in Berlin with Spark"): workplace, seniority
   * and a known place become hard filters (explicit filter fields win), the rest is embedded, and skills named
   * in it count for re-ranking. With memberId (role admin) the results are personalised and leave out jobs the
   * member applied to or was hired for (as matchJobs does); without, role reader. query: at most 200 characters.
   */
  searchJobs: JobSearch;
  /** One skill by id. Deprecated skills are returned too: check status and replacedBy. */
  skill?: Maybe<Skill>;
  /**
   * Skills in id order, or — with search — ranked: exact label > alias > prefix > all words > typo-tolerant.
   * Works as autocomplete (a prefix such as "kube" finds Kubernetes). Deprecated skills are left out of searches.
   */
  skills: SkillConnection;
  /**
   * Every taxonomy change (skill and occupation edits, seeds, imports), newest first, optionally since a time.
   * Marketplace writes are not in it: see marketplaceChanges. Callers below role editor see the actor's role only.
   */
  taxonomyChanges: HistoryConnection;
  /** Who is calling, and what the service runs on. */
  viewer: Viewer;
};


export type QueryExpandSkillsArgs = {
  ids: Array<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  maxDepth?: InputMaybe<Scalars['Int']['input']>;
  relations?: InputMaybe<Array<ExpansionRelation>>;
};


export type QueryExportJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryExportJobsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryExtractSkillsArgs = {
  expand?: InputMaybe<Scalars['Boolean']['input']>;
  kind?: InputMaybe<DocumentKind>;
  minConfidence?: InputMaybe<Scalars['Float']['input']>;
  text: Scalars['String']['input'];
};


export type QueryJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryJobFitArgs = {
  jobId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
};


export type QueryJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<JobFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMarketplaceChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  subject?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryMatchJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  excludeApplied?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<JobFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  memberId: Scalars['ID']['input'];
};


export type QueryMatchMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MemberFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  jobId: Scalars['ID']['input'];
};


export type QueryMemberArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryOccupationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOccupationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySearchJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<JobFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
  query: Scalars['String']['input'];
};


export type QuerySkillArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySkillsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryTaxonomyChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
};

/** How a search query was read. */
export type QueryInterpretation = {
  __typename?: 'QueryInterpretation';
  location?: Maybe<Location>;
  seniority: Array<Seniority>;
  /** The part that was embedded. */
  text: Scalars['String']['output'];
  workplace: Array<Workplace>;
};

export type RelatedSkill = {
  __typename?: 'RelatedSkill';
  skill: Skill;
  type: RelationType;
};

export type RelationType =
  | 'COMPLEMENTARY'
  | 'ESSENTIAL_FOR'
  | 'OPTIONAL_FOR'
  | 'PREREQUISITE'
  | 'SIMILAR';

export type Role =
  | 'ADMIN'
  | 'ANONYMOUS'
  | 'EDITOR'
  | 'READER';

export type SearchMatch = {
  __typename?: 'SearchMatch';
  kind: SearchMatchKind;
  /** The label or alias that matched. */
  matched: Scalars['String']['output'];
  score: Scalars['Float']['output'];
};

/** How a search string matched a label or alias, strongest first. */
export type SearchMatchKind =
  | 'EXACT_ALIAS'
  | 'EXACT_LABEL'
  /** Within a small edit distance (typos). */
  | 'FUZZY'
  | 'PREFIX'
  /** Every word of the search, in any order. */
  | 'TOKENS';

export type SectionKind =
  | 'BENEFITS'
  | 'COMPANY'
  | 'EDUCATION'
  | 'EXPERIENCE'
  | 'NICE_TO_HAVE'
  | 'OTHER'
  | 'REQUIREMENTS'
  | 'RESPONSIBILITIES'
  | 'SKILLS'
  | 'SUMMARY';

export type Seniority =
  | 'DIRECTOR'
  | 'EXECUTIVE'
  | 'INTERN'
  | 'JUNIOR'
  | 'LEAD'
  | 'MID'
  | 'PRINCIPAL'
  | 'SENIOR';

export type SignalContribution = {
  __typename?: 'SignalContribution';
  /** value × weight; the contributions add up to the score. */
  contribution: Scalars['Float']['output'];
  signal: MatchSignal;
  value: Scalars['Float']['output'];
  weight: Scalars['Float']['output'];
};

export type Skill = {
  __typename?: 'Skill';
  /** Alternative labels, abbreviations and spellings. */
  aliases: Array<Scalars['String']['output']>;
  /** All broader skills up to the roots, nearest first. */
  ancestors: Array<Skill>;
  /** Narrower skills. */
  children: Array<Skill>;
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  description: Scalars['String']['output'];
  /** Changes to this skill, newest first. */
  history: HistoryConnection;
  id: Scalars['ID']['output'];
  kind: SkillKind;
  label: Scalars['String']['output'];
  /** Occupations that list this skill as essential or optional. */
  occupations: Array<OccupationSkill>;
  /** Broader skills (a skill may have several). */
  parents: Array<Skill>;
  related: Array<RelatedSkill>;
  /** Set when the skill was merged or deprecated in favour of another. */
  replacedBy?: Maybe<Skill>;
  /** Other children of any of this skill's parents. */
  siblings: Array<Skill>;
  status: SkillStatus;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Increments on every change; pass it back as expectedVersion when updating. */
  version: Scalars['Int']['output'];
};


export type SkillChildrenArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type SkillHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type SkillOccupationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type SkillRelatedArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};


export type SkillSiblingsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type SkillConnection = {
  __typename?: 'SkillConnection';
  edges: Array<SkillEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type SkillEdge = {
  __typename?: 'SkillEdge';
  cursor: Scalars['String']['output'];
  /** How a search matched (null without search). */
  match?: Maybe<SearchMatch>;
  node: Skill;
};

export type SkillKind =
  | 'KNOWLEDGE'
  | 'LANGUAGE'
  | 'SKILL'
  | 'TRANSVERSAL';

export type SkillMatchVia =
  /** The member has a narrower skill (credit 0.7). */
  | 'CHILD'
  /** The member has the skill itself (credit 1). */
  | 'EXACT'
  /** The member has a broader skill (credit 0.5). */
  | 'PARENT'
  /** The member has a sibling skill (credit 0.4). */
  | 'SIBLING';

export type SkillRelation =
  | 'ESSENTIAL'
  | 'OPTIONAL';

/** DECLARED: given in the member's skills list; EXTRACTED: found in the member's text. */
export type SkillSource =
  | 'DECLARED'
  | 'EXTRACTED';

export type SkillStatus =
  | 'ACTIVE'
  | 'DEPRECATED';

export type TextSpan = {
  __typename?: 'TextSpan';
  confidence: Scalars['Float']['output'];
  end: Scalars['Int']['output'];
  method: ExtractionMethod;
  section: SectionKind;
  start: Scalars['Int']['output'];
  text: Scalars['String']['output'];
};

/** A normalised job title, linked to the occupation it names where one does. */
export type Title = {
  __typename?: 'Title';
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
  occupation?: Maybe<Occupation>;
};

/** How a member or job holds a title. */
export type TitleKind =
  /** The member's latest position without an end date, or the job's own title. */
  | 'CURRENT'
  /** A title the member wants. */
  | 'DESIRED'
  /** A former position. */
  | 'PAST';

export type UpdateSkillInput = {
  /** Replaces the whole alias list. */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  description?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<SkillKind>;
  label?: InputMaybe<Scalars['String']['input']>;
};

export type UpsertedSkill = {
  __typename?: 'UpsertedSkill';
  confidence: Scalars['Float']['output'];
  relation: DocumentSkillRelation;
  skill: Skill;
  source: SkillSource;
};

export type Viewer = {
  __typename?: 'Viewer';
  occupationCount: Scalars['Int']['output'];
  role: Role;
  skillCount: Scalars['Int']['output'];
  /** embedded or neo4j */
  store: Scalars['String']['output'];
};

export type Workplace =
  | 'HYBRID'
  | 'ONSITE'
  | 'REMOTE';



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditOperation: AuditOperation;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Company: ResolverTypeWrapper<NodeRecordModel>;
  CreateSkillInput: CreateSkillInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DocumentKind: DocumentKind;
  DocumentSection: ResolverTypeWrapper<DocumentSection>;
  DocumentSkillRelation: DocumentSkillRelation;
  EmbeddingExportInput: EmbeddingExportInput;
  EmbeddingKind: EmbeddingKind;
  ExpandedSkill: ResolverTypeWrapper<ExpandedSkillModel>;
  ExpansionRelation: ExpansionRelation;
  ExpansionStep: ResolverTypeWrapper<ExpansionStepModel>;
  Experience: ResolverTypeWrapper<Experience>;
  ExperienceInput: ExperienceInput;
  ExportFormat: ExportFormat;
  ExportJob: ResolverTypeWrapper<ExportJob>;
  ExportNodeType: ExportNodeType;
  ExportStatus: ExportStatus;
  ExtractedSkill: ResolverTypeWrapper<ExtractedSkillModel>;
  Extraction: ResolverTypeWrapper<ExtractionModel>;
  ExtractionMethod: ExtractionMethod;
  FitBand: FitBand;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  GraphEmbedding: ResolverTypeWrapper<GraphEmbedding>;
  HeldTitle: ResolverTypeWrapper<Omit<HeldTitle, 'title'> & { title: ResolversTypes['Title'] }>;
  HistoryConnection: ResolverTypeWrapper<Omit<HistoryConnection, 'edges'> & { edges: Array<ResolversTypes['HistoryEdge']> }>;
  HistoryEdge: ResolverTypeWrapper<Omit<HistoryEdge, 'node'> & { node: ResolversTypes['HistoryEntry'] }>;
  HistoryEntry: ResolverTypeWrapper<AuditRecordModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Interaction: ResolverTypeWrapper<Omit<Interaction, 'job' | 'member'> & { job?: Maybe<ResolversTypes['Job']>, member?: Maybe<ResolversTypes['Member']> }>;
  InteractionType: InteractionType;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Job: ResolverTypeWrapper<NodeRecordModel>;
  JobConnection: ResolverTypeWrapper<NodeConnectionModel>;
  JobEdge: ResolverTypeWrapper<Omit<JobEdge, 'node'> & { node: ResolversTypes['Job'] }>;
  JobFilter: JobFilter;
  JobFit: ResolverTypeWrapper<Omit<JobFit, 'explanation' | 'job' | 'member'> & { explanation: ResolversTypes['MatchExplanation'], job: ResolversTypes['Job'], member: ResolversTypes['Member'] }>;
  JobInput: JobInput;
  JobMatch: ResolverTypeWrapper<Omit<JobMatch, 'explanation' | 'job'> & { explanation: ResolversTypes['MatchExplanation'], job: ResolversTypes['Job'] }>;
  JobMatchConnection: ResolverTypeWrapper<Omit<JobMatchConnection, 'edges'> & { edges: Array<ResolversTypes['JobMatchEdge']> }>;
  JobMatchEdge: ResolverTypeWrapper<Omit<JobMatchEdge, 'node'> & { node: ResolversTypes['JobMatch'] }>;
  JobSearch: ResolverTypeWrapper<Omit<JobSearch, 'interpretation' | 'matches'> & { interpretation: ResolversTypes['QueryInterpretation'], matches: ResolversTypes['JobMatchConnection'] }>;
  JobSkill: ResolverTypeWrapper<Omit<JobSkill, 'skill'> & { skill: ResolversTypes['Skill'] }>;
  JobUpsert: ResolverTypeWrapper<Omit<JobUpsert, 'job' | 'skills'> & { job: ResolversTypes['Job'], skills: Array<ResolversTypes['UpsertedSkill']> }>;
  Location: ResolverTypeWrapper<NodeRecordModel>;
  LocationInput: LocationInput;
  LocationLevel: LocationLevel;
  MatchExplanation: ResolverTypeWrapper<Omit<MatchExplanation, 'matchedSkills' | 'missingSkills'> & { matchedSkills: Array<ResolversTypes['MatchedSkill']>, missingSkills: Array<ResolversTypes['Skill']> }>;
  MatchSignal: MatchSignal;
  MatchedSkill: ResolverTypeWrapper<Omit<MatchedSkill, 'memberSkill' | 'path' | 'skill'> & { memberSkill: ResolversTypes['Skill'], path: Array<ResolversTypes['Skill']>, skill: ResolversTypes['Skill'] }>;
  Member: ResolverTypeWrapper<NodeRecordModel>;
  MemberConnection: ResolverTypeWrapper<NodeConnectionModel>;
  MemberEdge: ResolverTypeWrapper<Omit<MemberEdge, 'node'> & { node: ResolversTypes['Member'] }>;
  MemberFilter: MemberFilter;
  MemberInput: MemberInput;
  MemberMatch: ResolverTypeWrapper<Omit<MemberMatch, 'explanation' | 'member'> & { explanation: ResolversTypes['MatchExplanation'], member: ResolversTypes['Member'] }>;
  MemberMatchConnection: ResolverTypeWrapper<Omit<MemberMatchConnection, 'edges'> & { edges: Array<ResolversTypes['MemberMatchEdge']> }>;
  MemberMatchEdge: ResolverTypeWrapper<Omit<MemberMatchEdge, 'node'> & { node: ResolversTypes['MemberMatch'] }>;
  MemberSkill: ResolverTypeWrapper<Omit<MemberSkill, 'skill'> & { skill: ResolversTypes['Skill'] }>;
  MemberUpsert: ResolverTypeWrapper<Omit<MemberUpsert, 'member' | 'skills'> & { member: ResolversTypes['Member'], skills: Array<ResolversTypes['UpsertedSkill']> }>;
  ModelVersion: ResolverTypeWrapper<ModelVersion>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Occupation: ResolverTypeWrapper<OccupationViewModel>;
  OccupationConnection: ResolverTypeWrapper<Omit<OccupationConnection, 'edges'> & { edges: Array<ResolversTypes['OccupationEdge']> }>;
  OccupationEdge: ResolverTypeWrapper<Omit<OccupationEdge, 'node'> & { node: ResolversTypes['Occupation'] }>;
  OccupationSkill: ResolverTypeWrapper<Omit<OccupationSkill, 'occupation' | 'skill'> & { occupation: ResolversTypes['Occupation'], skill: ResolversTypes['Skill'] }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  QueryInterpretation: ResolverTypeWrapper<Omit<QueryInterpretation, 'location'> & { location?: Maybe<ResolversTypes['Location']> }>;
  RelatedSkill: ResolverTypeWrapper<Omit<RelatedSkill, 'skill'> & { skill: ResolversTypes['Skill'] }>;
  RelationType: RelationType;
  Role: Role;
  SearchMatch: ResolverTypeWrapper<SearchMatch>;
  SearchMatchKind: SearchMatchKind;
  SectionKind: SectionKind;
  Seniority: Seniority;
  SignalContribution: ResolverTypeWrapper<SignalContribution>;
  Skill: ResolverTypeWrapper<SkillModel>;
  SkillConnection: ResolverTypeWrapper<Omit<SkillConnection, 'edges'> & { edges: Array<ResolversTypes['SkillEdge']> }>;
  SkillEdge: ResolverTypeWrapper<Omit<SkillEdge, 'node'> & { node: ResolversTypes['Skill'] }>;
  SkillKind: SkillKind;
  SkillMatchVia: SkillMatchVia;
  SkillRelation: SkillRelation;
  SkillSource: SkillSource;
  SkillStatus: SkillStatus;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  TextSpan: ResolverTypeWrapper<TextSpan>;
  Title: ResolverTypeWrapper<NodeRecordModel>;
  TitleKind: TitleKind;
  UpdateSkillInput: UpdateSkillInput;
  UpsertedSkill: ResolverTypeWrapper<Omit<UpsertedSkill, 'skill'> & { skill: ResolversTypes['Skill'] }>;
  Viewer: ResolverTypeWrapper<Viewer>;
  Workplace: Workplace;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  Company: NodeRecordModel;
  CreateSkillInput: CreateSkillInput;
  DateTime: Scalars['DateTime']['output'];
  DocumentSection: DocumentSection;
  EmbeddingExportInput: EmbeddingExportInput;
  ExpandedSkill: ExpandedSkillModel;
  ExpansionStep: ExpansionStepModel;
  Experience: Experience;
  ExperienceInput: ExperienceInput;
  ExportJob: ExportJob;
  ExtractedSkill: ExtractedSkillModel;
  Extraction: ExtractionModel;
  Float: Scalars['Float']['output'];
  GraphEmbedding: GraphEmbedding;
  HeldTitle: Omit<HeldTitle, 'title'> & { title: ResolversParentTypes['Title'] };
  HistoryConnection: Omit<HistoryConnection, 'edges'> & { edges: Array<ResolversParentTypes['HistoryEdge']> };
  HistoryEdge: Omit<HistoryEdge, 'node'> & { node: ResolversParentTypes['HistoryEntry'] };
  HistoryEntry: AuditRecordModel;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Interaction: Omit<Interaction, 'job' | 'member'> & { job?: Maybe<ResolversParentTypes['Job']>, member?: Maybe<ResolversParentTypes['Member']> };
  JSON: Scalars['JSON']['output'];
  Job: NodeRecordModel;
  JobConnection: NodeConnectionModel;
  JobEdge: Omit<JobEdge, 'node'> & { node: ResolversParentTypes['Job'] };
  JobFilter: JobFilter;
  JobFit: Omit<JobFit, 'explanation' | 'job' | 'member'> & { explanation: ResolversParentTypes['MatchExplanation'], job: ResolversParentTypes['Job'], member: ResolversParentTypes['Member'] };
  JobInput: JobInput;
  JobMatch: Omit<JobMatch, 'explanation' | 'job'> & { explanation: ResolversParentTypes['MatchExplanation'], job: ResolversParentTypes['Job'] };
  JobMatchConnection: Omit<JobMatchConnection, 'edges'> & { edges: Array<ResolversParentTypes['JobMatchEdge']> };
  JobMatchEdge: Omit<JobMatchEdge, 'node'> & { node: ResolversParentTypes['JobMatch'] };
  JobSearch: Omit<JobSearch, 'interpretation' | 'matches'> & { interpretation: ResolversParentTypes['QueryInterpretation'], matches: ResolversParentTypes['JobMatchConnection'] };
  JobSkill: Omit<JobSkill, 'skill'> & { skill: ResolversParentTypes['Skill'] };
  JobUpsert: Omit<JobUpsert, 'job' | 'skills'> & { job: ResolversParentTypes['Job'], skills: Array<ResolversParentTypes['UpsertedSkill']> };
  Location: NodeRecordModel;
  LocationInput: LocationInput;
  MatchExplanation: Omit<MatchExplanation, 'matchedSkills' | 'missingSkills'> & { matchedSkills: Array<ResolversParentTypes['MatchedSkill']>, missingSkills: Array<ResolversParentTypes['Skill']> };
  MatchedSkill: Omit<MatchedSkill, 'memberSkill' | 'path' | 'skill'> & { memberSkill: ResolversParentTypes['Skill'], path: Array<ResolversParentTypes['Skill']>, skill: ResolversParentTypes['Skill'] };
  Member: NodeRecordModel;
  MemberConnection: NodeConnectionModel;
  MemberEdge: Omit<MemberEdge, 'node'> & { node: ResolversParentTypes['Member'] };
  MemberFilter: MemberFilter;
  MemberInput: MemberInput;
  MemberMatch: Omit<MemberMatch, 'explanation' | 'member'> & { explanation: ResolversParentTypes['MatchExplanation'], member: ResolversParentTypes['Member'] };
  MemberMatchConnection: Omit<MemberMatchConnection, 'edges'> & { edges: Array<ResolversParentTypes['MemberMatchEdge']> };
  MemberMatchEdge: Omit<MemberMatchEdge, 'node'> & { node: ResolversParentTypes['MemberMatch'] };
  MemberSkill: Omit<MemberSkill, 'skill'> & { skill: ResolversParentTypes['Skill'] };
  MemberUpsert: Omit<MemberUpsert, 'member' | 'skills'> & { member: ResolversParentTypes['Member'], skills: Array<ResolversParentTypes['UpsertedSkill']> };
  ModelVersion: ModelVersion;
  Mutation: Record<PropertyKey, never>;
  Occupation: OccupationViewModel;
  OccupationConnection: Omit<OccupationConnection, 'edges'> & { edges: Array<ResolversParentTypes['OccupationEdge']> };
  OccupationEdge: Omit<OccupationEdge, 'node'> & { node: ResolversParentTypes['Occupation'] };
  OccupationSkill: Omit<OccupationSkill, 'occupation' | 'skill'> & { occupation: ResolversParentTypes['Occupation'], skill: ResolversParentTypes['Skill'] };
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  QueryInterpretation: Omit<QueryInterpretation, 'location'> & { location?: Maybe<ResolversParentTypes['Location']> };
  RelatedSkill: Omit<RelatedSkill, 'skill'> & { skill: ResolversParentTypes['Skill'] };
  SearchMatch: SearchMatch;
  SignalContribution: SignalContribution;
  Skill: SkillModel;
  SkillConnection: Omit<SkillConnection, 'edges'> & { edges: Array<ResolversParentTypes['SkillEdge']> };
  SkillEdge: Omit<SkillEdge, 'node'> & { node: ResolversParentTypes['Skill'] };
  String: Scalars['String']['output'];
  TextSpan: TextSpan;
  Title: NodeRecordModel;
  UpdateSkillInput: UpdateSkillInput;
  UpsertedSkill: Omit<UpsertedSkill, 'skill'> & { skill: ResolversParentTypes['Skill'] };
  Viewer: Viewer;
};

export type CostDirectiveArgs = {
  weight: Scalars['Int']['input'];
};

export type CostDirectiveResolver<Result, Parent, ContextType = Context, Args = CostDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ListSizeDirectiveArgs = {
  max: Scalars['Int']['input'];
  slicingArgument?: Maybe<Scalars['String']['input']>;
};

export type ListSizeDirectiveResolver<Result, Parent, ContextType = Context, Args = ListSizeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CompanyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Company'] = ResolversParentTypes['Company']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DocumentSectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DocumentSection'] = ResolversParentTypes['DocumentSection']> = {
  end?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  heading?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SectionKind'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ExpandedSkillResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExpandedSkill'] = ResolversParentTypes['ExpandedSkill']> = {
  depth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
  path?: Resolver<Array<ResolversTypes['ExpansionStep']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  skill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
};

export type ExpansionStepResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExpansionStep'] = ResolversParentTypes['ExpansionStep']> = {
  relation?: Resolver<ResolversTypes['ExpansionRelation'], ParentType, ContextType>;
  skill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
};

export type ExperienceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Experience'] = ResolversParentTypes['Experience']> = {
  company?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  end?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  start?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ExportJobResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExportJob'] = ResolversParentTypes['ExportJob']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  directory?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  embeddingVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  format?: Resolver<ResolversTypes['ExportFormat'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kinds?: Resolver<Array<ResolversTypes['EmbeddingKind']>, ParentType, ContextType>;
  nodeTypes?: Resolver<Array<ResolversTypes['ExportNodeType']>, ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ExportStatus'], ParentType, ContextType>;
  totalRows?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type ExtractedSkillResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExtractedSkill'] = ResolversParentTypes['ExtractedSkill']> = {
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  expandedFrom?: Resolver<Maybe<ResolversTypes['Skill']>, ParentType, ContextType>;
  expansionPath?: Resolver<Maybe<Array<ResolversTypes['ExpansionStep']>>, ParentType, ContextType>;
  method?: Resolver<ResolversTypes['ExtractionMethod'], ParentType, ContextType>;
  relation?: Resolver<ResolversTypes['DocumentSkillRelation'], ParentType, ContextType>;
  section?: Resolver<ResolversTypes['SectionKind'], ParentType, ContextType>;
  skill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
  spans?: Resolver<Array<ResolversTypes['TextSpan']>, ParentType, ContextType, RequireFields<ExtractedSkillSpansArgs, 'first'>>;
};

export type ExtractionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Extraction'] = ResolversParentTypes['Extraction']> = {
  encoder?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sections?: Resolver<Array<ResolversTypes['DocumentSection']>, ParentType, ContextType>;
  skills?: Resolver<Array<ResolversTypes['ExtractedSkill']>, ParentType, ContextType>;
  tookMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type GraphEmbeddingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GraphEmbedding'] = ResolversParentTypes['GraphEmbedding']> = {
  vector?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type HeldTitleResolvers<ContextType = Context, ParentType extends ResolversParentTypes['HeldTitle'] = ResolversParentTypes['HeldTitle']> = {
  kind?: Resolver<ResolversTypes['TitleKind'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['Title'], ParentType, ContextType>;
};

export type HistoryConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['HistoryConnection'] = ResolversParentTypes['HistoryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['HistoryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type HistoryEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['HistoryEdge'] = ResolversParentTypes['HistoryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['HistoryEntry'], ParentType, ContextType>;
};

export type HistoryEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['HistoryEntry'] = ResolversParentTypes['HistoryEntry']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  after?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['AuditOperation'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subjects?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType, RequireFields<HistoryEntrySubjectsArgs, 'first'>>;
};

export type InteractionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Interaction'] = ResolversParentTypes['Interaction']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  embeddingVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  first?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  job?: Resolver<Maybe<ResolversTypes['Job']>, ParentType, ContextType>;
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['InteractionType'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type JobResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Job'] = ResolversParentTypes['Job']> = {
  company?: Resolver<Maybe<ResolversTypes['Company']>, ParentType, ContextType>;
  companyName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  graphEmbedding?: Resolver<Maybe<ResolversTypes['GraphEmbedding']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  industry?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  interactions?: Resolver<Array<ResolversTypes['Interaction']>, ParentType, ContextType, RequireFields<JobInteractionsArgs, 'first'>>;
  location?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
  normalizedTitle?: Resolver<Maybe<ResolversTypes['Title']>, ParentType, ContextType>;
  postedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  salaryCurrency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  salaryMax?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  salaryMin?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  seniority?: Resolver<Maybe<ResolversTypes['Seniority']>, ParentType, ContextType>;
  skills?: Resolver<Array<ResolversTypes['JobSkill']>, ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workplace?: Resolver<Maybe<ResolversTypes['Workplace']>, ParentType, ContextType>;
};

export type JobConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['JobConnection'] = ResolversParentTypes['JobConnection']> = {
  edges?: Resolver<Array<ResolversTypes['JobEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type JobEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['JobEdge'] = ResolversParentTypes['JobEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Job'], ParentType, ContextType>;
};

export type JobFitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['JobFit'] = ResolversParentTypes['JobFit']> = {
  band?: Resolver<ResolversTypes['FitBand'], ParentType, ContextType>;
  embeddingVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  explanation?: Resolver<ResolversTypes['MatchExplanation'], ParentType, ContextType>;
  job?: Resolver<ResolversTypes['Job'], ParentType, ContextType>;
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  similarity?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type JobMatchResolvers<ContextType = Context, ParentType extends ResolversParentTypes['JobMatch'] = ResolversParentTypes['JobMatch']> = {
  embeddingVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  explanation?: Resolver<ResolversTypes['MatchExplanation'], ParentType, ContextType>;
  job?: Resolver<ResolversTypes['Job'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  similarity?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type JobMatchConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['JobMatchConnection'] = ResolversParentTypes['JobMatchConnection']> = {
  edges?: Resolver<Array<ResolversTypes['JobMatchEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type JobMatchEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['JobMatchEdge'] = ResolversParentTypes['JobMatchEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['JobMatch'], ParentType, ContextType>;
};

export type JobSearchResolvers<ContextType = Context, ParentType extends ResolversParentTypes['JobSearch'] = ResolversParentTypes['JobSearch']> = {
  interpretation?: Resolver<ResolversTypes['QueryInterpretation'], ParentType, ContextType>;
  matches?: Resolver<ResolversTypes['JobMatchConnection'], ParentType, ContextType>;
};

export type JobSkillResolvers<ContextType = Context, ParentType extends ResolversParentTypes['JobSkill'] = ResolversParentTypes['JobSkill']> = {
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  relation?: Resolver<ResolversTypes['DocumentSkillRelation'], ParentType, ContextType>;
  skill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
};

export type JobUpsertResolvers<ContextType = Context, ParentType extends ResolversParentTypes['JobUpsert'] = ResolversParentTypes['JobUpsert']> = {
  created?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  embeddingVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  job?: Resolver<ResolversTypes['Job'], ParentType, ContextType>;
  skills?: Resolver<Array<ResolversTypes['UpsertedSkill']>, ParentType, ContextType>;
};

export type LocationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Location'] = ResolversParentTypes['Location']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['LocationLevel'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
};

export type MatchExplanationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MatchExplanation'] = ResolversParentTypes['MatchExplanation']> = {
  matchedSkills?: Resolver<Array<ResolversTypes['MatchedSkill']>, ParentType, ContextType>;
  missingSkills?: Resolver<Array<ResolversTypes['Skill']>, ParentType, ContextType>;
  signals?: Resolver<Array<ResolversTypes['SignalContribution']>, ParentType, ContextType>;
};

export type MatchedSkillResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MatchedSkill'] = ResolversParentTypes['MatchedSkill']> = {
  credit?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  memberSkill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
  path?: Resolver<Array<ResolversTypes['Skill']>, ParentType, ContextType>;
  relation?: Resolver<ResolversTypes['DocumentSkillRelation'], ParentType, ContextType>;
  skill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
  via?: Resolver<ResolversTypes['SkillMatchVia'], ParentType, ContextType>;
};

export type MemberResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Member'] = ResolversParentTypes['Member']> = {
  companies?: Resolver<Array<ResolversTypes['Company']>, ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  desiredTitles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  experience?: Resolver<Array<ResolversTypes['Experience']>, ParentType, ContextType>;
  graphEmbedding?: Resolver<Maybe<ResolversTypes['GraphEmbedding']>, ParentType, ContextType>;
  headline?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  interactions?: Resolver<Array<ResolversTypes['Interaction']>, ParentType, ContextType, RequireFields<MemberInteractionsArgs, 'first'>>;
  location?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
  openToRemote?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  seniority?: Resolver<Maybe<ResolversTypes['Seniority']>, ParentType, ContextType>;
  skills?: Resolver<Array<ResolversTypes['MemberSkill']>, ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  titles?: Resolver<Array<ResolversTypes['HeldTitle']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MemberConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MemberConnection'] = ResolversParentTypes['MemberConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MemberEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MemberEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MemberEdge'] = ResolversParentTypes['MemberEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
};

export type MemberMatchResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MemberMatch'] = ResolversParentTypes['MemberMatch']> = {
  embeddingVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  explanation?: Resolver<ResolversTypes['MatchExplanation'], ParentType, ContextType>;
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  similarity?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MemberMatchConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MemberMatchConnection'] = ResolversParentTypes['MemberMatchConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MemberMatchEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type MemberMatchEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MemberMatchEdge'] = ResolversParentTypes['MemberMatchEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['MemberMatch'], ParentType, ContextType>;
};

export type MemberSkillResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MemberSkill'] = ResolversParentTypes['MemberSkill']> = {
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  relation?: Resolver<ResolversTypes['DocumentSkillRelation'], ParentType, ContextType>;
  skill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['SkillSource'], ParentType, ContextType>;
};

export type MemberUpsertResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MemberUpsert'] = ResolversParentTypes['MemberUpsert']> = {
  created?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  embeddingVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  skills?: Resolver<Array<ResolversTypes['UpsertedSkill']>, ParentType, ContextType>;
  unknownSkills?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ModelVersionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ModelVersion'] = ResolversParentTypes['ModelVersion']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  backend?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  bestEpoch?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  config?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  data?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  embeddingVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  encoder?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  epochs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fusionId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  trainingMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  validationMrr?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  validationRecallAt10?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addSkillAlias?: Resolver<ResolversTypes['Skill'], ParentType, ContextType, RequireFields<MutationAddSkillAliasArgs, 'alias' | 'id'>>;
  cancelEmbeddingExport?: Resolver<ResolversTypes['ExportJob'], ParentType, ContextType, RequireFields<MutationCancelEmbeddingExportArgs, 'id'>>;
  createSkill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType, RequireFields<MutationCreateSkillArgs, 'input'>>;
  deleteJob?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteJobArgs, 'id'>>;
  deleteMember?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteMemberArgs, 'id'>>;
  deprecateSkill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType, RequireFields<MutationDeprecateSkillArgs, 'id'>>;
  mergeSkills?: Resolver<ResolversTypes['Skill'], ParentType, ContextType, RequireFields<MutationMergeSkillsArgs, 'sourceId' | 'targetId'>>;
  recordInteraction?: Resolver<ResolversTypes['Interaction'], ParentType, ContextType, RequireFields<MutationRecordInteractionArgs, 'jobId' | 'memberId' | 'type' | 'waitForEmbedding'>>;
  relateSkills?: Resolver<ResolversTypes['Skill'], ParentType, ContextType, RequireFields<MutationRelateSkillsArgs, 'fromId' | 'toId' | 'type'>>;
  removeSkillAlias?: Resolver<ResolversTypes['Skill'], ParentType, ContextType, RequireFields<MutationRemoveSkillAliasArgs, 'alias' | 'id'>>;
  setSkillParents?: Resolver<ResolversTypes['Skill'], ParentType, ContextType, RequireFields<MutationSetSkillParentsArgs, 'id' | 'parentIds'>>;
  startEmbeddingExport?: Resolver<ResolversTypes['ExportJob'], ParentType, ContextType, RequireFields<MutationStartEmbeddingExportArgs, 'input'>>;
  unrelateSkills?: Resolver<ResolversTypes['Skill'], ParentType, ContextType, RequireFields<MutationUnrelateSkillsArgs, 'fromId' | 'toId'>>;
  updateSkill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType, RequireFields<MutationUpdateSkillArgs, 'expectedVersion' | 'id' | 'input'>>;
  upsertJob?: Resolver<ResolversTypes['JobUpsert'], ParentType, ContextType, RequireFields<MutationUpsertJobArgs, 'input' | 'waitForEmbedding'>>;
  upsertMember?: Resolver<ResolversTypes['MemberUpsert'], ParentType, ContextType, RequireFields<MutationUpsertMemberArgs, 'input' | 'waitForEmbedding'>>;
  useModel?: Resolver<ResolversTypes['ModelVersion'], ParentType, ContextType, Partial<MutationUseModelArgs>>;
};

export type OccupationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Occupation'] = ResolversParentTypes['Occupation']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  skills?: Resolver<Array<ResolversTypes['OccupationSkill']>, ParentType, ContextType, RequireFields<OccupationSkillsArgs, 'first'>>;
};

export type OccupationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OccupationConnection'] = ResolversParentTypes['OccupationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OccupationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OccupationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OccupationEdge'] = ResolversParentTypes['OccupationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Occupation'], ParentType, ContextType>;
};

export type OccupationSkillResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OccupationSkill'] = ResolversParentTypes['OccupationSkill']> = {
  occupation?: Resolver<ResolversTypes['Occupation'], ParentType, ContextType>;
  relation?: Resolver<ResolversTypes['SkillRelation'], ParentType, ContextType>;
  skill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  expandSkills?: Resolver<Array<ResolversTypes['ExpandedSkill']>, ParentType, ContextType, RequireFields<QueryExpandSkillsArgs, 'ids' | 'limit' | 'maxDepth' | 'relations'>>;
  exportJob?: Resolver<Maybe<ResolversTypes['ExportJob']>, ParentType, ContextType, RequireFields<QueryExportJobArgs, 'id'>>;
  exportJobs?: Resolver<Array<ResolversTypes['ExportJob']>, ParentType, ContextType, RequireFields<QueryExportJobsArgs, 'first'>>;
  extractSkills?: Resolver<ResolversTypes['Extraction'], ParentType, ContextType, RequireFields<QueryExtractSkillsArgs, 'expand' | 'kind' | 'minConfidence' | 'text'>>;
  job?: Resolver<Maybe<ResolversTypes['Job']>, ParentType, ContextType, RequireFields<QueryJobArgs, 'id'>>;
  jobFit?: Resolver<ResolversTypes['JobFit'], ParentType, ContextType, RequireFields<QueryJobFitArgs, 'jobId' | 'memberId'>>;
  jobs?: Resolver<ResolversTypes['JobConnection'], ParentType, ContextType, RequireFields<QueryJobsArgs, 'first'>>;
  marketplaceChanges?: Resolver<ResolversTypes['HistoryConnection'], ParentType, ContextType, RequireFields<QueryMarketplaceChangesArgs, 'first'>>;
  matchJobs?: Resolver<ResolversTypes['JobMatchConnection'], ParentType, ContextType, RequireFields<QueryMatchJobsArgs, 'excludeApplied' | 'first' | 'memberId'>>;
  matchMembers?: Resolver<ResolversTypes['MemberMatchConnection'], ParentType, ContextType, RequireFields<QueryMatchMembersArgs, 'first' | 'jobId'>>;
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType, RequireFields<QueryMemberArgs, 'id'>>;
  members?: Resolver<ResolversTypes['MemberConnection'], ParentType, ContextType, RequireFields<QueryMembersArgs, 'first'>>;
  models?: Resolver<Array<ResolversTypes['ModelVersion']>, ParentType, ContextType>;
  occupation?: Resolver<Maybe<ResolversTypes['Occupation']>, ParentType, ContextType, RequireFields<QueryOccupationArgs, 'id'>>;
  occupations?: Resolver<ResolversTypes['OccupationConnection'], ParentType, ContextType, RequireFields<QueryOccupationsArgs, 'first'>>;
  searchJobs?: Resolver<ResolversTypes['JobSearch'], ParentType, ContextType, RequireFields<QuerySearchJobsArgs, 'first' | 'query'>>;
  skill?: Resolver<Maybe<ResolversTypes['Skill']>, ParentType, ContextType, RequireFields<QuerySkillArgs, 'id'>>;
  skills?: Resolver<ResolversTypes['SkillConnection'], ParentType, ContextType, RequireFields<QuerySkillsArgs, 'first'>>;
  taxonomyChanges?: Resolver<ResolversTypes['HistoryConnection'], ParentType, ContextType, RequireFields<QueryTaxonomyChangesArgs, 'first'>>;
  viewer?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
};

export type QueryInterpretationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QueryInterpretation'] = ResolversParentTypes['QueryInterpretation']> = {
  location?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
  seniority?: Resolver<Array<ResolversTypes['Seniority']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  workplace?: Resolver<Array<ResolversTypes['Workplace']>, ParentType, ContextType>;
};

export type RelatedSkillResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RelatedSkill'] = ResolversParentTypes['RelatedSkill']> = {
  skill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['RelationType'], ParentType, ContextType>;
};

export type SearchMatchResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SearchMatch'] = ResolversParentTypes['SearchMatch']> = {
  kind?: Resolver<ResolversTypes['SearchMatchKind'], ParentType, ContextType>;
  matched?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SignalContributionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SignalContribution'] = ResolversParentTypes['SignalContribution']> = {
  contribution?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  signal?: Resolver<ResolversTypes['MatchSignal'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SkillResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Skill'] = ResolversParentTypes['Skill']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  ancestors?: Resolver<Array<ResolversTypes['Skill']>, ParentType, ContextType>;
  children?: Resolver<Array<ResolversTypes['Skill']>, ParentType, ContextType, RequireFields<SkillChildrenArgs, 'first'>>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  history?: Resolver<ResolversTypes['HistoryConnection'], ParentType, ContextType, RequireFields<SkillHistoryArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SkillKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occupations?: Resolver<Array<ResolversTypes['OccupationSkill']>, ParentType, ContextType, RequireFields<SkillOccupationsArgs, 'first'>>;
  parents?: Resolver<Array<ResolversTypes['Skill']>, ParentType, ContextType>;
  related?: Resolver<Array<ResolversTypes['RelatedSkill']>, ParentType, ContextType, RequireFields<SkillRelatedArgs, 'first'>>;
  replacedBy?: Resolver<Maybe<ResolversTypes['Skill']>, ParentType, ContextType>;
  siblings?: Resolver<Array<ResolversTypes['Skill']>, ParentType, ContextType, RequireFields<SkillSiblingsArgs, 'first'>>;
  status?: Resolver<ResolversTypes['SkillStatus'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SkillConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SkillConnection'] = ResolversParentTypes['SkillConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SkillEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SkillEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SkillEdge'] = ResolversParentTypes['SkillEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  match?: Resolver<Maybe<ResolversTypes['SearchMatch']>, ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
};

export type TextSpanResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TextSpan'] = ResolversParentTypes['TextSpan']> = {
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  end?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['ExtractionMethod'], ParentType, ContextType>;
  section?: Resolver<ResolversTypes['SectionKind'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TitleResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Title'] = ResolversParentTypes['Title']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occupation?: Resolver<Maybe<ResolversTypes['Occupation']>, ParentType, ContextType>;
};

export type UpsertedSkillResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpsertedSkill'] = ResolversParentTypes['UpsertedSkill']> = {
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  relation?: Resolver<ResolversTypes['DocumentSkillRelation'], ParentType, ContextType>;
  skill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['SkillSource'], ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  occupationCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  skillCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  store?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  Company?: CompanyResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DocumentSection?: DocumentSectionResolvers<ContextType>;
  ExpandedSkill?: ExpandedSkillResolvers<ContextType>;
  ExpansionStep?: ExpansionStepResolvers<ContextType>;
  Experience?: ExperienceResolvers<ContextType>;
  ExportJob?: ExportJobResolvers<ContextType>;
  ExtractedSkill?: ExtractedSkillResolvers<ContextType>;
  Extraction?: ExtractionResolvers<ContextType>;
  GraphEmbedding?: GraphEmbeddingResolvers<ContextType>;
  HeldTitle?: HeldTitleResolvers<ContextType>;
  HistoryConnection?: HistoryConnectionResolvers<ContextType>;
  HistoryEdge?: HistoryEdgeResolvers<ContextType>;
  HistoryEntry?: HistoryEntryResolvers<ContextType>;
  Interaction?: InteractionResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Job?: JobResolvers<ContextType>;
  JobConnection?: JobConnectionResolvers<ContextType>;
  JobEdge?: JobEdgeResolvers<ContextType>;
  JobFit?: JobFitResolvers<ContextType>;
  JobMatch?: JobMatchResolvers<ContextType>;
  JobMatchConnection?: JobMatchConnectionResolvers<ContextType>;
  JobMatchEdge?: JobMatchEdgeResolvers<ContextType>;
  JobSearch?: JobSearchResolvers<ContextType>;
  JobSkill?: JobSkillResolvers<ContextType>;
  JobUpsert?: JobUpsertResolvers<ContextType>;
  Location?: LocationResolvers<ContextType>;
  MatchExplanation?: MatchExplanationResolvers<ContextType>;
  MatchedSkill?: MatchedSkillResolvers<ContextType>;
  Member?: MemberResolvers<ContextType>;
  MemberConnection?: MemberConnectionResolvers<ContextType>;
  MemberEdge?: MemberEdgeResolvers<ContextType>;
  MemberMatch?: MemberMatchResolvers<ContextType>;
  MemberMatchConnection?: MemberMatchConnectionResolvers<ContextType>;
  MemberMatchEdge?: MemberMatchEdgeResolvers<ContextType>;
  MemberSkill?: MemberSkillResolvers<ContextType>;
  MemberUpsert?: MemberUpsertResolvers<ContextType>;
  ModelVersion?: ModelVersionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Occupation?: OccupationResolvers<ContextType>;
  OccupationConnection?: OccupationConnectionResolvers<ContextType>;
  OccupationEdge?: OccupationEdgeResolvers<ContextType>;
  OccupationSkill?: OccupationSkillResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  QueryInterpretation?: QueryInterpretationResolvers<ContextType>;
  RelatedSkill?: RelatedSkillResolvers<ContextType>;
  SearchMatch?: SearchMatchResolvers<ContextType>;
  SignalContribution?: SignalContributionResolvers<ContextType>;
  Skill?: SkillResolvers<ContextType>;
  SkillConnection?: SkillConnectionResolvers<ContextType>;
  SkillEdge?: SkillEdgeResolvers<ContextType>;
  TextSpan?: TextSpanResolvers<ContextType>;
  Title?: TitleResolvers<ContextType>;
  UpsertedSkill?: UpsertedSkillResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  cost?: CostDirectiveResolver<any, any, ContextType>;
  listSize?: ListSizeDirectiveResolver<any, any, ContextType>;
};
