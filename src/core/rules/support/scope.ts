import type { K8sObject } from '../../model/k8sObject';
import { podLabels } from './podTemplate';

/**
 * Cross-object helpers. Objects without a namespace are applied into whatever namespace the user deploys to, so they
 * are taken as possibly the same as any other: a reference is only called broken when no candidate could satisfy it.
 */
export function sameNamespace(a: K8sObject, b: K8sObject): boolean {
  return a.namespace === undefined || b.namespace === undefined || a.namespace === b.namespace;
}

export function objectsOfKind(objects: readonly K8sObject[], kind: string, near: K8sObject): K8sObject[] {
  return objects.filter((o) => o.kind === kind && o !== near && sameNamespace(o, near));
}

/** Objects that create Pods (Pods and workloads with a Pod template) in the namespace of `near`. */
export function podOwnersNear(objects: readonly K8sObject[], near: K8sObject): K8sObject[] {
  return objects.filter((o) => o !== near && sameNamespace(o, near) && podLabels(o) !== undefined);
}

/**
 * Whether a "nothing matches" judgement may be made: at least one candidate is surely in the same namespace (both
 * name it, or both leave it out). Candidates that merely might share it can still satisfy a reference.
 */
export function anySurelyNear(candidates: readonly K8sObject[], near: K8sObject): boolean {
  return candidates.some((o) => o.namespace === near.namespace);
}
