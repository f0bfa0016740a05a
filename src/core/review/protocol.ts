/**
 * Messages between the review webview and the extension. Both sides validate what they receive: a webview is a web
 * page, and anything it posts is treated as untrusted input.
 */
export interface ReviewCardView {
  id: string;
  noteId: string;
  noteTitle: string;
  kind: 'basic' | 'multiline' | 'cloze';
  front: string;
  back: string;
}

export type ExtensionToWebview =
  | { type: 'session'; title: string; cards: ReviewCardView[] };

export type WebviewToExtension =
  | { type: 'ready' }
  | { type: 'revealed'; cardId: string }
  | { type: 'openNote'; noteId: string };

const MAX_ID_LENGTH = 200;
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH && /^[\w#.:-]+$/.test(value);

/** Returns the message if it is one we understand, exactly; otherwise undefined. */
export function parseWebviewMessage(message: unknown): WebviewToExtension | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
  const m = message as Record<string, unknown>;
  const keys = Object.keys(m).sort().join(',');
  switch (m.type) {
    case 'ready': return keys === 'type' ? { type: 'ready' } : undefined;
    case 'revealed': return keys === 'cardId,type' && isId(m.cardId) ? { type: 'revealed', cardId: m.cardId } : undefined;
    case 'openNote': return keys === 'noteId,type' && isId(m.noteId) ? { type: 'openNote', noteId: m.noteId } : undefined;
    default: return undefined;
  }
}

export function parseExtensionMessage(message: unknown): ExtensionToWebview | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  if (m.type !== 'session' || typeof m.title !== 'string' || !Array.isArray(m.cards)) return undefined;
  const cards = m.cards.filter((c): c is ReviewCardView => {
    const card = c as Record<string, unknown>;
    return isId(card?.id) && isId(card.noteId) && typeof card.noteTitle === 'string' && typeof card.front === 'string' && typeof card.back === 'string' && ['basic', 'multiline', 'cloze'].includes(card.kind as string);
  });
  return { type: 'session', title: m.title, cards };
}
