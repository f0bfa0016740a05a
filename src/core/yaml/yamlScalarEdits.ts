import { Document, visit } from 'yaml';
import type { ScalarNode } from '../model/tree';
import type { TextEdit } from '../model/edit';
import { lineEndAt } from '../text/lines';

/**
 * Replaces a scalar's value, keeping how it was quoted, and optionally adds a trailing comment on its line
 * (kept after an existing comment rather than replacing it).
 */
export function replaceScalar(text: string, node: ScalarNode, value: string | number | boolean, comment?: string): TextEdit[] {
  const source = text.slice(node.span.start, node.span.end);
  // Booleans and numbers are written plain: quoting them would turn them into strings.
  const quote = typeof value !== 'string' ? '' : source.startsWith('"') ? '"' : source.startsWith("'") ? "'" : needsQuotes(value) ? '"' : '';
  const raw = String(value);
  const escaped = quote === '"' ? raw.replace(/\\/g, '\\\\').replace(/"/g, '\\"') : quote === "'" ? raw.replace(/'/g, "''") : raw;
  // An empty value (`key:` with nothing after it) needs a space after the colon.
  const lead = source === '' && text[node.span.start - 1] === ':' ? ' ' : '';
  const edits: TextEdit[] = [{ span: node.span, newText: `${lead}${quote}${escaped}${quote}` }];
  if (comment) edits.push(lineComment(text, node.span.end, comment));
  return edits;
}

/** A comment at the end of the line holding `offset`; after an existing comment it is appended with a dash. */
export function lineComment(text: string, offset: number, comment: string): TextEdit {
  const lineEnd = lineEndAt(text, offset);
  const rest = text.slice(offset, lineEnd);
  const trimmedEnd = offset + rest.trimEnd().length;
  return { span: { start: trimmedEnd, end: trimmedEnd }, newText: hasComment(rest) ? ` — ${comment}` : `  # ${comment}` };
}

function hasComment(lineRest: string): boolean {
  return /(^|\s)#/.test(lineRest);
}

function needsQuotes(value: string): boolean {
  return value === '' || /^[\s\-?:,[\]{}#&*!|>'"%@`]|: | #|\s$/.test(value) || /^(true|false|null|yes|no|on|off|y|n|~|[-+]?\d[\d._]*(e[-+]?\d+)?)$/i.test(value);
}

/** How a file writes YAML, so inserted text looks like the text around it. */
export interface YamlLayout {
  /** Spaces per nesting level. */
  indent: number;
  /** Whether block sequences under a key are indented (`key:\n  - a`) or not (`key:\n- a`). */
  indentSeq: boolean;
  eol: '\n' | '\r\n';
}

const SENTINEL = 'cnc-comment-sentinel';

/**
 * Renders a JSON value (map or list) as block YAML lines indented to `column`, with `comment` at the end of each line
 * that writes a scalar. Strings that YAML 1.1 readers (which Kubernetes tools still use) would take as booleans or
 * numbers are quoted.
 */
export function renderBlock(value: unknown, column: number, layout: YamlLayout, comment?: string): string[] {
  const doc = new Document(value, { version: '1.1' });
  if (comment) {
    visit(doc, {
      Scalar(key, node) {
        if (key === 'value' || typeof key === 'number') node.comment = SENTINEL;
      },
    });
  }
  const rendered = doc.toString({ indent: layout.indent, indentSeq: layout.indentSeq, lineWidth: 0, minContentWidth: 0 });
  const pad = ' '.repeat(column);
  return rendered
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => pad + line.replace(` #${SENTINEL}`, `  # ${comment}`));
}

/** Renders a value in flow style (`{ a: 1 }`, `[a, b]`, or a scalar quoted for a flow context). */
export function renderFlow(value: unknown): string {
  // A scalar is rendered inside a one-item flow list so that commas and brackets get quoted as a flow context needs.
  if (value === null || typeof value !== 'object') {
    const list = new Document([value], { version: '1.1' }).toString({ collectionStyle: 'flow', lineWidth: 0 }).trim();
    return list.slice(1, -1).trim();
  }
  return new Document(value, { version: '1.1' }).toString({ collectionStyle: 'flow', lineWidth: 0 }).trim();
}

/** Renders `key: value` for a flow map (no braces). */
export function renderFlowEntry(key: string, value: unknown): string {
  const map = renderFlow({ [key]: value });
  return map.replace(/^\{\s*/, '').replace(/\s*\}$/, '');
}
