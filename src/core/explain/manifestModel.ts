import type { K8sObject } from '../model/k8sObject';
import { containersOf, podSpecOf, type ContainerRef } from '../model/podSpecs';
import { at, child, listItems, scalarString, type MapNode, type ValueNode } from '../model/tree';

/** A workload's Pod template, as explain needs it: labels (what selectors match), spec, containers. */
export interface PodTemplate {
  object: K8sObject;
  labels: Record<string, string>;
  spec: MapNode;
  containers: ContainerRef[];
}

export function podTemplateOf(object: K8sObject): PodTemplate | undefined {
  const spec = podSpecOf(object);
  if (!spec) return undefined;
  const template = object.kind === 'Pod' ? object.root : parentMapOf(object.root, spec);
  return { object, labels: stringMap(at(template, 'metadata', 'labels')), spec, containers: containersOf(object) };
}

/** The map holding `node` as a value: the Pod template around a Pod spec, wherever the kind nests it. */
function parentMapOf(root: ValueNode, node: ValueNode): MapNode | undefined {
  const stack: ValueNode[] = [root];
  while (stack.length) {
    const current = stack.pop()!;
    if (current.kind === 'map') {
      for (const e of current.entries) {
        if (e.value === node) return current;
        stack.push(e.value);
      }
    } else if (current.kind === 'list') stack.push(...current.items);
  }
  return undefined;
}

/** A map of strings (labels, selectors); other values are left out. */
export function stringMap(node: ValueNode | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (node?.kind !== 'map') return out;
  for (const e of node.entries) {
    const v = scalarString(e.value);
    if (v !== undefined) out[e.key] = v;
  }
  return out;
}

/** `matchLabels` plus the `In`/`Equals`-style expressions we can evaluate; undefined when nothing selects. */
export interface LabelSelector { labels: Record<string, string>; expressions: { key: string; operator: string; values: string[] }[] }

export function labelSelectorOf(node: ValueNode | undefined): LabelSelector | undefined {
  if (node?.kind !== 'map') return undefined;
  const labels = stringMap(child(node, 'matchLabels'));
  const expressions = listItems(child(node, 'matchExpressions')).flatMap((e) => {
    const key = scalarString(child(e, 'key'));
    const operator = scalarString(child(e, 'operator'));
    return key && operator ? [{ key, operator, values: listItems(child(e, 'values')).map(scalarString).filter((v): v is string => v !== undefined) }] : [];
  });
  return { labels, expressions };
}

export function selectorMatches(selector: LabelSelector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(selector.labels)) if (labels[k] !== v) return false;
  for (const e of selector.expressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    if (e.operator === 'In' && !(has && e.values.includes(labels[e.key]!))) return false;
    if (e.operator === 'NotIn' && has && e.values.includes(labels[e.key]!)) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

export const isEmptySelector = (s: LabelSelector) => Object.keys(s.labels).length === 0 && s.expressions.length === 0;

export function formatLabels(labels: Record<string, string>): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ');
}

/** Same namespace, counting a missing namespace as "whatever namespace the file is applied to". */
export function sameNamespace(a: K8sObject, b: K8sObject): boolean {
  return (a.namespace ?? '') === (b.namespace ?? '') || a.namespace === undefined || b.namespace === undefined;
}
