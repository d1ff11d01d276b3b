/**
 * The learned second stage (LiRank-style, kept small): a logistic regression over the
 * explainable signals (rerank.ts: semantic, skills, title, location, seniority, popularity,
 * freshness), trained on interactions the GNN never saw, with the same split discipline.
 *
 *   candidates  the fused top CANDIDATE_DEPTH jobs plus the POPULAR_CANDIDATES most popular
 *               (a second source, so popularity can win where the vectors know little — cold start)
 *   examples    per validation member: its held-out jobs among the candidates are positives, the
 *               other candidates negatives
 *   fit         full-batch gradient descent on the mean log-loss with a small L2 penalty, raw
 *               signal values (all in [0, 1]), so a coefficient reads as "log-odds per unit"
 *   adopted     only when it beats the hand weights on held-out validation members (MRR): the
 *               members are split in two, one half fits, the other judges
 *
 * Its explanation is each signal's contribution to the log-odds (coefficient × value); with the
 * intercept they add up to logit(score).
 */
import crypto from 'node:crypto';
import { DEFAULT_WEIGHTS, SIGNALS, round, weightedRanker } from './rerank.ts';
import type { Explanation, Ranker, Signal } from './rerank.ts';

/** Fused candidates the learned ranker re-scores (the service re-ranks RERANK_DEPTH; training uses the same). */
export const CANDIDATE_DEPTH = 100;
/** The most popular jobs added to the candidates. */
export const POPULAR_CANDIDATES = 20;

export interface LearnedRankerFile {
  id: string;
  coefficients: Record<Signal, number>;
  intercept: number;
  /** Validation MRR of the learned ranker and of the hand weights on the judging half; adopted when learned wins. */
  validation: { members: number; learned: number; weights: number; adopted: boolean };
}

export function learnedRanker(file: LearnedRankerFile): Ranker {
  const w = SIGNALS.map((s) => file.coefficients[s] ?? 0);
  const b = file.intercept;
  const logit = (values: ArrayLike<number>) => {
    let z = b;
    for (let i = 0; i < w.length; i++) z += w[i] * values[i];
    return z;
  };
  return {
    id: `learned:${file.id}`,
    score: (values) => round(sigmoid(logit(values))),
    explain(values): Pick<Explanation, 'score' | 'intercept' | 'signals'> {
      return {
        score: round(sigmoid(logit(values))),
        intercept: round(b),
        signals: SIGNALS.map((signal, i) => ({
          signal,
          value: round(values[i]),
          weight: round(w[i]),
          contribution: round(w[i] * values[i]),
        })),
      };
    },
  };
}

/** A version's stored ranker (its manifest's `ranker`), or null when it has none or it is malformed. */
export function rankerFileOf(stored: unknown): LearnedRankerFile | null {
  if (!stored || typeof stored !== 'object') return null;
  const f = stored as Partial<LearnedRankerFile>;
  const ok =
    typeof f.id === 'string' &&
    typeof f.intercept === 'number' &&
    typeof f.coefficients === 'object' &&
    f.coefficients !== null &&
    typeof f.validation?.adopted === 'boolean';
  return ok ? (f as LearnedRankerFile) : null;
}

/** The ranker to serve from a version's stored ranker: the learned one when it was adopted, else null. */
export function learnedRankerOf(stored: unknown): Ranker | null {
  const f = rankerFileOf(stored);
  return f?.validation.adopted ? learnedRanker(f) : null;
}

export interface RankerExample {
  /** Signal values, SIGNALS order. */
  values: Float64Array;
  label: 0 | 1;
  /** The member (query) it belongs to. */
  group: number;
}

/** Logistic regression by full-batch gradient descent (seedless: deterministic). */
export function fitLogistic(
  examples: RankerExample[],
  opts: { l2?: number; steps?: number; learningRate?: number } = {},
): { coefficients: number[]; intercept: number } {
  const l2 = opts.l2 ?? 1e-3;
  const steps = opts.steps ?? 600;
  const lr = opts.learningRate ?? 0.5;
  const d = SIGNALS.length;
  const w = new Float64Array(d);
  const positives = examples.filter((e) => e.label === 1).length;
  // Start at the base rate, so the steps go to the signals.
  let b = positives > 0 && positives < examples.length ? Math.log(positives / (examples.length - positives)) : 0;
  const grad = new Float64Array(d);
  for (let step = 0; step < steps; step++) {
    grad.fill(0);
    let gb = 0;
    for (const e of examples) {
      let z = b;
      for (let i = 0; i < d; i++) z += w[i] * e.values[i];
      const err = sigmoid(z) - e.label;
      for (let i = 0; i < d; i++) grad[i] += err * e.values[i];
      gb += err;
    }
    const n = Math.max(1, examples.length);
    for (let i = 0; i < d; i++) w[i] -= lr * (grad[i] / n + l2 * w[i]);
    b -= lr * (gb / n);
  }
  return { coefficients: [...w], intercept: b };
}

/**
 * Fits on half the members' examples and judges against the hand weights on the other half
 * (mean reciprocal rank of the first positive among each member's candidates).
 */
export function trainRanker(examples: RankerExample[]): LearnedRankerFile | null {
  const groups = [...new Set(examples.map((e) => e.group))].sort((a, b) => a - b);
  if (groups.length < 10 || !examples.some((e) => e.label === 1)) return null;
  const judge = new Set(groups.filter((_, i) => i % 2 === 1));
  const fit = fitLogistic(examples.filter((e) => !judge.has(e.group)));
  const coefficients = Object.fromEntries(SIGNALS.map((s, i) => [s, round(fit.coefficients[i])])) as Record<
    Signal,
    number
  >;
  const file: LearnedRankerFile = {
    id: '',
    coefficients,
    intercept: round(fit.intercept),
    validation: { members: judge.size, learned: 0, weights: 0, adopted: false },
  };
  const held = examples.filter((e) => judge.has(e.group));
  file.validation.learned = round(meanReciprocalRank(held, learnedRanker(file)));
  file.validation.weights = round(meanReciprocalRank(held, weightedRanker(DEFAULT_WEIGHTS)));
  file.validation.adopted = file.validation.learned > file.validation.weights;
  file.id = crypto.createHash('sha256').update(JSON.stringify(file)).digest('hex').slice(0, 12);
  return file;
}

/** Mean over groups of 1 / rank of the group's best-ranked positive (0 when it has none). */
export function meanReciprocalRank(examples: RankerExample[], ranker: Ranker): number {
  const byGroup = new Map<number, Array<{ score: number; label: number }>>();
  for (const e of examples)
    (byGroup.get(e.group) ?? byGroup.set(e.group, []).get(e.group)!).push({
      score: ranker.score(e.values),
      label: e.label,
    });
  let sum = 0;
  for (const rows of byGroup.values()) {
    rows.sort((a, b) => b.score - a.score);
    const r = rows.findIndex((x) => x.label === 1);
    if (r >= 0) sum += 1 / (r + 1);
  }
  return byGroup.size ? sum / byGroup.size : 0;
}

/** Popularity in [0, 1]: log(1 + count) / log(1 + the largest count). */
export function popularityScale(counts: Iterable<number>): (count: number) => number {
  let max = 0;
  for (const c of counts) if (c > max) max = c;
  const denom = Math.log1p(max);
  return (c) => (denom > 0 ? Math.log1p(c) / denom : 0);
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
