import type { K8sObject } from '../../model/k8sObject';
import { autoscalersNear, budgetsMatching, podLabelsOf, unknownAutoscalerNear, type CrossObjectContext } from './crossObject';

type Near = CrossObjectContext;

/**
 * Autoscalers near `object` whose `spec.scaleTargetRef` names it: HorizontalPodAutoscalers, and custom ones with the
 * same shape (KEDA's ScaledObject, whose target kind defaults to Deployment).
 */
export function autoscalersOf(object: K8sObject, context: Near): K8sObject[] {
  return [...autoscalersNear(context, object)];
}

/**
 * Whether something may autoscale `object`: `yes`, `no`, or `unknown` when a scaleTargetRef cannot be read statically
 * (a Terraform reference). Rules that stay quiet for autoscaled workloads treat `unknown` like `yes`.
 */
export function autoscaling(object: K8sObject, context: Near): 'yes' | 'no' | 'unknown' {
  for (const _ of autoscalersNear(context, object)) return 'yes';
  return unknownAutoscalerNear(context, object) ? 'unknown' : 'no';
}

/** PodDisruptionBudgets near `object` whose selector matches its Pod labels; undefined when that cannot be known. */
export function budgetsOf(object: K8sObject, context: Near): K8sObject[] | undefined {
  const labels = podLabelsOf(object);
  return labels ? budgetsMatching(context, labels, object) : undefined;
}
