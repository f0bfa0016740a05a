import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerFingerprint } from '../../src/core/review/carryOver';
import type { HistoryEntry } from '../../src/core/review/historyEntries';
import { deriveCardStates, mergeLogs, recordReview } from '../../src/core/review/historyLog';
import { HistoryStore } from '../../src/core/review/historyStore';
import type { SessionMessage } from '../../src/core/review/protocol';
import { ReviewService } from '../../src/core/review/reviewService';
import { DEFAULT_SCHEDULER_SETTINGS, ReviewScheduler } from '../../src/core/review/scheduler';
import { planSession, type StudyCard } from '../../src/core/review/session';
import * as page from '../../webview/sessionState';

const T0 = new Date(2025, 6, 7, 9, 0).getTime();
const MIN = 60_000;
const DAY = 86_400_000;
const scheduler = new ReviewScheduler();

const card = (noteId: string, n: number, extra: Partial<StudyCard> = {}): StudyCard =>
  ({ id: `${noteId}#q${n}`, noteId, noteTitle: noteId.toUpperCase(), kind: 'basic', front: `Question ${n} of ${noteId}?`, back: `Answer ${n}`, ...extra });

describe('session planning', () => {
  const cards = [card('pod', 1), card('pod', 2), card('pod', 3), card('svc', 1, { tags: ['networking'] }), card('svc', 2, { tags: ['networking'] })];

  it('orders learning cards, then due reviews (oldest first), then new cards up to the daily allowance', () => {
    let log: HistoryEntry[] = [recordReview([], scheduler, { id: 'a', cardId: 'pod#q1', at: T0 - 30 * DAY, rating: 4 })]; // review, long overdue
    log = mergeLogs(log, [recordReview(log, scheduler, { id: 'b', cardId: 'pod#q2', at: T0 - 5 * MIN, rating: 1 })]); // learning, due in 1 min
    log = mergeLogs(log, [recordReview(log, scheduler, { id: 'c', cardId: 'svc#q1', at: T0 - DAY, rating: 4 })]); // review, not due yet
    const histories = deriveCardStates(log, scheduler);
    // pod#q2 was new this morning, so an allowance of 2 leaves room for one more.
    const plan = planSession(cards, histories, { kind: 'due' }, { ...DEFAULT_SCHEDULER_SETTINGS, newCardsPerDay: 2 }, T0);
    expect(plan.cards.map((c) => c.id)).toEqual(['pod#q2', 'pod#q1', 'pod#q3']);
    expect(plan).toMatchObject({ due: 2, fresh: 1, inScope: 5 });
    expect(plan.nextDue).toBe(histories.get('svc#q1')!.state.due);
  });

  it('counts new cards already introduced today against the allowance', () => {
    const log = [recordReview([], scheduler, { id: 'a', cardId: 'pod#q1', at: T0 - 60 * MIN, rating: 4 })];
    const plan = planSession(cards, deriveCardStates(log, scheduler), { kind: 'due' }, { ...DEFAULT_SCHEDULER_SETTINGS, newCardsPerDay: 2 }, T0);
    expect(plan.fresh).toBe(1);
  });

  it('narrows to a tag or to concepts; a chosen concept is not limited by the new-card allowance; ahead adds cards not due', () => {
    const settings = { ...DEFAULT_SCHEDULER_SETTINGS, newCardsPerDay: 1 };
    const none = new Map();
    expect(planSession(cards, none, { kind: 'tag', tag: 'networking' }, settings, T0).cards.map((c) => c.id)).toEqual(['svc#q1']);
    expect(planSession(cards, none, { kind: 'concepts', noteIds: ['pod'], label: 'Pod' }, settings, T0).cards).toHaveLength(3);
    const log = [recordReview([], scheduler, { id: 'a', cardId: 'svc#q1', at: T0 - MIN, rating: 4 })];
    const histories = deriveCardStates(log, scheduler);
    const scope = { kind: 'concepts' as const, noteIds: ['svc'], label: 'Service' };
    expect(planSession(cards, histories, scope, settings, T0).cards.map((c) => c.id)).toEqual(['svc#q2']);
    expect(planSession(cards, histories, { ...scope, ahead: true }, settings, T0).cards.map((c) => c.id)).toEqual(['svc#q2', 'svc#q1']);
  });
});

describe('review service with a real history file', () => {
  let dir: string;
  let now = T0;
  let cards: StudyCard[];
  let service: ReviewService;
  let store: HistoryStore;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-service-'));
    now = T0;
    cards = [card('pod', 1), card('pod', 2), card('svc', 1)];
    store = new HistoryStore(path.join(dir, 'review-history.json'));
    service = new ReviewService({ store, cards: async () => cards, settings: () => DEFAULT_SCHEDULER_SETTINGS, now: () => now });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('plans a session with next-interval previews, records answers, and brings learning cards back', async () => {
    const { session } = await service.startSession({ kind: 'due' });
    expect(session.cards.map((c) => c.id)).toEqual(['pod#q1', 'pod#q2', 'svc#q1']);
    expect(session.note).toBe('3 new');
    expect(session.cards[0]!.previews).toEqual(scheduler.preview(undefined, now).map((p) => p.label));
    expect(session.cards[0]!.phase).toBe('new');

    now += 5000;
    const again = await service.grade({ reviewId: 'r1', cardId: 'pod#q1', rating: 1, durationMs: 5000 });
    expect(again.again?.id).toBe('pod#q1'); // due in a minute: back in this session
    expect(again.again?.phase).toBe('learning');
    const easy = await service.grade({ reviewId: 'r2', cardId: 'pod#q2', rating: 4, durationMs: 3000 });
    expect(easy.again).toBeUndefined(); // days away

    const reloaded = new HistoryStore(store.file);
    const log = await reloaded.refresh();
    const reviews = log.filter((e) => e.type === 'review');
    expect(reviews.map((e) => [e.id, e.cardId, e.rating, e.durationMs])).toEqual([['r1', 'pod#q1', 1, 5000], ['r2', 'pod#q2', 4, 3000]]);
    expect(reviews[0]!.answer).toBe(answerFingerprint('Answer 1'));
    const workload = await service.dueToday();
    expect(workload).toMatchObject({ due: 1, fresh: 1 }); // pod#q1 is in learning; svc#q1 is still new
    expect([...workload.dueByNote]).toEqual([['pod', 1]]);
  });

  it('saves a resent answer once, and undo takes it back', async () => {
    await service.grade({ reviewId: 'r1', cardId: 'svc#q1', rating: 3, durationMs: 1000 });
    await service.grade({ reviewId: 'r1', cardId: 'svc#q1', rating: 3, durationMs: 1000 });
    expect(store.log.filter((e) => e.type === 'review')).toHaveLength(1);
    expect(await service.undo('r1')).toBe(true);
    expect(await service.undo('r1')).toBe(false);
    expect(await service.undo('never-recorded')).toBe(false);
    expect(deriveCardStates(store.log, scheduler).has('svc#q1')).toBe(false);
  });

  it('carries history over to a reworded card when a session starts, and lists and prunes vanished cards', async () => {
    await service.grade({ reviewId: 'r1', cardId: 'pod#q1', rating: 4, durationMs: 1000 });
    await service.grade({ reviewId: 'r2', cardId: 'svc#q1', rating: 4, durationMs: 1000 });
    cards = [card('pod', 1, { id: 'pod#reworded' }), card('pod', 2)]; // pod#q1 reworded; svc removed
    const { carried } = await service.startSession({ kind: 'due' });
    expect(carried).toEqual([{ from: 'pod#q1', to: 'pod#reworded' }]);
    expect(deriveCardStates(store.log, scheduler).get('pod#reworded')!.reviews).toHaveLength(1);
    expect(await service.vanishedCards()).toEqual([{ cardId: 'svc#q1', reviews: 1 }]);
    expect((await service.stats()).totals.vanished).toBe(1);
    expect(await service.prune(['svc#q1', 'pod#q2'])).toBe(1); // a card that still exists is never pruned
    expect(await service.vanishedCards()).toEqual([]);
    cards = [];
    expect(await service.vanishedCards()).toEqual([]); // no cards loaded is not "everything vanished"
  });

  it('says why a session is empty and offers to study ahead', async () => {
    await service.grade({ reviewId: 'r1', cardId: 'svc#q1', rating: 4, durationMs: 1000 });
    const { session } = await service.startSession({ kind: 'concepts', noteIds: ['svc'], label: 'Service' });
    expect(session.cards).toEqual([]);
    expect(session.note).toMatch(/^Nothing is due here now\. The next card is due in \d+d\.$/);
    expect(session.canStudyAhead).toBe(true);
    const ahead = await service.startSession({ kind: 'concepts', noteIds: ['svc'], label: 'Service', ahead: true });
    expect(ahead.session.cards.map((c) => c.id)).toEqual(['svc#q1']);
    expect(ahead.session.title).toBe('Service (studying ahead)');
  });
});

describe('review page state (webview)', () => {
  const view = (id: string) => ({ id, noteId: 'pod', noteTitle: 'Pod', kind: 'basic' as const, front: 'q', back: 'a', phase: 'new' as const, previews: ['1m', '6m', '10m', '8d'] as [string, string, string, string] });
  const message: SessionMessage = { type: 'session', id: 's1', title: 'Everything due', scope: { kind: 'due' }, cards: [view('pod#1'), view('pod#2')], note: '2 new', canStudyAhead: false };

  it('reveals, answers, requeues a learning card, undoes, ends and summarises', () => {
    let s = page.startSession(message, T0);
    expect(page.answer(s, 3, 'x', T0)).toBeUndefined(); // no answer before the reveal
    s = page.reveal(s)!;
    const first = page.answer(s, 1, 'r1', T0 + 4000)!;
    expect(first.message).toEqual({ type: 'grade', reviewId: 'r1', cardId: 'pod#1', rating: 1, durationMs: 4000 });
    s = page.graded(first.state, 'r1', { ...view('pod#1'), phase: 'learning' }, T0 + 4100);
    expect(s.queue.map((q) => q.card.id)).toEqual(['pod#1', 'pod#2', 'pod#1']);
    expect(page.currentItem(s)!.card.id).toBe('pod#2');
    const undone = page.undo(s, T0 + 5000)!;
    expect(undone.reviewId).toBe('r1');
    expect(undone.state.queue.map((q) => q.card.id)).toEqual(['pod#1', 'pod#2']);
    expect(page.currentItem(undone.state)!.card.id).toBe('pod#1');
    s = page.answer(page.reveal(undone.state)!, 3, 'r2', T0 + 6000)!.state;
    s = page.answer(page.reveal(s)!, 4, 'r3', T0 + 7000)!.state;
    expect(page.isSaving(s)).toBe(true);
    s = page.graded(page.graded(s, 'r2', undefined, T0), 'r3', undefined, T0);
    expect(page.isOver(s)).toBe(true);
    expect(page.summarise(s)).toEqual({ answers: 2, cards: 2, counts: [0, 0, 1, 1], durationMs: 2000, left: 0 });
    const ended = page.end(page.startSession(message, T0));
    expect(page.isOver(ended) && page.summarise(ended).left).toBe(2);
  });

  it('restores its saved state after a reload, and drops what it does not recognise', () => {
    const s = page.answer(page.reveal(page.startSession(message, T0))!, 3, 'r1', T0 + 1000)!.state;
    const saved = JSON.parse(JSON.stringify({ view: 'review', session: s }));
    expect(page.parsePageState(saved)).toEqual({ view: 'review', session: s });
    expect(page.parsePageState({ view: 'review', session: { ...s, queue: [{ card: { id: '<bad>' } }] } })).toEqual({ view: 'review' });
    expect(page.parsePageState('nonsense')).toBeUndefined();
  });

  it('keeps only saved answers whose every field fits, and clamps the position to the queue', () => {
    const s = page.answer(page.reveal(page.startSession(message, T0))!, 3, 'r1', T0 + 1000)!.state;
    const good = s.answers[0]!;
    const answers = [good, { ...good, reviewId: 'r2', position: -1 }, { ...good, reviewId: 'r3', durationMs: 'long' }, { ...good, reviewId: 'r4', saved: 'yes' }, { ...good, reviewId: 'r5', rating: 7 }];
    const restored = page.parsePageState({ view: 'review', session: { ...s, answers, position: 99 } });
    expect(restored?.session?.answers).toEqual([good]);
    expect(restored?.session?.position).toBe(s.queue.length);
  });
});
