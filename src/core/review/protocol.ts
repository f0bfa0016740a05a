/**
 * Messages between the review webview and the extension. Both sides validate what they receive: a webview is a web
 * page, and anything it posts is treated as untrusted input. A message is accepted only with exactly its own keys,
 * each of the right type and size. The types are derived from the valibot schemas, so they cannot drift apart.
 */
import * as v from 'valibot';
import { PHASE_NAMES, Rating } from './ratings';
import type { StudyStats } from './stats';

const MAX_ID_LENGTH = 200;
const MAX_TEXT = 20_000;
const MAX_CARDS = 5_000;
const MAX_DURATION_MS = 24 * 3_600_000;

/** Note, card and review ids: word characters and `#.:-`, nothing a path or markup could be made of. */
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID_LENGTH), v.regex(/^[\w#.:-]+$/));
const text = (max = MAX_TEXT) => v.pipe(v.string(), v.maxLength(max));
const count = v.pipe(v.number(), v.finite(), v.minValue(0));
const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));

/** A card's content as a review shows it: the knowledge card plus its note's title. */
const CardContent = v.object({
  id: Id,
  noteId: Id,
  noteTitle: text(500),
  kind: v.picklist(['basic', 'multiline', 'cloze']),
  front: text(),
  back: text(),
  /** Cloze cards: the whole line with its `==gaps==`, and which gap this card asks for. */
  cloze: v.optional(v.object({ text: text(), gap: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)) })),
});
export type CardContent = v.InferOutput<typeof CardContent>;

export const ReviewCardView = v.object({
  ...CardContent.entries,
  phase: v.picklist(PHASE_NAMES),
  /** The next interval for Again, Hard, Good, Easy, as short labels ("1m", "3d"). */
  previews: v.tuple([text(20), text(20), text(20), text(20)]),
  /** "From your code": where the user met this card's concept ("image-tag-not-pinned in web.yaml:20"), as links back. */
  metIn: v.optional(v.pipe(v.array(text(600)), v.maxLength(10))),
});
export type ReviewCardView = v.InferOutput<typeof ReviewCardView>;

/** `ahead` is kept only when true: a scope that does not study ahead says nothing about it. */
const ahead = { ahead: v.optional(v.boolean()) };
const withoutAheadFalse = <T extends { ahead?: boolean | undefined }>({ ahead: studyAhead, ...rest }: T) => ({ ...rest, ...(studyAhead ? { ahead: true } : {}) as { ahead?: boolean } });

/** What to review. `ahead` also takes cards that are not due yet (studying before an exam, say). */
export const ReviewScope = v.variant('kind', [
  v.pipe(v.strictObject({ kind: v.literal('due'), ...ahead }), v.transform(withoutAheadFalse)),
  v.pipe(v.strictObject({ kind: v.literal('tag'), tag: Id, ...ahead }), v.transform(withoutAheadFalse)),
  v.pipe(v.strictObject({ kind: v.literal('concepts'), noteIds: v.pipe(v.array(Id), v.minLength(1), v.maxLength(500)), label: text(300), ...ahead }), v.transform(withoutAheadFalse)),
]);
export type ReviewScope = v.InferOutput<typeof ReviewScope>;

/** A session's cards: an invalid card is dropped on its own, so one bad card does not cost the whole session. */
const SessionCards = v.pipe(v.array(v.unknown()), v.maxLength(MAX_CARDS),
  v.transform((cards) => cards.flatMap((card) => { const parsed = v.safeParse(ReviewCardView, card); return parsed.success ? [parsed.output] : []; })));

const SessionMessage = v.object({
  type: v.literal('session'),
  id: Id,
  title: text(500),
  scope: ReviewScope,
  cards: SessionCards,
  /** A line under the title: what the session holds ("4 due · 6 new"), or why it is empty. */
  note: text(500),
  /** The scope has cards that are not due: offer to study them anyway. */
  canStudyAhead: v.boolean(),
});
export type SessionMessage = v.InferOutput<typeof SessionMessage>;

const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));

/** Structural check of the statistics the extension computes (the charts read every field). */
const StudyStatsSchema: v.GenericSchema<unknown, StudyStats> = v.object({
  today: day,
  totals: v.object({
    reviews: count, reviewsToday: count, cardsStudied: count, cardsNew: count, cardsLearning: count, cardsReview: count,
    dueToday: count, streakDays: count, retention30: v.nullable(count), vanished: count,
  }),
  reviewsPerDay: list(v.object({ day, counts: v.tuple([count, count, count, count]) }), 400),
  retentionByInterval: list(v.object({ label: text(40), reviews: count, recalled: count }), 20),
  duePerDay: list(v.object({ day, count }), 400),
  heatmap: list(v.object({ day, count }), 800),
  byConcept: v.optional(v.object({
    weakest: list(v.object({ noteId: Id, title: text(500), reviews: count, recalled: count }), 20),
    tags: list(v.object({ tag: text(200), reviews: count, recalled: count }), 40),
  })),
});
export { StudyStatsSchema as StudyStats };

/** What each desired retention would cost (workloadSimulation.ts), summarised for the statistics view's chart. */
const WorkloadSummarySchema = v.object({
  /** The `cnc.review.desiredRetention` in use, marked on the chart. */
  desiredRetention: v.pipe(count, v.maxValue(1)),
  /** True when the simulation used parameters fitted to the user's history (Optimize Scheduling), not FSRS's defaults. */
  fittedParameters: v.boolean(),
  retentions: list(v.object({ retention: v.pipe(count, v.maxValue(1)), averagePerDay: count, peakPerDay: count }), 40),
});
export type WorkloadSummary = v.InferOutput<typeof WorkloadSummarySchema>;

const WebviewToExtension = v.variant('type', [
  /** The page loaded; `restoring` means it is showing a session or statistics from its saved state. */
  v.strictObject({ type: v.literal('ready'), restoring: v.optional(v.boolean()) }),
  v.strictObject({ type: v.literal('revealed'), cardId: Id }),
  /** `reviewId` is made by the page, so a resent answer is recognised and saved once. */
  v.strictObject({ type: v.literal('grade'), reviewId: Id, cardId: Id, rating: Rating, durationMs: v.pipe(count, v.maxValue(MAX_DURATION_MS)) }),
  v.strictObject({ type: v.literal('undo'), reviewId: Id }),
  v.strictObject({ type: v.literal('openNote'), noteId: Id }),
  /** Open the n-th place a card's concept was met (the extension looks the place up: the page sends no path). */
  v.strictObject({ type: v.literal('openPlace'), noteId: Id, index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9)) }),
  v.strictObject({ type: v.literal('showStats') }),
  v.strictObject({ type: v.literal('startReview'), ahead: v.boolean() }),
  v.strictObject({ type: v.literal('chooseScope') }),
  /** "Review these": the weakest concepts of the statistics view. */
  v.strictObject({ type: v.literal('reviewConcepts'), noteIds: v.pipe(v.array(Id), v.minLength(1), v.maxLength(20)) }),
  /** The page switched views on its own (back from the statistics to the session): the panel title follows. */
  v.strictObject({ type: v.literal('showing'), view: v.picklist(['review', 'stats']) }),
]);
export type WebviewToExtension = v.InferOutput<typeof WebviewToExtension>;

const ExtensionToWebview = v.variant('type', [
  SessionMessage,
  /** The answer is saved; `again` is the card once more when its next learning step falls within this session. */
  v.object({ type: v.literal('graded'), reviewId: Id, again: v.optional(ReviewCardView) }),
  v.object({ type: v.literal('undone'), reviewId: Id }),
  v.object({ type: v.literal('stats'), stats: StudyStatsSchema }),
  /** Sent after `stats`: the simulation takes a moment, and the other charts need not wait for it. */
  v.object({ type: v.literal('workload'), workload: WorkloadSummarySchema }),
  /** Something the user should know (a failed save, say), shown in the page as well as in a notification. */
  v.object({ type: v.literal('problem'), message: text(2000) }),
]);
export type ExtensionToWebview = v.InferOutput<typeof ExtensionToWebview>;

const parserOf = <S extends v.GenericSchema>(schema: S) => (value: unknown): v.InferOutput<S> | undefined => {
  const result = v.safeParse(schema, value);
  return result.success ? result.output : undefined;
};

/** Returns the message if it is one we understand, exactly; otherwise undefined. */
export const parseWebviewMessage = parserOf(WebviewToExtension);
export const parseExtensionMessage = parserOf(ExtensionToWebview);
/** A scope from saved webview state or a command argument; undefined if it is not one. */
export const parseScope = parserOf(ReviewScope);
