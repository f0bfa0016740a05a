import { shortHash } from '../knowledge/cards';
import { newEntryId, noteIdOfCard, type CarryEntry } from './historyEntries';
import type { CardHistory } from './historyLog';

/** A hash of a card's answer, stored with each review so the card can be recognised after its question changes. */
export function answerFingerprint(back: string): string {
  return shortHash(back.replace(/\s+/g, ' ').trim().toLowerCase());
}

export interface CarryOver { from: string; to: string }

/**
 * Card ids come from the question, so rewording a question gives the card a new id and leaves its history behind.
 * This pairs such orphaned history with the new card: same note, same answer, and no doubt about it (exactly one
 * orphan and one never-reviewed card share that note and answer). Anything ambiguous is left alone; a card whose
 * answer changed as well keeps its old history under the old id until it is pruned.
 */
export function findCarryOvers(histories: ReadonlyMap<string, CardHistory>, cards: readonly { id: string; noteId: string; back: string }[]): CarryOver[] {
  const current = new Set(cards.map((c) => c.id));
  const key = (noteId: string, answer: string) => `${noteId}\u0000${answer}`;
  const orphans = new Map<string, string[]>();
  for (const h of histories.values()) {
    if (current.has(h.cardId) || !h.answer) continue;
    const k = key(noteIdOfCard(h.cardId), h.answer);
    orphans.set(k, [...(orphans.get(k) ?? []), h.cardId]);
  }
  if (!orphans.size) return [];
  const fresh = new Map<string, string[]>();
  for (const c of cards) {
    if (histories.has(c.id)) continue;
    const k = key(c.noteId, answerFingerprint(c.back));
    if (orphans.has(k)) fresh.set(k, [...(fresh.get(k) ?? []), c.id]);
  }
  const result: CarryOver[] = [];
  for (const [k, ids] of fresh) {
    const from = orphans.get(k)!;
    if (from.length === 1 && ids.length === 1) result.push({ from: from[0]!, to: ids[0]! });
  }
  return result;
}

export const carryEntries = (carries: readonly CarryOver[], at: number): CarryEntry[] =>
  carries.map(({ from, to }) => ({ type: 'carry', id: newEntryId(), at, from, to }));
