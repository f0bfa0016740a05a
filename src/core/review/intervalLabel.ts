import { DAY_MS } from './localDay';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A short label for how long until a card comes back: `<1m`, `10m`, `3h`, `4d`, `2.5mo`, `1.2y`. */
export function formatInterval(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE) return '<1m';
  if (ms < HOUR) return `${Math.round(ms / MINUTE)}m`;
  if (ms < DAY_MS) return `${Math.round(ms / HOUR)}h`;
  const days = ms / DAY_MS;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${trim(days / 30)}mo`;
  return `${trim(days / 365)}y`;
}

const trim = (n: number) => (n < 10 ? n.toFixed(1).replace(/\.0$/, '') : String(Math.round(n)));
