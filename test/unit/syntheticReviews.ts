import { default_w, FSRSAlgorithm, generatorParameters, type FSRSState } from 'ts-fsrs';
import type { HistoryEntry, ReviewEntry } from '../../src/core/review/historyEntries';
import { addDays, DAY_MS } from '../../src/core/review/localDay';
import type { ReviewLogRow } from '../../src/core/review/reviewLogCsv';
import { ReviewScheduler, type MemoryState, type ReviewRating } from '../../src/core/review/scheduler';
import { seededRandom } from '../../src/core/review/workloadSimulation';

/** The "true" memory model of the synthetic learner: FSRS-6 with clearly non-default weights. */
export const TRUE_WEIGHTS = [...default_w];
TRUE_WEIGHTS.splice(0, 4, 1.0, 3.0, 9.0, 25.0); // initial stabilities after Again, Hard, Good, Easy
TRUE_WEIGHTS[8] = 1.4; // how much a successful review grows stability

/**
 * A year of reviews of `cards` cards by a learner whose memory follows TRUE_WEIGHTS: each card is first seen on one of
 * the first 60 days, then reviewed when the true model's interval at 90 % retention is up (sometimes a few days
 * late); each answer is recalled with the true retrievability and rated Hard/Good/Easy, or forgotten (Again).
 */
export function syntheticHistory(cards: number, seed: number): ReviewLogRow[] {
  const random = seededRandom(seed);
  const model = new FSRSAlgorithm(generatorParameters({ w: TRUE_WEIGHTS, enable_short_term: true, request_retention: 0.9 }));
  const start = new Date(2025, 0, 6, 9, 0).getTime();
  const rows: ReviewLogRow[] = [];
  for (let c = 0; c < cards; c++) {
    let day = Math.floor(random() * 60);
    let state: FSRSState | null = null;
    let elapsed = 0;
    while (day < 365) {
      let rating: ReviewRating;
      if (!state) rating = random() < 0.2 ? 1 : random() < 0.15 ? 2 : random() < 0.85 ? 3 : 4;
      else {
        const recalled = random() < model.forgetting_curve(elapsed, state.stability);
        rating = !recalled ? 1 : random() < 0.15 ? 2 : random() < 0.9 ? 3 : 4;
      }
      rows.push({ cardId: `card-${c}`, at: addDays(start, day), rating });
      state = model.next_state(state, elapsed, rating);
      const interval = model.next_interval(state.stability, elapsed);
      elapsed = Math.max(1, interval) + (random() < 0.2 ? Math.floor(random() * 4) : 0);
      day += elapsed;
    }
  }
  return rows;
}

/** The same answers as a review log CSV in the FSRS optimizer's common format. */
export const toReviewLogCsv = (rows: readonly ReviewLogRow[]): string =>
  `card_id,review_time,review_rating,review_state,review_duration\n${rows.map((r) => `${r.cardId},${r.at},${r.rating},,`).join('\n')}\n`;

/** The same answers as the extension's history entries (each card's reviews chained, states from the default scheduler). */
export function toHistoryEntries(rows: readonly ReviewLogRow[]): HistoryEntry[] {
  const scheduler = new ReviewScheduler();
  const last = new Map<string, ReviewEntry>();
  const entries: HistoryEntry[] = [];
  for (const [i, row] of [...rows].sort((a, b) => a.at - b.at).entries()) {
    const before = last.get(row.cardId);
    const state: MemoryState | undefined = before?.after;
    const entry: ReviewEntry = {
      type: 'review', id: `r${i}`, cardId: row.cardId, at: row.at, rating: row.rating,
      elapsedDays: state?.lastReview !== undefined ? (row.at - state.lastReview) / DAY_MS : 0,
      prev: before?.id ?? null, after: scheduler.next(state, row.at, row.rating),
    };
    last.set(row.cardId, entry);
    entries.push(entry);
  }
  return entries;
}
