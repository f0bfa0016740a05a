import { describe, expect, it } from 'vitest';
import { parseExtensionMessage, parseWebviewMessage } from '../../src/core/review/protocol';

describe('review webview protocol', () => {
  it('accepts exactly the messages it knows', () => {
    expect(parseWebviewMessage({ type: 'ready' })).toEqual({ type: 'ready' });
    expect(parseWebviewMessage({ type: 'revealed', cardId: 'deployment#1phex3h' })).toEqual({ type: 'revealed', cardId: 'deployment#1phex3h' });
    expect(parseWebviewMessage({ type: 'openNote', noteId: 'deployment' })).toEqual({ type: 'openNote', noteId: 'deployment' });
  });

  it('rejects malformed, oversized, extra-keyed or unknown messages', () => {
    for (const bad of [null, 'ready', [], { type: 'eval', code: 'x' }, { type: 'ready', extra: 1 }, { type: 'openNote', noteId: '../../etc/passwd' },
      { type: 'openNote', noteId: 'x'.repeat(500) }, { type: 'revealed', cardId: 42 }]) {
      expect(parseWebviewMessage(bad)).toBeUndefined();
    }
  });

  it('drops invalid cards from a session message', () => {
    const message = parseExtensionMessage({ type: 'session', title: 't', cards: [
      { id: 'a#1', noteId: 'a', noteTitle: 'A', kind: 'basic', front: 'q', back: 'a' },
      { id: 'a#2', noteId: 'a', noteTitle: 'A', kind: 'script', front: 'q', back: 'a' },
    ] });
    expect(message?.cards.map((c) => c.id)).toEqual(['a#1']);
  });
});
