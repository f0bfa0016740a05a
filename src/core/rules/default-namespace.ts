import { at, scalarString } from '../model/tree';
import { defineRule } from './rule';
import { keyAnchor, objectAnchor } from './support/anchors';

/** Built-in kinds that live in a namespace (custom resources are left alone: their scope is not known here). */
const NAMESPACED = new Set([
  'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Service',
  'Ingress', 'ConfigMap', 'Secret', 'ServiceAccount', 'Role', 'RoleBinding', 'PersistentVolumeClaim',
  'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'NetworkPolicy', 'LimitRange', 'ResourceQuota', 'PodTemplate',
]);

export const defaultNamespace = defineRule({
  id: 'default-namespace',
  target: 'object',
  title: 'Object goes to the default namespace',
  severity: 'info',
  enabledByDefault: false,
  reports: 'absence',
  concept: 'kubernetes-namespace',
  rationale:
    'Namespaces are where quotas, RBAC, NetworkPolicies and Pod Security levels apply. Objects in `default` share it ' +
    'with everything else nobody placed, so they get no tailored policies and are easy to delete or overwrite by accident. ' +
    'A manifest without a namespace lands wherever the current kubectl context points, often `default`.',
  remediation: 'Set `metadata.namespace` to the application\'s namespace, or set it in one place with Kustomize (`namespace:`) or `helm --namespace`.',
  equivalents: { kubeLinter: ['use-namespace'], checkov: ['CKV_K8S_21'], datree: ['WORKLOAD_INCORRECT_NAMESPACE_VALUE_DEFAULT'], regula: ['FG_R00497'] },
  differences: 'Off by default: many repositories leave the namespace to Kustomize, Helm or Argo CD on purpose.',

  check(object) {
    if (!NAMESPACED.has(object.kind ?? '')) return [];
    const node = at(object.root, 'metadata', 'namespace');
    if (node?.kind === 'unknown') return [];
    const namespace = scalarString(node);
    if (namespace !== undefined && namespace !== 'default') return [];
    if (namespace === 'default' && node) return [{ message: `${object.address} is placed in the default namespace.`, span: node.span }];
    return [{ message: `${object.address} names no namespace, so it goes wherever the current context points (often "default").`, span: keyAnchor(at(object.root, 'metadata'), 'name', objectAnchor(object)) }];
  },
});
