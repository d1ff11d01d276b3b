/**
 * Skill extraction: segment → trie tagger ∪ semantic tagger → optional expansion → score.
 *
 * Scoring, per occurrence: a trie match of a label 0.95, of an alias 0.9, of an ambiguous
 * short name 0.8; a semantic match maps its cosine above SEMANTIC_THRESHOLD onto 0.35–0.85.
 * Occurrences in company or benefits sections count half. A skill's confidence is the
 * noisy-OR of its occurrences, so repetition raises it. Relation, for job postings: REQUIRED
 * when named under requirements, CORE under responsibilities or when named twice or more,
 * MENTIONED otherwise (nice-to-have included); for resumes and profiles: CORE in the skills
 * or experience sections or when repeated, MENTIONED otherwise. Expansion adds broader,
 * narrower and sibling skills of what was found (method EXPANSION, relation MENTIONED).
 *
 * Bounds: text at most MAX_TEXT_LENGTH characters; the semantic tagger reads the first
 * MAX_SEMANTIC_SENTENCES sentences that name at most one skill outright (the trie reads
 * everything).
 */
import type { TextEncoder } from '../text/types.ts';
import { DomainError } from '../errors.ts';
import { expandSkills } from '../taxonomy/expand.ts';
import type { LinkSource } from '../taxonomy/expand.ts';
import type { ExpansionStep } from '../taxonomy/expand.ts';
import type { LabelIndex } from './rank.ts';
import { segment } from './segment.ts';
import { MAX_TERMS, unmappedItems } from './terms.ts';
import type { DocumentKind, Section, SectionKind } from './segment.ts';

export const MAX_TEXT_LENGTH = 1_000_000;
export const MAX_SEMANTIC_SENTENCES = 300;
export const SEMANTIC_THRESHOLD = 0.55;
const SEMANTIC_PER_SENTENCE = 2;
const SEMANTIC_MAX_TRIE_HITS = 1;

export type Method = 'TRIE' | 'SEMANTIC' | 'EXPANSION';
export type Relation = 'REQUIRED' | 'CORE' | 'MENTIONED';

export interface Span {
  start: number;
  end: number;
  text: string;
  section: SectionKind;
  method: Method;
  confidence: number;
}

export interface ExtractedSkill {
  skillId: string;
  relation: Relation;
  confidence: number;
  /** The method of the strongest occurrence. */
  method: Method;
  /** The section of the strongest occurrence. */
  section: SectionKind;
  spans: Span[];
  /** For EXPANSION: the skill it was reached from and the path. */
  expandedFrom?: { skillId: string; path: ExpansionStep[] };
}

export interface Extraction {
  skills: ExtractedSkill[];
  /** List items of the skills sections that no skill name matched (terms.ts), each once, in order. */
  unmappedTerms: string[];
  sections: Section[];
  encoder: string;
  tookMs: number;
}

export interface ExtractOptions {
  kind: DocumentKind;
  expand: boolean;
  minConfidence: number;
  /**
   * The encoder for the text's sentences (default: the index's, which embedded the skills). The
   * latency paths pass the student, whose vectors live in the teacher's space.
   */
  sentenceEncoder?: TextEncoder;
}

const RELATION_RANK: Record<Relation, number> = { REQUIRED: 0, CORE: 1, MENTIONED: 2 };
const HALF_WEIGHT = new Set<SectionKind>(['COMPANY', 'BENEFITS']);

export async function extractSkills(
  index: LabelIndex,
  store: LinkSource,
  text: string,
  opts: ExtractOptions,
): Promise<Extraction> {
  const t0 = performance.now();
  if (text.length > MAX_TEXT_LENGTH)
    throw new DomainError(
      'BAD_USER_INPUT',
      `text is limited to ${MAX_TEXT_LENGTH} characters (got ${text.length}); split the document.`,
    );
  if (!(opts.minConfidence >= 0 && opts.minConfidence <= 1))
    throw new DomainError('BAD_USER_INPUT', 'minConfidence must be between 0 and 1.');
  const { sections, sentences } = segment(text, opts.kind);
  const spans = new Map<string, Span[]>();
  const add = (id: string, span: Span) => {
    const list = spans.get(id);
    if (list) list.push(span);
    else spans.set(id, [span]);
  };

  const trieHits = new Map<number, number>();
  const unmapped = new Map<string, string>();
  for (const s of sentences) {
    const matches = index.trie.match(s.text);
    trieHits.set(s.start, matches.length);
    for (const term of unmappedItems(s, matches))
      if (unmapped.size < MAX_TERMS && !unmapped.has(term.toLowerCase())) unmapped.set(term.toLowerCase(), term);
    for (const m of matches) {
      for (const n of m.names) {
        const confidence = n.exactCase ? 0.8 : n.isLabel ? 0.95 : 0.9;
        add(n.id, {
          start: s.start + m.start,
          end: s.start + m.end,
          text: m.text,
          section: s.section,
          method: 'TRIE',
          confidence,
        });
      }
    }
  }

  // The semantic tagger reads sentences that name at most one skill outright: lists of named
  // skills are the trie's job, and described skills hide in prose.
  const semanticSentences = sentences
    .filter((s) => s.text.length >= 12 && trieHits.get(s.start)! <= SEMANTIC_MAX_TRIE_HITS)
    .slice(0, MAX_SEMANTIC_SENTENCES);
  const sentenceEncoder = opts.sentenceEncoder ?? index.encoder;
  const hits = await index.sentenceHits(
    semanticSentences.map((s) => s.text),
    sentenceEncoder,
    SEMANTIC_PER_SENTENCE,
  );
  semanticSentences.forEach((s, i) => {
    for (const hit of hits[i]) {
      if (hit.score < SEMANTIC_THRESHOLD) break;
      if (spans.get(hit.id)?.some((sp) => sp.method === 'TRIE' && sp.start >= s.start && sp.end <= s.end)) continue;
      const confidence = 0.35 + (0.5 * (hit.score - SEMANTIC_THRESHOLD)) / (1 - SEMANTIC_THRESHOLD);
      add(hit.id, {
        start: s.start,
        end: s.end,
        text: s.text,
        section: s.section,
        method: 'SEMANTIC',
        confidence: Math.min(0.85, confidence),
      });
    }
  });

  const found: ExtractedSkill[] = [...spans].map(([skillId, list]) => {
    let miss = 1;
    for (const sp of list) miss *= 1 - sp.confidence * (HALF_WEIGHT.has(sp.section) ? 0.5 : 1);
    const strongest = list.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    return {
      skillId,
      relation: relationOf(list, opts.kind),
      confidence: round(Math.min(0.99, 1 - miss)),
      method: strongest.method,
      section: strongest.section,
      spans: list,
    };
  });

  if (opts.expand && found.length) {
    const seeds = [...found].sort((a, b) => b.confidence - a.confidence).slice(0, 20);
    const known = new Set(found.map((f) => f.skillId));
    const confidenceOf = new Map(seeds.map((s) => [s.skillId, s.confidence]));
    for (const e of await expandSkills(
      store,
      seeds.map((s) => s.skillId),
      { relations: ['PARENT', 'CHILD', 'SIBLING'], maxDepth: 1, limit: 30 },
    )) {
      if (known.has(e.skillId)) continue;
      const confidence = round(0.5 * e.score * (confidenceOf.get(e.fromId) ?? 0.5));
      found.push({
        skillId: e.skillId,
        relation: 'MENTIONED',
        confidence,
        method: 'EXPANSION',
        section: 'OTHER',
        spans: [],
        expandedFrom: { skillId: e.fromId, path: e.path },
      });
    }
  }

  const skills = found
    .filter((f) => f.confidence >= opts.minConfidence)
    .sort(
      (a, b) =>
        RELATION_RANK[a.relation] - RELATION_RANK[b.relation] ||
        b.confidence - a.confidence ||
        (a.skillId < b.skillId ? -1 : 1),
    );
  return {
    skills,
    unmappedTerms: [...unmapped.values()],
    sections,
    encoder: sentenceEncoder.id,
    tookMs: round(performance.now() - t0),
  };
}

function relationOf(spans: Span[], kind: DocumentKind): Relation {
  const sections = new Set(spans.map((s) => s.section));
  const sentences = new Set(spans.map((s) => s.start)).size;
  if (kind === 'JOB_POSTING') {
    if (sections.has('REQUIREMENTS')) return 'REQUIRED';
    if (sections.has('RESPONSIBILITIES') || (sentences >= 2 && !sections.has('NICE_TO_HAVE'))) return 'CORE';
    return 'MENTIONED';
  }
  if (kind === 'RESUME' || kind === 'PROFILE') {
    if (sections.has('SKILLS') || sections.has('EXPERIENCE') || sentences >= 2) return 'CORE';
    return 'MENTIONED';
  }
  return sentences >= 2 ? 'CORE' : 'MENTIONED';
}

const round = (x: number) => Math.round(x * 1000) / 1000;
