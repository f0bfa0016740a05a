import type { K8sObject } from '../../model/k8sObject';
import { isWorkloadKind, podSpecOf } from '../../model/podSpecs';
import { at, type MapNode, type ValueNode } from '../../model/tree';
import { parentEntry } from './anchors';
import { stringMapOf } from './values';

/**
 * Where the Pod template sits in kinds that have one, for templates written without a `spec` (only labels, as
 * partial manifests and kustomize patches have). When the Pod spec exists, its parent is used instead.
 */
const TEMPLATE_PATHS: Record<string, string[]> = {
  PodTemplate: ['template'],
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  DeploymentConfig: ['spec', 'template'],
  Rollout: ['spec', 'template'],
};

/** Kinds whose `spec.selector` is a plain label map (equality only), not a LabelSelector with `matchLabels`. */
const MAP_SELECTOR_KINDS = new Set(['ReplicationController', 'DeploymentConfig']);

export function hasMapSelector(object: K8sObject): boolean {
  return MAP_SELECTOR_KINDS.has(object.kind ?? '');
}

/** The map holding a Pod's `metadata` and `spec`: the Pod itself, or a workload's Pod template. */
export function podTemplateOf(object: K8sObject): MapNode | undefined {
  if (object.kind === 'Pod') return object.root;
  const podSpec = podSpecOf(object);
  if (podSpec) return parentEntry(object.root, podSpec)?.map;
  const path = isWorkloadKind(object) ? TEMPLATE_PATHS[object.kind ?? ''] : undefined;
  const template = path ? at(object.root, ...path) : undefined;
  return template?.kind === 'map' ? template : undefined;
}

/**
 * The labels every Pod of the object carries; undefined when they cannot be known statically. A workload written
 * without a Pod template (a partial manifest) is taken to carry its selector's labels, which its Pods must have.
 */
export function podLabels(object: K8sObject): Record<string, string> | undefined {
  const template = podTemplateOf(object);
  if (template) return stringMapOf(at(template, 'metadata', 'labels'));
  if (!isWorkloadKind(object) || !TEMPLATE_PATHS[object.kind ?? '']) return undefined;
  const selector = at(object.root, 'spec', 'selector');
  const matchLabels = hasMapSelector(object) ? selector : at(selector, 'matchLabels');
  return matchLabels ? stringMapOf(matchLabels) : undefined;
}

/** `metadata.annotations` of the object and, for workloads, of its Pod template. */
export function annotationMaps(object: K8sObject): ValueNode[] {
  const maps: ValueNode[] = [];
  const own = at(object.root, 'metadata', 'annotations');
  if (own) maps.push(own);
  const template = podTemplateOf(object);
  if (template && template !== object.root) {
    const nested = at(template, 'metadata', 'annotations');
    if (nested) maps.push(nested);
  }
  return maps;
}

