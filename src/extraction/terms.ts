/**
 * Terms a document names as skills that the taxonomy does not know: the items of lists in its skills sections
 * (requirements, nice-to-have, a resume's skills) that no skill name matched. "Requirements: Python, dbt,
 * Looker Studio and 5+ years of SQL" → dbt and Looker Studio when the taxonomy names neither. Editors curate
 * them (add as an alias or a new skill); see src/taxonomy/terms.ts.
 *
 * An item is a comma/semicolon/bullet/"and"/"or"/slash-separated part of a sentence, with filler in front
 * ("experience with", "knowledge of", "strong") and behind ("skills", "experience") taken off; kept when it is
 * 1 to 4 words and 2 to 40 characters with a letter, no number of years, not only stop words, and no skill
 * name matched inside it.
 */
import type { Sentence, SectionKind } from './segment.ts';
import type { TrieMatch } from './trie.ts';

const LIST_SECTIONS = new Set<SectionKind>(['REQUIREMENTS', 'NICE_TO_HAVE', 'SKILLS']);
/** The most terms one document reports. */
export const MAX_TERMS = 50;

const SEPARATOR = /\s*(?:[,;•·|()]|\s\/\s|\band\b|\bor\b|\betc\b\.?|:|\s[-–—]\s)\s*/giu;
const LEADING =
  /^(?:(?:\d+\+?\s*years?\s+(?:of\s+)?)?(?:hands[\s-]on|working|proven|strong|solid|good|great|excellent|deep|basic|advanced|practical|professional|some|prior|extensive|familiarity|familiar|proficiency|proficient|knowledge|understanding|expertise|experience|experienced|skills?|ability|background|fluency|fluent|exposure)\s+(?:(?:with|in|of|using|on|to use)\s+)?)+/iu;
const LEADING_WORDS = /^(?:e\.g\.|i\.e\.|such as|including|like|plus|also|the|a|an|any|other|modern|with|in|of)\s+/iu;
const TRAILING =
  /\s+(?:skills?|experience|knowledge|expertise|proficiency|tools?|frameworks?|is a plus|a plus|preferred|required)$/iu;
const YEARS = /\d+\+?\s*(?:years?|yrs?)\b/iu;
const STOP = new Set(
  'a an the and or of in on at to for with by from as is are be we you our your their this that these those it its will can must should would may very well more most other others etc e.g i.e similar related relevant equivalent plus bonus nice have has good great strong solid experience knowledge skills ability fluent native basic intermediate advanced beginner expert proficient required preferred optional mandatory desirable senior junior level written spoken'.split(
    ' ',
  ),
);

/** The unmapped list items of one sentence, given the trie's matches in it (offsets relative to the sentence). */
export function unmappedItems(sentence: Sentence, matches: TrieMatch[]): string[] {
  if (!LIST_SECTIONS.has(sentence.section)) return [];
  const text = sentence.text;
  const out: string[] = [];
  let from = 0;
  const take = (end: number) => {
    const raw = text.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    const start = from + lead;
    const term = clean(raw);
    if (term && !matches.some((m) => m.start < start + raw.trim().length && m.end > start)) out.push(term);
  };
  for (const sep of text.matchAll(SEPARATOR)) {
    take(sep.index);
    from = sep.index + sep[0].length;
  }
  take(text.length);
  return out;
}

/** An item without its filler, or null when it is not a term. */
function clean(raw: string): string | null {
  let t = raw
    .trim()
    .replace(/^[-*–—>\s]+/u, '')
    .replace(/[.!?:]+$/u, '')
    .trim();
  if (YEARS.test(t)) return null;
  for (let before = ''; before !== t;) {
    before = t;
    t = t.replace(LEADING, '').replace(LEADING_WORDS, '').replace(TRAILING, '').trim();
  }
  const words = t.split(/\s+/).filter(Boolean);
  if (words.length < 1 || words.length > 4 || t.length < 2 || t.length > 40) return null;
  if (!/\p{L}/u.test(t)) return null;
  if (words.every((w) => STOP.has(w.toLowerCase()))) return null;
  return t;
}
