/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

/** A change set to propose: a title and 1 to 100 edits, applied in order. */
export type ChangeSetInput = {
  /** Why (at most 4,000 characters). */
  description?: string | null | undefined;
  /** The edits, in order. */
  edits: Array<SkillEditInput>;
  /** What the change is (1 to 200 characters). */
  title: string;
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

/** A new occupation; labels and aliases are unique among occupations (1 to 200 characters each). */
export type CreateOccupationInput = {
  /** Alternative labels (at most 100). */
  aliases?: Array<string> | null | undefined;
  /** What the occupation is (at most 4,000 characters). */
  description?: string | null | undefined;
  /** occupation: and a slug, or an absolute URI; derived from the label when left out. */
  id?: string | number | null | undefined;
  /** The preferred name. */
  label: string;
  /** The group it belongs to. */
  parentId?: string | number | null | undefined;
};

/** Labels and aliases: 1 to 200 characters; at most 100 aliases; descriptions at most 4,000 characters. */
export type CreateSkillInput = {
  /** Alternative labels (at most 100), each unique like the label. */
  aliases?: Array<string> | null | undefined;
  /** What the skill is. */
  description?: string | null | undefined;
  /** skill: and a slug, or an absolute URI; derived from the label when left out. */
  id?: string | number | null | undefined;
  /** SKILL by default. */
  kind?: SkillKind | null | undefined;
  /** The preferred name, unique among active skills' labels and aliases. */
  label: string;
  /** Its broader skills (none: a root). */
  parentIds?: Array<string | number> | null | undefined;
};

/** deprecateSkill's arguments. */
export type DeprecateSkillEditInput = {
  /** The skill. */
  id: string | number;
  /** The skill to use instead, if any. */
  replacedById?: string | number | null | undefined;
};

/** mergeSkills's arguments. */
export type MergeSkillsEditInput = {
  /** The skill that goes away. */
  sourceId: string | number;
  /** The skill that stays. */
  targetId: string | number;
};

/** An occupation or a group of them. */
export type OccupationKind =
  /** A group of occupations (an ISCO group). */
  | 'GROUP'
  /** An occupation. */
  | 'OCCUPATION';

/** One skill an occupation needs. */
export type OccupationSkillInput = {
  /** Essential or optional. */
  relation: SkillRelation;
  /** The skill (active). */
  skillId: string | number;
};

/** relateSkills's arguments. */
export type RelateSkillsEditInput = {
  /** The skill the relation starts at. */
  fromId: string | number;
  /** The skill it points to. */
  toId: string | number;
  /** What the relation means. */
  type: RelationType;
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

/** addSkillAlias's or removeSkillAlias's arguments. */
export type SkillAliasEditInput = {
  /** The alias. */
  alias: string;
  /** The skill. */
  id: string | number;
};

/** One edit of a change set: set exactly one field; each takes what the mutation of the same name takes. */
export type SkillEditInput = {
  /** As addSkillAlias. */
  addSkillAlias?: SkillAliasEditInput | null | undefined;
  /** As createSkill. */
  createSkill?: CreateSkillInput | null | undefined;
  /** As deprecateSkill. */
  deprecateSkill?: DeprecateSkillEditInput | null | undefined;
  /** As mergeSkills. */
  mergeSkills?: MergeSkillsEditInput | null | undefined;
  /** As relateSkills. */
  relateSkills?: RelateSkillsEditInput | null | undefined;
  /** As removeSkillAlias. */
  removeSkillAlias?: SkillAliasEditInput | null | undefined;
  /** As setSkillParents. */
  setSkillParents?: SkillParentsEditInput | null | undefined;
  /** As unrelateSkills. */
  unrelateSkills?: UnrelateSkillsEditInput | null | undefined;
  /** As updateSkill. */
  updateSkill?: UpdateSkillEditInput | null | undefined;
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

/** setSkillParents's arguments. */
export type SkillParentsEditInput = {
  /** The skill. */
  id: string | number;
  /** Its broader skills from now on. */
  parentIds: Array<string | number>;
};

/** How an occupation needs a skill. */
export type SkillRelation =
  /** Every holder of the occupation needs it. */
  | 'ESSENTIAL'
  /** Some holders need it. */
  | 'OPTIONAL';

/** Whether a skill is in use. */
export type SkillStatus =
  /** In use: searchable and extracted. */
  | 'ACTIVE'
  /** Retired (see replacedBy); kept so old references resolve. */
  | 'DEPRECATED';

/** Whether editors have decided on a mined suggestion. */
export type SuggestionStatus =
  /** Accepted: a RELATED link with provenance MINED exists. */
  | 'ACCEPTED'
  /** Dismissed: mining keeps it closed until its support reaches reopensAtSupport. */
  | 'DISMISSED'
  /** Waiting for an editor. */
  | 'OPEN';

/** unrelateSkills's arguments. */
export type UnrelateSkillsEditInput = {
  /** One skill. */
  fromId: string | number;
  /** The other. */
  toId: string | number;
};

/** The fields updateOccupation may change; a field left out keeps its value. */
export type UpdateOccupationInput = {
  /** Replaces the whole alias list. */
  aliases?: Array<string> | null | undefined;
  /** A new description. */
  description?: string | null | undefined;
  /** A new preferred name. */
  label?: string | null | undefined;
  /** A new group; null takes it out of its group. */
  parentId?: string | number | null | undefined;
};

/** updateSkill's arguments. */
export type UpdateSkillEditInput = {
  /** The version you read; approval refuses the change set if the skill changed since. */
  expectedVersion: number;
  /** The skill. */
  id: string | number;
  /** The fields to change. */
  input: UpdateSkillInput;
};

/** The fields updateSkill may change; a field left out keeps its value. */
export type UpdateSkillInput = {
  /** Replaces the whole alias list. */
  aliases?: Array<string> | null | undefined;
  /** A new description. */
  description?: string | null | undefined;
  /** A new kind. */
  kind?: SkillKind | null | undefined;
  /** A new preferred name. */
  label?: string | null | undefined;
};

export type AppViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type AppViewerQuery = { viewer: { role: Role, actor: string | null, directEdits: Role } };

export type ChangeSetsListQueryVariables = Exact<{
  status?: ChangeSetStatus | null | undefined;
}>;


export type ChangeSetsListQuery = { changeSets: Array<{ id: string, title: string, status: ChangeSetStatus, proposedBy: string, proposedAt: string, edits: Array<{ operation: string }> }> };

export type ChangeSetsProposeMutationVariables = Exact<{
  input: ChangeSetInput;
}>;


export type ChangeSetsProposeMutation = { proposeChangeSet: { id: string } };

export type ChangeSetPageQueryVariables = Exact<{
  id: string | number;
}>;


export type ChangeSetPageQuery = { changeSet: { id: string, title: string, description: string, status: ChangeSetStatus, proposedBy: string, proposedAt: string, decidedBy: string | null, decidedAt: string | null, comments: Array<{ by: string, at: string, kind: string, text: string }>, effect: { edits: Array<{ operation: AuditOperation, subjects: Array<string>, before: unknown, after: unknown }>, problem: { code: string, message: string } | null } } | null };

export type ChangeSetCommentMutationVariables = Exact<{
  id: string | number;
  c: string;
}>;


export type ChangeSetCommentMutation = { commentOnChangeSet: { id: string } };

export type ChangeSetApproveMutationVariables = Exact<{
  id: string | number;
  c?: string | null | undefined;
}>;


export type ChangeSetApproveMutation = { approveChangeSet: { id: string } };

export type ChangeSetRejectMutationVariables = Exact<{
  id: string | number;
  r: string;
}>;


export type ChangeSetRejectMutation = { rejectChangeSet: { id: string } };

export type ChangeSetWithdrawMutationVariables = Exact<{
  id: string | number;
}>;


export type ChangeSetWithdrawMutation = { withdrawChangeSet: { id: string } };

export type CurationTallyFragment = { count: number, jobs: number, members: number, skill: { id: string, label: string }, domain: { id: string, label: string } | null };

export type CurationRelatedSkillSuggestionsQueryVariables = Exact<{ [key: string]: never; }>;


export type CurationRelatedSkillSuggestionsQuery = { relatedSkillSuggestions: Array<{ support: number, jobs: number, members: number, npmi: number, lift: number, graphSimilarity: number | null, from: { id: string, label: string }, to: { id: string, label: string }, exampleJobs: Array<{ id: string, title: string | null }> }>, rejected: Array<{ count: number, jobs: number, members: number, skill: { id: string, label: string }, domain: { id: string, label: string } | null }>, added: Array<{ count: number, jobs: number, members: number, skill: { id: string, label: string }, domain: { id: string, label: string } | null }>, flagged: Array<{ count: number, jobs: number, members: number, skill: { id: string, label: string }, domain: { id: string, label: string } | null }> };

export type CurationMineRelatedSkillsMutationVariables = Exact<{ [key: string]: never; }>;


export type CurationMineRelatedSkillsMutation = { mineRelatedSkills: { mined: number, opened: number, reopened: number } };

export type CurationAcceptRelatedSkillSuggestionMutationVariables = Exact<{
  a: string | number;
  b: string | number;
  t?: RelationType | null | undefined;
}>;


export type CurationAcceptRelatedSkillSuggestionMutation = { acceptRelatedSkillSuggestion: { status: SuggestionStatus } };

export type CurationDismissRelatedSkillSuggestionMutationVariables = Exact<{
  a: string | number;
  b: string | number;
  r?: string | null | undefined;
}>;


export type CurationDismissRelatedSkillSuggestionMutation = { dismissRelatedSkillSuggestion: { status: SuggestionStatus } };

export type OccupationPageQueryVariables = Exact<{
  id: string | number;
}>;


export type OccupationPageQuery = { occupation: { id: string, label: string, aliases: Array<string>, description: string, kind: OccupationKind, code: string | null, version: number, parent: { id: string, label: string } | null, children: Array<{ id: string, label: string }>, skills: Array<{ relation: SkillRelation, skill: { id: string, label: string } }>, history: { edges: Array<{ node: { seq: number, at: string, actor: string, operation: AuditOperation, before: unknown, after: unknown } }> } } | null };

export type OccupationSetOccupationSkillsMutationVariables = Exact<{
  id: string | number;
  v: number;
  s: Array<OccupationSkillInput> | OccupationSkillInput;
}>;


export type OccupationSetOccupationSkillsMutation = { setOccupationSkills: { id: string } };

export type OccupationUpdateMutationVariables = Exact<{
  id: string | number;
  v: number;
  input: UpdateOccupationInput;
}>;


export type OccupationUpdateMutation = { updateOccupation: { id: string } };

export type OccupationGroupSearchQueryVariables = Exact<{
  q: string;
}>;


export type OccupationGroupSearchQuery = { occupations: { edges: Array<{ node: { id: string, label: string } }> } };

export type OccupationMoveMutationVariables = Exact<{
  id: string | number;
  v: number;
  p?: string | number | null | undefined;
}>;


export type OccupationMoveMutation = { updateOccupation: { id: string } };

export type OccupationCreateOccupationMutationVariables = Exact<{
  input: CreateOccupationInput;
}>;


export type OccupationCreateOccupationMutation = { createOccupation: { id: string } };

export type ReleasesReleasesQueryVariables = Exact<{ [key: string]: never; }>;


export type ReleasesReleasesQuery = { releases: Array<{ name: string, at: string, by: string, note: string | null, skillCount: number, occupationCount: number }> };

export type ReleasesReleaseDiffQueryVariables = Exact<{
  from: string;
  to?: string | null | undefined;
}>;


export type ReleasesReleaseDiffQuery = { releaseDiff: { counts: { added: number, removed: number, renamed: number, moved: number, merged: number, deprecated: number, aliasesChanged: number, descriptionChanged: number, occupations: number }, added: Array<{ id: string, label: string }>, removed: Array<{ id: string, label: string }>, renamed: Array<{ id: string, from: string, to: string }>, moved: Array<{ id: string, label: string, from: Array<string>, to: Array<string> }>, merged: Array<{ id: string, label: string, into: string }>, deprecated: Array<{ id: string, label: string }>, aliasesChanged: Array<{ id: string, label: string }>, descriptionChanged: Array<{ id: string, label: string }> } };

export type ReleasesCreateReleaseMutationVariables = Exact<{
  n: string;
  note?: string | null | undefined;
}>;


export type ReleasesCreateReleaseMutation = { createRelease: { name: string } };

export type SearchSkillsQueryVariables = Exact<{
  q: string;
}>;


export type SearchSkillsQuery = { skills: { edges: Array<{ node: { id: string, label: string } }> } };

export type SkillPageQueryVariables = Exact<{
  id: string | number;
  usage: boolean;
}>;


export type SkillPageQuery = { skill: { id: string, label: string, aliases: Array<string>, description: string, kind: SkillKind, status: SkillStatus, version: number, replacedBy: { id: string, label: string } | null, parents: Array<{ id: string, label: string }>, children: Array<{ id: string, label: string }>, siblings: Array<{ id: string, label: string }>, related: Array<{ type: RelationType, provenance: RelationProvenance, skill: { id: string, label: string } }>, occupations: Array<{ relation: SkillRelation, occupation: { id: string, label: string } }>, usage?: { jobs: number, members: number }, history: { edges: Array<{ node: { seq: number, at: string, actor: string, operation: AuditOperation, before: unknown, after: unknown } }> } } | null };

export type SkillAddSkillAliasMutationVariables = Exact<{
  id: string | number;
  a: string;
}>;


export type SkillAddSkillAliasMutation = { addSkillAlias: { id: string } };

export type SkillRemoveAliasMutationVariables = Exact<{
  id: string | number;
  a: string;
}>;


export type SkillRemoveAliasMutation = { removeSkillAlias: { id: string } };

export type SkillRenameMutationVariables = Exact<{
  id: string | number;
  v: number;
  l: string;
}>;


export type SkillRenameMutation = { updateSkill: { id: string } };

export type SkillUpdateSkillMutationVariables = Exact<{
  id: string | number;
  v: number;
  d: string;
}>;


export type SkillUpdateSkillMutation = { updateSkill: { id: string } };

export type SkillSkillQueryVariables = Exact<{
  id: string | number;
}>;


export type SkillSkillQuery = { skill: { description: string, version: number } | null };

export type StructureSetParentsMutationVariables = Exact<{
  id: string | number;
  p: Array<string | number> | string | number;
}>;


export type StructureSetParentsMutation = { setSkillParents: { id: string } };

export type StructureUnrelateMutationVariables = Exact<{
  a: string | number;
  b: string | number;
}>;


export type StructureUnrelateMutation = { unrelateSkills: { id: string } };

export type StructureRelateMutationVariables = Exact<{
  a: string | number;
  b: string | number;
  t: RelationType;
}>;


export type StructureRelateMutation = { relateSkills: { id: string } };

export type SkillStructureSkillQueryVariables = Exact<{
  id: string | number;
}>;


export type SkillStructureSkillQuery = { skill: { id: string, label: string, aliases: Array<string> } | null };

export type StructureMergeMutationVariables = Exact<{
  s: string | number;
  t: string | number;
}>;


export type StructureMergeMutation = { mergeSkills: { id: string } };

export type StructureDeprecateMutationVariables = Exact<{
  id: string | number;
}>;


export type StructureDeprecateMutation = { deprecateSkill: { id: string } };

export type CurationUnmappedTermsQueryVariables = Exact<{
  min?: number | null | undefined;
}>;


export type CurationUnmappedTermsQuery = { unmappedTerms: { scanned: number, resolved: number, terms: Array<{ term: string, count: number, jobs: number, members: number, examples: Array<{ kind: string, id: string, snippet: string }> }> } };

export type TermsAddAliasMutationVariables = Exact<{
  id: string | number;
  a: string;
}>;


export type TermsAddAliasMutation = { addSkillAlias: { id: string } };

export type TermsCreateSkillMutationVariables = Exact<{
  input: CreateSkillInput;
}>;


export type TermsCreateSkillMutation = { createSkill: { id: string } };

export type TermsIgnoreMutationVariables = Exact<{
  t: string;
}>;


export type TermsIgnoreMutation = { ignoreUnmappedTerm: boolean };

export type TreeSkillRootsQueryVariables = Exact<{ [key: string]: never; }>;


export type TreeSkillRootsQuery = { skillRoots: Array<{ id: string, label: string }> };

export type TreeSkillQueryVariables = Exact<{
  id: string | number;
}>;


export type TreeSkillQuery = { skill: { children: Array<{ id: string, label: string }> } | null };

export type TreeOccupationRootsQueryVariables = Exact<{ [key: string]: never; }>;


export type TreeOccupationRootsQuery = { occupationRoots: Array<{ id: string, label: string }> };

export type TreeOccupationQueryVariables = Exact<{
  id: string | number;
}>;


export type TreeOccupationQuery = { occupation: { children: Array<{ id: string, label: string }> } | null };

export type CurationUnusedSkillsQueryVariables = Exact<{ [key: string]: never; }>;


export type CurationUnusedSkillsQuery = { unusedSkills: { total: number, active: number, skills: Array<{ id: string, label: string }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CurationTallyFragmentDoc = new TypedDocumentString(`
    fragment CurationTally on SkillFeedbackTally {
  skill {
    id
    label
  }
  domain {
    id
    label
  }
  count
  jobs
  members
}
    `, {"fragmentName":"CurationTally"}) as unknown as TypedDocumentString<CurationTallyFragment, unknown>;
export const AppViewerDocument = new TypedDocumentString(`
    query AppViewer {
  viewer {
    role
    actor
    directEdits
  }
}
    `) as unknown as TypedDocumentString<AppViewerQuery, AppViewerQueryVariables>;
export const ChangeSetsListDocument = new TypedDocumentString(`
    query ChangeSetsList($status: ChangeSetStatus) {
  changeSets(status: $status, first: 200) {
    id
    title
    status
    proposedBy
    proposedAt
    edits {
      operation
    }
  }
}
    `) as unknown as TypedDocumentString<ChangeSetsListQuery, ChangeSetsListQueryVariables>;
export const ChangeSetsProposeDocument = new TypedDocumentString(`
    mutation ChangeSetsPropose($input: ChangeSetInput!) {
  proposeChangeSet(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ChangeSetsProposeMutation, ChangeSetsProposeMutationVariables>;
export const ChangeSetPageDocument = new TypedDocumentString(`
    query ChangeSetPage($id: ID!) {
  changeSet(id: $id) {
    id
    title
    description
    status
    proposedBy
    proposedAt
    decidedBy
    decidedAt
    comments {
      by
      at
      kind
      text
    }
    effect {
      edits {
        operation
        subjects
        before
        after
      }
      problem {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ChangeSetPageQuery, ChangeSetPageQueryVariables>;
export const ChangeSetCommentDocument = new TypedDocumentString(`
    mutation ChangeSetComment($id: ID!, $c: String!) {
  commentOnChangeSet(id: $id, comment: $c) {
    id
  }
}
    `) as unknown as TypedDocumentString<ChangeSetCommentMutation, ChangeSetCommentMutationVariables>;
export const ChangeSetApproveDocument = new TypedDocumentString(`
    mutation ChangeSetApprove($id: ID!, $c: String) {
  approveChangeSet(id: $id, comment: $c) {
    id
  }
}
    `) as unknown as TypedDocumentString<ChangeSetApproveMutation, ChangeSetApproveMutationVariables>;
export const ChangeSetRejectDocument = new TypedDocumentString(`
    mutation ChangeSetReject($id: ID!, $r: String!) {
  rejectChangeSet(id: $id, reason: $r) {
    id
  }
}
    `) as unknown as TypedDocumentString<ChangeSetRejectMutation, ChangeSetRejectMutationVariables>;
export const ChangeSetWithdrawDocument = new TypedDocumentString(`
    mutation ChangeSetWithdraw($id: ID!) {
  withdrawChangeSet(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<ChangeSetWithdrawMutation, ChangeSetWithdrawMutationVariables>;
export const CurationRelatedSkillSuggestionsDocument = new TypedDocumentString(`
    query CurationRelatedSkillSuggestions {
  relatedSkillSuggestions(first: 100) {
    from {
      id
      label
    }
    to {
      id
      label
    }
    support
    jobs
    members
    npmi
    lift
    graphSimilarity
    exampleJobs {
      id
      title
    }
  }
  rejected: skillFeedbackSummary(decision: REJECTED, first: 50) {
    ...CurationTally
  }
  added: skillFeedbackSummary(decision: ADDED, first: 50) {
    ...CurationTally
  }
  flagged: skillFlagSummary(first: 50) {
    ...CurationTally
  }
}
    fragment CurationTally on SkillFeedbackTally {
  skill {
    id
    label
  }
  domain {
    id
    label
  }
  count
  jobs
  members
}`) as unknown as TypedDocumentString<CurationRelatedSkillSuggestionsQuery, CurationRelatedSkillSuggestionsQueryVariables>;
export const CurationMineRelatedSkillsDocument = new TypedDocumentString(`
    mutation CurationMineRelatedSkills {
  mineRelatedSkills {
    mined
    opened
    reopened
  }
}
    `) as unknown as TypedDocumentString<CurationMineRelatedSkillsMutation, CurationMineRelatedSkillsMutationVariables>;
export const CurationAcceptRelatedSkillSuggestionDocument = new TypedDocumentString(`
    mutation CurationAcceptRelatedSkillSuggestion($a: ID!, $b: ID!, $t: RelationType) {
  acceptRelatedSkillSuggestion(fromId: $a, toId: $b, type: $t) {
    status
  }
}
    `) as unknown as TypedDocumentString<CurationAcceptRelatedSkillSuggestionMutation, CurationAcceptRelatedSkillSuggestionMutationVariables>;
export const CurationDismissRelatedSkillSuggestionDocument = new TypedDocumentString(`
    mutation CurationDismissRelatedSkillSuggestion($a: ID!, $b: ID!, $r: String) {
  dismissRelatedSkillSuggestion(fromId: $a, toId: $b, reason: $r) {
    status
  }
}
    `) as unknown as TypedDocumentString<CurationDismissRelatedSkillSuggestionMutation, CurationDismissRelatedSkillSuggestionMutationVariables>;
export const OccupationPageDocument = new TypedDocumentString(`
    query OccupationPage($id: ID!) {
  occupation(id: $id) {
    id
    label
    aliases
    description
    kind
    code
    version
    parent {
      id
      label
    }
    children(first: 1000) {
      id
      label
    }
    skills(first: 1000) {
      skill {
        id
        label
      }
      relation
    }
    history(first: 20) {
      edges {
        node {
          seq
          at
          actor
          operation
          before
          after
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OccupationPageQuery, OccupationPageQueryVariables>;
export const OccupationSetOccupationSkillsDocument = new TypedDocumentString(`
    mutation OccupationSetOccupationSkills($id: ID!, $v: Int!, $s: [OccupationSkillInput!]!) {
  setOccupationSkills(id: $id, expectedVersion: $v, skills: $s) {
    id
  }
}
    `) as unknown as TypedDocumentString<OccupationSetOccupationSkillsMutation, OccupationSetOccupationSkillsMutationVariables>;
export const OccupationUpdateDocument = new TypedDocumentString(`
    mutation OccupationUpdate($id: ID!, $v: Int!, $input: UpdateOccupationInput!) {
  updateOccupation(id: $id, expectedVersion: $v, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<OccupationUpdateMutation, OccupationUpdateMutationVariables>;
export const OccupationGroupSearchDocument = new TypedDocumentString(`
    query OccupationGroupSearch($q: String!) {
  occupations(search: $q, first: 8) {
    edges {
      node {
        id
        label
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OccupationGroupSearchQuery, OccupationGroupSearchQueryVariables>;
export const OccupationMoveDocument = new TypedDocumentString(`
    mutation OccupationMove($id: ID!, $v: Int!, $p: ID) {
  updateOccupation(id: $id, expectedVersion: $v, input: {parentId: $p}) {
    id
  }
}
    `) as unknown as TypedDocumentString<OccupationMoveMutation, OccupationMoveMutationVariables>;
export const OccupationCreateOccupationDocument = new TypedDocumentString(`
    mutation OccupationCreateOccupation($input: CreateOccupationInput!) {
  createOccupation(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<OccupationCreateOccupationMutation, OccupationCreateOccupationMutationVariables>;
export const ReleasesReleasesDocument = new TypedDocumentString(`
    query ReleasesReleases {
  releases {
    name
    at
    by
    note
    skillCount
    occupationCount
  }
}
    `) as unknown as TypedDocumentString<ReleasesReleasesQuery, ReleasesReleasesQueryVariables>;
export const ReleasesReleaseDiffDocument = new TypedDocumentString(`
    query ReleasesReleaseDiff($from: String!, $to: String) {
  releaseDiff(from: $from, to: $to) {
    counts {
      added
      removed
      renamed
      moved
      merged
      deprecated
      aliasesChanged
      descriptionChanged
      occupations
    }
    added {
      id
      label
    }
    removed {
      id
      label
    }
    renamed {
      id
      from
      to
    }
    moved {
      id
      label
      from
      to
    }
    merged {
      id
      label
      into
    }
    deprecated {
      id
      label
    }
    aliasesChanged {
      id
      label
    }
    descriptionChanged {
      id
      label
    }
  }
}
    `) as unknown as TypedDocumentString<ReleasesReleaseDiffQuery, ReleasesReleaseDiffQueryVariables>;
export const ReleasesCreateReleaseDocument = new TypedDocumentString(`
    mutation ReleasesCreateRelease($n: String!, $note: String) {
  createRelease(name: $n, note: $note) {
    name
  }
}
    `) as unknown as TypedDocumentString<ReleasesCreateReleaseMutation, ReleasesCreateReleaseMutationVariables>;
export const SearchSkillsDocument = new TypedDocumentString(`
    query SearchSkills($q: String!) {
  skills(search: $q, first: 8) {
    edges {
      node {
        id
        label
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchSkillsQuery, SearchSkillsQueryVariables>;
export const SkillPageDocument = new TypedDocumentString(`
    query SkillPage($id: ID!, $usage: Boolean!) {
  skill(id: $id) {
    id
    label
    aliases
    description
    kind
    status
    version
    replacedBy {
      id
      label
    }
    parents {
      id
      label
    }
    children(first: 200) {
      id
      label
    }
    siblings(first: 200) {
      id
      label
    }
    related {
      skill {
        id
        label
      }
      type
      provenance
    }
    occupations(first: 200) {
      occupation {
        id
        label
      }
      relation
    }
    usage @include(if: $usage) {
      jobs
      members
    }
    history(first: 20) {
      edges {
        node {
          seq
          at
          actor
          operation
          before
          after
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SkillPageQuery, SkillPageQueryVariables>;
export const SkillAddSkillAliasDocument = new TypedDocumentString(`
    mutation SkillAddSkillAlias($id: ID!, $a: String!) {
  addSkillAlias(id: $id, alias: $a) {
    id
  }
}
    `) as unknown as TypedDocumentString<SkillAddSkillAliasMutation, SkillAddSkillAliasMutationVariables>;
export const SkillRemoveAliasDocument = new TypedDocumentString(`
    mutation SkillRemoveAlias($id: ID!, $a: String!) {
  removeSkillAlias(id: $id, alias: $a) {
    id
  }
}
    `) as unknown as TypedDocumentString<SkillRemoveAliasMutation, SkillRemoveAliasMutationVariables>;
export const SkillRenameDocument = new TypedDocumentString(`
    mutation SkillRename($id: ID!, $v: Int!, $l: String!) {
  updateSkill(id: $id, expectedVersion: $v, input: {label: $l}) {
    id
  }
}
    `) as unknown as TypedDocumentString<SkillRenameMutation, SkillRenameMutationVariables>;
export const SkillUpdateSkillDocument = new TypedDocumentString(`
    mutation SkillUpdateSkill($id: ID!, $v: Int!, $d: String!) {
  updateSkill(id: $id, expectedVersion: $v, input: {description: $d}) {
    id
  }
}
    `) as unknown as TypedDocumentString<SkillUpdateSkillMutation, SkillUpdateSkillMutationVariables>;
export const SkillSkillDocument = new TypedDocumentString(`
    query SkillSkill($id: ID!) {
  skill(id: $id) {
    description
    version
  }
}
    `) as unknown as TypedDocumentString<SkillSkillQuery, SkillSkillQueryVariables>;
export const StructureSetParentsDocument = new TypedDocumentString(`
    mutation StructureSetParents($id: ID!, $p: [ID!]!) {
  setSkillParents(id: $id, parentIds: $p) {
    id
  }
}
    `) as unknown as TypedDocumentString<StructureSetParentsMutation, StructureSetParentsMutationVariables>;
export const StructureUnrelateDocument = new TypedDocumentString(`
    mutation StructureUnrelate($a: ID!, $b: ID!) {
  unrelateSkills(fromId: $a, toId: $b) {
    id
  }
}
    `) as unknown as TypedDocumentString<StructureUnrelateMutation, StructureUnrelateMutationVariables>;
export const StructureRelateDocument = new TypedDocumentString(`
    mutation StructureRelate($a: ID!, $b: ID!, $t: RelationType!) {
  relateSkills(fromId: $a, toId: $b, type: $t) {
    id
  }
}
    `) as unknown as TypedDocumentString<StructureRelateMutation, StructureRelateMutationVariables>;
export const SkillStructureSkillDocument = new TypedDocumentString(`
    query SkillStructureSkill($id: ID!) {
  skill(id: $id) {
    id
    label
    aliases
  }
}
    `) as unknown as TypedDocumentString<SkillStructureSkillQuery, SkillStructureSkillQueryVariables>;
export const StructureMergeDocument = new TypedDocumentString(`
    mutation StructureMerge($s: ID!, $t: ID!) {
  mergeSkills(sourceId: $s, targetId: $t) {
    id
  }
}
    `) as unknown as TypedDocumentString<StructureMergeMutation, StructureMergeMutationVariables>;
export const StructureDeprecateDocument = new TypedDocumentString(`
    mutation StructureDeprecate($id: ID!) {
  deprecateSkill(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<StructureDeprecateMutation, StructureDeprecateMutationVariables>;
export const CurationUnmappedTermsDocument = new TypedDocumentString(`
    query CurationUnmappedTerms($min: Int) {
  unmappedTerms(first: 100, minCount: $min) {
    scanned
    resolved
    terms {
      term
      count
      jobs
      members
      examples {
        kind
        id
        snippet
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CurationUnmappedTermsQuery, CurationUnmappedTermsQueryVariables>;
export const TermsAddAliasDocument = new TypedDocumentString(`
    mutation TermsAddAlias($id: ID!, $a: String!) {
  addSkillAlias(id: $id, alias: $a) {
    id
  }
}
    `) as unknown as TypedDocumentString<TermsAddAliasMutation, TermsAddAliasMutationVariables>;
export const TermsCreateSkillDocument = new TypedDocumentString(`
    mutation TermsCreateSkill($input: CreateSkillInput!) {
  createSkill(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<TermsCreateSkillMutation, TermsCreateSkillMutationVariables>;
export const TermsIgnoreDocument = new TypedDocumentString(`
    mutation TermsIgnore($t: String!) {
  ignoreUnmappedTerm(term: $t)
}
    `) as unknown as TypedDocumentString<TermsIgnoreMutation, TermsIgnoreMutationVariables>;
export const TreeSkillRootsDocument = new TypedDocumentString(`
    query TreeSkillRoots {
  skillRoots {
    id
    label
  }
}
    `) as unknown as TypedDocumentString<TreeSkillRootsQuery, TreeSkillRootsQueryVariables>;
export const TreeSkillDocument = new TypedDocumentString(`
    query TreeSkill($id: ID!) {
  skill(id: $id) {
    children(first: 1000) {
      id
      label
    }
  }
}
    `) as unknown as TypedDocumentString<TreeSkillQuery, TreeSkillQueryVariables>;
export const TreeOccupationRootsDocument = new TypedDocumentString(`
    query TreeOccupationRoots {
  occupationRoots {
    id
    label
  }
}
    `) as unknown as TypedDocumentString<TreeOccupationRootsQuery, TreeOccupationRootsQueryVariables>;
export const TreeOccupationDocument = new TypedDocumentString(`
    query TreeOccupation($id: ID!) {
  occupation(id: $id) {
    children(first: 1000) {
      id
      label
    }
  }
}
    `) as unknown as TypedDocumentString<TreeOccupationQuery, TreeOccupationQueryVariables>;
export const CurationUnusedSkillsDocument = new TypedDocumentString(`
    query CurationUnusedSkills {
  unusedSkills(first: 200) {
    total
    active
    skills {
      id
      label
    }
  }
}
    `) as unknown as TypedDocumentString<CurationUnusedSkillsQuery, CurationUnusedSkillsQueryVariables>;