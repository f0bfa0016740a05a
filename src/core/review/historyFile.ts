import { isHistoryEntry, type HistoryEntry } from './historyEntries';

export const HISTORY_FORMAT = 'cnc-review-history';
export const HISTORY_VERSION = 1;

/**
 * The file is JSON with one entry per line. Any JSON reader can load it, and if the file is ever cut short (a disk
 * full, a copy interrupted), every complete line can still be read back on its own.
 */
export function serializeHistory(entries: readonly HistoryEntry[]): string {
  const lines = entries.map((e) => JSON.stringify(e));
  return `{"format":"${HISTORY_FORMAT}","version":${HISTORY_VERSION},"entries":[\n${lines.join(',\n')}\n]}\n`;
}

export type DamageKind = 'torn' | 'not-history' | 'newer-version' | 'bad-entries';

export interface HistoryDamage {
  kind: DamageKind;
  /** What is wrong, in words for the user. */
  message: string;
  /** Entries recovered from the damaged text. */
  salvaged: number;
}

export interface ParsedHistory { entries: HistoryEntry[]; damage?: HistoryDamage }

/** Reads a history file's text. Never throws: damage is described, and whatever can be trusted is recovered. */
export function parseHistory(text: string): ParsedHistory {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return { entries: [], damage: { kind: 'torn', message: 'the file is empty', salvaged: 0 } };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    const entries = salvageLines(body);
    return { entries, damage: { kind: 'torn', message: `the file is not complete JSON (${(error as Error).message})`, salvaged: entries.length } };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== HISTORY_FORMAT) {
    return { entries: [], damage: { kind: 'not-history', message: 'the file is not a Cloud-Native Companion review history', salvaged: 0 } };
  }
  const { version, entries } = data as { version?: unknown; entries?: unknown };
  if (typeof version === 'number' && version > HISTORY_VERSION) {
    return { entries: [], damage: { kind: 'newer-version', message: `the file was written by a newer version of the extension (history format ${version}; this one reads ${HISTORY_VERSION})`, salvaged: 0 } };
  }
  if (version !== HISTORY_VERSION || !Array.isArray(entries)) {
    return { entries: [], damage: { kind: 'not-history', message: `the file has an unknown layout (version ${JSON.stringify(version)})`, salvaged: 0 } };
  }
  const valid = entries.filter(isHistoryEntry);
  if (valid.length === entries.length) return { entries: valid };
  const dropped = entries.length - valid.length;
  return { entries: valid, damage: { kind: 'bad-entries', message: `${dropped} of ${entries.length} entries are malformed`, salvaged: valid.length } };
}

/** Every line that holds one complete, valid entry. */
function salvageLines(text: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim().replace(/,$/, '');
    if (!line.startsWith('{')) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isHistoryEntry(value)) entries.push(value);
    } catch { /* a cut line: nothing to recover from it */ }
  }
  return entries;
}
