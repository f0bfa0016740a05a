import type { K8sObject } from './k8sObject';
import { at, child, listItems, scalarString, type MapNode, type ValueNode } from './tree';

/** Where the Pod spec lives inside each workload kind. */
const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  // Workloads of custom API groups: OpenShift's DeploymentConfig and Argo Rollouts' Rollout carry a Pod template too.
  DeploymentConfig: ['spec', 'template', 'spec'],
  Rollout: ['spec', 'template', 'spec'],
};

/** The API group a custom workload kind must come from; another group's kind of that name is not a workload. */
const CUSTOM_WORKLOAD_GROUPS: Record<string, string> = {
  DeploymentConfig: 'apps.openshift.io',
  Rollout: 'argoproj.io',
};

/**
 * Whether `object` is a kind with a Pod template, from its own API group. A custom kind written without an
 * apiVersion (a partial manifest) is taken at its word.
 */
export function isWorkloadKind(object: Pick<K8sObject, 'kind' | 'apiVersion'>): boolean {
  const kind = object.kind;
  if (!kind || !Object.hasOwn(POD_SPEC_PATHS, kind)) return false;
  const group = CUSTOM_WORKLOAD_GROUPS[kind];
  return group === undefined || object.apiVersion === undefined || object.apiVersion.startsWith(`${group}/`);
}

export const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;
export type ContainerList = (typeof CONTAINER_LISTS)[number];

export interface ContainerRef {
  object: K8sObject;
  podSpec: MapNode;
  list: ContainerList;
  index: number;
  container: MapNode;
  name: string;
}

export function podSpecOf(object: K8sObject): MapNode | undefined {
  if (!isWorkloadKind(object)) return undefined;
  const path = POD_SPEC_PATHS[object.kind!]!;
  const spec = at(object.root, ...path);
  return spec?.kind === 'map' ? spec : undefined;
}

export function containersOf(object: K8sObject): ContainerRef[] {
  const podSpec = podSpecOf(object);
  if (!podSpec) return [];
  const refs: ContainerRef[] = [];
  for (const list of CONTAINER_LISTS) {
    listItems(child(podSpec, list)).forEach((item: ValueNode, index) => {
      if (item.kind !== 'map') return;
      refs.push({ object, podSpec, list, index, container: item, name: scalarString(child(item, 'name')) ?? `#${index}` });
    });
  }
  return refs;
}
