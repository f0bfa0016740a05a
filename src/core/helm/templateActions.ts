import type { SyntaxProblem } from '../model/parsedFile';
import type { Span } from '../model/tree';
import { lineBreakAt } from '../text/lines';

/**
 * One Go-template action of a Helm template, `{{ … }}` with its trim markers. `keyword` is what the action does to the
 * output: a control action (`if`, `range`, `end`, a comment, a variable assignment…) writes nothing itself; an
 * `output` action (a value, a pipeline, `include`, `template`) writes text the template engine alone knows.
 */
export interface TemplateAction {
  /** From `{{` to after `}}` (offsets of the text given to templateActions). */
  span: Span;
  /** Between the delimiters and trim markers. */
  inner: Span;
  keyword: ActionKeyword;
}

export type ActionKeyword = 'if' | 'else' | 'end' | 'range' | 'with' | 'define' | 'block' | 'break' | 'continue' | 'comment' | 'assignment' | 'template' | 'output';

export interface TemplateScan {
  actions: TemplateAction[];
  /** At most one: an action never closed (everything after its `{{` is unreadable as template). */
  problems: SyntaxProblem[];
}

const CONTROL_WORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'block', 'break', 'continue', 'template']);

/**
 * Finds every action of a Go template in `text` from `start` to `end`. Strings (`"…"` with escapes, `` `…` ``, `'c'`)
 * and comments (`/* … *\/`) inside an action may hold `}}`; they are skipped. An action that is never closed ends
 * the scan with one problem at its `{{`: the template engine stops there too.
 */
export function templateActions(text: string, start = 0, end = text.length): TemplateScan {
  const actions: TemplateAction[] = [];
  for (let at = text.indexOf('{{', start); at >= 0 && at < end; at = text.indexOf('{{', at)) {
    const close = closingOf(text, at + 2, end);
    if (close < 0) {
      return { actions, problems: [{ message: 'This `{{` is never closed by `}}`: the rest of the template cannot be read.', span: { start: at, end: at + 2 }, severity: 'error' }] };
    }
    let innerStart = at + 2;
    if (text[innerStart] === '-' && /\s/.test(text[innerStart + 1] ?? '')) innerStart++;
    let innerEnd = close;
    if (text[innerEnd - 1] === '-' && /\s/.test(text[innerEnd - 2] ?? '')) innerEnd--;
    actions.push({ span: { start: at, end: close + 2 }, inner: { start: innerStart, end: innerEnd }, keyword: keywordOf(text.slice(innerStart, innerEnd)) });
    at = close + 2;
  }
  return { actions, problems: [] };
}

/** The offset of the `}}` that closes an action whose content starts at `from`, or -1. */
function closingOf(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === '}' && text[i + 1] === '}') return i;
    // `{{` cannot stand inside an action: the one before it was never closed.
    if (c === '{' && text[i + 1] === '{') return -1;
    if (c === '"' || c === "'") {
      for (i++; i < end && text[i] !== c && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (c === '`') {
      const close = text.indexOf('`', i + 1);
      if (close < 0 || close >= end) return -1;
      i = close;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0 || close >= end) return -1;
      i = close + 1;
    }
  }
  return -1;
}

function keywordOf(inner: string): ActionKeyword {
  const trimmed = inner.trim();
  if (trimmed.startsWith('/*')) return 'comment';
  const word = /^[a-z]+/.exec(trimmed)?.[0];
  if (word && CONTROL_WORDS.has(word)) return word as ActionKeyword;
  // `$name := …` and `$name = …` set a variable and write nothing.
  if (/^\$[\w]*\s*:?=/.test(trimmed)) return 'assignment';
  return 'output';
}

/** Whether an action writes text into the output (and so stands for an unknown value). */
export function writesOutput(action: TemplateAction): boolean {
  return action.keyword === 'output' || action.keyword === 'template';
}

export interface MaskedTemplate {
  /** `text` with every action replaced, character for character (line breaks kept): every other offset is unchanged. */
  masked: string;
  /** Where a placeholder stands for an action's output: a YAML value written there is unknown. */
  placeholders: Span[];
}

const PLACEHOLDER = '_';

/**
 * A copy of a template's text that parses as the YAML around its actions, with the same offsets. An action alone on
 * its line(s) that writes nothing (`{{- if … }}`, `{{- end }}`, a comment) becomes spaces; so does one that writes
 * a block the template spliced between keys (`{{- include "x.labels" . | nindent 4 }}` among other labels). An action
 * that is the whole value of the key above it (`resources:` then `{{- toYaml .Values.resources | nindent 12 }}`),
 * or stands inside a line (`image: "{{ .Values.image }}"`), becomes a plain run of `_` of its width: a scalar
 * whose value is unknown (see `placeholders`).
 */
export function maskTemplate(text: string, actions: readonly TemplateAction[]): MaskedTemplate {
  const blanked = text.split('');
  for (const action of actions) blank(blanked, action.span);
  const bare = blanked.join('');
  const masked = blanked.slice();
  const placeholders: Span[] = [];
  let lines: SignificantLine[] | undefined;
  const blankLines = new Map<string, boolean>();
  // The line of the current action, moved forward as the actions are (they are in text order): each line is read once.
  let lineStart = 0;
  let firstLineEnd = lineBreakAt(text, 0);
  for (const action of actions) {
    while (action.span.start > firstLineEnd && firstLineEnd < text.length) {
      lineStart = firstLineEnd + 1;
      firstLineEnd = lineBreakAt(text, lineStart);
    }
    const lastLineEnd = action.span.end <= firstLineEnd ? firstLineEnd : lineBreakAt(text, action.span.end);
    const alone = isBlank(bare, lineStart, lastLineEnd, blankLines);
    if (alone && (!writesOutput(action) || !isWholeValue(lines ??= significantLines(bare), lineStart, action.span.start - lineStart))) continue;
    const end = Math.min(action.span.end, firstLineEnd);
    for (let i = action.span.start; i < end; i++) masked[i] = PLACEHOLDER;
    placeholders.push({ start: action.span.start, end });
  }
  return { masked: masked.join(''), placeholders };
}

/** Whether the text from `start` to `end` is whitespace; remembered, so a line of many actions is read once. */
function isBlank(text: string, start: number, end: number, known: Map<string, boolean>): boolean {
  const key = `${start}:${end}`;
  let blankText = known.get(key);
  if (blankText === undefined) known.set(key, blankText = /^\s*$/.test(text.slice(start, end)));
  return blankText;
}

function blank(chars: string[], span: Span): void {
  for (let i = span.start; i < span.end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
}


/** A line with content (not blank, not only a comment) of the text without its actions. */
interface SignificantLine { start: number; indent: number; content: string }

function significantLines(bare: string): SignificantLine[] {
  const lines: SignificantLine[] = [];
  for (let start = 0; start <= bare.length;) {
    const end = lineBreakAt(bare, start);
    const line = bare.slice(start, end).replace(/\r$/, '');
    const content = line.trim();
    if (content !== '' && !content.startsWith('#')) lines.push({ start, indent: line.length - line.trimStart().length, content });
    start = end + 1;
  }
  return lines;
}

/**
 * Whether a line (of the text without its actions) at `column` is the only content of the key on the line above
 * it: that key ends its line with `:`, is indented less, and the next line with content is not indented more.
 */
function isWholeValue(lines: SignificantLine[], lineStart: number, column: number): boolean {
  // The first line with content after `lineStart` (the action's own line is blank without its actions).
  let low = 0, high = lines.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lines[mid]!.start <= lineStart) low = mid + 1;
    else high = mid;
  }
  const above = lines[low - 1];
  if (!above || above.indent >= column || !/:$/.test(withoutComment(above.content))) return false;
  const below = lines[low];
  return !below || below.indent <= above.indent;
}

/** A line's content without a trailing ` # comment` (a `#` inside quotes is rare enough on a key line to ignore). */
function withoutComment(content: string): string {
  return content.replace(/\s+#.*$/, '').trimEnd();
}
