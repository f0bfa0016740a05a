import { describe, expect, it } from 'vitest';
import { parseExtensionMessage, parseScope, parseWebviewMessage, type ReviewCardView } from '../../src/core/review/protocol';
import { computeStats } from '../../src/core/review/stats';

const card: ReviewCardView = { id: 'a#1', noteId: 'a', noteTitle: 'A', kind: 'basic', front: 'q', back: 'a', phase: 'new', previews: ['1m', '6m', '10m', '8d'] };

describe('review webview protocol: webview → extension', () => {
  it('accepts exactly the messages it knows', () => {
    const good = [
      { type: 'ready' },
      { type: 'ready', restoring: true },
      { type: 'revealed', cardId: 'deployment#1phex3h' },
      { type: 'grade', reviewId: '0f8e2c1a-8a4b-4c1e-9f3e-2b1d0c9a8b7f', cardId: 'deployment#1phex3h', rating: 3, durationMs: 4200 },
      { type: 'undo', reviewId: 'r-1' },
      { type: 'openNote', noteId: 'deployment' },
      { type: 'showStats' },
      { type: 'startReview', ahead: true },
      { type: 'chooseScope' },
      { type: 'showing', view: 'review' },
      { type: 'showing', view: 'stats' },
    ];
    for (const message of good) expect(parseWebviewMessage(message)).toEqual(message);
  });

  it('rejects malformed, oversized, extra-keyed or unknown messages', () => {
    const bad = [
      null, 'ready', [], { type: 'eval', code: 'x' }, { type: 'ready', extra: 1 }, { type: 'ready', restoring: 'yes' },
      { type: 'openNote', noteId: '../../etc/passwd' }, { type: 'openNote', noteId: 'x'.repeat(500) }, { type: 'revealed', cardId: 42 },
      { type: 'grade', reviewId: 'r', cardId: 'a#1', rating: 5, durationMs: 1 },
      { type: 'grade', reviewId: 'r', cardId: 'a#1', rating: 0, durationMs: 1 },
      { type: 'grade', reviewId: 'r', cardId: 'a#1', rating: '3', durationMs: 1 },
      { type: 'grade', reviewId: 'r', cardId: 'a#1', rating: 3, durationMs: -5 },
      { type: 'grade', reviewId: 'r', cardId: 'a#1', rating: 3, durationMs: Number.NaN },
      { type: 'grade', reviewId: 'r', cardId: 'a#1', rating: 3 },
      { type: 'grade', reviewId: 'r r', cardId: 'a#1', rating: 3, durationMs: 1 },
      { type: 'grade', reviewId: 'r', cardId: 'a#1', rating: 3, durationMs: 1, at: 0 },
      { type: 'undo' }, { type: 'undo', reviewId: '<img>' },
      { type: 'showStats', all: true }, { type: 'startReview' }, { type: 'startReview', ahead: 1 }, { type: 'chooseScope', scope: 'due' },
      { type: 'showing' }, { type: 'showing', view: 'settings' },
    ];
    for (const message of bad) expect(parseWebviewMessage(message), JSON.stringify(message)).toBeUndefined();
  });

  it('accepts only well-formed scopes (from saved state or a command argument)', () => {
    expect(parseScope({ kind: 'due' })).toEqual({ kind: 'due' });
    expect(parseScope({ kind: 'tag', tag: 'networking', ahead: true })).toEqual({ kind: 'tag', tag: 'networking', ahead: true });
    expect(parseScope({ kind: 'concepts', noteIds: ['pod', 'service'], label: 'Problems in web.yaml' })).toEqual({ kind: 'concepts', noteIds: ['pod', 'service'], label: 'Problems in web.yaml' });
    for (const bad of [undefined, { kind: 'all' }, { kind: 'tag' }, { kind: 'concepts', noteIds: [], label: 'x' }, { kind: 'concepts', noteIds: ['a b'], label: 'x' }, { kind: 'due', ahead: 'yes' }, { kind: 'due', extra: 1 }]) {
      expect(parseScope(bad)).toBeUndefined();
    }
  });
});

describe('review webview protocol: extension → webview', () => {
  const session = { type: 'session', id: 's-1', title: 'Everything due', scope: { kind: 'due' }, cards: [card], note: '1 new', canStudyAhead: false };

  it('accepts sessions, answers saved, undos, statistics and problems', () => {
    expect(parseExtensionMessage(session)).toEqual(session);
    const cloze = { ...card, id: 'a#2-c1', kind: 'cloze', cloze: { text: 'a ==b==', gap: 0 } };
    expect(parseExtensionMessage({ ...session, cards: [cloze] })).toEqual({ ...session, cards: [cloze] });
    expect(parseExtensionMessage({ type: 'graded', reviewId: 'r1' })).toEqual({ type: 'graded', reviewId: 'r1' });
    expect(parseExtensionMessage({ type: 'graded', reviewId: 'r1', again: card })).toEqual({ type: 'graded', reviewId: 'r1', again: card });
    expect(parseExtensionMessage({ type: 'undone', reviewId: 'r1' })).toEqual({ type: 'undone', reviewId: 'r1' });
    expect(parseExtensionMessage({ type: 'problem', message: 'Could not save' })).toEqual({ type: 'problem', message: 'Could not save' });
    const stats = computeStats(new Map(), ['a#1'], Date.now());
    expect(parseExtensionMessage({ type: 'stats', stats })).toEqual({ type: 'stats', stats });
  });

  it('drops invalid cards from a session and rejects malformed messages', () => {
    const message = parseExtensionMessage({ ...session, cards: [card, { ...card, id: 'a#2', kind: 'script' }, { ...card, id: 'a#3', previews: ['1m'] }, { ...card, id: 'a#4', cloze: { text: 'x', gap: -1 } }] });
    expect(message?.type === 'session' && message.cards.map((c) => c.id)).toEqual(['a#1']);
    const stats = computeStats(new Map(), [], Date.now());
    for (const bad of [
      null, { type: 'session' }, { ...session, scope: { kind: 'everything' } }, { ...session, canStudyAhead: 'no' },
      { type: 'graded' }, { type: 'graded', reviewId: 'r1', again: { id: 'x' } }, { type: 'undone', reviewId: 5 },
      { type: 'problem', message: 'x'.repeat(5000) }, { type: 'stats', stats: { ...stats, duePerDay: [{ day: 'tomorrow', count: 1 }] } },
      { type: 'stats', stats: { ...stats, totals: { reviews: -1 } } }, { type: 'eval' },
    ]) expect(parseExtensionMessage(bad), JSON.stringify(bad)?.slice(0, 80)).toBeUndefined();
  });
});
