import { child, type ValueNode } from '../../model/tree';

/**
 * What a rule can know about a field: it is written (with its node), it is absent, or it cannot be known statically
 * (a Terraform variable or expression, an unresolved alias). Rules report a missing field only when it is `missing`.
 */
export type FieldState = { state: 'present'; node: ValueNode } | { state: 'missing' } | { state: 'unknown' };

export function field(node: ValueNode | undefined, ...path: string[]): FieldState {
  let current = node;
  for (const key of path) {
    if (current?.kind === 'unknown') return { state: 'unknown' };
    if (current?.kind !== 'map') return { state: 'missing' };
    current = child(current, key);
    if (current === undefined) return { state: 'missing' };
  }
  if (current === undefined) return { state: 'missing' };
  if (current.kind === 'unknown') return { state: 'unknown' };
  if (current.kind === 'scalar' && current.value === null) return { state: 'missing' };
  return { state: 'present', node: current };
}

/** True or false when written as a boolean (or the strings "true"/"false"); undefined otherwise. */
export function booleanOf(node: ValueNode | undefined): boolean | undefined {
  if (node?.kind !== 'scalar') return undefined;
  if (typeof node.value === 'boolean') return node.value;
  if (node.value === 'true') return true;
  if (node.value === 'false') return false;
  return undefined;
}

/** A whole number written as a number or a numeric string; undefined otherwise. */
export function integerOf(node: ValueNode | undefined): number | undefined {
  if (node?.kind !== 'scalar') return undefined;
  const value = typeof node.value === 'number' ? node.value : typeof node.value === 'string' && /^-?\d+$/.test(node.value.trim()) ? Number(node.value) : undefined;
  return value !== undefined && Number.isInteger(value) ? value : undefined;
}

/** A map of strings (labels, selectors, annotations); undefined when any part of it cannot be known. */
export function stringMapOf(node: ValueNode | undefined): Record<string, string> | undefined {
  if (node === undefined || (node.kind === 'scalar' && node.value === null)) return {};
  if (node.kind !== 'map') return undefined;
  const result: Record<string, string> = {};
  for (const entry of node.entries) {
    if (entry.value.kind !== 'scalar') return undefined;
    result[entry.key] = entry.value.value === null ? '' : String(entry.value.value);
  }
  return result;
}

/** The JSON value of a node (for writing a list back with an item more or less); unknown parts become undefined. */
export function plainValue(node: ValueNode): unknown {
  if (node.kind === 'map') return Object.fromEntries(node.entries.map((e) => [e.key, plainValue(e.value)]));
  if (node.kind === 'list') return node.items.map(plainValue);
  if (node.kind === 'scalar') return node.value;
  return undefined;
}
