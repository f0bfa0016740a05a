import type { ReviewRating } from './scheduler';
import { splitLines } from '../text/lines';

/** One answer, as the optimizer needs it: which card, when (epoch ms), and the rating. */
export interface ReviewLogRow {
  cardId: string;
  at: number;
  rating: ReviewRating;
}

export interface ParsedReviewLog {
  rows: ReviewLogRow[];
  /** Lines that could not be read, with their line number and why (the rest of the file is still used). */
  problems: string[];
}

const REQUIRED = ['card_id', 'review_time', 'review_rating'] as const;
const MAX_PROBLEMS = 20;

/**
 * Reads a review log in the FSRS optimizer's common CSV format (what Anki's and the FSRS tools' exports use): a header
 * with `card_id,review_time,review_rating` (optionally `review_state,review_duration`, which are ignored here), review
 * times in epoch milliseconds and ratings 1-4. Rating 0 rows (Anki's manual reschedules) are not answers and are
 * skipped silently; any other unreadable row is named in `problems`. Throws only when the header is wrong, because
 * then no row can be trusted.
 */
export function parseReviewLogCsv(text: string): ParsedReviewLog {
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((name) => !header.includes(name));
  if (missing.length) throw new Error(`not a review log CSV: the header must name ${REQUIRED.join(', ')} (missing ${missing.join(', ')})`);
  const [card, time, rating] = REQUIRED.map((name) => header.indexOf(name)) as [number, number, number];
  const rows: ReviewLogRow[] = [];
  const problems: string[] = [];
  let unreported = 0;
  const problem = (line: number, why: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(`line ${line}: ${why}`); else unreported++;
  };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const cells = line.split(',').map((c) => c.trim());
    const cardId = cells[card] ?? '';
    const at = Number(cells[time]);
    const value = Number(cells[rating]);
    if (cells[rating] === '0') continue;
    if (!cardId) problem(i + 1, 'no card_id');
    else if (!Number.isInteger(at) || at <= 0 || at >= 8.64e15) problem(i + 1, `review_time "${cells[time] ?? ''}" is not epoch milliseconds`);
    else if (!Number.isInteger(value) || value < 1 || value > 4) problem(i + 1, `review_rating "${cells[rating] ?? ''}" is not 1-4`);
    else rows.push({ cardId, at, rating: value as ReviewRating });
  }
  if (unreported) problems.push(`… and ${unreported} more lines`);
  return { rows, problems };
}
