import type { K8sObject } from '../../model/k8sObject';
import { at, scalarString } from '../../model/tree';
import { labelSelectorOf, selectorMatches, isEmptySelector } from './selectors';
import { objectsOfKind, sameNamespace } from './scope';
import { podLabels } from './podTemplate';

/**
 * Autoscalers near `object` whose `spec.scaleTargetRef` names it: HorizontalPodAutoscalers, and custom ones with the
 * same shape (KEDA's ScaledObject, whose target kind defaults to Deployment).
 */
export function autoscalersOf(object: K8sObject, objects: readonly K8sObject[]): K8sObject[] {
  return objects.filter((other) => targets(other, object) === 'yes');
}

/**
 * Whether something may autoscale `object`: `yes`, `no`, or `unknown` when a scaleTargetRef cannot be read statically
 * (a Terraform reference). Rules that stay quiet for autoscaled workloads treat `unknown` like `yes`.
 */
export function autoscaling(object: K8sObject, objects: readonly K8sObject[]): 'yes' | 'no' | 'unknown' {
  let result: 'yes' | 'no' | 'unknown' = 'no';
  for (const other of objects) {
    const answer = targets(other, object);
    if (answer === 'yes') return 'yes';
    if (answer === 'unknown') result = 'unknown';
  }
  return result;
}

function targets(other: K8sObject, object: K8sObject): 'yes' | 'no' | 'unknown' {
  if (other === object || !sameNamespace(other, object)) return 'no';
  const ref = at(other.root, 'spec', 'scaleTargetRef');
  if (!ref) return 'no';
  const nameNode = at(ref, 'name');
  const kindNode = at(ref, 'kind');
  if (ref.kind === 'unknown' || nameNode?.kind === 'unknown' || kindNode?.kind === 'unknown') return 'unknown';
  if (scalarString(nameNode) !== object.name) return 'no';
  const kind = scalarString(kindNode) ?? (other.kind === 'ScaledObject' ? 'Deployment' : undefined);
  return kind === object.kind ? 'yes' : 'no';
}

/** PodDisruptionBudgets near `object` whose selector matches its Pod labels; undefined when that cannot be known. */
export function budgetsOf(object: K8sObject, objects: readonly K8sObject[]): K8sObject[] | undefined {
  const labels = podLabels(object);
  if (!labels) return undefined;
  const matching: K8sObject[] = [];
  for (const pdb of objectsOfKind(objects, 'PodDisruptionBudget', object)) {
    const selector = labelSelectorOf(at(pdb.root, 'spec', 'selector'));
    if (!selector) return undefined;
    if (!isEmptySelector(selector) && selectorMatches(selector, labels)) matching.push(pdb);
  }
  return matching;
}
