import { createEmptyCard, fsrs, type Card as FsrsCard, type FSRS, type Grade, type StepUnit } from 'ts-fsrs';
import { formatInterval } from './intervalLabel';
import { RATINGS, type MemoryPhase, type ReviewRating } from './ratings';

// The plain values (ratings, phases) live in ratings.ts: the webview uses them without bundling ts-fsrs.
export { PHASE_NAMES, type ReviewRating } from './ratings';

import type { MemoryState } from './historyEntries';
export type { MemoryState } from './historyEntries';

export interface SchedulerSettings {
  /** The probability of recall FSRS aims for when it picks an interval (0.7–0.99). */
  desiredRetention: number;
  /** How many cards never seen before a day may bring. */
  newCardsPerDay: number;
  /** Short steps a new card goes through before FSRS schedules it in days, e.g. `['1m', '10m']`. */
  learningSteps: string[];
  /** The same for a card that was forgotten. */
  relearningSteps: string[];
  /** The longest interval FSRS may give, in days. */
  maximumIntervalDays: number;
  /** How many cards already learnt (review phase) a day may bring; learning steps are never held back. */
  reviewsPerDay: number;
  /** Pick each review's due day within its fuzz range where the fewest cards are due already, so no day spikes. */
  loadBalancing: boolean;
  /** FSRS parameters fitted to the user's history (`optimizer.ts`); FSRS's defaults when absent. */
  weights?: readonly number[];
}

export const DEFAULT_SCHEDULER_SETTINGS: SchedulerSettings = {
  desiredRetention: 0.9,
  newCardsPerDay: 20,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  maximumIntervalDays: 36500,
  reviewsPerDay: 200,
  loadBalancing: false,
};

const STEP = /^\d+(\.\d+)?[mhd]$/;

/**
 * Settings come from the user's configuration: anything out of range falls back to the default, and each fallback is
 * named so it can be shown rather than silently applied.
 */
export function normaliseSchedulerSettings(raw: Partial<Record<keyof SchedulerSettings, unknown>>): { settings: SchedulerSettings; problems: string[] } {
  const problems: string[] = [];
  const d = DEFAULT_SCHEDULER_SETTINGS;
  const number = (key: keyof SchedulerSettings, min: number, max: number, fallback: number, integer = false): number => {
    const value = raw[key];
    if (value === undefined) return fallback;
    if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value))) return value;
    problems.push(`${key} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}; using ${fallback}.`);
    return fallback;
  };
  const steps = (key: 'learningSteps' | 'relearningSteps', fallback: string[]): string[] => {
    const value = raw[key];
    if (value === undefined) return fallback;
    if (Array.isArray(value) && value.length <= 10 && value.every((s) => typeof s === 'string' && STEP.test(s))) return value as string[];
    problems.push(`${key} must be a list of durations such as "1m", "10m", "1h" or "1d"; using ${JSON.stringify(fallback)}.`);
    return fallback;
  };
  const flag = (key: 'loadBalancing', fallback: boolean): boolean => {
    const value = raw[key];
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    problems.push(`${key} must be true or false; using ${fallback}.`);
    return fallback;
  };
  return {
    settings: {
      desiredRetention: number('desiredRetention', 0.7, 0.99, d.desiredRetention),
      newCardsPerDay: number('newCardsPerDay', 0, 10_000, d.newCardsPerDay, true),
      learningSteps: steps('learningSteps', d.learningSteps),
      relearningSteps: steps('relearningSteps', d.relearningSteps),
      maximumIntervalDays: number('maximumIntervalDays', 1, 36500, d.maximumIntervalDays, true),
      reviewsPerDay: number('reviewsPerDay', 0, 100_000, d.reviewsPerDay, true),
      loadBalancing: flag('loadBalancing', d.loadBalancing),
    },
    problems,
  };
}

export interface IntervalPreview { rating: ReviewRating; due: number; label: string }

/**
 * FSRS-6 through ts-fsrs. Fuzz is on so cards learnt together drift apart; ts-fsrs seeds it from the review time and
 * the card's state, so replaying the same review gives the same result.
 */
export class ReviewScheduler {
  private readonly fsrs: FSRS;

  constructor(readonly settings: SchedulerSettings = DEFAULT_SCHEDULER_SETTINGS) {
    this.fsrs = fsrs(fsrsParameters(settings));
  }

  /** The state after answering `rating` at `at`; `undefined` means a card never reviewed. */
  next(state: MemoryState | undefined, at: number, rating: ReviewRating): MemoryState {
    return fromFsrsCard(this.fsrs.next(toFsrsCard(state, at), new Date(at), rating as Grade).card);
  }

  /** What each answer would do now: the due time and a short label for the button. */
  preview(state: MemoryState | undefined, now: number): IntervalPreview[] {
    const outcomes = this.fsrs.repeat(toFsrsCard(state, now), new Date(now));
    return RATINGS.map((rating) => {
      const due = outcomes[rating as Grade].card.due.getTime();
      return { rating, due, label: formatInterval(due - now) };
    });
  }

  /** Probability of recall now, from FSRS's forgetting curve; undefined for a card never reviewed. */
  retrievability(state: MemoryState | undefined, now: number): number | undefined {
    if (!state || state.phase === 0) return undefined;
    return this.fsrs.get_retrievability(toFsrsCard(state, now), new Date(now), false);
  }
}

/** The ts-fsrs parameters for our settings (exported so tests can run ts-fsrs directly with the same ones). */
export function fsrsParameters(settings: SchedulerSettings) {
  return {
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maximumIntervalDays,
    enable_fuzz: true,
    enable_short_term: true,
    learning_steps: settings.learningSteps as StepUnit[],
    relearning_steps: settings.relearningSteps as StepUnit[],
    ...(settings.weights ? { w: [...settings.weights] } : {}),
  };
}

export function toFsrsCard(state: MemoryState | undefined, now: number): FsrsCard {
  if (!state) return createEmptyCard(new Date(now));
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.phase,
    ...(state.lastReview !== undefined ? { last_review: new Date(state.lastReview) } : {}),
  };
}

export function fromFsrsCard(card: FsrsCard): MemoryState {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    phase: card.state as number as MemoryPhase,
    ...(card.last_review ? { lastReview: card.last_review.getTime() } : {}),
  };
}

