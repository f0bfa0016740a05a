import type { Node, Tree } from 'web-tree-sitter';
import type { SyntaxProblem } from '../model/parsedFile';
import type { Span } from '../model/tree';
import type { HclBlock, HclBody, HclExpression, HclItem, HclLabel, HclObjectEntry } from './hclModel';
import { decodeQuotedTemplate, heredocValue } from './hclStrings';
import { clip, lineBreakAt } from '../text/lines';

/** Deeper than this, expressions are left unknown rather than risking the stack on hostile input. */
const MAX_DEPTH = 150;
/** Past this many syntax errors in one file, one last problem says how many more there are. */
const MAX_PROBLEMS = 25;

export interface HclDocument {
  body: HclBody;
  comments: Span[];
  problems: SyntaxProblem[];
}

/** Copies the tree-sitter tree into the plain HCL model and collects one problem per syntax error region. */
export function hclFromTree(tree: Tree, text: string): HclDocument {
  const root = tree.rootNode;
  const comments: Span[] = [];
  const bodyNode = root.namedChildren.find((n) => n?.type === 'body') ?? null;
  const body = bodyNode ? readBody(bodyNode, text, comments, 0) : { items: [], span: { start: 0, end: text.length } };
  body.span = { start: 0, end: text.length };
  for (const child of root.namedChildren) if (child?.type === 'comment') comments.push(spanOf(child));
  comments.sort((a, b) => a.start - b.start);
  return { body, comments, problems: root.hasError ? syntaxProblems(root, text) : [] };
}

function spanOf(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}

function named(node: Node): Node[] {
  return node.namedChildren.filter((n): n is Node => n !== null);
}

function readBody(node: Node, text: string, comments: Span[], depth: number): HclBody {
  const items: HclItem[] = [];
  for (const child of named(node)) {
    if (child.type === 'attribute') {
      const parts = named(child);
      const name = parts.find((n) => n.type === 'identifier');
      const value = parts.find((n) => n.type === 'expression');
      if (!name) continue;
      items.push({
        kind: 'attribute', name: name.text, nameSpan: spanOf(name), span: spanOf(child),
        value: value ? readExpression(value, text, depth + 1) : { kind: 'unknown', span: { start: child.endIndex, end: child.endIndex }, reason: 'missing value', references: [] },
      });
    } else if (child.type === 'block') {
      const block = readBlock(child, text, comments, depth + 1);
      if (block) items.push(block);
    } else if (child.type === 'comment') {
      comments.push(spanOf(child));
    }
  }
  return { items, span: spanOf(node) };
}

function readBlock(node: Node, text: string, comments: Span[], depth: number): HclBlock | undefined {
  const children = named(node);
  const typeNode = children[0];
  if (!typeNode || typeNode.type !== 'identifier') return undefined;
  const labels: HclLabel[] = [];
  let open: Span | undefined;
  let close: Span | undefined;
  let body: HclBody | undefined;
  for (const child of children.slice(1)) {
    if (child.type === 'string_lit') labels.push({ value: decodeQuotedTemplate(child, text), span: spanOf(child) });
    else if (child.type === 'identifier') labels.push({ value: child.text, span: spanOf(child) });
    else if (child.type === 'block_start') open = spanOf(child);
    else if (child.type === 'block_end' && child.endIndex > child.startIndex) close = spanOf(child);
    else if (child.type === 'body') body = readBody(child, text, comments, depth);
    else if (child.type === 'comment') comments.push(spanOf(child));
  }
  if (!open) return undefined;
  const inner = { start: open.end, end: close?.start ?? node.endIndex };
  return {
    kind: 'block', type: typeNode.text, typeSpan: spanOf(typeNode), labels, open, close, span: spanOf(node),
    body: body ? { items: body.items, span: inner } : { items: [], span: inner },
  };
}

function unknown(node: Node, reason: string): HclExpression {
  return { kind: 'unknown', span: spanOf(node), reason, references: referencesIn(node) };
}

/** Every traversal in an expression (`var.x`, `aws_s3_bucket.logs.id`), so rules can tell what a value depends on. */
function referencesIn(node: Node): string[] {
  const found: string[] = [];
  const visit = (current: Node, depth: number) => {
    if (depth > MAX_DEPTH) return;
    const parts = named(current);
    parts.forEach((part, i) => {
      if (part.type !== 'variable_expr') return;
      let reference = part.text;
      for (let j = i + 1; j < parts.length && parts[j]!.type === 'get_attr'; j++) reference += parts[j]!.text.replace(/\s+/g, '');
      found.push(reference);
    });
    for (const part of parts) if (part.type !== 'variable_expr') visit(part, depth + 1);
  };
  visit(node, 0);
  return found;
}

/** What a non-static expression depends on, for messages (`var.image`, `lookup(...)`). */
function describe(node: Node): string {
  const source = node.text.replace(/\s+/g, ' ');
  return clip(source, 60);
}

function readExpression(node: Node, text: string, depth: number): HclExpression {
  if (depth > MAX_DEPTH) return unknown(node, 'nested too deeply to evaluate');
  const parts = named(node).filter((n) => n.type !== 'comment');
  if (node.type === 'expression') {
    if (parts.length !== 1) {
      // `var.limits`, `aws_s3_bucket.logs.id`, `local.list[0]`: a traversal starting at a name is a reference.
      const kind = parts[0]?.type === 'variable_expr' ? 'reference' : parts[0]?.type === 'function_call' ? 'function call' : 'expression';
      return unknown(node, `${kind} \`${describe(node)}\``);
    }
    return readExpression(parts[0]!, text, depth + 1);
  }
  switch (node.type) {
    case 'literal_value': {
      const literal = parts[0];
      if (!literal) return unknown(node, 'empty literal');
      if (literal.type === 'numeric_lit') {
        const value = Number(literal.text);
        return Number.isFinite(value) ? { kind: 'literal', value, span: spanOf(node), form: 'bare' } : unknown(node, `number ${literal.text}`);
      }
      if (literal.type === 'bool_lit') return { kind: 'literal', value: literal.text === 'true', span: spanOf(node), form: 'bare' };
      if (literal.type === 'null_lit') return { kind: 'literal', value: null, span: spanOf(node), form: 'bare' };
      if (literal.type === 'string_lit') return { kind: 'literal', value: decodeQuotedTemplate(literal, text), span: spanOf(node), form: 'quoted' };
      return unknown(node, `literal ${literal.type}`);
    }
    case 'template_expr': {
      const template = parts[0];
      if (!template) return unknown(node, 'empty template');
      const dynamicPart = named(template).find((n) => n.type === 'template_interpolation' || n.type === 'template_directive');
      if (dynamicPart) return unknown(node, `template \`${describe(node)}\``);
      if (template.type === 'quoted_template') return { kind: 'literal', value: decodeQuotedTemplate(template, text), span: spanOf(node), form: 'quoted' };
      const value = heredocValue(template, text);
      return value === undefined ? unknown(node, 'unterminated heredoc') : { kind: 'literal', value, span: spanOf(node), form: 'heredoc' };
    }
    case 'collection_value': {
      const collection = parts[0];
      if (collection?.type === 'tuple') {
        const items = named(collection).filter((n) => n.type === 'expression').map((n) => readExpression(n, text, depth + 1));
        return { kind: 'tuple', items, span: spanOf(node) };
      }
      if (collection?.type === 'object') return readObject(collection, node, text, depth);
      return unknown(node, 'collection');
    }
    case 'variable_expr': return unknown(node, `reference \`${describe(node)}\``);
    case 'function_call': return unknown(node, `function call \`${describe(node)}\``);
    case 'conditional': return unknown(node, `conditional \`${describe(node)}\``);
    case 'for_expr': return unknown(node, '`for` expression');
    case 'operation': return unknown(node, `operation \`${describe(node)}\``);
    default: return unknown(node, `expression \`${describe(node)}\``);
  }
}

function readObject(object: Node, outer: Node, text: string, depth: number): HclExpression {
  const entries: HclObjectEntry[] = [];
  for (const elem of named(object)) {
    if (elem.type !== 'object_elem') continue;
    const keyNode = elem.childForFieldName('key');
    const valueNode = elem.childForFieldName('val');
    if (!keyNode || !valueNode) continue;
    const key = objectKey(keyNode, text);
    // A computed key means the object's set of keys is unknown, not just one value.
    if (key === undefined) return unknown(outer, `object with computed key \`${describe(keyNode)}\``);
    entries.push({ key, keySpan: spanOf(keyNode), value: readExpression(valueNode, text, depth + 1), span: spanOf(elem) });
  }
  return { kind: 'object', entries, span: spanOf(outer) };
}

/** A bare identifier or a static string is a key; anything else (`(var.k)`, `"${x}"`) is computed. */
function objectKey(node: Node, text: string): string | undefined {
  const inner = node.type === 'expression' ? named(node) : [node];
  if (inner.length !== 1) return undefined;
  const only = inner[0]!;
  if (only.type === 'variable_expr') {
    const ids = named(only);
    return ids.length === 1 && ids[0]!.type === 'identifier' ? ids[0]!.text : undefined;
  }
  if (only.type === 'literal_value' || only.type === 'template_expr') {
    const value = readExpression(only, text, 0);
    return value.kind === 'literal' && value.value !== null ? String(value.value) : undefined;
  }
  return undefined;
}

const TOKEN_NAMES: Record<string, string> = {
  block_end: '}', block_start: '{', object_end: '}', object_start: '{', tuple_end: ']', tuple_start: '[',
  quoted_template_end: '"', quoted_template_start: '"', heredoc_identifier: 'the heredoc end marker',
  identifier: 'a name', expression: 'a value', template_interpolation_end: '}',
};

/**
 * One problem per error region: the outermost ERROR node (not each token inside it) and each missing token, shown on
 * the first line of the region so a broken block does not paint the rest of the file.
 */
function syntaxProblems(root: Node, text: string): SyntaxProblem[] {
  const found: { span: Span; message: string }[] = [];
  const visit = (node: Node) => {
    if (node.isMissing) {
      const token = TOKEN_NAMES[node.type] ?? node.type;
      found.push({ span: { start: node.startIndex, end: node.startIndex }, message: `HCL syntax error: missing ${token.length === 1 ? `\`${token}\`` : token}.` });
      return;
    }
    if (node.isError) {
      const start = node.startIndex;
      const end = Math.min(node.endIndex, lineBreakAt(text, start));
      const snippet = text.slice(start, end).trim();
      const shown = clip(snippet, 40);
      found.push({ span: { start, end: Math.max(end, start) }, message: shown ? `HCL syntax error: cannot parse \`${shown}\`.` : 'HCL syntax error: unexpected end of input.' });
      return;
    }
    for (const child of node.children) if (child && (child.hasError || child.isMissing)) visit(child);
  };
  visit(root);
  found.sort((a, b) => a.span.start - b.span.start);
  const merged: { span: Span; message: string }[] = [];
  for (const problem of found) {
    const last = merged.at(-1);
    if (last && (problem.span.start <= last.span.end || sameLine(text, last.span.start, problem.span.start))) continue;
    merged.push(problem);
  }
  const problems: SyntaxProblem[] = merged.slice(0, MAX_PROBLEMS).map((p) => ({ ...p, severity: 'error' }));
  if (merged.length > MAX_PROBLEMS) {
    const at = merged[MAX_PROBLEMS]!.span;
    problems.push({ message: `${merged.length - MAX_PROBLEMS} more HCL syntax errors are not shown.`, span: at, severity: 'error' });
  }
  return problems;
}

function sameLine(text: string, a: number, b: number): boolean {
  return !text.slice(Math.min(a, b), Math.max(a, b)).includes('\n');
}
