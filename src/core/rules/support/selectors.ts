import { child, listItems, scalarString, type ValueNode } from '../../model/tree';
import { stringMapOf } from './values';

interface Requirement { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values: string[] }

/** A Kubernetes label selector (`matchLabels` and `matchExpressions`), or a Service's plain map selector. */
export interface LabelSelector {
  matchLabels: Record<string, string>;
  requirements: Requirement[];
}

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** Reads `{ matchLabels, matchExpressions }`; undefined when any part cannot be known statically. */
export function labelSelectorOf(node: ValueNode | undefined): LabelSelector | undefined {
  if (node === undefined) return { matchLabels: {}, requirements: [] };
  if (node.kind !== 'map') return node.kind === 'scalar' && node.value === null ? { matchLabels: {}, requirements: [] } : undefined;
  const matchLabels = stringMapOf(child(node, 'matchLabels'));
  if (!matchLabels) return undefined;
  const expressions = child(node, 'matchExpressions');
  if (expressions && expressions.kind !== 'list' && !(expressions.kind === 'scalar' && expressions.value === null)) return undefined;
  const requirements: Requirement[] = [];
  for (const item of listItems(expressions)) {
    const key = scalarString(child(item, 'key'));
    const operator = scalarString(child(item, 'operator'));
    if (!key || !operator || !OPERATORS.has(operator)) return undefined;
    const values = listItems(child(item, 'values')).map((v) => scalarString(v));
    if (values.some((v) => v === undefined)) return undefined;
    requirements.push({ key, operator: operator as Requirement['operator'], values: values as string[] });
  }
  return { matchLabels, requirements };
}

/** A Service-style selector: a plain map of labels. */
export function mapSelectorOf(node: ValueNode | undefined): LabelSelector | undefined {
  const matchLabels = stringMapOf(node);
  return matchLabels ? { matchLabels, requirements: [] } : undefined;
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.requirements.length === 0;
}

/** Whether labels satisfy the selector; an empty selector matches everything (as in PDBs and NetworkPolicies). */
export function selectorMatches(selector: LabelSelector, labels: Record<string, string>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) if (labels[key] !== value) return false;
  for (const { key, operator, values } of selector.requirements) {
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
    if (operator === 'In' && (!has || !values.includes(labels[key]!))) return false;
    if (operator === 'NotIn' && has && values.includes(labels[key]!)) return false;
  }
  return true;
}

export function describeSelector(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const r of selector.requirements) parts.push(r.operator === 'Exists' ? r.key : r.operator === 'DoesNotExist' ? `!${r.key}` : `${r.key} ${r.operator.toLowerCase()} (${r.values.join(', ')})`);
  return parts.join(', ');
}
