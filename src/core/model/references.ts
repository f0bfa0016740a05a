import type { K8sObject } from './k8sObject';
import { containersOf, podSpecOf } from './podSpecs';
import { at, child, listItems, scalarString, type MapNode, type ValueNode } from './tree';

/**
 * The references one object makes to other objects by name: the one home of "what does this object point at",
 * read by Explain (explain/connections.ts), the workspace reference graph (graph/) and the dangling-reference rules.
 * Selectors (Service, NetworkPolicy, PodDisruptionBudget → Pods) are not references by name; the graph matches them.
 */

/** Edge kinds of the reference graph: fixed names, used by `cnc graph --format json`. */
export const EDGE_KINDS = ['selects', 'routes-to', 'mounts', 'env-from', 'runs-as', 'binds', 'scales', 'governs', 'calls'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export interface Reference {
  edge: Exclude<EdgeKind, 'selects'>;
  /** Kind of the object named. */
  kind: string;
  name: string;
  /** Namespace the reference names; undefined: the referring object's own. */
  namespace?: string;
  /** The reference may stay unresolved without harm (`optional: true`). */
  optional: boolean;
  /** Only an edge when such an object exists (a DNS-looking word in an env value may name nothing of ours). */
  guess?: boolean;
  detail: string;
  /** The node that names the target (fixes edit it). */
  node: ValueNode;
}

/**
 * Reads the name a node gives: its scalar value by default. The graph also reads Terraform expressions that name
 * another resource (`kubernetes_secret.db.metadata[0].name`) as that resource.
 */
export type NameOf = (node: ValueNode | undefined) => string | undefined;

export interface VolumeSource { kind: 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim'; name: string; optional: boolean; concept: string; node: ValueNode }

const isOptional = (n: ValueNode | undefined) => scalarString(child(n, 'optional')) === 'true';

/** The ConfigMaps, Secrets and claims one Pod volume reads (projected volumes: each source). */
export function volumeSources(volume: ValueNode, nameOf: NameOf = scalarString): VolumeSource[] {
  const out: VolumeSource[] = [];
  const add = (kind: VolumeSource['kind'], holder: ValueNode | undefined, key: string, concept: string, optional: boolean) => {
    const node = child(holder, key);
    const name = nameOf(node);
    if (name && node) out.push({ kind, name, optional, concept, node });
  };
  const configMap = child(volume, 'configMap');
  const secret = child(volume, 'secret');
  add('ConfigMap', configMap, 'name', 'configmap', isOptional(configMap));
  add('Secret', secret, 'secretName', 'secret', isOptional(secret));
  add('PersistentVolumeClaim', child(volume, 'persistentVolumeClaim'), 'claimName', 'persistent-volumes', false);
  for (const source of listItems(at(volume, 'projected', 'sources'))) {
    const cm = child(source, 'configMap');
    const s = child(source, 'secret');
    add('ConfigMap', cm, 'name', 'configmap', isOptional(cm));
    add('Secret', s, 'name', 'secret', isOptional(s));
  }
  return out;
}

export const ENV_KEY_REFS = [['configMapKeyRef', 'ConfigMap', 'configmap'], ['secretKeyRef', 'Secret', 'secret']] as const;
export const ENV_FROM_REFS = [['configMapRef', 'ConfigMap', 'configmap'], ['secretRef', 'Secret', 'secret']] as const;

/** The service account a Pod spec runs as (`serviceAccount` is the deprecated spelling). */
export function serviceAccountNode(podSpec: ValueNode | undefined): ValueNode | undefined {
  const node = child(podSpec, 'serviceAccountName') ?? child(podSpec, 'serviceAccount');
  return scalarString(node) ? node : undefined;
}

/** Ingress backends: the Service each one names, with the port node (number or name) and where it routes from. */
export function ingressBackends(ingress: K8sObject): { node: ValueNode; nameNode: ValueNode | undefined; portNode: ValueNode | undefined; route: string }[] {
  const spec = child(ingress.root, 'spec');
  const backends: { node: ValueNode; route: string }[] = [];
  const defaultBackend = child(spec, 'defaultBackend') ?? child(spec, 'backend');
  if (defaultBackend) backends.push({ node: defaultBackend, route: 'default backend' });
  for (const rule of listItems(child(spec, 'rules'))) {
    const host = scalarString(child(rule, 'host')) ?? '*';
    for (const path of listItems(at(rule, 'http', 'paths'))) {
      const backend = child(path, 'backend');
      if (backend) backends.push({ node: backend, route: `${host}${scalarString(child(path, 'path')) ?? '/'}` });
    }
  }
  return backends.map(({ node, route }) => {
    const service = child(node, 'service');
    return {
      node, route,
      nameNode: child(service, 'name') ?? child(node, 'serviceName'),
      portNode: at(service, 'port', 'number') ?? at(service, 'port', 'name') ?? child(node, 'servicePort'),
    };
  });
}

const GATEWAY_ROUTES = new Set(['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute']);

/** Every reference `object` makes by name, in document order of kinds (Pods, routes, bindings, scaling, governing). */
export function referencesOf(object: K8sObject, nameOf: NameOf = scalarString): Reference[] {
  const out: Reference[] = [];
  podReferences(object, out, nameOf);
  const spec = child(object.root, 'spec');
  if (object.kind === 'Ingress') {
    for (const backend of ingressBackends(object)) {
      const name = nameOf(backend.nameNode);
      if (!name || !backend.nameNode) continue;
      const port = scalarString(backend.portNode);
      out.push({ edge: 'routes-to', kind: 'Service', name, optional: false, detail: `${backend.route} → port ${port ?? '?'}`, node: backend.nameNode });
    }
  } else if (object.kind && GATEWAY_ROUTES.has(object.kind)) {
    for (const rule of listItems(child(spec, 'rules'))) {
      for (const ref of listItems(child(rule, 'backendRefs'))) {
        const nameNode = child(ref, 'name');
        const name = nameOf(nameNode);
        const kind = scalarString(child(ref, 'kind')) ?? 'Service';
        const group = scalarString(child(ref, 'group')) ?? '';
        if (!name || !nameNode || group !== '') continue;
        out.push({ edge: 'routes-to', kind, name, namespace: scalarString(child(ref, 'namespace')), optional: false, detail: `port ${scalarString(child(ref, 'port')) ?? '?'}`, node: nameNode });
      }
    }
  } else if (object.kind === 'RoleBinding' || object.kind === 'ClusterRoleBinding') {
    const roleRef = child(object.root, 'roleRef');
    const roleKind = scalarString(child(roleRef, 'kind'));
    const nameNode = child(roleRef, 'name');
    const roleName = nameOf(nameNode);
    // A RoleBinding's roleRef is always in its own namespace; a ClusterRole has none.
    if (roleKind && roleName && nameNode) out.push({ edge: 'binds', kind: roleKind, name: roleName, optional: false, detail: 'roleRef', node: nameNode });
    for (const subject of listItems(child(object.root, 'subjects'))) {
      const kind = scalarString(child(subject, 'kind'));
      const subjectNode = child(subject, 'name');
      const name = nameOf(subjectNode);
      // Users and groups are not API objects.
      if (kind !== 'ServiceAccount' || !name || !subjectNode) continue;
      out.push({ edge: 'binds', kind, name, namespace: scalarString(child(subject, 'namespace')), optional: false, detail: `subject of ${roleKind ?? 'role'} ${roleName ?? '?'}`, node: subjectNode });
    }
  }
  const scaleRef = child(spec, 'scaleTargetRef');
  if (scaleRef) {
    const nameNode = child(scaleRef, 'name');
    const name = nameOf(nameNode);
    // KEDA's ScaledObject targets a Deployment unless it says otherwise.
    const kind = scalarString(child(scaleRef, 'kind')) ?? (object.kind === 'ScaledObject' ? 'Deployment' : undefined);
    if (kind && name && nameNode) out.push({ edge: 'scales', kind, name, optional: false, detail: `${scalarString(child(spec, 'minReplicas')) ?? '1'}–${scalarString(child(spec, 'maxReplicas')) ?? '?'} replicas`, node: nameNode });
  }
  if (object.kind === 'StatefulSet') {
    const nameNode = child(spec, 'serviceName');
    const name = nameOf(nameNode);
    if (name && nameNode) out.push({ edge: 'governs', kind: 'Service', name, optional: false, detail: 'serviceName (stable Pod DNS names)', node: nameNode });
  }
  return out;
}

function podReferences(object: K8sObject, out: Reference[], nameOf: NameOf): void {
  const podSpec = podSpecOf(object);
  if (!podSpec) return;
  // A StatefulSet's volumeClaimTemplates replace the Pod volumes of the same name (one claim per Pod).
  const templates = new Set(object.kind === 'StatefulSet' ? listItems(at(object.root, 'spec', 'volumeClaimTemplates')).map((t) => scalarString(at(t, 'metadata', 'name'))) : []);
  for (const volume of listItems(child(podSpec, 'volumes'))) {
    const volumeName = scalarString(child(volume, 'name')) ?? '?';
    if (templates.has(volumeName)) continue;
    for (const source of volumeSources(volume, nameOf)) out.push({ edge: 'mounts', kind: source.kind, name: source.name, optional: source.optional, detail: `volume ${volumeName}`, node: source.node });
  }
  for (const c of containersOf(object)) {
    for (const env of listItems(child(c.container, 'env'))) {
      const from = child(env, 'valueFrom');
      for (const [key, kind] of ENV_KEY_REFS) {
        const ref = child(from, key);
        const nameNode = child(ref, 'name');
        const name = nameOf(nameNode);
        if (!name || !nameNode) continue;
        out.push({ edge: 'env-from', kind, name, optional: isOptional(ref), detail: `${scalarString(child(env, 'name')) ?? '?'} = key ${scalarString(child(ref, 'key')) ?? '?'} in container ${c.name}`, node: nameNode });
      }
      const value = child(env, 'value');
      const text = scalarString(value);
      const envName = scalarString(child(env, 'name')) ?? '';
      if (text && value) for (const target of serviceNamesIn(text, ADDRESS_VARIABLE.test(envName))) out.push({ edge: 'calls', kind: 'Service', ...target, optional: true, guess: true, detail: `env ${scalarString(child(env, 'name')) ?? '?'} in container ${c.name}`, node: value });
    }
    for (const source of listItems(child(c.container, 'envFrom'))) {
      for (const [key, kind] of ENV_FROM_REFS) {
        const ref = child(source, key);
        const nameNode = child(ref, 'name');
        const name = nameOf(nameNode);
        if (!name || !nameNode) continue;
        out.push({ edge: 'env-from', kind, name, optional: isOptional(ref), detail: `every key, in container ${c.name}`, node: nameNode });
      }
    }
    for (const field of ['command', 'args'] as const) {
      for (const item of listItems(child(c.container, field))) {
        const text = scalarString(item);
        if (!text) continue;
        for (const word of text.split(/[\s,;=]+/)) {
          for (const target of serviceNamesIn(word, false)) out.push({ edge: 'calls', kind: 'Service', ...target, optional: true, guess: true, detail: `${field} of container ${c.name}`, node: item });
        }
      }
    }
  }
  const account = child(podSpec, 'serviceAccountName') ?? child(podSpec, 'serviceAccount');
  const accountName = nameOf(account);
  if (account && accountName) out.push({ edge: 'runs-as', kind: 'ServiceAccount', name: accountName, optional: false, detail: 'serviceAccountName', node: account });
  for (const secret of listItems(child(podSpec, 'imagePullSecrets'))) {
    const nameNode = child(secret, 'name');
    const name = nameOf(nameNode);
    if (name && nameNode) out.push({ edge: 'mounts', kind: 'Secret', name, optional: false, detail: 'imagePullSecrets', node: nameNode });
  }
}

/** Env variables whose value is a host by their name: a bare word there (`REDIS_HOST=redis`) names a Service. */
const ADDRESS_VARIABLE = /HOST|ADDR|URL|URI|ENDPOINT|SERVICE|SERVER|UPSTREAM|BACKEND|PEER/i;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** `scheme://`, `user@`, then the host, an optional `:port`, then a path or query. */
const HOST_IN = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/\s]*@)?([a-z0-9.-]+)(?::(\d{1,5}))?(?:[/?#].*)?$/i;

/**
 * The Services a word could name by cluster DNS: `svc`, `svc:port`, `svc.ns`, `svc.ns.svc`, `svc.ns.svc.cluster.local`,
 * inside URLs too. A bare one-label word counts only where a whole value is a host (`bare`): the value of `REDIS_HOST` is
 * a host, `ENVIRONMENT=test` or a flag `--mode=web` is not one of ours unless it has a port or a scheme.
 */
export function serviceNamesIn(word: string, bare: boolean): { name: string; namespace?: string }[] {
  const match = HOST_IN.exec(word.trim());
  if (!match) return [];
  const host = match[1]!.toLowerCase().replace(/\.$/, '');
  const decorated = match[2] !== undefined || /:\/\//.test(word);
  const labels = host.split('.');
  if (labels.some((l) => !DNS_LABEL.test(l))) return [];
  if (labels.length === 1) return bare || decorated ? [{ name: labels[0]! }] : [];
  if (labels.length === 2) return /^\d+$/.test(labels[1]!) ? [] : [{ name: labels[0]!, namespace: labels[1]! }];
  const rest = labels.slice(2).join('.');
  return rest === 'svc' || rest === 'svc.cluster.local' ? [{ name: labels[0]!, namespace: labels[1]! }] : [];
}

/** Pod-spec volume of a name, for the mounts of a container. */
export function volumesByName(podSpec: MapNode): Map<string, MapNode> {
  const volumes = new Map<string, MapNode>();
  for (const v of listItems(child(podSpec, 'volumes'))) {
    const name = scalarString(child(v, 'name'));
    if (name && v.kind === 'map') volumes.set(name, v);
  }
  return volumes;
}
