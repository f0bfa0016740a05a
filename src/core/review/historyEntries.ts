import { isMemoryState, isRating, type MemoryState, type ReviewRating } from './scheduler';

/**
 * The review history is an append-only log of events. Nothing is ever edited in place: an undo, a carried-over card
 * or a prune is a new event, so two copies of the log (two VS Code windows, an export and the live file) merge by
 * taking the union of their events.
 */
export type HistoryEntry = ReviewEntry | UndoEntry | CarryEntry | PruneEntry;

export interface ReviewEntry {
  type: 'review';
  id: string;
  cardId: string;
  /** When the answer was given, epoch milliseconds. */
  at: number;
  rating: ReviewRating;
  /** Days since the card's previous review (0 for its first). */
  elapsedDays: number;
  /** How long the user looked at the card before answering. */
  durationMs?: number;
  /** The review this one followed when it was recorded; a mismatch after a merge means "recompute from here". */
  prev: string | null;
  /** A hash of the answer text, to recognise the same card after its question was reworded. */
  answer?: string;
  /** The scheduler state after this review. */
  after: MemoryState;
}

/** Takes back one review. */
export interface UndoEntry { type: 'undo'; id: string; at: number; reviewId: string }

/** From now on, the history of card `from` (whose question changed, so its id changed) belongs to card `to`. */
export interface CarryEntry { type: 'carry'; id: string; at: number; from: string; to: string }

/** Forgets the reviews of a card that no longer exists, up to `at`. */
export interface PruneEntry { type: 'prune'; id: string; at: number; cardId: string }

const MAX_ID = 200;
export const isEntryId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID && /^[\w.:-]+$/.test(v);
export const isCardId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID && /^[\w#.:-]+$/.test(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 8.64e15;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** True when `value` is an entry we can trust: every field present with the right type and range. */
export function isHistoryEntry(value: unknown): value is HistoryEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const e = value as Record<string, unknown>;
  if (!isEntryId(e.id) || !isTime(e.at)) return false;
  switch (e.type) {
    case 'review':
      return isCardId(e.cardId) && isRating(e.rating) && isCount(e.elapsedDays) && (e.durationMs === undefined || isCount(e.durationMs))
        && (e.prev === null || isEntryId(e.prev)) && (e.answer === undefined || (typeof e.answer === 'string' && e.answer.length <= 40))
        && isMemoryState(e.after);
    case 'undo': return isEntryId(e.reviewId);
    case 'carry': return isCardId(e.from) && isCardId(e.to) && e.from !== e.to;
    case 'prune': return isCardId(e.cardId);
    default: return false;
  }
}

/** A new unique entry id. The webview makes review ids the same way, so a resent answer is recognised. */
export function newEntryId(): string {
  return globalThis.crypto.randomUUID();
}

/** The note a card belongs to: card ids are `<note id>#<hash or block id>`. */
export const noteIdOfCard = (cardId: string): string => cardId.slice(0, Math.max(0, cardId.indexOf('#'))) || cardId;
