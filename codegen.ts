// graphql-codegen: TypeScript types of the schema and of its resolvers, generated from
// schema/skillgraph.graphql into src/api/generated/schema.ts (`npm run codegen`; CI checks it is current).
// Mappers name the service's own types behind each GraphQL object, so resolvers are checked against them.
// The workbench's operations (graphql(`…`) in web/src) get typed results and variables in web/src/graphql/
// (client preset, string documents: no GraphQL runtime in the browser bundle).
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/skillgraph.graphql',
  generates: {
    'web/src/graphql/': {
      preset: 'client',
      documents: ['web/src/**/*.tsx', 'web/src/**/*.ts', '!web/src/graphql/**'],
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
      },
    },
    'src/api/generated/schema.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context.ts#Context',
        mapperTypeSuffix: 'Model',
        scalars: { DateTime: 'string', JSON: 'unknown' },
        mappers: {
          Skill: '../../taxonomy/model.ts#Skill',
          Member: '../../store/types.ts#NodeRecord',
          Job: '../../store/types.ts#NodeRecord',
          Company: '../../store/types.ts#NodeRecord',
          Location: '../../store/types.ts#NodeRecord',
          Title: '../../store/types.ts#NodeRecord',
          HistoryEntry: '../../store/types.ts#AuditRecord',
          Occupation: '../../taxonomy/service.ts#OccupationView',
          MemberConnection: '../marketplace.ts#NodeConnection',
          JobConnection: '../marketplace.ts#NodeConnection',
          JobMatchConnection: '../matching.ts#MatchConnection',
          MemberMatchConnection: '../matching.ts#MatchConnection',
          Extraction: '../../extraction/extract.ts#Extraction',
          ExtractedSkill: '../../extraction/extract.ts#ExtractedSkill',
          ExpandedSkill: '../../taxonomy/expand.ts#ExpandedSkill',
          ExpansionStep: '../../taxonomy/expand.ts#ExpansionStep',
          RelatedSkillSuggestion: '../../taxonomy/mining.ts#Suggestion',
          TitleNormalization: '../../marketplace/titles.ts#TitleMatch',
          TitleCandidate: '../../marketplace/titles.ts#TitleCandidate',
          ChangeSet: '../../taxonomy/changesets.ts#ChangeSet',
          ChangeSetEditEffect: '../../taxonomy/changesets.ts#PlannedEdit',
        },
      },
    },
  },
};
export default config;
