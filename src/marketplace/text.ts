/**
 * The text of a member or a job, as extraction and the text encoder read it. One function per
 * record kind, used for inputs (at ingest) and for stored nodes (features, matching), so both
 * see the same words.
 */
import type { NodeRecord } from '../store/types.ts';
import type { ExperienceInput, JobInput, MemberInput } from './model.ts';

/** Headline, summary and experience under headings the segmenter knows. */
export function memberText(m: Pick<MemberInput, 'headline' | 'summary' | 'experience' | 'desiredTitles'>): string {
  const parts: string[] = [];
  if (m.headline) parts.push(m.headline);
  if (m.summary) parts.push(`Summary\n${m.summary}`);
  const exp = (m.experience ?? []).filter((e) => e.title || e.description);
  if (exp.length)
    parts.push(
      `Experience\n${exp.map((e) => [e.title && `${e.title}${e.company ? ` at ${e.company}` : ''}`, e.description].filter(Boolean).join('\n')).join('\n\n')}`,
    );
  return parts.join('\n\n');
}

/** Title, then the posting's description (which carries its own section headings). */
export function jobText(j: Pick<JobInput, 'title' | 'description'>): string {
  return [j.title, j.description].filter(Boolean).join('\n\n');
}

/** The text of a stored member, job, skill or other node (what its text vector encodes). */
export function nodeText(n: NodeRecord): string {
  const p = n.props;
  switch (n.label) {
    case 'Member': {
      let experience: ExperienceInput[] = [];
      try {
        experience = p.experience ? (JSON.parse(String(p.experience)) as ExperienceInput[]) : [];
      } catch {
        experience = [];
      }
      return memberText({ headline: str(p.headline), summary: str(p.summary), experience });
    }
    case 'Job':
      return jobText({ title: str(p.title), description: str(p.description) });
    case 'Skill':
    case 'Occupation':
      return [p.label, ...((p.aliases as string[] | undefined) ?? []).slice(0, 5)].filter(Boolean).join(', ');
    case 'Company':
    case 'Location':
      return String(p.name ?? n.id);
    case 'Title':
      return String(p.label ?? n.id);
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
