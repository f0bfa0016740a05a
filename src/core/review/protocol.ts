/**
 * Messages between the review webview and the extension. Both sides validate what they receive: a webview is a web
 * page, and anything it posts is treated as untrusted input. A message is accepted only with exactly its own keys,
 * each of the right type and size.
 */
import type { PhaseName, ReviewRating } from './scheduler';
import type { StudyStats } from './stats';

/** A card's content as a review shows it: the knowledge card plus its note's title. */
export interface CardContent {
  id: string;
  noteId: string;
  noteTitle: string;
  kind: 'basic' | 'multiline' | 'cloze';
  front: string;
  back: string;
  /** Cloze cards: the whole line with its `==gaps==`, and which gap this card asks for. */
  cloze?: { text: string; gap: number };
}

export interface ReviewCardView extends CardContent {
  phase: PhaseName;
  /** The next interval for Again, Hard, Good, Easy, as short labels ("1m", "3d"). */
  previews: [string, string, string, string];
}

/** What to review. `ahead` also takes cards that are not due yet (studying before an exam, say). */
export type ReviewScope =
  | { kind: 'due'; ahead?: boolean }
  | { kind: 'tag'; tag: string; ahead?: boolean }
  | { kind: 'concepts'; noteIds: string[]; label: string; ahead?: boolean };

export interface SessionMessage {
  type: 'session';
  id: string;
  title: string;
  scope: ReviewScope;
  cards: ReviewCardView[];
  /** A line under the title: what the session holds ("4 due · 6 new"), or why it is empty. */
  note: string;
  /** The scope has cards that are not due: offer to study them anyway. */
  canStudyAhead: boolean;
}

export type ExtensionToWebview =
  | SessionMessage
  /** The answer is saved; `again` is the card once more when its next learning step falls within this session. */
  | { type: 'graded'; reviewId: string; again?: ReviewCardView }
  | { type: 'undone'; reviewId: string }
  | { type: 'stats'; stats: StudyStats }
  /** Something the user should know (a failed save, say), shown in the page as well as in a notification. */
  | { type: 'problem'; message: string };

export type WebviewToExtension =
  /** The page loaded; `restoring` means it is showing a session or statistics from its saved state. */
  | { type: 'ready'; restoring?: boolean }
  | { type: 'revealed'; cardId: string }
  /** `reviewId` is made by the page, so a resent answer is recognised and saved once. */
  | { type: 'grade'; reviewId: string; cardId: string; rating: ReviewRating; durationMs: number }
  | { type: 'undo'; reviewId: string }
  | { type: 'openNote'; noteId: string }
  | { type: 'showStats' }
  | { type: 'startReview'; ahead: boolean }
  | { type: 'chooseScope' }
  /** The page switched views on its own (back from the statistics to the session): the panel title follows. */
  | { type: 'showing'; view: 'review' | 'stats' };

const MAX_ID_LENGTH = 200;
const MAX_TEXT = 20_000;
const MAX_CARDS = 5_000;
const MAX_DURATION_MS = 24 * 3_600_000;
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH && /^[\w#.:-]+$/.test(value);
const isText = (value: unknown, max = MAX_TEXT): value is string => typeof value === 'string' && value.length <= max;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const keysOf = (m: Record<string, unknown>) => Object.keys(m).sort().join(',');
const hasKeys = (m: Record<string, unknown>, required: string[], optional: string[] = []) => {
  const keys = Object.keys(m);
  return required.every((k) => k in m) && keys.every((k) => required.includes(k) || optional.includes(k));
};

/** Returns the message if it is one we understand, exactly; otherwise undefined. */
export function parseWebviewMessage(message: unknown): WebviewToExtension | undefined {
  if (!isRecord(message)) return undefined;
  const m = message;
  switch (m.type) {
    case 'ready':
      if (keysOf(m) === 'type') return { type: 'ready' };
      return keysOf(m) === 'restoring,type' && typeof m.restoring === 'boolean' ? { type: 'ready', restoring: m.restoring } : undefined;
    case 'revealed': return keysOf(m) === 'cardId,type' && isId(m.cardId) ? { type: 'revealed', cardId: m.cardId } : undefined;
    case 'grade':
      return keysOf(m) === 'cardId,durationMs,rating,reviewId,type' && isId(m.reviewId) && isId(m.cardId)
        && (m.rating === 1 || m.rating === 2 || m.rating === 3 || m.rating === 4)
        && typeof m.durationMs === 'number' && Number.isFinite(m.durationMs) && m.durationMs >= 0 && m.durationMs <= MAX_DURATION_MS
        ? { type: 'grade', reviewId: m.reviewId, cardId: m.cardId, rating: m.rating, durationMs: m.durationMs } : undefined;
    case 'undo': return keysOf(m) === 'reviewId,type' && isId(m.reviewId) ? { type: 'undo', reviewId: m.reviewId } : undefined;
    case 'openNote': return keysOf(m) === 'noteId,type' && isId(m.noteId) ? { type: 'openNote', noteId: m.noteId } : undefined;
    case 'showStats': return keysOf(m) === 'type' ? { type: 'showStats' } : undefined;
    case 'startReview': return keysOf(m) === 'ahead,type' && typeof m.ahead === 'boolean' ? { type: 'startReview', ahead: m.ahead } : undefined;
    case 'chooseScope': return keysOf(m) === 'type' ? { type: 'chooseScope' } : undefined;
    case 'showing': return keysOf(m) === 'type,view' && (m.view === 'review' || m.view === 'stats') ? { type: 'showing', view: m.view } : undefined;
    default: return undefined;
  }
}

/** A scope from saved webview state or a command argument; undefined if it is not one. */
export function parseScope(value: unknown): ReviewScope | undefined {
  if (!isRecord(value)) return undefined;
  if (value.ahead !== undefined && typeof value.ahead !== 'boolean') return undefined;
  const ahead = value.ahead === true ? { ahead: true } : {};
  switch (value.kind) {
    case 'due': return hasKeys(value, ['kind'], ['ahead']) ? { kind: 'due', ...ahead } : undefined;
    case 'tag': return hasKeys(value, ['kind', 'tag'], ['ahead']) && isId(value.tag) ? { kind: 'tag', tag: value.tag, ...ahead } : undefined;
    case 'concepts':
      return hasKeys(value, ['kind', 'noteIds', 'label'], ['ahead']) && Array.isArray(value.noteIds) && value.noteIds.length > 0
        && value.noteIds.length <= 500 && value.noteIds.every(isId) && isText(value.label, 300)
        ? { kind: 'concepts', noteIds: [...value.noteIds], label: value.label, ...ahead } : undefined;
    default: return undefined;
  }
}

const KINDS = ['basic', 'multiline', 'cloze'];
const PHASES = ['new', 'learning', 'review', 'relearning'];

export function parseCardView(value: unknown): ReviewCardView | undefined {
  if (!isRecord(value)) return undefined;
  const c = value;
  if (!isId(c.id) || !isId(c.noteId) || !isText(c.noteTitle, 500) || !isText(c.front) || !isText(c.back) || !KINDS.includes(c.kind as string)) return undefined;
  if (!PHASES.includes(c.phase as string)) return undefined;
  if (!Array.isArray(c.previews) || c.previews.length !== 4 || !c.previews.every((p) => isText(p, 20))) return undefined;
  let cloze: ReviewCardView['cloze'];
  if (c.cloze !== undefined) {
    const z = c.cloze as Record<string, unknown>;
    if (!isRecord(z) || !isText(z.text) || typeof z.gap !== 'number' || !Number.isInteger(z.gap) || z.gap < 0 || z.gap > 100) return undefined;
    cloze = { text: z.text, gap: z.gap };
  }
  return {
    id: c.id, noteId: c.noteId, noteTitle: c.noteTitle, kind: c.kind as ReviewCardView['kind'], front: c.front, back: c.back,
    ...(cloze ? { cloze } : {}), phase: c.phase as PhaseName, previews: [...c.previews] as ReviewCardView['previews'],
  };
}

export function parseExtensionMessage(message: unknown): ExtensionToWebview | undefined {
  if (!isRecord(message)) return undefined;
  const m = message;
  switch (m.type) {
    case 'session': {
      const scope = parseScope(m.scope);
      if (!isId(m.id) || !isText(m.title, 500) || !isText(m.note, 500) || typeof m.canStudyAhead !== 'boolean' || !scope) return undefined;
      if (!Array.isArray(m.cards) || m.cards.length > MAX_CARDS) return undefined;
      // Invalid cards are dropped one by one: one bad card should not cost the whole session.
      const cards = m.cards.map(parseCardView).filter((c): c is ReviewCardView => c !== undefined);
      return { type: 'session', id: m.id, title: m.title, scope, cards, note: m.note, canStudyAhead: m.canStudyAhead };
    }
    case 'graded': {
      if (!isId(m.reviewId)) return undefined;
      if (m.again === undefined) return { type: 'graded', reviewId: m.reviewId };
      const again = parseCardView(m.again);
      return again ? { type: 'graded', reviewId: m.reviewId, again } : undefined;
    }
    case 'undone': return isId(m.reviewId) ? { type: 'undone', reviewId: m.reviewId } : undefined;
    case 'problem': return isText(m.message, 2000) ? { type: 'problem', message: m.message } : undefined;
    case 'stats': return isStudyStats(m.stats) ? { type: 'stats', stats: m.stats } : undefined;
    default: return undefined;
  }
}

const isCount = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isDay = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Structural check of the statistics the extension computes (the charts read every field). */
export function isStudyStats(value: unknown): value is StudyStats {
  if (!isRecord(value)) return false;
  const s = value;
  const arrayOf = (v: unknown, max: number, ok: (x: Record<string, unknown>) => boolean) => Array.isArray(v) && v.length <= max && v.every((x) => isRecord(x) && ok(x));
  const totals = s.totals;
  return isDay(s.today) && isRecord(totals) && Object.values(totals).every((v) => v === null || isCount(v))
    && arrayOf(s.reviewsPerDay, 400, (x) => isDay(x.day) && Array.isArray(x.counts) && x.counts.length === 4 && x.counts.every(isCount))
    && arrayOf(s.retentionByInterval, 20, (x) => isText(x.label, 40) && isCount(x.reviews) && isCount(x.recalled))
    && arrayOf(s.duePerDay, 400, (x) => isDay(x.day) && isCount(x.count))
    && arrayOf(s.heatmap, 800, (x) => isDay(x.day) && isCount(x.count));
}
