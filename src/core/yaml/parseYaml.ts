import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import type { K8sObject } from '../model/k8sObject';
import { LineIndex } from '../text/lineIndex';
import type { ParsedFileBase, SyntaxProblem } from '../model/parsedFile';
import { child, listItems, scalarString, type MapEntry, type MapNode, type Span, type ValueNode } from '../model/tree';


export interface ParsedYamlDocument {
  index: number;
  span: Span;
  /** The `yaml` library's document: the CST-backed AST that edits go through. */
  doc: Document.Parsed;
  tree: ValueNode | undefined;
  /** An unrendered Helm/Go template: left alone (no syntax errors, no findings). */
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
const TEMPLATE_MARKER = /\{\{[\s\S]*?\}\}/;

export function parseYaml(text: string): ParsedYamlFile {
  const lines = new LineIndex(text);
  const documents: ParsedYamlDocument[] = [];
  const objects: K8sObject[] = [];
  const problems: SyntaxProblem[] = [];
  const parsed = parseAllDocuments(text, { keepSourceTokens: true, uniqueKeys: false, prettyErrors: false, strict: false });
  const docs = Array.isArray(parsed) ? parsed : [];
  docs.forEach((doc, index) => {
    const [start, , end] = doc.range;
    const source = text.slice(start, end);
    const isTemplate = TEMPLATE_MARKER.test(source);
    const docProblems: SyntaxProblem[] = isTemplate ? [] : [
      ...doc.errors.map((e) => ({ message: e.message.split('\n')[0]!, span: spanOf(e.pos, text.length), severity: 'error' as const })),
      ...doc.warnings.map((e) => ({ message: e.message.split('\n')[0]!, span: spanOf(e.pos, text.length), severity: 'warning' as const })),
    ];
    let tree: ValueNode | undefined;
    if (!isTemplate && doc.contents) {
      const budget = { nodes: 0 };
      tree = toValueNode(doc.contents as Node, doc, budget, 0);
      if (budget.nodes > MAX_NODES_PER_DOCUMENT) {
        docProblems.push({ message: `This document expands to more than ${MAX_NODES_PER_DOCUMENT} nodes (aliases?); it is not analysed.`, span: { start, end: Math.min(end, start + 1) }, severity: 'warning' });
        tree = undefined;
      }
    }
    documents.push({ index, span: { start, end }, doc, tree, isTemplate, problems: docProblems });
    problems.push(...docProblems);
    if (tree?.kind === 'map') objects.push(...objectsOf(tree, index, { start, end }));
  });
  return { language: 'yaml', text, lines, documents, objects, problems };
}

function spanOf(pos: [number, number] | undefined, length: number): Span {
  const start = Math.min(pos?.[0] ?? 0, length);
  return { start, end: Math.max(start, Math.min(pos?.[1] ?? start + 1, length)) };
}

function nodeSpan(node: Node | null | undefined): Span {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}

function toValueNode(node: Node | null, doc: Document.Parsed, budget: { nodes: number }, depth: number): ValueNode {
  budget.nodes++;
  const span = nodeSpan(node);
  if (budget.nodes > MAX_NODES_PER_DOCUMENT || depth > MAX_DEPTH) return { kind: 'unknown', span, reason: 'too large or too deep' };
  if (node === null || node === undefined) return { kind: 'scalar', span, value: null };
  if (isAlias(node)) {
    const target = (node as Alias).resolve(doc);
    if (!target) return { kind: 'unknown', span, reason: `unresolved alias *${(node as Alias).source}` };
    // The alias stands where it is written; its content is the anchor's.
    const resolved = toValueNode(target as Node, doc, budget, depth + 1);
    return { ...resolved, span } as ValueNode;
  }
  if (isScalar(node)) {
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
      if (key === undefined) continue;
      const value = toValueNode(pair.value as Node | null, doc, budget, depth + 1);
      if (key === '<<' && (keyNode as { source?: string }).source !== "'<<'") {
        // Merge keys: entries written in this map win over merged ones.
        const sources = value.kind === 'list' ? value.items : [value];
        for (const source of sources) if (source.kind === 'map') merged.push(...source.entries);
        continue;
      }
      const keySpan = nodeSpan(keyNode);
      entries.push({ key, keySpan, value: pair.value === null ? { kind: 'scalar', span: { start: keySpan.end, end: keySpan.end }, value: null } : value });
    }
    for (const m of merged) if (!entries.some((e) => e.key === m.key)) entries.push(m);
    return { kind: 'map', span, entries, handle: node };
  }
  return { kind: 'unknown', span, reason: 'unsupported node' };
}

function objectsOf(root: MapNode, documentIndex: number, span: Span): K8sObject[] {
  const apiVersion = scalarString(child(root, 'apiVersion'));
  const kind = scalarString(child(root, 'kind'));
  if (!apiVersion || !kind) return [];
  if (kind === 'List' || (kind.endsWith('List') && child(root, 'items')?.kind === 'list')) {
    return listItems(child(root, 'items')).flatMap((item) => (item.kind === 'map' ? objectsOf(item, documentIndex, item.span) : []));
  }
  const metadata = child(root, 'metadata');
  const name = scalarString(child(metadata, 'name'));
  const namespace = scalarString(child(metadata, 'namespace'));
  return [{ apiVersion, kind, name, namespace, language: 'yaml', address: `${kind}/${name ?? '(unnamed)'}`, documentIndex, root, span }];
}
