import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Skill as SkillModel } from '../../taxonomy/model.ts';
import type { NodeRecord as NodeRecordModel, AuditRecord as AuditRecordModel } from '../../store/types.ts';
import type { OccupationView as OccupationViewModel } from '../../taxonomy/service.ts';
import type { NodeConnection as NodeConnectionModel } from '../marketplace.ts';
import type { MatchConnection as MatchConnectionModel } from '../matching.ts';
import type { Extraction as ExtractionModel, ExtractedSkill as ExtractedSkillModel } from '../../extraction/extract.ts';
import type { ExpandedSkill as ExpandedSkillModel, ExpansionStep as ExpansionStepModel } from '../../taxonomy/expand.ts';
import type { Suggestion as SuggestionModel } from '../../taxonomy/mining.ts';
import type { TitleMatch as TitleMatchModel, TitleCandidate as TitleCandidateModel } from '../../marketplace/titles.ts';
import type { ChangeSet as ChangeSetModel, PlannedEdit as PlannedEditModel } from '../../taxonomy/changesets.ts';
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
  /** acceptRelatedSkillSuggestion. */
  | 'ACCEPT_RELATED_SKILL_SUGGESTION'
  /** addJobSkill. */
  | 'ADD_JOB_SKILL'
  /** addMemberSkill. */
  | 'ADD_MEMBER_SKILL'
  /** addSkillAlias. */
  | 'ADD_SKILL_ALIAS'
  /** approveChangeSet. */
  | 'APPROVE_CHANGE_SET'
  /** commentOnChangeSet. */
  | 'COMMENT_ON_CHANGE_SET'
  /** confirmJobSkill. */
  | 'CONFIRM_JOB_SKILL'
  /** confirmMemberSkill. */
  | 'CONFIRM_MEMBER_SKILL'
  /** createOccupation. */
  | 'CREATE_OCCUPATION'
  /** createRelease. */
  | 'CREATE_RELEASE'
  /** createSkill. */
  | 'CREATE_SKILL'
  /** deleteJob. */
  | 'DELETE_JOB'
  /** deleteMember. */
  | 'DELETE_MEMBER'
  /** deprecateSkill. */
  | 'DEPRECATE_SKILL'
  /** dismissRelatedSkillSuggestion. */
  | 'DISMISS_RELATED_SKILL_SUGGESTION'
  /** flagJobSkill. */
  | 'FLAG_JOB_SKILL'
  /** ignoreUnmappedTerm. */
  | 'IGNORE_UNMAPPED_TERM'
  /** A batch of import-esco or import-taxonomy. */
  | 'IMPORT'
  /** mergeSkills. */
  | 'MERGE_SKILLS'
  /** mineRelatedSkills. */
  | 'MINE_RELATED_SKILLS'
  /** An operation this version of the API does not name. */
  | 'OTHER'
  /** proposeChangeSet. */
  | 'PROPOSE_CHANGE_SET'
  /** recordInteraction, or a batch of interactions imported. */
  | 'RECORD_INTERACTION'
  /** rejectChangeSet. */
  | 'REJECT_CHANGE_SET'
  /** rejectJobSkill. */
  | 'REJECT_JOB_SKILL'
  /** rejectMemberSkill. */
  | 'REJECT_MEMBER_SKILL'
  /** relateSkills. */
  | 'RELATE_SKILLS'
  /** removeSkillAlias. */
  | 'REMOVE_SKILL_ALIAS'
  /** The taxonomy seeded from seeds/ on first start. */
  | 'SEED'
  /** setOccupationSkills. */
  | 'SET_OCCUPATION_SKILLS'
  /** setSkillParents. */
  | 'SET_SKILL_PARENTS'
  /** unrelateSkills. */
  | 'UNRELATE_SKILLS'
  /** updateOccupation. */
  | 'UPDATE_OCCUPATION'
  /** updateSkill. */
  | 'UPDATE_SKILL'
  /** upsertJob, or a batch of jobs imported. */
  | 'UPSERT_JOB'
  /** upsertMember, or a batch of members imported. */
  | 'UPSERT_MEMBER'
  /** withdrawChangeSet. */
  | 'WITHDRAW_CHANGE_SET';

/** Skill edits proposed together, reviewed together and applied in one transaction. */
export type ChangeSet = {
  __typename?: 'ChangeSet';
  /** Comments and decisions, oldest first. */
  comments: Array<ChangeSetComment>;
  /** When. */
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who approved, rejected or withdrew it. */
  decidedBy?: Maybe<Scalars['String']['output']>;
  /** Why. */
  description: Scalars['String']['output'];
  /** The edits as proposed, in order. */
  edits: Array<ChangeSetEdit>;
  /**
   * What the edits do, edit by edit, as history records (before and after): for a proposed change set, what
   * approving it now would do (or the first edit that no longer applies); for an applied one, what it did.
   */
  effect: ChangeSetEffect;
  /** Its id (changeset:<date>-<random>). */
  id: Scalars['ID']['output'];
  /** When. */
  proposedAt: Scalars['DateTime']['output'];
  /** role:key-id of the editor who proposed it. */
  proposedBy: Scalars['String']['output'];
  /** Where it stands. */
  status: ChangeSetStatus;
  /** What the change is. */
  title: Scalars['String']['output'];
};

/** A comment, or a decision with its comment. */
export type ChangeSetComment = {
  __typename?: 'ChangeSetComment';
  /** When. */
  at: Scalars['DateTime']['output'];
  /** role:key-id of its author. */
  by: Scalars['String']['output'];
  /** COMMENT, APPROVED, REJECTED or WITHDRAWN. */
  kind: Scalars['String']['output'];
  /** What was said (empty for a decision without a comment). */
  text: Scalars['String']['output'];
};

/** One proposed edit. */
export type ChangeSetEdit = {
  __typename?: 'ChangeSetEdit';
  /** Its arguments, as proposed. */
  arguments: Scalars['JSON']['output'];
  /** The mutation it runs, e.g. updateSkill. */
  operation: Scalars['String']['output'];
  /** The skills it names (at most 100 are listed). */
  skillIds: Array<Scalars['ID']['output']>;
};

/** One edit's effect: the history record it writes. */
export type ChangeSetEditEffect = {
  __typename?: 'ChangeSetEditEffect';
  /** The skill as it becomes. */
  after?: Maybe<Scalars['JSON']['output']>;
  /** The skill as it was. */
  before?: Maybe<Scalars['JSON']['output']>;
  /** What was done. */
  operation: AuditOperation;
  /** The ids it is about (an edit names a few; at most 100 are listed). */
  subjects: Array<Scalars['ID']['output']>;
};

/** What a change set's edits do. */
export type ChangeSetEffect = {
  __typename?: 'ChangeSetEffect';
  /** Each edit's history record, in order. */
  edits: Array<ChangeSetEditEffect>;
  /** Why it cannot be applied now (a proposed change set only); null when it can. */
  problem?: Maybe<ChangeSetProblem>;
};

/** A change set to propose: a title and 1 to 100 edits, applied in order. */
export type ChangeSetInput = {
  /** Why (at most 4,000 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The edits, in order. */
  edits: Array<SkillEditInput>;
  /** What the change is (1 to 200 characters). */
  title: Scalars['String']['input'];
};

/** The first edit of a change set that does not apply to the taxonomy now. */
export type ChangeSetProblem = {
  __typename?: 'ChangeSetProblem';
  /** The error code approving would give (CONFLICT, NOT_FOUND, BAD_USER_INPUT). */
  code: Scalars['String']['output'];
  /** The message, naming the edit. */
  message: Scalars['String']['output'];
};

/** Where a change set stands. */
export type ChangeSetStatus =
  /** Approved and applied. */
  | 'APPLIED'
  /** Waiting for a reviewer. */
  | 'PROPOSED'
  /** Rejected by a reviewer. */
  | 'REJECTED'
  /** Taken back by its proposer. */
  | 'WITHDRAWN';

/** An employer, from job postings and members' experience. */
export type Company = Node & {
  __typename?: 'Company';
  /** company: and the name's slug (or a hash of a name without letters or digits). */
  id: Scalars['ID']['output'];
  /** The name as first given. */
  name: Scalars['String']['output'];
};

/** A new occupation; labels and aliases are unique among occupations (1 to 200 characters each). */
export type CreateOccupationInput = {
  /** Alternative labels (at most 100). */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** What the occupation is (at most 4,000 characters). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** occupation: and a slug, or an absolute URI; derived from the label when left out. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** The preferred name. */
  label: Scalars['String']['input'];
  /** The group it belongs to. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
};

/** Labels and aliases: 1 to 200 characters; at most 100 aliases; descriptions at most 4,000 characters. */
export type CreateSkillInput = {
  /** Alternative labels (at most 100), each unique like the label. */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** What the skill is. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** skill: and a slug, or an absolute URI; derived from the label when left out. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** SKILL by default. */
  kind?: InputMaybe<SkillKind>;
  /** The preferred name, unique among active skills' labels and aliases. */
  label: Scalars['String']['input'];
  /** Its broader skills (none: a root). */
  parentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** deprecateSkill's arguments. */
export type DeprecateSkillEditInput = {
  /** The skill. */
  id: Scalars['ID']['input'];
  /** The skill to use instead, if any. */
  replacedById?: InputMaybe<Scalars['ID']['input']>;
};

/** What kind of document a text is; it decides how sections count. */
export type DocumentKind =
  /** A job posting: skills under requirements are REQUIRED, under responsibilities CORE, others MENTIONED. */
  | 'JOB_POSTING'
  /** A member profile (headline, summary, experience): read as a resume. */
  | 'PROFILE'
  /** A resume or CV: skills under skills or experience, or named in two sentences, are CORE. */
  | 'RESUME'
  /** Any other text: skills named in two or more sentences are CORE, others MENTIONED. */
  | 'TEXT';

/** A part of a document between two headings. */
export type DocumentSection = {
  __typename?: 'DocumentSection';
  /** Where it ends (exclusive). */
  end: Scalars['Int']['output'];
  /** The heading as written, if there was one. */
  heading?: Maybe<Scalars['String']['output']>;
  /** What the section is about. */
  kind: SectionKind;
  /** Where the section starts (UTF-16 index). */
  start: Scalars['Int']['output'];
};

/** How a document relates to a skill: REQUIRED (asked for under requirements), CORE (central), MENTIONED. */
export type DocumentSkillRelation =
  /** Central to the document (skills or experience, or a job's duties). */
  | 'CORE'
  /** Named in passing, or nice to have. */
  | 'MENTIONED'
  /** A job asks for it (its requirements section). */
  | 'REQUIRED';

/** What to export, and where. */
export type EmbeddingExportInput = {
  /**
   * Incremental: only the rows that changed in the served state after this base — a previous SUCCEEDED export's
   * id (of the same version) or a change-feed position (its ExportJob.position) — plus <type>.deleted.txt with
   * the ids deleted since. Only for the version served now, from its activation on (CONFLICT otherwise).
   */
  base?: InputMaybe<Scalars['String']['input']>;
  /** A directory under the export root (created; must not already hold an export). */
  destination: Scalars['String']['input'];
  /** The file format. */
  format: ExportFormat;
  /** Which vectors of each node. */
  kinds: Array<EmbeddingKind>;
  /** The kinds of node to export. */
  nodeTypes: Array<ExportNodeType>;
  /** PARQUET only: rows per part file of each type's partition (default 1,000,000; at most 10,000 parts a type). */
  rowsPerFile?: InputMaybe<Scalars['Int']['input']>;
  /** A model version; the active one when absent. */
  version?: InputMaybe<Scalars['ID']['input']>;
};

/** Which vector of a node. */
export type EmbeddingKind =
  /** The fused vector matching compares (members and jobs only). */
  | 'FUSED'
  /** The GraphSAGE vector. */
  | 'GRAPH'
  /** The text encoder's vector of the node's text. */
  | 'TEXT';

/** A skill near the seeds, with how it was reached. */
export type ExpandedSkill = {
  __typename?: 'ExpandedSkill';
  /** Steps from the seed. */
  depth: Scalars['Int']['output'];
  /** The seed skill the best path started from. */
  from: Skill;
  /** The steps from the seed to this skill; the last is this skill. */
  path: Array<ExpansionStep>;
  /** The product of the relation weights along the best path, 0 to 1. */
  score: Scalars['Float']['output'];
  /** The skill reached. */
  skill: Skill;
};

/** A link expandSkills follows. */
export type ExpansionRelation =
  /** To a narrower skill (0.6). */
  | 'CHILD'
  /** Over a RELATED link accepted from a mined suggestion (0.5). */
  | 'MINED'
  /** To a broader skill (weight 0.7 per step). */
  | 'PARENT'
  /** Over a RELATED link an editor made (0.6). */
  | 'RELATED'
  /** To another child of a parent (0.5). */
  | 'SIBLING';

/** One link of an expansion path. */
export type ExpansionStep = {
  __typename?: 'ExpansionStep';
  /** The link followed. */
  relation: ExpansionRelation;
  /** The skill it led to. */
  skill: Skill;
};

/** One position of a member. */
export type Experience = {
  __typename?: 'Experience';
  /** The employer's name as given. */
  company?: Maybe<Scalars['String']['output']>;
  /** What the member did. */
  description?: Maybe<Scalars['String']['output']>;
  /** When it ended; null for a current position. */
  end?: Maybe<Scalars['String']['output']>;
  /** When it started (an ISO date: 2021, 2021-03 or 2021-03-01). */
  start?: Maybe<Scalars['String']['output']>;
  /** The job title as given. */
  title?: Maybe<Scalars['String']['output']>;
};

/** One position. */
export type ExperienceInput = {
  /** The employer's name. */
  company?: InputMaybe<Scalars['String']['input']>;
  /** What the member did (skills are extracted from it). */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Absent for the current position. */
  end?: InputMaybe<Scalars['String']['input']>;
  /** ISO date: 2021, 2021-03 or 2021-03-01. */
  start?: InputMaybe<Scalars['String']['input']>;
  /** The job title. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** The files an export writes. */
export type ExportFormat =
  /** One JSON object per line: id, type and one array per kind. */
  | 'JSONL'
  /** One float32 .npy matrix per node type and kind, rows in the order of <type>.ids.txt. */
  | 'NPY'
  /**
   * A Parquet dataset in vectors/, one Hive partition per node type (vectors/type=Member/part-00000.parquet, …,
   * a part every rowsPerFile rows): an id column and one float32 list column per kind (zstd, row groups of
   * 16,384). Spark and Arrow read vectors/ as one table with a type column.
   */
  | 'PARQUET';

/** An embedding export job (role admin). */
export type ExportJob = {
  __typename?: 'ExportJob';
  /** For an incremental export: the base it was asked to build on. */
  base?: Maybe<Scalars['String']['output']>;
  /** When the job was started. */
  createdAt: Scalars['DateTime']['output'];
  /** Where the files are, once SUCCEEDED. */
  directory?: Maybe<Scalars['String']['output']>;
  /** The embedding version of every vector written, once SUCCEEDED. */
  embeddingVersion?: Maybe<Scalars['String']['output']>;
  /** Why it FAILED. */
  error?: Maybe<Scalars['String']['output']>;
  /** The file format. */
  format: ExportFormat;
  /** The job's id. */
  id: Scalars['ID']['output'];
  /** Which vectors. */
  kinds: Array<EmbeddingKind>;
  /** The kinds of node exported. */
  nodeTypes: Array<ExportNodeType>;
  /** The change-feed position of the served state written, once SUCCEEDED: a later incremental export's base. */
  position?: Maybe<Scalars['Int']['output']>;
  /** 0 to 1. */
  progress: Scalars['Float']['output'];
  /** Rows written so far. */
  rows: Scalars['Int']['output'];
  /** PARQUET: rows per part file of each type's partition (null for NPY and JSONL). */
  rowsPerFile?: Maybe<Scalars['Int']['output']>;
  /** Where the job is. */
  status: ExportStatus;
  /** Rows to write, once known. */
  totalRows?: Maybe<Scalars['Int']['output']>;
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The model version exported. */
  version?: Maybe<Scalars['ID']['output']>;
};

/** A kind of node whose vectors can be exported. */
export type ExportNodeType =
  /** Companies. */
  | 'COMPANY'
  /** Jobs. */
  | 'JOB'
  /** Locations. */
  | 'LOCATION'
  /** Members. */
  | 'MEMBER'
  /** Occupations. */
  | 'OCCUPATION'
  /** Skills. */
  | 'SKILL'
  /** Titles. */
  | 'TITLE';

/** Where an export job is. */
export type ExportStatus =
  /** Cancelled; nothing was left behind. */
  | 'CANCELLED'
  /** Stopped with an error (see error); nothing was left behind. */
  | 'FAILED'
  /** Waiting for the one before it. */
  | 'QUEUED'
  /** Writing files. */
  | 'RUNNING'
  /** Done: directory holds the files and manifest.json. */
  | 'SUCCEEDED';

/** One skill found in a text. */
export type ExtractedSkill = {
  __typename?: 'ExtractedSkill';
  /** 0 to 1. */
  confidence: Scalars['Float']['output'];
  /** For EXPANSION: the extracted skill it was reached from, and how. */
  expandedFrom?: Maybe<Skill>;
  /** For EXPANSION: the links from expandedFrom to this skill. */
  expansionPath?: Maybe<Array<ExpansionStep>>;
  /** The method of the strongest occurrence. */
  method: ExtractionMethod;
  /** How the document holds it. */
  relation: DocumentSkillRelation;
  /** The section of the strongest occurrence. */
  section: SectionKind;
  /** The skill. */
  skill: Skill;
  /** Where the skill occurs, in text order; first: 0 to 1,000. */
  spans: Array<TextSpan>;
};


/** One skill found in a text. */
export type ExtractedSkillSpansArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The skills in a text, with the sections they were found in. */
export type Extraction = {
  __typename?: 'Extraction';
  /** The text encoder that produced the semantic matches. */
  encoder: Scalars['String']['output'];
  /** The document's sections in text order, found from its headings. */
  sections: Array<DocumentSection>;
  /** At most 200 skills, in order: REQUIRED, CORE, then MENTIONED, the most confident first within each. */
  skills: Array<ExtractedSkill>;
  /** How long the extraction took, in milliseconds. */
  tookMs: Scalars['Float']['output'];
  /**
   * Items of the skills sections (requirements, nice-to-have, a resume's skills) that no skill name matched, in
   * order, at most 50: terms the taxonomy may be missing.
   */
  unmappedTerms: Array<Scalars['String']['output']>;
};

/** How a skill was found. */
export type ExtractionMethod =
  /** Reached over the taxonomy from a skill found in the text (expand: true). */
  | 'EXPANSION'
  /** A sentence means it: the sentence's vector is near the skill's. */
  | 'SEMANTIC'
  /** Its label or an alias occurs in the text. */
  | 'TRIE';

/** How good a fit is, in words. */
export type FitBand =
  /** Score 0.4 to 0.55. */
  | 'FAIR'
  /** Score 0.55 to 0.7. */
  | 'GOOD'
  /** Score 0.7 or more. */
  | 'STRONG'
  /** Score below 0.4. */
  | 'WEAK';

/** A node's GraphSAGE embedding (unit length) and the model version that made it. */
export type GraphEmbedding = {
  __typename?: 'GraphEmbedding';
  /** The GraphSAGE vector. */
  vector: Array<Scalars['Float']['output']>;
  /** The embedding version the vector belongs to. */
  version: Scalars['ID']['output'];
};

/** CURRENT, PAST or DESIRED for members; CURRENT for jobs. */
export type HeldTitle = {
  __typename?: 'HeldTitle';
  /** Current, past or desired. */
  kind: TitleKind;
  /** The normalised title. */
  title: Title;
};

/** A page of audit records, newest first. */
export type HistoryConnection = {
  __typename?: 'HistoryConnection';
  /** The records on this page. */
  edges: Array<HistoryEdge>;
  /** Where this page is in the list. */
  pageInfo: PageInfo;
  /** How many records match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An audit record and its cursor. */
export type HistoryEdge = {
  __typename?: 'HistoryEdge';
  /** Pass it as after to continue from here. */
  cursor: Scalars['String']['output'];
  /** The record. */
  node: HistoryEntry;
};

/** One audit record, written in the same transaction as the change it describes. */
export type HistoryEntry = {
  __typename?: 'HistoryEntry';
  /** role:key-id of the API key that made the change (or system); the role alone for callers below role editor. */
  actor: Scalars['String']['output'];
  /** The subject as it became, where the operation keeps it. */
  after?: Maybe<Scalars['JSON']['output']>;
  /** When the change was committed. */
  at: Scalars['DateTime']['output'];
  /** The subject as it was, where the operation keeps it. */
  before?: Maybe<Scalars['JSON']['output']>;
  /** What was done. */
  operation: AuditOperation;
  /** The record's position in the audit log (increasing). */
  seq: Scalars['Int']['output'];
  /** The ids this change is about (an import batch can name up to 1,000). */
  subjects: Array<Scalars['ID']['output']>;
};


/** One audit record, written in the same transaction as the change it describes. */
export type HistoryEntrySubjectsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What a member did with a job: the latest time, the first and how often. */
export type Interaction = {
  __typename?: 'Interaction';
  /** The latest time. */
  at: Scalars['DateTime']['output'];
  /** How many distinct times it happened. */
  count: Scalars['Int']['output'];
  /** recordInteraction with waitForEmbedding: the embedding version that now answers. */
  embeddingVersion?: Maybe<Scalars['String']['output']>;
  /** The earliest time. */
  first: Scalars['DateTime']['output'];
  /** The job. */
  job?: Maybe<Job>;
  /** The member (shown to admins only). */
  member?: Maybe<Member>;
  /** What the member did. */
  type: InteractionType;
};

/** What a member did with a job. */
export type InteractionType =
  /** Applied. */
  | 'APPLIED'
  /** Was hired. */
  | 'HIRED'
  /** Saved it. */
  | 'SAVED'
  /** Looked at the posting. */
  | 'VIEWED';

/** A job posting (role reader; its interactions need role admin). */
export type Job = Node & {
  __typename?: 'Job';
  /** The employer's node (null when no company was given). */
  company?: Maybe<Company>;
  /** The company name as posted. */
  companyName?: Maybe<Scalars['String']['output']>;
  /** When the job was first stored. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The posting's text. */
  description?: Maybe<Scalars['String']['output']>;
  /** When it closes. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** As of the model's activation; null when no model is loaded or the job is newer. */
  graphEmbedding?: Maybe<GraphEmbedding>;
  /** The job's id. */
  id: Scalars['ID']['output'];
  /** The employer's industry. */
  industry?: Maybe<Scalars['String']['output']>;
  /** Members who interacted with this job (role admin). */
  interactions: Array<Interaction>;
  /** Where the job is. */
  location?: Maybe<Location>;
  /** The title without seniority words and gender tags, linked to an occupation where one matches. */
  normalizedTitle?: Maybe<Title>;
  /** When it was posted. */
  postedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The salary's ISO 4217 currency. */
  salaryCurrency?: Maybe<Scalars['String']['output']>;
  /** Highest salary offered. */
  salaryMax?: Maybe<Scalars['Float']['output']>;
  /** Lowest salary offered. */
  salaryMin?: Maybe<Scalars['Float']['output']>;
  /** The level: given, or read from the title. */
  seniority?: Maybe<Seniority>;
  /** Decisions on the job's skills, including rejected ones (at most 500; role admin). */
  skillFeedback: Array<SkillFeedback>;
  /** Job seekers' flags on the job's skills, the most flagged first (role admin). */
  skillFlags: Array<SkillFlag>;
  /** At most 100: skills people confirmed or added, then listed ones, then the most confident extracted ones. */
  skills: Array<JobSkill>;
  /** The title as posted. */
  title?: Maybe<Scalars['String']['output']>;
  /** When it was last upserted. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Increments on every upsert. */
  version: Scalars['Int']['output'];
  /** Where the work is done. */
  workplace?: Maybe<Workplace>;
};


/** A job posting (role reader; its interactions need role admin). */
export type JobInteractionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<InteractionType>>;
};

/** A page of jobs. */
export type JobConnection = {
  __typename?: 'JobConnection';
  /** The jobs on this page. */
  edges: Array<JobEdge>;
  /** Where this page is in the list. */
  pageInfo: PageInfo;
  /** All jobs matching the filter (counting them scans the postings when a filter is given). */
  totalCount: Scalars['Int']['output'];
};

/** A job and its cursor. */
export type JobEdge = {
  __typename?: 'JobEdge';
  /** Pass it as after to continue from here. */
  cursor: Scalars['String']['output'];
  /** The job. */
  node: Job;
};

/** Hard filters on jobs: a job passes when it matches every field given. */
export type JobFilter = {
  /** Only postings not expired at this time. */
  activeAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only this company's jobs. */
  companyId?: InputMaybe<Scalars['ID']['input']>;
  /** None of these companies' jobs. */
  excludeCompanyIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** A location id: jobs there or anywhere inside it (a country includes its regions and cities). */
  locationId?: InputMaybe<Scalars['ID']['input']>;
  /** Only postings at or after this time. */
  postedAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Any of these seniorities. */
  seniority?: InputMaybe<Array<Seniority>>;
  /** Any of these workplaces. */
  workplace?: InputMaybe<Array<Workplace>>;
};

/** How well one member fits one job. */
export type JobFit = {
  __typename?: 'JobFit';
  /** From the hand-weighted score of the signals, whichever ranker scored: STRONG ≥ 0.7, GOOD ≥ 0.55, FAIR ≥ 0.4, else WEAK. */
  band: FitBand;
  /** The embedding version that scored it. */
  embeddingVersion: Scalars['String']['output'];
  /** Why, signal by signal and skill by skill. */
  explanation: MatchExplanation;
  /** The job. */
  job: Job;
  /** The member. */
  member: Member;
  /** Re-ranked score, 0 to 1 (the ranker's: see explanation.ranker). */
  score: Scalars['Float']['output'];
  /** Cosine of the fused vectors. */
  similarity: Scalars['Float']['output'];
};

/** A job posting's full record. */
export type JobInput = {
  /** The employer's name. */
  company?: InputMaybe<Scalars['String']['input']>;
  /** The posting's text (at most 20,000 characters); skills are extracted from it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** When the posting closes. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The job's id (the id rule; not skill:, occupation:, company:, location: or title:, nor a member's id). */
  id: Scalars['ID']['input'];
  /** The employer's industry. */
  industry?: InputMaybe<Scalars['String']['input']>;
  /** Where the job is. */
  location?: InputMaybe<LocationInput>;
  /** Defaults to the time of the first upsert. */
  postedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** An ISO 4217 code such as EUR. */
  salaryCurrency?: InputMaybe<Scalars['String']['input']>;
  /** Highest salary offered (at least salaryMin). */
  salaryMax?: InputMaybe<Scalars['Float']['input']>;
  /** Lowest salary offered (0 to below 1,000,000,000). */
  salaryMin?: InputMaybe<Scalars['Float']['input']>;
  /** Inferred from the title when absent. */
  seniority?: InputMaybe<Seniority>;
  /**
   * Skills the posting asks for (at most 100), by id, label or alias, beside those extracted from the text.
   * A skill someone rejected on this job stays out (see rejectedSkills).
   */
  skills?: InputMaybe<Array<JobSkillInput>>;
  /** The title as posted; it is normalised to a Title. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** Where the work is done. */
  workplace?: InputMaybe<Workplace>;
};

/** A job for a member. */
export type JobMatch = {
  __typename?: 'JobMatch';
  /** The embedding version that ranked it (text encoder | GNN version | fusion head). */
  embeddingVersion: Scalars['String']['output'];
  /** Why it matches. */
  explanation: MatchExplanation;
  /** The job. */
  job: Job;
  /** Re-ranked score, 0 to 1. */
  score: Scalars['Float']['output'];
  /** Cosine of the fused vectors. */
  similarity: Scalars['Float']['output'];
};

/** A page of job matches, best first. */
export type JobMatchConnection = {
  __typename?: 'JobMatchConnection';
  /** The matches on this page. */
  edges: Array<JobMatchEdge>;
  /** Where this page is in the ranking. */
  pageInfo: PageInfo;
  /** How many jobs there are to page through: those passing the filters (and not left out as applied to), at most 1,000. */
  totalCount: Scalars['Int']['output'];
};

/** A job match and its cursor. */
export type JobMatchEdge = {
  __typename?: 'JobMatchEdge';
  /** Pass it as after to continue from here. */
  cursor: Scalars['String']['output'];
  /** The match. */
  node: JobMatch;
};

/** The answer to searchJobs: how the query was read, and the jobs. */
export type JobSearch = {
  __typename?: 'JobSearch';
  /** How the query was read. */
  interpretation: QueryInterpretation;
  /** The jobs, best first. */
  matches: JobMatchConnection;
};

/** A skill a job asks for. */
export type JobSkill = {
  __typename?: 'JobSkill';
  /** How sure the extraction is, 0 to 1 (1 for listed skills and people's decisions). */
  confidence: Scalars['Float']['output'];
  /** How the posting asks for it. */
  relation: DocumentSkillRelation;
  /** The skill. */
  skill: Skill;
  /** Extracted, listed in JobInput.skills, or confirmed or added by a person. */
  source: SkillSource;
};

/** A skill a job lists. */
export type JobSkillInput = {
  /** How the posting asks for it. */
  relation?: InputMaybe<DocumentSkillRelation>;
  /** A skill id, label or alias. */
  skill: Scalars['String']['input'];
};

/** What upsertJob wrote. */
export type JobUpsert = {
  __typename?: 'JobUpsert';
  /** True when the job is new. */
  created: Scalars['Boolean']['output'];
  /** With waitForEmbedding: the embedding version that now answers for this job. */
  embeddingVersion?: Maybe<Scalars['String']['output']>;
  /** The job as stored now. */
  job: Job;
  /** Listed or extracted skills left out because someone rejected them (rejectJobSkill). */
  rejectedSkills: Array<Skill>;
  /** The skills written for the job: people's decisions, listed and extracted ones. */
  skills: Array<UpsertedSkill>;
  /** Listed skills (JobInput.skills) that name no skill in the taxonomy (not written). */
  unknownSkills: Array<Scalars['String']['output']>;
};

/** The learned second-stage ranker of a model version: logistic regression over the match signals. */
export type LearnedRanker = {
  __typename?: 'LearnedRanker';
  /** Whether it serves: it beat the hand weights on the validation members it did not fit. */
  adopted: Scalars['Boolean']['output'];
  /** One coefficient per signal (log-odds per unit of the signal's value). */
  coefficients: Array<SignalCoefficient>;
  /** The cold-start ranker fitted beside it (for members without interactions), or null. */
  coldStart?: Maybe<LearnedRanker>;
  /** Its id; matches it scores say ranker "learned:<id>". */
  id: Scalars['ID']['output'];
  /** The log-odds intercept. */
  intercept: Scalars['Float']['output'];
  /** How many members judged it. */
  validationMembers: Scalars['Int']['output'];
  /** Its MRR on those members. */
  validationMrr: Scalars['Float']['output'];
  /** The hand weights' MRR on the same members. */
  weightsMrr: Scalars['Float']['output'];
};

/** A place; each lies inside its parent (city in region in country). */
export type Location = Node & {
  __typename?: 'Location';
  /** location: and the slugs from the country down, such as location:germany/bavaria/munich. */
  id: Scalars['ID']['output'];
  /** Country, region or city. */
  level: LocationLevel;
  /** The place's name. */
  name: Scalars['String']['output'];
  /** The place it lies in (null for a country). */
  parent?: Maybe<Location>;
};

/** A place: any of city, region and country. */
export type LocationInput = {
  /** The city. */
  city?: InputMaybe<Scalars['String']['input']>;
  /** The country. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** The region, state or province. */
  region?: InputMaybe<Scalars['String']['input']>;
};

/** How large a place is. */
export type LocationLevel =
  /** A city. */
  | 'CITY'
  /** A country. */
  | 'COUNTRY'
  /** A region, state or province. */
  | 'REGION';

/** Why a member and a job match: the score's parts and the skills behind them. */
export type MatchExplanation = {
  __typename?: 'MatchExplanation';
  /** The learned ranker's intercept in log-odds (0 for the hand weights). */
  intercept: Scalars['Float']['output'];
  /** The job's skills the member has credit for, and through which skill. */
  matchedSkills: Array<MatchedSkill>;
  /** The job's REQUIRED skills the member has no credit for. */
  missingSkills: Array<Skill>;
  /** What scored it: "weights" (the hand weights) or "learned:<id>" (the ranker trained with the model version). */
  ranker: Scalars['String']['output'];
  /** Every signal's value, weight and contribution (see SignalContribution for how they add up). */
  signals: Array<SignalContribution>;
};

/**
 * A re-ranking signal; each scores 0 to 1. The hand weights (SKILLGRAPH_MATCH_WEIGHTS) or the learned ranker
 * trained with the model version weigh them.
 */
export type MatchSignal =
  /** 2^(−days since posted / 30); 0.5 when the posting date is unknown. */
  | 'FRESHNESS'
  /** Remote job and member open to remote, or same city 1; same region 0.7; same country 0.4. */
  | 'LOCATION'
  /** How many members interacted with the job, log-scaled against the most popular job (the serving model's graph). */
  | 'POPULARITY'
  /** Fused embedding similarity, mapped from [-1, 1] to [0, 1]. */
  | 'SEMANTIC'
  /** 1 − |seniority gap| / 3. */
  | 'SENIORITY'
  /** Share of the job's skills the member covers (REQUIRED 1, CORE 0.7, MENTIONED 0.3; partial credit via the hierarchy). */
  | 'SKILLS'
  /** Same normalised title 1, same occupation 0.8. */
  | 'TITLE';

/** A job skill the member has credit for. */
export type MatchedSkill = {
  __typename?: 'MatchedSkill';
  /** The credit, 0 to 1. */
  credit: Scalars['Float']['output'];
  /** The member's skill that earned the credit. */
  memberSkill: Skill;
  /** From the member's skill to the job's over the hierarchy: [skill] for EXACT, [narrower, skill] for CHILD, [broader, skill] for PARENT, [sibling, shared parent, skill] for SIBLING. */
  path: Array<Skill>;
  /** How the job asks for the skill. */
  relation: DocumentSkillRelation;
  /** The job's skill. */
  skill: Skill;
  /** How the member earns the credit. */
  via: SkillMatchVia;
};

/** A member: profile, skills, titles, employers and interactions (role admin). */
export type Member = Node & {
  __typename?: 'Member';
  /** Employers from the member's experience. */
  companies: Array<Company>;
  /** When the member was first stored. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Titles the member wants. */
  desiredTitles: Array<Scalars['String']['output']>;
  /** Positions as given. */
  experience: Array<Experience>;
  /** As of the model's activation; null when no model is loaded or the member is newer. */
  graphEmbedding?: Maybe<GraphEmbedding>;
  /** A one-line description. */
  headline?: Maybe<Scalars['String']['output']>;
  /** The member's id. */
  id: Scalars['ID']['output'];
  /** What the member did with jobs, latest first. */
  interactions: Array<Interaction>;
  /** Where the member lives. */
  location?: Maybe<Location>;
  /** Whether remote jobs suit the member. */
  openToRemote?: Maybe<Scalars['Boolean']['output']>;
  /** The member's level: given, or read from the latest title. */
  seniority?: Maybe<Seniority>;
  /** Decisions on the member's skills, including rejected ones (at most 500). */
  skillFeedback: Array<SkillFeedback>;
  /** At most 100: skills people confirmed or added first, then declared ones, then the most confident extracted ones. */
  skills: Array<MemberSkill>;
  /** Free text about the member. */
  summary?: Maybe<Scalars['String']['output']>;
  /** Normalised titles the member holds, held or wants. */
  titles: Array<HeldTitle>;
  /** When the member was last upserted. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Increments on every upsert. */
  version: Scalars['Int']['output'];
};


/** A member: profile, skills, titles, employers and interactions (role admin). */
export type MemberInteractionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<InteractionType>>;
};

/** A page of members. */
export type MemberConnection = {
  __typename?: 'MemberConnection';
  /** The members on this page. */
  edges: Array<MemberEdge>;
  /** Where this page is in the list. */
  pageInfo: PageInfo;
  /** How many members there are. */
  totalCount: Scalars['Int']['output'];
};

/** A member and its cursor. */
export type MemberEdge = {
  __typename?: 'MemberEdge';
  /** Pass it as after to continue from here. */
  cursor: Scalars['String']['output'];
  /** The member. */
  node: Member;
};

/** Hard filters on members: a member passes when it matches every field given. */
export type MemberFilter = {
  /** A location id: members there or anywhere inside it. */
  locationId?: InputMaybe<Scalars['ID']['input']>;
  /** Only members open (true) or not open (false) to remote work. */
  openToRemote?: InputMaybe<Scalars['Boolean']['input']>;
  /** Any of these seniorities. */
  seniority?: InputMaybe<Array<Seniority>>;
};

/** Text fields: short ones at most 300 characters, summary and descriptions at most 20,000; at most 50 experience entries. */
export type MemberInput = {
  /** Titles the member wants (at most 100). */
  desiredTitles?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Positions, latest first (at most 50); the first without an end is the current title. */
  experience?: InputMaybe<Array<ExperienceInput>>;
  /** A one-line description, such as "Senior Data Engineer". */
  headline?: InputMaybe<Scalars['String']['input']>;
  /** The member's id (the id rule; not skill:, occupation:, company:, location: or title:, nor a job's id). */
  id: Scalars['ID']['input'];
  /** Where the member lives. */
  location?: InputMaybe<LocationInput>;
  /** Whether remote jobs suit the member. */
  openToRemote?: InputMaybe<Scalars['Boolean']['input']>;
  /** Inferred from the latest title when absent. */
  seniority?: InputMaybe<Seniority>;
  /** Skill ids, labels or aliases. */
  skills?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Free text about the member (at most 20,000 characters); skills are extracted from it. */
  summary?: InputMaybe<Scalars['String']['input']>;
};

/** A member for a job. */
export type MemberMatch = {
  __typename?: 'MemberMatch';
  /** The embedding version that ranked them. */
  embeddingVersion: Scalars['String']['output'];
  /** Why they match. */
  explanation: MatchExplanation;
  /** The member. */
  member: Member;
  /** Re-ranked score, 0 to 1. */
  score: Scalars['Float']['output'];
  /** Cosine of the fused vectors. */
  similarity: Scalars['Float']['output'];
};

/** A page of member matches, best first. */
export type MemberMatchConnection = {
  __typename?: 'MemberMatchConnection';
  /** The matches on this page. */
  edges: Array<MemberMatchEdge>;
  /** Where this page is in the ranking. */
  pageInfo: PageInfo;
  /** How many members there are to page through: those passing the filters, at most 1,000. */
  totalCount: Scalars['Int']['output'];
};

/** A member match and its cursor. */
export type MemberMatchEdge = {
  __typename?: 'MemberMatchEdge';
  /** Pass it as after to continue from here. */
  cursor: Scalars['String']['output'];
  /** The match. */
  node: MemberMatch;
};

/** A skill a member holds. */
export type MemberSkill = {
  __typename?: 'MemberSkill';
  /** How sure, 0 to 1 (1 for declared skills). */
  confidence: Scalars['Float']['output'];
  /** How central it is to the member's profile. */
  relation: DocumentSkillRelation;
  /** The skill. */
  skill: Skill;
  /** Whether the member listed it, it was found in the member's text, or a person confirmed or added it. */
  source: SkillSource;
};

/** What upsertMember wrote. */
export type MemberUpsert = {
  __typename?: 'MemberUpsert';
  /** True when the member is new. */
  created: Scalars['Boolean']['output'];
  /** With waitForEmbedding: the embedding version that now answers for this member. */
  embeddingVersion?: Maybe<Scalars['String']['output']>;
  /** The member as stored now. */
  member: Member;
  /** Declared or extracted skills left out because someone rejected them (rejectMemberSkill). */
  rejectedSkills: Array<Skill>;
  /** The skills written for the member. */
  skills: Array<UpsertedSkill>;
  /** Declared skills that name no skill in the taxonomy (not written). */
  unknownSkills: Array<Scalars['String']['output']>;
};

/** mergeSkills's arguments. */
export type MergeSkillsEditInput = {
  /** The skill that goes away. */
  sourceId: Scalars['ID']['input'];
  /** The skill that stays. */
  targetId: Scalars['ID']['input'];
};

/** What a mining run changed. */
export type MiningReport = {
  __typename?: 'MiningReport';
  /** Open suggestions that no longer pass, removed. */
  closed: Scalars['Int']['output'];
  /** Pairs that passed the thresholds. */
  mined: Scalars['Int']['output'];
  /** New suggestions. */
  opened: Scalars['Int']['output'];
  /** Dismissed suggestions whose support doubled, open again. */
  reopened: Scalars['Int']['output'];
  /** Known suggestions with fresh evidence (their status kept). */
  updated: Scalars['Int']['output'];
};

/** A trained GraphSAGE model with its fusion head. */
export type ModelVersion = {
  __typename?: 'ModelVersion';
  /** True for the version answering now. */
  active: Scalars['Boolean']['output'];
  /** The TF.js backend it was trained on. */
  backend: Scalars['String']['output'];
  /** The epoch whose weights were kept (best validation MRR). */
  bestEpoch: Scalars['Int']['output'];
  /** The training options (layers, fan-outs, sizes, learning rate, seed…). */
  config: Scalars['JSON']['output'];
  /** When it was trained. */
  createdAt: Scalars['DateTime']['output'];
  /** What it was trained on: change-feed position, node counts, pairs. */
  data: Scalars['JSON']['output'];
  /** text encoder | GNN version | fusion head: the version a fused vector (and a match) reports. */
  embeddingVersion: Scalars['String']['output'];
  /** The text encoder whose vectors were its input features. */
  encoder: Scalars['String']['output'];
  /** Epochs trained. */
  epochs: Scalars['Int']['output'];
  /** The fusion head trained with it. */
  fusionId: Scalars['String']['output'];
  /** The learned ranker trained with it, or null (versions trained without validation pairs). */
  ranker?: Maybe<LearnedRanker>;
  /** How long training took, in milliseconds. */
  trainingMs: Scalars['Int']['output'];
  /** Mean reciprocal rank of held-out member-job pairs, if validated. */
  validationMrr?: Maybe<Scalars['Float']['output']>;
  /** Recall@10 of held-out pairs, if validated. */
  validationRecallAt10?: Maybe<Scalars['Float']['output']>;
  /** Its id: the training time and a random suffix. */
  version: Scalars['ID']['output'];
};

/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Accepts an open suggestion (role editor): writes a RELATED link of the given type with provenance MINED. */
  acceptRelatedSkillSuggestion: RelatedSkillSuggestion;
  /**
   * Adds a skill to a job (role admin), kept like a confirmed one; beyond 100 skills it displaces the least
   * confident extracted one.
   */
  addJobSkill: SkillReview;
  /** addJobSkill for a member (role admin; default relation CORE). */
  addMemberSkill: SkillReview;
  /** Adds an alternative label to a skill; it must not be another active skill's label or alias. */
  addSkillAlias: Skill;
  /**
   * Applies a proposed change set (role reviewer; not your own unless you are an admin): every edit is checked
   * again against the taxonomy as it is now and all are applied in one transaction, each with its history record
   * naming the change set — or none is (CONFLICT naming the edit that no longer applies).
   */
  approveChangeSet: ChangeSet;
  /** Cancels a QUEUED or RUNNING export (CONFLICT otherwise); its partial files are removed. */
  cancelEmbeddingExport: ExportJob;
  /** Adds a comment to a proposed change set (role editor). */
  commentOnChangeSet: ChangeSet;
  /**
   * Confirms one of a job's skills (role admin): it stays, at confidence 1, whatever later upserts extract.
   * The skill must be on the job, or rejected earlier (confirming undoes that).
   */
  confirmJobSkill: SkillReview;
  /** confirmJobSkill for a member's skill (role admin). */
  confirmMemberSkill: SkillReview;
  /** Creates an occupation (role editor). */
  createOccupation: Occupation;
  /**
   * Freezes the taxonomy as it is now under a name such as "2026.12" (role editor). A release never changes:
   * it names a position of the change feed, and its view is rebuilt from the feed. Extraction, matching and
   * search keep using the live taxonomy.
   */
  createRelease: Release;
  /** Creates an ACTIVE skill; its id is derived from the label (skill:<slug>) unless given. */
  createSkill: Skill;
  /** Deletes a job posting and its edges (role admin); it has left matching when the call returns. False when absent. */
  deleteJob: Scalars['Boolean']['output'];
  /** Deletes a member, its edges and the personal data its change events carried (role admin); it has left matching when the call returns. False when absent. */
  deleteMember: Scalars['Boolean']['output'];
  /** Marks a skill DEPRECATED, optionally replaced by another; it leaves searches and extraction. */
  deprecateSkill: Skill;
  /** Dismisses an open suggestion (role editor); it reopens only once its support doubles. */
  dismissRelatedSkillSuggestion: RelatedSkillSuggestion;
  /**
   * A job seeker says one of a job's skills looks wrong (role reader: the key of a job seekers' app). The job
   * keeps the skill; recruiters see the flags on Job.skillFlags and editors in skillFlagSummary. Each key counts
   * once per skill.
   */
  flagJobSkill: SkillFlag;
  /** Takes a term off unmappedTerms for good: it is not a skill (role editor). False when it was ignored already. */
  ignoreUnmappedTerm: Scalars['Boolean']['output'];
  /**
   * Moves the source's label, aliases, hierarchy links, related links and references (occupations, members,
   * jobs) to the target; the source becomes DEPRECATED with replacedBy = target. Returns the target.
   */
  mergeSkills: Skill;
  /**
   * Mines skill co-occurrence in jobs' and members' skills into RELATED suggestions (role editor): pairs with at
   * least minSupport documents and an NPMI of at least minNpmi, each skill's perSkill strongest, minus pairs
   * already linked. Dismissed ones stay dismissed unless their support has doubled.
   */
  mineRelatedSkills: MiningReport;
  /**
   * Proposes skill edits for review (role editor). The edits are checked against the taxonomy now, in order,
   * each seeing what the earlier ones do; a failing one refuses the proposal naming its position.
   */
  proposeChangeSet: ChangeSet;
  /** Records that a member viewed, saved, applied to or was hired for a job (role admin). at defaults to now. */
  recordInteraction: Interaction;
  /** Rejects a proposed change set (role reviewer), saying why. */
  rejectChangeSet: ChangeSet;
  /** Rejects a skill on a job (role admin): it leaves the job and no later upsert brings it back. */
  rejectJobSkill: SkillReview;
  /** rejectJobSkill for a member's skill (role admin). */
  rejectMemberSkill: SkillReview;
  /** Relates two skills (one link per pair; relating again changes its type). */
  relateSkills: Skill;
  /** Removes one of a skill's aliases. */
  removeSkillAlias: Skill;
  /** Replaces the skills an occupation needs (role editor; at most 500, each active, each once). */
  setOccupationSkills: Occupation;
  /** Replaces the skill's parents. A cycle is refused with CONFLICT naming it. */
  setSkillParents: Skill;
  /**
   * Starts a job that writes one embedding version (a model version run over one graph snapshot) to files
   * under the export root (SKILLGRAPH_EXPORT_DIR): per node type, the kinds asked for, plus manifest.json
   * (schema, counts, version, sha256 of every file), written last. Jobs run one at a time; an interrupted job
   * restarts when the service starts again; partial files stay in a hidden directory until complete.
   */
  startEmbeddingExport: ExportJob;
  /** Removes the RELATED link between two skills, in either direction. */
  unrelateSkills: Skill;
  /** Changes an occupation's names, description or group (role editor); expectedVersion as for updateSkill. */
  updateOccupation: Occupation;
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
  /** Takes back a proposed change set (its proposer only). */
  withdrawChangeSet: ChangeSet;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationAcceptRelatedSkillSuggestionArgs = {
  fromId: Scalars['ID']['input'];
  toId: Scalars['ID']['input'];
  type?: InputMaybe<RelationType>;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationAddJobSkillArgs = {
  jobId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  relation?: InputMaybe<DocumentSkillRelation>;
  skill: Scalars['String']['input'];
  waitForEmbedding?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationAddMemberSkillArgs = {
  memberId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  relation?: InputMaybe<DocumentSkillRelation>;
  skill: Scalars['String']['input'];
  waitForEmbedding?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationAddSkillAliasArgs = {
  alias: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationApproveChangeSetArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationCancelEmbeddingExportArgs = {
  id: Scalars['ID']['input'];
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationCommentOnChangeSetArgs = {
  comment: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationConfirmJobSkillArgs = {
  jobId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  relation?: InputMaybe<DocumentSkillRelation>;
  skill: Scalars['String']['input'];
  waitForEmbedding?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationConfirmMemberSkillArgs = {
  memberId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  relation?: InputMaybe<DocumentSkillRelation>;
  skill: Scalars['String']['input'];
  waitForEmbedding?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationCreateOccupationArgs = {
  input: CreateOccupationInput;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationCreateReleaseArgs = {
  name: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationCreateSkillArgs = {
  input: CreateSkillInput;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationDeleteJobArgs = {
  id: Scalars['ID']['input'];
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationDeleteMemberArgs = {
  id: Scalars['ID']['input'];
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationDeprecateSkillArgs = {
  id: Scalars['ID']['input'];
  replacedById?: InputMaybe<Scalars['ID']['input']>;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationDismissRelatedSkillSuggestionArgs = {
  fromId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  toId: Scalars['ID']['input'];
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationFlagJobSkillArgs = {
  jobId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  skill: Scalars['String']['input'];
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationIgnoreUnmappedTermArgs = {
  term: Scalars['String']['input'];
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationMergeSkillsArgs = {
  sourceId: Scalars['ID']['input'];
  targetId: Scalars['ID']['input'];
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationMineRelatedSkillsArgs = {
  minNpmi?: InputMaybe<Scalars['Float']['input']>;
  minSupport?: InputMaybe<Scalars['Int']['input']>;
  perSkill?: InputMaybe<Scalars['Int']['input']>;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationProposeChangeSetArgs = {
  input: ChangeSetInput;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationRecordInteractionArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
  jobId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
  type: InteractionType;
  waitForEmbedding?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationRejectChangeSetArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationRejectJobSkillArgs = {
  jobId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  skill: Scalars['String']['input'];
  waitForEmbedding?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationRejectMemberSkillArgs = {
  memberId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  skill: Scalars['String']['input'];
  waitForEmbedding?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationRelateSkillsArgs = {
  fromId: Scalars['ID']['input'];
  toId: Scalars['ID']['input'];
  type: RelationType;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationRemoveSkillAliasArgs = {
  alias: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationSetOccupationSkillsArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  skills: Array<OccupationSkillInput>;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationSetSkillParentsArgs = {
  id: Scalars['ID']['input'];
  parentIds: Array<Scalars['ID']['input']>;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationStartEmbeddingExportArgs = {
  input: EmbeddingExportInput;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationUnrelateSkillsArgs = {
  fromId: Scalars['ID']['input'];
  toId: Scalars['ID']['input'];
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationUpdateOccupationArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: UpdateOccupationInput;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationUpdateSkillArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: UpdateSkillInput;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationUpsertJobArgs = {
  input: JobInput;
  waitForEmbedding?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationUpsertMemberArgs = {
  input: MemberInput;
  waitForEmbedding?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationUseModelArgs = {
  version?: InputMaybe<Scalars['ID']['input']>;
};


/** Taxonomy edits need role editor (or Viewer.directEdits, where an operator raised it). Each one is checked, applied in one transaction with its history record, or refused with nothing changed. */
export type MutationWithdrawChangeSetArgs = {
  id: Scalars['ID']['input'];
};

/**
 * An object with an id that is unique across the whole API (Relay's Node): skills, occupations, members, jobs,
 * companies, locations and titles. Member and job ids never collide (a job cannot take a member's id), and
 * the prefixes skill:, occupation:, company:, location: and title: are not available to members and jobs.
 */
export type Node = {
  /** The object's id, unique across every kind of Node. */
  id: Scalars['ID']['output'];
};

/** An occupation (ESCO's, or the seed's) and the skills it needs. */
export type Occupation = Node & {
  __typename?: 'Occupation';
  /** Alternative labels. */
  aliases: Array<Scalars['String']['output']>;
  /** Occupations and groups inside this one, by label. */
  children: Array<Occupation>;
  /** The ISCO or ESCO code, when imported. */
  code?: Maybe<Scalars['String']['output']>;
  /** What the occupation is (may be empty). */
  description: Scalars['String']['output'];
  /** Changes to this occupation, newest first. */
  history: HistoryConnection;
  /** occupation: and a slug, or an ESCO concept URI. */
  id: Scalars['ID']['output'];
  /** An occupation, or a group of occupations (ESCO imports the ISCO groups). */
  kind: OccupationKind;
  /** The preferred name. */
  label: Scalars['String']['output'];
  /** The group it belongs to (null at the top). */
  parent?: Maybe<Occupation>;
  /** The skills it needs. */
  skills: Array<OccupationSkill>;
  /** Increments on every change; pass it back as expectedVersion (0 for an occupation never edited). */
  version: Scalars['Int']['output'];
};


/** An occupation (ESCO's, or the seed's) and the skills it needs. */
export type OccupationChildrenArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** An occupation (ESCO's, or the seed's) and the skills it needs. */
export type OccupationHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** An occupation (ESCO's, or the seed's) and the skills it needs. */
export type OccupationSkillsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  relation?: InputMaybe<SkillRelation>;
};

/** A page of occupations. */
export type OccupationConnection = {
  __typename?: 'OccupationConnection';
  /** The occupations on this page. */
  edges: Array<OccupationEdge>;
  /** Where this page is in the list. */
  pageInfo: PageInfo;
  /** How many occupations match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An occupation and its cursor. */
export type OccupationEdge = {
  __typename?: 'OccupationEdge';
  /** Pass it as after to continue from here. */
  cursor: Scalars['String']['output'];
  /** The occupation. */
  node: Occupation;
};

/** An occupation or a group of them. */
export type OccupationKind =
  /** A group of occupations (an ISCO group). */
  | 'GROUP'
  /** An occupation. */
  | 'OCCUPATION';

/** A skill an occupation needs. */
export type OccupationSkill = {
  __typename?: 'OccupationSkill';
  /** The occupation. */
  occupation: Occupation;
  /** How the occupation needs it. */
  relation: SkillRelation;
  /** The skill. */
  skill: Skill;
};

/** One skill an occupation needs. */
export type OccupationSkillInput = {
  /** Essential or optional. */
  relation: SkillRelation;
  /** The skill (active). */
  skillId: Scalars['ID']['input'];
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

/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type Query = {
  __typename?: 'Query';
  /** One change set (role editor); null when no change set has this id. */
  changeSet?: Maybe<ChangeSet>;
  /** Change sets, newest first, optionally of one status (role editor). */
  changeSets: Array<ChangeSet>;
  /**
   * Skills near the given ones over the hierarchy and RELATED links, best first. The score is the product
   * of relation weights along the best path (PARENT 0.7, CHILD 0.6, SIBLING 0.5, RELATED 0.6), so it decays
   * with distance. maxDepth 1 to 3, limit 1 to 500, at most 100 ids. Seeds and deprecated skills are left out.
   */
  expandSkills: Array<ExpandedSkill>;
  /** One embedding export job by id (role admin); null when there is none. */
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
  /**
   * Any object by its id (Relay's refetch). What the caller may not read is null, as an unknown id is: skills and
   * occupations for anyone, jobs, companies, locations and titles with role reader, members with role admin.
   */
  node?: Maybe<Node>;
  /** node for up to 100 ids at once, in the same order. */
  nodes: Array<Maybe<Node>>;
  /**
   * The occupation a job title names (role reader): the title is normalised (no seniority words, gender tags or
   * punctuation), then matched against occupations' labels and aliases — exactly, or by the text encoder's
   * cosine. Upserts link a member's or job's Title to the answer when it is exact or its confidence is at
   * least 0.9 (measured: about 90 % right on ESCO alternative labels).
   */
  normalizeTitle: TitleNormalization;
  /** normalizeTitle for up to 500 titles at once, in order (role reader). */
  normalizeTitles: Array<TitleNormalization>;
  /** One occupation by id. */
  occupation?: Maybe<Occupation>;
  /** Occupations and groups outside any group (ESCO: the ISCO major groups), by label: the occupation tree's start. */
  occupationRoots: Array<Occupation>;
  /** Occupations in id order, or ranked by label/alias match with search. */
  occupations: OccupationConnection;
  /**
   * Mined related-skill suggestions with one status, strongest (NPMI) first; with skillId, only those of that
   * skill. Role editor.
   */
  relatedSkillSuggestions: Array<RelatedSkillSuggestion>;
  /**
   * What changed between two releases, or from a release to the live taxonomy (to left out). Each list holds
   * at most 1,000 entries, sorted by id; counts has the full numbers.
   */
  releaseDiff: ReleaseDiff;
  /** A skill as a release froze it (null when the release did not have it). */
  releasedSkill?: Maybe<ReleasedSkill>;
  /** The taxonomy's named releases, newest first. */
  releases: Array<Release>;
  /**
   * Natural-language job search ("remote senior data engineer jobs in Berlin with Spark"): workplace, seniority
   * and a known place become hard filters (explicit filter fields win), the rest is embedded, and skills named
   * in it count for re-ranking. With memberId (role admin) the results are personalised and leave out jobs the
   * member applied to or was hired for (as matchJobs does); without, role reader. query: at most 200 characters.
   */
  searchJobs: JobSearch;
  /** Jobs whose fused vectors are closest to this job's, best first, itself left out (role reader). */
  similarJobs: Array<SimilarJob>;
  /** Members whose fused vectors are closest to this member's, best first, itself left out (role admin). */
  similarMembers: Array<SimilarMember>;
  /**
   * Skills whose fused (text + graph) vectors are closest to this skill's, best first, itself left out. Anyone
   * may ask (the taxonomy is public). UNAVAILABLE without a trained model or for a skill newer than it.
   */
  similarSkills: Array<SimilarSkill>;
  /** One skill by id. Deprecated skills are returned too: check status and replacedBy. */
  skill?: Maybe<Skill>;
  /**
   * Curation work from people's skill decisions (role editor): the skills most often rejected (or added, or
   * confirmed) on jobs and members, the most first, each with its domain; with domainId only that domain's.
   */
  skillFeedbackSummary: Array<SkillFeedbackTally>;
  /** The skills job seekers flag most, over all jobs (role editor): count = flags, jobs = jobs flagged. */
  skillFlagSummary: Array<SkillFeedbackTally>;
  /** The top-level skills (active skills without a parent), by label: where browsing the hierarchy starts. */
  skillRoots: Array<Skill>;
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
  /**
   * Names that jobs and members used as skills but no skill matches (role editor): declared skill names that
   * resolve to none and the unmapped items of skills sections, counted over every job and member, the most used
   * first. A term leaves the list once a skill owns its name (add it as an alias or a new skill) or it is ignored.
   * Examples come from jobs (from members too for admins).
   */
  unmappedTerms: UnmappedTermReport;
  /**
   * Active skills that no job asks for and no member holds, directly or through a narrower skill (role editor):
   * candidates to merge, deprecate or leave for a later market.
   */
  unusedSkills: UnusedSkillReport;
  /** Who is calling, and what the service runs on. */
  viewer: Viewer;
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryChangeSetArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryChangeSetsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ChangeSetStatus>;
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryExpandSkillsArgs = {
  ids: Array<Scalars['ID']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  maxDepth?: InputMaybe<Scalars['Int']['input']>;
  relations?: InputMaybe<Array<ExpansionRelation>>;
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryExportJobArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryExportJobsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryExtractSkillsArgs = {
  expand?: InputMaybe<Scalars['Boolean']['input']>;
  kind?: InputMaybe<DocumentKind>;
  minConfidence?: InputMaybe<Scalars['Float']['input']>;
  text: Scalars['String']['input'];
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryJobArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryJobFitArgs = {
  jobId: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<JobFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryMarketplaceChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  subject?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryMatchJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  excludeApplied?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<JobFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  memberId: Scalars['ID']['input'];
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryMatchMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MemberFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  jobId: Scalars['ID']['input'];
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryMemberArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryNormalizeTitleArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  text: Scalars['String']['input'];
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryNormalizeTitlesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  texts: Array<Scalars['String']['input']>;
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryOccupationArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryOccupationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryRelatedSkillSuggestionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  skillId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<SuggestionStatus>;
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryReleaseDiffArgs = {
  from: Scalars['String']['input'];
  to?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryReleasedSkillArgs = {
  id: Scalars['ID']['input'];
  release: Scalars['String']['input'];
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QuerySearchJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<JobFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  memberId?: InputMaybe<Scalars['ID']['input']>;
  query: Scalars['String']['input'];
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QuerySimilarJobsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QuerySimilarMembersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QuerySimilarSkillsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QuerySkillArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QuerySkillFeedbackSummaryArgs = {
  decision?: InputMaybe<SkillDecision>;
  domainId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QuerySkillFlagSummaryArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QuerySkillsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryTaxonomyChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryUnmappedTermsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  minCount?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Anonymous callers read the skills taxonomy; other reads need the role each field names. */
export type QueryUnusedSkillsArgs = {
  domainId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** How a search query was read. */
export type QueryInterpretation = {
  __typename?: 'QueryInterpretation';
  /** A known place the query named (a hard filter). */
  location?: Maybe<Location>;
  /** Seniorities the query named (a hard filter). */
  seniority: Array<Seniority>;
  /** The part that was embedded. */
  text: Scalars['String']['output'];
  /** Workplaces the query named (a hard filter). */
  workplace: Array<Workplace>;
};

/** relateSkills's arguments. */
export type RelateSkillsEditInput = {
  /** The skill the relation starts at. */
  fromId: Scalars['ID']['input'];
  /** The skill it points to. */
  toId: Scalars['ID']['input'];
  /** What the relation means. */
  type: RelationType;
};

/** A skill at the other end of a RELATED link. */
export type RelatedSkill = {
  __typename?: 'RelatedSkill';
  /** Made by an editor, or accepted from a mined suggestion. */
  provenance: RelationProvenance;
  /** The other skill. */
  skill: Skill;
  /** What the link means. */
  type: RelationType;
};

/**
 * Two skills that jobs ask for together and members hold together more often than chance, suggested as a
 * RELATED link, with the evidence. Documents are jobs' and members' skill sets.
 */
export type RelatedSkillSuggestion = {
  __typename?: 'RelatedSkillSuggestion';
  /** When it was accepted. */
  acceptedAt?: Maybe<Scalars['DateTime']['output']>;
  /** role:key-id of the editor who accepted it. */
  acceptedBy?: Maybe<Scalars['String']['output']>;
  /** Why, as given. */
  dismissReason?: Maybe<Scalars['String']['output']>;
  /** When it was dismissed (kept after it reopens). */
  dismissedAt?: Maybe<Scalars['DateTime']['output']>;
  /** role:key-id of the editor who dismissed it. */
  dismissedBy?: Maybe<Scalars['String']['output']>;
  /** Documents with at least one skill. */
  documents: Scalars['Int']['output'];
  /** Up to three jobs asking for both. */
  exampleJobs: Array<Job>;
  /** One skill (the lower id). */
  from: Skill;
  /** Documents holding the first skill. */
  fromCount: Scalars['Int']['output'];
  /** Cosine of the two skills' graph embeddings when the mining run had a model, else null. */
  graphSimilarity?: Maybe<Scalars['Float']['output']>;
  /** Jobs asking for both. */
  jobs: Scalars['Int']['output'];
  /** How many times more often they occur together than if independent. */
  lift: Scalars['Float']['output'];
  /** Members holding both. */
  members: Scalars['Int']['output'];
  /** When mining last saw the pair. */
  minedAt: Scalars['DateTime']['output'];
  /** Normalised PMI, −1 to 1: 0 for independent skills, 1 for skills that only occur together. */
  npmi: Scalars['Float']['output'];
  /** Dismissed: the support at which mining opens it again (twice the support it was dismissed at). */
  reopensAtSupport?: Maybe<Scalars['Int']['output']>;
  /** Open, accepted or dismissed. */
  status: SuggestionStatus;
  /** Documents holding both skills. */
  support: Scalars['Int']['output'];
  /** The other skill. */
  to: Skill;
  /** Documents holding the second skill. */
  toCount: Scalars['Int']['output'];
};

/** Where a RELATED link comes from. */
export type RelationProvenance =
  /** An editor related the skills (relateSkills). */
  | 'EDITOR'
  /** An editor accepted a suggestion mined from jobs and members (acceptRelatedSkillSuggestion). */
  | 'MINED';

/** What a RELATED link between two skills means. */
export type RelationType =
  /** They go well together. */
  | 'COMPLEMENTARY'
  /** The first is essential for the second. */
  | 'ESSENTIAL_FOR'
  /** The first is useful for the second. */
  | 'OPTIONAL_FOR'
  /** The first comes before the second. */
  | 'PREREQUISITE'
  /** They are much alike. */
  | 'SIMILAR';

/** A named, frozen view of the taxonomy. */
export type Release = {
  __typename?: 'Release';
  /** When it was made. */
  at: Scalars['DateTime']['output'];
  /** role:key-id of the editor who made it. */
  by: Scalars['String']['output'];
  /** Its name. */
  name: Scalars['String']['output'];
  /** What it is for. */
  note?: Maybe<Scalars['String']['output']>;
  /** Occupations and groups it holds. */
  occupationCount: Scalars['Int']['output'];
  /** The change-feed position it froze. */
  seq: Scalars['Int']['output'];
  /** Skills it holds (deprecated ones included). */
  skillCount: Scalars['Int']['output'];
};

/** What changed between two views of the taxonomy. */
export type ReleaseDiff = {
  __typename?: 'ReleaseDiff';
  /** Skills that are new. */
  added: Array<ReleaseSkillRef>;
  /** Skills whose aliases changed. */
  aliasesChanged: Array<ReleaseSkillRef>;
  /** Full counts. */
  counts: ReleaseDiffCounts;
  /** Skills deprecated without a replacement. */
  deprecated: Array<ReleaseSkillRef>;
  /** Skills whose description changed. */
  descriptionChanged: Array<ReleaseSkillRef>;
  /** The older release. */
  from: Scalars['String']['output'];
  /** Skills merged into another. */
  merged: Array<ReleaseMerge>;
  /** Skills with other parents. */
  moved: Array<ReleaseMove>;
  /** Occupations that are new. */
  occupationsAdded: Array<Scalars['ID']['output']>;
  /** Occupations whose names, description or skills changed. */
  occupationsChanged: Array<Scalars['ID']['output']>;
  /** Occupations that are gone. */
  occupationsRemoved: Array<Scalars['ID']['output']>;
  /** Skills that are gone. */
  removed: Array<ReleaseSkillRef>;
  /** Skills with a new label. */
  renamed: Array<ReleaseRename>;
  /** The newer release (null: the live taxonomy). */
  to?: Maybe<Scalars['String']['output']>;
};

/** How many entries each list of a diff has in full. */
export type ReleaseDiffCounts = {
  __typename?: 'ReleaseDiffCounts';
  /** Skills added. */
  added: Scalars['Int']['output'];
  /** Skills whose aliases changed. */
  aliasesChanged: Scalars['Int']['output'];
  /** Skills deprecated. */
  deprecated: Scalars['Int']['output'];
  /** Skills whose description changed. */
  descriptionChanged: Scalars['Int']['output'];
  /** Skills merged. */
  merged: Scalars['Int']['output'];
  /** Skills moved. */
  moved: Scalars['Int']['output'];
  /** Occupations added, removed or changed. */
  occupations: Scalars['Int']['output'];
  /** Skills removed. */
  removed: Scalars['Int']['output'];
  /** Skills renamed. */
  renamed: Scalars['Int']['output'];
};

/** A skill merged into another. */
export type ReleaseMerge = {
  __typename?: 'ReleaseMerge';
  /** The merged skill. */
  id: Scalars['ID']['output'];
  /** The skill it went into. */
  into: Scalars['ID']['output'];
  /** Its label. */
  label: Scalars['String']['output'];
};

/** A skill whose parents changed. */
export type ReleaseMove = {
  __typename?: 'ReleaseMove';
  /** The older parents. */
  from: Array<Scalars['ID']['output']>;
  /** The skill's id. */
  id: Scalars['ID']['output'];
  /** Its label. */
  label: Scalars['String']['output'];
  /** The newer parents. */
  to: Array<Scalars['ID']['output']>;
};

/** A skill whose label changed. */
export type ReleaseRename = {
  __typename?: 'ReleaseRename';
  /** The older label. */
  from: Scalars['String']['output'];
  /** The skill's id. */
  id: Scalars['ID']['output'];
  /** The newer label. */
  to: Scalars['String']['output'];
};

/** A skill in a diff: its id and its label (in the newer view, or the older one when removed). */
export type ReleaseSkillRef = {
  __typename?: 'ReleaseSkillRef';
  /** The skill's id. */
  id: Scalars['ID']['output'];
  /** Its label. */
  label: Scalars['String']['output'];
};

/** A skill as a release froze it. */
export type ReleasedSkill = {
  __typename?: 'ReleasedSkill';
  /** Its aliases then. */
  aliases: Array<Scalars['String']['output']>;
  /** Its description then. */
  description: Scalars['String']['output'];
  /** The skill's id. */
  id: Scalars['ID']['output'];
  /** Its label then. */
  label: Scalars['String']['output'];
  /** Its parents then. */
  parentIds: Array<Scalars['ID']['output']>;
  /** What replaced it, if it was deprecated then. */
  replacedBy?: Maybe<Scalars['ID']['output']>;
  /** Its status then. */
  status: SkillStatus;
};

/** What an API key may do; each role may do what the ones before it may. */
export type Role =
  /** Everything: member data, matching, imports, models and exports. */
  | 'ADMIN'
  /** No key: read the skills taxonomy. */
  | 'ANONYMOUS'
  /** Also edit the taxonomy (directly, or by change sets: see Viewer.directEdits). */
  | 'EDITOR'
  /** Read everything but member data; extract skills; search jobs. */
  | 'READER'
  /** Also approve or reject change sets. */
  | 'REVIEWER';

/** How a search result matched. */
export type SearchMatch = {
  __typename?: 'SearchMatch';
  /** The kind of match. */
  kind: SearchMatchKind;
  /** The label or alias that matched. */
  matched: Scalars['String']['output'];
  /** Its rank score (higher is better; comparable within one search). */
  score: Scalars['Float']['output'];
};

/** How a search string matched a label or alias, strongest first. */
export type SearchMatchKind =
  /** The search is an alias. */
  | 'EXACT_ALIAS'
  /** The search is the label. */
  | 'EXACT_LABEL'
  /** Within a small edit distance (typos). */
  | 'FUZZY'
  /** A label or alias starts with the search. */
  | 'PREFIX'
  /** Every word of the search, in any order. */
  | 'TOKENS';

/** A part of a document, found from its headings. */
export type SectionKind =
  /** What the employer offers. */
  | 'BENEFITS'
  /** About the employer. */
  | 'COMPANY'
  /** Degrees, courses and certificates. */
  | 'EDUCATION'
  /** Past and present positions. */
  | 'EXPERIENCE'
  /** What a candidate may bring. */
  | 'NICE_TO_HAVE'
  /** Text under no recognised heading. */
  | 'OTHER'
  /** What a candidate must bring. */
  | 'REQUIREMENTS'
  /** What the job does. */
  | 'RESPONSIBILITIES'
  /** A list of skills. */
  | 'SKILLS'
  /** A profile's or resume's summary. */
  | 'SUMMARY';

/** A career level, lowest first. */
export type Seniority =
  /** Director or head of. */
  | 'DIRECTOR'
  /** Executive (chief, vice president). */
  | 'EXECUTIVE'
  /** Intern, trainee or apprentice. */
  | 'INTERN'
  /** Junior or graduate. */
  | 'JUNIOR'
  /** Lead or staff. */
  | 'LEAD'
  /** Intermediate. */
  | 'MID'
  /** Principal. */
  | 'PRINCIPAL'
  /** Senior. */
  | 'SENIOR';

/** A learned coefficient. */
export type SignalCoefficient = {
  __typename?: 'SignalCoefficient';
  /** Log-odds per unit of its value. */
  coefficient: Scalars['Float']['output'];
  /** The signal. */
  signal: MatchSignal;
};

/** One signal's part in a match's score. */
export type SignalContribution = {
  __typename?: 'SignalContribution';
  /** value × weight. With the hand weights the contributions add up to the score; with the learned ranker they add up, with the intercept, to the score's log-odds. */
  contribution: Scalars['Float']['output'];
  /** The signal. */
  signal: MatchSignal;
  /** Its value for this pair, 0 to 1. */
  value: Scalars['Float']['output'];
  /** Its weight (the learned ranker's coefficient, in log-odds per unit); contribution is value × weight. */
  weight: Scalars['Float']['output'];
};

/** A job near another in the embedding space. */
export type SimilarJob = {
  __typename?: 'SimilarJob';
  /** The embedding version that scored it. */
  embeddingVersion: Scalars['String']['output'];
  /** The job. */
  job: Job;
  /** Dot product of the two fused vectors. */
  score: Scalars['Float']['output'];
};

/** A member near another in the embedding space. */
export type SimilarMember = {
  __typename?: 'SimilarMember';
  /** The embedding version that scored it. */
  embeddingVersion: Scalars['String']['output'];
  /** The member. */
  member: Member;
  /** Dot product of the two fused vectors. */
  score: Scalars['Float']['output'];
};

/** A skill near another in the embedding space. */
export type SimilarSkill = {
  __typename?: 'SimilarSkill';
  /** The embedding version that scored it. */
  embeddingVersion: Scalars['String']['output'];
  /** Dot product of the two fused vectors. */
  score: Scalars['Float']['output'];
  /** The skill. */
  skill: Skill;
};

/** A skill, knowledge area, language or transversal skill of the taxonomy; skill groups are skills too. */
export type Skill = Node & {
  __typename?: 'Skill';
  /** Alternative labels, abbreviations and spellings. */
  aliases: Array<Scalars['String']['output']>;
  /** All broader skills up to the roots, nearest first. */
  ancestors: Array<Skill>;
  /** Narrower skills. */
  children: Array<Skill>;
  /** When it was created or seeded. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the skill is (may be empty). */
  description: Scalars['String']['output'];
  /** Changes to this skill, newest first. */
  history: HistoryConnection;
  /** skill: and a slug, or an ESCO concept URI. */
  id: Scalars['ID']['output'];
  /** What sort of competence it is. */
  kind: SkillKind;
  /** The preferred name. */
  label: Scalars['String']['output'];
  /** Occupations that list this skill as essential or optional. */
  occupations: Array<OccupationSkill>;
  /** Broader skills (a skill may have several). */
  parents: Array<Skill>;
  /** Skills linked by a RELATED relation, in either direction. */
  related: Array<RelatedSkill>;
  /** Set when the skill was merged or deprecated in favour of another. */
  replacedBy?: Maybe<Skill>;
  /** Other children of any of this skill's parents. */
  siblings: Array<Skill>;
  /** ACTIVE, or DEPRECATED with replacedBy. */
  status: SkillStatus;
  /** When it last changed. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** How many jobs ask for it and members hold it (role reader). */
  usage: SkillUsage;
  /** Increments on every change; pass it back as expectedVersion when updating. */
  version: Scalars['Int']['output'];
};


/** A skill, knowledge area, language or transversal skill of the taxonomy; skill groups are skills too. */
export type SkillChildrenArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A skill, knowledge area, language or transversal skill of the taxonomy; skill groups are skills too. */
export type SkillHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A skill, knowledge area, language or transversal skill of the taxonomy; skill groups are skills too. */
export type SkillOccupationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A skill, knowledge area, language or transversal skill of the taxonomy; skill groups are skills too. */
export type SkillRelatedArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<RelationType>>;
};


/** A skill, knowledge area, language or transversal skill of the taxonomy; skill groups are skills too. */
export type SkillSiblingsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** addSkillAlias's or removeSkillAlias's arguments. */
export type SkillAliasEditInput = {
  /** The alias. */
  alias: Scalars['String']['input'];
  /** The skill. */
  id: Scalars['ID']['input'];
};

/** A page of skills. */
export type SkillConnection = {
  __typename?: 'SkillConnection';
  /** The skills on this page. */
  edges: Array<SkillEdge>;
  /** Where this page is in the list. */
  pageInfo: PageInfo;
  /** How many skills match, on all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A person's decision on one of a member's or job's skills. */
export type SkillDecision =
  /** The skill was missing; it stays like a confirmed one. */
  | 'ADDED'
  /** The skill is right; it stays even when the text no longer yields it. */
  | 'CONFIRMED'
  /** The skill is wrong; extraction and the record's skills list cannot bring it back (a later confirm or add can). */
  | 'REJECTED';

/** A skill and its cursor. */
export type SkillEdge = {
  __typename?: 'SkillEdge';
  /** Pass it as after to continue from here. */
  cursor: Scalars['String']['output'];
  /** How a search matched (null without search). */
  match?: Maybe<SearchMatch>;
  /** The skill. */
  node: Skill;
};

/** One edit of a change set: set exactly one field; each takes what the mutation of the same name takes. */
export type SkillEditInput = {
  /** As addSkillAlias. */
  addSkillAlias?: InputMaybe<SkillAliasEditInput>;
  /** As createSkill. */
  createSkill?: InputMaybe<CreateSkillInput>;
  /** As deprecateSkill. */
  deprecateSkill?: InputMaybe<DeprecateSkillEditInput>;
  /** As mergeSkills. */
  mergeSkills?: InputMaybe<MergeSkillsEditInput>;
  /** As relateSkills. */
  relateSkills?: InputMaybe<RelateSkillsEditInput>;
  /** As removeSkillAlias. */
  removeSkillAlias?: InputMaybe<SkillAliasEditInput>;
  /** As setSkillParents. */
  setSkillParents?: InputMaybe<SkillParentsEditInput>;
  /** As unrelateSkills. */
  unrelateSkills?: InputMaybe<UnrelateSkillsEditInput>;
  /** As updateSkill. */
  updateSkill?: InputMaybe<UpdateSkillEditInput>;
};

/** The latest decision on one skill of a member or job, with the earlier ones. */
export type SkillFeedback = {
  __typename?: 'SkillFeedback';
  /** When. */
  at: Scalars['DateTime']['output'];
  /** role:key-id of the API key that decided. */
  by: Scalars['String']['output'];
  /** The latest decision. */
  decision: SkillDecision;
  /** Earlier decisions on the same skill, newest first (the last 20; the marketplace audit feed keeps all). */
  history: Array<SkillFeedbackEntry>;
  /** Why, as given (at most 500 characters). */
  reason?: Maybe<Scalars['String']['output']>;
  /** For CONFIRMED and ADDED: how the member or job holds the skill. */
  relation?: Maybe<DocumentSkillRelation>;
  /** The skill decided on. */
  skill: Skill;
};

/** An earlier decision on a skill. */
export type SkillFeedbackEntry = {
  __typename?: 'SkillFeedbackEntry';
  /** When. */
  at: Scalars['DateTime']['output'];
  /** role:key-id of the API key that decided. */
  by: Scalars['String']['output'];
  /** What was decided. */
  decision: SkillDecision;
  /** Why, as given. */
  reason?: Maybe<Scalars['String']['output']>;
  /** For CONFIRMED and ADDED: the relation given. */
  relation?: Maybe<DocumentSkillRelation>;
};

/** How often people made one decision on a skill. */
export type SkillFeedbackTally = {
  __typename?: 'SkillFeedbackTally';
  /** Members and jobs holding the decision. */
  count: Scalars['Int']['output'];
  /** Its top-level ancestor (the first by id when it has several; null for a top-level skill). */
  domain?: Maybe<Skill>;
  /** Jobs holding it. */
  jobs: Scalars['Int']['output'];
  /** Members holding it. */
  members: Scalars['Int']['output'];
  /** The skill. */
  skill: Skill;
};

/** Job seekers saying one of a job's skills looks wrong: a signal for recruiters and editors, not a decision. */
export type SkillFlag = {
  __typename?: 'SkillFlag';
  /** The latest flag. */
  at: Scalars['DateTime']['output'];
  /** Distinct API keys that flagged it (each counts once; at most 100 are kept). */
  count: Scalars['Int']['output'];
  /** The latest reasons given (at most 5). */
  reasons: Array<Scalars['String']['output']>;
  /** The skill flagged. */
  skill: Skill;
};

/** What sort of competence a skill is (ESCO's skill types). */
export type SkillKind =
  /** Something one knows. */
  | 'KNOWLEDGE'
  /** A language. */
  | 'LANGUAGE'
  /** Something one can do. */
  | 'SKILL'
  /** A skill that carries across occupations (teamwork, numeracy). */
  | 'TRANSVERSAL';

/** How a member earns credit for one of a job's skills. */
export type SkillMatchVia =
  /** The member has a narrower skill (credit 0.7). */
  | 'CHILD'
  /** The member has the skill itself (credit 1). */
  | 'EXACT'
  /** The member has a broader skill (credit 0.5). */
  | 'PARENT'
  /** The member has a sibling skill (credit 0.4). */
  | 'SIBLING';

/** setSkillParents's arguments. */
export type SkillParentsEditInput = {
  /** The skill. */
  id: Scalars['ID']['input'];
  /** Its broader skills from now on. */
  parentIds: Array<Scalars['ID']['input']>;
};

/** How an occupation needs a skill. */
export type SkillRelation =
  /** Every holder of the occupation needs it. */
  | 'ESSENTIAL'
  /** Some holders need it. */
  | 'OPTIONAL';

/** What a confirm, reject or add did (role admin): the decision, and the member or job as it is now. */
export type SkillReview = {
  __typename?: 'SkillReview';
  /** With waitForEmbedding: the embedding version that now answers for the member or job. */
  embeddingVersion?: Maybe<Scalars['String']['output']>;
  /** The decision as recorded (the earlier one when the same decision was already recorded). */
  feedback: SkillFeedback;
  /** The job, for the job mutations. */
  job?: Maybe<Job>;
  /** The member, for the member mutations. */
  member?: Maybe<Member>;
};

/** Where a member's or job's skill comes from: its text, its record's skills list, or a person's decision. */
export type SkillSource =
  /** Added by a person (addMemberSkill, addJobSkill); kept when the text changes. */
  | 'ADDED'
  /** Found or listed, and confirmed by a person (confirmMemberSkill, confirmJobSkill); kept when the text changes. */
  | 'CONFIRMED'
  /** Listed in the record's skills (MemberInput.skills, JobInput.skills). */
  | 'DECLARED'
  /** Found in the text. */
  | 'EXTRACTED';

/** Whether a skill is in use. */
export type SkillStatus =
  /** In use: searchable and extracted. */
  | 'ACTIVE'
  /** Retired (see replacedBy); kept so old references resolve. */
  | 'DEPRECATED';

/** How widely a skill is used in the marketplace. */
export type SkillUsage = {
  __typename?: 'SkillUsage';
  /** Jobs that ask for it. */
  jobs: Scalars['Int']['output'];
  /** Members who hold it. */
  members: Scalars['Int']['output'];
};

/** Whether editors have decided on a mined suggestion. */
export type SuggestionStatus =
  /** Accepted: a RELATED link with provenance MINED exists. */
  | 'ACCEPTED'
  /** Dismissed: mining keeps it closed until its support reaches reopensAtSupport. */
  | 'DISMISSED'
  /** Waiting for an editor. */
  | 'OPEN';

/** One occurrence of a skill in the text. */
export type TextSpan = {
  __typename?: 'TextSpan';
  /** How sure this occurrence is, 0 to 1. */
  confidence: Scalars['Float']['output'];
  /** Where it ends (exclusive). */
  end: Scalars['Int']['output'];
  /** How it was found. */
  method: ExtractionMethod;
  /** The section it is in. */
  section: SectionKind;
  /** Where it starts: a JavaScript string (UTF-16) index into the text. */
  start: Scalars['Int']['output'];
  /** The text between start and end. */
  text: Scalars['String']['output'];
};

/** A normalised job title, linked to the occupation it names where one does. */
export type Title = Node & {
  __typename?: 'Title';
  /** title: and the normalised title's slug. */
  id: Scalars['ID']['output'];
  /** The normalised title. */
  label: Scalars['String']['output'];
  /** The occupation whose label or alias it is, if any. */
  occupation?: Maybe<Occupation>;
};

/** One occupation a title may name. */
export type TitleCandidate = {
  __typename?: 'TitleCandidate';
  /** The occupation name (normalised) that matched best. */
  matched: Scalars['String']['output'];
  /** The occupation. */
  occupation: Occupation;
  /** 1 for an exact name, else the cosine to its closest name. */
  score: Scalars['Float']['output'];
};

/** How a member or job holds a title. */
export type TitleKind =
  /** The member's latest position without an end date, or the job's own title. */
  | 'CURRENT'
  /** A title the member wants. */
  | 'DESIRED'
  /** A former position. */
  | 'PAST';

/** How a title found its occupation. */
export type TitleMatchKind =
  /** The normalised title is an occupation's label or alias (confidence 1). */
  | 'EXACT'
  /** Nothing is left after normalising (or there are no occupations). */
  | 'NONE'
  /** The closest occupation by the text encoder's cosine. */
  | 'SEMANTIC';

/** A title's occupation, with the confidence and the runners-up. */
export type TitleNormalization = {
  __typename?: 'TitleNormalization';
  /** The best first (the first is occupation), at most first. */
  candidates: Array<TitleCandidate>;
  /** 1 for an exact match, else the cosine to the occupation's closest name (0 to 1). */
  confidence: Scalars['Float']['output'];
  /** The title as sent. */
  input: Scalars['String']['output'];
  /** Exact, semantic or none. */
  match: TitleMatchKind;
  /** Lower case, without seniority words, gender tags and punctuation. */
  normalized: Scalars['String']['output'];
  /** The best occupation (null when none). */
  occupation?: Maybe<Occupation>;
  /** The stored Title node for the normalised title, when members or jobs hold it. */
  title?: Maybe<Title>;
};

/** A name used as a skill that no skill matches. */
export type UnmappedTerm = {
  __typename?: 'UnmappedTerm';
  /** Records that used it. */
  count: Scalars['Int']['output'];
  /** Up to three records with the text around it. */
  examples: Array<UnmappedTermExample>;
  /** Jobs that used it. */
  jobs: Scalars['Int']['output'];
  /** Members that used it. */
  members: Scalars['Int']['output'];
  /** As first written. */
  term: Scalars['String']['output'];
};

/** Where a term was used. */
export type UnmappedTermExample = {
  __typename?: 'UnmappedTermExample';
  /** The record's id. */
  id: Scalars['ID']['output'];
  /** JOB or MEMBER. */
  kind: Scalars['String']['output'];
  /** The text around the term (empty for a declared skill name). */
  snippet: Scalars['String']['output'];
};

/** Names extraction could not map, counted. */
export type UnmappedTermReport = {
  __typename?: 'UnmappedTermReport';
  /** Terms left out because a skill owns the name now or an editor ignored them. */
  resolved: Scalars['Int']['output'];
  /** Jobs and members read. */
  scanned: Scalars['Int']['output'];
  /** The terms, the most used first. */
  terms: Array<UnmappedTerm>;
};

/** unrelateSkills's arguments. */
export type UnrelateSkillsEditInput = {
  /** One skill. */
  fromId: Scalars['ID']['input'];
  /** The other. */
  toId: Scalars['ID']['input'];
};

/** Active skills no job or member uses. */
export type UnusedSkillReport = {
  __typename?: 'UnusedSkillReport';
  /** Active skills in all. */
  active: Scalars['Int']['output'];
  /** The first of them (unusedSkills' first), by top-level domain and then label. */
  skills: Array<Skill>;
  /** How many there are (in the domain, when one was given). */
  total: Scalars['Int']['output'];
};

/** The fields updateOccupation may change; a field left out keeps its value. */
export type UpdateOccupationInput = {
  /** Replaces the whole alias list. */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** A new description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** A new preferred name. */
  label?: InputMaybe<Scalars['String']['input']>;
  /** A new group; null takes it out of its group. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
};

/** updateSkill's arguments. */
export type UpdateSkillEditInput = {
  /** The version you read; approval refuses the change set if the skill changed since. */
  expectedVersion: Scalars['Int']['input'];
  /** The skill. */
  id: Scalars['ID']['input'];
  /** The fields to change. */
  input: UpdateSkillInput;
};

/** The fields updateSkill may change; a field left out keeps its value. */
export type UpdateSkillInput = {
  /** Replaces the whole alias list. */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** A new description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** A new kind. */
  kind?: InputMaybe<SkillKind>;
  /** A new preferred name. */
  label?: InputMaybe<Scalars['String']['input']>;
};

/** A skill written for a member or job by an upsert. */
export type UpsertedSkill = {
  __typename?: 'UpsertedSkill';
  /** How sure, 0 to 1. */
  confidence: Scalars['Float']['output'];
  /** How central it is. */
  relation: DocumentSkillRelation;
  /** The skill. */
  skill: Skill;
  /** Declared, extracted, or a person's earlier decision. */
  source: SkillSource;
};

/** The caller and the service. */
export type Viewer = {
  __typename?: 'Viewer';
  /** The caller as history records and change sets name it (role:key-id); null without a key. */
  actor?: Maybe<Scalars['String']['output']>;
  /** The least role that edits the taxonomy directly (SKILLGRAPH_DIRECT_EDITS); below it, editors propose change sets. */
  directEdits: Role;
  /** How many occupations the store holds. */
  occupationCount: Scalars['Int']['output'];
  /** The caller's role. */
  role: Role;
  /** How many skills the store holds (deprecated ones included). */
  skillCount: Scalars['Int']['output'];
  /** embedded or neo4j */
  store: Scalars['String']['output'];
};

/** Where the work is done. */
export type Workplace =
  /** Partly at the workplace. */
  | 'HYBRID'
  /** At the workplace. */
  | 'ONSITE'
  /** From anywhere. */
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




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Node:
    | ( NodeRecordModel )
    | ( NodeRecordModel )
    | ( NodeRecordModel )
    | ( NodeRecordModel )
    | ( OccupationViewModel )
    | ( SkillModel )
    | ( NodeRecordModel )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditOperation: AuditOperation;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ChangeSet: ResolverTypeWrapper<ChangeSetModel>;
  ChangeSetComment: ResolverTypeWrapper<ChangeSetComment>;
  ChangeSetEdit: ResolverTypeWrapper<ChangeSetEdit>;
  ChangeSetEditEffect: ResolverTypeWrapper<PlannedEditModel>;
  ChangeSetEffect: ResolverTypeWrapper<Omit<ChangeSetEffect, 'edits'> & { edits: Array<ResolversTypes['ChangeSetEditEffect']> }>;
  ChangeSetInput: ChangeSetInput;
  ChangeSetProblem: ResolverTypeWrapper<ChangeSetProblem>;
  ChangeSetStatus: ChangeSetStatus;
  Company: ResolverTypeWrapper<NodeRecordModel>;
  CreateOccupationInput: CreateOccupationInput;
  CreateSkillInput: CreateSkillInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeprecateSkillEditInput: DeprecateSkillEditInput;
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
  JobMatchConnection: ResolverTypeWrapper<MatchConnectionModel>;
  JobMatchEdge: ResolverTypeWrapper<Omit<JobMatchEdge, 'node'> & { node: ResolversTypes['JobMatch'] }>;
  JobSearch: ResolverTypeWrapper<Omit<JobSearch, 'interpretation' | 'matches'> & { interpretation: ResolversTypes['QueryInterpretation'], matches: ResolversTypes['JobMatchConnection'] }>;
  JobSkill: ResolverTypeWrapper<Omit<JobSkill, 'skill'> & { skill: ResolversTypes['Skill'] }>;
  JobSkillInput: JobSkillInput;
  JobUpsert: ResolverTypeWrapper<Omit<JobUpsert, 'job' | 'rejectedSkills' | 'skills'> & { job: ResolversTypes['Job'], rejectedSkills: Array<ResolversTypes['Skill']>, skills: Array<ResolversTypes['UpsertedSkill']> }>;
  LearnedRanker: ResolverTypeWrapper<LearnedRanker>;
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
  MemberMatchConnection: ResolverTypeWrapper<MatchConnectionModel>;
  MemberMatchEdge: ResolverTypeWrapper<Omit<MemberMatchEdge, 'node'> & { node: ResolversTypes['MemberMatch'] }>;
  MemberSkill: ResolverTypeWrapper<Omit<MemberSkill, 'skill'> & { skill: ResolversTypes['Skill'] }>;
  MemberUpsert: ResolverTypeWrapper<Omit<MemberUpsert, 'member' | 'rejectedSkills' | 'skills'> & { member: ResolversTypes['Member'], rejectedSkills: Array<ResolversTypes['Skill']>, skills: Array<ResolversTypes['UpsertedSkill']> }>;
  MergeSkillsEditInput: MergeSkillsEditInput;
  MiningReport: ResolverTypeWrapper<MiningReport>;
  ModelVersion: ResolverTypeWrapper<ModelVersion>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  Occupation: ResolverTypeWrapper<OccupationViewModel>;
  OccupationConnection: ResolverTypeWrapper<Omit<OccupationConnection, 'edges'> & { edges: Array<ResolversTypes['OccupationEdge']> }>;
  OccupationEdge: ResolverTypeWrapper<Omit<OccupationEdge, 'node'> & { node: ResolversTypes['Occupation'] }>;
  OccupationKind: OccupationKind;
  OccupationSkill: ResolverTypeWrapper<Omit<OccupationSkill, 'occupation' | 'skill'> & { occupation: ResolversTypes['Occupation'], skill: ResolversTypes['Skill'] }>;
  OccupationSkillInput: OccupationSkillInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  QueryInterpretation: ResolverTypeWrapper<Omit<QueryInterpretation, 'location'> & { location?: Maybe<ResolversTypes['Location']> }>;
  RelateSkillsEditInput: RelateSkillsEditInput;
  RelatedSkill: ResolverTypeWrapper<Omit<RelatedSkill, 'skill'> & { skill: ResolversTypes['Skill'] }>;
  RelatedSkillSuggestion: ResolverTypeWrapper<SuggestionModel>;
  RelationProvenance: RelationProvenance;
  RelationType: RelationType;
  Release: ResolverTypeWrapper<Release>;
  ReleaseDiff: ResolverTypeWrapper<ReleaseDiff>;
  ReleaseDiffCounts: ResolverTypeWrapper<ReleaseDiffCounts>;
  ReleaseMerge: ResolverTypeWrapper<ReleaseMerge>;
  ReleaseMove: ResolverTypeWrapper<ReleaseMove>;
  ReleaseRename: ResolverTypeWrapper<ReleaseRename>;
  ReleaseSkillRef: ResolverTypeWrapper<ReleaseSkillRef>;
  ReleasedSkill: ResolverTypeWrapper<ReleasedSkill>;
  Role: Role;
  SearchMatch: ResolverTypeWrapper<SearchMatch>;
  SearchMatchKind: SearchMatchKind;
  SectionKind: SectionKind;
  Seniority: Seniority;
  SignalCoefficient: ResolverTypeWrapper<SignalCoefficient>;
  SignalContribution: ResolverTypeWrapper<SignalContribution>;
  SimilarJob: ResolverTypeWrapper<Omit<SimilarJob, 'job'> & { job: ResolversTypes['Job'] }>;
  SimilarMember: ResolverTypeWrapper<Omit<SimilarMember, 'member'> & { member: ResolversTypes['Member'] }>;
  SimilarSkill: ResolverTypeWrapper<Omit<SimilarSkill, 'skill'> & { skill: ResolversTypes['Skill'] }>;
  Skill: ResolverTypeWrapper<SkillModel>;
  SkillAliasEditInput: SkillAliasEditInput;
  SkillConnection: ResolverTypeWrapper<Omit<SkillConnection, 'edges'> & { edges: Array<ResolversTypes['SkillEdge']> }>;
  SkillDecision: SkillDecision;
  SkillEdge: ResolverTypeWrapper<Omit<SkillEdge, 'node'> & { node: ResolversTypes['Skill'] }>;
  SkillEditInput: SkillEditInput;
  SkillFeedback: ResolverTypeWrapper<Omit<SkillFeedback, 'skill'> & { skill: ResolversTypes['Skill'] }>;
  SkillFeedbackEntry: ResolverTypeWrapper<SkillFeedbackEntry>;
  SkillFeedbackTally: ResolverTypeWrapper<Omit<SkillFeedbackTally, 'domain' | 'skill'> & { domain?: Maybe<ResolversTypes['Skill']>, skill: ResolversTypes['Skill'] }>;
  SkillFlag: ResolverTypeWrapper<Omit<SkillFlag, 'skill'> & { skill: ResolversTypes['Skill'] }>;
  SkillKind: SkillKind;
  SkillMatchVia: SkillMatchVia;
  SkillParentsEditInput: SkillParentsEditInput;
  SkillRelation: SkillRelation;
  SkillReview: ResolverTypeWrapper<Omit<SkillReview, 'feedback' | 'job' | 'member'> & { feedback: ResolversTypes['SkillFeedback'], job?: Maybe<ResolversTypes['Job']>, member?: Maybe<ResolversTypes['Member']> }>;
  SkillSource: SkillSource;
  SkillStatus: SkillStatus;
  SkillUsage: ResolverTypeWrapper<SkillUsage>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  SuggestionStatus: SuggestionStatus;
  TextSpan: ResolverTypeWrapper<TextSpan>;
  Title: ResolverTypeWrapper<NodeRecordModel>;
  TitleCandidate: ResolverTypeWrapper<TitleCandidateModel>;
  TitleKind: TitleKind;
  TitleMatchKind: TitleMatchKind;
  TitleNormalization: ResolverTypeWrapper<TitleMatchModel>;
  UnmappedTerm: ResolverTypeWrapper<UnmappedTerm>;
  UnmappedTermExample: ResolverTypeWrapper<UnmappedTermExample>;
  UnmappedTermReport: ResolverTypeWrapper<UnmappedTermReport>;
  UnrelateSkillsEditInput: UnrelateSkillsEditInput;
  UnusedSkillReport: ResolverTypeWrapper<Omit<UnusedSkillReport, 'skills'> & { skills: Array<ResolversTypes['Skill']> }>;
  UpdateOccupationInput: UpdateOccupationInput;
  UpdateSkillEditInput: UpdateSkillEditInput;
  UpdateSkillInput: UpdateSkillInput;
  UpsertedSkill: ResolverTypeWrapper<Omit<UpsertedSkill, 'skill'> & { skill: ResolversTypes['Skill'] }>;
  Viewer: ResolverTypeWrapper<Viewer>;
  Workplace: Workplace;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  ChangeSet: ChangeSetModel;
  ChangeSetComment: ChangeSetComment;
  ChangeSetEdit: ChangeSetEdit;
  ChangeSetEditEffect: PlannedEditModel;
  ChangeSetEffect: Omit<ChangeSetEffect, 'edits'> & { edits: Array<ResolversParentTypes['ChangeSetEditEffect']> };
  ChangeSetInput: ChangeSetInput;
  ChangeSetProblem: ChangeSetProblem;
  Company: NodeRecordModel;
  CreateOccupationInput: CreateOccupationInput;
  CreateSkillInput: CreateSkillInput;
  DateTime: Scalars['DateTime']['output'];
  DeprecateSkillEditInput: DeprecateSkillEditInput;
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
  JobMatchConnection: MatchConnectionModel;
  JobMatchEdge: Omit<JobMatchEdge, 'node'> & { node: ResolversParentTypes['JobMatch'] };
  JobSearch: Omit<JobSearch, 'interpretation' | 'matches'> & { interpretation: ResolversParentTypes['QueryInterpretation'], matches: ResolversParentTypes['JobMatchConnection'] };
  JobSkill: Omit<JobSkill, 'skill'> & { skill: ResolversParentTypes['Skill'] };
  JobSkillInput: JobSkillInput;
  JobUpsert: Omit<JobUpsert, 'job' | 'rejectedSkills' | 'skills'> & { job: ResolversParentTypes['Job'], rejectedSkills: Array<ResolversParentTypes['Skill']>, skills: Array<ResolversParentTypes['UpsertedSkill']> };
  LearnedRanker: LearnedRanker;
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
  MemberMatchConnection: MatchConnectionModel;
  MemberMatchEdge: Omit<MemberMatchEdge, 'node'> & { node: ResolversParentTypes['MemberMatch'] };
  MemberSkill: Omit<MemberSkill, 'skill'> & { skill: ResolversParentTypes['Skill'] };
  MemberUpsert: Omit<MemberUpsert, 'member' | 'rejectedSkills' | 'skills'> & { member: ResolversParentTypes['Member'], rejectedSkills: Array<ResolversParentTypes['Skill']>, skills: Array<ResolversParentTypes['UpsertedSkill']> };
  MergeSkillsEditInput: MergeSkillsEditInput;
  MiningReport: MiningReport;
  ModelVersion: ModelVersion;
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  Occupation: OccupationViewModel;
  OccupationConnection: Omit<OccupationConnection, 'edges'> & { edges: Array<ResolversParentTypes['OccupationEdge']> };
  OccupationEdge: Omit<OccupationEdge, 'node'> & { node: ResolversParentTypes['Occupation'] };
  OccupationSkill: Omit<OccupationSkill, 'occupation' | 'skill'> & { occupation: ResolversParentTypes['Occupation'], skill: ResolversParentTypes['Skill'] };
  OccupationSkillInput: OccupationSkillInput;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  QueryInterpretation: Omit<QueryInterpretation, 'location'> & { location?: Maybe<ResolversParentTypes['Location']> };
  RelateSkillsEditInput: RelateSkillsEditInput;
  RelatedSkill: Omit<RelatedSkill, 'skill'> & { skill: ResolversParentTypes['Skill'] };
  RelatedSkillSuggestion: SuggestionModel;
  Release: Release;
  ReleaseDiff: ReleaseDiff;
  ReleaseDiffCounts: ReleaseDiffCounts;
  ReleaseMerge: ReleaseMerge;
  ReleaseMove: ReleaseMove;
  ReleaseRename: ReleaseRename;
  ReleaseSkillRef: ReleaseSkillRef;
  ReleasedSkill: ReleasedSkill;
  SearchMatch: SearchMatch;
  SignalCoefficient: SignalCoefficient;
  SignalContribution: SignalContribution;
  SimilarJob: Omit<SimilarJob, 'job'> & { job: ResolversParentTypes['Job'] };
  SimilarMember: Omit<SimilarMember, 'member'> & { member: ResolversParentTypes['Member'] };
  SimilarSkill: Omit<SimilarSkill, 'skill'> & { skill: ResolversParentTypes['Skill'] };
  Skill: SkillModel;
  SkillAliasEditInput: SkillAliasEditInput;
  SkillConnection: Omit<SkillConnection, 'edges'> & { edges: Array<ResolversParentTypes['SkillEdge']> };
  SkillEdge: Omit<SkillEdge, 'node'> & { node: ResolversParentTypes['Skill'] };
  SkillEditInput: SkillEditInput;
  SkillFeedback: Omit<SkillFeedback, 'skill'> & { skill: ResolversParentTypes['Skill'] };
  SkillFeedbackEntry: SkillFeedbackEntry;
  SkillFeedbackTally: Omit<SkillFeedbackTally, 'domain' | 'skill'> & { domain?: Maybe<ResolversParentTypes['Skill']>, skill: ResolversParentTypes['Skill'] };
  SkillFlag: Omit<SkillFlag, 'skill'> & { skill: ResolversParentTypes['Skill'] };
  SkillParentsEditInput: SkillParentsEditInput;
  SkillReview: Omit<SkillReview, 'feedback' | 'job' | 'member'> & { feedback: ResolversParentTypes['SkillFeedback'], job?: Maybe<ResolversParentTypes['Job']>, member?: Maybe<ResolversParentTypes['Member']> };
  SkillUsage: SkillUsage;
  String: Scalars['String']['output'];
  TextSpan: TextSpan;
  Title: NodeRecordModel;
  TitleCandidate: TitleCandidateModel;
  TitleNormalization: TitleMatchModel;
  UnmappedTerm: UnmappedTerm;
  UnmappedTermExample: UnmappedTermExample;
  UnmappedTermReport: UnmappedTermReport;
  UnrelateSkillsEditInput: UnrelateSkillsEditInput;
  UnusedSkillReport: Omit<UnusedSkillReport, 'skills'> & { skills: Array<ResolversParentTypes['Skill']> };
  UpdateOccupationInput: UpdateOccupationInput;
  UpdateSkillEditInput: UpdateSkillEditInput;
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

export type ChangeSetResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChangeSet'] = ResolversParentTypes['ChangeSet']> = {
  comments?: Resolver<Array<ResolversTypes['ChangeSetComment']>, ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  decidedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  edits?: Resolver<Array<ResolversTypes['ChangeSetEdit']>, ParentType, ContextType>;
  effect?: Resolver<ResolversTypes['ChangeSetEffect'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  proposedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  proposedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ChangeSetStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ChangeSetCommentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChangeSetComment'] = ResolversParentTypes['ChangeSetComment']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  by?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ChangeSetEditResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChangeSetEdit'] = ResolversParentTypes['ChangeSetEdit']> = {
  arguments?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  skillIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type ChangeSetEditEffectResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChangeSetEditEffect'] = ResolversParentTypes['ChangeSetEditEffect']> = {
  after?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['AuditOperation'], ParentType, ContextType>;
  subjects?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type ChangeSetEffectResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChangeSetEffect'] = ResolversParentTypes['ChangeSetEffect']> = {
  edits?: Resolver<Array<ResolversTypes['ChangeSetEditEffect']>, ParentType, ContextType>;
  problem?: Resolver<Maybe<ResolversTypes['ChangeSetProblem']>, ParentType, ContextType>;
};

export type ChangeSetProblemResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChangeSetProblem'] = ResolversParentTypes['ChangeSetProblem']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CompanyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Company'] = ResolversParentTypes['Company']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
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
  base?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  directory?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  embeddingVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  format?: Resolver<ResolversTypes['ExportFormat'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kinds?: Resolver<Array<ResolversTypes['EmbeddingKind']>, ParentType, ContextType>;
  nodeTypes?: Resolver<Array<ResolversTypes['ExportNodeType']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rowsPerFile?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
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
  unmappedTerms?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
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
  skillFeedback?: Resolver<Array<ResolversTypes['SkillFeedback']>, ParentType, ContextType>;
  skillFlags?: Resolver<Array<ResolversTypes['SkillFlag']>, ParentType, ContextType>;
  skills?: Resolver<Array<ResolversTypes['JobSkill']>, ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workplace?: Resolver<Maybe<ResolversTypes['Workplace']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
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
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
  source?: Resolver<ResolversTypes['SkillSource'], ParentType, ContextType>;
};

export type JobUpsertResolvers<ContextType = Context, ParentType extends ResolversParentTypes['JobUpsert'] = ResolversParentTypes['JobUpsert']> = {
  created?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  embeddingVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  job?: Resolver<ResolversTypes['Job'], ParentType, ContextType>;
  rejectedSkills?: Resolver<Array<ResolversTypes['Skill']>, ParentType, ContextType>;
  skills?: Resolver<Array<ResolversTypes['UpsertedSkill']>, ParentType, ContextType>;
  unknownSkills?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type LearnedRankerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LearnedRanker'] = ResolversParentTypes['LearnedRanker']> = {
  adopted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  coefficients?: Resolver<Array<ResolversTypes['SignalCoefficient']>, ParentType, ContextType>;
  coldStart?: Resolver<Maybe<ResolversTypes['LearnedRanker']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  intercept?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  validationMembers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  validationMrr?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  weightsMrr?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type LocationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Location'] = ResolversParentTypes['Location']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['LocationLevel'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MatchExplanationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MatchExplanation'] = ResolversParentTypes['MatchExplanation']> = {
  intercept?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  matchedSkills?: Resolver<Array<ResolversTypes['MatchedSkill']>, ParentType, ContextType>;
  missingSkills?: Resolver<Array<ResolversTypes['Skill']>, ParentType, ContextType>;
  ranker?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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
  skillFeedback?: Resolver<Array<ResolversTypes['SkillFeedback']>, ParentType, ContextType>;
  skills?: Resolver<Array<ResolversTypes['MemberSkill']>, ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  titles?: Resolver<Array<ResolversTypes['HeldTitle']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
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
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
  rejectedSkills?: Resolver<Array<ResolversTypes['Skill']>, ParentType, ContextType>;
  skills?: Resolver<Array<ResolversTypes['UpsertedSkill']>, ParentType, ContextType>;
  unknownSkills?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MiningReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MiningReport'] = ResolversParentTypes['MiningReport']> = {
  closed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  mined?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  opened?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reopened?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
  ranker?: Resolver<Maybe<ResolversTypes['LearnedRanker']>, ParentType, ContextType>;
  trainingMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  validationMrr?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  validationRecallAt10?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acceptRelatedSkillSuggestion?: Resolver<ResolversTypes['RelatedSkillSuggestion'], ParentType, ContextType, RequireFields<MutationAcceptRelatedSkillSuggestionArgs, 'fromId' | 'toId' | 'type'>>;
  addJobSkill?: Resolver<ResolversTypes['SkillReview'], ParentType, ContextType, RequireFields<MutationAddJobSkillArgs, 'jobId' | 'skill' | 'waitForEmbedding'>>;
  addMemberSkill?: Resolver<ResolversTypes['SkillReview'], ParentType, ContextType, RequireFields<MutationAddMemberSkillArgs, 'memberId' | 'skill' | 'waitForEmbedding'>>;
  addSkillAlias?: Resolver<ResolversTypes['Skill'], ParentType, ContextType, RequireFields<MutationAddSkillAliasArgs, 'alias' | 'id'>>;
  approveChangeSet?: Resolver<ResolversTypes['ChangeSet'], ParentType, ContextType, RequireFields<MutationApproveChangeSetArgs, 'id'>>;
  cancelEmbeddingExport?: Resolver<ResolversTypes['ExportJob'], ParentType, ContextType, RequireFields<MutationCancelEmbeddingExportArgs, 'id'>>;
  commentOnChangeSet?: Resolver<ResolversTypes['ChangeSet'], ParentType, ContextType, RequireFields<MutationCommentOnChangeSetArgs, 'comment' | 'id'>>;
  confirmJobSkill?: Resolver<ResolversTypes['SkillReview'], ParentType, ContextType, RequireFields<MutationConfirmJobSkillArgs, 'jobId' | 'skill' | 'waitForEmbedding'>>;
  confirmMemberSkill?: Resolver<ResolversTypes['SkillReview'], ParentType, ContextType, RequireFields<MutationConfirmMemberSkillArgs, 'memberId' | 'skill' | 'waitForEmbedding'>>;
  createOccupation?: Resolver<ResolversTypes['Occupation'], ParentType, ContextType, RequireFields<MutationCreateOccupationArgs, 'input'>>;
  createRelease?: Resolver<ResolversTypes['Release'], ParentType, ContextType, RequireFields<MutationCreateReleaseArgs, 'name'>>;
  createSkill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType, RequireFields<MutationCreateSkillArgs, 'input'>>;
  deleteJob?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteJobArgs, 'id'>>;
  deleteMember?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteMemberArgs, 'id'>>;
  deprecateSkill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType, RequireFields<MutationDeprecateSkillArgs, 'id'>>;
  dismissRelatedSkillSuggestion?: Resolver<ResolversTypes['RelatedSkillSuggestion'], ParentType, ContextType, RequireFields<MutationDismissRelatedSkillSuggestionArgs, 'fromId' | 'toId'>>;
  flagJobSkill?: Resolver<ResolversTypes['SkillFlag'], ParentType, ContextType, RequireFields<MutationFlagJobSkillArgs, 'jobId' | 'skill'>>;
  ignoreUnmappedTerm?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationIgnoreUnmappedTermArgs, 'term'>>;
  mergeSkills?: Resolver<ResolversTypes['Skill'], ParentType, ContextType, RequireFields<MutationMergeSkillsArgs, 'sourceId' | 'targetId'>>;
  mineRelatedSkills?: Resolver<ResolversTypes['MiningReport'], ParentType, ContextType, RequireFields<MutationMineRelatedSkillsArgs, 'minNpmi' | 'minSupport' | 'perSkill'>>;
  proposeChangeSet?: Resolver<ResolversTypes['ChangeSet'], ParentType, ContextType, RequireFields<MutationProposeChangeSetArgs, 'input'>>;
  recordInteraction?: Resolver<ResolversTypes['Interaction'], ParentType, ContextType, RequireFields<MutationRecordInteractionArgs, 'jobId' | 'memberId' | 'type' | 'waitForEmbedding'>>;
  rejectChangeSet?: Resolver<ResolversTypes['ChangeSet'], ParentType, ContextType, RequireFields<MutationRejectChangeSetArgs, 'id' | 'reason'>>;
  rejectJobSkill?: Resolver<ResolversTypes['SkillReview'], ParentType, ContextType, RequireFields<MutationRejectJobSkillArgs, 'jobId' | 'skill' | 'waitForEmbedding'>>;
  rejectMemberSkill?: Resolver<ResolversTypes['SkillReview'], ParentType, ContextType, RequireFields<MutationRejectMemberSkillArgs, 'memberId' | 'skill' | 'waitForEmbedding'>>;
  relateSkills?: Resolver<ResolversTypes['Skill'], ParentType, ContextType, RequireFields<MutationRelateSkillsArgs, 'fromId' | 'toId' | 'type'>>;
  removeSkillAlias?: Resolver<ResolversTypes['Skill'], ParentType, ContextType, RequireFields<MutationRemoveSkillAliasArgs, 'alias' | 'id'>>;
  setOccupationSkills?: Resolver<ResolversTypes['Occupation'], ParentType, ContextType, RequireFields<MutationSetOccupationSkillsArgs, 'expectedVersion' | 'id' | 'skills'>>;
  setSkillParents?: Resolver<ResolversTypes['Skill'], ParentType, ContextType, RequireFields<MutationSetSkillParentsArgs, 'id' | 'parentIds'>>;
  startEmbeddingExport?: Resolver<ResolversTypes['ExportJob'], ParentType, ContextType, RequireFields<MutationStartEmbeddingExportArgs, 'input'>>;
  unrelateSkills?: Resolver<ResolversTypes['Skill'], ParentType, ContextType, RequireFields<MutationUnrelateSkillsArgs, 'fromId' | 'toId'>>;
  updateOccupation?: Resolver<ResolversTypes['Occupation'], ParentType, ContextType, RequireFields<MutationUpdateOccupationArgs, 'expectedVersion' | 'id' | 'input'>>;
  updateSkill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType, RequireFields<MutationUpdateSkillArgs, 'expectedVersion' | 'id' | 'input'>>;
  upsertJob?: Resolver<ResolversTypes['JobUpsert'], ParentType, ContextType, RequireFields<MutationUpsertJobArgs, 'input' | 'waitForEmbedding'>>;
  upsertMember?: Resolver<ResolversTypes['MemberUpsert'], ParentType, ContextType, RequireFields<MutationUpsertMemberArgs, 'input' | 'waitForEmbedding'>>;
  useModel?: Resolver<ResolversTypes['ModelVersion'], ParentType, ContextType, Partial<MutationUseModelArgs>>;
  withdrawChangeSet?: Resolver<ResolversTypes['ChangeSet'], ParentType, ContextType, RequireFields<MutationWithdrawChangeSetArgs, 'id'>>;
};

export type NodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'Company' | 'Job' | 'Location' | 'Member' | 'Occupation' | 'Skill' | 'Title', ParentType, ContextType>;
};

export type OccupationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Occupation'] = ResolversParentTypes['Occupation']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  children?: Resolver<Array<ResolversTypes['Occupation']>, ParentType, ContextType, RequireFields<OccupationChildrenArgs, 'first'>>;
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  history?: Resolver<ResolversTypes['HistoryConnection'], ParentType, ContextType, RequireFields<OccupationHistoryArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['OccupationKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Occupation']>, ParentType, ContextType>;
  skills?: Resolver<Array<ResolversTypes['OccupationSkill']>, ParentType, ContextType, RequireFields<OccupationSkillsArgs, 'first'>>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
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
  changeSet?: Resolver<Maybe<ResolversTypes['ChangeSet']>, ParentType, ContextType, RequireFields<QueryChangeSetArgs, 'id'>>;
  changeSets?: Resolver<Array<ResolversTypes['ChangeSet']>, ParentType, ContextType, RequireFields<QueryChangeSetsArgs, 'first'>>;
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
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  nodes?: Resolver<Array<Maybe<ResolversTypes['Node']>>, ParentType, ContextType, RequireFields<QueryNodesArgs, 'ids'>>;
  normalizeTitle?: Resolver<ResolversTypes['TitleNormalization'], ParentType, ContextType, RequireFields<QueryNormalizeTitleArgs, 'first' | 'text'>>;
  normalizeTitles?: Resolver<Array<ResolversTypes['TitleNormalization']>, ParentType, ContextType, RequireFields<QueryNormalizeTitlesArgs, 'first' | 'texts'>>;
  occupation?: Resolver<Maybe<ResolversTypes['Occupation']>, ParentType, ContextType, RequireFields<QueryOccupationArgs, 'id'>>;
  occupationRoots?: Resolver<Array<ResolversTypes['Occupation']>, ParentType, ContextType>;
  occupations?: Resolver<ResolversTypes['OccupationConnection'], ParentType, ContextType, RequireFields<QueryOccupationsArgs, 'first'>>;
  relatedSkillSuggestions?: Resolver<Array<ResolversTypes['RelatedSkillSuggestion']>, ParentType, ContextType, RequireFields<QueryRelatedSkillSuggestionsArgs, 'first' | 'status'>>;
  releaseDiff?: Resolver<ResolversTypes['ReleaseDiff'], ParentType, ContextType, RequireFields<QueryReleaseDiffArgs, 'from'>>;
  releasedSkill?: Resolver<Maybe<ResolversTypes['ReleasedSkill']>, ParentType, ContextType, RequireFields<QueryReleasedSkillArgs, 'id' | 'release'>>;
  releases?: Resolver<Array<ResolversTypes['Release']>, ParentType, ContextType>;
  searchJobs?: Resolver<ResolversTypes['JobSearch'], ParentType, ContextType, RequireFields<QuerySearchJobsArgs, 'first' | 'query'>>;
  similarJobs?: Resolver<Array<ResolversTypes['SimilarJob']>, ParentType, ContextType, RequireFields<QuerySimilarJobsArgs, 'first' | 'id'>>;
  similarMembers?: Resolver<Array<ResolversTypes['SimilarMember']>, ParentType, ContextType, RequireFields<QuerySimilarMembersArgs, 'first' | 'id'>>;
  similarSkills?: Resolver<Array<ResolversTypes['SimilarSkill']>, ParentType, ContextType, RequireFields<QuerySimilarSkillsArgs, 'first' | 'id'>>;
  skill?: Resolver<Maybe<ResolversTypes['Skill']>, ParentType, ContextType, RequireFields<QuerySkillArgs, 'id'>>;
  skillFeedbackSummary?: Resolver<Array<ResolversTypes['SkillFeedbackTally']>, ParentType, ContextType, RequireFields<QuerySkillFeedbackSummaryArgs, 'decision' | 'first'>>;
  skillFlagSummary?: Resolver<Array<ResolversTypes['SkillFeedbackTally']>, ParentType, ContextType, RequireFields<QuerySkillFlagSummaryArgs, 'first'>>;
  skillRoots?: Resolver<Array<ResolversTypes['Skill']>, ParentType, ContextType>;
  skills?: Resolver<ResolversTypes['SkillConnection'], ParentType, ContextType, RequireFields<QuerySkillsArgs, 'first'>>;
  taxonomyChanges?: Resolver<ResolversTypes['HistoryConnection'], ParentType, ContextType, RequireFields<QueryTaxonomyChangesArgs, 'first'>>;
  unmappedTerms?: Resolver<ResolversTypes['UnmappedTermReport'], ParentType, ContextType, RequireFields<QueryUnmappedTermsArgs, 'first' | 'minCount'>>;
  unusedSkills?: Resolver<ResolversTypes['UnusedSkillReport'], ParentType, ContextType, RequireFields<QueryUnusedSkillsArgs, 'first'>>;
  viewer?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
};

export type QueryInterpretationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QueryInterpretation'] = ResolversParentTypes['QueryInterpretation']> = {
  location?: Resolver<Maybe<ResolversTypes['Location']>, ParentType, ContextType>;
  seniority?: Resolver<Array<ResolversTypes['Seniority']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  workplace?: Resolver<Array<ResolversTypes['Workplace']>, ParentType, ContextType>;
};

export type RelatedSkillResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RelatedSkill'] = ResolversParentTypes['RelatedSkill']> = {
  provenance?: Resolver<ResolversTypes['RelationProvenance'], ParentType, ContextType>;
  skill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['RelationType'], ParentType, ContextType>;
};

export type RelatedSkillSuggestionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RelatedSkillSuggestion'] = ResolversParentTypes['RelatedSkillSuggestion']> = {
  acceptedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  acceptedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dismissReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dismissedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dismissedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  documents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  exampleJobs?: Resolver<Array<ResolversTypes['Job']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
  fromCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  graphSimilarity?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  jobs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lift?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  members?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  minedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  npmi?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  reopensAtSupport?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SuggestionStatus'], ParentType, ContextType>;
  support?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
  toCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReleaseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Release'] = ResolversParentTypes['Release']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  by?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occupationCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  skillCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReleaseDiffResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReleaseDiff'] = ResolversParentTypes['ReleaseDiff']> = {
  added?: Resolver<Array<ResolversTypes['ReleaseSkillRef']>, ParentType, ContextType>;
  aliasesChanged?: Resolver<Array<ResolversTypes['ReleaseSkillRef']>, ParentType, ContextType>;
  counts?: Resolver<ResolversTypes['ReleaseDiffCounts'], ParentType, ContextType>;
  deprecated?: Resolver<Array<ResolversTypes['ReleaseSkillRef']>, ParentType, ContextType>;
  descriptionChanged?: Resolver<Array<ResolversTypes['ReleaseSkillRef']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  merged?: Resolver<Array<ResolversTypes['ReleaseMerge']>, ParentType, ContextType>;
  moved?: Resolver<Array<ResolversTypes['ReleaseMove']>, ParentType, ContextType>;
  occupationsAdded?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  occupationsChanged?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  occupationsRemoved?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  removed?: Resolver<Array<ResolversTypes['ReleaseSkillRef']>, ParentType, ContextType>;
  renamed?: Resolver<Array<ResolversTypes['ReleaseRename']>, ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ReleaseDiffCountsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReleaseDiffCounts'] = ResolversParentTypes['ReleaseDiffCounts']> = {
  added?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  aliasesChanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deprecated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  descriptionChanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  merged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  moved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  occupations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  removed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  renamed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReleaseMergeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReleaseMerge'] = ResolversParentTypes['ReleaseMerge']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  into?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ReleaseMoveResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReleaseMove'] = ResolversParentTypes['ReleaseMove']> = {
  from?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type ReleaseRenameResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReleaseRename'] = ResolversParentTypes['ReleaseRename']> = {
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ReleaseSkillRefResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReleaseSkillRef'] = ResolversParentTypes['ReleaseSkillRef']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ReleasedSkillResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReleasedSkill'] = ResolversParentTypes['ReleasedSkill']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parentIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  replacedBy?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SkillStatus'], ParentType, ContextType>;
};

export type SearchMatchResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SearchMatch'] = ResolversParentTypes['SearchMatch']> = {
  kind?: Resolver<ResolversTypes['SearchMatchKind'], ParentType, ContextType>;
  matched?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SignalCoefficientResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SignalCoefficient'] = ResolversParentTypes['SignalCoefficient']> = {
  coefficient?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  signal?: Resolver<ResolversTypes['MatchSignal'], ParentType, ContextType>;
};

export type SignalContributionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SignalContribution'] = ResolversParentTypes['SignalContribution']> = {
  contribution?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  signal?: Resolver<ResolversTypes['MatchSignal'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SimilarJobResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SimilarJob'] = ResolversParentTypes['SimilarJob']> = {
  embeddingVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  job?: Resolver<ResolversTypes['Job'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SimilarMemberResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SimilarMember'] = ResolversParentTypes['SimilarMember']> = {
  embeddingVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  member?: Resolver<ResolversTypes['Member'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SimilarSkillResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SimilarSkill'] = ResolversParentTypes['SimilarSkill']> = {
  embeddingVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  skill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
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
  usage?: Resolver<ResolversTypes['SkillUsage'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
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

export type SkillFeedbackResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SkillFeedback'] = ResolversParentTypes['SkillFeedback']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  by?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  decision?: Resolver<ResolversTypes['SkillDecision'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['SkillFeedbackEntry']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  relation?: Resolver<Maybe<ResolversTypes['DocumentSkillRelation']>, ParentType, ContextType>;
  skill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
};

export type SkillFeedbackEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SkillFeedbackEntry'] = ResolversParentTypes['SkillFeedbackEntry']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  by?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  decision?: Resolver<ResolversTypes['SkillDecision'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  relation?: Resolver<Maybe<ResolversTypes['DocumentSkillRelation']>, ParentType, ContextType>;
};

export type SkillFeedbackTallyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SkillFeedbackTally'] = ResolversParentTypes['SkillFeedbackTally']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  domain?: Resolver<Maybe<ResolversTypes['Skill']>, ParentType, ContextType>;
  jobs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  members?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  skill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
};

export type SkillFlagResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SkillFlag'] = ResolversParentTypes['SkillFlag']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  skill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
};

export type SkillReviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SkillReview'] = ResolversParentTypes['SkillReview']> = {
  embeddingVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  feedback?: Resolver<ResolversTypes['SkillFeedback'], ParentType, ContextType>;
  job?: Resolver<Maybe<ResolversTypes['Job']>, ParentType, ContextType>;
  member?: Resolver<Maybe<ResolversTypes['Member']>, ParentType, ContextType>;
};

export type SkillUsageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SkillUsage'] = ResolversParentTypes['SkillUsage']> = {
  jobs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  members?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TitleCandidateResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TitleCandidate'] = ResolversParentTypes['TitleCandidate']> = {
  matched?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occupation?: Resolver<ResolversTypes['Occupation'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type TitleNormalizationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TitleNormalization'] = ResolversParentTypes['TitleNormalization']> = {
  candidates?: Resolver<Array<ResolversTypes['TitleCandidate']>, ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  input?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  match?: Resolver<ResolversTypes['TitleMatchKind'], ParentType, ContextType>;
  normalized?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occupation?: Resolver<Maybe<ResolversTypes['Occupation']>, ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['Title']>, ParentType, ContextType>;
};

export type UnmappedTermResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UnmappedTerm'] = ResolversParentTypes['UnmappedTerm']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  examples?: Resolver<Array<ResolversTypes['UnmappedTermExample']>, ParentType, ContextType>;
  jobs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  members?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  term?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UnmappedTermExampleResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UnmappedTermExample'] = ResolversParentTypes['UnmappedTermExample']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snippet?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UnmappedTermReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UnmappedTermReport'] = ResolversParentTypes['UnmappedTermReport']> = {
  resolved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  scanned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  terms?: Resolver<Array<ResolversTypes['UnmappedTerm']>, ParentType, ContextType>;
};

export type UnusedSkillReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UnusedSkillReport'] = ResolversParentTypes['UnusedSkillReport']> = {
  active?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  skills?: Resolver<Array<ResolversTypes['Skill']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UpsertedSkillResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpsertedSkill'] = ResolversParentTypes['UpsertedSkill']> = {
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  relation?: Resolver<ResolversTypes['DocumentSkillRelation'], ParentType, ContextType>;
  skill?: Resolver<ResolversTypes['Skill'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['SkillSource'], ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  actor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  directEdits?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  occupationCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  skillCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  store?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  ChangeSet?: ChangeSetResolvers<ContextType>;
  ChangeSetComment?: ChangeSetCommentResolvers<ContextType>;
  ChangeSetEdit?: ChangeSetEditResolvers<ContextType>;
  ChangeSetEditEffect?: ChangeSetEditEffectResolvers<ContextType>;
  ChangeSetEffect?: ChangeSetEffectResolvers<ContextType>;
  ChangeSetProblem?: ChangeSetProblemResolvers<ContextType>;
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
  LearnedRanker?: LearnedRankerResolvers<ContextType>;
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
  MiningReport?: MiningReportResolvers<ContextType>;
  ModelVersion?: ModelVersionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  Occupation?: OccupationResolvers<ContextType>;
  OccupationConnection?: OccupationConnectionResolvers<ContextType>;
  OccupationEdge?: OccupationEdgeResolvers<ContextType>;
  OccupationSkill?: OccupationSkillResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  QueryInterpretation?: QueryInterpretationResolvers<ContextType>;
  RelatedSkill?: RelatedSkillResolvers<ContextType>;
  RelatedSkillSuggestion?: RelatedSkillSuggestionResolvers<ContextType>;
  Release?: ReleaseResolvers<ContextType>;
  ReleaseDiff?: ReleaseDiffResolvers<ContextType>;
  ReleaseDiffCounts?: ReleaseDiffCountsResolvers<ContextType>;
  ReleaseMerge?: ReleaseMergeResolvers<ContextType>;
  ReleaseMove?: ReleaseMoveResolvers<ContextType>;
  ReleaseRename?: ReleaseRenameResolvers<ContextType>;
  ReleaseSkillRef?: ReleaseSkillRefResolvers<ContextType>;
  ReleasedSkill?: ReleasedSkillResolvers<ContextType>;
  SearchMatch?: SearchMatchResolvers<ContextType>;
  SignalCoefficient?: SignalCoefficientResolvers<ContextType>;
  SignalContribution?: SignalContributionResolvers<ContextType>;
  SimilarJob?: SimilarJobResolvers<ContextType>;
  SimilarMember?: SimilarMemberResolvers<ContextType>;
  SimilarSkill?: SimilarSkillResolvers<ContextType>;
  Skill?: SkillResolvers<ContextType>;
  SkillConnection?: SkillConnectionResolvers<ContextType>;
  SkillEdge?: SkillEdgeResolvers<ContextType>;
  SkillFeedback?: SkillFeedbackResolvers<ContextType>;
  SkillFeedbackEntry?: SkillFeedbackEntryResolvers<ContextType>;
  SkillFeedbackTally?: SkillFeedbackTallyResolvers<ContextType>;
  SkillFlag?: SkillFlagResolvers<ContextType>;
  SkillReview?: SkillReviewResolvers<ContextType>;
  SkillUsage?: SkillUsageResolvers<ContextType>;
  TextSpan?: TextSpanResolvers<ContextType>;
  Title?: TitleResolvers<ContextType>;
  TitleCandidate?: TitleCandidateResolvers<ContextType>;
  TitleNormalization?: TitleNormalizationResolvers<ContextType>;
  UnmappedTerm?: UnmappedTermResolvers<ContextType>;
  UnmappedTermExample?: UnmappedTermExampleResolvers<ContextType>;
  UnmappedTermReport?: UnmappedTermReportResolvers<ContextType>;
  UnusedSkillReport?: UnusedSkillReportResolvers<ContextType>;
  UpsertedSkill?: UpsertedSkillResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  cost?: CostDirectiveResolver<any, any, ContextType>;
  listSize?: ListSizeDirectiveResolver<any, any, ContextType>;
};
