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
  return objects.filter((other) => {
    if (other === object || !sameNamespace(other, object)) return false;
    const ref = at(other.root, 'spec', 'scaleTargetRef');
    if (!ref || scalarString(at(ref, 'name')) !== object.name) return false;
    const kind = scalarString(at(ref, 'kind')) ?? (other.kind === 'ScaledObject' ? 'Deployment' : undefined);
    return kind === object.kind;
  });
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
