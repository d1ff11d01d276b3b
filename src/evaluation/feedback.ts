/**
 * Extraction measured against people's decisions in a store (`npm run eval:extraction -- --feedback`): every
 * member and job with at least one decision is extracted again from its stored text, as an upsert would, and
 * compared with what people said. Precision is over the extracted skills someone judged (confirmed or added =
 * right, rejected = wrong); recall is over the skills people confirmed and, separately, the ones they had to
 * add. Only judged skills count, so unjudged extractions neither help nor hurt.
 */
import type { ExtractionService } from '../extraction/service.ts';
import { judgedSubjects } from '../marketplace/feedback.ts';
import { MIN_EDGE_CONFIDENCE } from '../marketplace/service.ts';
import { nodeText } from '../marketplace/text.ts';
import type { GraphStore } from '../store/types.ts';

export interface FeedbackCounts {
  /** Members or jobs with at least one decision. */
  subjects: number;
  /** Extracted skills someone judged, and how many of them were rejected. */
  judgedExtracted: number;
  rejectedExtracted: number;
  /** Skills people confirmed, and how many extraction finds. */
  confirmed: number;
  confirmedFound: number;
  /** Skills people added, and how many extraction finds now. */
  added: number;
  addedFound: number;
}

export interface FeedbackEvaluation {
  job: FeedbackCounts;
  member: FeedbackCounts;
  total: FeedbackCounts;
}

const empty = (): FeedbackCounts => ({
  subjects: 0,
  judgedExtracted: 0,
  rejectedExtracted: 0,
  confirmed: 0,
  confirmedFound: 0,
  added: 0,
  addedFound: 0,
});

/** Precision over judged extractions and the two recalls; null where nothing was judged. */
export function feedbackRates(c: FeedbackCounts) {
  const ratio = (a: number, b: number) => (b ? a / b : null);
  return {
    precision: ratio(c.judgedExtracted - c.rejectedExtracted, c.judgedExtracted),
    recallConfirmed: ratio(c.confirmedFound, c.confirmed),
    recallAdded: ratio(c.addedFound, c.added),
  };
}

export async function evaluateAgainstFeedback(
  store: GraphStore,
  extraction: ExtractionService,
  onProgress?: (label: string, done: number) => void,
): Promise<FeedbackEvaluation> {
  const out: FeedbackEvaluation = { job: empty(), member: empty(), total: empty() };
  for await (const { node, feedback } of judgedSubjects(store, onProgress)) {
    const counts = node.label === 'Job' ? out.job : out.member;
    const text = nodeText(node);
    const found = new Set(
      text
        ? (
            await extraction.extract(text, {
              kind: node.label === 'Job' ? 'JOB_POSTING' : 'PROFILE',
              expand: false,
              minConfidence: MIN_EDGE_CONFIDENCE,
            })
          ).skills.map((s) => s.skillId)
        : [],
    );
    counts.subjects++;
    for (const f of feedback) {
      const hit = found.has(f.skillId);
      if (hit) counts.judgedExtracted++;
      if (f.decision === 'REJECTED') counts.rejectedExtracted += hit ? 1 : 0;
      else if (f.decision === 'CONFIRMED') {
        counts.confirmed++;
        counts.confirmedFound += hit ? 1 : 0;
      } else {
        counts.added++;
        counts.addedFound += hit ? 1 : 0;
      }
    }
  }
  for (const k of Object.keys(out.total) as Array<keyof FeedbackCounts>) out.total[k] = out.job[k] + out.member[k];
  return out;
}
