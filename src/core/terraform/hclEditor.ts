import type { ManifestEditor, TextEdit } from '../model/edit';
import type { MapEntry, MapNode, ScalarNode, Span, ValueNode } from '../model/tree';
import { hclHandle, type HclEditContext } from './hclHandles';
import type { HclBlock, HclItem, HclLiteral, HclObject } from './hclModel';
import { INDENT, isPlainObject, renderBodyItem, renderExpression, renderInline, renderKey, renderScalar } from './hclRender';
import { isMapAttribute, listBlockName } from './kubernetesSchema';
import type { ParsedTerraformFile } from './parseTerraform';
import { lineBreakAt, lineEndAt, lineStartAt } from '../text/lines';

/**
 * The fix editor for HCL: edits touch only the text they change, new lines take the indentation of their
 * neighbours, and one-line blocks are opened up only when something is added to them. Nodes that are unknown,
 * synthetic (a resource's `kind`) or inside a broken block are never edited: the fix then offers no edits.
 */
export function hclEditor(file: ParsedTerraformFile): ManifestEditor {
  const text = file.text;

  const lineStart = (offset: number) => lineStartAt(text, offset);
  const lineEnd = (offset: number) => lineBreakAt(text, offset);
  const indentOf = (offset: number) => /^[ \t]*/.exec(text.slice(lineStart(offset), offset))![0];
  const onOneLine = (a: number, b: number) => !text.slice(a, b).includes('\n');

  /** A trailing comment on the line that ends at or after `offset`, if any. */
  const commentAfter = (offset: number) => {
    const end = lineEnd(offset);
    return file.comments.find((c) => c.start >= offset && c.start < end && !text.startsWith('/*', c.start));
  };

  const commentEdit = (offset: number, comment: string): TextEdit => {
    const existing = commentAfter(offset);
    if (existing) {
      const end = Math.min(existing.end, lineEnd(existing.start));
      const trimmedEnd = text.slice(existing.start, end).trimEnd().length + existing.start;
      return { span: { start: trimmedEnd, end: trimmedEnd }, newText: ` — ${comment}` };
    }
    let end = lineEndAt(text, offset);
    while (end > offset && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    return { span: { start: end, end }, newText: `  # ${comment}` };
  };

  /** A quoted literal stays quoted (as the YAML editor keeps quoting); a bare one takes the value's own form. */
  const literalText = (literal: HclLiteral, value: string | number | boolean) => renderScalar(literal.form === 'bare' ? value : String(value));

  const setScalar = (node: ScalarNode, value: string | number | boolean, comment?: string): TextEdit[] => {
    const handle = hclHandle(node);
    if (handle?.hcl !== 'literal') return [];
    const literal = handle.expression;
    const edits: TextEdit[] = [{ span: literal.span, newText: literalText(literal, value) }];
    if (comment) edits.push(commentEdit(literal.span.end, comment));
    return edits;
  };

  /** Adds body lines at the end of a block, opening it up if it is written on one line. */
  const insertIntoBlock = (block: HclBlock, lines: (indent: string) => string[]): TextEdit[] => {
    if (!block.close) return [];
    const outer = indentOf(block.span.start);
    const first = block.body.items[0];
    const inner = first && !onOneLine(block.open.end, first.span.start) ? indentOf(first.span.start) : outer + INDENT;
    const closeLine = lineStart(block.close.start);
    if (!onOneLine(block.open.start, block.close.start) && text.slice(closeLine, block.close.start).trim() === '') {
      const added = alignWithPrevious(lines(inner), block, closeLine);
      return [{ span: { start: closeLine, end: closeLine }, newText: added.map((l) => `${l}\n`).join('') }];
    }
    // `name {}` or `name { a = 1 }`: the existing content moves onto its own line, then the new lines follow.
    const existing = text.slice(block.open.end, block.close.start).trim();
    const body = [...(existing ? [`${inner}${existing}`] : []), ...lines(inner)];
    return [{ span: { start: block.open.end, end: block.close.start }, newText: `\n${body.join('\n')}\n${outer}` }];
  };

  /**
   * `terraform fmt` lines up the `=` of consecutive one-line attributes; new attributes written right after such a
   * run take its column (a longer name is left as is rather than re-indenting lines the fix does not own).
   */
  const alignWithPrevious = (lines: string[], block: HclBlock, insertAt: number): string[] => {
    const last = block.body.items.at(-1);
    if (last?.kind !== 'attribute' || !onOneLine(last.span.start, last.span.end) || lineEnd(last.span.end) + 1 !== insertAt) return lines;
    const previous = text.slice(lineStart(last.span.start), lineEnd(last.span.start));
    const column = previous.indexOf('=', last.nameSpan.end - lineStart(last.span.start));
    const result = [...lines];
    for (let i = 0; i < result.length; i++) {
      const match = /^(\s*)([^\s=]+) = /.exec(result[i]!);
      if (!match || result[i]!.trimEnd().endsWith('{') || result[i]!.trimEnd().endsWith('[')) break;
      const width = column - match[1]!.length - 1;
      if (match[2]!.length < width) result[i] = `${match[1]}${match[2]!.padEnd(width)} = ${result[i]!.slice(match[0].length)}`;
    }
    return result;
  };

  /** Adds `key = value` to an object constructor, on its own line when the object spans lines. */
  const insertIntoObject = (object: HclObject, key: string, value: unknown, comment?: string): TextEdit[] => {
    const closeBrace = object.span.end - 1;
    if (text[closeBrace] !== '}') return [];
    const last = object.entries.at(-1);
    if (!onOneLine(object.span.start, object.span.end)) {
      const indent = last ? indentOf(last.span.start) : indentOf(object.span.start) + INDENT;
      const closeLine = lineStart(closeBrace);
      const line = `${indent}${renderKey(key)} = ${renderExpression(value, indent, comment)}${comment && !isPlainObject(value) ? `  # ${comment}` : ''}`;
      if (text.slice(closeLine, closeBrace).trim() === '') return [{ span: { start: closeLine, end: closeLine }, newText: `${line}\n` }];
      return [{ span: { start: closeBrace, end: closeBrace }, newText: `\n${line}\n${indentOf(object.span.start)}` }];
    }
    const entry = `${renderKey(key)} = ${renderInline(value)}`;
    const edits: TextEdit[] = last
      ? [{ span: { start: last.span.end, end: last.span.end }, newText: `, ${entry}` }]
      : [{ span: { start: object.span.start + 1, end: closeBrace }, newText: ` ${entry} ` }];
    if (comment) edits.push(commentEdit(object.span.end, comment));
    return edits;
  };

  /** Writes `key = value` (blocks or attribute, in the map's spelling) as a new entry of `map`. */
  const addEntry = (map: MapNode, key: string, value: unknown, comment?: string): TextEdit[] => {
    const handle = hclHandle(map);
    if (handle?.hcl === 'object') return insertIntoObject(handle.expression, key, value, comment);
    if (handle?.hcl !== 'block') return [];
    return insertIntoBlock(handle.block, (indent) => renderBodyItem(key, value, handle.context, indent, comment));
  };

  /** The HCL items behind one entry of a map (an attribute, a block, or every block of a list). */
  const itemsOf = (map: MapNode, entry: MapEntry): HclItem[] => {
    const handle = hclHandle(map);
    if (handle?.hcl !== 'block') return [];
    const listHandle = hclHandle(entry.value);
    if (listHandle?.hcl === 'blocks') {
      const dynamics = handle.block.body.items.filter((i) => i.kind === 'block' && i.type === 'dynamic' && i.labels[0]?.span.start === entry.keySpan.start);
      return [...listHandle.blocks, ...dynamics];
    }
    return handle.block.body.items.filter((i) =>
      (i.kind === 'attribute' ? i.nameSpan.start : i.type === 'dynamic' ? i.labels[0]?.span.start : i.typeSpan.start) === entry.keySpan.start);
  };

  /** Replaces an existing non-scalar entry with the new value, written in place. */
  const replaceEntry = (map: MapNode, entry: MapEntry, value: unknown, comment?: string): TextEdit[] => {
    const handle = hclHandle(map);
    if (handle?.hcl === 'object') {
      const target = handle.expression.entries.find((e) => e.keySpan.start === entry.keySpan.start);
      return target ? [{ span: target.value.span, newText: renderExpression(value, indentOf(target.span.start), comment) }] : [];
    }
    if (handle?.hcl !== 'block') return [];
    const items = itemsOf(map, entry);
    const [first] = items;
    if (!first) return [];
    if (first.kind === 'attribute' && items.length === 1 && !(isPlainObject(value) && writesBlock(entry.key, value, handle.context))) {
      const rendered = renderExpression(value, indentOf(first.span.start), comment);
      const edits: TextEdit[] = [{ span: first.value.span, newText: rendered }];
      if (comment && !rendered.includes('\n')) edits.push(commentEdit(first.value.span.end, comment));
      return edits;
    }
    const indent = indentOf(first.span.start);
    const rendered = renderBodyItem(entry.key, value, handle.context, indent, comment).join('\n').slice(indent.length);
    return [{ span: first.span, newText: rendered }, ...items.slice(1).flatMap((i) => removeItem(i.span))];
  };

  /** Removes an item with its line when nothing else is on the line; otherwise just its text. */
  const removeItem = (span: Span): TextEdit[] => {
    const start = lineStart(span.start);
    const trailing = commentAfter(span.end);
    const end = trailing ? Math.max(span.end, trailing.end) : span.end;
    const afterEnd = lineEnd(end);
    const wholeLines = text.slice(start, span.start).trim() === '' && text.slice(end, afterEnd).trim() === '';
    if (wholeLines) return [{ span: { start, end: Math.min(text.length, afterEnd + 1) }, newText: '' }];
    return [{ span, newText: '' }];
  };

  const setIn = (map: MapNode, path: string[], value: unknown, comment?: string): TextEdit[] => {
    let current: MapNode = map;
    for (let i = 0; i < path.length; i++) {
      const key = path[i]!;
      const entry = current.entries.find((e) => e.key === key);
      const rest = path.slice(i + 1);
      if (!entry) return addEntry(current, key, nest(rest, value), comment);
      const next: ValueNode | undefined = entry.value.kind === 'list' && hclHandle(entry.value)?.hcl === 'blocks' && entry.value.items.length === 1 ? entry.value.items[0] : entry.value;
      if (rest.length === 0) {
        if (next?.kind === 'scalar' && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) return setScalar(next, value, comment);
        if (next?.kind === 'unknown' || entry.value.kind === 'unknown') return [];
        return replaceEntry(current, entry, value, comment);
      }
      if (next?.kind !== 'map') return [];
      current = next;
    }
    return [];
  };

  const deleteKey = (map: MapNode, key: string): TextEdit[] => {
    const entry = map.entries.find((e) => e.key === key);
    if (!entry) return [];
    const handle = hclHandle(map);
    if (handle?.hcl === 'object') {
      const index = handle.expression.entries.findIndex((e) => e.keySpan.start === entry.keySpan.start);
      const target = handle.expression.entries[index];
      if (!target) return [];
      if (!onOneLine(handle.expression.span.start, handle.expression.span.end)) return removeItem(target.span);
      const next = handle.expression.entries[index + 1];
      const previous = handle.expression.entries[index - 1];
      if (next) return [{ span: { start: target.span.start, end: next.span.start }, newText: '' }];
      if (previous) return [{ span: { start: previous.span.end, end: target.span.end }, newText: '' }];
      return [{ span: { start: handle.expression.span.start + 1, end: handle.expression.span.end - 1 }, newText: '' }];
    }
    return itemsOf(map, entry).flatMap((item) => removeItem(item.span));
  };

  return { setScalar, setIn, deleteKey };
}

function nest(path: string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}

/** Whether `key: value` is written as a block (rather than an attribute) in this context. */
function writesBlock(key: string, value: Record<string, unknown>, context: HclEditContext): boolean {
  if (context.mode === 'terraform') return true;
  const schema = { kind: context.kind, parent: context.block };
  return !isMapAttribute(key, schema) && (listBlockName(key, schema) === undefined || !Array.isArray(value));
}

