import type { K8sObject } from '../../model/k8sObject';
import { ObjectIndex } from '../../model/objectIndex';
import { at, scalarString } from '../../model/tree';
import type { RuleContext } from '../rule';
import { gatewayRefsOf, isGatewayApi, isRoute } from './gatewayApi';
import { policyCoverage, type PolicyCoverage } from './networkPolicies';
import { podLabels } from './podTemplate';
import { isEmptySelector, labelSelectorOf, selectorMatches, type LabelSelector } from './selectors';

/**
 * What the cross-object rules look up, answered from one index of `context.objects` (model/objectIndex.ts) built
 * once per lint and shared by every rule, so no rule scans every object for every object. Each object is filed under
 * keys saying what it is: its kind, kind and name, its Pod labels, what it autoscales, which labels its selector needs.
 *
 * Namespaces: objects without a namespace are applied into whatever namespace the user deploys to, so they are taken
 * as possibly the same as any other ("near" it): a reference is only called broken when no candidate could satisfy it.
 * A "nothing matches" judgement is only made when at least one candidate is surely in the same namespace (both name
 * it, or both leave it out); candidates that merely might share it can still satisfy a reference.
 */

/** What one object is, read once (objects do not change once parsed). */
interface Facts {
  keys: string[];
  labels: Record<string, string> | undefined;
  budgetSelector: LabelSelector | undefined;
  policy: PolicyCoverage | undefined;
}

const UNSET = '\u0001';
const part = (value: string | undefined) => value ?? UNSET;
const pair = (key: string, value: string) => `${key}\u0000${value}`;

const KIND = (kind: string | undefined) => `kind:${part(kind)}`;
const NAMED = (kind: string | undefined, name: string | undefined) => `name:${pair(part(kind), part(name))}`;
const POD_OWNER = 'owner';
const LABEL = (key: string, value: string) => `label:${pair(key, value)}`;
const LABEL_KEY = (key: string) => `label-key:${key}`;
const SCALES = (kind: string | undefined, name: string | undefined) => `scales:${pair(part(kind), part(name))}`;
const SCALES_UNKNOWN = 'scales?';
const BUDGET_UNREADABLE = 'budget?';
const POLICY_UNREADABLE = 'policy?';
/** Gateway API Gateways by name (not other groups' kinds called Gateway, such as Istio's). */
const GATEWAY = 'gateway';
const GATEWAY_NAMED = (name: string | undefined) => `gateway:${part(name)}`;
/** Routes, and the Gateways their parentRefs name: in their own namespace, or in one they name. */
const ROUTE = 'route';
const ATTACHES_OWN = (gateway: string) => `attaches:${gateway}`;
const ATTACHES_IN = (gateway: string, namespace: string) => `attaches:${pair(gateway, namespace)}`;
const ATTACHES_ELSEWHERE = (gateway: string) => `attaches-elsewhere:${gateway}`;
/** Selectors are filed under their first matchLabels pair (every match must carry it), or under `*` without one. */
const SELECTING = (what: string, selector: LabelSelector) => {
  const first = Object.entries(selector.matchLabels)[0];
  return first ? `${what}:${pair(first[0], first[1])}` : `${what}*`;
};

const facts = new WeakMap<K8sObject, Facts>();

function factsOf(object: K8sObject): Facts {
  let known = facts.get(object);
  if (known) return known;
  const keys = [KIND(object.kind), NAMED(object.kind, object.name)];
  const labels = podLabels(object);
  if (labels) {
    keys.push(POD_OWNER);
    for (const [key, value] of Object.entries(labels)) keys.push(LABEL(key, value), LABEL_KEY(key));
  }
  const scales = scaleTarget(object);
  if (scales === 'unknown') keys.push(SCALES_UNKNOWN);
  else if (scales) keys.push(SCALES(scales.kind, scales.name));
  let budgetSelector: LabelSelector | undefined;
  if (object.kind === 'PodDisruptionBudget') {
    budgetSelector = labelSelectorOf(at(object.root, 'spec', 'selector'));
    // An empty budget selector selects nothing here (see budgetsOf): it is not filed.
    if (!budgetSelector) keys.push(BUDGET_UNREADABLE);
    else if (!isEmptySelector(budgetSelector)) keys.push(SELECTING('budget', budgetSelector));
  }
  let policy: PolicyCoverage | undefined;
  if (object.kind === 'NetworkPolicy') {
    policy = policyCoverage(object);
    keys.push(policy ? SELECTING('policy', policy.selector) : POLICY_UNREADABLE);
  }
  if (isGatewayApi(object, 'Gateway')) keys.push(GATEWAY, GATEWAY_NAMED(object.name));
  if (isRoute(object)) {
    keys.push(ROUTE);
    for (const ref of gatewayRefsOf(object)) {
      if (ref.namespace === undefined) keys.push(ATTACHES_OWN(ref.name));
      else keys.push(ATTACHES_IN(ref.name, ref.namespace), ATTACHES_ELSEWHERE(ref.name));
    }
  }
  known = { keys, labels, budgetSelector, policy };
  facts.set(object, known);
  return known;
}

const keysOf = (object: K8sObject) => factsOf(object).keys;

/** What the lookups read of a rule context (`workspace` when the lint has one). */
export type CrossObjectContext = Pick<RuleContext, 'objects' | 'file' | 'workspace'>;

const indexes = new WeakMap<readonly K8sObject[], { length: number; index: ObjectIndex }>();

/**
 * The index of the lint's objects, built once per objects array. The linted file's own objects lead
 * `context.objects` (see lint.ts); telling the index so lets it reuse the other files' part from the previous lint.
 */
function indexOf(context: CrossObjectContext): ObjectIndex {
  if (context.workspace) return indexBeside(context.file.objects, context.workspace);
  const { objects } = context;
  const known = indexes.get(objects);
  // The length guards against an array that grew after it was indexed.
  if (known?.length === objects.length) return known.index;
  const own = context.file.objects;
  const leading = own.length <= objects.length && own.every((o, i) => objects[i] === o) ? own.length : 0;
  const index = new ObjectIndex(objects, leading, keysOf);
  indexes.set(objects, { length: objects.length, index });
  return index;
}

/**
 * The index of a file's objects beside the workspace's (see RuleContext.workspace), by the context's `workspace`
 * object: one per lint, so the index and its shared answers go when the lint does (the objects arrays outlive it).
 */
const besideIndexes = new WeakMap<NonNullable<RuleContext['workspace']>, ObjectIndex>();

function indexBeside(own: readonly K8sObject[], workspace: NonNullable<RuleContext['workspace']>): ObjectIndex {
  let index = besideIndexes.get(workspace);
  if (!index) besideIndexes.set(workspace, (index = ObjectIndex.beside(own, workspace.objects, keysOf)));
  return index;
}

const answers = new WeakMap<ObjectIndex, Map<string, unknown>>();

/**
 * An answer computed once per lint's objects and shared by every object asking the same question: 500 budgets with
 * one selector in one namespace look their workloads up once, not 500 times (which paired every budget with every
 * workload). `question` must say everything the answer depends on besides the objects.
 */
export function sharedAnswer<T>(context: CrossObjectContext, question: string, compute: () => T): T {
  const index = indexOf(context);
  let known = answers.get(index);
  if (!known) answers.set(index, (known = new Map()));
  if (!known.has(question)) known.set(question, compute());
  return known.get(question) as T;
}

/** The Pod labels of an object (podLabels), read once. */
export function podLabelsOf(object: K8sObject): Record<string, string> | undefined {
  return factsOf(object).labels;
}

/** Objects of `kind` near `near` (not `near` itself), in order, without building the list. */
export function ofKindNear(context: CrossObjectContext, kind: string, near: K8sObject): Generator<K8sObject> {
  return indexOf(context).near(KIND(kind), near);
}

/** Whether an object of `kind` is surely in the namespace of `near`. */
export function kindSurelyNear(context: CrossObjectContext, kind: string, near: K8sObject): boolean {
  return indexOf(context).anySurelyNear(KIND(kind), near);
}

/** The first object of `kind` named `name` near `near` (`name` undefined: one whose name is not known). */
export function namedNear(context: CrossObjectContext, kind: string, name: string | undefined, near: K8sObject): K8sObject | undefined {
  return indexOf(context).first(NAMED(kind, name), near);
}

/** Pod owners near `near`: how many, and whether one is surely in its namespace. */
export function podOwnerCountNear(context: CrossObjectContext, near: K8sObject): number {
  return indexOf(context).countNear(POD_OWNER, near);
}

export function podOwnerSurelyNear(context: CrossObjectContext, near: K8sObject): boolean {
  return indexOf(context).anySurelyNear(POD_OWNER, near);
}

/**
 * Pod owners near `near` whose labels the selector matches, in order. Walks the shortest posting list that every match
 * must be on (a matchLabels pair, a required key), so a selector costs what it could match, not every Pod owner.
 */
export function *podOwnersMatching(context: CrossObjectContext, selector: LabelSelector, near: K8sObject): Generator<K8sObject> {
  const index = indexOf(context);
  const required = [
    ...Object.entries(selector.matchLabels).map(([key, value]) => LABEL(key, value)),
    ...selector.requirements.filter((r) => r.operator === 'Exists' || r.operator === 'In').map((r) => LABEL_KEY(r.key)),
  ];
  let walk = POD_OWNER;
  let size = Infinity;
  for (const key of required) {
    const keySize = index.sizeOf(key);
    if (keySize < size) { walk = key; size = keySize; }
  }
  if (size === 0) return;
  for (const owner of index.near(walk, near)) {
    const labels = podLabelsOf(owner);
    if (labels && selectorMatches(selector, labels)) yield owner;
  }
}

/** Pod owners in any namespace whose labels the selector matches, in order. */
export function podOwnersMatchingAnywhere(context: CrossObjectContext, selector: LabelSelector): Generator<K8sObject> {
  // An object without a namespace is near everything.
  return podOwnersMatching(context, selector, ANYWHERE);
}

const ANYWHERE: K8sObject = { language: 'yaml', address: '(anywhere)', documentIndex: -1, root: { kind: 'map', span: { start: 0, end: 0 }, entries: [] }, span: { start: 0, end: 0 } };

/**
 * What a reference from `from` into `namespace` is near: `from` itself when the reference names no namespace (it
 * means `from`'s own), else a stand-in object in that namespace.
 */
export function referredNamespace(from: K8sObject, namespace: string | undefined): K8sObject {
  return namespace === undefined || namespace === from.namespace ? from : { ...ANYWHERE, namespace };
}

/** The Gateway API Gateway named `name` near `near` (see referredNamespace). */
export function gatewayNamedNear(context: Pick<RuleContext, 'objects' | 'file'>, name: string, near: K8sObject): K8sObject | undefined {
  return indexOf(context).first(GATEWAY_NAMED(name), near);
}

/** Whether a Gateway API Gateway is surely in the namespace of `near`. */
export function gatewaySurelyNear(context: Pick<RuleContext, 'objects' | 'file'>, near: K8sObject): boolean {
  return indexOf(context).anySurelyNear(GATEWAY, near);
}

/** Whether any Gateway API route is among the lint's objects. */
export function anyRouteInView(context: Pick<RuleContext, 'objects' | 'file'>): boolean {
  return indexOf(context).sizeOf(ROUTE) > 0;
}

/**
 * Routes whose parentRefs could name `gateway`: by name in their own namespace when it is near the Gateway's, or
 * naming its namespace (any namespace, when the Gateway's is not written). In order, without repeats.
 */
export function routesNaming(context: Pick<RuleContext, 'objects' | 'file'>, gateway: K8sObject): K8sObject[] {
  const name = gateway.name;
  if (name === undefined) return [];
  const index = indexOf(context);
  const found = new Set(index.near(ATTACHES_OWN(name), gateway));
  const elsewhere = gateway.namespace === undefined ? ATTACHES_ELSEWHERE(name) : ATTACHES_IN(name, gateway.namespace);
  for (const route of index.near(elsewhere, ANYWHERE)) found.add(route);
  return [...found];
}

/** What `spec.scaleTargetRef` of `object` names, `unknown` when it cannot be read statically, or undefined. */
function scaleTarget(object: K8sObject): { kind: string | undefined; name: string | undefined } | 'unknown' | undefined {
  const ref = at(object.root, 'spec', 'scaleTargetRef');
  if (!ref) return undefined;
  const nameNode = at(ref, 'name');
  const kindNode = at(ref, 'kind');
  if (ref.kind === 'unknown' || nameNode?.kind === 'unknown' || kindNode?.kind === 'unknown') return 'unknown';
  // KEDA's ScaledObject targets a Deployment unless it says otherwise.
  return { kind: scalarString(kindNode) ?? (object.kind === 'ScaledObject' ? 'Deployment' : undefined), name: scalarString(nameNode) };
}

/** Autoscalers near `object` whose scaleTargetRef names it, in order. */
export function autoscalersNear(context: CrossObjectContext, object: K8sObject): Generator<K8sObject> {
  return indexOf(context).near(SCALES(object.kind, object.name), object);
}

/** Whether an autoscaler near `object` has a scaleTargetRef that cannot be read statically. */
export function unknownAutoscalerNear(context: CrossObjectContext, object: K8sObject): boolean {
  return indexOf(context).first(SCALES_UNKNOWN, object) !== undefined;
}

/** Objects filed under a selector key (`budget`, `policy`) that could select `labels`: the candidates to test. */
function selectorsFor(index: ObjectIndex, what: string, labels: Record<string, string>, near: K8sObject): K8sObject[] {
  const found = new Set<K8sObject>();
  for (const key of [...Object.entries(labels).map(([k, v]) => `${what}:${pair(k, v)}`), `${what}*`]) {
    for (const object of index.near(key, near)) found.add(object);
  }
  return [...found];
}

/**
 * PodDisruptionBudgets near `object` whose non-empty selector matches `labels`; undefined when a budget near it has a
 * selector that cannot be known. In no particular order.
 */
export function budgetsMatching(context: CrossObjectContext, labels: Record<string, string>, object: K8sObject): K8sObject[] | undefined {
  const index = indexOf(context);
  if (index.first(BUDGET_UNREADABLE, object)) return undefined;
  return selectorsFor(index, 'budget', labels, object).filter((pdb) => selectorMatches(factsOf(pdb).budgetSelector!, labels));
}

/**
 * The coverage of every NetworkPolicy near `object` that selects `labels`; undefined when a policy near it cannot be
 * read. In no particular order.
 */
export function policiesCovering(context: CrossObjectContext, labels: Record<string, string>, object: K8sObject): PolicyCoverage[] | undefined {
  const index = indexOf(context);
  if (index.first(POLICY_UNREADABLE, object)) return undefined;
  return selectorsFor(index, 'policy', labels, object).map((policy) => factsOf(policy).policy!).filter((coverage) => selectorMatches(coverage.selector, labels));
}
