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
};

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
  const path = object.kind ? POD_SPEC_PATHS[object.kind] : undefined;
  if (!path) return undefined;
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
