/** The shapes the workbench's queries ask for (subsets of the schema's types in src/api/generated/schema.ts). */
import type {
  AuditOperation,
  RelationProvenance,
  RelationType,
  Role,
  SkillKind,
  SkillRelation,
  SkillStatus,
} from '../../src/api/generated/schema.ts';

export type { Role };

export interface SkillRef {
  id: string;
  label: string;
  status?: SkillStatus;
}

export interface SkillDetail extends SkillRef {
  aliases: string[];
  description: string;
  kind: SkillKind;
  status: SkillStatus;
  version: number;
  replacedBy: SkillRef | null;
  parents: SkillRef[];
  children: SkillRef[];
  siblings: SkillRef[];
  related: Array<{ skill: SkillRef; type: RelationType; provenance: RelationProvenance }>;
  occupations: Array<{ occupation: { id: string; label: string }; relation: SkillRelation }>;
  usage: { jobs: number; members: number } | null;
  history: { edges: Array<{ node: HistoryRecord }> };
}

export interface HistoryRecord {
  seq: number;
  at: string;
  actor: string;
  operation: AuditOperation;
  before: unknown;
  after: unknown;
}
