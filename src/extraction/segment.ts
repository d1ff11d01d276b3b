/**
 * Segmentation: splits a document into sections (from headings and cue phrases) and the
 * sections into sentences, keeping character offsets into the original text.
 *
 * A heading is a short line that ends with ":" or is written in capitals or as a markdown
 * heading, whose words name a known section ("Requirements:", "WHAT YOU'LL DO", "## Skills").
 * "Requirements: Python, SQL" on one line is a heading followed by its first sentence.
 */
export type DocumentKind = 'JOB_POSTING' | 'RESUME' | 'PROFILE' | 'TEXT';
export type SectionKind =
  | 'COMPANY'
  | 'RESPONSIBILITIES'
  | 'REQUIREMENTS'
  | 'NICE_TO_HAVE'
  | 'BENEFITS'
  | 'SUMMARY'
  | 'EXPERIENCE'
  | 'SKILLS'
  | 'EDUCATION'
  | 'OTHER';

export interface Sentence {
  section: SectionKind;
  start: number;
  end: number;
  text: string;
}
export interface Section {
  kind: SectionKind;
  heading: string | null;
  start: number;
  end: number;
}

const CUES: Record<'JOB' | 'RESUME', Array<[SectionKind, RegExp]>> = {
  JOB: [
    [
      'NICE_TO_HAVE',
      /\b(nice[\s-]to[\s-]have|bonus( points)?|preferred|desirable|a plus|good to have|would be great)\b/i,
    ],
    [
      'REQUIREMENTS',
      /\b(requirements?|qualifications?|what you (will )?bring|what we('re| are) looking for|who you are|must[\s-]haves?|you have|your (skills|profile|background)|skills( and experience)?|about you|essential)\b/i,
    ],
    [
      'RESPONSIBILITIES',
      /\b(responsibilities|what you('ll| will) do|your (role|mission|tasks|day)|the role|duties|key tasks|in this role|you will)\b/i,
    ],
    ['BENEFITS', /\b(benefits|perks|what we offer|we offer|compensation|why (join|work with) us|salary)\b/i],
    [
      'COMPANY',
      /\b(about (us|the company|the team)|who we are|our (company|mission|story|team)|the company|company overview)\b/i,
    ],
  ],
  RESUME: [
    ['SUMMARY', /\b(summary|profile|about me|objective|overview)\b/i],
    ['EXPERIENCE', /\b(experience|employment|work history|career history|professional background|positions?)\b/i],
    ['SKILLS', /\b(skills|competenc(e|ies)|technologies|tools|expertise|tech stack)\b/i],
    ['EDUCATION', /\b(education|qualifications|certifications?|training|degrees?|courses)\b/i],
  ],
};

/** The section a heading names, or null when the line is not a heading of this document kind. */
export function headingSection(line: string, kind: DocumentKind): SectionKind | null {
  const trimmed = line
    .trim()
    .replace(/^#+\s*/, '')
    .replace(/[*_]/g, '');
  const text = trimmed.replace(/:$/, '').trim();
  if (!text || text.length > 60 || text.split(/\s+/).length > 8) return null;
  // A bullet is never a heading ("- SQL" is a list item, however it is written).
  if (/^\s*[-*•·▪●–]\s/.test(line)) return null;
  const marked = /:$/.test(trimmed) || /^#+\s/.test(line.trim()) || /^\*\*.+\*\*:?$/.test(line.trim());
  // Capitals alone ("SQL", "WHAT YOU'LL DO") make a heading only when the words name a section.
  const capitals = !marked && text === text.toUpperCase() && /[A-Z]/.test(text);
  // An unmarked short line without a bullet or final punctuation is a heading only if it names a section.
  const bare =
    capitals || (!marked && !/^\s*[-*•·▪●–]/.test(line) && !/[.!?;,]$/.test(text) && text.split(/\s+/).length <= 6);
  if (!marked && !bare) return null;
  const cues =
    kind === 'RESUME' || kind === 'PROFILE'
      ? CUES.RESUME
      : kind === 'JOB_POSTING'
        ? CUES.JOB
        : [...CUES.JOB, ...CUES.RESUME];
  for (const [section, re] of cues) if (re.test(text)) return section;
  return marked ? 'OTHER' : null;
}

const SENTENCE_END = /(?<=[.!?;])\s+(?=[A-Z0-9•\-*])|\s*[•·▪●]\s*|\n+/g;

export function segment(text: string, kind: DocumentKind): { sections: Section[]; sentences: Sentence[] } {
  const sections: Section[] = [];
  const sentences: Sentence[] = [];
  let current: Section = { kind: 'OTHER', heading: null, start: 0, end: text.length };
  sections.push(current);
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (!line.trim()) continue;
    // "Heading: content" on one line.
    const inline = /^([^:\n]{2,60}):\s+(\S.*)$/.exec(line);
    const headingText = inline ? `${inline[1]}:` : line;
    const section = headingSection(headingText, kind);
    let contentStart = lineStart;
    let content = line;
    if (section) {
      current.end = lineStart;
      current = {
        kind: section,
        heading: (inline ? inline[1] : line)
          .trim()
          .replace(/^#+\s*/, '')
          .replace(/:$/, ''),
        start: lineStart,
        end: text.length,
      };
      sections.push(current);
      if (!inline) continue;
      contentStart = lineStart + line.indexOf(inline[2]);
      content = inline[2];
    }
    // A sentence may open a section too: "… PostgreSQL. Nice to have: Kubernetes."
    const parts: Sentence[] = [];
    splitSentences(content, contentStart, current.kind, parts);
    for (const part of parts) {
      const cue = /^([^:\n]{2,60}):\s+(\S[\s\S]*)$/.exec(part.text);
      const kindOf = cue ? headingSection(`${cue[1]}:`, kind) : null;
      if (cue && kindOf && kindOf !== 'OTHER' && kindOf !== current.kind) {
        current.end = part.start;
        current = { kind: kindOf, heading: cue[1].trim(), start: part.start, end: text.length };
        sections.push(current);
        const offsetInPart = part.text.indexOf(cue[2], cue[1].length + 1);
        sentences.push({ section: kindOf, start: part.start + offsetInPart, end: part.end, text: cue[2] });
      } else sentences.push({ ...part, section: current.kind });
    }
  }
  return { sections: sections.filter((s) => s.end > s.start || s.heading), sentences };
}

function splitSentences(content: string, base: number, section: SectionKind, out: Sentence[]): void {
  let last = 0;
  const push = (from: number, to: number) => {
    const raw = content.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim().replace(/^[-*–]\s+/, '');
    if (!/[\p{L}\p{N}]/u.test(t)) return;
    const start = base + from + lead + (raw.trim().length - t.length);
    out.push({ section, start, end: start + t.length, text: t });
  };
  for (const m of content.matchAll(SENTENCE_END)) {
    push(last, m.index!);
    last = m.index! + m[0].length;
  }
  push(last, content.length);
}
