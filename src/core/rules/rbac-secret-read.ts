import type { K8sObject } from '../model/k8sObject';
import { defineRule } from './rule';
import { coversCoreGroup, isRole, listPhrase, namespacePhrase, policyRules, readingVerbs } from './support/rbac';

export const rbacSecretRead = defineRule({
  id: 'rbac-secret-read',
  target: 'object',
  title: 'Role can read Secrets',
  severity: 'info',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'rbac',
  rationale:
    'Whoever may get, list or watch Secrets can read the passwords, tokens and keys in them: the data is only ' +
    'base64-encoded. `list` and `watch` are the broad ones: they return every Secret in full, not just the names, ' +
    'including any long-lived ServiceAccount token kept in a Secret.',
  remediation:
    'Grant read access to Secrets only to what must read them through the API (many workloads can have a Secret ' +
    'mounted instead). Name the Secrets in `resourceNames` and keep to `get`; grant `list` and `watch` only to ' +
    'controllers that really watch Secrets, in a Role of their namespace rather than a ClusterRole.',
  equivalents: { kubeLinter: ['access-to-secrets'], regula: ['FG_R00480'] },
  differences:
    'Information, on by default: reading Secrets is often legitimate (controllers, certificate managers), so this asks ' +
    'for a review rather than calling it wrong. A rule narrowed to named Secrets with `resourceNames` is not reported. ' +
    'The finding is on the role rule that names `secrets` (a "*" resource is reported by rbac-wildcard, which says it ' +
    'includes Secrets). kube-linter reports the subject bound to such a role instead, and also counts create and delete.',

  check(object) {
    if (!isRole(object)) return [];
    return policyRules(object).flatMap((rule) => {
      const verbs = readingVerbs(rule);
      const narrowed = rule.resourceNames.items.length > 0 || rule.resourceNames.partlyUnknown;
      if (verbs.length === 0 || !coversCoreGroup(rule) || narrowed) return [];
      const all = verbs.some((v) => v.value === '*');
      const broad = all ? ['list', 'watch'] : verbs.map((v) => v.value).filter((v) => v === 'list' || v === 'watch');
      const granted = all ? 'every verb ("*")' : listPhrase(verbs.map((v) => v.value));
      const consequence = broad.length > 0
        ? `${listPhrase(broad)} return${broad.length === 1 ? 's' : ''} every Secret with its data, not only the names`
        : 'that reveals any Secret whose name is known';
      return rule.resources.items.filter((i) => i.value === 'secrets').map((i) => ({
        message: `${object.address} grants ${granted} on Secrets ${scopeOf(object)}: ${consequence}.`,
        span: i.node.span,
      }));
    });
  },
});

function scopeOf(object: K8sObject): string {
  return object.kind === 'ClusterRole' ? 'wherever it is bound (in every namespace through a ClusterRoleBinding)' : namespacePhrase(object);
}
