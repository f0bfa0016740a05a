import type { K8sObject } from '../model/k8sObject';
import { at, child, entry, listItems, scalarString, type Span, type ValueNode } from '../model/tree';
import { gatewayRefsOf, isGatewayApi, isRoute, listenersOf, serviceBackendRefsOf } from '../rules/support/gatewayApi';
import { ENV_FROM_REFS, ENV_KEY_REFS, ingressBackends, serviceAccountNode, volumeSources, volumesByName } from '../model/references';
import type { ConceptLink, Gap, Relation } from './explanation';
import { formatLabels, isEmptySelector, labelSelectorOf, sameNamespace, selectorMatches, stringMap, type LabelSelector, type PodTemplate } from './manifestModel';

export interface ExplainContext {
  objects: K8sObject[];
  templates: PodTemplate[];
  concept(noteId: string): ConceptLink | undefined;
  connect(from: K8sObject, to: string, relation: Relation, detail: string, resolved: boolean, noteId: string, span: Span): void;
  gap(object: K8sObject, severity: Gap['severity'], message: string, noteId: string | undefined, span: Span): void;
}

const spanOf = (node: ValueNode | undefined, object: K8sObject) => node?.span ?? object.span;

/**
 * Objects by kind and name, and Pod templates by label, built once per explanation: each reference and selector then
 * looks at its few candidates instead of every object of the file (which paired every object with every other).
 */
interface Lookups { named: Map<string, K8sObject[]>; labelled: Map<string, PodTemplate[]> }

const lookups = new WeakMap<ExplainContext, Lookups>();
const lookupKey = (a: string, b: string) => `${a}\u0000${b}`;

function lookupsOf(ctx: ExplainContext): Lookups {
  let known = lookups.get(ctx);
  if (known) return known;
  known = { named: new Map(), labelled: new Map() };
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => { const list = map.get(key); if (list) list.push(value); else map.set(key, [value]); };
  for (const o of ctx.objects) if (o.kind !== undefined && o.name !== undefined) add(known.named, lookupKey(o.kind, o.name), o);
  for (const t of ctx.templates) for (const [k, v] of Object.entries(t.labels)) add(known.labelled, lookupKey(k, v), t);
  lookups.set(ctx, known);
  return known;
}

/** Objects of a kind with a name, in the same namespace as `from`. */
function find(ctx: ExplainContext, from: K8sObject, kind: string, name: string | undefined): K8sObject | undefined {
  return name === undefined ? undefined : lookupsOf(ctx).named.get(lookupKey(kind, name))?.find((o) => sameNamespace(o, from));
}

function selected(ctx: ExplainContext, from: K8sObject, selector: LabelSelector): PodTemplate[] {
  // Every match carries every matchLabels pair: the shortest of their lists holds all candidates, in file order.
  let candidates = ctx.templates;
  for (const [k, v] of Object.entries(selector.labels)) {
    const list = lookupsOf(ctx).labelled.get(lookupKey(k, v)) ?? [];
    if (list.length < candidates.length) candidates = list;
  }
  return candidates.filter((t) => t.object !== from && sameNamespace(t.object, from) && selectorMatches(selector, t.labels));
}

function describeSelector(selector: LabelSelector): string {
  const parts = [formatLabels(selector.labels), ...selector.expressions.map((e) => `${e.key} ${e.operator}${e.values.length ? ` (${e.values.join(', ')})` : ''}`)].filter(Boolean);
  return parts.join(', ') || 'every Pod';
}

/** Service → the Pods it sends traffic to, port by port. */
export function serviceConnections(ctx: ExplainContext, service: K8sObject): void {
  const spec = child(service.root, 'spec');
  const type = scalarString(child(spec, 'type')) ?? 'ClusterIP';
  if (type === 'ExternalName') return;
  const selectorNode = child(spec, 'selector');
  const selector: LabelSelector = { labels: stringMap(selectorNode), expressions: [] };
  if (isEmptySelector(selector)) {
    ctx.gap(service, 'info', `${service.address} has no selector: nothing in the cluster fills its endpoints unless you manage EndpointSlices yourself.`, 'service', spanOf(spec, service));
    return;
  }
  // A selector matching nothing, or a named targetPort no container has, is a rule's finding (listed with the gaps).
  const targets = selected(ctx, service, selector);
  for (const target of targets) {
    const ports = listItems(child(spec, 'ports')).map((p) => servicePortDetail(target, p)).filter(Boolean);
    ctx.connect(service, target.object.address, 'selects', `selector ${describeSelector(selector)}${ports.length ? `; ${ports.join('; ')}` : ''}`, true, type === 'NodePort' ? 'nodeport-service' : type === 'LoadBalancer' ? 'loadbalancer-service' : 'service', spanOf(selectorNode, service));
  }
}

function servicePortDetail(target: PodTemplate, port: ValueNode): string {
  const number = scalarString(child(port, 'port'));
  const targetPortNode = child(port, 'targetPort');
  const targetPort = scalarString(targetPortNode) ?? number;
  if (!number || !targetPort) return '';
  const ports = target.containers.flatMap((c) => listItems(child(c.container, 'ports')).map((p) => ({ container: c.name, number: scalarString(child(p, 'containerPort')), name: scalarString(child(p, 'name')) })));
  const named = !/^\d+$/.test(targetPort);
  const match = ports.find((p) => (named ? p.name === targetPort : p.number === targetPort));
  const nodePort = scalarString(child(port, 'nodePort'));
  const head = `port ${number}${nodePort ? ` (node port ${nodePort})` : ''} → ${targetPort}`;
  if (match) return `${head} (container ${match.container}${named ? `, port ${match.number}` : ''})`;
  return `${head} (no container declares it)`;
}

/** Ingress → Services (by name and port) and its TLS Secrets. */
export function ingressConnections(ctx: ExplainContext, ingress: K8sObject): void {
  const spec = child(ingress.root, 'spec');
  for (const { node, nameNode, portNode, route } of ingressBackends(ingress)) {
    const name = scalarString(nameNode);
    const port = scalarString(portNode);
    if (!name) continue;
    const target = find(ctx, ingress, 'Service', name);
    // A missing Service or port is the ingress-backend-missing rule's finding.
    const hasPort = !target || !port || listItems(at(target.root, 'spec', 'ports')).some((p) => scalarString(child(p, /^\d+$/.test(port) ? 'port' : 'name')) === port);
    const detail = `${route} → ${name}${port ? `:${port}` : ''}${hasPort ? '' : ' (no such port)'}`;
    ctx.connect(ingress, target?.address ?? `Service/${name}`, 'routes-to', detail, !!target, 'ingress', spanOf(node, ingress));
  }
  for (const tls of listItems(child(spec, 'tls'))) {
    const secret = scalarString(child(tls, 'secretName'));
    if (!secret) continue;
    const target = find(ctx, ingress, 'Secret', secret);
    const hosts = listItems(child(tls, 'hosts')).map(scalarString).filter(Boolean).join(', ');
    ctx.connect(ingress, target?.address ?? `Secret/${secret}`, 'uses-tls-secret', `TLS for ${hosts || 'all hosts'}`, !!target, 'tls-termination', spanOf(tls, ingress));
  }
}

/** Objects of a kind with a name in `namespace` (undefined: the namespace of `from`), as a reference names them. */
function findIn(ctx: ExplainContext, from: K8sObject, kind: string, name: string, namespace: string | undefined): K8sObject | undefined {
  if (namespace === undefined) return find(ctx, from, kind, name);
  return lookupsOf(ctx).named.get(lookupKey(kind, name))?.find((o) => o.namespace === undefined || o.namespace === namespace);
}

const qualified = (kind: string, name: string, namespace: string | undefined) => `${kind}/${namespace ? `${namespace}/` : ''}${name}`;

/**
 * Gateway API: a route → the Gateways it attaches to (and which listener) → and the Services it sends traffic to;
 * a Gateway → the Secrets its HTTPS listeners serve. With the Service → Pods connections this follows a request from
 * the Gateway to the containers.
 */
export function gatewayApiConnections(ctx: ExplainContext, object: K8sObject): void {
  if (isRoute(object)) {
    for (const ref of gatewayRefsOf(object)) {
      const gateway = findIn(ctx, object, 'Gateway', ref.name, ref.namespace);
      const listener = ref.sectionName ? `listener ${ref.sectionName}` : 'every listener that allows it';
      ctx.connect(object, gateway?.address ?? qualified('Gateway', ref.name, ref.namespace), 'attaches-to', listener, !!gateway, 'gateway-api', spanOf(ref.node, object));
    }
    const hosts = listItems(at(object.root, 'spec', 'hostnames')).map(scalarString).filter(Boolean).join(', ');
    for (const ref of serviceBackendRefsOf(object)) {
      const service = findIn(ctx, object, 'Service', ref.name, ref.namespace);
      const detail = `${hosts || 'any host'} → ${ref.name}${ref.port !== undefined ? `:${ref.port}` : ''}${ref.namespace && ref.namespace !== object.namespace ? ` in namespace ${ref.namespace} (needs a ReferenceGrant there)` : ''}`;
      ctx.connect(object, service?.address ?? qualified('Service', ref.name, ref.namespace), 'routes-to', detail, !!service, 'httproute', spanOf(ref.node, object));
    }
    return;
  }
  if (!isGatewayApi(object, 'Gateway')) return;
  for (const { name, node } of listenersOf(object)) {
    for (const cert of listItems(at(node, 'tls', 'certificateRefs'))) {
      const secret = scalarString(child(cert, 'name'));
      if (!secret || (scalarString(child(cert, 'kind')) ?? 'Secret') !== 'Secret') continue;
      const namespace = scalarString(child(cert, 'namespace'));
      const target = findIn(ctx, object, 'Secret', secret, namespace);
      ctx.connect(object, target?.address ?? qualified('Secret', secret, namespace), 'uses-tls-secret', `TLS for listener ${name}${scalarString(child(node, 'hostname')) ? ` (${scalarString(child(node, 'hostname'))})` : ''}`, !!target, 'tls-termination', spanOf(cert, object));
    }
  }
}

/** A workload's Pods → the ConfigMaps, Secrets, claims and service account they use. */
export function podConnections(ctx: ExplainContext, template: PodTemplate): void {
  const { object, spec } = template;
  const volumes = volumesByName(spec);
  const mounted = new Set<string>();
  for (const c of template.containers) {
    for (const mount of listItems(child(c.container, 'volumeMounts'))) {
      const name = scalarString(child(mount, 'name'));
      if (!name) continue;
      mounted.add(name);
      const volume = volumes.get(name);
      const mountPath = scalarString(child(mount, 'mountPath')) ?? '?';
      if (!volume) {
        ctx.gap(object, 'error', `Container ${c.name} of ${object.address} mounts volume "${name}", which the Pod spec does not define: the Pod cannot start.`, 'volumes', spanOf(mount, object));
        continue;
      }
      for (const source of volumeSources(volume)) {
        const target = find(ctx, object, source.kind, source.name);
        ctx.connect(object, target?.address ?? `${source.kind}/${source.name}`, 'mounts', `volume ${name} at ${mountPath} in container ${c.name}${source.optional ? ' (optional)' : ''}`, !!target, source.concept, spanOf(mount, object));
      }
    }
    for (const env of listItems(child(c.container, 'env'))) {
      const from = child(env, 'valueFrom');
      for (const [key, kind, concept] of ENV_KEY_REFS) {
        const ref = child(from, key);
        const name = scalarString(child(ref, 'name'));
        if (!ref || !name) continue;
        const dataKey = scalarString(child(ref, 'key'));
        const target = find(ctx, object, kind, name);
        ctx.connect(object, target?.address ?? `${kind}/${name}`, 'reads-env-from', `${scalarString(child(env, 'name')) ?? '?'} = key ${dataKey ?? '?'} in container ${c.name}`, !!target, concept, spanOf(ref, object));
        if (target && dataKey && !hasDataKey(target, dataKey) && scalarString(child(ref, 'optional')) !== 'true') {
          ctx.gap(object, 'error', `Container ${c.name} of ${object.address} reads key "${dataKey}" of ${target.address}, which has no such key: the container does not start.`, concept, spanOf(ref, object));
        }
      }
    }
    for (const source of listItems(child(c.container, 'envFrom'))) {
      for (const [key, kind, concept] of ENV_FROM_REFS) {
        const name = scalarString(at(source, key, 'name'));
        if (!name) continue;
        const target = find(ctx, object, kind, name);
        ctx.connect(object, target?.address ?? `${kind}/${name}`, 'reads-env-from', `every key as an environment variable in container ${c.name}`, !!target, concept, spanOf(source, object));
      }
    }
  }
  for (const [name, volume] of volumes) {
    if (!mounted.has(name)) ctx.gap(object, 'info', `Volume "${name}" of ${object.address} is not mounted by any container.`, 'volumes', spanOf(volume, object));
  }
  const accountNode = serviceAccountNode(spec);
  const account = scalarString(accountNode);
  if (account) {
    const target = find(ctx, object, 'ServiceAccount', account);
    ctx.connect(object, target?.address ?? `ServiceAccount/${account}`, 'runs-as', 'the Pods get its API identity and token', !!target, 'service-account', spanOf(child(spec, 'serviceAccountName'), object));
  }
  for (const secret of listItems(child(spec, 'imagePullSecrets'))) {
    const name = scalarString(child(secret, 'name'));
    if (!name) continue;
    const target = find(ctx, object, 'Secret', name);
    ctx.connect(object, target?.address ?? `Secret/${name}`, 'pulls-with', 'registry credentials for the images', !!target, 'secret', spanOf(secret, object));
  }
}

function hasDataKey(object: K8sObject, key: string): boolean {
  return ['data', 'binaryData', 'stringData'].some((field) => entry(child(object.root, field), key) !== undefined);
}

/** Objects that point at workloads or other objects: autoscalers, disruption budgets, network policies, bindings. */
export function referenceConnections(ctx: ExplainContext, object: K8sObject): void {
  const spec = child(object.root, 'spec');
  switch (object.kind) {
    case 'HorizontalPodAutoscaler': {
      const ref = child(spec, 'scaleTargetRef');
      const kind = scalarString(child(ref, 'kind'));
      const name = scalarString(child(ref, 'name'));
      if (!kind || !name) return;
      const target = find(ctx, object, kind, name);
      const range = `${scalarString(child(spec, 'minReplicas')) ?? '1'}–${scalarString(child(spec, 'maxReplicas')) ?? '?'} replicas`;
      ctx.connect(object, target?.address ?? `${kind}/${name}`, 'scales', range, !!target, 'horizontal-pod-autoscaler', spanOf(ref, object));
      return;
    }
    case 'PodDisruptionBudget':
    case 'NetworkPolicy': {
      const selectorNode = child(spec, object.kind === 'NetworkPolicy' ? 'podSelector' : 'selector');
      const selector = labelSelectorOf(selectorNode);
      if (!selector) return;
      const concept = object.kind === 'NetworkPolicy' ? 'network-policy' : 'pod-disruption-budget';
      for (const t of selected(ctx, object, selector)) ctx.connect(object, t.object.address, 'selects', `selector ${describeSelector(selector)}`, true, concept, spanOf(selectorNode, object));
      return;
    }
    case 'RoleBinding':
    case 'ClusterRoleBinding': {
      const roleRef = child(object.root, 'roleRef');
      const roleKind = scalarString(child(roleRef, 'kind'));
      const roleName = scalarString(child(roleRef, 'name'));
      const subjects = listItems(child(object.root, 'subjects')).map((s) => `${scalarString(child(s, 'kind')) ?? '?'} ${scalarString(child(s, 'name')) ?? '?'}`);
      if (roleKind && roleName) {
        const role = ctx.objects.find((o) => o.kind === roleKind && o.name === roleName);
        ctx.connect(object, role?.address ?? `${roleKind}/${roleName}`, 'grants', `to ${subjects.join(', ') || 'no subjects'}`, !!role, 'rbac', spanOf(roleRef, object));
      }
      for (const s of listItems(child(object.root, 'subjects'))) {
        if (scalarString(child(s, 'kind')) !== 'ServiceAccount') continue;
        const name = scalarString(child(s, 'name'));
        const namespace = scalarString(child(s, 'namespace')) ?? object.namespace;
        const account = ctx.objects.find((o) => o.kind === 'ServiceAccount' && o.name === name && (namespace === undefined || o.namespace === undefined || o.namespace === namespace));
        if (account) ctx.connect(object, account.address, 'grants', `${roleKind ?? 'role'} ${roleName ?? '?'} to this service account`, true, 'service-account', spanOf(s, object));
      }
      return;
    }
    case 'StatefulSet': {
      const name = scalarString(child(spec, 'serviceName'));
      if (!name) return;
      const service = find(ctx, object, 'Service', name);
      ctx.connect(object, service?.address ?? `Service/${name}`, 'governed-by', 'stable DNS names for each Pod (<pod>.<service>)', !!service, 'headless-service', spanOf(child(spec, 'serviceName'), object));
      return;
    }
  }
}
