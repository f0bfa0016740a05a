import type { SyntaxProblem } from '../model/parsedFile';
import { nodeAtOffset } from '../model/nodeAt';
import type { Span, ValueNode } from '../model/tree';
import { escapeMarkdown, markdownCode, terminalText } from '../text/escape';
import { lineStartAt, splitLines } from '../text/lines';
import { valueAt, valuesProblems, type HelmChart, type NamedTemplate, type ValuesFile } from './chart';
import { templateActions } from './templateActions';

/** What a template refers to at an offset: a path of `.Values`, or a named template of `include`/`template`. */
export type TemplateReference =
  | { kind: 'values'; keys: string[]; span: Span }
  | { kind: 'named'; name: string; span: Span };

/** `.Values.a.b` (or `$.Values.a.b`): Go's field access allows letters, digits and `_` only. */
const VALUES_PATH = /\$?\.Values((?:\.[A-Za-z_]\w*)*)/g;
const NAMED_CALL = /\b(include|template)\s+"((?:[^"\\]|\\.)*)"/g;

/** The reference under an offset of a template's text, when it is inside an action. */
export function templateReferenceAt(text: string, offset: number): TemplateReference | undefined {
  const action = templateActions(text).actions.find((a) => offset >= a.inner.start && offset <= a.inner.end);
  if (!action) return undefined;
  const inner = text.slice(action.inner.start, action.inner.end);
  for (const match of inner.matchAll(VALUES_PATH)) {
    const start = action.inner.start + match.index;
    if (offset < start || offset > start + match[0].length) continue;
    // The path up to the segment under the cursor: hovering `image` in `.Values.image.tag` is about `image`.
    const keys: string[] = [];
    let end = start + match[0].length - match[1]!.length;
    for (const segment of match[1]!.split('.').slice(1)) {
      if (offset <= end) break;
      keys.push(segment);
      end += segment.length + 1;
    }
    return { kind: 'values', keys, span: { start, end } };
  }
  for (const match of inner.matchAll(NAMED_CALL)) {
    const start = action.inner.start + match.index + match[0].length - match[2]!.length - 2;
    if (offset >= start && offset <= start + match[2]!.length + 2) return { kind: 'named', name: match[2]!, span: { start, end: start + match[2]!.length + 2 } };
  }
  return undefined;
}

/** Every `.Values` path of a template's actions, with the span of its text. */
function valuesPathsOf(text: string): { keys: string[]; span: Span }[] {
  const found: { keys: string[]; span: Span }[] = [];
  for (const action of templateActions(text).actions) {
    for (const match of text.slice(action.inner.start, action.inner.end).matchAll(VALUES_PATH)) {
      const start = action.inner.start + match.index;
      found.push({ keys: match[1]!.split('.').slice(1), span: { start, end: start + match[0].length } });
    }
  }
  return found;
}

/**
 * The templates that use a value of values.yaml (the key at `offset`): every `.Values` path through it, `.Values.image`
 * and `.Values.image.tag` for `image`. A template that passes a parent on (`toYaml .Values.image`) counts for it.
 */
export function valuesReferences(chart: HelmChart, offset: number): TemplateDefinition[] {
  const values = chart.values;
  const hit = values?.root && nodeAtOffset(values.root, offset);
  if (!hit?.entry || hit.on !== 'key') return [];
  // A key inside a list item: templates reach it through the list (`range`), so the path stops at the list.
  const firstIndex = hit.path.findIndex((k) => typeof k === 'number');
  const keys = (firstIndex < 0 ? hit.path : hit.path.slice(0, firstIndex)).map(String);
  const references: TemplateDefinition[] = [];
  for (const template of chart.templates) {
    for (const used of valuesPathsOf(template.text)) {
      const shared = Math.min(keys.length, used.keys.length);
      if (used.keys.length && keys.slice(0, shared).every((k, i) => k === used.keys[i])) references.push({ path: template.path, text: template.text, span: used.span });
    }
  }
  return references;
}

export interface TemplateHover { span: Span; markdown: string }

export function templateHover(chart: HelmChart, text: string, offset: number): TemplateHover | undefined {
  const reference = templateReferenceAt(text, offset);
  if (!reference) return undefined;
  if (reference.kind === 'named') {
    const named = chart.defines.get(reference.name);
    return { span: reference.span, markdown: named ? namedMarkdown(named) : `No template named ${markdownCode(reference.name)} is defined in this chart's \`templates/\`.` };
  }
  return { span: reference.span, markdown: valuesMarkdown(chart, reference.keys) };
}

function valuesMarkdown(chart: HelmChart, keys: string[]): string {
  const subject = `**${markdownCode(['.Values', ...keys].join('.'))}**`;
  const values = chart.values;
  if (!values) return `${subject}\n\nThis chart has no \`values.yaml\`: the value comes from a values file or \`--set\` at install.`;
  const broken = valuesProblems(chart)[0];
  if (broken || !values.root) {
    const where = broken ? ` (line ${values.file.lines.positionAt(broken.span.start).line + 1}: ${escapeMarkdown(broken.message)})` : '';
    return `${subject}\n\n\`values.yaml\` does not parse${where}: its defaults are unknown until it is fixed.`;
  }
  const sections = [subject];
  const found = keys.length ? valueAt(values, keys) : { node: values.root as ValueNode };
  if (!found) {
    sections.push('Not set in `values.yaml`: the template gets nothing unless a values file or `--set` gives it.');
  } else {
    sections.push(`Default in \`values.yaml\`:\n\n${fenced(defaultText(values, found), 'yaml')}`);
    const comment = found.keySpan && commentAbove(values.file.text, found.keySpan.start);
    if (comment) sections.push(escapeMarkdown(comment));
  }
  const schema = schemaEntry(chart.schema, keys);
  if (schema) sections.push(schema);
  else if (chart.schemaProblem) sections.push(escapeMarkdown(chart.schemaProblem));
  return sections.join('\n\n');
}

const MAX_DEFAULT_LINES = 15;

/** The default as written: `key: value` and what follows it, cut to a few lines. */
function defaultText(values: ValuesFile, found: { node: ValueNode; keySpan?: Span }): string {
  const start = found.keySpan ? lineStartAt(values.file.text, found.keySpan.start) : found.node.span.start;
  const lines = splitLines(values.file.text.slice(start, Math.max(found.node.span.end, found.keySpan?.end ?? 0)).trimEnd());
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  const shown = lines.slice(0, MAX_DEFAULT_LINES).map((l) => l.slice(Number.isFinite(indent) ? indent : 0));
  if (lines.length > MAX_DEFAULT_LINES) shown.push(`# … ${lines.length - MAX_DEFAULT_LINES} more lines`);
  return shown.join('\n');
}

/** The `#` lines right above a key (no blank line between), without their `#`: how values.yaml documents a value. */
export function commentAbove(text: string, keyStart: number): string | undefined {
  const lines: string[] = [];
  let lineStart = lineStartAt(text, keyStart);
  while (lineStart > 0) {
    const previous = lineStartAt(text, lineStart - 1);
    const line = text.slice(previous, lineStart - 1).replace(/\r$/, '').trim();
    if (!line.startsWith('#')) break;
    lines.unshift(line.replace(/^#+ ?/, ''));
    lineStart = previous;
  }
  return lines.length ? lines.join('\n') : undefined;
}

/** The values.schema.json entry of a path: its type and description. */
function schemaEntry(schema: unknown, keys: string[]): string | undefined {
  let node = schema;
  for (const key of keys) {
    const properties = isRecord(node) ? node.properties : undefined;
    node = isRecord(properties) ? properties[key] : undefined;
  }
  if (!isRecord(node) || keys.length === 0) return undefined;
  const type = typeof node.type === 'string' ? node.type : Array.isArray(node.type) ? node.type.filter((t) => typeof t === 'string').join(' | ') : undefined;
  const description = typeof node.description === 'string' ? node.description : undefined;
  if (!type && !description) return undefined;
  return `\`values.schema.json\`: ${[type && markdownCode(type), description && escapeMarkdown(description)].filter(Boolean).join(' — ')}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function namedMarkdown(named: NamedTemplate): string {
  const comment = commentOfDefine(named);
  return [`Named template ${markdownCode(named.name)}`, comment && escapeMarkdown(comment)].filter(Boolean).join('\n\n');
}

/** The `{{/* … *\/}}` comment on the lines above a `define`: Helm's convention for documenting a named template. */
function commentOfDefine(named: NamedTemplate): string | undefined {
  const before = named.text.slice(0, lineStartAt(named.text, named.span.start)).trimEnd();
  const match = /\{\{-?\s*\/\*([\s\S]*?)\*\/\s*-?\}\}$/.exec(before);
  return match?.[1]?.trim() || undefined;
}

/** A fenced code block no backtick run of the content can close early. */
function fenced(text: string, language: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${terminalText(text)}\n${fence}`;
}

export interface TemplateDefinition { path: string; text: string; span: Span }

/** Where a reference is defined: the key in values.yaml, the name in a `define`. */
export function templateDefinition(chart: HelmChart, text: string, offset: number): TemplateDefinition | undefined {
  const reference = templateReferenceAt(text, offset);
  if (!reference) return undefined;
  if (reference.kind === 'named') {
    const named = chart.defines.get(reference.name);
    return named && { path: named.path, text: named.text, span: named.span };
  }
  const values = chart.values;
  const found = values && reference.keys.length ? valueAt(values, reference.keys) : undefined;
  if (!values || (reference.keys.length && !found?.keySpan)) return undefined;
  return { path: values.path, text: values.file.text, span: found?.keySpan ?? { start: 0, end: 0 } };
}

export interface ValuesCompletion {
  label: string;
  /** The default, short (`nginx`, `map`, `list`). */
  detail: string;
  documentation?: string;
  /** What the completion replaces: the part of the key typed so far. */
  replace: Span;
}

/**
 * Completion of `.Values.` paths: after `.Values.` or `.Values.a.`, inside an action (one still being typed, whose
 * `}}` is not written yet, too), the keys of that map in values.yaml.
 */
export function valuesCompletion(chart: HelmChart, text: string, offset: number): ValuesCompletion[] | undefined {
  const open = text.lastIndexOf('{{', offset);
  if (open < 0 || text.slice(open, offset).includes('}}')) return undefined;
  const match = /\.Values((?:\.[A-Za-z_]\w*)*)\.(\w*)$/.exec(text.slice(open, offset));
  if (!match) return undefined;
  const keys = match[1]!.split('.').slice(1);
  const found = keys.length ? valueAt(chart.values, keys)?.node : chart.values?.root;
  if (found?.kind !== 'map') return [];
  const replace = { start: offset - match[2]!.length, end: offset };
  return found.entries.map((e) => ({
    label: e.key,
    detail: e.value.kind === 'scalar' ? JSON.stringify(e.value.value) : e.value.kind,
    documentation: commentAbove(chart.values!.file.text, e.keySpan.start),
    replace,
  }));
}

/** What a template's text gets wrong about its chart: `include`/`template` of a name no file of `templates/` defines. */
export function templateProblems(chart: HelmChart, text: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  for (const action of templateActions(text).actions) {
    const inner = text.slice(action.inner.start, action.inner.end);
    for (const match of inner.matchAll(NAMED_CALL)) {
      const name = match[2]!;
      if (chart.defines.has(name)) continue;
      const start = action.inner.start + match.index + match[0].length - name.length - 2;
      problems.push({ message: `No template named "${name}" is defined in this chart: ${match[1]} renders nothing and \`helm template\` fails. Define it in templates/_helpers.tpl, or fix the name.`, span: { start, end: start + name.length + 2 }, severity: 'error' });
    }
  }
  return problems;
}
