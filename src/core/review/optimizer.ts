import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CLAMP_PARAMETERS, default_w, FSRSAlgorithm, generatorParameters, W17_W18_Ceiling, type FSRSState } from 'ts-fsrs';
import type { HistoryEntry } from './historyEntries';
import { deriveCardStates } from './historyLog';
import { DAY_MS, startOfDay } from './localDay';
import type { ReviewLogRow } from './reviewLogCsv';
import { ReviewScheduler, type ReviewRating } from './scheduler';
import { messageOf } from '../util/errors';

/** FSRS-6's 21 weights, the numbers ts-fsrs calls `w`. */
export type FsrsWeights = readonly number[];
export const DEFAULT_WEIGHTS: FsrsWeights = default_w;
const WEIGHT_COUNT = 21;

/**
 * Fewer reviews than this (counted as in `evaluateWeights`: answers on a later day than the card's previous one) are
 * too few to fit 21 weights without fitting noise; Anki's FSRS helper asks for a few hundred as well.
 */
export const MIN_REVIEWS_TO_OPTIMIZE = 400;

/** One card's answers in order, each with the whole days since the previous answer (0 for the first, and the same day). */
export interface CardSequence {
  cardId: string;
  reviews: { rating: ReviewRating; deltaDays: number }[];
}

/** Whole local calendar days from `from` to `to` (what FSRS's day-based model counts, as Anki does). */
const calendarDays = (from: number, to: number) => Math.max(0, Math.round((startOfDay(to) - startOfDay(from)) / DAY_MS));

/** The answers of the history the scheduler would use: undone reviews left out, carried-over cards under their new id. */
export function reviewRowsFromHistory(entries: readonly HistoryEntry[]): ReviewLogRow[] {
  const rows: ReviewLogRow[] = [];
  for (const history of deriveCardStates(entries, new ReviewScheduler()).values()) {
    for (const { review } of history.reviews) rows.push({ cardId: history.cardId, at: review.at, rating: review.rating });
  }
  return rows;
}

/** Groups answers by card, in time order. */
export function cardSequences(rows: readonly ReviewLogRow[]): CardSequence[] {
  const byCard = new Map<string, ReviewLogRow[]>();
  for (const row of rows) {
    const list = byCard.get(row.cardId);
    if (list) list.push(row); else byCard.set(row.cardId, [row]);
  }
  return [...byCard].map(([cardId, list]) => {
    list.sort((a, b) => a.at - b.at);
    return { cardId, reviews: list.map((row, i) => ({ rating: row.rating, deltaDays: i === 0 ? 0 : calendarDays(list[i - 1]!.at, row.at) })) };
  });
}

export interface FitMetrics {
  /** Mean binary cross-entropy of predicted recall against what happened (lower is better). */
  logLoss: number;
  /**
   * The benchmark's RMSE (bins): answers grouped by interval, number of earlier reviews and number of lapses
   * (log-spaced bins, as fsrs-rs's `r_matrix_index`); the root of the count-weighted mean squared difference
   * between mean predicted and observed recall per group.
   */
  rmse: number;
}

/** How many answers `evaluateWeights` scores: those after a card's first, on a later day than the one before. */
export function countScoredReviews(sequences: readonly CardSequence[]): number {
  let n = 0;
  for (const s of sequences) for (let i = 1; i < s.reviews.length; i++) if (s.reviews[i]!.deltaDays > 0) n++;
  return n;
}

const EPSILON = 1e-6;

/** fsrs-rs's bin of an answer for RMSE (bins): `delta_t`, long-term reviews before it + 1, and lapses before it. */
function rmseBin(deltaDays: number, longTermReviewsBefore: number, lapsesBefore: number): string {
  const logBin = (x: number, base: number, scale: number, factor: number) => Math.round(scale * base ** Math.floor(Math.log(x) / Math.log(base)) * factor);
  const delta = logBin(deltaDays, 3.62, 2.48, 100);
  const length = logBin(longTermReviewsBefore + 1, 1.89, 1.99, 1);
  const lapses = lapsesBefore === 0 ? 0 : logBin(lapsesBefore, 1.73, 1.65, 1);
  return `${delta}:${length}:${lapses}`;
}

/**
 * How well `weights` predict this history, as the FSRS benchmark measures it: replay each card's memory state
 * through its answers; before each answer after the first (on a later day), FSRS's retrievability is the predicted
 * chance of recall and the answer (Hard, Good or Easy = recalled; Again = forgotten) is the outcome. Same-day answers
 * still move the state (short-term stability) but are not scored: a day-based model predicts no forgetting within a day.
 */
export function evaluateWeights(sequences: readonly CardSequence[], weights: FsrsWeights): FitMetrics {
  const algorithm = new FSRSAlgorithm(generatorParameters({ w: [...weights], enable_short_term: true }));
  let loss = 0;
  let n = 0;
  const bins = new Map<string, { count: number; predicted: number; recalled: number }>();
  for (const sequence of sequences) {
    let state: FSRSState | null = null;
    let longTermReviews = 0;
    let lapses = 0;
    for (const [i, { rating, deltaDays }] of sequence.reviews.entries()) {
      if (i > 0 && state && deltaDays > 0) {
        const predicted = Math.min(1 - EPSILON, Math.max(EPSILON, algorithm.forgetting_curve(deltaDays, state.stability)));
        const recalled = rating > 1 ? 1 : 0;
        loss -= recalled * Math.log(predicted) + (1 - recalled) * Math.log(1 - predicted);
        n++;
        const key = rmseBin(deltaDays, longTermReviews, lapses);
        const bin = bins.get(key) ?? { count: 0, predicted: 0, recalled: 0 };
        bin.count++;
        bin.predicted += predicted;
        bin.recalled += recalled;
        bins.set(key, bin);
      }
      if (deltaDays > 0) {
        longTermReviews++;
        if (rating === 1) lapses++;
      }
      state = algorithm.next_state(state, deltaDays, rating);
    }
  }
  if (!n) return { logLoss: Number.NaN, rmse: Number.NaN };
  let squared = 0;
  for (const bin of bins.values()) squared += bin.count * ((bin.predicted - bin.recalled) / bin.count) ** 2;
  return { logLoss: loss / n, rmse: Math.sqrt(squared / n) };
}

/**
 * Why `weights` cannot be used to schedule, or undefined when they can: 21 finite numbers inside the ranges FSRS
 * clamps its weights to, and intervals that stay finite and within FSRS's ceiling over a long run of Good answers
 * (weights edited by hand or fitted to odd data must not make intervals explode).
 */
export function weightsProblem(weights: unknown): string | undefined {
  if (!Array.isArray(weights) || weights.length !== WEIGHT_COUNT) return `FSRS parameters must be a list of ${WEIGHT_COUNT} numbers`;
  const ranges = CLAMP_PARAMETERS(W17_W18_Ceiling, true);
  for (const [i, w] of weights.entries()) {
    if (typeof w !== 'number' || !Number.isFinite(w)) return `FSRS parameter ${i + 1} is not a number`;
    const [min, max] = ranges[i]!;
    if (w < min! || w > max!) return `FSRS parameter ${i + 1} is ${w}, outside ${min}–${max}`;
  }
  const algorithm = new FSRSAlgorithm(generatorParameters({ w: weights as number[], enable_short_term: true, maximum_interval: 36500 }));
  let state: FSRSState | null = null;
  let interval = 0;
  for (let i = 0; i < 30; i++) {
    state = algorithm.next_state(state, interval, 3);
    interval = algorithm.next_interval(state.stability, interval);
    if (!Number.isFinite(state.stability) || !Number.isFinite(state.difficulty) || !Number.isFinite(interval) || interval < 1) {
      return 'these FSRS parameters give intervals that are not finite';
    }
  }
  return undefined;
}

/** The part of @open-spaced-repetition/binding we use (fsrs-rs, the optimizer Anki uses). */
interface OptimizerBinding {
  computeParameters(items: unknown[], options: {
    enableShortTerm: boolean; numRelearningSteps?: number; timeout?: number; progress?: (current: number, total: number) => boolean | undefined | void;
  }): Promise<number[]>;
  FSRSBindingItem: new (reviews: unknown[]) => unknown;
  FSRSBindingReview: new (rating: number, deltaT: number) => unknown;
}

/** Where the build copies the binding's loader and native module, relative to the package root. */
const OPTIMIZER_DIR = path.join('dist', 'fsrs');

/** Loaded bindings by package root (one in practice; tests load from several). */
const bindings = new Map<string, OptimizerBinding>();

/**
 * Loads the optimizer on first use only (it is a native module of about 1 MB; review and scheduling never need it).
 * From `<root>/dist/fsrs/` in a build, else from node_modules in a development tree. Throws a readable error.
 */
export function loadOptimizerBinding(packageRoot: string): OptimizerBinding {
  const cached = bindings.get(packageRoot);
  if (cached) return cached;
  const built = path.join(packageRoot, OPTIMIZER_DIR, 'index.cjs');
  // createRequire keeps the path out of esbuild's sight: the binding is loaded from disk, not bundled.
  const load = createRequire(path.join(packageRoot, 'package.json'));
  let binding: OptimizerBinding;
  try {
    binding = (fs.existsSync(built) ? load(built) : load('@open-spaced-repetition/binding')) as OptimizerBinding;
  } catch (error) {
    const reason = messageOf(error).split('\n')[0];
    throw new OptimizerError(`the FSRS optimizer could not be loaded on ${process.platform}-${process.arch} (${reason})`);
  }
  bindings.set(packageRoot, binding);
  return binding;
}

/** A clear reason the optimizer gave no new parameters; the caller keeps the ones it had. */
export class OptimizerError extends Error {}

export interface OptimizeOptions {
  packageRoot: string;
  /** The learning/relearning settings the history was reviewed with: fsrs-rs fits short-term memory with them. */
  relearningSteps?: number;
  /** Called as the optimizer works through its epochs; returning false stops it (the user cancelled). */
  progress?: (done: number, total: number) => boolean | void;
  /** How often fsrs-rs reports progress (its `timeout` option; 500 ms by default). */
  progressIntervalMs?: number;
}

export interface OptimizationResult {
  /** Answers scored (see `countScoredReviews`). */
  reviews: number;
  before: FitMetrics;
  /** The fit of the parameters the optimizer found, whether or not they were kept. */
  after: FitMetrics;
  /** True when the optimizer's parameters predict this history better than `current` and are safe to use. */
  improved: boolean;
  /** The parameters to use from now on: the new ones when improved, else `current` unchanged. */
  parameters: number[];
  /** What happened, in words for the user. */
  message: string;
}

/**
 * Fits FSRS parameters to a history with fsrs-rs and keeps them only when they are better than `current` by our own
 * evaluation on the same history (lower log loss) and pass `weightsProblem`. Throws OptimizerError (and changes
 * nothing) when the history is too small or the optimizer cannot run.
 */
export async function optimizeWeights(rows: readonly ReviewLogRow[], current: FsrsWeights, options: OptimizeOptions): Promise<OptimizationResult> {
  const sequences = cardSequences(rows);
  const reviews = countScoredReviews(sequences);
  if (reviews < MIN_REVIEWS_TO_OPTIMIZE) {
    throw new OptimizerError(`optimizing needs at least ${MIN_REVIEWS_TO_OPTIMIZE} reviews of cards seen on an earlier day; this history has ${reviews}`);
  }
  const before = evaluateWeights(sequences, current);
  const optimizer = loadOptimizerBinding(options.packageRoot);
  const items: unknown[] = [];
  for (const { reviews: answers } of sequences) {
    const all = answers.map((r) => new optimizer.FSRSBindingReview(r.rating, r.deltaDays));
    for (let k = 1; k < all.length; k++) items.push(new optimizer.FSRSBindingItem(all.slice(0, k + 1)));
  }
  let fitted: number[];
  let cancelled = false;
  try {
    fitted = await optimizer.computeParameters(items, {
      enableShortTerm: true,
      numRelearningSteps: options.relearningSteps ?? 1,
      ...(options.progressIntervalMs !== undefined ? { timeout: options.progressIntervalMs } : {}),
      ...(options.progress ? { progress: (done: number, total: number) => { if (options.progress!(done, total) === false) cancelled = true; return !cancelled; } } : {}),
    });
  } catch (error) {
    if (cancelled) throw new OptimizerError('optimizing was cancelled');
    throw new OptimizerError(`the FSRS optimizer could not fit this history (${messageOf(error)})`);
  }
  if (cancelled) throw new OptimizerError('optimizing was cancelled');
  const problem = weightsProblem(fitted);
  const after = problem ? { logLoss: Number.NaN, rmse: Number.NaN } : evaluateWeights(sequences, fitted);
  const improved = !problem && after.logLoss < before.logLoss;
  const message = problem ? `The optimizer's parameters were not used: ${problem}. The previous parameters are kept.`
    : improved ? `New parameters fit your ${reviews} reviews better (log loss ${before.logLoss.toFixed(4)} → ${after.logLoss.toFixed(4)}).`
    : `The optimizer's parameters do not fit your ${reviews} reviews better (log loss ${before.logLoss.toFixed(4)} → ${after.logLoss.toFixed(4)}); the previous parameters are kept.`;
  return { reviews, before, after, improved, parameters: improved ? fitted.map(Number) : [...current], message };
}
