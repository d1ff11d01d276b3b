/** The Skill as the service sees it, and its mapping to and from store properties. */
import type { NodeRecord, Props } from '../store/types.ts';

export const SKILL_KINDS = ['skill', 'knowledge', 'language', 'transversal'] as const;
export type SkillKind = (typeof SKILL_KINDS)[number];
export type SkillStatus = 'ACTIVE' | 'DEPRECATED';

export const MAX_LABEL_LENGTH = 200;
export const MAX_ALIASES = 100;
export const MAX_DESCRIPTION_LENGTH = 4000;

export interface Skill {
  id: string;
  label: string;
  aliases: string[];
  description: string;
  kind: SkillKind;
  status: SkillStatus;
  replacedBy?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  source: string;
}

export function skillProps(s: Omit<Skill, 'id'> & { id?: string }): Props {
  const props: Props = {
    label: s.label,
    aliases: s.aliases,
    description: s.description,
    kind: s.kind,
    status: s.status,
    version: s.version,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    source: s.source,
  };
  if (s.replacedBy) props.replacedBy = s.replacedBy;
  return props;
}

export function toSkill(n: NodeRecord): Skill {
  const p = n.props;
  return {
    id: n.id,
    label: String(p.label ?? n.id),
    aliases: (p.aliases as string[] | undefined) ?? [],
    description: String(p.description ?? ''),
    kind: (p.kind as SkillKind | undefined) ?? 'skill',
    status: (p.status as SkillStatus | undefined) ?? 'ACTIVE',
    replacedBy: p.replacedBy as string | undefined,
    version: Number(p.version ?? 1),
    createdAt: String(p.createdAt ?? ''),
    updatedAt: String(p.updatedAt ?? ''),
    source: String(p.source ?? ''),
  };
}

/** The store revision that taxonomy edits and imports claim with every write (see TaxonomyEditor). */
export const TAXONOMY_REVISION = 'taxonomy';

/** Types of RELATED links between skills. */
export const RELATION_TYPES = ['ESSENTIAL_FOR', 'OPTIONAL_FOR', 'SIMILAR', 'COMPLEMENTARY', 'PREREQUISITE'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];
