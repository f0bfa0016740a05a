import type { K8sObject } from '../../model/k8sObject';
import { at, child, listItems, scalarString } from '../../model/tree';
import { podOwnersMatching, type CrossObjectContext } from './crossObject';
import { mapSelectorOf, type LabelSelector } from './selectors';
import { integerOf } from './values';

/** A Service's selector; undefined when it has none (endpoints managed by hand) or it cannot be known. */
export function serviceSelector(service: K8sObject): LabelSelector | undefined {
  const node = at(service.root, 'spec', 'selector');
  if (!node) return undefined;
  const selector = mapSelectorOf(node);
  return selector && Object.keys(selector.matchLabels).length > 0 ? selector : undefined;
}

/** Pod owners near `service` whose Pods its selector matches, in order (none without a selector). */
export function podsOfService(service: K8sObject, context: CrossObjectContext): K8sObject[] {
  const selector = serviceSelector(service);
  return selector ? [...podOwnersMatching(context, selector, service)] : [];
}

export interface ServicePort { name?: string; port?: number; targetPort?: string | number }

/** Whether some port of the Service cannot be read statically (a Terraform reference or dynamic block). */
export function portsUnknown(service: K8sObject): boolean {
  const ports = at(service.root, 'spec', 'ports');
  if (ports?.kind === 'unknown') return true;
  return listItems(ports).some((p) => p.kind !== 'map' || ['name', 'port'].some((k) => child(p, k)?.kind === 'unknown'));
}

export function servicePorts(service: K8sObject): ServicePort[] {
  return listItems(at(service.root, 'spec', 'ports')).map((port) => {
    const target = child(port, 'targetPort');
    const targetNumber = integerOf(target);
    return { name: scalarString(child(port, 'name')), port: integerOf(child(port, 'port')), targetPort: targetNumber ?? scalarString(target) };
  });
}
