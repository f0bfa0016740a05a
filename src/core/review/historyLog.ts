import type { HistoryEntry, ReviewEntry } from './historyEntries';
import { DAY_MS } from './localDay';
import type { MemoryState, ReviewRating, ReviewScheduler } from './scheduler';
import { balanceDueDay, dueCountsByDay } from './loadBalance';

const byTimeThenId = (a: HistoryEntry, b: HistoryEntry) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The union of several copies of the log: every event once (by id), in time order, with the reviews a prune
 * forgot left out. Merging is commutative and idempotent, so the order in which windows write does not matter.
 */
export function mergeLogs(...logs: readonly (readonly HistoryEntry[])[]): HistoryEntry[] {
  const byId = new Map<string, HistoryEntry>();
  for (const log of logs) for (const entry of log) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  return compact([...byId.values()].sort(byTimeThenId));
}

/** Drops reviews covered by a prune, and undos whose review is gone. */
function compact(sorted: HistoryEntry[]): HistoryEntry[] {
  const prunes = sorted.filter((e) => e.type === 'prune');
  if (!prunes.length) return sorted;
  const resolve = carryResolver(sorted);
  const prunedUntil = new Map<string, number>();
  for (const p of prunes) prunedUntil.set(p.cardId, Math.max(prunedUntil.get(p.cardId) ?? 0, p.at));
  const removed = new Set<string>();
  for (const e of sorted) {
    if (e.type !== 'review') continue;
    const until = prunedUntil.get(resolve(e.cardId));
    if (until !== undefined && e.at <= until) removed.add(e.id);
  }
  return sorted.filter((e) => !removed.has(e.id) && !(e.type === 'undo' && removed.has(e.reviewId)));
}

/** Maps a card id through the carry-overs recorded in the log (a chain a→b→c ends at c; a cycle stops where it closes). */
export function carryResolver(entries: readonly HistoryEntry[]): (cardId: string) => string {
  const next = new Map<string, string>();
  for (const e of entries) if (e.type === 'carry') next.set(e.from, e.to);
  return (cardId) => {
    let current = cardId;
    const seen = new Set([current]);
    for (let target = next.get(current); target !== undefined && !seen.has(target); target = next.get(current)) {
      seen.add(target);
      current = target;
    }
    return current;
  };
}

export interface ReviewWithState {
  review: ReviewEntry;
  /** The state the card was in when this answer was given (undefined for its first review). */
  before?: MemoryState;
  after: MemoryState;
}

/** Everything the log says about one card (under its current id, carry-overs applied). */
export interface CardHistory {
  cardId: string;
  reviews: ReviewWithState[];
  state: MemoryState;
  lastReviewId: string;
  firstReviewAt: number;
  /** The answer hash of the latest review that recorded one. */
  answer?: string;
}

/**
 * Card states derived from the log. Each review stores the state it produced; that state is taken as it is when
 * the review followed the one before it in the derived order (`prev` matches). When it does not — an undo removed a
 * review in between, or two windows answered the same card and their logs were merged — the state is recomputed
 * with the scheduler from that review on (every later stored state was built on the other history), so the result
 * never depends on which window wrote first.
 */
export function deriveCardStates(entries: readonly HistoryEntry[], scheduler: ReviewScheduler): Map<string, CardHistory> {
  const undone = new Set<string>();
  for (const e of entries) if (e.type === 'undo') undone.add(e.reviewId);
  const resolve = carryResolver(entries);
  const grouped = new Map<string, ReviewEntry[]>();
  for (const e of entries) {
    if (e.type !== 'review' || undone.has(e.id)) continue;
    const id = resolve(e.cardId);
    const list = grouped.get(id);
    if (list) list.push(e); else grouped.set(id, [e]);
  }
  const result = new Map<string, CardHistory>();
  for (const [cardId, reviews] of grouped) {
    reviews.sort(byTimeThenId);
    let state: MemoryState | undefined;
    let prevId: string | null = null;
    let answer: string | undefined;
    // Once one state had to be recomputed, every stored state after it was based on a history that is not this one.
    let trusted = true;
    const steps: ReviewWithState[] = [];
    for (const review of reviews) {
      trusted &&= review.prev === prevId;
      const after: MemoryState = trusted ? review.after : scheduler.next(state, review.at, review.rating);
      steps.push({ review, ...(state ? { before: state } : {}), after });
      state = after;
      prevId = review.id;
      answer = review.answer ?? answer;
    }
    result.set(cardId, {
      cardId, reviews: steps, state: state!, lastReviewId: prevId!, firstReviewAt: reviews[0]!.at, ...(answer ? { answer } : {}),
    });
  }
  return result;
}

export interface ReviewRequest {
  id: string;
  cardId: string;
  at: number;
  rating: ReviewRating;
  durationMs?: number;
  answer?: string;
}

/** The log entry for an answer, scheduled from the card's current derived state (load-balanced when the settings say so). */
export function recordReview(entries: readonly HistoryEntry[], scheduler: ReviewScheduler, request: ReviewRequest): ReviewEntry {
  const histories = deriveCardStates(entries, scheduler);
  const history = histories.get(request.cardId);
  const before = history?.state;
  const scheduled = scheduler.next(before, request.at, request.rating);
  const entry: ReviewEntry = {
    type: 'review',
    id: request.id,
    cardId: request.cardId,
    at: request.at,
    rating: request.rating,
    elapsedDays: before?.lastReview !== undefined ? Math.max(0, Math.round(((request.at - before.lastReview) / DAY_MS) * 1000) / 1000) : 0,
    prev: history?.lastReviewId ?? null,
    after: scheduler.settings.loadBalancing
      ? balanceDueDay(scheduled, dueCountsByDay(histories, request.cardId), scheduler.settings.maximumIntervalDays)
      : scheduled,
  };
  if (request.durationMs !== undefined) entry.durationMs = Math.round(request.durationMs);
  if (request.answer !== undefined) entry.answer = request.answer;
  return entry;
}

