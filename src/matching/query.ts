/**
 * Natural-language job search: structured criteria in the query become hard filters, the rest
 * is embedded. "remote senior data engineer jobs in Berlin with Spark" →
 *   workplace REMOTE, seniority SENIOR, location Berlin (the longest known place name),
 *   text "data engineer Spark" (skills named in it also count for re-ranking).
 */
import { SENIORITIES, SENIORITY_WORDS } from '../marketplace/model.ts';
import type { Seniority, Workplace } from '../marketplace/model.ts';
import { normalizeLabel } from '../taxonomy/text.ts';

export interface ParsedQuery {
  workplace: Workplace[];
  seniority: Seniority[];
  locationId: string | null;
  locationName: string | null;
  /** What is left to embed. */
  text: string;
}

const WORKPLACE: Array<[RegExp, Workplace]> = [
  [/\b(fully )?remote(ly)?\b|\bwork from home\b|\bwfh\b/i, 'REMOTE'],
  [/\bhybrid\b/i, 'HYBRID'],
  [/\bon-?site\b|\bin[- ]office\b/i, 'ONSITE'],
];
/**
 * Per seniority: what only a query says (phrases, plurals), then the title words of SENIORITY_WORDS (with a dot
 * too: "Sr.").
 */
const PHRASES: Partial<Record<Seniority, string[]>> = {
  INTERN: ['interns', 'internships', 'trainees', 'apprentices'],
  JUNIOR: ['entry[- ]level'],
  MID: ['mid[- ]level'],
  DIRECTOR: ['head of'],
};
const SENIORITY: Array<[RegExp, Seniority]> = SENIORITIES.flatMap((s) => {
  const words = Object.keys(SENIORITY_WORDS).filter((w) => SENIORITY_WORDS[w] === s);
  const alternatives = [...(PHRASES[s] ?? []), ...words.map((w) => `${w}\\.?`)];
  return alternatives.length
    ? [[new RegExp(`\\b(${alternatives.join('|')})(?![a-z])`, 'i'), s] as [RegExp, Seniority]]
    : [];
});
const FILLER =
  /\b(jobs?|roles?|positions?|openings?|vacanc(y|ies)|opportunit(y|ies)|in|at|near|around|with|using|for|and|or|a|an|the|based|located)\b/gi;

/** names: normalised place name → location id (cities, regions and countries). */
export function parseJobQuery(query: string, names: Map<string, string>): ParsedQuery {
  let rest = ` ${query} `;
  const workplace: Workplace[] = [];
  for (const [re, w] of WORKPLACE) {
    if (!re.test(rest)) continue;
    workplace.push(w);
    rest = rest.replace(re, ' ');
  }
  const seniority: Seniority[] = [];
  for (const [re, s] of SENIORITY) {
    if (!re.test(rest)) continue;
    seniority.push(s);
    rest = rest.replace(re, ' ');
  }
  // The longest run of words that names a known place (up to 4 words).
  const words = rest.split(/\s+/).filter(Boolean);
  let location: { id: string; name: string; start: number; len: number } | null = null;
  for (let len = Math.min(4, words.length); len >= 1 && !location; len--) {
    for (let i = 0; i + len <= words.length; i++) {
      const name = words.slice(i, i + len).join(' ');
      const id = names.get(normalizeLabel(name.replace(/[,.;:!?]+$/, '')));
      if (id) {
        location = { id, name, start: i, len };
        break;
      }
    }
  }
  if (location) words.splice(location.start, location.len);
  const text = words.join(' ').replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
  return {
    workplace,
    seniority: seniority.sort((a, b) => SENIORITIES.indexOf(a) - SENIORITIES.indexOf(b)),
    locationId: location?.id ?? null,
    locationName: location?.name ?? null,
    text,
  };
}
