import type { K8sObject } from '../../model/k8sObject';
import { at, child, listItems, scalarString, type MapNode, type ValueNode } from '../../model/tree';
import { integerOf } from './values';

/** What the Gateway API rules read from routes, Gateways and ReferenceGrants (gateway.networking.k8s.io). */
export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/** Route kinds whose `parentRefs` attach them to Gateways and whose rules carry `backendRefs`. */
const ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);

const groupOf = (apiVersion: string | undefined) => (apiVersion?.includes('/') ? apiVersion.split('/')[0] : undefined);

/** Whether `object` is `kind` of Gateway API (an object without apiVersion, a partial manifest, is taken at its word). */
export function isGatewayApi(object: Pick<K8sObject, 'kind' | 'apiVersion'>, kind: string): boolean {
  return object.kind === kind && (object.apiVersion === undefined || groupOf(object.apiVersion) === GATEWAY_GROUP);
}

export function isRoute(object: Pick<K8sObject, 'kind' | 'apiVersion'>): boolean {
  return ROUTE_KINDS.has(object.kind ?? '') && (object.apiVersion === undefined || groupOf(object.apiVersion) === GATEWAY_GROUP);
}

/** A route's reference to a Gateway: `namespace` undefined means the route's own namespace. */
export interface GatewayRef { node: MapNode; name: string; nameNode: ValueNode; namespace: string | undefined; sectionName: string | undefined }

/**
 * The `parentRefs` of a route that name Gateways (kind Gateway of the Gateway API group, the defaults); references
 * to other parents (a Service, for mesh routing) are left out, as are those that cannot be read.
 */
export function gatewayRefsOf(route: K8sObject): GatewayRef[] {
  return listItems(at(route.root, 'spec', 'parentRefs')).flatMap((ref): GatewayRef[] => {
    if (ref.kind !== 'map') return [];
    const kind = scalarString(child(ref, 'kind')) ?? 'Gateway';
    const group = scalarString(child(ref, 'group')) ?? GATEWAY_GROUP;
    const nameNode = child(ref, 'name');
    const name = scalarString(nameNode);
    if (kind !== 'Gateway' || group !== GATEWAY_GROUP || !name || !nameNode || child(ref, 'namespace')?.kind === 'unknown') return [];
    return [{ node: ref, name, nameNode, namespace: scalarString(child(ref, 'namespace')), sectionName: scalarString(child(ref, 'sectionName')) }];
  });
}

/** A route's backend Service: `namespace` undefined means the route's own namespace; `port` as written. */
export interface ServiceBackendRef { node: MapNode; name: string; nameNode: ValueNode; namespace: string | undefined; port: number | undefined; portNode: ValueNode | undefined }

/** The `backendRefs` of every rule of a route that name Services (the default kind), readable ones only. */
export function serviceBackendRefsOf(route: K8sObject): ServiceBackendRef[] {
  const refs: ServiceBackendRef[] = [];
  for (const rule of listItems(at(route.root, 'spec', 'rules'))) {
    for (const ref of listItems(child(rule, 'backendRefs'))) {
      if (ref.kind !== 'map') continue;
      const kind = scalarString(child(ref, 'kind')) ?? 'Service';
      const group = scalarString(child(ref, 'group')) ?? '';
      const nameNode = child(ref, 'name');
      const name = scalarString(nameNode);
      if (kind !== 'Service' || group !== '' || !name || !nameNode || child(ref, 'namespace')?.kind === 'unknown') continue;
      const portNode = child(ref, 'port');
      refs.push({ node: ref, name, nameNode, namespace: scalarString(child(ref, 'namespace')), port: integerOf(portNode), portNode });
    }
  }
  return refs;
}

/** The listeners of a Gateway that have a name. */
export function listenersOf(gateway: K8sObject): { name: string; node: MapNode }[] {
  return listItems(at(gateway.root, 'spec', 'listeners')).flatMap((listener) => {
    const name = listener.kind === 'map' ? scalarString(child(listener, 'name')) : undefined;
    return name && listener.kind === 'map' ? [{ name, node: listener }] : [];
  });
}

/** One `from` or `to` entry of a ReferenceGrant. */
export interface GrantPeer { group: string; kind: string; namespace?: string; name?: string }

/** What a ReferenceGrant allows, or undefined when it cannot be read statically. */
export function grantOf(grant: K8sObject): { from: GrantPeer[]; to: GrantPeer[] } | undefined {
  const spec = child(grant.root, 'spec');
  const read = (key: string) => {
    const list = child(spec, key);
    if (list?.kind === 'unknown') return undefined;
    const peers: GrantPeer[] = [];
    for (const item of listItems(list)) {
      if (item.kind !== 'map' || ['group', 'kind', 'namespace', 'name'].some((k) => child(item, k)?.kind === 'unknown')) return undefined;
      peers.push({ group: scalarString(child(item, 'group')) ?? '', kind: scalarString(child(item, 'kind')) ?? '', namespace: scalarString(child(item, 'namespace')), name: scalarString(child(item, 'name')) });
    }
    return peers;
  };
  const from = read('from');
  const to = read('to');
  return from && to ? { from, to } : undefined;
}

/** Whether a grant lets `route` (of its kind, in `routeNamespace`) refer to the Service `serviceName`. */
export function grantAllows(grant: { from: GrantPeer[]; to: GrantPeer[] }, route: K8sObject, routeNamespace: string, serviceName: string): boolean {
  return grant.from.some((f) => f.group === GATEWAY_GROUP && f.kind === route.kind && f.namespace === routeNamespace)
    && grant.to.some((t) => t.group === '' && t.kind === 'Service' && (t.name === undefined || t.name === serviceName));
}
