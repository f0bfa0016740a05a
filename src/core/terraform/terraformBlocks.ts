import type { ListNode, MapEntry, MapNode, ValueNode } from '../model/tree';
import type { HclEditContext, HclHandle } from './hclHandles';
import { attributeOf, type HclBlock, type HclBody, type HclExpression } from './hclModel';

/**
 * One top-level block of a Terraform file — `resource`, `data`, `module`, `provider`, `terraform`, `variable`, ... —
 * as Terraform-only rules see it. Non-Kubernetes resources are not Kubernetes objects; their content is the same
 * language-neutral tree, keyed by the HCL names as written.
 */
export interface TerraformBlock {
  /** `resource`, `data`, `module`, `provider`, `terraform`, `variable`, `output`, `locals`, ... */
  blockType: string;
  /** Resource or data source type (`aws_s3_bucket`), or the provider's local name (`aws`). */
  type?: string;
  /** Resource, data, module, variable or output name. */
  name?: string;
  /** Terraform address: `aws_s3_bucket.logs`, `data.aws_ami.ubuntu`, `module.vpc`, `provider.aws`, `var.region`. */
  address: string;
  /** Position among the file's top-level blocks; findings on it carry it as `documentIndex`. */
  index: number;
  syntax: HclBlock;
  /**
   * Attributes (statically known values or `unknown`) and nested blocks. Nested blocks are always lists of maps,
   * because Terraform allows most of them to repeat; a `dynamic "x"` block adds an `unknown` item to `x`.
   */
  body: MapNode;
}

const TYPED_BLOCKS = new Set(['resource', 'data']);
const NAMED_PREFIX: Record<string, string> = { module: 'module', variable: 'var', output: 'output' };

export function readTerraformBlocks(top: HclBody): TerraformBlock[] {
  const blocks: TerraformBlock[] = [];
  top.items.forEach((item) => {
    if (item.kind !== 'block') return;
    const labels = item.labels.map((l) => l.value);
    let type: string | undefined;
    let name: string | undefined;
    let address: string;
    if (TYPED_BLOCKS.has(item.type)) {
      [type, name] = labels;
      address = `${item.type === 'data' ? 'data.' : ''}${type ?? '?'}.${name ?? '?'}`;
    } else if (item.type === 'provider') {
      type = labels[0];
      const alias = attributeOf(item.body, 'alias')?.value;
      address = `provider.${type ?? '?'}${alias?.kind === 'literal' && alias.value !== null ? `.${String(alias.value)}` : ''}`;
    } else if (NAMED_PREFIX[item.type]) {
      name = labels[0];
      address = `${NAMED_PREFIX[item.type]}.${name ?? '?'}`;
    } else {
      address = [item.type, ...labels].join('.');
    }
    blocks.push({ blockType: item.type, type, name, address, index: blocks.length, syntax: item, body: terraformBodyMap(item) });
  });
  return blocks;
}

const TERRAFORM: HclEditContext = { mode: 'terraform' };

/** A block's body with HCL names as keys (see `TerraformBlock.body`). */
export function terraformBodyMap(block: HclBlock): MapNode {
  const entries: MapEntry[] = [];
  const lists = new Map<string, ListNode>();
  for (const item of block.body.items) {
    if (item.kind === 'attribute') {
      entries.push({ key: item.name, keySpan: item.nameSpan, value: expressionValue(item.value, TERRAFORM) });
      continue;
    }
    const dynamicName = item.type === 'dynamic' ? item.labels[0] : undefined;
    const key = dynamicName?.value ?? item.type;
    let list = lists.get(key);
    if (!list) {
      list = { kind: 'list', span: { ...item.span }, items: [], handle: { hcl: 'blocks', blocks: [], context: TERRAFORM } satisfies HclHandle };
      lists.set(key, list);
      entries.push({ key, keySpan: dynamicName?.span ?? item.typeSpan, value: list });
    }
    list.span.end = item.span.end;
    if (dynamicName) {
      list.items.push({ kind: 'unknown', span: item.span, reason: `dynamic "${dynamicName.value}" block` });
    } else {
      list.items.push(terraformBodyMap(item));
      (list.handle as Extract<HclHandle, { hcl: 'blocks' }>).blocks.push(item);
    }
  }
  return { kind: 'map', span: block.span, entries, handle: { hcl: 'block', block, context: TERRAFORM } satisfies HclHandle };
}

/** An HCL expression as a tree value: literals, objects and tuples as written, everything else unknown. */
export function expressionValue(expression: HclExpression, context: HclEditContext): ValueNode {
  switch (expression.kind) {
    case 'literal':
      return { kind: 'scalar', span: expression.span, value: expression.value, handle: { hcl: 'literal', expression } satisfies HclHandle };
    case 'object':
      return {
        kind: 'map', span: expression.span,
        entries: expression.entries.map((e) => ({ key: e.key, keySpan: e.keySpan, value: expressionValue(e.value, context) })),
        handle: { hcl: 'object', expression, context } satisfies HclHandle,
      };
    case 'tuple':
      return { kind: 'list', span: expression.span, items: expression.items.map((i) => expressionValue(i, context)), handle: { hcl: 'tuple', expression } satisfies HclHandle };
    case 'unknown':
      return { kind: 'unknown', span: expression.span, reason: expression.reason };
  }
}
