import type { Span } from '../model/tree';
import { lineEndAt, lineStartAt } from '../text/lines';

/** `[[target]]`, `[[target#heading]]`, `[[target|label]]`: group 1 is the target, group 2 the label. */
export const WIKILINK = /\[\[([^\]|#\n]+)(?:#[^\]|\n]*)?(?:\|([^\]\n]*))?\]\]/g;

/** The `[[target]]` link under an offset, with the span of the whole link. */
export function wikilinkAt(text: string, offset: number): { target: string; span: Span } | undefined {
  const lineStart = lineStartAt(text, offset);
  const line = text.slice(lineStart, lineEndAt(text, offset));
  for (const m of line.matchAll(WIKILINK)) {
    const start = lineStart + m.index!;
    const end = start + m[0].length;
    if (offset >= start && offset <= end) return { target: m[1]!.trim(), span: { start, end } };
  }
  return undefined;
}

/**
 * When the cursor is inside an unfinished `[[…` on its line: where the typed target starts, what was typed so far,
 * and whether `]]` already follows the cursor (so completion does not add a second one).
 */
export function openWikilinkBefore(text: string, offset: number): { start: number; typed: string; closed: boolean } | undefined {
  const lineStart = lineStartAt(text, offset);
  const before = text.slice(lineStart, offset);
  const open = before.lastIndexOf('[[');
  if (open < 0 || before.indexOf(']]', open) >= 0) return undefined;
  const typed = before.slice(open + 2);
  if (/[|#\]]/.test(typed)) return undefined;
  return { start: lineStart + open + 2, typed, closed: text.startsWith(']]', offset) };
}
