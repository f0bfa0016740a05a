import type { CardHistory } from './historyLog';
import { addDays, dayKey, endOfDay, startOfDay } from './localDay';

/** Everything the statistics view draws; computed in the extension, drawn by the webview. */
export interface StudyStats {
  today: string;
  totals: {
    reviews: number;
    reviewsToday: number;
    /** Cards of the current notes that have been reviewed at least once. */
    cardsStudied: number;
    /** Cards of the current notes never reviewed. */
    cardsNew: number;
    cardsLearning: number;
    cardsReview: number;
    dueToday: number;
    /** Days in a row, ending today or yesterday, with at least one review. */
    streakDays: number;
    /** Share of reviews of learnt cards in the last 30 days that were remembered (Hard, Good or Easy); null without any. */
    retention30: number | null;
    /** Cards with history that are no longer in any note (kept until pruned). */
    vanished: number;
  };
  /** The last 30 days, oldest first; counts are Again, Hard, Good, Easy. */
  reviewsPerDay: { day: string; counts: [number, number, number, number] }[];
  /** Reviews of learnt cards by how long it had been since the card's previous review, and how many were remembered. */
  retentionByInterval: { label: string; reviews: number; recalled: number }[];
  /** Cards due on each of the next 30 days; the first day includes everything overdue. */
  duePerDay: { day: string; count: number }[];
  /** Reviews per day for the calendar heatmap: whole weeks (Monday first) up to today. */
  heatmap: { day: string; count: number }[];
  /** Retention of learnt cards by concept and by tag (see `retentionByConcept`); absent when not computed. */
  byConcept?: ConceptRetention;
}

export interface RetentionRow { reviews: number; recalled: number }
export interface ConceptRetention {
  /** The concepts remembered least often (with enough reviews to tell), weakest first. */
  weakest: (RetentionRow & { noteId: string; title: string })[];
  /** Every tag with reviews of learnt cards, most reviewed first. */
  tags: (RetentionRow & { tag: string })[];
}

/** A concept needs this many reviews of learnt cards before its retention says anything. */
export const MIN_REVIEWS_FOR_WEAKEST = 5;
const WEAKEST_SHOWN = 5;
const TAGS_SHOWN = 8;

/**
 * How often learnt cards were remembered, per concept and per tag (a card counts under each of its note's tags):
 * which concepts to go back to. Like the other retention figures, only reviews of learnt cards count.
 */
export function retentionByConcept(histories: ReadonlyMap<string, CardHistory>, cards: readonly { id: string; noteId: string; noteTitle: string; tags?: readonly string[] }[]): ConceptRetention {
  const concepts = new Map<string, RetentionRow & { noteId: string; title: string }>();
  const tags = new Map<string, RetentionRow & { tag: string }>();
  for (const card of cards) {
    const history = histories.get(card.id);
    if (!history) continue;
    const learnt = history.reviews.filter((r) => r.before?.phase === 2);
    if (!learnt.length) continue;
    const recalled = learnt.filter((r) => r.review.rating > 1).length;
    const concept = concepts.get(card.noteId) ?? { noteId: card.noteId, title: card.noteTitle, reviews: 0, recalled: 0 };
    concept.reviews += learnt.length;
    concept.recalled += recalled;
    concepts.set(card.noteId, concept);
    for (const tag of card.tags ?? []) {
      const row = tags.get(tag) ?? { tag, reviews: 0, recalled: 0 };
      row.reviews += learnt.length;
      row.recalled += recalled;
      tags.set(tag, row);
    }
  }
  const rate = (r: RetentionRow) => r.recalled / r.reviews;
  return {
    weakest: [...concepts.values()].filter((c) => c.reviews >= MIN_REVIEWS_FOR_WEAKEST && c.recalled < c.reviews)
      .sort((a, b) => rate(a) - rate(b) || b.reviews - a.reviews).slice(0, WEAKEST_SHOWN),
    tags: [...tags.values()].sort((a, b) => b.reviews - a.reviews || a.tag.localeCompare(b.tag)).slice(0, TAGS_SHOWN),
  };
}

const INTERVAL_BUCKETS: { label: string; upTo: number }[] = [
  { label: '< 1 day', upTo: 1 },
  { label: '1–2 days', upTo: 3 },
  { label: '3–6 days', upTo: 7 },
  { label: '1–2 weeks', upTo: 15 },
  { label: '2–4 weeks', upTo: 31 },
  { label: '1–3 months', upTo: 92 },
  { label: '3+ months', upTo: Infinity },
];

export const HEATMAP_WEEKS = 26;

export function computeStats(histories: ReadonlyMap<string, CardHistory>, currentCardIds: readonly string[], now: number): StudyStats {
  const today = dayKey(now);
  const current = new Set(currentCardIds);
  const perDay = new Map<string, [number, number, number, number]>();
  const buckets = INTERVAL_BUCKETS.map((b) => ({ label: b.label, reviews: 0, recalled: 0 }));
  const since30 = addDays(startOfDay(now), -29);
  let reviews = 0, recent = 0, recentRecalled = 0;
  for (const history of histories.values()) {
    for (const { review, before } of history.reviews) {
      reviews++;
      const key = dayKey(review.at);
      const counts = perDay.get(key) ?? [0, 0, 0, 0];
      counts[review.rating - 1]!++;
      perDay.set(key, counts);
      // Retention is measured on cards that were already learnt: a learning step is practice, not recall.
      if (before?.phase !== 2) continue;
      const recalled = review.rating > 1 ? 1 : 0;
      const bucket = buckets[INTERVAL_BUCKETS.findIndex((b) => review.elapsedDays < b.upTo)]!;
      bucket.reviews++;
      bucket.recalled += recalled;
      if (review.at >= since30) { recent++; recentRecalled += recalled; }
    }
  }

  const dayEnd = endOfDay(now);
  const duePerDay = Array.from({ length: 30 }, (_, i) => ({ day: dayKey(addDays(now, i)), count: 0 }));
  let studied = 0, learning = 0, reviewing = 0, dueToday = 0, vanished = 0;
  for (const [cardId, history] of histories) {
    if (!current.has(cardId)) { vanished++; continue; }
    studied++;
    const { state } = history;
    if (state.phase === 2) reviewing++; else if (state.phase === 1 || state.phase === 3) learning++;
    if (state.due <= dayEnd) { dueToday++; duePerDay[0]!.count++; continue; }
    const slot = duePerDay.findIndex((d) => d.day === dayKey(state.due));
    if (slot >= 0) duePerDay[slot]!.count++;
  }

  const reviewsPerDay = Array.from({ length: 30 }, (_, i) => {
    const day = dayKey(addDays(now, i - 29));
    return { day, counts: perDay.get(day) ?? [0, 0, 0, 0] as [number, number, number, number] };
  });
  const dayOfWeek = (new Date(now).getDay() + 6) % 7; // Monday 0 … Sunday 6
  const firstHeatmapDay = addDays(startOfDay(now), -(dayOfWeek + 7 * (HEATMAP_WEEKS - 1)));
  const heatmap: StudyStats['heatmap'] = [];
  for (let d = firstHeatmapDay; d <= now; d = addDays(d, 1)) {
    const day = dayKey(d);
    heatmap.push({ day, count: (perDay.get(day) ?? [0, 0, 0, 0]).reduce((a, b) => a + b, 0) });
  }

  // Today may not have started yet: a streak that ended yesterday still counts.
  let streak = 0;
  let day = startOfDay(now);
  if (!perDay.has(dayKey(day))) day = addDays(day, -1);
  for (; perDay.has(dayKey(day)); day = addDays(day, -1)) streak++;

  return {
    today,
    totals: {
      reviews,
      reviewsToday: (perDay.get(today) ?? [0, 0, 0, 0]).reduce((a, b) => a + b, 0),
      cardsStudied: studied,
      cardsNew: Math.max(0, current.size - studied),
      cardsLearning: learning,
      cardsReview: reviewing,
      dueToday,
      streakDays: streak,
      retention30: recent ? recentRecalled / recent : null,
      vanished,
    },
    reviewsPerDay,
    retentionByInterval: buckets,
    duePerDay,
    heatmap,
  };
}
