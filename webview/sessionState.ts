// The review page's state and its transitions, as plain functions over plain data: the page saves this with
// setState after every change, so a reload (or a restart of VS Code) resumes exactly where the user was.
import { isStudyStats, parseCardView, parseScope, type ReviewCardView, type ReviewScope, type SessionMessage, type WebviewToExtension } from '../src/core/review/protocol';
import type { ReviewRating } from '../src/core/review/scheduler';
import type { StudyStats } from '../src/core/review/stats';

export interface QueueItem { card: ReviewCardView; /** The answer that brought this card back (a learning step). */ requeuedBy?: string }

export interface Answer { reviewId: string; cardId: string; rating: ReviewRating; position: number; durationMs: number; saved: boolean }

export interface SessionState {
  id: string;
  title: string;
  note: string;
  scope: ReviewScope;
  canStudyAhead: boolean;
  queue: QueueItem[];
  position: number;
  revealed: boolean;
  /** When the current card was shown, for the time spent on it. */
  shownAt: number;
  answers: Answer[];
  /** Escape was pressed: the summary shows, whatever is left stays due. */
  ended: boolean;
  startedAt: number;
}

export interface PageState {
  view: 'review' | 'stats';
  session?: SessionState;
  stats?: StudyStats;
  problem?: string;
}

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
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const view = r.view === 'stats' ? 'stats' : 'review';
  const session = parseSession(r.session);
  return { view, ...(session ? { session } : {}), ...(isStudyStats(r.stats) ? { stats: r.stats } : {}) };
}

function parseSession(raw: unknown): SessionState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const s = raw as Record<string, unknown>;
  const scope = parseScope(s.scope);
  if (!scope || typeof s.id !== 'string' || typeof s.title !== 'string' || typeof s.note !== 'string' || !Array.isArray(s.queue) || !Array.isArray(s.answers)) return undefined;
  const queue: QueueItem[] = [];
  for (const q of s.queue as Record<string, unknown>[]) {
    const card = parseCardView(q?.card);
    if (!card) return undefined;
    queue.push({ card, ...(typeof q.requeuedBy === 'string' ? { requeuedBy: q.requeuedBy } : {}) });
  }
  const int = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
  const answers = (s.answers as Answer[]).filter((a) => typeof a?.reviewId === 'string' && typeof a.cardId === 'string' && [1, 2, 3, 4].includes(a.rating));
  return {
    id: s.id, title: s.title, note: s.note, scope, canStudyAhead: s.canStudyAhead === true, queue,
    position: Math.min(Math.max(0, int(s.position, 0)), queue.length), revealed: s.revealed === true,
    shownAt: int(s.shownAt, Date.now()), answers, ended: s.ended === true, startedAt: int(s.startedAt, Date.now()),
  };
}
