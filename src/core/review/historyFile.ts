import { createHash } from 'node:crypto';
import { isHistoryEntry, type HistoryEntry } from './historyEntries';

export const HISTORY_FORMAT = 'cnc-review-history';
export const HISTORY_VERSION = 1;

/**
 * The file is JSON with one entry per line. Any JSON reader can load it, and if the file is ever cut short (a disk
 * full, a copy interrupted), every complete line can still be read back on its own.
 *
 * Damage is detected, not just tolerated: each entry line carries `sum`, a hash of the entry itself (entries never
 * change, so the sum stays true however often the file is rewritten), and the first line holds the number of
 * entries and a checksum of all entry lines. An altered digit breaks its entry's sum (that entry alone is dropped);
 * a deleted or added line breaks the count and the checksum (every entry with a good sum is kept). Files written
 * before the checksum existed (no sums, no checksum) are read as they are and get one on their next write. The
 * format version stays 1: older versions ignore the extra fields, so they still read these files.
 */
export function serializeHistory(entries: readonly HistoryEntry[]): string {
  const lines = entries.map((e) => JSON.stringify({ ...e, sum: entrySum(e) }));
  return `{"format":"${HISTORY_FORMAT}","version":${HISTORY_VERSION},"count":${lines.length},"checksum":"${linesChecksum(lines)}","entries":[\n${lines.join(',\n')}\n]}\n`;
}

/** A short hash of one entry (without its sum): enough to tell an accidental change, not meant against forgery. */
function entrySum(entry: object): string {
  return createHash('sha256').update(JSON.stringify(entry)).digest('hex').slice(0, 16);
}

function linesChecksum(lines: readonly string[]): string {
  return `sha256:${createHash('sha256').update(lines.join('\n')).digest('hex')}`;
}

/**
 * torn: not complete JSON; not-history / newer-version: not ours to read; bad-entries: entries that are malformed or
 * whose sum no longer matches (changed after they were written); missing-entries: the entry count or the checksum
 * does not match although every entry left is intact (lines deleted, added or edited outside the entries).
 */
export type DamageKind = 'torn' | 'not-history' | 'newer-version' | 'bad-entries' | 'missing-entries';

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
    const declared = /"count":(\d+),"checksum":/.exec(body)?.[1];
    const read = declared === undefined ? '' : `; ${entries.length} of the ${declared} entries it holds could be read`;
    return { entries, damage: { kind: 'torn', message: `the file is not complete JSON (${(error as Error).message})${read}`, salvaged: entries.length } };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== HISTORY_FORMAT) {
    return { entries: [], damage: { kind: 'not-history', message: 'the file is not a Cloud-Native Companion review history', salvaged: 0 } };
  }
  const { version, entries, count, checksum } = data as { version?: unknown; entries?: unknown; count?: unknown; checksum?: unknown };
  if (typeof version === 'number' && version > HISTORY_VERSION) {
    return { entries: [], damage: { kind: 'newer-version', message: `the file was written by a newer version of the extension (history format ${version}; this one reads ${HISTORY_VERSION})`, salvaged: 0 } };
  }
  if (version !== HISTORY_VERSION || !Array.isArray(entries)) {
    return { entries: [], damage: { kind: 'not-history', message: `the file has an unknown layout (version ${JSON.stringify(version)})`, salvaged: 0 } };
  }
  const checked = entries.map(checkEntry);
  const valid = checked.flatMap((c) => (c.entry ? [c.entry] : []));
  const problems: string[] = [];
  const malformed = checked.filter((c) => c.problem === 'malformed').length;
  const altered = checked.filter((c) => c.problem === 'altered').length;
  if (malformed) problems.push(`${malformed} of ${entries.length} entries are malformed`);
  if (altered) problems.push(`${altered} of ${entries.length} entries were changed after they were written (their checksum no longer matches)`);
  // No count and no checksum: written before they existed. Read as it is; the next write adds them.
  const sealed = count !== undefined || checksum !== undefined;
  if (sealed && count !== entries.length) {
    problems.push(typeof count === 'number' && count > entries.length
      ? `${count - entries.length} of ${count} entries are missing (lines were deleted)`
      : `the file should hold ${JSON.stringify(count)} entries but holds ${entries.length}`);
  } else if (sealed && !malformed && !altered && checksum !== linesChecksum(entries.map((e) => JSON.stringify(e)))) {
    problems.push('the entries do not match the file\'s checksum (the file was edited)');
  }
  if (!problems.length) return { entries: valid };
  const kind: DamageKind = malformed || altered ? 'bad-entries' : 'missing-entries';
  return { entries: valid, damage: { kind, message: problems.join('; '), salvaged: valid.length } };
}

interface CheckedEntry { entry?: HistoryEntry; problem?: 'malformed' | 'altered' }

/** One entry as read from the file: its sum (if it has one) checked and taken off. */
function checkEntry(value: unknown): CheckedEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'malformed' };
  const { sum, ...entry } = value as Record<string, unknown>;
  if (!isHistoryEntry(entry)) return { problem: 'malformed' };
  if (sum !== undefined && sum !== entrySum(entry)) return { problem: 'altered' };
  return { entry };
}

/** Every line that holds one complete, valid entry (with a matching sum, where it has one). */
function salvageLines(text: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim().replace(/,$/, '');
    if (!line.startsWith('{')) continue;
    try {
      const { entry } = checkEntry(JSON.parse(line));
      if (entry) entries.push(entry);
    } catch { /* a cut line: nothing to recover from it */ }
  }
  return entries;
}
