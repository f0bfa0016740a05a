import { isCollection, isMap, isPair, isScalar, isSeq, visit, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { MapNode } from '../model/tree';
import { EditUnsupported, type ManifestEditor, type TextEdit } from '../model/edit';
import type { ParsedYamlFile } from './parseYaml';
import { lineComment, renderBlock, renderFlow, renderFlowEntry, replaceScalar, type YamlLayout } from './yamlScalarEdits';
import { eolOf, lineEndAt, lineStartAt } from '../text/lines';

/**
 * YAML implementation of the fix editor. It finds places through the `yaml` library's nodes (with their source
 * ranges) and writes only what changes: a new entry is inserted after the last entry of its map, at that map's
 * indentation, in that map's style (block or flow); existing lines, comments and quoting stay as they are.
 */
export function yamlEditor(file: ParsedYamlFile): ManifestEditor {
  let layout: YamlLayout | undefined;
  const edits = (map: MapNode) => {
    const { handle, base } = handleOf(file, map);
    return { handle, edits: new YamlEdits(file.text, (layout ??= detectLayout(file)), base) };
  };
  return {
    setScalar: (node, value, comment) => replaceScalar(file.text, node, value, comment),
    setIn: (map, path, value, comment) => { const e = edits(map); return e.edits.setIn(e.handle, path, value, comment); },
    deleteKey: (map, key) => { const e = edits(map); return e.edits.deleteKey(e.handle, key); },
  };
}

/** The `yaml` node behind a map, and the offset its document starts at (its ranges count from there). */
function handleOf(file: ParsedYamlFile, map: MapNode): { handle: YAMLMap; base: number } {
  const handle = map.handle;
  if (!isMap(handle) || !handle.range) throw new EditUnsupported('This map has no YAML node behind it.');
  const document = file.documents.find((d) => d.span.start <= map.span.start && map.span.start <= d.span.end);
  if (!document) throw new EditUnsupported('This map is not in the file.');
  // A map reached through an alias shares its anchor's node: editing it would change every alias of the anchor.
  if (handle.range[0] + document.offset !== map.span.start) throw new EditUnsupported('This map comes from an alias; edit its anchor instead.');
  return { handle, base: document.offset };
}

type Entry = Pair<unknown, unknown>;

class YamlEdits {
  /** `base` is where the document of the edited nodes starts in the file: node ranges count from there. */
  constructor(private readonly text: string, private readonly layout: YamlLayout, private readonly base: number) {}

  private rangeOf(node: unknown): { start: number; end: number } {
    const range = (node as Node | null)?.range;
    if (!range) throw new EditUnsupported('A YAML node has no source range.');
    return { start: range[0] + this.base, end: range[1] + this.base };
  }

  /** Where an entry's written value ends (before a trailing comment). */
  private endOfEntry(pair: Entry): number {
    const value = pair.value as Node | null;
    if (value?.range && value.range[1] > value.range[0]) return value.range[1] + this.base;
    return this.rangeOf(pair.key).end;
  }

  setIn(map: YAMLMap, path: string[], value: unknown, comment?: string): TextEdit[] {
    const [key, ...rest] = path;
    if (key === undefined) throw new Error('setIn needs a path of at least one key.');
    const target = rest.reduceRight<unknown>((inner, k) => ({ [k]: inner }), value);
    const pair = findPair(map, key);
    if (!pair) return this.insertEntries(map, { [key]: target }, comment);
    if (rest.length > 0 && isMap(pair.value)) return this.setIn(pair.value, rest, value, comment);
    return this.replaceValue(map, pair, target, comment);
  }

  deleteKey(map: YAMLMap, key: string): TextEdit[] {
    const index = map.items.findIndex((p) => keyOf(p) === key);
    if (index < 0) return [];
    const pair = map.items[index]!;
    const keyStart = this.rangeOf(pair.key).start;
    if (map.flow) {
      if (map.items.length === 1) return [{ span: this.rangeOf(map), newText: '{}' }];
      const next = map.items[index + 1];
      if (next) return [{ span: { start: keyStart, end: this.rangeOf(next.key).start }, newText: '' }];
      return [{ span: { start: this.endOfEntry(map.items[index - 1]!), end: this.endOfEntry(pair) }, newText: '' }];
    }
    if (map.items.length === 1) return this.emptyBlock(map, '{}');
    const lineStart = lineStartAt(this.text, keyStart);
    const before = this.text.slice(lineStart, keyStart);
    if (/^\s*$/.test(before)) return [{ span: { start: lineStart, end: this.endOfLines(this.endOfEntry(pair)) }, newText: '' }];
    // The first key of a list item (`- key: v`): the next key moves up onto the dash line.
    if (index === 0 && /^\s*-\s+$/.test(before)) return [{ span: { start: keyStart, end: this.rangeOf(map.items[1]!.key).start }, newText: '' }];
    throw new EditUnsupported(`Cannot delete "${key}" here without touching other entries.`);
  }

  /** Writes `value` where `pair`'s value is: maps merge key by key, lists are appended to or trimmed when possible. */
  private replaceValue(parent: YAMLMap, pair: Entry, value: unknown, comment?: string): TextEdit[] {
    const current = pair.value;
    if (isPlainObject(value) && isMap(current) && current.range) return this.merge(current, value, comment);
    if (Array.isArray(value) && isSeq(current) && current.range) {
      const edits = this.updateSeq(current, value, comment);
      if (edits) return edits;
    }
    if (!isCollectionValue(value) && isScalar(current) && current.range && current.source !== '' && current.value !== null) {
      const scalar = { kind: 'scalar' as const, span: this.rangeOf(current), value: null };
      return replaceScalar(this.text, scalar, value as string | number | boolean, comment);
    }
    return this.writeValue(parent, pair, value, comment);
  }

  private merge(map: YAMLMap, value: Record<string, unknown>, comment?: string): TextEdit[] {
    const edits: TextEdit[] = [];
    const missing: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const pair = findPair(map, key);
      if (pair) edits.push(...this.replaceValue(map, pair, inner, comment));
      else missing[key] = inner;
    }
    if (Object.keys(missing).length > 0) edits.push(...this.insertEntries(map, missing, comment));
    return edits;
  }

  /** Appends new items or removes dropped ones; undefined when the change is neither (the caller rewrites the list). */
  private updateSeq(seq: YAMLSeq, items: unknown[], comment?: string): TextEdit[] | undefined {
    const old = seq.items.map(jsonOf);
    if (items.length >= old.length && old.every((item, i) => sameJson(item, items[i]))) {
      const added = items.slice(old.length);
      if (added.length === 0) return [];
      if (seq.flow) return this.flowInsert(seq, added.map((item) => renderFlow(item)), comment);
      if (seq.items.length === 0) return undefined;
      const column = this.column(this.rangeOf(seq).start);
      return [this.insertAfterLast(seq, renderBlock(added, column, this.layout, comment))];
    }
    const kept = keptIndexes(old, items);
    if (!kept || kept.size === 0 || seq.flow) return undefined;
    const edits: TextEdit[] = [];
    for (const [index, item] of seq.items.entries()) {
      if (kept.has(index)) continue;
      const start = this.rangeOf(item as Node).start;
      const dash = this.text.lastIndexOf('-', start - 1);
      const lineStart = lineStartAt(this.text, dash);
      if (dash < 0 || !/^\s*$/.test(this.text.slice(lineStart, dash)) || !/^\s*$/.test(this.text.slice(dash + 1, start))) return undefined;
      edits.push({ span: { start: lineStart, end: this.endOfLines(this.rangeOf(item as Node).end) }, newText: '' });
    }
    return edits;
  }

  /** Replaces a value wholesale: inline for scalars, empty collections and flow parents; as a block otherwise. */
  private writeValue(parent: YAMLMap, pair: Entry, value: unknown, comment?: string): TextEdit[] {
    const current = pair.value as Node | null;
    const colon = this.colonAfter(pair);
    // Flow stays flow: a flow parent, or a flow value being replaced, gets a flow value.
    const inline = parent.flow || !isCollectionValue(value) || isEmptyCollection(value) || (isCollection(current) && current.flow === true);
    if (inline) {
      let span = current?.range && (current.range[1] > current.range[0] || !isScalar(current))
        ? this.rangeOf(current)
        : { start: colon + 1, end: colon + 1 };
      if (isCollection(current) && !current.flow) {
        // A block value sits on the lines below its key: the inline value replaces all of them, after the colon.
        let end = this.endOfLines(span.end);
        while (end > span.start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
        span = { start: colon + 1, end };
      }
      const lead = span.start === colon + 1 ? ' ' : '';
      const edits: TextEdit[] = [{ span, newText: lead + renderFlow(value) }];
      if (comment) edits.push(lineComment(this.text, span.end, comment));
      return edits;
    }
    const keyColumn = this.column(this.rangeOf(pair.key).start);
    const column = Array.isArray(value) && !this.layout.indentSeq ? keyColumn : keyColumn + this.layout.indent;
    const lines = renderBlock(value, column, this.layout, comment);
    if (isCollection(current) && !current.flow && current.range) {
      // A block value starts on its own line: replace those lines.
      const start = lineStartAt(this.text, this.rangeOf(current).start);
      const end = this.endOfLines(this.rangeOf(current).end);
      const tail = this.text[end - 1] === '\n' ? this.layout.eol : '';
      return [{ span: { start, end }, newText: lines.join(this.layout.eol) + tail }];
    }
    // Nothing or an inline value after the colon: keep a trailing comment, put the block on the lines below.
    const lineEnd = lineEndAt(this.text, colon);
    const rest = this.text.slice(current?.range ? this.rangeOf(current).end : colon + 1, lineEnd);
    const keptComment = /#.*$/.exec(rest)?.[0];
    return [{ span: { start: colon + 1, end: lineEnd }, newText: (keptComment ? `  ${keptComment}` : '') + this.layout.eol + lines.join(this.layout.eol) }];
  }

  private insertEntries(map: YAMLMap, entries: Record<string, unknown>, comment?: string): TextEdit[] {
    if (map.flow) return this.flowInsert(map, Object.entries(entries).map(([k, v]) => renderFlowEntry(k, v)), comment);
    const first = map.items[0];
    if (!first) throw new EditUnsupported('An empty block map cannot be written to.');
    const lines = renderBlock(entries, this.column(this.rangeOf(first.key).start), this.layout, comment);
    return [this.insertAfterLast(map, lines)];
  }

  private flowInsert(collection: YAMLMap | YAMLSeq, parts: string[], comment?: string): TextEdit[] {
    const range = this.rangeOf(collection);
    const [open, close] = isMap(collection) ? ['{ ', ' }'] : ['[', ']'];
    let edit: TextEdit;
    if (collection.items.length === 0) edit = { span: range, newText: open + parts.join(', ') + close };
    else {
      const last = collection.items[collection.items.length - 1]!;
      const end = isPair(last) ? this.endOfEntry(last) : this.rangeOf(last as Node).end;
      edit = { span: { start: end, end }, newText: ', ' + parts.join(', ') };
    }
    return comment ? [edit, lineComment(this.text, Math.max(edit.span.end, range.end), comment)] : [edit];
  }

  /** Inserts whole lines after the last entry of a block collection. */
  private insertAfterLast(collection: YAMLMap | YAMLSeq, lines: string[]): TextEdit {
    const last = collection.items[collection.items.length - 1]!;
    const end = isPair(last) ? this.endOfEntry(last) : this.rangeOf(last as Node).end;
    const { eol } = this.layout;
    if (this.text[end - 1] === '\n') return { span: { start: end, end }, newText: lines.join(eol) + eol };
    const lineEnd = lineEndAt(this.text, end);
    return { span: { start: lineEnd, end: lineEnd }, newText: eol + lines.join(eol) };
  }

  /** Turns a block map or list into `{}` / `[]` on its key's line (or its dash's line). */
  private emptyBlock(node: YAMLMap | YAMLSeq, empty: string): TextEdit[] {
    const range = this.rangeOf(node);
    let end = this.endOfLines(range.end);
    while (end > range.start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    let before = range.start - 1;
    while (before >= 0 && /\s/.test(this.text[before]!)) before--;
    if (this.text[before] === ':') return [{ span: { start: before + 1, end }, newText: ` ${empty}` }];
    if (this.text[before] === '-') return [{ span: { start: range.start, end }, newText: empty }];
    throw new EditUnsupported('Cannot empty a collection that is not under a key or in a list.');
  }

  private colonAfter(pair: Entry): number {
    const keyEnd = this.rangeOf(pair.key).end;
    const colon = this.text.indexOf(':', keyEnd);
    if (colon < 0) throw new EditUnsupported('No colon after the key.');
    return colon;
  }

  /** The offset just after the line break of the line holding `offset` (or the end of the text). */
  private endOfLines(offset: number): number {
    if (this.text[offset - 1] === '\n') return offset;
    const newline = this.text.indexOf('\n', offset);
    return newline < 0 ? this.text.length : newline + 1;
  }

  private column(offset: number): number {
    return offset - lineStartAt(this.text, offset);
  }
}

function findPair(map: YAMLMap, key: string): Entry | undefined {
  return map.items.find((p) => keyOf(p) === key);
}

function keyOf(pair: Entry): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function jsonOf(node: unknown): unknown {
  if (isScalar(node)) return node.value;
  if (isCollection(node)) return node.toJSON();
  return undefined;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isPlainObject(value)) return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
  return value;
}

/** Indexes of `old` that, in order, make up `kept` (a list with some items removed); undefined if it is not that. */
function keptIndexes(old: unknown[], kept: unknown[]): Set<number> | undefined {
  const result = new Set<number>();
  let next = 0;
  for (const [index, item] of old.entries()) {
    if (next < kept.length && sameJson(item, kept[next])) {
      result.add(index);
      next++;
    }
  }
  return next === kept.length ? result : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCollectionValue(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function isEmptyCollection(value: unknown): boolean {
  return Array.isArray(value) ? value.length === 0 : isPlainObject(value) && Object.keys(value).length === 0;
}

/** Indentation step, list indentation and line ending as the file already writes them. */
function detectLayout(file: ParsedYamlFile): YamlLayout {
  const text = file.text;
  const columnAt = (offset: number) => offset - lineStartAt(text, offset);
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  for (const document of file.documents) {
    if (document.isTemplate) continue;
    const column = (offset: number) => columnAt(offset + document.offset);
    visit(document.doc, {
      Pair(_, pair) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (!key?.range || !value?.range || !isCollection(value) || value.flow) return;
        const keyColumn = column(key.range[0]);
        if (isMap(value) && indent === undefined) {
          const firstKey = value.items[0]?.key as Node | undefined;
          const step = firstKey?.range ? column(firstKey.range[0]) - keyColumn : 0;
          if (step > 0) indent = step;
        }
        if (isSeq(value) && indentSeq === undefined) indentSeq = column(value.range[0]) > keyColumn;
        return indent !== undefined && indentSeq !== undefined ? visit.BREAK : undefined;
      },
    });
    if (indent !== undefined && indentSeq !== undefined) break;
  }
  return { indent: indent ?? 2, indentSeq: indentSeq ?? true, eol: eolOf(text) };
}
