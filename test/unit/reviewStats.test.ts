import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/core/review/historyEntries';
import { deriveCardStates, mergeLogs, recordReview } from '../../src/core/review/historyLog';
import { dayKey } from '../../src/core/review/localDay';
import { ReviewScheduler, type ReviewRating } from '../../src/core/review/scheduler';
import { HEATMAP_WEEKS, computeStats } from '../../src/core/review/stats';

const scheduler = new ReviewScheduler();
const NOW = new Date(2025, 8, 17, 15, 0).getTime(); // a Wednesday afternoon
const at = (daysAgo: number, hour = 9) => { const d = new Date(NOW); return new Date(d.getFullYear(), d.getMonth(), d.getDate() - daysAgo, hour).getTime(); };
let id = 0;
const add = (log: HistoryEntry[], cardId: string, time: number, rating: ReviewRating) => mergeLogs(log, [recordReview(log, scheduler, { id: `s${++id}`, cardId, at: time, rating })]);

describe('study statistics', () => {
  let log: HistoryEntry[] = [];
  log = add(log, 'pod#a', at(3), 3);
  log = add(log, 'pod#a', at(3, 10), 3); // graduates
  log = add(log, 'pod#a', at(1), 3); // a review of a learnt card after 2 days: remembered
  log = add(log, 'pod#b', at(2), 4);
  log = add(log, 'pod#b', at(0), 1); // a learnt card forgotten after 2 days (today)
  log = add(log, 'gone#x', at(0), 3);
  const stats = computeStats(deriveCardStates(log, scheduler), ['pod#a', 'pod#b', 'pod#c'], NOW);

  it('counts reviews per day by answer, over the last 30 days', () => {
    expect(stats.reviewsPerDay).toHaveLength(30);
    expect(stats.reviewsPerDay[29]).toEqual({ day: dayKey(NOW), counts: [1, 0, 1, 0] });
    expect(stats.reviewsPerDay[26]).toEqual({ day: dayKey(at(3)), counts: [0, 0, 2, 0] });
    expect(stats.totals).toMatchObject({ reviews: 6, reviewsToday: 2, cardsStudied: 2, cardsNew: 1, vanished: 1, streakDays: 4 });
  });

  it('measures retention on learnt cards only, by the time since their previous review', () => {
    const bucket = stats.retentionByInterval.find((b) => b.label === '1–2 days')!;
    expect(bucket).toEqual({ label: '1–2 days', reviews: 2, recalled: 1 });
    expect(stats.retentionByInterval.reduce((s, b) => s + b.reviews, 0)).toBe(2);
    expect(stats.totals.retention30).toBe(0.5);
  });

  it('spreads due cards over the next 30 days, overdue and learning ones on today', () => {
    expect(stats.duePerDay).toHaveLength(30);
    expect(stats.duePerDay[0]!.day).toBe(dayKey(NOW));
    expect(stats.duePerDay.reduce((s, d) => s + d.count, 0)).toBeLessThanOrEqual(2);
    expect(stats.duePerDay[0]!.count).toBe(1); // pod#b is relearning, due in minutes
    expect(stats.totals.dueToday).toBe(1);
  });

  it('lays the heatmap out in whole weeks starting on a Monday and ending today', () => {
    expect(stats.heatmap.length).toBe(7 * (HEATMAP_WEEKS - 1) + 3); // Mon, Tue, Wed of this week
    expect(new Date(`${stats.heatmap[0]!.day}T12:00:00`).getDay()).toBe(1);
    expect(stats.heatmap.at(-1)).toEqual({ day: dayKey(NOW), count: 2 });
  });

  it('has nothing to say about an empty history', () => {
    const empty = computeStats(new Map(), ['a#1'], NOW);
    expect(empty.totals).toMatchObject({ reviews: 0, streakDays: 0, retention30: null, cardsNew: 1 });
    expect(empty.heatmap.every((d) => d.count === 0)).toBe(true);
  });
});
