import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/core/review/historyEntries';
import { deriveCardStates, mergeLogs, recordReview } from '../../src/core/review/historyLog';
import { balanceDueDay, dueCountsByDay } from '../../src/core/review/loadBalance';
import { HistoryStore } from '../../src/core/review/historyStore';
import { startOfDay } from '../../src/core/review/localDay';
import { ReviewService } from '../../src/core/review/reviewService';
import { DEFAULT_SCHEDULER_SETTINGS, normaliseSchedulerSettings, ReviewScheduler, type MemoryState } from '../../src/core/review/scheduler';
import { planSession, reviewsAnsweredToday, type StudyCard } from '../../src/core/review/session';
import { replayStates, seededRandom, simulateWorkload, SIMULATED_RETENTIONS } from '../../src/core/review/workloadSimulation';
import { syntheticHistory, TRUE_WEIGHTS } from './syntheticReviews';

const T0 = new Date(2025, 6, 7, 9, 0).getTime();
const DAY = 86_400_000;
const scheduler = new ReviewScheduler();
const card = (n: number): StudyCard => ({ id: `pod#q${n}`, noteId: 'pod', noteTitle: 'POD', kind: 'basic', front: `Q${n}?`, back: `A${n}` });

/** A log where cards 1..n were answered Easy long ago, so all are review cards due now. */
function dueReviews(n: number): HistoryEntry[] {
  let log: HistoryEntry[] = [];
  for (let i = 1; i <= n; i++) log = mergeLogs(log, [recordReview(log, scheduler, { id: `e${i}`, cardId: `pod#q${i}`, at: T0 - (60 + i) * DAY, rating: 4 })]);
  return log;
}

describe('daily review limit', () => {
  const cards = [1, 2, 3, 4, 5, 6].map(card);

  it('brings at most reviewsPerDay review cards a day, oldest first, and counts those answered today', () => {
    const log = dueReviews(5);
    const settings = { ...DEFAULT_SCHEDULER_SETTINGS, reviewsPerDay: 3, newCardsPerDay: 1 };
    const before = deriveCardStates(log, scheduler);
    const plan = planSession(cards, before, { kind: 'due' }, settings, T0);
    const oldestDue = [...before.values()].sort((a, b) => a.state.due - b.state.due).slice(0, 3).map((h) => h.cardId);
    expect(plan.cards.map((c) => c.id)).toEqual([...oldestDue, 'pod#q6']);
    expect(plan).toMatchObject({ due: 3, fresh: 1, heldBack: 2 });

    const answered = mergeLogs(log, [recordReview(log, scheduler, { id: 'today', cardId: 'pod#q5', at: T0, rating: 3 })]);
    const histories = deriveCardStates(answered, scheduler);
    expect(reviewsAnsweredToday(histories, T0 + 60_000)).toBe(1);
    const later = planSession(cards, histories, { kind: 'due' }, settings, T0 + 60_000);
    expect(later).toMatchObject({ due: 2, heldBack: 2 });
  });

  it('does not limit a concept reviewed on purpose, nor learning steps', () => {
    const log = dueReviews(4);
    const withLearning = mergeLogs(log, [recordReview(log, scheduler, { id: 'l', cardId: 'pod#q6', at: T0 - 5 * 60_000, rating: 1 })]);
    const settings = { ...DEFAULT_SCHEDULER_SETTINGS, reviewsPerDay: 0 };
    const histories = deriveCardStates(withLearning, scheduler);
    expect(planSession(cards, histories, { kind: 'due' }, settings, T0)).toMatchObject({ due: 1, heldBack: 4 });
    expect(planSession(cards, histories, { kind: 'concepts', noteIds: ['pod'], label: 'Pod' }, settings, T0)).toMatchObject({ due: 5, heldBack: 0 });
  });
});

describe('daily review limit in a review session', () => {
  it('says how many reviews wait for tomorrow, and why a session is empty when the limit is reached', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-limit-'));
    try {
      const store = new HistoryStore(path.join(dir, 'review-history.json'));
      await store.append(() => dueReviews(3));
      let reviewsPerDay = 2;
      const service = new ReviewService({ store, cards: async () => [1, 2, 3].map(card), settings: () => ({ ...DEFAULT_SCHEDULER_SETTINGS, reviewsPerDay }), now: () => T0 });
      const limited = (await service.startSession({ kind: 'due' })).session;
      expect(limited.cards).toHaveLength(2);
      expect(limited.note).toBe('2 due · 1 more wait for tomorrow (daily review limit)');
      reviewsPerDay = 0;
      const none = (await service.startSession({ kind: 'due' })).session;
      expect(none.cards).toEqual([]);
      expect(none.note).toBe("Today's review limit (0) is reached; 3 reviews wait for tomorrow.");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('load balancing', () => {
  const review: MemoryState = {
    due: T0 + 10 * DAY, stability: 10, difficulty: 5, elapsedDays: 8, scheduledDays: 10, learningSteps: 0, reps: 4, lapses: 0, phase: 2, lastReview: T0,
  };

  it('moves a review to the least loaded day of its fuzz range, the nearest on a tie, and leaves short intervals alone', () => {
    const day = (offset: number) => startOfDay(T0 + offset * DAY);
    // ts-fsrs fuzzes a 10-day interval (8 days elapsed) within 9–12 days.
    const busy = new Map([[day(9), 5], [day(10), 9], [day(11), 2], [day(12), 7], [day(13), 0]]);
    const moved = balanceDueDay(review, busy, 36500);
    expect(moved.scheduledDays).toBe(11);
    expect(moved.due - review.due).toBe(DAY);
    const tie = balanceDueDay(review, new Map([[day(9), 1], [day(10), 3], [day(11), 1], [day(12), 0]]), 36500);
    expect(tie.scheduledDays).toBe(12);
    // Days 9, 11 and 12 are equally loaded: 9 and 11 are nearest to 10, and 9 is the earlier.
    const nearest = balanceDueDay(review, new Map([[day(9), 1], [day(10), 3], [day(11), 1], [day(12), 1]]), 36500);
    expect(nearest.scheduledDays).toBe(9);
    expect(balanceDueDay(review, new Map([[day(9), 2], [day(10), 3], [day(11), 1], [day(12), 1]]), 36500).scheduledDays).toBe(11);
    expect(balanceDueDay(review, new Map(), 36500)).toBe(review);
    const short = { ...review, scheduledDays: 2, due: T0 + 2 * DAY };
    expect(balanceDueDay(short, busy, 36500)).toBe(short);
    expect(balanceDueDay({ ...review, phase: 1 }, busy, 36500).scheduledDays).toBe(10);
  });

  it('spreads a batch of reviews answered together over the days instead of piling them on one', () => {
    let log: HistoryEntry[] = [];
    const plain: number[] = [];
    const balanced = new ReviewScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, loadBalancing: true });
    for (let i = 0; i < 40; i++) {
      const id = `pod#q${i}`;
      const first = recordReview([], scheduler, { id: `a${i}`, cardId: id, at: T0 - 30 * DAY, rating: 3 });
      const second = recordReview([first], scheduler, { id: `b${i}`, cardId: id, at: T0 - 20 * DAY, rating: 3 });
      log = mergeLogs(log, [first, second]);
      plain.push(startOfDay(recordReview([first, second], scheduler, { id: `c${i}`, cardId: id, at: T0, rating: 3 }).after.due));
    }
    for (let i = 0; i < 40; i++) log = mergeLogs(log, [recordReview(log, balanced, { id: `c${i}`, cardId: `pod#q${i}`, at: T0, rating: 3 })]);
    const counts = [...dueCountsByDay(deriveCardStates(log, balanced)).values()];
    const plainCounts = new Map<number, number>();
    for (const d of plain) plainCounts.set(d, (plainCounts.get(d) ?? 0) + 1);
    expect(Math.max(...counts)).toBeLessThan(Math.max(...plainCounts.values()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });
});

describe('workload simulation', () => {
  const rows = syntheticHistory(120, 5);
  const states = replayStates(rows, new ReviewScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, weights: TRUE_WEIGHTS }));
  const now = rows.reduce((t, r) => Math.max(t, r.at), 0) + DAY;

  it('costs more reviews a day at a higher desired retention, the same figures twice, over 30 days', () => {
    const input = { states, newCards: 30, settings: DEFAULT_SCHEDULER_SETTINGS, now };
    const results = simulateWorkload(input);
    expect(results.map((r) => r.retention)).toEqual(SIMULATED_RETENTIONS);
    expect(SIMULATED_RETENTIONS[0]).toBe(0.8);
    expect(SIMULATED_RETENTIONS.at(-1)).toBe(0.97);
    for (const r of results) expect(r.reviewsPerDay).toHaveLength(30);
    expect(results.at(-1)!.averagePerDay).toBeGreaterThan(results[0]!.averagePerDay * 1.5);
    expect(simulateWorkload(input)).toEqual(results);
    // New cards come in at the daily limit: 20 on day 0 (each answered at least once), the last 10 on day 1.
    const onlyNew = simulateWorkload({ ...input, states: [], retentions: [0.9], days: 3 })[0]!;
    expect(onlyNew.reviewsPerDay[0]).toBeGreaterThanOrEqual(20);
    expect(onlyNew.reviewsPerDay[1]).toBeGreaterThanOrEqual(10);
  });

  it('uses the seeded PRNG so runs are repeatable', () => {
    const a = seededRandom(9);
    const b = seededRandom(9);
    const draws = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(draws);
    expect(new Set(draws).size).toBe(3);
  });
});

describe('scheduling settings', () => {
  it('checks the daily review limit and load balancing like the other settings', () => {
    const { settings, problems } = normaliseSchedulerSettings({ reviewsPerDay: -1, loadBalancing: 'yes' });
    expect(settings).toEqual(DEFAULT_SCHEDULER_SETTINGS);
    expect(problems).toEqual(['reviewsPerDay must be a whole number from 0 to 100000; using 200.', 'loadBalancing must be true or false; using false.']);
    expect(normaliseSchedulerSettings({ reviewsPerDay: 50, loadBalancing: true }).settings).toMatchObject({ reviewsPerDay: 50, loadBalancing: true });
  });

  it('schedules with fitted FSRS parameters when they are given', () => {
    const fitted = new ReviewScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, learningSteps: [], weights: TRUE_WEIGHTS });
    const plain = new ReviewScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, learningSteps: [] });
    expect(fitted.next(undefined, T0, 3).stability).toBeCloseTo(TRUE_WEIGHTS[2]!, 6);
    expect(plain.next(undefined, T0, 3).stability).not.toBeCloseTo(TRUE_WEIGHTS[2]!, 1);
  });
});
