/** Line helpers over raw text, for code that works with offsets (LineIndex is for offset ↔ position). */

/** Offset of the first character of the line holding `offset`. */
export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the last character of the line holding `offset`, before its line break (`\n` or `\r\n`). */
export function lineEndAt(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  return end > 0 && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/** Text cut to at most `max` characters at a word boundary, with `…` when something was cut. */
export function truncateAtWord(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, '')}…` : text;
}

/** The lines of a text, without their `\n` or `\r\n`. */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** Text of at most `max` characters, cut anywhere, with `...` in place of what was cut (for one-line quotes of code). */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** The line break a text uses: `\r\n` if it has any, else `\n` (edits write new lines the same way). */
export function eolOf(text: string): '\r\n' | '\n' {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Offset of the `\n` that ends the line holding `offset` (the text's length on the last line). */
export function lineBreakAt(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline;
}
