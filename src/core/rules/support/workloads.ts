import type { K8sObject } from '../../model/k8sObject';
import { containersOf, isWorkloadKind, type ContainerRef } from '../../model/podSpecs';
import { child, scalarString } from '../../model/tree';
import { field, integerOf } from './values';

/** Kinds whose Pods run as several interchangeable replicas. */
export const REPLICATED_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'DeploymentConfig', 'Rollout']);

/** Kinds that roll a replicated, stateless Pod template out: Deployment, OpenShift's DeploymentConfig, Argo's Rollout. */
const DEPLOYMENT_LIKE_KINDS = new Set(['Deployment', 'DeploymentConfig', 'Rollout']);

export function isDeploymentLike(object: K8sObject): boolean {
  return DEPLOYMENT_LIKE_KINDS.has(object.kind ?? '') && isWorkloadKind(object);
}

/** Kinds whose Pods run to completion. */
export const BATCH_KINDS = new Set(['Job', 'CronJob']);

export function isBatch(object: K8sObject): boolean {
  return BATCH_KINDS.has(object.kind ?? '');
}

/** `spec.replicas`: the number written, `default` when absent (the API default is 1), or `unknown`. */
export function replicasOf(object: K8sObject): number | 'default' | 'unknown' {
  const replicas = field(object.root, 'spec', 'replicas');
  if (replicas.state === 'missing') return 'default';
  if (replicas.state === 'unknown') return 'unknown';
  return integerOf(replicas.node) ?? 'unknown';
}

/** An init container with `restartPolicy: Always` is a sidecar: it runs for the Pod's whole life. */
export function isSidecar(ref: ContainerRef): boolean {
  return ref.list === 'initContainers' && scalarString(child(ref.container, 'restartPolicy')) === 'Always';
}

/** Containers that run for the Pod's lifetime and serve: regular containers and sidecars, not in Jobs. */
export function servingContainers(object: K8sObject): ContainerRef[] {
  if (isBatch(object)) return [];
  return containersOf(object).filter((ref) => ref.list === 'containers' || isSidecar(ref));
}

/** Containers that can declare resources, probes and ports: every kind except ephemeral debug containers. */
export function plannedContainers(object: K8sObject): ContainerRef[] {
  return containersOf(object).filter((ref) => ref.list !== 'ephemeralContainers');
}

/** How messages name a container at the start of a sentence: `Container "web"`, `Init container "setup"`. */
export function containerSubject(ref: ContainerRef): string {
  const kind = ref.list === 'initContainers' ? 'Init container' : ref.list === 'ephemeralContainers' ? 'Ephemeral container' : 'Container';
  return `${kind} "${ref.name}"`;
}
