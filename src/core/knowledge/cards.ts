import type { Card } from './note';
import { splitLines } from '../text/lines';

const BLOCK_ID = /\s\^([A-Za-z0-9-]+)\s*$/;
const CLOZE = /==([^=\n]+?)==/g;

/** FNV-1a, base 36: short, stable ids that do not need a crypto module in the browser or the CLI. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

function splitBlockId(line: string): { text: string; blockId?: string } {
  const m = BLOCK_ID.exec(line);
  return m ? { text: line.slice(0, m.index), blockId: m[1] } : { text: line };
}

/**
 * Reads Obsidian Spaced Repetition style cards from a note body: `front::back`, multi-line cards split by a line
 * holding only `?`, and `==cloze==` lines. Fenced code is skipped. `lineOffset` maps body lines to file lines.
 */
export function parseCards(noteId: string, body: string, lineOffset = 0): Card[] {
  const cards: Card[] = [];
  const lines = splitLines(body);
  let inFence = false;
  let paragraphStart = -1;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (/^\s*(```|~~~)/.test(raw)) { inFence = !inFence; paragraphStart = -1; continue; }
    if (inFence) continue;
    if (raw.trim() === '') { paragraphStart = -1; continue; }
    if (paragraphStart < 0) paragraphStart = i;
    const line = lineOffset + i;
    if (raw.trim() === '?' && paragraphStart < i) {
      const front = lines.slice(paragraphStart, i).join('\n').trim();
      let j = i + 1;
      while (j < lines.length && lines[j]!.trim() !== '' && !/^\s*(```|~~~)/.test(lines[j]!)) j++;
      const { text: back, blockId } = splitBlockId(lines.slice(i + 1, j).join('\n'));
      cards.push({ id: cardId(noteId, front, blockId), noteId, kind: 'multiline', front, back: back.trim(), line: lineOffset + paragraphStart });
      i = j - 1;
      paragraphStart = -1;
      continue;
    }
    // A multi-line card's question lines are collected above; single-line forms only count when the next line is not `?`.
    if (lines[i + 1]?.trim() === '?') continue;
    const { text, blockId } = splitBlockId(raw);
    const sep = text.indexOf('::');
    if (sep > 0 && !/^\s*[-*]?\s*\S+:\/\//.test(text.slice(0, sep + 3))) {
      const front = text.slice(0, sep).trim();
      const back = text.slice(sep + 2).trim();
      if (front && back) cards.push({ id: cardId(noteId, front, blockId), noteId, kind: 'basic', front, back, line });
      continue;
    }
    const gaps = [...text.matchAll(CLOZE)];
    gaps.forEach((gap, index) => {
      const id = blockId ? `${noteId}#${blockId}-c${index + 1}` : `${noteId}#${shortHash(normalise(text))}-c${index + 1}`;
      const front = text.replace(CLOZE, (_m, inner: string, offset: number) => (offset === gap.index ? '[…]' : inner)).trim();
      cards.push({ id, noteId, kind: 'cloze', front, back: gap[1]!.trim(), cloze: { text: text.trim(), gap: index }, line });
    });
  }
  return cards;
}

function cardId(noteId: string, front: string, blockId?: string): string {
  return blockId ? `${noteId}#${blockId}` : `${noteId}#${shortHash(normalise(front))}`;
}
