import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/core/review/historyEntries';
import { serializeHistory } from '../../src/core/review/historyFile';
import { mergeLogs, recordReview } from '../../src/core/review/historyLog';
import { ReviewScheduler } from '../../src/core/review/scheduler';

const root = path.resolve(__dirname, '..', '..');
const cnc = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'dist/cli/cnc.js'), ...args], { cwd: root, encoding: 'utf8' });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-cli-due-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cnc cards due', () => {
  const cards = JSON.parse(cnc('cards', '--json', '--note', 'deployment').stdout) as { id: string }[];
  const scheduler = new ReviewScheduler();
  const DAY = 86_400_000;
  const now = Date.now();
  // One card reviewed long ago (due), one reviewed just now with Easy (not due for days).
  let log: HistoryEntry[] = [recordReview([], scheduler, { id: 'c1', cardId: cards[0]!.id, at: now - 40 * DAY, rating: 4 })];
  log = mergeLogs(log, [recordReview(log, scheduler, { id: 'c2', cardId: cards[1]!.id, at: now - 60_000, rating: 4 })]);
  const history = path.join(dir, 'review-history.json');
  fs.writeFileSync(history, serializeHistory(log));

  it('lists the due card first, then new cards up to the daily limit, as JSON', () => {
    const result = cnc('cards', 'due', '--history', history, '--note', 'deployment', '--json', '--new-per-day', '1');
    expect(result.status).toBe(0);
    const due = JSON.parse(result.stdout);
    expect(due.due).toBe(1);
    expect(due.new).toBe(0); // one new card was already introduced today (c2), and the limit is 1
    expect(due.cards.map((c: { id: string }) => c.id)).toEqual([cards[0]!.id]);
    expect(due.cards[0]).toMatchObject({ noteId: 'deployment', phase: 'review' });
    const more = JSON.parse(cnc('cards', 'due', '--history', history, '--note', 'deployment', '--json', '--new-per-day', '3').stdout);
    expect(more.new).toBe(Math.min(2, cards.length - 2));
    expect(more.cards.map((c: { id: string }) => c.id)).not.toContain(cards[1]!.id);
  });

  it('prints a text list with a summary line', () => {
    const result = cnc('cards', 'due', '--history', history, '--note', 'deployment');
    expect(result.stdout).toContain(`${cards[0]!.id}\treview\toverdue`);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^1 due, \d+ new \(of 20 a day\)/);
  });

  it('reports a damaged history without touching it, and usage errors exit 2', () => {
    const torn = path.join(dir, 'torn.json');
    const text = serializeHistory(log).slice(0, 120);
    fs.writeFileSync(torn, text);
    const result = cnc('cards', 'due', '--history', torn);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/is damaged: the file is not complete JSON/);
    expect(fs.readFileSync(torn, 'utf8')).toBe(text);
    expect(cnc('cards', 'due').status).toBe(2);
    expect(cnc('cards', 'due', '--history', path.join(dir, 'missing.json')).status).toBe(2);
    expect(cnc('cards', 'review').status).toBe(2);
    expect(cnc('cards', '--history', history).status).toBe(2);
  });
});
