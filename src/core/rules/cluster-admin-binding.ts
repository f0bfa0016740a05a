import type { K8sObject } from '../model/k8sObject';
import { at, child, listItems, scalarString } from '../model/tree';
import { defineRule } from './rule';
import { isBinding, namespacePhrase, subjectsPhrase } from './support/rbac';

export const clusterAdminBinding = defineRule({
  id: 'cluster-admin-binding',
  target: 'object',
  title: 'Binding grants cluster-admin',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'rbac',
  rationale:
    '`cluster-admin` allows every verb on every resource. Bound with a ClusterRoleBinding it controls the whole cluster: ' +
    'every Secret, every workload, RBAC itself. Bound with a RoleBinding it still controls everything in that namespace, ' +
    'the Namespace object included. A leaked token of a subject bound to it is a full compromise.',
  remediation:
    'Bind a role that lists what the subject needs: the built-in `admin`, `edit` or `view` through a RoleBinding in one ' +
    'namespace, or a Role of your own. Keep cluster-admin for a few break-glass identities and suppress the finding there ' +
    'with a reason.',
  equivalents: {
    kubeLinter: ['cluster-admin-role-binding'],
    polaris: ['clusterrolebindingClusterAdmin', 'rolebindingClusterAdminClusterRole'],
    regula: ['FG_R00479'],
  },
  differences:
    'On by default (kube-linter\'s check is off by default). Both ClusterRoleBindings and RoleBindings are reported. ' +
    'Bindings whose name starts with `system:` are the cluster\'s own, and one whose only subject is the group ' +
    '`system:masters` (as in the cluster\'s default `cluster-admin` binding) adds nothing, since that group passes every ' +
    'authorization check anyway: neither is reported. Polaris also reports bindings to other roles that hold wildcards; ' +
    'here rbac-wildcard reports such a role itself.',

  check(object) {
    if (!isBinding(object)) return [];
    if (scalarString(at(object.root, 'metadata', 'name'))?.startsWith('system:') || onlySystemMasters(object)) return [];
    const roleRef = child(object.root, 'roleRef');
    const name = child(roleRef, 'name');
    if (scalarString(child(roleRef, 'kind')) !== 'ClusterRole' || scalarString(name) !== 'cluster-admin' || !name) return [];
    const reach = object.kind === 'ClusterRoleBinding'
      ? 'every verb on every resource, in every namespace and cluster-wide'
      : `every verb on every resource ${namespacePhrase(object)}, the Namespace itself included`;
    return [{ message: `${object.address} gives ${subjectsPhrase(object)} cluster-admin: ${reach}.`, span: name.span }];
  },
});

/** The API server lets the `system:masters` group do anything before RBAC is asked, so binding it changes nothing. */
function onlySystemMasters(binding: K8sObject): boolean {
  const subjects = listItems(child(binding.root, 'subjects'));
  return subjects.length > 0 && subjects.every((s) => scalarString(child(s, 'kind')) === 'Group' && scalarString(child(s, 'name')) === 'system:masters');
}
