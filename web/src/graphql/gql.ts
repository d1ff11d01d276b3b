/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n          query AppViewer {\n            viewer {\n              role\n              actor\n              directEdits\n            }\n          }\n        ": typeof types.AppViewerDocument,
    "\n  query ChangeSetsList($status: ChangeSetStatus) {\n    changeSets(status: $status, first: 200) {\n      id\n      title\n      status\n      proposedBy\n      proposedAt\n      edits {\n        operation\n      }\n    }\n  }\n": typeof types.ChangeSetsListDocument,
    "\n  mutation ChangeSetsPropose($input: ChangeSetInput!) {\n    proposeChangeSet(input: $input) {\n      id\n    }\n  }\n": typeof types.ChangeSetsProposeDocument,
    "\n  query ChangeSetPage($id: ID!) {\n    changeSet(id: $id) {\n      id\n      title\n      description\n      status\n      proposedBy\n      proposedAt\n      decidedBy\n      decidedAt\n      comments {\n        by\n        at\n        kind\n        text\n      }\n      effect {\n        edits {\n          operation\n          subjects\n          before\n          after\n        }\n        problem {\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.ChangeSetPageDocument,
    "\n      mutation ChangeSetComment($id: ID!, $c: String!) {\n        commentOnChangeSet(id: $id, comment: $c) {\n          id\n        }\n      }\n    ": typeof types.ChangeSetCommentDocument,
    "\n      mutation ChangeSetApprove($id: ID!, $c: String) {\n        approveChangeSet(id: $id, comment: $c) {\n          id\n        }\n      }\n    ": typeof types.ChangeSetApproveDocument,
    "\n      mutation ChangeSetReject($id: ID!, $r: String!) {\n        rejectChangeSet(id: $id, reason: $r) {\n          id\n        }\n      }\n    ": typeof types.ChangeSetRejectDocument,
    "\n      mutation ChangeSetWithdraw($id: ID!) {\n        withdrawChangeSet(id: $id) {\n          id\n        }\n      }\n    ": typeof types.ChangeSetWithdrawDocument,
    "\n  fragment CurationTally on SkillFeedbackTally {\n    skill {\n      id\n      label\n    }\n    domain {\n      id\n      label\n    }\n    count\n    jobs\n    members\n  }\n": typeof types.CurationTallyFragmentDoc,
    "\n        query CurationRelatedSkillSuggestions {\n          relatedSkillSuggestions(first: 100) {\n            from {\n              id\n              label\n            }\n            to {\n              id\n              label\n            }\n            support\n            jobs\n            members\n            npmi\n            lift\n            graphSimilarity\n            exampleJobs {\n              id\n              title\n            }\n          }\n          rejected: skillFeedbackSummary(decision: REJECTED, first: 50) {\n            ...CurationTally\n          }\n          added: skillFeedbackSummary(decision: ADDED, first: 50) {\n            ...CurationTally\n          }\n          flagged: skillFlagSummary(first: 50) {\n            ...CurationTally\n          }\n        }\n      ": typeof types.CurationRelatedSkillSuggestionsDocument,
    "\n          mutation CurationMineRelatedSkills {\n            mineRelatedSkills {\n              mined\n              opened\n              reopened\n            }\n          }\n        ": typeof types.CurationMineRelatedSkillsDocument,
    "\n                          mutation CurationAcceptRelatedSkillSuggestion($a: ID!, $b: ID!, $t: RelationType) {\n                            acceptRelatedSkillSuggestion(fromId: $a, toId: $b, type: $t) {\n                              status\n                            }\n                          }\n                        ": typeof types.CurationAcceptRelatedSkillSuggestionDocument,
    "\n                          mutation CurationDismissRelatedSkillSuggestion($a: ID!, $b: ID!, $r: String) {\n                            dismissRelatedSkillSuggestion(fromId: $a, toId: $b, reason: $r) {\n                              status\n                            }\n                          }\n                        ": typeof types.CurationDismissRelatedSkillSuggestionDocument,
    "\n  query OccupationPage($id: ID!) {\n    occupation(id: $id) {\n      id\n      label\n      aliases\n      description\n      kind\n      code\n      version\n      parent {\n        id\n        label\n      }\n      children(first: 1000) {\n        id\n        label\n      }\n      skills(first: 1000) {\n        skill {\n          id\n          label\n        }\n        relation\n      }\n      history(first: 20) {\n        edges {\n          node {\n            seq\n            at\n            actor\n            operation\n            before\n            after\n          }\n        }\n      }\n    }\n  }\n": typeof types.OccupationPageDocument,
    "\n          mutation OccupationSetOccupationSkills($id: ID!, $v: Int!, $s: [OccupationSkillInput!]!) {\n            setOccupationSkills(id: $id, expectedVersion: $v, skills: $s) {\n              id\n            }\n          }\n        ": typeof types.OccupationSetOccupationSkillsDocument,
    "\n          mutation OccupationUpdate($id: ID!, $v: Int!, $input: UpdateOccupationInput!) {\n            updateOccupation(id: $id, expectedVersion: $v, input: $input) {\n              id\n            }\n          }\n        ": typeof types.OccupationUpdateDocument,
    "\n          query OccupationGroupSearch($q: String!) {\n            occupations(search: $q, first: 8) {\n              edges {\n                node {\n                  id\n                  label\n                }\n              }\n            }\n          }\n        ": typeof types.OccupationGroupSearchDocument,
    "\n          mutation OccupationMove($id: ID!, $v: Int!, $p: ID) {\n            updateOccupation(id: $id, expectedVersion: $v, input: { parentId: $p }) {\n              id\n            }\n          }\n        ": typeof types.OccupationMoveDocument,
    "\n          mutation OccupationCreateOccupation($input: CreateOccupationInput!) {\n            createOccupation(input: $input) {\n              id\n            }\n          }\n        ": typeof types.OccupationCreateOccupationDocument,
    "\n        query ReleasesReleases {\n          releases {\n            name\n            at\n            by\n            note\n            skillCount\n            occupationCount\n          }\n        }\n      ": typeof types.ReleasesReleasesDocument,
    "\n          query ReleasesReleaseDiff($from: String!, $to: String) {\n            releaseDiff(from: $from, to: $to) {\n              counts {\n                added\n                removed\n                renamed\n                moved\n                merged\n                deprecated\n                aliasesChanged\n                descriptionChanged\n                occupations\n              }\n              added {\n                id\n                label\n              }\n              removed {\n                id\n                label\n              }\n              renamed {\n                id\n                from\n                to\n              }\n              moved {\n                id\n                label\n                from\n                to\n              }\n              merged {\n                id\n                label\n                into\n              }\n              deprecated {\n                id\n                label\n              }\n              aliasesChanged {\n                id\n                label\n              }\n              descriptionChanged {\n                id\n                label\n              }\n            }\n          }\n        ": typeof types.ReleasesReleaseDiffDocument,
    "\n          mutation ReleasesCreateRelease($n: String!, $note: String) {\n            createRelease(name: $n, note: $note) {\n              name\n            }\n          }\n        ": typeof types.ReleasesCreateReleaseDocument,
    "\n          query SearchSkills($q: String!) {\n            skills(search: $q, first: 8) {\n              edges {\n                node {\n                  id\n                  label\n                }\n              }\n            }\n          }\n        ": typeof types.SearchSkillsDocument,
    "\n  query SkillPage($id: ID!, $usage: Boolean!) {\n    skill(id: $id) {\n      id\n      label\n      aliases\n      description\n      kind\n      status\n      version\n      replacedBy {\n        id\n        label\n      }\n      parents {\n        id\n        label\n      }\n      children(first: 200) {\n        id\n        label\n      }\n      siblings(first: 200) {\n        id\n        label\n      }\n      related {\n        skill {\n          id\n          label\n        }\n        type\n        provenance\n      }\n      occupations(first: 200) {\n        occupation {\n          id\n          label\n        }\n        relation\n      }\n      usage @include(if: $usage) {\n        jobs\n        members\n      }\n      history(first: 20) {\n        edges {\n          node {\n            seq\n            at\n            actor\n            operation\n            before\n            after\n          }\n        }\n      }\n    }\n  }\n": typeof types.SkillPageDocument,
    "\n            mutation SkillAddSkillAlias($id: ID!, $a: String!) {\n              addSkillAlias(id: $id, alias: $a) {\n                id\n              }\n            }\n          ": typeof types.SkillAddSkillAliasDocument,
    "\n              mutation SkillRemoveAlias($id: ID!, $a: String!) {\n                removeSkillAlias(id: $id, alias: $a) {\n                  id\n                }\n              }\n            ": typeof types.SkillRemoveAliasDocument,
    "\n            mutation SkillRename($id: ID!, $v: Int!, $l: String!) {\n              updateSkill(id: $id, expectedVersion: $v, input: { label: $l }) {\n                id\n              }\n            }\n          ": typeof types.SkillRenameDocument,
    "\n            mutation SkillUpdateSkill($id: ID!, $v: Int!, $d: String!) {\n              updateSkill(id: $id, expectedVersion: $v, input: { description: $d }) {\n                id\n              }\n            }\n          ": typeof types.SkillUpdateSkillDocument,
    "\n            query SkillSkill($id: ID!) {\n              skill(id: $id) {\n                description\n                version\n              }\n            }\n          ": typeof types.SkillSkillDocument,
    "\n        mutation StructureSetParents($id: ID!, $p: [ID!]!) {\n          setSkillParents(id: $id, parentIds: $p) {\n            id\n          }\n        }\n      ": typeof types.StructureSetParentsDocument,
    "\n                        mutation StructureUnrelate($a: ID!, $b: ID!) {\n                          unrelateSkills(fromId: $a, toId: $b) {\n                            id\n                          }\n                        }\n                      ": typeof types.StructureUnrelateDocument,
    "\n                  mutation StructureRelate($a: ID!, $b: ID!, $t: RelationType!) {\n                    relateSkills(fromId: $a, toId: $b, type: $t) {\n                      id\n                    }\n                  }\n                ": typeof types.StructureRelateDocument,
    "\n        query SkillStructureSkill($id: ID!) {\n          skill(id: $id) {\n            id\n            label\n            aliases\n          }\n        }\n      ": typeof types.SkillStructureSkillDocument,
    "\n                  mutation StructureMerge($s: ID!, $t: ID!) {\n                    mergeSkills(sourceId: $s, targetId: $t) {\n                      id\n                    }\n                  }\n                ": typeof types.StructureMergeDocument,
    "\n                mutation StructureDeprecate($id: ID!) {\n                  deprecateSkill(id: $id) {\n                    id\n                  }\n                }\n              ": typeof types.StructureDeprecateDocument,
    "\n  query CurationUnmappedTerms($min: Int) {\n    unmappedTerms(first: 100, minCount: $min) {\n      scanned\n      resolved\n      terms {\n        term\n        count\n        jobs\n        members\n        examples {\n          kind\n          id\n          snippet\n        }\n      }\n    }\n  }\n": typeof types.CurationUnmappedTermsDocument,
    "\n            mutation TermsAddAlias($id: ID!, $a: String!) {\n              addSkillAlias(id: $id, alias: $a) {\n                id\n              }\n            }\n          ": typeof types.TermsAddAliasDocument,
    "\n            mutation TermsCreateSkill($input: CreateSkillInput!) {\n              createSkill(input: $input) {\n                id\n              }\n            }\n          ": typeof types.TermsCreateSkillDocument,
    "\n          mutation TermsIgnore($t: String!) {\n            ignoreUnmappedTerm(term: $t)\n          }\n        ": typeof types.TermsIgnoreDocument,
    "\n          query TreeSkillRoots {\n            skillRoots {\n              id\n              label\n            }\n          }\n        ": typeof types.TreeSkillRootsDocument,
    "\n          query TreeSkill($id: ID!) {\n            skill(id: $id) {\n              children(first: 1000) {\n                id\n                label\n              }\n            }\n          }\n        ": typeof types.TreeSkillDocument,
    "\n          query TreeOccupationRoots {\n            occupationRoots {\n              id\n              label\n            }\n          }\n        ": typeof types.TreeOccupationRootsDocument,
    "\n          query TreeOccupation($id: ID!) {\n            occupation(id: $id) {\n              children(first: 1000) {\n                id\n                label\n              }\n            }\n          }\n        ": typeof types.TreeOccupationDocument,
    "\n  query CurationUnusedSkills {\n    unusedSkills(first: 200) {\n      total\n      active\n      skills {\n        id\n        label\n      }\n    }\n  }\n": typeof types.CurationUnusedSkillsDocument,
};
const documents: Documents = {
    "\n          query AppViewer {\n            viewer {\n              role\n              actor\n              directEdits\n            }\n          }\n        ": types.AppViewerDocument,
    "\n  query ChangeSetsList($status: ChangeSetStatus) {\n    changeSets(status: $status, first: 200) {\n      id\n      title\n      status\n      proposedBy\n      proposedAt\n      edits {\n        operation\n      }\n    }\n  }\n": types.ChangeSetsListDocument,
    "\n  mutation ChangeSetsPropose($input: ChangeSetInput!) {\n    proposeChangeSet(input: $input) {\n      id\n    }\n  }\n": types.ChangeSetsProposeDocument,
    "\n  query ChangeSetPage($id: ID!) {\n    changeSet(id: $id) {\n      id\n      title\n      description\n      status\n      proposedBy\n      proposedAt\n      decidedBy\n      decidedAt\n      comments {\n        by\n        at\n        kind\n        text\n      }\n      effect {\n        edits {\n          operation\n          subjects\n          before\n          after\n        }\n        problem {\n          code\n          message\n        }\n      }\n    }\n  }\n": types.ChangeSetPageDocument,
    "\n      mutation ChangeSetComment($id: ID!, $c: String!) {\n        commentOnChangeSet(id: $id, comment: $c) {\n          id\n        }\n      }\n    ": types.ChangeSetCommentDocument,
    "\n      mutation ChangeSetApprove($id: ID!, $c: String) {\n        approveChangeSet(id: $id, comment: $c) {\n          id\n        }\n      }\n    ": types.ChangeSetApproveDocument,
    "\n      mutation ChangeSetReject($id: ID!, $r: String!) {\n        rejectChangeSet(id: $id, reason: $r) {\n          id\n        }\n      }\n    ": types.ChangeSetRejectDocument,
    "\n      mutation ChangeSetWithdraw($id: ID!) {\n        withdrawChangeSet(id: $id) {\n          id\n        }\n      }\n    ": types.ChangeSetWithdrawDocument,
    "\n  fragment CurationTally on SkillFeedbackTally {\n    skill {\n      id\n      label\n    }\n    domain {\n      id\n      label\n    }\n    count\n    jobs\n    members\n  }\n": types.CurationTallyFragmentDoc,
    "\n        query CurationRelatedSkillSuggestions {\n          relatedSkillSuggestions(first: 100) {\n            from {\n              id\n              label\n            }\n            to {\n              id\n              label\n            }\n            support\n            jobs\n            members\n            npmi\n            lift\n            graphSimilarity\n            exampleJobs {\n              id\n              title\n            }\n          }\n          rejected: skillFeedbackSummary(decision: REJECTED, first: 50) {\n            ...CurationTally\n          }\n          added: skillFeedbackSummary(decision: ADDED, first: 50) {\n            ...CurationTally\n          }\n          flagged: skillFlagSummary(first: 50) {\n            ...CurationTally\n          }\n        }\n      ": types.CurationRelatedSkillSuggestionsDocument,
    "\n          mutation CurationMineRelatedSkills {\n            mineRelatedSkills {\n              mined\n              opened\n              reopened\n            }\n          }\n        ": types.CurationMineRelatedSkillsDocument,
    "\n                          mutation CurationAcceptRelatedSkillSuggestion($a: ID!, $b: ID!, $t: RelationType) {\n                            acceptRelatedSkillSuggestion(fromId: $a, toId: $b, type: $t) {\n                              status\n                            }\n                          }\n                        ": types.CurationAcceptRelatedSkillSuggestionDocument,
    "\n                          mutation CurationDismissRelatedSkillSuggestion($a: ID!, $b: ID!, $r: String) {\n                            dismissRelatedSkillSuggestion(fromId: $a, toId: $b, reason: $r) {\n                              status\n                            }\n                          }\n                        ": types.CurationDismissRelatedSkillSuggestionDocument,
    "\n  query OccupationPage($id: ID!) {\n    occupation(id: $id) {\n      id\n      label\n      aliases\n      description\n      kind\n      code\n      version\n      parent {\n        id\n        label\n      }\n      children(first: 1000) {\n        id\n        label\n      }\n      skills(first: 1000) {\n        skill {\n          id\n          label\n        }\n        relation\n      }\n      history(first: 20) {\n        edges {\n          node {\n            seq\n            at\n            actor\n            operation\n            before\n            after\n          }\n        }\n      }\n    }\n  }\n": types.OccupationPageDocument,
    "\n          mutation OccupationSetOccupationSkills($id: ID!, $v: Int!, $s: [OccupationSkillInput!]!) {\n            setOccupationSkills(id: $id, expectedVersion: $v, skills: $s) {\n              id\n            }\n          }\n        ": types.OccupationSetOccupationSkillsDocument,
    "\n          mutation OccupationUpdate($id: ID!, $v: Int!, $input: UpdateOccupationInput!) {\n            updateOccupation(id: $id, expectedVersion: $v, input: $input) {\n              id\n            }\n          }\n        ": types.OccupationUpdateDocument,
    "\n          query OccupationGroupSearch($q: String!) {\n            occupations(search: $q, first: 8) {\n              edges {\n                node {\n                  id\n                  label\n                }\n              }\n            }\n          }\n        ": types.OccupationGroupSearchDocument,
    "\n          mutation OccupationMove($id: ID!, $v: Int!, $p: ID) {\n            updateOccupation(id: $id, expectedVersion: $v, input: { parentId: $p }) {\n              id\n            }\n          }\n        ": types.OccupationMoveDocument,
    "\n          mutation OccupationCreateOccupation($input: CreateOccupationInput!) {\n            createOccupation(input: $input) {\n              id\n            }\n          }\n        ": types.OccupationCreateOccupationDocument,
    "\n        query ReleasesReleases {\n          releases {\n            name\n            at\n            by\n            note\n            skillCount\n            occupationCount\n          }\n        }\n      ": types.ReleasesReleasesDocument,
    "\n          query ReleasesReleaseDiff($from: String!, $to: String) {\n            releaseDiff(from: $from, to: $to) {\n              counts {\n                added\n                removed\n                renamed\n                moved\n                merged\n                deprecated\n                aliasesChanged\n                descriptionChanged\n                occupations\n              }\n              added {\n                id\n                label\n              }\n              removed {\n                id\n                label\n              }\n              renamed {\n                id\n                from\n                to\n              }\n              moved {\n                id\n                label\n                from\n                to\n              }\n              merged {\n                id\n                label\n                into\n              }\n              deprecated {\n                id\n                label\n              }\n              aliasesChanged {\n                id\n                label\n              }\n              descriptionChanged {\n                id\n                label\n              }\n            }\n          }\n        ": types.ReleasesReleaseDiffDocument,
    "\n          mutation ReleasesCreateRelease($n: String!, $note: String) {\n            createRelease(name: $n, note: $note) {\n              name\n            }\n          }\n        ": types.ReleasesCreateReleaseDocument,
    "\n          query SearchSkills($q: String!) {\n            skills(search: $q, first: 8) {\n              edges {\n                node {\n                  id\n                  label\n                }\n              }\n            }\n          }\n        ": types.SearchSkillsDocument,
    "\n  query SkillPage($id: ID!, $usage: Boolean!) {\n    skill(id: $id) {\n      id\n      label\n      aliases\n      description\n      kind\n      status\n      version\n      replacedBy {\n        id\n        label\n      }\n      parents {\n        id\n        label\n      }\n      children(first: 200) {\n        id\n        label\n      }\n      siblings(first: 200) {\n        id\n        label\n      }\n      related {\n        skill {\n          id\n          label\n        }\n        type\n        provenance\n      }\n      occupations(first: 200) {\n        occupation {\n          id\n          label\n        }\n        relation\n      }\n      usage @include(if: $usage) {\n        jobs\n        members\n      }\n      history(first: 20) {\n        edges {\n          node {\n            seq\n            at\n            actor\n            operation\n            before\n            after\n          }\n        }\n      }\n    }\n  }\n": types.SkillPageDocument,
    "\n            mutation SkillAddSkillAlias($id: ID!, $a: String!) {\n              addSkillAlias(id: $id, alias: $a) {\n                id\n              }\n            }\n          ": types.SkillAddSkillAliasDocument,
    "\n              mutation SkillRemoveAlias($id: ID!, $a: String!) {\n                removeSkillAlias(id: $id, alias: $a) {\n                  id\n                }\n              }\n            ": types.SkillRemoveAliasDocument,
    "\n            mutation SkillRename($id: ID!, $v: Int!, $l: String!) {\n              updateSkill(id: $id, expectedVersion: $v, input: { label: $l }) {\n                id\n              }\n            }\n          ": types.SkillRenameDocument,
    "\n            mutation SkillUpdateSkill($id: ID!, $v: Int!, $d: String!) {\n              updateSkill(id: $id, expectedVersion: $v, input: { description: $d }) {\n                id\n              }\n            }\n          ": types.SkillUpdateSkillDocument,
    "\n            query SkillSkill($id: ID!) {\n              skill(id: $id) {\n                description\n                version\n              }\n            }\n          ": types.SkillSkillDocument,
    "\n        mutation StructureSetParents($id: ID!, $p: [ID!]!) {\n          setSkillParents(id: $id, parentIds: $p) {\n            id\n          }\n        }\n      ": types.StructureSetParentsDocument,
    "\n                        mutation StructureUnrelate($a: ID!, $b: ID!) {\n                          unrelateSkills(fromId: $a, toId: $b) {\n                            id\n                          }\n                        }\n                      ": types.StructureUnrelateDocument,
    "\n                  mutation StructureRelate($a: ID!, $b: ID!, $t: RelationType!) {\n                    relateSkills(fromId: $a, toId: $b, type: $t) {\n                      id\n                    }\n                  }\n                ": types.StructureRelateDocument,
    "\n        query SkillStructureSkill($id: ID!) {\n          skill(id: $id) {\n            id\n            label\n            aliases\n          }\n        }\n      ": types.SkillStructureSkillDocument,
    "\n                  mutation StructureMerge($s: ID!, $t: ID!) {\n                    mergeSkills(sourceId: $s, targetId: $t) {\n                      id\n                    }\n                  }\n                ": types.StructureMergeDocument,
    "\n                mutation StructureDeprecate($id: ID!) {\n                  deprecateSkill(id: $id) {\n                    id\n                  }\n                }\n              ": types.StructureDeprecateDocument,
    "\n  query CurationUnmappedTerms($min: Int) {\n    unmappedTerms(first: 100, minCount: $min) {\n      scanned\n      resolved\n      terms {\n        term\n        count\n        jobs\n        members\n        examples {\n          kind\n          id\n          snippet\n        }\n      }\n    }\n  }\n": types.CurationUnmappedTermsDocument,
    "\n            mutation TermsAddAlias($id: ID!, $a: String!) {\n              addSkillAlias(id: $id, alias: $a) {\n                id\n              }\n            }\n          ": types.TermsAddAliasDocument,
    "\n            mutation TermsCreateSkill($input: CreateSkillInput!) {\n              createSkill(input: $input) {\n                id\n              }\n            }\n          ": types.TermsCreateSkillDocument,
    "\n          mutation TermsIgnore($t: String!) {\n            ignoreUnmappedTerm(term: $t)\n          }\n        ": types.TermsIgnoreDocument,
    "\n          query TreeSkillRoots {\n            skillRoots {\n              id\n              label\n            }\n          }\n        ": types.TreeSkillRootsDocument,
    "\n          query TreeSkill($id: ID!) {\n            skill(id: $id) {\n              children(first: 1000) {\n                id\n                label\n              }\n            }\n          }\n        ": types.TreeSkillDocument,
    "\n          query TreeOccupationRoots {\n            occupationRoots {\n              id\n              label\n            }\n          }\n        ": types.TreeOccupationRootsDocument,
    "\n          query TreeOccupation($id: ID!) {\n            occupation(id: $id) {\n              children(first: 1000) {\n                id\n                label\n              }\n            }\n          }\n        ": types.TreeOccupationDocument,
    "\n  query CurationUnusedSkills {\n    unusedSkills(first: 200) {\n      total\n      active\n      skills {\n        id\n        label\n      }\n    }\n  }\n": types.CurationUnusedSkillsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AppViewer {\n            viewer {\n              role\n              actor\n              directEdits\n            }\n          }\n        "): typeof import('./graphql').AppViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChangeSetsList($status: ChangeSetStatus) {\n    changeSets(status: $status, first: 200) {\n      id\n      title\n      status\n      proposedBy\n      proposedAt\n      edits {\n        operation\n      }\n    }\n  }\n"): typeof import('./graphql').ChangeSetsListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeSetsPropose($input: ChangeSetInput!) {\n    proposeChangeSet(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').ChangeSetsProposeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChangeSetPage($id: ID!) {\n    changeSet(id: $id) {\n      id\n      title\n      description\n      status\n      proposedBy\n      proposedAt\n      decidedBy\n      decidedAt\n      comments {\n        by\n        at\n        kind\n        text\n      }\n      effect {\n        edits {\n          operation\n          subjects\n          before\n          after\n        }\n        problem {\n          code\n          message\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ChangeSetPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation ChangeSetComment($id: ID!, $c: String!) {\n        commentOnChangeSet(id: $id, comment: $c) {\n          id\n        }\n      }\n    "): typeof import('./graphql').ChangeSetCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation ChangeSetApprove($id: ID!, $c: String) {\n        approveChangeSet(id: $id, comment: $c) {\n          id\n        }\n      }\n    "): typeof import('./graphql').ChangeSetApproveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation ChangeSetReject($id: ID!, $r: String!) {\n        rejectChangeSet(id: $id, reason: $r) {\n          id\n        }\n      }\n    "): typeof import('./graphql').ChangeSetRejectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation ChangeSetWithdraw($id: ID!) {\n        withdrawChangeSet(id: $id) {\n          id\n        }\n      }\n    "): typeof import('./graphql').ChangeSetWithdrawDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CurationTally on SkillFeedbackTally {\n    skill {\n      id\n      label\n    }\n    domain {\n      id\n      label\n    }\n    count\n    jobs\n    members\n  }\n"): typeof import('./graphql').CurationTallyFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query CurationRelatedSkillSuggestions {\n          relatedSkillSuggestions(first: 100) {\n            from {\n              id\n              label\n            }\n            to {\n              id\n              label\n            }\n            support\n            jobs\n            members\n            npmi\n            lift\n            graphSimilarity\n            exampleJobs {\n              id\n              title\n            }\n          }\n          rejected: skillFeedbackSummary(decision: REJECTED, first: 50) {\n            ...CurationTally\n          }\n          added: skillFeedbackSummary(decision: ADDED, first: 50) {\n            ...CurationTally\n          }\n          flagged: skillFlagSummary(first: 50) {\n            ...CurationTally\n          }\n        }\n      "): typeof import('./graphql').CurationRelatedSkillSuggestionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation CurationMineRelatedSkills {\n            mineRelatedSkills {\n              mined\n              opened\n              reopened\n            }\n          }\n        "): typeof import('./graphql').CurationMineRelatedSkillsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n                          mutation CurationAcceptRelatedSkillSuggestion($a: ID!, $b: ID!, $t: RelationType) {\n                            acceptRelatedSkillSuggestion(fromId: $a, toId: $b, type: $t) {\n                              status\n                            }\n                          }\n                        "): typeof import('./graphql').CurationAcceptRelatedSkillSuggestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n                          mutation CurationDismissRelatedSkillSuggestion($a: ID!, $b: ID!, $r: String) {\n                            dismissRelatedSkillSuggestion(fromId: $a, toId: $b, reason: $r) {\n                              status\n                            }\n                          }\n                        "): typeof import('./graphql').CurationDismissRelatedSkillSuggestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OccupationPage($id: ID!) {\n    occupation(id: $id) {\n      id\n      label\n      aliases\n      description\n      kind\n      code\n      version\n      parent {\n        id\n        label\n      }\n      children(first: 1000) {\n        id\n        label\n      }\n      skills(first: 1000) {\n        skill {\n          id\n          label\n        }\n        relation\n      }\n      history(first: 20) {\n        edges {\n          node {\n            seq\n            at\n            actor\n            operation\n            before\n            after\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OccupationPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation OccupationSetOccupationSkills($id: ID!, $v: Int!, $s: [OccupationSkillInput!]!) {\n            setOccupationSkills(id: $id, expectedVersion: $v, skills: $s) {\n              id\n            }\n          }\n        "): typeof import('./graphql').OccupationSetOccupationSkillsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation OccupationUpdate($id: ID!, $v: Int!, $input: UpdateOccupationInput!) {\n            updateOccupation(id: $id, expectedVersion: $v, input: $input) {\n              id\n            }\n          }\n        "): typeof import('./graphql').OccupationUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query OccupationGroupSearch($q: String!) {\n            occupations(search: $q, first: 8) {\n              edges {\n                node {\n                  id\n                  label\n                }\n              }\n            }\n          }\n        "): typeof import('./graphql').OccupationGroupSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation OccupationMove($id: ID!, $v: Int!, $p: ID) {\n            updateOccupation(id: $id, expectedVersion: $v, input: { parentId: $p }) {\n              id\n            }\n          }\n        "): typeof import('./graphql').OccupationMoveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation OccupationCreateOccupation($input: CreateOccupationInput!) {\n            createOccupation(input: $input) {\n              id\n            }\n          }\n        "): typeof import('./graphql').OccupationCreateOccupationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query ReleasesReleases {\n          releases {\n            name\n            at\n            by\n            note\n            skillCount\n            occupationCount\n          }\n        }\n      "): typeof import('./graphql').ReleasesReleasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query ReleasesReleaseDiff($from: String!, $to: String) {\n            releaseDiff(from: $from, to: $to) {\n              counts {\n                added\n                removed\n                renamed\n                moved\n                merged\n                deprecated\n                aliasesChanged\n                descriptionChanged\n                occupations\n              }\n              added {\n                id\n                label\n              }\n              removed {\n                id\n                label\n              }\n              renamed {\n                id\n                from\n                to\n              }\n              moved {\n                id\n                label\n                from\n                to\n              }\n              merged {\n                id\n                label\n                into\n              }\n              deprecated {\n                id\n                label\n              }\n              aliasesChanged {\n                id\n                label\n              }\n              descriptionChanged {\n                id\n                label\n              }\n            }\n          }\n        "): typeof import('./graphql').ReleasesReleaseDiffDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation ReleasesCreateRelease($n: String!, $note: String) {\n            createRelease(name: $n, note: $note) {\n              name\n            }\n          }\n        "): typeof import('./graphql').ReleasesCreateReleaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query SearchSkills($q: String!) {\n            skills(search: $q, first: 8) {\n              edges {\n                node {\n                  id\n                  label\n                }\n              }\n            }\n          }\n        "): typeof import('./graphql').SearchSkillsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SkillPage($id: ID!, $usage: Boolean!) {\n    skill(id: $id) {\n      id\n      label\n      aliases\n      description\n      kind\n      status\n      version\n      replacedBy {\n        id\n        label\n      }\n      parents {\n        id\n        label\n      }\n      children(first: 200) {\n        id\n        label\n      }\n      siblings(first: 200) {\n        id\n        label\n      }\n      related {\n        skill {\n          id\n          label\n        }\n        type\n        provenance\n      }\n      occupations(first: 200) {\n        occupation {\n          id\n          label\n        }\n        relation\n      }\n      usage @include(if: $usage) {\n        jobs\n        members\n      }\n      history(first: 20) {\n        edges {\n          node {\n            seq\n            at\n            actor\n            operation\n            before\n            after\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SkillPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation SkillAddSkillAlias($id: ID!, $a: String!) {\n              addSkillAlias(id: $id, alias: $a) {\n                id\n              }\n            }\n          "): typeof import('./graphql').SkillAddSkillAliasDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n              mutation SkillRemoveAlias($id: ID!, $a: String!) {\n                removeSkillAlias(id: $id, alias: $a) {\n                  id\n                }\n              }\n            "): typeof import('./graphql').SkillRemoveAliasDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation SkillRename($id: ID!, $v: Int!, $l: String!) {\n              updateSkill(id: $id, expectedVersion: $v, input: { label: $l }) {\n                id\n              }\n            }\n          "): typeof import('./graphql').SkillRenameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation SkillUpdateSkill($id: ID!, $v: Int!, $d: String!) {\n              updateSkill(id: $id, expectedVersion: $v, input: { description: $d }) {\n                id\n              }\n            }\n          "): typeof import('./graphql').SkillUpdateSkillDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query SkillSkill($id: ID!) {\n              skill(id: $id) {\n                description\n                version\n              }\n            }\n          "): typeof import('./graphql').SkillSkillDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation StructureSetParents($id: ID!, $p: [ID!]!) {\n          setSkillParents(id: $id, parentIds: $p) {\n            id\n          }\n        }\n      "): typeof import('./graphql').StructureSetParentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n                        mutation StructureUnrelate($a: ID!, $b: ID!) {\n                          unrelateSkills(fromId: $a, toId: $b) {\n                            id\n                          }\n                        }\n                      "): typeof import('./graphql').StructureUnrelateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n                  mutation StructureRelate($a: ID!, $b: ID!, $t: RelationType!) {\n                    relateSkills(fromId: $a, toId: $b, type: $t) {\n                      id\n                    }\n                  }\n                "): typeof import('./graphql').StructureRelateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query SkillStructureSkill($id: ID!) {\n          skill(id: $id) {\n            id\n            label\n            aliases\n          }\n        }\n      "): typeof import('./graphql').SkillStructureSkillDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n                  mutation StructureMerge($s: ID!, $t: ID!) {\n                    mergeSkills(sourceId: $s, targetId: $t) {\n                      id\n                    }\n                  }\n                "): typeof import('./graphql').StructureMergeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n                mutation StructureDeprecate($id: ID!) {\n                  deprecateSkill(id: $id) {\n                    id\n                  }\n                }\n              "): typeof import('./graphql').StructureDeprecateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurationUnmappedTerms($min: Int) {\n    unmappedTerms(first: 100, minCount: $min) {\n      scanned\n      resolved\n      terms {\n        term\n        count\n        jobs\n        members\n        examples {\n          kind\n          id\n          snippet\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CurationUnmappedTermsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation TermsAddAlias($id: ID!, $a: String!) {\n              addSkillAlias(id: $id, alias: $a) {\n                id\n              }\n            }\n          "): typeof import('./graphql').TermsAddAliasDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation TermsCreateSkill($input: CreateSkillInput!) {\n              createSkill(input: $input) {\n                id\n              }\n            }\n          "): typeof import('./graphql').TermsCreateSkillDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation TermsIgnore($t: String!) {\n            ignoreUnmappedTerm(term: $t)\n          }\n        "): typeof import('./graphql').TermsIgnoreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query TreeSkillRoots {\n            skillRoots {\n              id\n              label\n            }\n          }\n        "): typeof import('./graphql').TreeSkillRootsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query TreeSkill($id: ID!) {\n            skill(id: $id) {\n              children(first: 1000) {\n                id\n                label\n              }\n            }\n          }\n        "): typeof import('./graphql').TreeSkillDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query TreeOccupationRoots {\n            occupationRoots {\n              id\n              label\n            }\n          }\n        "): typeof import('./graphql').TreeOccupationRootsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query TreeOccupation($id: ID!) {\n            occupation(id: $id) {\n              children(first: 1000) {\n                id\n                label\n              }\n            }\n          }\n        "): typeof import('./graphql').TreeOccupationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurationUnusedSkills {\n    unusedSkills(first: 200) {\n      total\n      active\n      skills {\n        id\n        label\n      }\n    }\n  }\n"): typeof import('./graphql').CurationUnusedSkillsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
