import { addDays, startOfDay } from './localDay';
import type { ReviewLogRow } from './reviewLogCsv';
import { ReviewScheduler, type MemoryState, type SchedulerSettings } from './scheduler';

/** The retentions the statistics view compares: 0.80, 0.81, … 0.97. */
export const SIMULATED_RETENTIONS: readonly number[] = Array.from({ length: 18 }, (_, i) => Math.round((0.8 + i / 100) * 100) / 100);
export const SIMULATED_DAYS = 30;

export interface WorkloadAtRetention {
  retention: number;
  /** Expected answers on each of the next days (day 0 is today), learning steps included. */
  reviewsPerDay: number[];
  /** Mean of `reviewsPerDay`: what the setting costs a day. */
  averagePerDay: number;
}

export interface WorkloadInput {
  /** The current state of every card reviewed so far. */
  states: readonly MemoryState[];
  /** Cards never reviewed, brought in at `settings.newCardsPerDay` a day. */
  newCards: number;
  settings: SchedulerSettings;
  now: number;
  retentions?: readonly number[];
  days?: number;
  /** Monte Carlo runs averaged per retention (seeded, so the same input gives the same figures). */
  runs?: number;
  seed?: number;
}

/** A small seeded PRNG (mulberry32): the simulation must give the same answer twice. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reviews are taken at this hour of each simulated day (a card due earlier that day waits until then). */
const STUDY_HOUR_MS = 9 * 3_600_000;
/** A card is never answered more often than this in one simulated day (learning steps are a handful). */
const MAX_ANSWERS_PER_CARD_AND_DAY = 10;

/**
 * What each desired retention would cost over the next days: every card is reviewed when it falls due with the
 * user's scheduler (their FSRS parameters, steps and maximum interval, fuzz included) at that retention, and
 * remembered with the probability FSRS predicts (Good) or forgotten (Again, then its relearning steps). The answers
 * per day are averaged over a few seeded runs.
 */
export function simulateWorkload(input: WorkloadInput): WorkloadAtRetention[] {
  const days = input.days ?? SIMULATED_DAYS;
  const runs = input.runs ?? 4;
  const today = startOfDay(input.now);
  return (input.retentions ?? SIMULATED_RETENTIONS).map((retention) => {
    const scheduler = new ReviewScheduler({ ...input.settings, desiredRetention: retention, loadBalancing: false });
    const totals = new Array<number>(days).fill(0);
    for (let run = 0; run < runs; run++) {
      const random = seededRandom((input.seed ?? 1) + run * 7919);
      const cards: (MemoryState | undefined)[] = [...input.states];
      let unseen = input.newCards;
      for (let day = 0; day < days; day++) {
        const dayStart = addDays(today, day);
        const dayEnd = addDays(today, day + 1) - 1;
        const studyAt = Math.max(dayStart + STUDY_HOUR_MS, day === 0 ? input.now : 0);
        const introduce = Math.min(unseen, input.settings.newCardsPerDay);
        unseen -= introduce;
        for (let i = 0; i < introduce; i++) cards.push(undefined);
        for (let c = 0; c < cards.length; c++) {
          let state = cards[c];
          let at = studyAt;
          for (let n = 0; n < MAX_ANSWERS_PER_CARD_AND_DAY && (!state || state.due <= dayEnd); n++) {
            at = Math.max(at, state?.due ?? at);
            if (at > dayEnd) break;
            const recall = scheduler.retrievability(state, at) ?? 1;
            state = scheduler.next(state, at, !state || random() < recall ? 3 : 1);
            totals[day]!++;
          }
          cards[c] = state;
        }
      }
    }
    const reviewsPerDay = totals.map((t) => t / runs);
    return { retention, reviewsPerDay, averagePerDay: reviewsPerDay.reduce((a, b) => a + b, 0) / days };
  });
}

/** Card states from a plain review log (a CSV has answers, not states): each card's answers replayed in order. */
export function replayStates(rows: readonly ReviewLogRow[], scheduler: ReviewScheduler): MemoryState[] {
  const states = new Map<string, MemoryState>();
  for (const row of [...rows].sort((a, b) => a.at - b.at)) states.set(row.cardId, scheduler.next(states.get(row.cardId), row.at, row.rating));
  return [...states.values()];
}
