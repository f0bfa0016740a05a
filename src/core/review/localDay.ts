/**
 * Calendar days in the user's local time zone. Study goals ("due today", "new cards per day", reviews per day) follow
 * the wall clock, not UTC, so a review at 23:30 counts for the day the user lived it.
 */
export const DAY_MS = 86_400_000;

export function startOfDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** The last millisecond of the local day holding `ms`. */
export function endOfDay(ms: number): number {
  return addDays(startOfDay(ms), 1) - 1;
}

/** Adds calendar days (not 24-hour blocks: a day around a clock change is 23 or 25 hours long). */
export function addDays(ms: number, days: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()).getTime();
}

/** `YYYY-MM-DD` of the local day holding `ms`. */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
