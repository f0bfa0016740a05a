import { EditUnsupported } from '../model/edit';
import type { HclEditContext } from './hclHandles';
import { camelToSnake, isMapAttribute, listBlockName, type SchemaContext } from './kubernetesSchema';

/**
 * Writes plain JSON values as HCL the way `terraform fmt` lays it out (two-space indents, aligned `=` in a run of
 * one-line attributes). In Kubernetes mode, API keys are written in the provider's spelling: nested objects become
 * blocks, lists of objects become repeated singular blocks, free-form maps (`labels`, `limits`) stay attributes.
 */
export const INDENT = '  ';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar as an HCL literal; strings escape HCL's template sequences too. */
export function renderScalar(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(String(value)).replace(/([$%])\{/g, '$1$1{');
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function renderKey(key: string): string {
  return IDENTIFIER.test(key) ? key : renderScalar(key);
}

/** An expression: scalars inline, lists inline when short, objects as `{ key = value }` lines. */
export function renderExpression(value: unknown, indent: string, comment?: string): string {
  if (Array.isArray(value)) {
    const items = value.map((v) => renderExpression(v, indent + INDENT));
    const inline = `[${items.join(', ')}]`;
    if (!items.some((i) => i.includes('\n')) && inline.length <= 80) return inline;
    return `[\n${items.map((i) => `${indent}${INDENT}${i},`).join('\n')}\n${indent}]`;
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    const lines = alignedAttributes(keys.map((k) => [renderKey(k), renderExpression(value[k], indent + INDENT, comment)]), indent + INDENT, comment);
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  return renderScalar(value);
}

/** An expression on one line (inside a one-line object constructor): objects as `{ a = 1, b = 2 }`. */
export function renderInline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(renderInline).join(', ')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    return keys.length ? `{ ${keys.map((k) => `${renderKey(k)} = ${renderInline(value[k])}`).join(', ')} }` : '{}';
  }
  return renderScalar(value);
}

/** `name = value` lines; the `=` of consecutive one-line attributes line up, as `terraform fmt` does. */
function alignedAttributes(pairs: [string, string][], indent: string, comment?: string): string[] {
  const lines: string[] = [];
  let run: [string, string][] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map(([name]) => name.length));
    for (const [name, expression] of run) lines.push(withComment(`${indent}${name.padEnd(width)} = ${expression}`, comment));
    run = [];
  };
  for (const [name, expression] of pairs) {
    if (expression.includes('\n')) {
      flush();
      lines.push(`${indent}${name} = ${expression}`);
    } else {
      run.push([name, expression]);
    }
  }
  flush();
  return lines;
}

function withComment(line: string, comment?: string): string {
  return comment ? `${line}  # ${comment}` : line;
}

type BodyItem = { attribute: [string, string] } | { lines: string[] };

/** One item of a block body for API key `key` (or HCL name in Terraform mode), in the block's spelling. */
function bodyItem(key: string, value: unknown, context: HclEditContext, indent: string, comment?: string): BodyItem {
  const schema: SchemaContext | undefined = context.mode === 'kubernetes' ? { kind: context.kind, parent: context.block } : undefined;
  const hclName = schema ? camelToSnake(key) : key;
  // Arguments and block names are identifiers; anything else can only be a key inside a map attribute.
  if (!IDENTIFIER.test(hclName)) throw new EditUnsupported(`"${key}" cannot be written as an HCL argument or block name`);
  if (Array.isArray(value) && value.length > 0 && value.every(isPlainObject)) {
    const blockName = schema ? listBlockName(key, schema) : key;
    if (blockName) return { lines: value.flatMap((item) => renderBlock(blockName, item, childContext(context, blockName), indent, comment)) };
  }
  if (isPlainObject(value) && !(schema && isMapAttribute(key, schema))) {
    return { lines: renderBlock(hclName, value, childContext(context, hclName), indent, comment) };
  }
  return { attribute: [schema ? hclName : renderKey(key), renderExpression(value, indent, comment)] };
}

/** The lines (no trailing newline) that write `key = value` inside a block at `indent`. */
export function renderBodyItem(key: string, value: unknown, context: HclEditContext, indent: string, comment?: string): string[] {
  return renderBody({ [key]: value }, context, indent, comment);
}

/** Body lines for several items; consecutive one-line attributes are aligned together, blocks set apart. */
export function renderBody(value: Record<string, unknown>, context: HclEditContext, indent: string, comment?: string): string[] {
  const lines: string[] = [];
  let run: [string, string][] = [];
  const flush = () => { lines.push(...alignedAttributes(run, indent, comment)); run = []; };
  for (const [key, item] of Object.entries(value)) {
    const rendered = bodyItem(key, item, context, indent, comment);
    if ('attribute' in rendered) { run.push(rendered.attribute); continue; }
    flush();
    if (lines.length) lines.push('');
    lines.push(...rendered.lines);
  }
  flush();
  return lines;
}

export function renderBlock(name: string, body: Record<string, unknown>, context: HclEditContext, indent: string, comment?: string): string[] {
  const inner = renderBody(body, context, indent + INDENT, comment);
  if (inner.length === 0) return [`${indent}${name} {}`];
  return [`${indent}${name} {`, ...inner, `${indent}}`];
}

function childContext(context: HclEditContext, blockName: string): HclEditContext {
  return context.mode === 'kubernetes' ? { mode: 'kubernetes', kind: context.kind, block: blockName } : context;
}

