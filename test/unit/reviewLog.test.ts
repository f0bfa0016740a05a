import { describe, expect, it } from 'vitest';
import { answerFingerprint, carryEntries, findCarryOvers } from '../../src/core/review/carryOver';
import { isHistoryEntry, type HistoryEntry, type ReviewEntry } from '../../src/core/review/historyEntries';
import { deriveCardStates, mergeLogs, recordReview } from '../../src/core/review/historyLog';
import { ReviewScheduler, type ReviewRating } from '../../src/core/review/scheduler';

const scheduler = new ReviewScheduler();
const T0 = new Date(2025, 4, 5, 8, 0).getTime();
const MIN = 60_000;
const DAY = 86_400_000;
let counter = 0;

/** Appends a review the way the store does: scheduled from the state the log gives at that moment. */
function review(log: HistoryEntry[], cardId: string, at: number, rating: ReviewRating, back?: string): HistoryEntry[] {
  const entry = recordReview(log, scheduler, { id: `r${++counter}`, cardId, at, rating, ...(back ? { answer: answerFingerprint(back) } : {}) });
  return mergeLogs(log, [entry]);
}

describe('review history log', () => {
  it('appends reviews and derives each card\'s state from them', () => {
    let log: HistoryEntry[] = [];
    log = review(log, 'pod#a', T0, 3);
    log = review(log, 'pod#a', T0 + 10 * MIN, 3);
    log = review(log, 'pod#b', T0 + MIN, 1);
    const states = deriveCardStates(log, scheduler);
    expect([...states.keys()].sort()).toEqual(['pod#a', 'pod#b']);
    const a = states.get('pod#a')!;
    expect(a.reviews).toHaveLength(2);
    expect(a.state).toEqual(scheduler.next(scheduler.next(undefined, T0, 3), T0 + 10 * MIN, 3));
    expect(a.state.phase).toBe(2);
    expect(states.get('pod#b')!.state.phase).toBe(1);
    // Each entry is a complete record: rating, time, elapsed days, the state after, and a link to the one before.
    const second = log.find((e) => e.type === 'review' && e.cardId === 'pod#a' && e.at === T0 + 10 * MIN) as ReviewEntry;
    expect(second.prev).toBe(a.reviews[0]!.review.id);
    expect(second.elapsedDays).toBeCloseTo(10 / 1440, 3);
    expect(second.after).toEqual(a.state);
    expect(log.every(isHistoryEntry)).toBe(true);
  });

  it('an undo takes a review out, and the card\'s state is as if it never happened', () => {
    let log: HistoryEntry[] = review([], 'svc#a', T0, 3);
    log = review(log, 'svc#a', T0 + 10 * MIN, 1);
    const wrong = log[log.length - 1]!;
    log = mergeLogs(log, [{ type: 'undo', id: 'u1', at: T0 + 11 * MIN, reviewId: wrong.id }]);
    log = review(log, 'svc#a', T0 + 12 * MIN, 3);
    const state = deriveCardStates(log, scheduler).get('svc#a')!;
    expect(state.reviews.map((r) => r.review.rating)).toEqual([3, 3]);
    expect(state.state).toEqual(scheduler.next(scheduler.next(undefined, T0, 3), T0 + 12 * MIN, 3));
    expect(log.filter((e) => e.type === 'review')).toHaveLength(3); // the undone review stays in the log, marked
  });

  it('merges two diverging logs: every review kept once, states recomputed where they interleave', () => {
    let base: HistoryEntry[] = review([], 'ns#a', T0, 3);
    base = review(base, 'ns#a', T0 + 10 * MIN, 3);
    // Two windows started from the same history and went their own ways.
    let left = review(base, 'ns#a', T0 + 3 * DAY, 3);
    left = review(left, 'ns#b', T0 + 3 * DAY + MIN, 4);
    let right = review(base, 'ns#a', T0 + 2 * DAY, 1);
    right = review(right, 'ns#c', T0 + 2 * DAY + MIN, 3);

    const merged = mergeLogs(left, right);
    const ids = merged.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([...new Set([...left, ...right].map((e) => e.id))].sort());
    expect(mergeLogs(right, left)).toEqual(merged);
    expect(mergeLogs(merged, left, right)).toEqual(merged);

    const a = deriveCardStates(merged, scheduler).get('ns#a')!;
    expect(a.reviews.map((r) => r.review.at)).toEqual([T0, T0 + 10 * MIN, T0 + 2 * DAY, T0 + 3 * DAY]);
    // The day-3 answer was recorded without knowing about the day-2 lapse; the derived state includes both.
    let expected = scheduler.next(undefined, T0, 3);
    expected = scheduler.next(expected, T0 + 10 * MIN, 3);
    expected = scheduler.next(expected, T0 + 2 * DAY, 1);
    expected = scheduler.next(expected, T0 + 3 * DAY, 3);
    expect(a.state).toEqual(expected);
    expect(a.state.lapses).toBe(1);
    const states = deriveCardStates(merged, scheduler);
    expect(states.has('ns#b') && states.has('ns#c')).toBe(true);
  });

  it('a card whose question was reworded keeps its history when the answer still matches', () => {
    let log = review([], 'deployment#oldq', T0, 3, 'A ReplicaSet');
    log = review(log, 'deployment#oldq', T0 + 10 * MIN, 3, 'A ReplicaSet');
    log = review(log, 'deployment#other', T0, 3, 'Pods');
    const cards = [
      { id: 'deployment#newq', noteId: 'deployment', back: 'a  replicaset' }, // wording of the answer normalised
      { id: 'deployment#other', noteId: 'deployment', back: 'Pods' },
      { id: 'service#x', noteId: 'service', back: 'A ReplicaSet' }, // same answer, other note: not a match
    ];
    const carries = findCarryOvers(deriveCardStates(log, scheduler), cards);
    expect(carries).toEqual([{ from: 'deployment#oldq', to: 'deployment#newq' }]);
    log = mergeLogs(log, carryEntries(carries, T0 + DAY));
    const states = deriveCardStates(log, scheduler);
    expect(states.has('deployment#oldq')).toBe(false);
    expect(states.get('deployment#newq')!.reviews).toHaveLength(2);
    // Reviews after the carry-over continue the same chain.
    log = review(log, 'deployment#newq', states.get('deployment#newq')!.state.due, 3, 'A ReplicaSet');
    expect(deriveCardStates(log, scheduler).get('deployment#newq')!.state.reps).toBe(3);
    expect(findCarryOvers(deriveCardStates(log, scheduler), cards)).toEqual([]);
  });

  it('does not guess when the match is ambiguous', () => {
    let log = review([], 'pod#q1', T0, 3, 'yes');
    log = review(log, 'pod#q2', T0, 3, 'yes');
    const cards = [{ id: 'pod#q3', noteId: 'pod', back: 'yes' }];
    expect(findCarryOvers(deriveCardStates(log, scheduler), cards)).toEqual([]);
  });

  it('a vanished card keeps its history until it is pruned, and the prune survives a merge with an older copy', () => {
    let log = review([], 'gone#a', T0, 3);
    log = review(log, 'kept#a', T0, 3);
    const older = [...log];
    expect(deriveCardStates(log, scheduler).has('gone#a')).toBe(true); // nothing forgets it by itself
    log = mergeLogs(log, [{ type: 'prune', id: 'p1', at: T0 + DAY, cardId: 'gone#a' }]);
    expect(log.some((e) => e.type === 'review' && e.cardId === 'gone#a')).toBe(false);
    const merged = mergeLogs(older, log);
    expect(deriveCardStates(merged, scheduler).has('gone#a')).toBe(false);
    expect(deriveCardStates(merged, scheduler).has('kept#a')).toBe(true);
    // A review after the prune (the card came back) counts again.
    const after = review(merged, 'gone#a', T0 + 2 * DAY, 3);
    expect(deriveCardStates(after, scheduler).get('gone#a')!.reviews).toHaveLength(1);
  });

  it('rejects malformed entries', () => {
    const good = review([], 'pod#a', T0, 3)[0]!;
    expect(isHistoryEntry(good)).toBe(true);
    for (const bad of [null, [], { ...good, rating: 5 }, { ...good, id: '' }, { ...good, at: -1 }, { ...good, after: { ...((good as ReviewEntry).after), phase: 9 } },
      { ...good, cardId: '<script>' }, { type: 'undo', id: 'x', at: T0 }, { type: 'carry', id: 'c', at: T0, from: 'a#1', to: 'a#1' }, { type: 'drop', id: 'd', at: T0 }]) {
      expect(isHistoryEntry(bad)).toBe(false);
    }
  });
});
