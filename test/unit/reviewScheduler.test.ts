import { createEmptyCard, fsrs, Rating, type Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { formatInterval } from '../../src/core/review/intervalLabel';
import {
  DEFAULT_SCHEDULER_SETTINGS, ReviewScheduler, fromFsrsCard, fsrsParameters, normaliseSchedulerSettings, type ReviewRating,
} from '../../src/core/review/scheduler';

const T0 = new Date(2025, 2, 3, 9, 0).getTime();
const MINUTE = 60_000;
const DAY = 86_400_000;

describe('review scheduler (FSRS through ts-fsrs)', () => {
  it('gives the same due date and stability as ts-fsrs for the same answers and times', () => {
    const ours = new ReviewScheduler(DEFAULT_SCHEDULER_SETTINGS);
    const theirs = fsrs(fsrsParameters(DEFAULT_SCHEDULER_SETTINGS));
    const answers: [number, ReviewRating][] = [[T0, 3], [T0 + 10 * MINUTE, 3], [T0 + 2 * DAY, 3], [T0 + 9 * DAY, 1], [T0 + 9 * DAY + 10 * MINUTE, 3], [T0 + 12 * DAY, 4], [T0 + 60 * DAY, 2]];
    let state;
    let card = createEmptyCard(new Date(T0));
    for (const [at, rating] of answers) {
      state = ours.next(state, at, rating);
      card = theirs.next(card, new Date(at), rating as Grade).card;
      expect(state).toEqual(fromFsrsCard(card));
      expect(state.due).toBe(card.due.getTime());
      expect(state.stability).toBe(card.stability);
    }
    expect(state!.lapses).toBe(1);
    expect(state!.reps).toBe(answers.length);
  });

  it('uses the desired retention: a higher target gives shorter intervals', () => {
    const relaxed = new ReviewScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: 0.8 });
    const strict = new ReviewScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: 0.97 });
    const run = (s: ReviewScheduler) => {
      let state = s.next(undefined, T0, 4);
      state = s.next(state, state.due, 3);
      return state.scheduledDays;
    };
    expect(run(strict)).toBeLessThan(run(relaxed));
    const direct = fsrs({ ...fsrsParameters(DEFAULT_SCHEDULER_SETTINGS), request_retention: 0.97 });
    const first = direct.next(createEmptyCard(new Date(T0)), new Date(T0), Rating.Easy).card;
    expect(direct.next(first, first.due, Rating.Good).card.scheduled_days).toBe(run(strict));
  });

  it('walks a new card through the learning steps before scheduling it in days', () => {
    const s = new ReviewScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, learningSteps: ['1m', '10m'] });
    const again = s.next(undefined, T0, 1);
    expect(again.due - T0).toBe(MINUTE);
    const good = s.next(undefined, T0, 3);
    expect(good.due - T0).toBe(10 * MINUTE);
    expect(good.phase).toBe(1);
    const graduated = s.next(good, good.due, 3);
    expect(graduated.phase).toBe(2);
    expect(graduated.scheduledDays).toBeGreaterThanOrEqual(1);
    const direct = new ReviewScheduler({ ...DEFAULT_SCHEDULER_SETTINGS, learningSteps: ['5m'] });
    expect(direct.next(undefined, T0, 1).due - T0).toBe(5 * MINUTE);
  });

  it('previews the next interval of each answer exactly as ts-fsrs schedules it', () => {
    const s = new ReviewScheduler();
    const direct = fsrs(fsrsParameters(DEFAULT_SCHEDULER_SETTINGS));
    const learnt = s.next(s.next(undefined, T0, 3), T0 + 10 * MINUTE, 3);
    const now = learnt.due;
    const preview = s.preview(learnt, now);
    const outcomes = direct.repeat({ ...createEmptyCard(), ...fromFsrsCardInput(learnt) }, new Date(now));
    for (const p of preview) {
      expect(p.due).toBe(outcomes[p.rating as Grade].card.due.getTime());
      expect(p.label).toBe(formatInterval(p.due - now));
    }
    expect(s.preview(undefined, T0).map((p) => p.label)).toEqual(['1m', '6m', '10m', formatInterval(s.next(undefined, T0, 4).due - T0)]);
  });

  it('labels intervals briefly', () => {
    expect(formatInterval(30_000)).toBe('<1m');
    expect(formatInterval(10 * MINUTE)).toBe('10m');
    expect(formatInterval(3 * 3_600_000)).toBe('3h');
    expect(formatInterval(4 * DAY)).toBe('4d');
    expect(formatInterval(75 * DAY)).toBe('2.5mo');
    expect(formatInterval(3 * 365 * DAY)).toBe('3y');
  });

  it('checks settings and names each one that falls back to its default', () => {
    expect(normaliseSchedulerSettings({}).settings).toEqual(DEFAULT_SCHEDULER_SETTINGS);
    const { settings, problems } = normaliseSchedulerSettings({ desiredRetention: 1.5, newCardsPerDay: 2.5, learningSteps: ['1m', 'soon'], relearningSteps: ['30m'], maximumIntervalDays: 365 });
    expect(settings).toEqual({ ...DEFAULT_SCHEDULER_SETTINGS, relearningSteps: ['30m'], maximumIntervalDays: 365 });
    expect(problems).toHaveLength(3);
    expect(problems.join(' ')).toMatch(/desiredRetention.*newCardsPerDay.*learningSteps/s);
  });
});

/** Our stored state in ts-fsrs's card shape (what toFsrsCard does, written out to check it independently). */
function fromFsrsCardInput(s: ReturnType<ReviewScheduler['next']>) {
  return {
    due: new Date(s.due), stability: s.stability, difficulty: s.difficulty, elapsed_days: s.elapsedDays, scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps, reps: s.reps, lapses: s.lapses, state: s.phase, last_review: new Date(s.lastReview!),
  };
}
