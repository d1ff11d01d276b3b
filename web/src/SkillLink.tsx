import type { SkillRef } from './types.ts';

/** A link to a skill's page. */
export function SkillLink(props: { s: SkillRef }) {
  return <a href={`#/skill/${encodeURIComponent(props.s.id)}`}>{props.s.label}</a>;
}
