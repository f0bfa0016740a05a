import type { Span } from '../model/tree';

/**
 * A plain, position-carrying model of an HCL file, built once from the tree-sitter tree so nothing downstream
 * touches WebAssembly memory. Expressions keep only what is statically known; everything else is `unknown`.
 */
export interface HclBody {
  items: HclItem[];
  /** From the first to the last character inside the braces (the whole file for the top level). */
  span: Span;
}

export type HclItem = HclAttribute | HclBlock;

export interface HclAttribute {
  kind: 'attribute';
  name: string;
  nameSpan: Span;
  value: HclExpression;
  span: Span;
}

export interface HclLabel { value: string; span: Span }

export interface HclBlock {
  kind: 'block';
  type: string;
  typeSpan: Span;
  labels: HclLabel[];
  body: HclBody;
  /** The `{` and `}` tokens; `close` is missing when the file ends inside the block. */
  open: Span;
  close?: Span;
  span: Span;
}

export type HclExpression = HclLiteral | HclObject | HclTuple | HclUnknown;

export interface HclLiteral {
  kind: 'literal';
  value: string | number | boolean | null;
  span: Span;
  /** How the literal is written: a quoted string, a heredoc, or a bare number/bool/null. */
  form: 'quoted' | 'heredoc' | 'bare';
}

export interface HclObjectEntry {
  key: string;
  keySpan: Span;
  value: HclExpression;
  span: Span;
}

export interface HclObject { kind: 'object'; entries: HclObjectEntry[]; span: Span }
export interface HclTuple { kind: 'tuple'; items: HclExpression[]; span: Span }

/** A reference, function call, conditional, `for`, operation or interpolated template: known only at plan time. */
export interface HclUnknown {
  kind: 'unknown';
  span: Span;
  reason: string;
  /** What it refers to: `var.image`, `aws_s3_bucket.logs.id`, `each.value` (traversals as written, no indexes). */
  references: string[];
}

export function attributeOf(body: HclBody, name: string): HclAttribute | undefined {
  return body.items.find((item): item is HclAttribute => item.kind === 'attribute' && item.name === name);
}

export function blocksOf(body: HclBody, type: string): HclBlock[] {
  return body.items.filter((item): item is HclBlock => item.kind === 'block' && item.type === type);
}
