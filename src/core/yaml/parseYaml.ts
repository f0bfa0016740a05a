import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import type { K8sObject } from '../model/k8sObject';
import { LineIndex } from '../text/lineIndex';
import type { ParsedFileBase, SyntaxProblem } from '../model/parsedFile';
import { child, listItems, scalarString, type MapEntry, type MapNode, type Span, type ValueNode } from '../model/tree';
import { ChunkCache } from './chunkCache';
import { splitDocuments } from './documentChunks';
import { isHelmTemplate } from './helmTemplate';
import { maskTemplate, templateActions } from '../helm/templateActions';
import { shiftSpan } from '../model/spans';

export interface ParsedYamlDocument {
  index: number;
  /** The document in the file (offsets of the whole file, like every span in `tree`). */
  span: Span;
  /**
   * The `yaml` library's document: the CST-backed AST that edits go through. Each document is parsed from its own
   * text (so an unchanged document is never parsed again): the `range`s of `doc` and of the `handle`s in `tree` count
   * from `offset`, not from the start of the file. Add `offset` to turn them into file offsets.
   */
  doc: Document.Parsed;
  offset: number;
  tree: ValueNode | undefined;
  /**
   * An unrendered Helm/Go template: no YAML syntax errors and no findings. Its `tree` is the YAML around the actions
   * (parsed from a masked copy, see maskTemplate; `doc` is that copy's), with an `unknown` node wherever an action
   * writes the value. Hovers read it; rules do not run on it (the objects are not in the file's `objects`).
   */
  isTemplate: boolean;
  problems: SyntaxProblem[];
}

export type { SyntaxProblem };

export interface ParsedYamlFile extends ParsedFileBase {
  language: 'yaml';
  documents: ParsedYamlDocument[];
}

/** Above this many nodes a document is treated as hostile (alias bomb) or too big to model. */
const MAX_NODES_PER_DOCUMENT = 250_000;
const MAX_DEPTH = 200;
/**
 * Parsed documents kept for reuse, by the total length of their texts: two or three large files' worth. A parse
 * weighs tens of times its text, so this bounds the cache to a few hundred megabytes at worst.
 */
const CACHE_CHARS = 4_000_000;

/** A chunk's documents, with offsets for the place in the file where the chunk was last seen. */
interface ParsedChunk {
  base: number;
  documents: Omit<ParsedYamlDocument, 'index'>[];
}

const chunks = new ChunkCache<ParsedChunk>(CACHE_CHARS);

/**
 * Parses a YAML stream into documents, their language-neutral trees and the Kubernetes objects they hold. Each
 * document's text is parsed once: parsing the next version of a file after an edit re-parses only the documents whose
 * text changed, and moves the others' offsets.
 */
export interface ParseYamlOptions {
  /**
   * The file is a template of a Helm chart (under `templates/` beside a `Chart.yaml`): Helm renders all of its text, so
   * a document with `{{` anywhere is a template (without a chart, isHelmTemplate tells by where the `{{` stands).
   */
  chartTemplate?: boolean;
}

export function parseYaml(text: string, options: ParseYamlOptions = {}): ParsedYamlFile {
  const lines = new LineIndex(text);
  const documents: ParsedYamlDocument[] = [];
  const objects: K8sObject[] = [];
  const problems: SyntaxProblem[] = [];
  for (const chunk of splitDocuments(text)) {
    for (const placed of chunkAt(chunk.text, chunk.start, options.chartTemplate === true)) {
      const document: ParsedYamlDocument = { index: documents.length, ...placed };
      documents.push(document);
      problems.push(...document.problems);
      if (!document.isTemplate) objects.push(...documentObjects(document));
    }
  }
  return { language: 'yaml', text, lines, documents, objects, problems };
}

/** The documents of one chunk of text at `base`: parsed when the text is new, moved when it was seen elsewhere. */
function chunkAt(source: string, base: number, chartTemplate: boolean): Omit<ParsedYamlDocument, 'index'>[] {
  // A chart's template and a plain file with the same text may parse differently: cached apart.
  const key = chartTemplate ? `${CHART_TEMPLATE_KEY}${source}` : source;
  const cached = chunks.get(key);
  if (cached?.base === base) return cached.documents;
  const documents = cached ? cached.documents.map((d) => movedDocument(d, base - cached.base)) : parseChunk(source, base, chartTemplate);
  chunks.set(key, { base, documents });
  return documents;
}

/** Starts the cache key of a chart template's chunk: no YAML text starts with a NUL. */
const CHART_TEMPLATE_KEY = '\u0000helm\n';

const PARSE_OPTIONS = { keepSourceTokens: true, uniqueKeys: false, prettyErrors: false, strict: false } as const;

function parseChunk(source: string, base: number, chartTemplate: boolean): Omit<ParsedYamlDocument, 'index'>[] {
  if (chartTemplate && source.includes('{{')) return parseTemplateChunk(source, base);
  const parsed = parseAllDocuments(source, PARSE_OPTIONS);
  const documents = Array.isArray(parsed) ? parsed : [];
  if (!chartTemplate && documents.some((doc) => isHelmTemplate(source, doc))) return parseTemplateChunk(source, base);
  return documents.map((doc) => parseDocument(doc, base, { isTemplate: false, problems: [] }, source.length));
}

/**
 * A chunk holding a Helm template: parsed again from a copy where each action is spaces or a placeholder, offsets
 * unchanged (maskTemplate). Its actions' own errors (one unclosed `{{`) are its only syntax problems: the YAML
 * parser's complaints about template text would be noise.
 */
function parseTemplateChunk(source: string, base: number): Omit<ParsedYamlDocument, 'index'>[] {
  const scan = templateActions(source);
  const masked = maskTemplate(source, scan.actions);
  const unclosed = scan.problems[0]?.span.start;
  const parsed = parseAllDocuments(unclosed === undefined ? masked.masked : masked.masked.slice(0, unclosed), PARSE_OPTIONS);
  const documents = Array.isArray(parsed) ? parsed : [];
  const problems = scan.problems.map((p) => ({ ...p, span: shiftSpan(p.span, base) }));
  return documents.map((doc, i) => parseDocument(doc, base, { isTemplate: true, problems: i === 0 ? problems : [], placeholders: masked.placeholders }, source.length));
}

interface DocumentKind {
  isTemplate: boolean;
  /** The syntax problems of a template (its YAML's own are not reported). */
  problems: SyntaxProblem[];
  placeholders?: Span[];
}

function parseDocument(doc: Document.Parsed, base: number, kind: DocumentKind, length: number): Omit<ParsedYamlDocument, 'index'> {
  const [start, , end] = doc.range;
  const at = (span: Span) => shiftSpan(span, base);
  const problems: SyntaxProblem[] = kind.isTemplate ? [...kind.problems] : [
    ...doc.errors.map((e) => ({ message: e.message.split('\n')[0]!, span: at(spanOf(e.pos, length)), severity: 'error' as const })),
    ...doc.warnings.map((e) => ({ message: e.message.split('\n')[0]!, span: at(spanOf(e.pos, length)), severity: 'warning' as const })),
  ];
  let tree: ValueNode | undefined;
  if (doc.contents) {
    const budget: Budget = { nodes: 0, base, aliases: new Map<Alias, Node | undefined>(), placeholders: kind.placeholders };
    tree = toValueNode(doc.contents as Node, doc, budget, 0);
    if (budget.nodes > MAX_NODES_PER_DOCUMENT) {
      // An error, not a warning: the document is not checked, and `cnc lint` must say so (it reports errors only).
      problems.push({ message: `This document expands to more than ${MAX_NODES_PER_DOCUMENT.toLocaleString('en-US')} nodes through aliases or merge keys (*a, <<: *a): refused as an alias bomb, so it is not analysed.`, span: at({ start, end: Math.min(end, start + 1) }), severity: 'error' });
      tree = undefined;
    }
  }
  return { span: at({ start, end }), doc, offset: base, tree, isTemplate: kind.isTemplate, problems };
}

function movedDocument(d: Omit<ParsedYamlDocument, 'index'>, delta: number): Omit<ParsedYamlDocument, 'index'> {
  return { ...d, span: shiftSpan(d.span, delta), offset: d.offset + delta, tree: d.tree && moved(d.tree, delta), problems: d.problems.map((p) => ({ ...p, span: shiftSpan(p.span, delta) })) };
}

function moved(node: ValueNode, delta: number): ValueNode {
  const span = shiftSpan(node.span, delta);
  switch (node.kind) {
    case 'map': return { ...node, span, entries: node.entries.map((e) => ({ key: e.key, keySpan: shiftSpan(e.keySpan, delta), value: moved(e.value, delta) })) };
    case 'list': return { ...node, span, items: node.items.map((item) => moved(item, delta)) };
    default: return { ...node, span };
  }
}

function spanOf(pos: [number, number] | undefined, length: number): Span {
  const start = Math.min(pos?.[0] ?? 0, length);
  return { start, end: Math.max(start, Math.min(pos?.[1] ?? start + 1, length)) };
}

function nodeSpan(node: Node | null | undefined, base: number): Span {
  const range = node?.range;
  return range ? { start: range[0] + base, end: range[1] + base } : { start: base, end: base };
}

/** `budget.base` is the chunk's offset in the file: the tree's spans are file offsets. */
interface Budget {
  nodes: number;
  base: number;
  /**
   * Each alias's anchor, looked up once: the library searches the whole document for every resolution, and an alias
   * or merge-key bomb resolves the same few aliases hundreds of thousands of times before the node budget stops it.
   */
  aliases: Map<Alias, Node | undefined>;
  /** A template's placeholders (offsets of the chunk, sorted): a scalar over one is a value only the template knows. */
  placeholders?: Span[];
}

function toValueNode(node: Node | null, doc: Document.Parsed, budget: Budget, depth: number): ValueNode {
  budget.nodes++;
  const span = nodeSpan(node, budget.base);
  if (budget.nodes > MAX_NODES_PER_DOCUMENT || depth > MAX_DEPTH) return { kind: 'unknown', span, reason: 'too large or too deep' };
  if (node === null || node === undefined) return { kind: 'scalar', span, value: null };
  if (isAlias(node)) {
    const alias = node as Alias;
    if (!budget.aliases.has(alias)) budget.aliases.set(alias, alias.resolve(doc) as Node | undefined);
    const target = budget.aliases.get(alias);
    if (!target) return { kind: 'unknown', span, reason: `unresolved alias *${(node as Alias).source}` };
    // The alias stands where it is written; its content is the anchor's.
    const resolved = toValueNode(target as Node, doc, budget, depth + 1);
    return { ...resolved, span } as ValueNode;
  }
  if (isScalar(node)) {
    if (budget.placeholders && overlapsAny(budget.placeholders, node.range)) return { kind: 'unknown', span, reason: 'written by a Helm template action' };
    const v = node.value;
    const value = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
    return { kind: 'scalar', span, value, handle: node };
  }
  if (isSeq(node)) {
    return { kind: 'list', span, items: node.items.map((item) => toValueNode(item as Node, doc, budget, depth + 1)), handle: node };
  }
  if (isMap(node)) {
    const entries: MapEntry[] = [];
    const merged: MapEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
      // A key a template action writes is not known either: its entry is left out.
      if (key === undefined || (budget.placeholders && overlapsAny(budget.placeholders, keyNode?.range))) continue;
      const value = toValueNode(pair.value as Node | null, doc, budget, depth + 1);
      if (key === '<<' && (keyNode as { source?: string }).source !== "'<<'") {
        // Merge keys: entries written in this map win over merged ones.
        const sources = value.kind === 'list' ? value.items : [value];
        for (const source of sources) if (source.kind === 'map') merged.push(...source.entries);
        continue;
      }
      const keySpan = nodeSpan(keyNode, budget.base);
      entries.push({ key, keySpan, value: pair.value === null ? { kind: 'scalar', span: { start: keySpan.end, end: keySpan.end }, value: null } : value });
    }
    for (const m of merged) if (!entries.some((e) => e.key === m.key)) entries.push(m);
    return { kind: 'map', span, entries, handle: node };
  }
  return { kind: 'unknown', span, reason: 'unsupported node' };
}

function overlapsAny(spans: Span[], range: [number, number, number] | null | undefined): boolean {
  if (!range) return false;
  let low = 0, high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = spans[mid]!;
    if (span.end <= range[0]) low = mid + 1;
    else if (span.start >= range[1]) high = mid - 1;
    else return true;
  }
  return false;
}

/** Looks like a Kubernetes apiVersion (`v1`, `apps/v1`, `example.com/v1alpha1`) and kind (`Deployment`). */
const API_VERSION = /^([a-z0-9]([a-z0-9.-]*[a-z0-9])?\/)?v\d+[a-z0-9]*$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;

export function isKubernetesHeader(apiVersion: string | undefined, kind: string | undefined): boolean {
  return !!apiVersion && !!kind && API_VERSION.test(apiVersion) && KIND.test(kind);
}

/** The objects of a document: what parseYaml lists in `objects`, and the literal objects of a Helm template's. */
export function documentObjects(document: ParsedYamlDocument): K8sObject[] {
  return document.tree?.kind === 'map' ? objectsOf(document.tree, document.index, document.span) : [];
}

function objectsOf(root: MapNode, documentIndex: number, span: Span): K8sObject[] {
  const apiVersion = scalarString(child(root, 'apiVersion'));
  const kind = scalarString(child(root, 'kind'));
  if (!isKubernetesHeader(apiVersion, kind)) return [];
  if (kind === 'List' || (kind!.endsWith('List') && child(root, 'items')?.kind === 'list')) {
    return listItems(child(root, 'items')).flatMap((item) => (item.kind === 'map' ? objectsOf(item, documentIndex, item.span) : []));
  }
  const metadata = child(root, 'metadata');
  const name = scalarString(child(metadata, 'name'));
  const namespace = scalarString(child(metadata, 'namespace'));
  return [{ apiVersion, kind, name, namespace, language: 'yaml', address: `${kind}/${name ?? '(unnamed)'}`, documentIndex, root, span }];
}

/**
 * Forgets every parsed document (benchmarks measure a cold parse with it; nothing else needs it).
 * @public bench/run.mjs imports it through an esbuild bundle knip cannot follow.
 */
export function clearParseCache(): void {
  chunks.clear();
}
