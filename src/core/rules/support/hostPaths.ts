import type { K8sObject } from '../../model/k8sObject';
import { podSpecOf } from '../../model/podSpecs';
import { child, listItems, scalarString, type ScalarNode } from '../../model/tree';

export interface HostPathVolume { volume: string; path: string; node: ScalarNode }

/** Every `hostPath` volume of the object's Pod spec, with its written path. */
export function hostPathVolumes(object: K8sObject): HostPathVolume[] {
  return listItems(child(podSpecOf(object), 'volumes')).flatMap((volume) => {
    const path = child(child(volume, 'hostPath'), 'path');
    const value = scalarString(path);
    if (path?.kind !== 'scalar' || value === undefined) return [];
    return [{ volume: scalarString(child(volume, 'name')) ?? '(unnamed)', path: value, node: path }];
  });
}

/** Sockets of container runtimes: whoever can talk to them can start privileged containers on the node. */
export function isRuntimeSocket(path: string): boolean {
  return /(^|\/)(docker|containerd|crio|cri-dockerd|podman)\.sock$/.test(path.replace(/\/+$/, ''));
}
