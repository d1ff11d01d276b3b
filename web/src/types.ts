/**
 * Names for the shapes the workbench passes between components: the generated operation types
 * (./graphql, from schema/skillgraph.graphql and the graphql(`…`) operations in this folder), not copies.
 */
import type { OccupationPageQuery, Role, SkillPageQuery } from './graphql/graphql.ts';

export type { Role };

/** A skill as lists show it. */
export interface SkillRef {
  id: string;
  label: string;
}

/** The skill page's skill (usage is asked for only with a key). */
export type SkillDetail = NonNullable<SkillPageQuery['skill']>;
/** One record of a skill's or an occupation's history. */
export type HistoryRecord = NonNullable<OccupationPageQuery['occupation']>['history']['edges'][number]['node'];
