import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/core/review/historyEntries';
import { HISTORY_FORMAT, parseHistory, serializeHistory } from '../../src/core/review/historyFile';
import { recordReview } from '../../src/core/review/historyLog';
import { HistoryStore, HistoryWriteError, type StoreReport } from '../../src/core/review/historyStore';
import { ReviewScheduler, type ReviewRating } from '../../src/core/review/scheduler';

const scheduler = new ReviewScheduler();
const T0 = new Date(2025, 5, 1, 10).getTime();
let dir: string;
let file: string;
let n = 0;

const answer = (cardId: string, rating: ReviewRating = 3, at = T0 + n * 1000) => (log: readonly HistoryEntry[]) => [recordReview(log, scheduler, { id: `rev-${++n}`, cardId, at, rating })];
const reviewsOnDisk = () => parseHistory(fs.readFileSync(file, 'utf8')).entries.filter((e) => e.type === 'review');
const siblings = () => fs.readdirSync(dir).sort();
function storeWithReports(options = {}): { store: HistoryStore; reports: StoreReport[] } {
  const reports: StoreReport[] = [];
  return { store: new HistoryStore(file, { onReport: (r) => reports.push(r), ...options }), reports };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-history-'));
  file = path.join(dir, 'review-history.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('history store', () => {
  it('starts empty without a file, and writes a versioned file one entry per line', async () => {
    const { store, reports } = storeWithReports();
    expect(await store.refresh()).toEqual([]);
    expect(fs.existsSync(file)).toBe(false); // nothing to write yet
    await store.append(answer('pod#a'));
    await store.append(answer('pod#b', 1));
    const text = fs.readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: HISTORY_FORMAT, version: 1 });
    expect(text.split('\n').filter((l) => l.startsWith('{"type"'))).toHaveLength(2);
    expect(reviewsOnDisk().map((e) => (e as { cardId: string }).cardId)).toEqual(['pod#a', 'pod#b']);
    expect(siblings()).toEqual(['review-history.json']); // no temp or lock file left behind
    expect(reports).toEqual([]);
    const reread = new HistoryStore(file);
    expect(await reread.refresh()).toEqual(store.log);
  });

  const damaged: [string, (good: string) => string, string, number, RegExp][] = [
    ['torn JSON (cut mid-entry)', (good) => good.slice(0, good.lastIndexOf('{"type"') + 40), 'torn', 2, /^the file is not complete JSON \(.+\); 2 of the 3 entries it holds could be read$/],
    ['an empty file', () => '', 'torn', 0, /^the file is empty$/],
    ['garbage bytes', () => '\u0000\u0001binary\u00ff garbage', 'torn', 0, /^the file is not complete JSON \(.+\)$/],
    ['JSON that is not a history', () => '{"hello":"world"}', 'not-history', 0, /^the file is not a Cloud-Native Companion review history$/],
    ['a newer format version', (good) => good.replace('"version":1', '"version":7'), 'newer-version', 0, /^the file was written by a newer version of the extension \(history format 7; this one reads 1\)$/],
    ['a malformed entry among good ones', (good) => good.replace('"rating":3', '"rating":"three"'), 'bad-entries', 2, /^1 of 3 entries are malformed$/],
  ];
  for (const [name, damage, kind, salvaged, message] of damaged) {
    it(`sets aside ${name} as a dated backup, reports it, and keeps what can be read`, async () => {
      const writer = new HistoryStore(file);
      for (const card of ['a#1', 'a#2', 'a#3']) await writer.append(answer(card));
      const good = fs.readFileSync(file, 'utf8');
      const bad = damage(good);
      fs.writeFileSync(file, bad);

      const { store, reports } = storeWithReports();
      await store.refresh();
      expect(reports).toHaveLength(1);
      const report = reports[0]!;
      expect(report.kind).toBe('damaged');
      if (report.kind !== 'damaged') return;
      expect(report.damage.kind).toBe(kind);
      expect(report.damage.salvaged).toBe(salvaged);
      expect(report.damage.message).toMatch(message);
      // The damaged bytes are kept exactly, under a dated name beside the history; never silently replaced.
      expect(path.basename(report.backup)).toMatch(/^review-history\.damaged-\d{4}-\d\d-\d\dT[\d-]+Z\.json$/);
      expect(fs.readFileSync(report.backup, 'utf8')).toBe(bad);
      // What could be read is in the new file, and the store carries on.
      expect(store.log.filter((e) => e.type === 'review')).toHaveLength(salvaged);
      await store.append(answer('a#4'));
      expect(reviewsOnDisk()).toHaveLength(salvaged + 1);
      expect(parseHistory(fs.readFileSync(file, 'utf8')).damage).toBeUndefined();
    });
  }

  it('a crash between writing the temporary file and renaming it loses no review (real process, killed)', async () => {
    const first = new HistoryStore(file);
    await first.append(answer('crash#before'));
    const script = path.join(dir, 'crash.cjs');
    const root = path.resolve(__dirname, '..', '..');
    const bundled = buildSync({
      stdin: {
        resolveDir: root, loader: 'ts', contents: `
          import { HistoryStore } from './src/core/review/historyStore';
          import { recordReview } from './src/core/review/historyLog';
          import { ReviewScheduler } from './src/core/review/scheduler';
          const store = new HistoryStore(process.argv[2]!, { beforeRename: () => { process.kill(process.pid, 'SIGKILL'); return new Promise(() => {}); } });
          void store.append((log) => [recordReview(log, new ReviewScheduler(), { id: 'rev-killed', cardId: 'crash#during', at: ${T0 + 5000}, rating: 3 })]);
        ` },
      bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent',
    });
    fs.writeFileSync(script, bundled.outputFiles[0]!.text);
    const child = spawnSync(process.execPath, [script, file], { timeout: 20_000 });
    expect(child.signal).toBe('SIGKILL');
    fs.rmSync(script);
    // The kill left the old file intact, a complete temporary file and the writer's lock behind.
    expect(reviewsOnDisk()).toHaveLength(1);
    expect(siblings().some((f) => f.startsWith('review-history.json.tmp-'))).toBe(true);
    expect(siblings()).toContain('review-history.json.lock');

    const { store, reports } = storeWithReports();
    await store.refresh(); // the dead writer's lock is taken over
    expect(reports).toEqual([expect.objectContaining({ kind: 'recovered', entries: 1 })]);
    expect(reviewsOnDisk().map((e) => e.id).sort()).toEqual([first.log[0]!.id, 'rev-killed'].sort());
    expect(siblings()).toEqual(['review-history.json']);
  });

  it('a write that fails before its rename keeps the review in memory and saves it with the next write', async () => {
    let fail = true;
    const store = new HistoryStore(file, { beforeRename: () => { if (fail) throw new Error('disk unplugged'); } });
    await store.append(answer('w#1')).catch(() => undefined); // first write fails before anything exists
    const lost = await store.append(answer('w#2')).then(() => undefined, (e: unknown) => e);
    expect(lost).toBeInstanceOf(HistoryWriteError);
    expect((lost as Error).message).toMatch(/kept and will be saved/);
    expect(store.hasUnsavedEntries).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
    fail = false;
    await store.append(answer('w#3'));
    expect(reviewsOnDisk().map((e) => (e as { cardId: string }).cardId)).toEqual(['w#1', 'w#2', 'w#3']);
    expect(store.hasUnsavedEntries).toBe(false);
  });

  it('recovers the complete lines of a partial temporary file left by a crash mid-write', async () => {
    const store = new HistoryStore(file);
    await store.append(answer('p#1'));
    // A crash while the temporary file was being written: its text stops in the middle of the last entry.
    const full = serializeHistory([...store.log, ...answer('p#2', 3, T0 + 9000)(store.log)]);
    fs.writeFileSync(`${file}.tmp-99999-deadbeef`, full.slice(0, full.length - 30));
    const { store: next, reports } = storeWithReports();
    await next.refresh();
    expect(next.log.filter((e) => e.type === 'review')).toHaveLength(1); // the cut entry is not invented
    expect(reports).toEqual([]); // nothing new in it: nothing to report
    expect(siblings()).toEqual(['review-history.json']);

    const whole = serializeHistory([...next.log, ...answer('p#3', 3, T0 + 9500)(next.log)]);
    fs.writeFileSync(`${file}.tmp-99999-cafebabe`, whole);
    await next.refresh();
    expect(reviewsOnDisk().map((e) => (e as { cardId: string }).cardId).sort()).toEqual(['p#1', 'p#3']);
  });

  it('two windows writing at the same time lose nothing (merge by log under a lock)', async () => {
    const left = new HistoryStore(file);
    const right = new HistoryStore(file);
    await Promise.all([left.refresh(), right.refresh()]);
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i++) {
      writes.push(left.append(answer(`left#${i}`)), right.append(answer(`right#${i}`)));
    }
    await Promise.all(writes);
    const onDisk = reviewsOnDisk();
    expect(onDisk).toHaveLength(20);
    expect(new Set(onDisk.map((e) => e.id)).size).toBe(20);
    await left.refresh();
    expect(left.log).toHaveLength(20);
    expect(siblings()).toEqual(['review-history.json']);
  });

  it('a window that merges in another window\'s answers does not rewrite an unchanged file', async () => {
    const left = new HistoryStore(file);
    const right = new HistoryStore(file);
    await left.append(answer('x#1'));
    await right.refresh();
    const before = fs.statSync(file).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await right.refresh();
    expect(fs.statSync(file).mtimeMs).toBe(before);
    expect(right.log).toEqual(left.log);
  });
});
