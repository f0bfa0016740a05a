import * as v from 'valibot';
import { Rating, type MemoryPhase } from './ratings';

const MAX_ID = 200;
const idOf = (pattern: RegExp) => v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID), v.regex(pattern));
const EntryId = idOf(/^[\w.:-]+$/);
const CardId = idOf(/^[\w#.:-]+$/);
const time = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(8.64e15 - 1));
const finite = v.pipe(v.number(), v.finite());
const count = v.pipe(finite, v.minValue(0));

/**
 * A card's scheduling state as stored in the history: ts-fsrs's `Card` with times as epoch milliseconds, so it
 * survives JSON unchanged. History files are read from disk and may have been edited by hand: everything is checked.
 */
const MemoryState = v.object({
  due: finite,
  stability: count,
  difficulty: finite,
  elapsedDays: finite,
  scheduledDays: finite,
  learningSteps: finite,
  reps: finite,
  lapses: finite,
  phase: v.picklist([0, 1, 2, 3] as const satisfies readonly MemoryPhase[]),
  lastReview: v.optional(finite),
});
export type MemoryState = v.InferOutput<typeof MemoryState>;

const ReviewEntry = v.object({
  type: v.literal('review'),
  id: EntryId,
  cardId: CardId,
  /** When the answer was given, epoch milliseconds. */
  at: time,
  rating: Rating,
  /** Days since the card's previous review (0 for its first). */
  elapsedDays: count,
  /** How long the user looked at the card before answering. */
  durationMs: v.optional(count),
  /** The review this one followed when it was recorded; a mismatch after a merge means "recompute from here". */
  prev: v.nullable(EntryId),
  /** A hash of the answer text, to recognise the same card after its question was reworded. */
  answer: v.optional(v.pipe(v.string(), v.maxLength(40))),
  /** The scheduler state after this review. */
  after: MemoryState,
});
export type ReviewEntry = v.InferOutput<typeof ReviewEntry>;

/** Takes back one review. */
const UndoEntry = v.object({ type: v.literal('undo'), id: EntryId, at: time, reviewId: EntryId });
export type UndoEntry = v.InferOutput<typeof UndoEntry>;

/** From now on, the history of card `from` (whose question changed, so its id changed) belongs to card `to`. */
const CarryEntry = v.pipe(
  v.object({ type: v.literal('carry'), id: EntryId, at: time, from: CardId, to: CardId }),
  v.check((e) => e.from !== e.to, 'a card is carried over to another card'),
);
export type CarryEntry = v.InferOutput<typeof CarryEntry>;

/** Forgets the reviews of a card that no longer exists, up to `at`. */
const PruneEntry = v.object({ type: v.literal('prune'), id: EntryId, at: time, cardId: CardId });
export type PruneEntry = v.InferOutput<typeof PruneEntry>;

/**
 * The review history is an append-only log of events. Nothing is ever edited in place: an undo, a carried-over card
 * or a prune is a new event, so two copies of the log (two VS Code windows, an export and the live file) merge by
 * taking the union of their events.
 */
const HistoryEntry = v.variant('type', [ReviewEntry, UndoEntry, CarryEntry, PruneEntry]);
export type HistoryEntry = v.InferOutput<typeof HistoryEntry>;

/** True when `value` is an entry we can trust: every field present with the right type and range. */
export const isHistoryEntry = (value: unknown): value is HistoryEntry => v.is(HistoryEntry, value);

/** A new unique entry id. The webview makes review ids the same way, so a resent answer is recognised. */
export function newEntryId(): string {
  return globalThis.crypto.randomUUID();
}

/** The note a card belongs to: card ids are `<note id>#<hash or block id>`. */
export const noteIdOfCard = (cardId: string): string => cardId.slice(0, Math.max(0, cardId.indexOf('#'))) || cardId;
