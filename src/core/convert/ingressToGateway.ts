import { stringify } from 'yaml';
import type { K8sObject } from '../model/k8sObject';
import { at, child, listItems, scalarString, type MapNode, type ValueNode } from '../model/tree';
import { terminalLine } from '../text/escape';

/**
 * Ingress → Gateway API, in the manner of the ingress2gateway tool: per Ingress class and namespace one Gateway (an
 * HTTP listener per host, an HTTPS listener per TLS host with its Secret), and per Ingress and host one HTTPRoute
 * (path rules → matches, Service backends → backendRefs). What has no portable equivalent (annotations, named Service
 * ports, resource backends, `ImplementationSpecific` paths, unreadable values) is listed instead of guessed.
 */

export interface Conversion {
  /** The Gateway and HTTPRoute documents as YAML, headed by comments saying what was converted and what was not. */
  yaml: string;
  /** Every Ingress converted, by address. */
  converted: string[];
  /** What could not be converted, one line each, naming the Ingress it came from. */
  notConverted: string[];
}

const GROUP_VERSION = 'gateway.networking.k8s.io/v1';
const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
/** Written where the Ingress names no class: a Gateway must name one that exists in the cluster. */
export const PLACEHOLDER_CLASS = 'REPLACE-WITH-GATEWAYCLASS';

interface Listener { name: string; hostname?: string; port: number; protocol: 'HTTP' | 'HTTPS'; tls?: { mode: 'Terminate'; certificateRefs: { name: string }[] } }
interface GatewayDraft { name: string; namespace: string | undefined; className: string; listeners: Listener[] }
interface BackendRef { name: string; port?: number }
interface RouteRule { matches?: { path: { type: 'PathPrefix' | 'Exact'; value: string } }[]; backendRefs: BackendRef[] }

/** Converts every Ingress among `objects` (other kinds are ignored). */
export function ingressToGateway(objects: readonly K8sObject[]): Conversion {
  const gateways = new Map<string, GatewayDraft>();
  const routes: Record<string, unknown>[] = [];
  const converted: string[] = [];
  const notConverted: string[] = [];
  for (const ingress of objects) {
    if (ingress.kind !== 'Ingress') continue;
    const label = `Ingress ${ingress.namespace ? `${ingress.namespace}/` : ''}${ingress.name ?? '(unnamed)'}`;
    const skip = (what: string) => notConverted.push(`${label}: ${what}`);
    converted.push(label);
    const gateway = gatewayFor(ingress, gateways, skip);
    routes.push(...routesOf(ingress, gateway, skip));
    for (const [key, value] of annotationsOf(ingress)) {
      if (key !== CLASS_ANNOTATION) skip(`annotation ${key}: ${value} (implementation-specific; look for an HTTPRoute filter or a policy of your Gateway implementation)`);
    }
  }
  const documents = [...[...gateways.values()].map(gatewayDocument), ...routes];
  return { yaml: render(documents, converted, notConverted), converted, notConverted };
}

function gatewayFor(ingress: K8sObject, gateways: Map<string, GatewayDraft>, skip: (what: string) => void): GatewayDraft {
  const spec = child(ingress.root, 'spec');
  const className = scalarString(child(spec, 'ingressClassName')) ?? annotationsOf(ingress).get(CLASS_ANNOTATION);
  if (!className) skip(`no ingress class: set gatewayClassName (written as ${PLACEHOLDER_CLASS})`);
  const key = `${ingress.namespace ?? ''}\u0000${className ?? ''}`;
  let gateway = gateways.get(key);
  if (!gateway) {
    gateway = { name: className ?? 'gateway', namespace: ingress.namespace, className: className ?? PLACEHOLDER_CLASS, listeners: [] };
    gateways.set(key, gateway);
  }
  const add = (listener: Listener) => {
    if (!gateway.listeners.some((l) => l.name === listener.name)) gateway.listeners.push(listener);
  };
  for (const host of hostsOf(ingress)) add({ name: listenerName(host, 'http'), ...(host ? { hostname: host } : {}), port: 80, protocol: 'HTTP' });
  for (const tls of listItems(child(spec, 'tls'))) {
    const secret = scalarString(child(tls, 'secretName'));
    if (!secret) { skip('a tls entry without secretName (certificates from the controller\'s default are not portable)'); continue; }
    const hosts = listItems(child(tls, 'hosts')).map(scalarString).filter((h): h is string => h !== undefined);
    for (const host of hosts.length > 0 ? hosts : [undefined]) {
      add({ name: listenerName(host, 'https'), ...(host ? { hostname: host } : {}), port: 443, protocol: 'HTTPS', tls: { mode: 'Terminate', certificateRefs: [{ name: secret }] } });
    }
  }
  return gateway;
}

/** The hosts of an Ingress's rules; `undefined` stands for rules without a host (and the default backend). */
function hostsOf(ingress: K8sObject): (string | undefined)[] {
  const spec = child(ingress.root, 'spec');
  const hosts = new Set<string | undefined>(listItems(child(spec, 'rules')).map((rule) => scalarString(child(rule, 'host'))));
  if (child(spec, 'defaultBackend') ?? child(spec, 'backend')) hosts.add(undefined);
  return [...hosts];
}

function routesOf(ingress: K8sObject, gateway: GatewayDraft, skip: (what: string) => void): Record<string, unknown>[] {
  const spec = child(ingress.root, 'spec');
  const byHost = new Map<string | undefined, RouteRule[]>();
  const rulesFor = (host: string | undefined) => {
    let rules = byHost.get(host);
    if (!rules) byHost.set(host, (rules = []));
    return rules;
  };
  for (const rule of listItems(child(spec, 'rules'))) {
    const host = scalarString(child(rule, 'host'));
    const rules = rulesFor(host);
    for (const path of listItems(at(rule, 'http', 'paths'))) {
      const backend = backendOf(child(path, 'backend'), skip);
      if (!backend) continue;
      const value = scalarString(child(path, 'path')) ?? '/';
      const pathType = scalarString(child(path, 'pathType')) ?? 'ImplementationSpecific';
      if (pathType !== 'Prefix' && pathType !== 'Exact') skip(`path ${value} has pathType ${pathType}: converted as PathPrefix, check it matches what your controller did`);
      rules.push({ matches: [{ path: { type: pathType === 'Exact' ? 'Exact' : 'PathPrefix', value } }], backendRefs: [backend] });
    }
  }
  const fallback = child(spec, 'defaultBackend') ?? child(spec, 'backend');
  if (fallback) {
    const backend = backendOf(fallback, skip);
    // A rule without matches matches every request the more specific rules do not (longest match wins).
    if (backend) rulesFor(undefined).push({ backendRefs: [backend] });
  }
  const base = ingress.name ?? 'ingress';
  return [...byHost].filter(([, rules]) => rules.length > 0).map(([host, rules]) => ({
    apiVersion: GROUP_VERSION,
    kind: 'HTTPRoute',
    metadata: { name: byHost.size === 1 ? base : `${base}-${slug(host ?? 'default')}`, ...(ingress.namespace ? { namespace: ingress.namespace } : {}) },
    spec: {
      parentRefs: [{ name: gateway.name, ...(gateway.namespace && gateway.namespace !== ingress.namespace ? { namespace: gateway.namespace } : {}) }],
      ...(host ? { hostnames: [host] } : {}),
      rules,
    },
  }));
}

/** A Service backend, in the networking.k8s.io/v1 shape or the older serviceName/servicePort one. */
function backendOf(backend: ValueNode | undefined, skip: (what: string) => void): BackendRef | undefined {
  if (backend?.kind !== 'map') { skip('a backend that cannot be read'); return undefined; }
  if (child(backend, 'resource')) { skip(`a resource backend (${scalarString(at(backend, 'resource', 'kind')) ?? 'unknown kind'}): name an equivalent backendRef by hand`); return undefined; }
  const service = child(backend, 'service');
  const name = scalarString(service ? child(service, 'name') : child(backend, 'serviceName'));
  if (!name) { skip('a backend without a Service name'); return undefined; }
  const portNode = service ? (child(at(service, 'port'), 'number') ?? child(at(service, 'port'), 'name')) : child(backend, 'servicePort');
  const port = numberOf(portNode);
  if (port === undefined) {
    const written = scalarString(portNode);
    skip(written ? `Service ${name} port "${written}" is a name: backendRefs need the port number` : `Service ${name} has no port`);
    return { name };
  }
  return { name, port };
}

function numberOf(node: ValueNode | undefined): number | undefined {
  if (node?.kind !== 'scalar') return undefined;
  const value = node.value;
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
}

function annotationsOf(object: K8sObject): Map<string, string> {
  const annotations = at(object.root, 'metadata', 'annotations');
  const found = new Map<string, string>();
  if (annotations?.kind !== 'map') return found;
  for (const entry of (annotations as MapNode).entries) {
    const value = scalarString(entry.value);
    found.set(entry.key, value ?? '(not a string)');
  }
  return found;
}

function gatewayDocument(gateway: GatewayDraft): Record<string, unknown> {
  return {
    apiVersion: GROUP_VERSION,
    kind: 'Gateway',
    metadata: { name: gateway.name, ...(gateway.namespace ? { namespace: gateway.namespace } : {}) },
    spec: { gatewayClassName: gateway.className, listeners: gateway.listeners },
  };
}

/** A listener name: a DNS label from the host (`*.example.com` → `wildcard-example-com-https`). */
function listenerName(host: string | undefined, protocol: string): string {
  return host ? `${slug(host)}-${protocol}` : protocol;
}

function slug(text: string): string {
  return text.replace(/^\*\./, 'wildcard.').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50) || 'host';
}

/** A comment line: the text on one line, control characters shown (names and annotation values come from the file). */
const comment = (text: string) => `# ${terminalLine(text)}`;

function render(documents: Record<string, unknown>[], converted: string[], notConverted: string[]): string {
  const head = [
    comment(`Gateway API equivalent of ${converted.length === 1 ? converted[0]! : `${converted.length} Ingresses`}, written by Cloud-Native Companion.`),
    comment('Review before applying: the GatewayClass must exist, and the Gateway may already be shared by other teams.'),
  ];
  if (notConverted.length > 0) head.push(comment('Not converted:'), ...notConverted.map((line) => comment(`- ${line}`)));
  else head.push(comment('Everything was converted.'));
  if (documents.length === 0) return `${head.join('\n')}\n${comment('No Ingress found.')}\n`;
  return `${head.join('\n')}\n${documents.map((d) => stringify(d, { lineWidth: 0 })).join('---\n')}`;
}
