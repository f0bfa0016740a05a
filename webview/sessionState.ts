// The review page's state and its transitions, as plain functions over plain data: the page saves this with
// setState after every change, so a reload (or a restart of VS Code) resumes exactly where the user was.
import * as v from 'valibot';
import { ReviewCardView, ReviewScope, StudyStats, type SessionMessage, type WebviewToExtension } from '../src/core/review/protocol';
import { Rating, type ReviewRating } from '../src/core/review/ratings';

/**
 * The saved state is checked when the page loads: it may come from an older version of the page. The types are
 * derived from the schemas; a field that is missing or wrong falls back to its default where one makes sense.
 */
const finite = v.pipe(v.number(), v.finite());
const now = () => Date.now();

const QueueItem = v.object({
  card: ReviewCardView,
  /** The answer that brought this card back (a learning step). */
  requeuedBy: v.fallback(v.optional(v.string()), undefined),
});
export type QueueItem = v.InferOutput<typeof QueueItem>;

const Answer = v.object({
  reviewId: v.string(),
  cardId: v.string(),
  rating: Rating,
  position: v.pipe(v.number(), v.integer(), v.minValue(0)),
  durationMs: v.pipe(finite, v.minValue(0)),
  saved: v.boolean(),
});
export type Answer = v.InferOutput<typeof Answer>;

/** Answers that do not fit are dropped one by one; the rest of the session stays. */
const Answers = v.pipe(v.array(v.unknown()), v.transform((answers) => answers.filter((a): a is Answer => v.is(Answer, a))));

const SessionState = v.pipe(v.object({
  id: v.string(),
  title: v.string(),
  note: v.string(),
  scope: ReviewScope,
  canStudyAhead: v.fallback(v.boolean(), false),
  queue: v.array(QueueItem),
  position: v.fallback(finite, 0),
  revealed: v.fallback(v.boolean(), false),
  /** When the current card was shown, for the time spent on it. */
  shownAt: v.fallback(finite, now),
  answers: Answers,
  /** Escape was pressed: the summary shows, whatever is left stays due. */
  ended: v.fallback(v.boolean(), false),
  startedAt: v.fallback(finite, now),
}), v.transform((s) => ({ ...s, position: Math.min(Math.max(0, s.position), s.queue.length) })));
export type SessionState = v.InferOutput<typeof SessionState>;

const PageState = v.object({
  view: v.fallback(v.picklist(['review', 'stats']), 'review'),
  /** Dropped, not fatal, when it does not fit: the page asks for a new session. */
  session: v.fallback(v.optional(SessionState), undefined),
  stats: v.fallback(v.optional(StudyStats), undefined),
  problem: v.fallback(v.optional(v.string()), undefined),
});
export type PageState = v.InferOutput<typeof PageState>;

/** Time on one card is capped: a card left open over lunch says nothing about how hard it was. */
export const MAX_CARD_TIME_MS = 10 * 60_000;

export function startSession(message: SessionMessage, now: number): SessionState {
  return {
    id: message.id, title: message.title, note: message.note, scope: message.scope, canStudyAhead: message.canStudyAhead,
    queue: message.cards.map((card) => ({ card })), position: 0, revealed: false, shownAt: now, answers: [], ended: false, startedAt: now,
  };
}

/** The card on screen, if the session is still going. */
export function currentItem(s: SessionState): QueueItem | undefined {
  return s.ended ? undefined : s.queue[s.position];
}

/** Past the last card with answers still on their way to the disk. */
export const isSaving = (s: SessionState) => !s.ended && s.position >= s.queue.length && s.answers.some((a) => !a.saved);

/** Past the last card (or ended) with everything saved: time for the summary. */
export const isOver = (s: SessionState) => s.queue.length > 0 && (s.ended || (s.position >= s.queue.length && !isSaving(s)));

export function reveal(s: SessionState): SessionState | undefined {
  return currentItem(s) && !s.revealed ? { ...s, revealed: true } : undefined;
}

export function answer(s: SessionState, rating: ReviewRating, reviewId: string, now: number): { state: SessionState; message: WebviewToExtension } | undefined {
  const item = currentItem(s);
  if (!item || !s.revealed) return undefined;
  const durationMs = Math.min(Math.max(0, now - s.shownAt), MAX_CARD_TIME_MS);
  const entry: Answer = { reviewId, cardId: item.card.id, rating, position: s.position, durationMs, saved: false };
  return {
    state: { ...s, answers: [...s.answers, entry], position: s.position + 1, revealed: false, shownAt: now },
    message: { type: 'grade', reviewId, cardId: item.card.id, rating, durationMs },
  };
}

/** The extension saved an answer; a card due again within the session joins the end of the queue. */
export function graded(s: SessionState, reviewId: string, again: ReviewCardView | undefined, now: number): SessionState {
  if (!s.answers.some((a) => a.reviewId === reviewId)) return s; // undone meanwhile
  const answers = s.answers.map((a) => (a.reviewId === reviewId ? { ...a, saved: true } : a));
  if (!again || s.queue.some((q) => q.requeuedBy === reviewId)) return { ...s, answers };
  const wasWaiting = s.position >= s.queue.length;
  return { ...s, answers, queue: [...s.queue, { card: again, requeuedBy: reviewId }], ...(wasWaiting ? { shownAt: now } : {}) };
}

/** Takes back the last answer: its card is asked again, and a repeat it caused leaves the queue. */
export function undo(s: SessionState, now: number): { state: SessionState; reviewId: string } | undefined {
  const last = s.answers[s.answers.length - 1];
  if (!last) return undefined;
  return {
    state: {
      ...s, answers: s.answers.slice(0, -1), queue: s.queue.filter((q) => q.requeuedBy !== last.reviewId),
      position: last.position, revealed: false, ended: false, shownAt: now,
    },
    reviewId: last.reviewId,
  };
}

export const end = (s: SessionState): SessionState => ({ ...s, ended: true, revealed: false });

export interface Summary { answers: number; cards: number; counts: [number, number, number, number]; durationMs: number; left: number }

export function summarise(s: SessionState): Summary {
  const counts: [number, number, number, number] = [0, 0, 0, 0];
  for (const a of s.answers) counts[a.rating - 1]!++;
  return {
    answers: s.answers.length,
    cards: new Set(s.answers.map((a) => a.cardId)).size,
    counts,
    durationMs: s.answers.reduce((sum, a) => sum + a.durationMs, 0),
    left: Math.max(0, s.queue.length - s.position),
  };
}

/** The saved state, checked: it may come from an older version of the page. Anything unrecognised is dropped. */
export function parsePageState(raw: unknown): PageState | undefined {
  const result = v.safeParse(PageState, raw);
  if (!result.success) return undefined;
  const { view, session, stats } = result.output;
  // A problem shown before the reload is not shown again.
  return { view, ...(session ? { session: withoutUndefined(session) } : {}), ...(stats ? { stats } : {}) };
}

/** `requeuedBy: undefined` and a missing `requeuedBy` are the same; the saved state has none. */
function withoutUndefined(session: SessionState): SessionState {
  return { ...session, queue: session.queue.map(({ card, requeuedBy }) => ({ card, ...(requeuedBy !== undefined ? { requeuedBy } : {}) })) };
}
