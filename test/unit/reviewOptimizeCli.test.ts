import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeHistory } from '../../src/core/review/historyFile';
import { DEFAULT_WEIGHTS } from '../../src/core/review/optimizer';
import { PARAMETERS_FILE_NAME, serializeParameters } from '../../src/core/review/parametersFile';
import { SIMULATED_RETENTIONS } from '../../src/core/review/workloadSimulation';
import { runCnc } from './cliRun';
import { syntheticHistory, toHistoryEntries, toReviewLogCsv } from './syntheticReviews';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-cli-optimize-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const rows = syntheticHistory(250, 11);
const csv = path.join(dir, 'revlog.csv');
fs.writeFileSync(csv, toReviewLogCsv(rows));
const history = path.join(dir, 'store', 'review-history.json');
fs.mkdirSync(path.dirname(history));
fs.writeFileSync(history, serializeHistory(toHistoryEntries(rows)));

interface OptimizeJson { reviews: number; before: { logLoss: number; rmse: number }; after: { logLoss: number; rmse: number }; improved: boolean; parameters: number[] }

describe('cnc cards optimize', () => {
  it('fits a review log CSV (the format Anki exports) and prints before/after and the parameters as JSON', () => {
    const result = runCnc(dir, ['cards', 'optimize', csv, '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout) as OptimizeJson;
    expect(out.reviews).toBe(rows.length - 250);
    expect(out.improved).toBe(true);
    expect(out.after.logLoss).toBeLessThan(out.before.logLoss);
    expect(out.before.rmse).toBeGreaterThan(0);
    expect(out.parameters).toHaveLength(21);
  }, 120_000);

  it('reads the extension\'s history file the same way, and does not change it', () => {
    const before = fs.readFileSync(history, 'utf8');
    const fromHistory = JSON.parse(runCnc(dir, ['cards', 'optimize', history, '--json']).stdout) as OptimizeJson;
    const fromCsv = JSON.parse(runCnc(dir, ['cards', 'optimize', csv, '--json']).stdout) as OptimizeJson;
    expect(fromHistory.reviews).toBe(fromCsv.reviews);
    expect(fromHistory.before.logLoss).toBeCloseTo(fromCsv.before.logLoss, 10);
    expect(fs.readFileSync(history, 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(path.dirname(history), PARAMETERS_FILE_NAME))).toBe(false);
  }, 120_000);

  it('compares against the stored parameters beside the history, and says so when a stored file is damaged', () => {
    const stored = path.join(path.dirname(history), PARAMETERS_FILE_NAME);
    const weights = DEFAULT_WEIGHTS.map((w, i) => (i === 2 ? 9 : w));
    fs.writeFileSync(stored, serializeParameters({ weights, optimizedAt: 1, reviews: 500, fit: { logLoss: 0.3, rmse: 0.05 } }));
    const withStored = JSON.parse(runCnc(dir, ['cards', 'optimize', history, '--json']).stdout) as OptimizeJson;
    const withDefaults = JSON.parse(runCnc(dir, ['cards', 'optimize', csv, '--json']).stdout) as OptimizeJson;
    expect(withStored.before.logLoss).not.toBeCloseTo(withDefaults.before.logLoss, 6);
    fs.writeFileSync(stored, '{"format":"cnc-fsrs-parameters","version":1,"weights":[1,2]}');
    const damaged = runCnc(dir, ['cards', 'optimize', history, '--json']);
    expect(damaged.status).toBe(1);
    expect(damaged.stderr).toContain('FSRS parameters must be a list of 21 numbers');
    fs.rmSync(stored);
  }, 120_000);

  it('explains what is wrong with too small a history or an unreadable file (exit 1), and misuse (exit 2)', () => {
    const small = path.join(dir, 'small.csv');
    fs.writeFileSync(small, toReviewLogCsv(syntheticHistory(5, 1)));
    const few = runCnc(dir, ['cards', 'optimize', small]);
    expect(few.status).toBe(1);
    expect(few.stderr).toMatch(/optimizing needs at least 400 reviews .*; this history has \d+; the current parameters are kept\./);
    const notCsv = path.join(dir, 'notes.csv');
    fs.writeFileSync(notCsv, 'id,when,grade\n1,2,3\n');
    const wrong = runCnc(dir, ['cards', 'optimize', notCsv]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('not a review log CSV: the header must name card_id, review_time, review_rating');
    expect(runCnc(dir, ['cards', 'optimize']).status).toBe(2);
    expect(runCnc(dir, ['cards', 'optimize', csv, '--new-cards', '3']).stderr).toContain('--new-cards does not go with `cnc cards optimize`');
    expect(runCnc(dir, ['cards', 'optimize', path.join(dir, 'missing.csv')]).status).toBe(2);
  });
});

describe('cnc cards simulate', () => {
  it('prints the expected answers per day at each retention, more for a higher retention', () => {
    const result = runCnc(dir, ['cards', 'simulate', csv, '--json', '--new-cards', '0']);
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout) as { cards: number; days: number; retentions: { retention: number; averagePerDay: number; reviewsPerDay: number[] }[] };
    expect(out.cards).toBe(250);
    expect(out.days).toBe(30);
    expect(out.retentions.map((r) => r.retention)).toEqual(SIMULATED_RETENTIONS);
    const first = out.retentions[0]!;
    const last = out.retentions.at(-1)!;
    expect(last.averagePerDay).toBeGreaterThan(first.averagePerDay);
    expect(first.reviewsPerDay).toHaveLength(30);
    const text = runCnc(dir, ['cards', 'simulate', csv, '--new-cards', '0']);
    expect(text.stdout).toContain('retention 0.80\t');
    expect(text.stdout).toContain('retention 0.97\t');
  }, 120_000);
});
