import type { ContainerRef } from '../../model/podSpecs';
import { podSpecOf } from '../../model/podSpecs';
import type { K8sObject } from '../../model/k8sObject';
import { at, child, type MapEntry, type MapNode, type Span, type ValueNode } from '../../model/tree';

/**
 * Where a finding points when the problem is something missing: the key (or name) of the block that should hold it.
 * Findings about a written value point at that value instead.
 */

/** A container's `name` value (or its first key when it has no name). */
export function containerAnchor(ref: ContainerRef): Span {
  const name = child(ref.container, 'name');
  if (name?.kind === 'scalar' && name.span.end > name.span.start) return name.span;
  return ref.container.entries[0]?.keySpan ?? ref.container.span;
}

/** The `spec` key that holds a Pod spec (in a Pod, or in a workload's Pod template). */
export function podSpecAnchor(object: K8sObject): Span {
  const podSpec = podSpecOf(object);
  const holder = podSpec ? entryHolding(object.root, podSpec) : undefined;
  return holder?.keySpan ?? objectAnchor(object);
}

/** The object's `metadata.name` value, else its `kind` value, else the whole object's first line. */
export function objectAnchor(object: K8sObject): Span {
  for (const node of [at(object.root, 'metadata', 'name'), child(object.root, 'kind')]) {
    if (node?.kind === 'scalar' && node.span.end > node.span.start) return node.span;
  }
  return { start: object.span.start, end: object.span.start };
}

/** The key `key` of `map` when written, else `fallback`. */
export function keyAnchor(map: ValueNode | undefined, key: string, fallback: Span): Span {
  return map?.kind === 'map' ? map.entries.find((e) => e.key === key)?.keySpan ?? fallback : fallback;
}

/** The map entry whose value is `target` (by identity), searched from `root`. */
export function entryHolding(root: ValueNode, target: ValueNode): MapEntry | undefined {
  return parentEntry(root, target)?.entry;
}

/** The map and entry whose value is `target`. */
export function parentEntry(root: ValueNode, target: ValueNode): { map: MapNode; entry: MapEntry } | undefined {
  const stack: ValueNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'map') {
      for (const entry of node.entries) {
        if (entry.value === target) return { map: node, entry };
        stack.push(entry.value);
      }
    } else if (node.kind === 'list') {
      stack.push(...node.items);
    }
  }
  return undefined;
}
