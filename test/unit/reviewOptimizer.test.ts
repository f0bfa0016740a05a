import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cardSequences, countScoredReviews, DEFAULT_WEIGHTS, evaluateWeights, loadOptimizerBinding, MIN_REVIEWS_TO_OPTIMIZE, OptimizerError, optimizeWeights, weightsProblem,
} from '../../src/core/review/optimizer';
import {
  PARAMETERS_FILE_NAME, parametersFileBeside, parseParameters, readParametersFile, serializeParameters, writeParametersFile,
} from '../../src/core/review/parametersFile';
import { parseReviewLogCsv } from '../../src/core/review/reviewLogCsv';
import { syntheticHistory, TRUE_WEIGHTS } from './syntheticReviews';

const root = path.resolve(__dirname, '..', '..');

describe('evaluating FSRS parameters on a history', () => {
  const rows = syntheticHistory(300, 42);
  const sequences = cardSequences(rows);

  it('scores every answer after a card\'s first, and the true parameters predict the history better than the defaults', () => {
    expect(countScoredReviews(sequences)).toBe(rows.length - 300);
    const truth = evaluateWeights(sequences, TRUE_WEIGHTS);
    const defaults = evaluateWeights(sequences, DEFAULT_WEIGHTS);
    expect(truth.logLoss).toBeLessThan(defaults.logLoss);
    expect(truth.rmse).toBeLessThan(defaults.rmse);
    expect(truth.logLoss).toBeGreaterThan(0);
  });

  it('agrees with fsrs-rs\'s own evaluation (which also weights recent reviews more) to within 0.01', () => {
    const fsrsRs = loadOptimizerBinding(root) as unknown as {
      FSRSBinding: new (w: number[]) => { evaluate(items: unknown[]): { logLoss: number; rmseBins: number } };
      FSRSBindingItem: new (reviews: unknown[]) => unknown;
      FSRSBindingReview: new (rating: number, deltaT: number) => unknown;
    };
    const items: unknown[] = [];
    for (const { reviews } of sequences) {
      const all = reviews.map((r) => new fsrsRs.FSRSBindingReview(r.rating, r.deltaDays));
      for (let k = 1; k < all.length; k++) items.push(new fsrsRs.FSRSBindingItem(all.slice(0, k + 1)));
    }
    for (const weights of [DEFAULT_WEIGHTS, TRUE_WEIGHTS]) {
      const ours = evaluateWeights(sequences, weights);
      const theirs = new fsrsRs.FSRSBinding([...weights]).evaluate(items);
      expect(Math.abs(ours.logLoss - theirs.logLoss)).toBeLessThan(0.01);
      expect(Math.abs(ours.rmse - theirs.rmseBins)).toBeLessThan(0.01);
    }
  });

  it('rejects parameters that are malformed, out of range or make intervals explode', () => {
    expect(weightsProblem(DEFAULT_WEIGHTS)).toBeUndefined();
    expect(weightsProblem(TRUE_WEIGHTS)).toBeUndefined();
    expect(weightsProblem([1, 2, 3])).toMatch(/21 numbers/);
    expect(weightsProblem(DEFAULT_WEIGHTS.map((w, i) => (i === 5 ? Number.NaN : w)))).toMatch(/parameter 6 is not a number/);
    expect(weightsProblem(DEFAULT_WEIGHTS.map((w, i) => (i === 8 ? 50 : w)))).toMatch(/parameter 9 is 50, outside/);
  });
});

describe('the FSRS optimizer (fsrs-rs through @open-spaced-repetition/binding)', () => {
  const rows = syntheticHistory(300, 7);
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-optimizer-'));
  afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

  it('recovers parameters from a synthetic history that beat the defaults and come near the true ones', async () => {
    const progress: number[] = [];
    const result = await optimizeWeights(rows, DEFAULT_WEIGHTS, { packageRoot: root, progressIntervalMs: 5, progress: (done) => { progress.push(done); } });
    expect(result.reviews).toBe(countScoredReviews(cardSequences(rows)));
    expect(result.improved).toBe(true);
    expect(result.after.logLoss).toBeLessThan(result.before.logLoss);
    expect(result.parameters).toHaveLength(21);
    expect(weightsProblem(result.parameters)).toBeUndefined();
    const truth = evaluateWeights(cardSequences(rows), TRUE_WEIGHTS);
    expect(result.after.logLoss).toBeLessThan(truth.logLoss + 0.01);
    // The initial stability after Good: the defaults say 2.3 days, the learner's truth is 9.
    expect(Math.abs(result.parameters[2]! - 9)).toBeLessThan(Math.abs(DEFAULT_WEIGHTS[2]! - 9));
    expect(progress.length).toBeGreaterThan(0);
    expect(result.message).toMatch(/fit your \d+ reviews better/);

    // Optimizing again from the fitted parameters finds nothing better, so they are kept as they are.
    const again = await optimizeWeights(rows, result.parameters, { packageRoot: root });
    expect(again.improved).toBe(false);
    expect(again.parameters).toEqual(result.parameters);
    expect(again.message).toMatch(/previous parameters are kept/);
  }, 120_000);

  it('stops when the progress callback says so (the user cancelled), without parameters', async () => {
    const error = await optimizeWeights(rows, DEFAULT_WEIGHTS, { packageRoot: root, progressIntervalMs: 1, progress: () => false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OptimizerError);
    expect((error as Error).message).toBe('optimizing was cancelled');
  }, 120_000);

  it('says how many reviews it needs when the history is too small, and keeps the parameters', async () => {
    const small = syntheticHistory(10, 3);
    const error = await optimizeWeights(small, TRUE_WEIGHTS, { packageRoot: root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OptimizerError);
    expect((error as Error).message).toContain(`at least ${MIN_REVIEWS_TO_OPTIMIZE} reviews`);
    expect((error as Error).message).toContain(`this history has ${countScoredReviews(cardSequences(small))}`);
  });

  it('reports an optimizer that cannot be loaded (a missing or broken native module) as a clear error', async () => {
    const broken = path.join(temp, 'broken');
    fs.mkdirSync(path.join(broken, 'dist', 'fsrs'), { recursive: true });
    fs.writeFileSync(path.join(broken, 'package.json'), '{}');
    fs.writeFileSync(path.join(broken, 'dist', 'fsrs', 'index.cjs'), "throw new Error('Cannot find native binding.\\nmore detail');\n");
    const error = await optimizeWeights(rows, DEFAULT_WEIGHTS, { packageRoot: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OptimizerError);
    expect((error as Error).message).toBe(`the FSRS optimizer could not be loaded on ${process.platform}-${process.arch} (Cannot find native binding.)`);
  });
});

describe('review log CSV (the FSRS optimizer\'s common format)', () => {
  it('reads card, time and rating by header name, skips manual reschedules and names bad lines', () => {
    const parsed = parseReviewLogCsv('\uFEFFreview_time,card_id,review_rating,review_state,review_duration\r\n'
      + '1700000000000,a,3,0,5000\r\n1700086400000,a,1,2,4000\r\n1700090000000,b,0,,\r\n1700100000000,b,7,,\r\nsoon,c,3,,\r\n,,\r\n');
    expect(parsed.rows).toEqual([{ cardId: 'a', at: 1700000000000, rating: 3 }, { cardId: 'a', at: 1700086400000, rating: 1 }]);
    expect(parsed.problems).toEqual(['line 5: review_rating "7" is not 1-4', 'line 6: review_time "soon" is not epoch milliseconds', 'line 7: no card_id']);
  });

  it('refuses a file without the required columns', () => {
    expect(() => parseReviewLogCsv('card_id,rating\n1,3\n')).toThrow('missing review_time, review_rating');
  });
});

describe('stored FSRS parameters (fsrs-parameters.json beside the history)', () => {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-parameters-'));
  afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));
  const stored = { weights: [...TRUE_WEIGHTS], optimizedAt: 1_700_000_000_000, reviews: 1234, fit: { logLoss: 0.31, rmse: 0.04 } };

  it('round-trips through an atomic write beside the history, and is absent until written', async () => {
    const file = parametersFileBeside(path.join(temp, 'review-history.json'));
    expect(path.basename(file)).toBe('fsrs-parameters.json');
    expect(await readParametersFile(file)).toBeUndefined();
    await writeParametersFile(file, stored);
    expect(await readParametersFile(file)).toEqual({ stored });
    expect(fs.readdirSync(temp)).toEqual(['fsrs-parameters.json']);
  });

  it('names what is wrong with a damaged or hand-edited file, and never writes unusable parameters', async () => {
    expect(parseParameters('{"format":"cnc-fsrs-parameters",').problem).toMatch(/not JSON/);
    expect(parseParameters('{"format":"other"}').problem).toMatch(/not a Cloud-Native Companion FSRS parameters file/);
    expect(parseParameters(serializeParameters(stored).replace('"version": 1', '"version": 9')).problem).toMatch(/unknown version \(9\)/);
    expect(parseParameters(serializeParameters({ ...stored, weights: stored.weights.map((w, i) => (i === 0 ? 1000 : w)) })).problem).toMatch(/parameter 1 is 1000/);
    const file = path.join(temp, 'bad', PARAMETERS_FILE_NAME);
    await expect(writeParametersFile(file, { ...stored, weights: [1, 2] })).rejects.toThrow('refusing to store FSRS parameters');
    expect(fs.existsSync(file)).toBe(false);
  });
});
