import type { K8sObject } from '../model/k8sObject';
import { at, child, listItems, scalarString, type ValueNode } from '../model/tree';
import { gatewayRefsOf, isGatewayApi, isRoute, listenersOf, serviceBackendRefsOf } from '../rules/support/gatewayApi';
import { describeKind } from '../schema/describeField';
import { formatLabels, stringMap, type PodTemplate } from './manifestModel';
import { truncateAtWord } from '../text/lines';

/** One sentence, in our words, on what an object does; the API's description of its kind for anything else. */
export function objectSummary(object: K8sObject, template: PodTemplate | undefined): string {
  const spec = child(object.root, 'spec');
  const containers = template ? containerList(template) : '';
  switch (object.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'ReplicationController':
    case 'DeploymentConfig':
    case 'Rollout': {
      if (!template && (object.kind === 'DeploymentConfig' || object.kind === 'Rollout')) break; // another group's kind of that name
      const replicas = scalarString(child(spec, 'replicas')) ?? '1';
      const stateful = object.kind === 'StatefulSet' ? ', each with a stable name and its own storage' : '';
      return `Keeps ${replicas} Pod${replicas === '1' ? '' : 's'} running${stateful}: ${containers}${labelsNote(template)}.`;
    }
    case 'DaemonSet': return `Runs one Pod on every eligible node: ${containers}${labelsNote(template)}.`;
    case 'Job': {
      const completions = scalarString(child(spec, 'completions')) ?? '1';
      return `${completions === '1' ? 'Runs a Pod to completion (retrying on failure)' : `Runs Pods until ${completions} have completed`}: ${containers}.`;
    }
    case 'CronJob': return `Starts a Job on the schedule "${scalarString(child(spec, 'schedule')) ?? '?'}"${scalarString(child(spec, 'timeZone')) ? ` (${scalarString(child(spec, 'timeZone'))})` : ''}: ${containers}.`;
    case 'Pod': return `A single Pod, not recreated if it dies or its node fails: ${containers}.`;
    case 'Service': return serviceSummary(spec);
    case 'Ingress': {
      const routes = listItems(child(spec, 'rules')).flatMap((r) => listItems(at(r, 'http', 'paths')).map((p) => `${scalarString(child(r, 'host')) ?? '*'}${scalarString(child(p, 'path')) ?? '/'}`));
      const className = scalarString(child(spec, 'ingressClassName'));
      return `Routes HTTP${child(spec, 'tls') ? '(S)' : ''} requests for ${routes.join(', ') || 'its default backend'} to Services${className ? `, handled by the "${className}" ingress class` : ''}.`;
    }
    case 'ConfigMap': return `Configuration data with key${keys(object).length === 1 ? '' : 's'} ${keys(object).join(', ') || '(none)'}, for Pods to read as files or environment variables.`;
    case 'Secret': return `${scalarString(child(object.root, 'type')) ?? 'Opaque'} Secret with key${keys(object).length === 1 ? '' : 's'} ${keys(object).join(', ') || '(none)'} (base64-encoded, not encrypted, in the manifest).`;
    case 'PersistentVolumeClaim': return `Claims ${scalarString(at(spec, 'resources', 'requests', 'storage')) ?? 'some'} of storage (${listItems(child(spec, 'accessModes')).map(scalarString).join(', ') || 'default access'})${scalarString(child(spec, 'storageClassName')) ? ` from storage class "${scalarString(child(spec, 'storageClassName'))}"` : ''}.`;
    case 'ServiceAccount': return 'An identity for Pods to use when they call the Kubernetes API.';
    case 'Namespace': return 'A namespace: a scope for names, quotas, policies and access rules.';
    case 'Role':
    case 'ClusterRole': return `${object.kind === 'Role' ? 'Permissions within its namespace' : 'Cluster-wide permissions'}: ${listItems(child(object.root, 'rules')).length} rule(s) on ${ruleResources(object.root) || 'no resources'}.`;
    case 'RoleBinding':
    case 'ClusterRoleBinding': return `Grants ${scalarString(at(object.root, 'roleRef', 'kind')) ?? 'a role'} ${scalarString(at(object.root, 'roleRef', 'name')) ?? '?'} to ${listItems(child(object.root, 'subjects')).map((s) => `${scalarString(child(s, 'kind'))} ${scalarString(child(s, 'name'))}`).join(', ') || 'nobody'}.`;
    case 'HorizontalPodAutoscaler': return `Scales ${scalarString(at(spec, 'scaleTargetRef', 'kind')) ?? '?'} ${scalarString(at(spec, 'scaleTargetRef', 'name')) ?? '?'} between ${scalarString(child(spec, 'minReplicas')) ?? '1'} and ${scalarString(child(spec, 'maxReplicas')) ?? '?'} replicas from its metrics.`;
    case 'PodDisruptionBudget': return `Limits voluntary disruptions (drains, upgrades) of the Pods it selects: ${scalarString(child(spec, 'minAvailable')) ? `at least ${scalarString(child(spec, 'minAvailable'))} available` : `at most ${scalarString(child(spec, 'maxUnavailable')) ?? '?'} unavailable`}.`;
    case 'Gateway': {
      if (!isGatewayApi(object, 'Gateway')) break;
      const listeners = listenersOf(object).map(({ name, node }) => `${name} (${scalarString(child(node, 'protocol')) ?? '?'} ${scalarString(child(node, 'port')) ?? '?'}${scalarString(child(node, 'hostname')) ? ` ${scalarString(child(node, 'hostname'))}` : ''})`);
      return `An entry point of the "${scalarString(child(spec, 'gatewayClassName')) ?? '?'}" GatewayClass accepting traffic on ${listeners.join(', ') || 'no listener'}; routes attach to it.`;
    }
    case 'HTTPRoute':
    case 'GRPCRoute': {
      if (!isRoute(object)) break;
      const hosts = listItems(child(spec, 'hostnames')).map(scalarString).filter(Boolean).join(', ');
      return `Sends ${object.kind === 'GRPCRoute' ? 'gRPC calls' : 'HTTP requests'} for ${hosts || 'any host'} arriving at ${gatewayRefsOf(object).map((r) => r.name).join(', ') || 'no Gateway'} to ${serviceBackendRefsOf(object).map((r) => r.name).filter((n, i, all) => all.indexOf(n) === i).join(', ') || 'no Service'}.`;
    }
    case 'NetworkPolicy': return `Restricts ${listItems(child(spec, 'policyTypes')).map(scalarString).join(' and ') || 'ingress'} traffic of the Pods it selects to what its rules allow.`;
  }
  return kindDescription(object);
}

function containerList(template: PodTemplate): string {
  const list = template.containers.filter((c) => c.list === 'containers').map((c) => `${c.name} (${scalarString(child(c.container, 'image')) ?? 'no image'})`);
  const init = template.containers.filter((c) => c.list === 'initContainers').length;
  return `container${list.length === 1 ? '' : 's'} ${list.join(', ') || 'none'}${init ? `, after ${init} init container${init === 1 ? '' : 's'}` : ''}`;
}

function labelsNote(template: PodTemplate | undefined): string {
  return template && Object.keys(template.labels).length ? `, labelled ${formatLabels(template.labels)}` : '';
}

function serviceSummary(spec: ValueNode | undefined): string {
  const type = scalarString(child(spec, 'type')) ?? 'ClusterIP';
  const ports = listItems(child(spec, 'ports')).map((p) => `${scalarString(child(p, 'port')) ?? '?'}→${scalarString(child(p, 'targetPort')) ?? scalarString(child(p, 'port')) ?? '?'}`).join(', ');
  if (type === 'ExternalName') return `A DNS alias (CNAME) for ${scalarString(child(spec, 'externalName')) ?? '?'}; no proxying.`;
  const headless = scalarString(child(spec, 'clusterIP')) === 'None';
  const reach = headless ? 'A headless Service: DNS returns the Pod addresses themselves'
    : type === 'NodePort' ? 'Exposes Pods on a port of every node and on a cluster IP'
      : type === 'LoadBalancer' ? 'Exposes Pods through an external load balancer, on top of node ports and a cluster IP'
        : 'Gives Pods one stable cluster-internal IP and DNS name';
  const selector = formatLabels(stringMap(child(spec, 'selector')));
  return `${reach}${ports ? ` (ports ${ports})` : ''}${selector ? `, for Pods labelled ${selector}` : ''}.`;
}

function keys(object: K8sObject): string[] {
  return ['data', 'binaryData', 'stringData'].flatMap((f) => { const n = child(object.root, f); return n?.kind === 'map' ? n.entries.map((e) => e.key) : []; });
}

function ruleResources(root: ValueNode): string {
  const resources = new Set(listItems(child(root, 'rules')).flatMap((r) => listItems(child(r, 'resources')).map(scalarString).filter((x): x is string => !!x)));
  const list = [...resources];
  return list.length > 6 ? `${list.slice(0, 6).join(', ')} and ${list.length - 6} more` : list.join(', ');
}

function kindDescription(object: K8sObject): string {
  const doc = object.apiVersion && object.kind ? describeKind(object.apiVersion, object.kind) : undefined;
  if (!doc?.description) return object.kind ? `A ${object.kind} (${object.apiVersion ?? 'no apiVersion'}); no description is available for this kind.` : 'An object without a kind.';
  const first = /^(.+?\.)(\s|$)/s.exec(doc.description.replace(/\s+/g, ' '))?.[1] ?? doc.description;
  return truncateAtWord(first, 300);
}
