import { get_fuzz_range } from 'ts-fsrs';
import type { CardHistory } from './historyLog';
import { DAY_MS, startOfDay } from './localDay';
import type { MemoryState } from './scheduler';

/** How many learnt cards fall due on each local day (keyed by the day's start), leaving out `exceptCardId`. */
export function dueCountsByDay(histories: ReadonlyMap<string, CardHistory>, exceptCardId?: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const [cardId, { state }] of histories) {
    if (cardId === exceptCardId || state.phase !== 2) continue;
    const day = startOfDay(state.due);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return counts;
}

/**
 * Load balancing as Anki's FSRS does it: a review interval is fuzzed anyway (so cards learnt together drift apart),
 * and within that fuzz range the day with the fewest cards already due is as good as any other. We take that day
 * (ties: the one nearest the interval FSRS chose, then the earlier), so reviews spread out instead of piling up on
 * one day. Only review-phase intervals of 3 days or more are fuzzed and so moved; learning steps never are.
 */
export function balanceDueDay(state: MemoryState, dueCounts: ReadonlyMap<number, number>, maximumIntervalDays: number): MemoryState {
  if (state.phase !== 2 || state.scheduledDays < 3) return state;
  const { min_ivl: min, max_ivl: max } = get_fuzz_range(state.scheduledDays, state.elapsedDays, maximumIntervalDays);
  let best = state.scheduledDays;
  let bestLoad = Number.POSITIVE_INFINITY;
  for (let days = min; days <= max; days++) {
    const load = dueCounts.get(startOfDay(state.due + (days - state.scheduledDays) * DAY_MS)) ?? 0;
    const nearer = Math.abs(days - state.scheduledDays) < Math.abs(best - state.scheduledDays);
    if (load < bestLoad || (load === bestLoad && nearer)) { best = days; bestLoad = load; }
  }
  if (best === state.scheduledDays) return state;
  return { ...state, scheduledDays: best, due: state.due + (best - state.scheduledDays) * DAY_MS };
}
