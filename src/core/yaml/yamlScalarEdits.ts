import type { ScalarNode } from '../model/tree';
import type { TextEdit } from '../rules/rule';

/**
 * Replaces a scalar's value, keeping how it was quoted, and optionally adds a trailing comment on its line
 * (kept after an existing comment rather than replacing it).
 */
export function replaceScalar(text: string, node: ScalarNode, value: string, comment?: string): TextEdit[] {
  const source = text.slice(node.span.start, node.span.end);
  const quote = source.startsWith('"') ? '"' : source.startsWith("'") ? "'" : needsQuotes(value) ? '"' : '';
  const escaped = quote === '"' ? value.replace(/\\/g, '\\\\').replace(/"/g, '\\"') : quote === "'" ? value.replace(/'/g, "''") : value;
  const edits: TextEdit[] = [{ span: node.span, newText: `${quote}${escaped}${quote}` }];
  if (comment) {
    let lineEnd = text.indexOf('\n', node.span.end);
    if (lineEnd < 0) lineEnd = text.length;
    if (text[lineEnd - 1] === '\r') lineEnd--;
    const rest = text.slice(node.span.end, lineEnd);
    const trimmedEnd = node.span.end + rest.trimEnd().length;
    edits.push({ span: { start: trimmedEnd, end: trimmedEnd }, newText: rest.includes('#') ? ` — ${comment}` : `  # ${comment}` });
  }
  return edits;
}

function needsQuotes(value: string): boolean {
  return value === '' || /^[\s\-?:,[\]{}#&*!|>'"%@`]|: | #|\s$/.test(value) || /^(true|false|null|yes|no|on|off|~|[-+]?\d[\d._]*(e[-+]?\d+)?)$/i.test(value);
}
