/**
 * The learned second stage (LiRank-style, kept small): a logistic regression over the
 * explainable signals (rerank.ts: semantic, skills, title, location, seniority, popularity,
 * freshness), trained on interactions the GNN never saw, with the same split discipline.
 *
 *   candidates  the fused top CANDIDATE_DEPTH jobs plus the POPULAR_CANDIDATES most popular
 *               (a second source, so popularity can win where the vectors know little — cold start)
 *   examples    per validation member: its held-out jobs among the candidates are positives, the
 *               other candidates negatives
 *   fit         full-batch gradient descent on the mean log-loss with a small L2 penalty, on
 *               standardised signals; the coefficients are returned for the raw values (all in
 *               [0, 1]), so a coefficient reads as "log-odds per unit"
 *   adopted     only when it beats the hand weights on held-out validation members clearly: the
 *               members are split in two, one half fits, the other judges; the learned MRR must
 *               exceed the hand weights' by more than twice the standard error of the members'
 *               paired differences (`beatsClearly`), not by noise
 *   cold start  a second model fitted the same way with each validation member's vector from its
 *               text alone (as a member without interactions has it), for members without history
 *
 * Its explanation is each signal's contribution to the log-odds (coefficient × value); with the
 * intercept they add up to logit(score).
 */
import crypto from 'node:crypto';
import { DEFAULT_WEIGHTS, SIGNALS, SignalContribution, round, weightedRanker } from './rerank.ts';
import type { Explanation, Ranker, Signal } from './rerank.ts';

/** Fused candidates the learned ranker re-scores (the service re-ranks RERANK_DEPTH; training uses the same). */
export const CANDIDATE_DEPTH = 100;
/** The most popular jobs added to the candidates. */
export const POPULAR_CANDIDATES = 20;

export interface LearnedRankerFile {
  id: string;
  coefficients: Record<Signal, number>;
  intercept: number;
  /** Validation MRR of the learned ranker and of the hand weights on the judging half; adopted on a clear win. */
  validation: { members: number; learned: number; weights: number; adopted: boolean };
  /**
   * The cold-start ranker fitted beside it (the same validation members, their vectors from their text
   * alone), for members without interactions; null when it could not be fitted.
   */
  cold?: LearnedRankerFile | null;
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
        signals: SIGNALS.map(
          (signal, i) => new SignalContribution(signal, round(values[i]), round(w[i]), round(w[i] * values[i])),
        ),
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

/**
 * The ranker to serve from a version's stored ranker, for members with interactions (`cold` false)
 * or without: the learned one when it was adopted, else null.
 */
export function learnedRankerOf(stored: unknown, cold = false): Ranker | null {
  const warm = rankerFileOf(stored);
  const f = cold ? rankerFileOf(warm?.cold) : warm;
  return f?.validation.adopted ? learnedRanker(f) : null;
}

export interface RankerExample {
  /** Signal values, SIGNALS order. */
  values: Float64Array;
  label: 0 | 1;
  /** The member (query) it belongs to. */
  group: number;
}

/**
 * Logistic regression by full-batch gradient descent (deterministic). It descends on standardised
 * signals (each signal's mean 0, spread 1 over the examples, so a signal that varies little — the
 * fused similarity among candidates — converges as fast as the others; the L2 penalty applies on
 * that scale) and returns the coefficients on the raw scale.
 */
export function fitLogistic(
  examples: RankerExample[],
  opts: { l2?: number; steps?: number; learningRate?: number } = {},
): { coefficients: number[]; intercept: number } {
  const l2 = opts.l2 ?? 1e-3;
  const steps = opts.steps ?? 600;
  const lr = opts.learningRate ?? 0.5;
  const d = SIGNALS.length;
  const n = Math.max(1, examples.length);
  const mean = new Float64Array(d);
  const spread = new Float64Array(d);
  for (const e of examples) for (let i = 0; i < d; i++) mean[i] += e.values[i] / n;
  for (const e of examples) for (let i = 0; i < d; i++) spread[i] += (e.values[i] - mean[i]) ** 2 / n;
  for (let i = 0; i < d; i++) spread[i] = Math.sqrt(spread[i]) || 1;
  const x = examples.map((e) => Float64Array.from(e.values, (v, i) => (v - mean[i]) / spread[i]));
  const w = new Float64Array(d);
  const positives = examples.filter((e) => e.label === 1).length;
  // Start at the base rate, so the steps go to the signals.
  let b = positives > 0 && positives < examples.length ? Math.log(positives / (examples.length - positives)) : 0;
  const grad = new Float64Array(d);
  for (let step = 0; step < steps; step++) {
    grad.fill(0);
    let gb = 0;
    examples.forEach((e, k) => {
      let z = b;
      for (let i = 0; i < d; i++) z += w[i] * x[k][i];
      const err = sigmoid(z) - e.label;
      for (let i = 0; i < d; i++) grad[i] += err * x[k][i];
      gb += err;
    });
    for (let i = 0; i < d; i++) w[i] -= lr * (grad[i] / n + l2 * w[i]);
    b -= lr * (gb / n);
  }
  // z = b + Σ w_i (v_i − mean_i) / spread_i  =  (b − Σ w_i mean_i / spread_i) + Σ (w_i / spread_i) v_i
  const coefficients = [...w].map((wi, i) => wi / spread[i]);
  return { coefficients, intercept: b - coefficients.reduce((s, c, i) => s + c * mean[i], 0) };
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
  const learned = reciprocalRanks(held, learnedRanker(file));
  const weights = reciprocalRanks(held, weightedRanker(DEFAULT_WEIGHTS));
  file.validation.learned = round(mean(learned));
  file.validation.weights = round(mean(weights));
  file.validation.adopted = beatsClearly(learned, weights);
  file.id = crypto.createHash('sha256').update(JSON.stringify(file)).digest('hex').slice(0, 12);
  return file;
}

/** Mean over groups of 1 / rank of the group's best-ranked positive (0 when it has none). */
export function meanReciprocalRank(examples: RankerExample[], ranker: Ranker): number {
  return mean(reciprocalRanks(examples, ranker));
}

/** Each group's 1 / rank of its best-ranked positive (0 when it has none), in order of the groups' first example. */
function reciprocalRanks(examples: RankerExample[], ranker: Ranker): number[] {
  const byGroup = new Map<number, Array<{ score: number; label: number }>>();
  for (const e of examples)
    (byGroup.get(e.group) ?? byGroup.set(e.group, []).get(e.group)!).push({
      score: ranker.score(e.values),
      label: e.label,
    });
  return [...byGroup.values()].map((rows) => {
    rows.sort((a, b) => b.score - a.score);
    const r = rows.findIndex((x) => x.label === 1);
    return r >= 0 ? 1 / (r + 1) : 0;
  });
}

/**
 * Whether paired scores `a` beat `b` by more than twice the standard error of their mean difference (about a
 * one-sided 98 % test): a learned ranker ahead of the hand weights by noise — both near zero over a million jobs,
 * say — is not adopted.
 */
export function beatsClearly(a: number[], b: number[]): boolean {
  const n = a.length;
  if (n < 2 || b.length !== n) return false;
  const d = a.map((x, i) => x - b[i]);
  const m = mean(d);
  const variance = d.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1);
  return m > 0 && m > 2 * Math.sqrt(variance / n);
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
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
