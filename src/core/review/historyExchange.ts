import type { HistoryEntry } from './historyEntries';
import { parseHistory, serializeHistory, type HistoryDamage } from './historyFile';

/** An export is the history file itself: the same format, readable by Import History and by any JSON tool. */
export const exportHistory = (entries: readonly HistoryEntry[]): string => serializeHistory(entries);

export interface ImportPlan {
  /** Entries the current history does not have yet. */
  fresh: HistoryEntry[];
  /** Entries it already has (importing the same file twice changes nothing). */
  known: number;
  /** What is wrong with the file, if anything; `fresh` then holds only what could be read safely. */
  damage?: HistoryDamage;
}

/** What importing `text` into `current` would add. Merging is by entry id, so nothing is duplicated. */
export function planImport(text: string, current: readonly HistoryEntry[]): ImportPlan {
  const parsed = parseHistory(text);
  const ids = new Set(current.map((e) => e.id));
  const fresh = parsed.entries.filter((e) => !ids.has(e.id));
  return { fresh, known: parsed.entries.length - fresh.length, ...(parsed.damage ? { damage: parsed.damage } : {}) };
}
