import type { K8sObject } from '../model/k8sObject';
import { at, child, scalarString, type ListNode, type MapEntry, type MapNode } from '../model/tree';
import type { HclEditContext, HclHandle } from './hclHandles';
import { attributeOf, type HclBlock } from './hclModel';
import { KUBERNETES_RESOURCE_KINDS, MANIFEST_RESOURCE, NOT_OBJECT_FIELDS, blockKey, snakeToCamel, type SchemaContext } from './kubernetesSchema';
import { expressionValue, type TerraformBlock } from './terraformBlocks';

/**
 * A `kubernetes_*` resource as the same object model the YAML rules use: snake_case names become the API's
 * camelCase, blocks become objects, repeated blocks become list items, and every span points into the HCL.
 * Values Terraform only knows at plan time (references, calls, `dynamic` blocks) are `unknown` nodes.
 */
export function kubernetesObjectOf(block: TerraformBlock): K8sObject | undefined {
  if (block.blockType !== 'resource' || !block.type || neverCreated(block.syntax)) return undefined;
  if (block.type === MANIFEST_RESOURCE) return manifestObject(block);
  const known = KUBERNETES_RESOURCE_KINDS.get(block.type);
  if (!known) return undefined;
  const root = kubernetesMap(block.syntax, { kind: known.kind }, true);
  // The type label says what the object is; hovering or reporting on apiVersion/kind lands there.
  const typeSpan = block.syntax.labels[0]?.span ?? block.syntax.typeSpan;
  root.entries.unshift(
    { key: 'apiVersion', keySpan: typeSpan, value: { kind: 'scalar', span: typeSpan, value: known.apiVersion } },
    { key: 'kind', keySpan: typeSpan, value: { kind: 'scalar', span: typeSpan, value: known.kind } },
  );
  return objectFrom(block, known.apiVersion, known.kind, root);
}

function objectFrom(block: TerraformBlock, apiVersion: string | undefined, kind: string | undefined, root: MapNode): K8sObject {
  const metadata = child(root, 'metadata');
  return {
    apiVersion, kind, name: scalarString(child(metadata, 'name')), namespace: scalarString(child(metadata, 'namespace')),
    language: 'terraform', address: block.address, documentIndex: block.index, root, span: block.syntax.span,
  };
}

/** `count = 0` or an empty literal `for_each`: the resource has no instances, so nothing about it can be wrong. */
function neverCreated(block: HclBlock): boolean {
  const count = attributeOf(block.body, 'count')?.value;
  if (count?.kind === 'literal' && count.value === 0) return true;
  const forEach = attributeOf(block.body, 'for_each')?.value;
  return (forEach?.kind === 'tuple' && forEach.items.length === 0) || (forEach?.kind === 'object' && forEach.entries.length === 0);
}

/** `kubernetes_manifest` carries the object in API spelling already; only a statically known manifest is modelled. */
function manifestObject(block: TerraformBlock): K8sObject | undefined {
  const manifest = attributeOf(block.syntax.body, 'manifest');
  if (manifest?.value.kind !== 'object') return undefined;
  const root = expressionValue(manifest.value, { mode: 'kubernetes', kind: '' });
  if (root.kind !== 'map') return undefined;
  const apiVersion = scalarString(at(root, 'apiVersion'));
  const kind = scalarString(at(root, 'kind'));
  if (!apiVersion || !kind) return undefined;
  return objectFrom(block, apiVersion, kind, root);
}

function kubernetesMap(block: HclBlock, context: SchemaContext, isResource: boolean): MapNode {
  const editContext: HclEditContext = { mode: 'kubernetes', kind: context.kind, block: context.parent };
  const entries: MapEntry[] = [];
  const lists = new Map<string, ListNode>();
  const listFor = (key: string, keySpan: MapEntry['keySpan'], start: HclBlock) => {
    let list = lists.get(key);
    if (!list) {
      list = { kind: 'list', span: { ...start.span }, items: [], handle: { hcl: 'blocks', blocks: [], context: editContext } satisfies HclHandle };
      lists.set(key, list);
      entries.push({ key, keySpan, value: list });
    }
    list.span.end = Math.max(list.span.end, start.span.end);
    return list;
  };
  for (const item of block.body.items) {
    const name = item.kind === 'attribute' ? item.name : item.type;
    if (isResource && NOT_OBJECT_FIELDS.has(name)) continue;
    if (item.kind === 'attribute') {
      entries.push({ key: snakeToCamel(item.name), keySpan: item.nameSpan, value: expressionValue(item.value, editContext) });
      continue;
    }
    if (item.type === 'dynamic') {
      const label = item.labels[0];
      if (!label) continue;
      const target = blockKey(label.value, context);
      const unknown = { kind: 'unknown' as const, span: item.span, reason: `dynamic "${label.value}" block` };
      if (target.list) listFor(target.key, label.span, item).items.push(unknown);
      else if (!entries.some((e) => e.key === target.key)) entries.push({ key: target.key, keySpan: label.span, value: unknown });
      continue;
    }
    const target = blockKey(item.type, context);
    const value = kubernetesMap(item, { kind: context.kind, parent: item.type }, false);
    if (target.list) {
      const list = listFor(target.key, item.typeSpan, item);
      list.items.push(value);
      (list.handle as Extract<HclHandle, { hcl: 'blocks' }>).blocks.push(item);
    } else if (!entries.some((e) => e.key === target.key)) {
      entries.push({ key: target.key, keySpan: item.typeSpan, value });
    }
  }
  return { kind: 'map', span: block.span, entries, handle: { hcl: 'block', block, context: editContext } satisfies HclHandle };
}
