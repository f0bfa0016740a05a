import type { K8sObject } from '../../model/k8sObject';
import { child, listItems, scalarString, type MapNode, type ScalarNode, type ValueNode } from '../../model/tree';

/**
 * Reading RBAC objects (Roles, ClusterRoles and their bindings) and saying in words what a rule grants. Kinds of the
 * same name in other API groups are someone else's and are never judged.
 */
const RBAC_GROUP = 'rbac.authorization.k8s.io';

const inRbacGroup = (object: K8sObject) => object.apiVersion?.split('/')[0] === RBAC_GROUP;

export function isRole(object: K8sObject): boolean {
  return (object.kind === 'Role' || object.kind === 'ClusterRole') && inRbacGroup(object);
}

export function isBinding(object: K8sObject): boolean {
  return (object.kind === 'RoleBinding' || object.kind === 'ClusterRoleBinding') && inRbacGroup(object);
}

/** One written entry of a rule's list (a verb, a resource, an API group). */
export interface RuleItem { value: string; node: ScalarNode }

/** A list of a policy rule: its written entries, and whether part of it is only known at plan time. */
export interface RuleList { items: RuleItem[]; partlyUnknown: boolean; written: boolean }

export interface PolicyRule {
  apiGroups: RuleList;
  resources: RuleList;
  verbs: RuleList;
  resourceNames: RuleList;
  nonResourceURLs: RuleList;
}

/**
 * The rules a Role or ClusterRole really grants, as written (a `dynamic "rule"` block is only known at plan time).
 * An aggregated ClusterRole grants none of its own: a controller replaces its rules with those of the ClusterRoles
 * its selectors match, and those are checked where they are written.
 */
export function policyRules(object: K8sObject): PolicyRule[] {
  const aggregation = child(object.root, 'aggregationRule');
  if (!isRole(object) || (aggregation !== undefined && !(aggregation.kind === 'scalar' && aggregation.value === null))) return [];
  return listItems(child(object.root, 'rules')).flatMap((rule) => rule.kind === 'map' ? [policyRule(rule)] : []);
}

function policyRule(rule: MapNode): PolicyRule {
  const list = (key: string) => ruleList(child(rule, key));
  return { apiGroups: list('apiGroups'), resources: list('resources'), verbs: list('verbs'), resourceNames: list('resourceNames'), nonResourceURLs: list('nonResourceURLs') };
}

function ruleList(node: ValueNode | undefined): RuleList {
  if (node === undefined || (node.kind === 'scalar' && node.value === null)) return { items: [], partlyUnknown: false, written: false };
  if (node.kind === 'unknown') return { items: [], partlyUnknown: true, written: true };
  const items: RuleItem[] = [];
  let partlyUnknown = false;
  for (const item of listItems(node)) {
    const value = scalarString(item);
    if (item.kind === 'scalar' && value !== undefined) items.push({ value, node: item });
    else partlyUnknown = true;
  }
  return { items, partlyUnknown, written: true };
}

export const has = (list: RuleList, value: string) => list.items.some((i) => i.value === value);

/** Whether the rule's API groups include the core group (`""`, where Pods and Secrets live), by name or by `*`. */
export const coversCoreGroup = (rule: PolicyRule) => has(rule.apiGroups, '') || has(rule.apiGroups, '*');

/** `get and list`, `every verb ("*")`: the verbs a rule grants. */
export function verbsPhrase(rule: PolicyRule): string {
  if (has(rule.verbs, '*')) return 'every verb ("*")';
  return listPhrase(rule.verbs.items.map((i) => i.value), rule.verbs.partlyUnknown, 'verbs');
}

/** `pods and services`, `every resource ("*")`, `/metrics`: what a rule's verbs apply to. */
export function targetsPhrase(rule: PolicyRule): string {
  if (!rule.resources.written && rule.nonResourceURLs.written) {
    if (has(rule.nonResourceURLs, '*')) return 'every non-resource URL ("*")';
    const urls = rule.nonResourceURLs;
    return `the URL${urls.items.length > 1 || urls.partlyUnknown ? 's' : ''} ${listPhrase(urls.items.map((i) => i.value), urls.partlyUnknown, 'URLs')}`;
  }
  const resources = has(rule.resources, '*') ? 'every resource ("*")' : listPhrase(rule.resources.items.map((i) => i.value), rule.resources.partlyUnknown, 'resources');
  return resources + namesPhrase(rule);
}

/** ` named api`: the objects `resourceNames` narrows a rule to; nothing when it covers every object. */
export function namesPhrase(rule: PolicyRule): string {
  const names = rule.resourceNames;
  return names.items.length > 0 || names.partlyUnknown ? ` named ${listPhrase(names.items.map((i) => i.value), names.partlyUnknown, 'names')}` : '';
}

/** ` in API group apps`, ` in every API group ("*")`; nothing for the core group alone (the usual case). */
export function groupsPhrase(rule: PolicyRule): string {
  if (has(rule.apiGroups, '*')) return ' in every API group ("*")';
  const groups = rule.apiGroups.items.map((i) => (i.value === '' ? 'core' : i.value));
  if (!rule.apiGroups.partlyUnknown && groups.every((g) => g === 'core')) return '';
  if (groups.length === 0) return ' in API groups known only at plan time';
  const plural = groups.length > 1 || rule.apiGroups.partlyUnknown;
  return ` in API group${plural ? 's' : ''} ${listPhrase(groups, rule.apiGroups.partlyUnknown, 'others')}`;
}

/** `a`, `a and b`, `a, b and c`, `a, b, c and 2 more`; values only known at plan time are named as such. */
export function listPhrase(values: string[], partlyUnknown = false, noun = 'values'): string {
  const shown = values.slice(0, 3);
  const rest = values.length - shown.length;
  const tail = [...(rest > 0 ? [`${rest} more`] : []), ...(partlyUnknown ? [`${noun} known only at plan time`] : [])];
  const parts = [...shown, ...tail];
  if (parts.length === 0) return `no ${noun}`;
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** `ServiceAccount ci/deployer, User alice and Group devs`: who a binding grants its role to. */
export function subjectsPhrase(binding: K8sObject): string {
  const subjects = listItems(child(binding.root, 'subjects')).map((s) => {
    const kind = scalarString(child(s, 'kind'));
    const name = scalarString(child(s, 'name'));
    if (!kind || !name) return undefined;
    const namespace = scalarString(child(s, 'namespace'));
    return kind === 'ServiceAccount' && namespace ? `${kind} ${namespace}/${name}` : `${kind} ${name}`;
  });
  const known = subjects.filter((s): s is string => s !== undefined);
  if (known.length === 0) return 'its subjects';
  return listPhrase(known, known.length < subjects.length, 'subjects');
}

/** Where a Role's or RoleBinding's grant applies (a ClusterRole's depends on how it is bound). */
export function namespacePhrase(object: K8sObject): string {
  return object.namespace ? `in namespace ${object.namespace}` : 'in its namespace';
}

/** Whether a rule allows any verb at all (an empty or missing verb list grants nothing). */
export const grantsSomething = (rule: PolicyRule) => rule.verbs.items.length > 0 || rule.verbs.partlyUnknown;

/** The entries of a rule's verbs that let a subject read objects: get, list, watch, or "*". */
export const readingVerbs = (rule: PolicyRule) => rule.verbs.items.filter((i) => ['get', 'list', 'watch', '*'].includes(i.value));
