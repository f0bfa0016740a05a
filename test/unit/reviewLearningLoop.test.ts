import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeConceptsOf, placeLabel } from '../../src/core/review/codeConcepts';
import { HistoryStore } from '../../src/core/review/historyStore';
import { DEFAULT_WEIGHTS, OptimizerError } from '../../src/core/review/optimizer';
import { exportedParametersFile, PARAMETERS_FILE_NAME, readParametersFile, serializeParameters } from '../../src/core/review/parametersFile';
import { ParametersStore } from '../../src/core/review/parametersStore';
import { parseExtensionMessage, parseWebviewMessage } from '../../src/core/review/protocol';
import { ReviewService } from '../../src/core/review/reviewService';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../src/core/review/scheduler';
import type { StudyCard } from '../../src/core/review/session';
import { SIMULATED_RETENTIONS } from '../../src/core/review/workloadSimulation';
import { syntheticHistory, toHistoryEntries, TRUE_WEIGHTS } from './syntheticReviews';

const root = path.resolve(__dirname, '..', '..');
const NOW = new Date(2026, 0, 5, 9, 0).getTime();
const card = (id: string): StudyCard => ({ id, noteId: id.split('#')[0]!, noteTitle: 'Note', kind: 'basic', front: `${id}?`, back: 'A' });

let dir: string;
let historyFile: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-loop-'));
  historyFile = path.join(dir, 'review-history.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function serviceWith(cards: number, seed: number, settings = DEFAULT_SCHEDULER_SETTINGS) {
  const store = new HistoryStore(historyFile);
  const rows = syntheticHistory(cards, seed);
  await store.append(() => toHistoryEntries(rows));
  const parameters = new ParametersStore(historyFile);
  const cardList = [...new Set(rows.map((r) => r.cardId))].map((id) => card(`n#${id}`));
  return { store, parameters, service: new ReviewService({ store, parameters, cards: async () => cardList, settings: () => settings, now: () => NOW }) };
}

describe('Optimize Scheduling through the review service', () => {
  it('stores better parameters beside the history, and the scheduler uses them from then on', async () => {
    const { parameters, service } = await serviceWith(300, 42);
    expect(service.settings().weights).toBeUndefined();
    const result = await service.optimize({ packageRoot: root });
    expect(result.improved).toBe(true);
    expect(result.saved).toBe(true);
    expect(result.after.logLoss).toBeLessThan(result.before.logLoss);
    const onDisk = await readParametersFile(path.join(dir, PARAMETERS_FILE_NAME));
    expect(onDisk?.stored).toEqual({ weights: result.parameters, optimizedAt: NOW, reviews: result.reviews, fit: result.after });
    expect(service.settings().weights).toEqual(result.parameters);
    // A second window reads the same file.
    const other = new ParametersStore(historyFile);
    expect(await other.load()).toBeUndefined();
    expect(other.weights).toEqual(result.parameters);
    expect(parameters.weights).toEqual(result.parameters);
  }, 120_000);

  it('keeps the parameters in use when the history is too small, and writes nothing', async () => {
    const { parameters, service } = await serviceWith(10, 3);
    const error = await service.optimize({ packageRoot: root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OptimizerError);
    expect((error as Error).message).toMatch(/needs at least \d+ reviews/);
    expect(fs.existsSync(parameters.file)).toBe(false);
    expect(service.settings().weights).toBeUndefined();
  });

  it('keeps the parameters in use when the optimizer cannot be loaded', async () => {
    const { service } = await serviceWith(300, 5);
    const error = await service.optimize({ packageRoot: path.join(dir, 'no-such-extension') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OptimizerError);
    expect((error as Error).message).toMatch(/could not be loaded/);
    expect(service.settings().weights).toBeUndefined();
  });
});

describe('the stored parameters file', () => {
  const stored = { weights: [...TRUE_WEIGHTS], optimizedAt: NOW, reviews: 500, fit: { logLoss: 0.3, rmse: 0.05 } };

  it('a damaged file is reported and the parameters in use are kept', async () => {
    const parameters = new ParametersStore(historyFile);
    fs.writeFileSync(parameters.file, serializeParameters(stored));
    expect(await parameters.load()).toBeUndefined();
    expect(parameters.weights).toEqual(TRUE_WEIGHTS);
    fs.writeFileSync(parameters.file, '{"format": "cnc-fsrs-parameters", "version": 1, "weights": [1, 2');
    const problem = await parameters.load();
    expect(problem).toMatch(/was not used: the file is not JSON .*The parameters in use are kept\./);
    expect(parameters.weights).toEqual(TRUE_WEIGHTS);
  });

  it('a file with weights that would make intervals explode is refused', async () => {
    const parameters = new ParametersStore(historyFile);
    fs.writeFileSync(parameters.file, serializeParameters({ ...stored, weights: [...DEFAULT_WEIGHTS.slice(0, 20), 99] }));
    expect(await parameters.load()).toMatch(/FSRS parameter 21 is 99, outside .*FSRS's default parameters are used\./);
    expect(parameters.weights).toBeUndefined();
  });

  it('is exported beside the history under a name Import History derives from the history file', () => {
    expect(exportedParametersFile('/tmp/cnc-review-history-2026-01-05.json')).toBe('/tmp/cnc-review-history-2026-01-05.fsrs-parameters.json');
    expect(exportedParametersFile('/tmp/backup')).toBe('/tmp/backup.fsrs-parameters.json');
  });
});

describe('the workload simulation for the statistics view', () => {
  it('gives the cost of every retention 0.80–0.97, marks the setting in use, and passes the message check', async () => {
    const { service, parameters } = await serviceWith(40, 7, { ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: 0.85 });
    const workload = await service.workload();
    expect(workload.retentions.map((r) => r.retention)).toEqual(SIMULATED_RETENTIONS);
    expect(workload.desiredRetention).toBe(0.85);
    expect(workload.fittedParameters).toBe(false);
    // Higher retention costs more reviews.
    expect(workload.retentions.at(-1)!.averagePerDay).toBeGreaterThan(workload.retentions[0]!.averagePerDay);
    for (const r of workload.retentions) expect(r.peakPerDay).toBeGreaterThanOrEqual(r.averagePerDay);
    expect(parseExtensionMessage({ type: 'workload', workload })).toEqual({ type: 'workload', workload });
    expect(parseExtensionMessage({ type: 'workload', workload: { ...workload, desiredRetention: 9 } })).toBeUndefined();

    await parameters.save({ weights: [...TRUE_WEIGHTS], optimizedAt: NOW, reviews: 1, fit: { logLoss: 0.3, rmse: 0.1 } });
    expect((await service.workload()).fittedParameters).toBe(true);
  });
});

describe('"From your code": concepts met in the user\'s files', () => {
  const notes = [{ id: 'image-tags', title: 'Image tags' }, { id: 'probes', title: 'Probes' }, { id: 'pod', title: 'Pod' }];
  const finding = (code: string, line: number, noteFile: string) => ({
    source: 'cnc', code, line, relatedInformation: [{ location: { uri: { path: `/ext/knowledge/${noteFile}.md` } }, message: 'Concept: whatever — summary' }],
  });
  const files = [
    { uri: 'file:///w/web.yaml', file: 'web.yaml', diagnostics: [finding('image-tag-not-pinned', 20, 'image-tags'), finding('image-tag-not-pinned', 20, 'image-tags'), { source: 'yaml', line: 3 }] },
    { uri: 'file:///w/api.yaml', file: 'k8s/api.yaml', diagnostics: [finding('image-tag-not-pinned', 7, 'image-tags'), finding('missing-readiness-probe', 12, 'probes'), finding('x', 1, 'unknown-note')] },
  ];

  it('finds each concept with where it was met, once per place, and only known notes', () => {
    const places = codeConceptsOf(files, notes);
    expect([...places.keys()]).toEqual(['image-tags', 'probes']);
    expect(places.get('image-tags')!.map(placeLabel)).toEqual(['image-tag-not-pinned in web.yaml:20', 'image-tag-not-pinned in k8s/api.yaml:7']);
    expect(places.get('probes')).toEqual([{ ruleId: 'missing-readiness-probe', file: 'k8s/api.yaml', uri: 'file:///w/api.yaml', line: 12 }]);
  });

  it('introduces new cards of those concepts first, counts them, and shows on each card where the concept was met', async () => {
    const store = new HistoryStore(historyFile);
    const cards = ['pod#a', 'pod#b', 'probes#a', 'image-tags#a', 'image-tags#b'].map(card);
    let code = codeConceptsOf(files, notes);
    const service = new ReviewService({ store, cards: async () => cards, settings: () => ({ ...DEFAULT_SCHEDULER_SETTINGS, newCardsPerDay: 3 }), codeConcepts: () => code, now: () => NOW });
    const { session } = await service.startSession({ kind: 'due' });
    expect(session.cards.map((c) => c.id)).toEqual(['probes#a', 'image-tags#a', 'image-tags#b']);
    expect(session.cards[1]!.metIn).toEqual(['image-tag-not-pinned in web.yaml:20', 'image-tag-not-pinned in k8s/api.yaml:7']);
    expect(parseExtensionMessage(session)).toEqual(session);
    const workload = await service.dueToday();
    expect(workload).toMatchObject({ fresh: 3, fromCode: 3 });
    expect(workload.fromCodeByNote).toEqual(new Map([['probes', 1], ['image-tags', 2]]));
    expect(service.codePlace('image-tags', 1)).toMatchObject({ uri: 'file:///w/api.yaml', line: 7 });
    expect(service.codePlace('image-tags', 5)).toBeUndefined();

    code = new Map(); // the setting is off, or the problems were fixed
    const plain = (await service.startSession({ kind: 'due' })).session;
    expect(plain.cards.map((c) => c.id)).toEqual(['pod#a', 'pod#b', 'probes#a']);
    expect(plain.cards.every((c) => c.metIn === undefined)).toBe(true);
    expect((await service.dueToday()).fromCode).toBe(0);
  });

  it('the page may only ask to open a place by note and index, never by path', () => {
    expect(parseWebviewMessage({ type: 'openPlace', noteId: 'image-tags', index: 1 })).toEqual({ type: 'openPlace', noteId: 'image-tags', index: 1 });
    expect(parseWebviewMessage({ type: 'openPlace', noteId: 'image-tags', index: 1, uri: 'file:///etc/passwd' })).toBeUndefined();
    expect(parseWebviewMessage({ type: 'openPlace', noteId: '../x', index: 0 })).toBeUndefined();
  });
});

describe('retention by concept and by tag', () => {
  it('names the concepts remembered least often (with enough reviews), and the retention of each tag', async () => {
    const rows = syntheticHistory(60, 11);
    const store = new HistoryStore(historyFile);
    await store.append(() => toHistoryEntries(rows.map((r) => ({ ...r, cardId: `${Number(r.cardId.slice(5)) % 3 === 0 ? 'weak' : 'strong'}#${r.cardId}` }))));
    // Every answer on a "weak" card after its first is Again: that concept must come out weakest.
    const entries = store.log.map((e) => (e.type === 'review' && e.cardId.startsWith('weak#') && e.prev !== null ? { ...e, rating: 1 as const } : e));
    const weakStore = new HistoryStore(path.join(dir, 'weak.json'));
    await weakStore.append(() => entries);
    const cards = [...new Set(entries.flatMap((e) => (e.type === 'review' ? [e.cardId] : [])))].map((id) => ({ ...card(id), noteTitle: id.startsWith('weak#') ? 'Weak' : 'Strong', tags: id.startsWith('weak#') ? ['hard-stuff', 'all'] : ['all'] }));
    const service = new ReviewService({ store: weakStore, cards: async () => cards, settings: () => DEFAULT_SCHEDULER_SETTINGS, now: () => NOW });
    const { byConcept } = await service.stats();
    expect(byConcept!.weakest[0]).toMatchObject({ noteId: 'weak', title: 'Weak' });
    expect(byConcept!.weakest[0]!.reviews).toBeGreaterThan(0);
    expect(byConcept!.weakest[0]!.recalled).toBe(0);
    const all = byConcept!.tags.find((t) => t.tag === 'all')!;
    const hard = byConcept!.tags.find((t) => t.tag === 'hard-stuff')!;
    expect(all.reviews).toBeGreaterThan(hard.reviews);
    expect(hard.recalled / hard.reviews).toBeLessThan(all.recalled / all.reviews);
    expect(byConcept!.tags[0]!.tag).toBe('all');
    expect(parseExtensionMessage({ type: 'stats', stats: await service.stats() })).toBeDefined();
    expect(parseWebviewMessage({ type: 'reviewConcepts', noteIds: ['weak'] })).toEqual({ type: 'reviewConcepts', noteIds: ['weak'] });
    expect(parseWebviewMessage({ type: 'reviewConcepts', noteIds: [] })).toBeUndefined();
  });
});
