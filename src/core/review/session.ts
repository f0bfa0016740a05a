import type { CardHistory } from './historyLog';
import { endOfDay, startOfDay } from './localDay';
import type { CardContent, ReviewCardView, ReviewScope } from './protocol';
import { PHASE_NAMES, type ReviewScheduler, type SchedulerSettings } from './scheduler';

/** A card as the review needs it: the knowledge card plus its note's title and tags. */
export interface StudyCard extends CardContent {
  tags?: string[];
}

export interface SessionPlan {
  cards: StudyCard[];
  /** Cards already learnt whose time has come (learning steps included). */
  due: number;
  /** Cards never reviewed that this session introduces. */
  fresh: number;
  /** Review cards due today that the daily review limit holds back until tomorrow. */
  heldBack: number;
  /** In scope but not due today: the earliest next due time, for "nothing due — next in 3 days". */
  nextDue?: number;
  /** Cards in scope at all. */
  inScope: number;
}

/** Cards the scope selects, in their knowledge order. */
export function cardsInScope(cards: readonly StudyCard[], scope: ReviewScope): StudyCard[] {
  switch (scope.kind) {
    case 'due': return [...cards];
    case 'tag': return cards.filter((c) => c.tags?.includes(scope.tag));
    case 'concepts': { const ids = new Set(scope.noteIds); return cards.filter((c) => ids.has(c.noteId)); }
  }
}

/** How many cards were seen for the first time today (they count against the new-cards limit). */
export function newCardsIntroducedToday(histories: ReadonlyMap<string, CardHistory>, now: number): number {
  const since = startOfDay(now);
  let n = 0;
  for (const h of histories.values()) if (h.firstReviewAt >= since) n++;
  return n;
}

/** How many answers today were to cards already learnt (review phase): they count against the daily review limit. */
export function reviewsAnsweredToday(histories: ReadonlyMap<string, CardHistory>, now: number): number {
  const since = startOfDay(now);
  let n = 0;
  for (const h of histories.values()) for (const r of h.reviews) if (r.review.at >= since && r.before?.phase === 2) n++;
  return n;
}

/**
 * What to review now, Anki-style: cards in (re)learning that are due, then review cards due by the end of the day
 * (oldest first) up to what is left of today's review limit, then new cards up to what is left of today's new-card
 * allowance. Learning steps are never held back (a step skipped is a step lost). A concept the user picked (from
 * a hover, a diagnostic or the concepts of a file) is small and asked for on purpose, so its new cards are not
 * limited, nor are its reviews. With `scope.ahead`, cards not due yet are added after those, soonest first.
 * New cards of `firstNotes` (the concepts met in the user's own files: "From your code") are introduced first.
 */
export function planSession(cards: readonly StudyCard[], histories: ReadonlyMap<string, CardHistory>, scope: ReviewScope, settings: SchedulerSettings, now: number, firstNotes?: ReadonlySet<string>): SessionPlan {
  const selected = cardsInScope(cards, scope);
  const dayEnd = endOfDay(now);
  const learning: [StudyCard, number][] = [];
  const review: [StudyCard, number][] = [];
  const later: [StudyCard, number][] = [];
  const fresh: StudyCard[] = [];
  for (const card of selected) {
    const state = histories.get(card.id)?.state;
    if (!state || state.phase === 0) fresh.push(card);
    else if (state.due > dayEnd) later.push([card, state.due]);
    else (state.phase === 2 ? review : learning).push([card, state.due]);
  }
  const byDue = (a: [StudyCard, number], b: [StudyCard, number]) => a[1] - b[1];
  learning.sort(byDue);
  review.sort(byDue);
  later.sort(byDue);
  const unlimited = scope.kind === 'concepts' || scope.ahead;
  const allowance = unlimited ? fresh.length : Math.max(0, settings.newCardsPerDay - newCardsIntroducedToday(histories, now));
  const reviewAllowance = unlimited ? review.length : Math.max(0, settings.reviewsPerDay - reviewsAnsweredToday(histories, now));
  const reviewToday = review.slice(0, reviewAllowance);
  if (firstNotes?.size) fresh.sort((a, b) => Number(firstNotes.has(b.noteId)) - Number(firstNotes.has(a.noteId))); // stable: knowledge order within each group
  const freshToday = fresh.slice(0, allowance);
  const planned = [...learning, ...reviewToday].map(([c]) => c).concat(freshToday, scope.ahead ? later.map(([c]) => c) : []);
  return {
    cards: planned,
    due: learning.length + reviewToday.length,
    fresh: freshToday.length,
    heldBack: review.length - reviewToday.length,
    ...(later.length ? { nextDue: later[0]![1] } : {}),
    inScope: selected.length,
  };
}

export interface Workload {
  due: number;
  fresh: number;
  /** Learnt cards due by the end of today, per note (notes with none are left out). */
  dueByNote: Map<string, number>;
  /** Of today's cards (due and new), those of concepts met in the user's own files. */
  fromCode: number;
  /** The same per note, for the Concepts view. */
  fromCodeByNote: Map<string, number>;
}

/** Today's workload over all cards: what the status bar and the Concepts view show. */
export function dueToday(cards: readonly StudyCard[], histories: ReadonlyMap<string, CardHistory>, settings: SchedulerSettings, now: number, fromCode?: ReadonlySet<string>): Workload {
  const plan = planSession(cards, histories, { kind: 'due' }, settings, now, fromCode);
  const fromCodeByNote = new Map<string, number>();
  for (const card of plan.cards) if (fromCode?.has(card.noteId)) fromCodeByNote.set(card.noteId, (fromCodeByNote.get(card.noteId) ?? 0) + 1);
  const dayEnd = endOfDay(now);
  const dueByNote = new Map<string, number>();
  for (const card of cards) {
    const state = histories.get(card.id)?.state;
    if (state && state.phase !== 0 && state.due <= dayEnd) dueByNote.set(card.noteId, (dueByNote.get(card.noteId) ?? 0) + 1);
  }
  return { due: plan.due, fresh: plan.fresh, dueByNote, fromCode: [...fromCodeByNote.values()].reduce((a, b) => a + b, 0), fromCodeByNote };
}

/** The card as the webview shows it, with what each answer would schedule. */
export function toCardView(card: StudyCard, history: CardHistory | undefined, scheduler: ReviewScheduler, now: number, metIn?: readonly string[]): ReviewCardView {
  const previews = scheduler.preview(history?.state, now).map((p) => p.label) as [string, string, string, string];
  return {
    id: card.id,
    noteId: card.noteId,
    noteTitle: card.noteTitle,
    kind: card.kind,
    front: card.front,
    back: card.back,
    ...(card.cloze ? { cloze: { text: card.cloze.text, gap: card.cloze.gap } } : {}),
    phase: PHASE_NAMES[history?.state.phase ?? 0],
    previews,
    ...(metIn?.length ? { metIn: [...metIn] } : {}),
  };
}

/**
 * Whether an answered card comes back in the same session: it does when its next step is due within this many
 * minutes (a learning step), as it would in Anki with its default "learn ahead" limit.
 */
export const LEARN_AHEAD_MS = 20 * 60_000;
