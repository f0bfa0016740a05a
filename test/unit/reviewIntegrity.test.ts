import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireFileLock } from '../../src/core/review/fileLock';
import type { HistoryEntry } from '../../src/core/review/historyEntries';
import { parseHistory, serializeHistory } from '../../src/core/review/historyFile';
import { mergeLogs, recordReview } from '../../src/core/review/historyLog';
import { HistoryStore, type StoreReport } from '../../src/core/review/historyStore';
import { ReviewScheduler } from '../../src/core/review/scheduler';

const root = path.resolve(__dirname, '..', '..');
const scheduler = new ReviewScheduler();
const T0 = new Date(2025, 5, 1, 10).getTime();
let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-integrity-'));
  file = path.join(dir, 'review-history.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A log of `count` reviews, as the extension writes it. */
function logOf(count: number): HistoryEntry[] {
  let log: HistoryEntry[] = [];
  for (let i = 0; i < count; i++) {
    log = mergeLogs(log, [recordReview(log, scheduler, { id: `rev-${i}`, cardId: `pod#card-${i % 7}`, at: T0 + i * 3_600_000, rating: ((i % 4) + 1) as 1 | 2 | 3 | 4 })]);
  }
  return log;
}

const entryLineIndexes = (lines: string[]) => lines.flatMap((l, i) => (l.startsWith('{"type"') ? [i] : []));
const idsOf = (entries: readonly HistoryEntry[]) => entries.map((e) => e.id).sort();

describe('history integrity: damage is detected, reported, and what is intact is kept', () => {
  const log = logOf(20);
  const good = serializeHistory(log);
  const lines = good.split('\n');

  it('a file written by this version reads back whole, with no report', () => {
    expect(parseHistory(good)).toEqual({ entries: log });
  });

  it('deleting any one entry line is detected, and the other 19 entries are recovered', () => {
    const indexes = entryLineIndexes(lines);
    expect(indexes).toHaveLength(20);
    for (const index of indexes) {
      const bad = lines.filter((_, i) => i !== index).join('\n');
      const parsed = parseHistory(bad);
      expect(parsed.damage, `line ${index} deleted`).toBeDefined();
      expect(parsed.damage!.salvaged).toBe(19);
      expect(parsed.damage!.message).toMatch(/missing|not complete JSON/);
      expect(idsOf(parsed.entries)).toEqual(idsOf(log.filter((_, i) => i !== indexes.indexOf(index))));
    }
  });

  it('changing any one digit of any entry is detected, and only that entry is dropped', () => {
    let variants = 0;
    for (const index of entryLineIndexes(lines)) {
      const line = lines[index]!;
      const changedId = (JSON.parse(line.replace(/,$/, '')) as HistoryEntry).id;
      for (let at = 0; at < line.length; at++) {
        const ch = line[at]!;
        if (ch < '0' || ch > '9') continue;
        const altered = line.slice(0, at) + String((Number(ch) + 1) % 10) + line.slice(at + 1);
        const bad = lines.map((l, i) => (i === index ? altered : l)).join('\n');
        const parsed = parseHistory(bad);
        variants++;
        expect(parsed.damage, `digit ${at} of line ${index}`).toBeDefined();
        expect(parsed.entries.some((e) => JSON.stringify(e) === JSON.stringify(log.find((x) => x.id === changedId)))).toBe(false);
        // Every other entry is intact and kept (a changed id digit makes the entry a different, unknown one).
        expect(idsOf(parsed.entries).filter((id) => id !== changedId)).toEqual(idsOf(log).filter((id) => id !== changedId));
        expect(parsed.entries).toHaveLength(19);
      }
    }
    expect(variants).toBeGreaterThan(20 * 20); // every entry has dozens of digits: all of them were tried
  });

  it('a truncated file is reported with how many of its entries could be read', () => {
    const cut = good.slice(0, good.indexOf(lines[entryLineIndexes(lines)[12]!]!) + 30);
    const parsed = parseHistory(cut);
    expect(parsed.damage).toMatchObject({ kind: 'torn', salvaged: 12 });
    expect(parsed.damage!.message).toMatch(/12 of the 20 entries it holds could be read/);
    expect(idsOf(parsed.entries)).toEqual(idsOf(log.slice(0, 12)));
  });

  it('an entry line added or the count edited is detected too', () => {
    const extra = [...lines.slice(0, 2), lines[1]!, ...lines.slice(2)].join('\n'); // the first entry line twice
    expect(parseHistory(extra).damage?.kind).toBe('missing-entries');
    expect(parseHistory(good.replace('"count":20', '"count":21')).damage?.message).toMatch(/1 of 21 entries are missing/);
    expect(parseHistory(good.replace(/"checksum":"sha256:./, '"checksum":"sha256:_')).damage?.kind).toBe('missing-entries');
  });

  it('a file written before the checksum existed loads without a report and gets one on its next write', async () => {
    const legacy = `{"format":"cnc-review-history","version":1,"entries":[\n${log.slice(0, 3).map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
    expect(parseHistory(legacy)).toEqual({ entries: log.slice(0, 3) });
    fs.writeFileSync(file, legacy);
    const reports: StoreReport[] = [];
    const store = new HistoryStore(file, { onReport: (r) => reports.push(r) });
    await store.append((current) => [recordReview(current, scheduler, { id: 'rev-new', cardId: 'pod#new', at: T0 + 99 * 3_600_000, rating: 3 })]);
    expect(reports).toEqual([]);
    const migrated = fs.readFileSync(file, 'utf8');
    expect(migrated).toMatch(/^\{"format":"cnc-review-history","version":1,"count":4,"checksum":"sha256:[0-9a-f]{64}","entries":\[\n/);
    expect(parseHistory(migrated)).toEqual({ entries: store.log });
    // The damage check now covers the migrated file.
    expect(parseHistory(migrated.replace(/\n\{"type"[^\n]*/, '')).damage).toBeDefined();
  });

  it('the store reports a deleted line, keeps the damaged file as a backup, and loses no acknowledged review', async () => {
    const writer = new HistoryStore(file);
    for (let i = 0; i < 5; i++) await writer.append((current) => [recordReview(current, scheduler, { id: `w-${i}`, cardId: `pod#w${i}`, at: T0 + i * 1000, rating: 3 })]);
    const text = fs.readFileSync(file, 'utf8').split('\n');
    const bad = text.filter((_, i) => i !== entryLineIndexes(text)[2]).join('\n');
    fs.writeFileSync(file, bad);

    const reports: StoreReport[] = [];
    const reader = new HistoryStore(file, { onReport: (r) => reports.push(r) });
    await reader.refresh();
    expect(reports).toHaveLength(1);
    const report = reports[0]!;
    if (report.kind !== 'damaged') throw new Error(`expected a damage report, got ${report.kind}`);
    expect(report.damage).toMatchObject({ kind: 'missing-entries', salvaged: 4 });
    expect(report.damage.message).toMatch(/1 of 5 entries are missing/);
    expect(fs.readFileSync(report.backup, 'utf8')).toBe(bad);
    expect(idsOf(reader.log)).toEqual(['w-0', 'w-1', 'w-3', 'w-4']);

    // The window that recorded the deleted review still holds it: its next save puts it back.
    await writer.append((current) => [recordReview(current, scheduler, { id: 'w-5', cardId: 'pod#w5', at: T0 + 5000, rating: 3 })]);
    const after = parseHistory(fs.readFileSync(file, 'utf8'));
    expect(after.damage).toBeUndefined();
    expect(idsOf(after.entries)).toEqual(['w-0', 'w-1', 'w-2', 'w-3', 'w-4', 'w-5']);
  });

  it('`cnc cards due` reports a deleted line and a changed digit (exit 1) and leaves the file alone', () => {
    const text = serializeHistory(logOf(3)).split('\n');
    const cases: [string, string, RegExp][] = [
      ['deleted.json', text.filter((_, i) => i !== entryLineIndexes(text)[1]).join('\n'), /is damaged: 1 of 3 entries are missing/],
      ['digit.json', text.map((l, i) => (i === entryLineIndexes(text)[0] ? l.replace(/"elapsedDays":0/, '"elapsedDays":1') : l)).join('\n'), /is damaged: 1 of 3 entries were changed after they were written/],
    ];
    for (const [name, bad, message] of cases) {
      const target = path.join(dir, name);
      fs.writeFileSync(target, bad);
      const result = spawnSync(process.execPath, [path.join(root, 'dist/cli/cnc.js'), 'cards', 'due', '--history', target], { cwd: root, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(fs.readFileSync(target, 'utf8')).toBe(bad);
    }
  });
});

describe('history lock', () => {
  it('an empty lock file (a crash before its owner was written) is taken over at once', async () => {
    fs.writeFileSync(`${file}.lock`, '');
    const store = new HistoryStore(file, { lockTimeoutMs: 100 }); // far shorter than the 15 s an old lock waits
    await store.append((current) => [recordReview(current, scheduler, { id: 'after-empty-lock', cardId: 'pod#a', at: T0, rating: 3 })]);
    expect(parseHistory(fs.readFileSync(file, 'utf8')).entries.map((e) => e.id)).toEqual(['after-empty-lock']);
    expect(fs.readdirSync(dir)).toEqual(['review-history.json']);
  });

  it('a lock whose owner process is gone is taken over at once; a live owner\'s lock is respected', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(`${file}.lock`, `${dead.stdout}:${Date.now()}:x`);
    const release = await acquireFileLock(`${file}.lock`, 100);
    expect(fs.readFileSync(`${file}.lock`, 'utf8')).toMatch(new RegExp(`^${process.pid}:`));
    await release();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);

    fs.writeFileSync(`${file}.lock`, `${process.ppid}:${Date.now()}:parent`); // the test runner's parent: alive
    await expect(acquireFileLock(`${file}.lock`, 100)).rejects.toThrow(/another process holds/);
    expect(fs.readFileSync(`${file}.lock`, 'utf8')).toMatch(/:parent$/);
  });

  it('what a process killed while taking the lock left beside it is cleaned up by the next one', async () => {
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    fs.writeFileSync(`${file}.lock.${dead}-abc123`, `${dead}:1:abc123`); // its owner file, never linked
    fs.writeFileSync(`${file}.lock.stale-${dead}-def456`, ''); // a stale lock it had set aside
    fs.writeFileSync(`${file}.lock.${process.ppid}-live01`, 'a live process is taking the lock right now');
    const release = await acquireFileLock(`${file}.lock`, 100);
    await release();
    expect(fs.readdirSync(dir)).toEqual([`review-history.json.lock.${process.ppid}-live01`]);
  });

  it('a lock file never exists without its owner, and nothing is left beside it', async () => {
    const locks = Array.from({ length: 8 }, () => `${file}.lock`);
    const seen: string[] = [];
    await Promise.all(locks.map(async (lock) => {
      const release = await acquireFileLock(lock, 5_000);
      seen.push(fs.readFileSync(lock, 'utf8'));
      await release();
    }));
    expect(seen).toHaveLength(8);
    for (const owner of seen) expect(owner).toMatch(new RegExp(`^${process.pid}:\\d+:\\w+$`));
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
