import { defineRule, type FindingDraft } from './rule';
import { coversCoreGroup, grantsSomething, groupsPhrase, has, isRole, listPhrase, namesPhrase, policyRules, readingVerbs, targetsPhrase, verbsPhrase, type PolicyRule } from './support/rbac';

export const rbacWildcard = defineRule({
  id: 'rbac-wildcard',
  target: 'object',
  title: 'Role grants a wildcard ("*")',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'rbac',
  rationale:
    'A "*" in a rule\'s verbs, resources or API groups is not a list of what its subjects need today: it matches ' +
    'everything, including what the cluster gains later. New CRDs and subresources, and special verbs such as ' +
    'escalate, bind and impersonate, are granted without anyone deciding to grant them, and every resource of the core ' +
    'group includes Secrets.',
  remediation:
    'Replace the "*" with the verbs, resources and API groups the subjects actually use (`kubectl auth can-i --list ' +
    '--as=...` and the API server audit log show what is used). Keep the wildcard only in roles meant to be all-powerful, ' +
    'and suppress the finding there with a reason.',
  equivalents: { kubeLinter: ['wildcard-in-rules'], checkov: ['CKV_K8S_49'], regula: ['FG_R00481'] },
  differences:
    'Every rule of a role is checked, and each "*" is reported where it is written, so a rule with three wildcards has ' +
    'three findings. Resource entries of the form `*/scale` (one ' +
    'subresource of every resource) count as wildcards. An aggregated ClusterRole is not checked: its own rules are ' +
    'replaced by those of the roles it aggregates, which are checked themselves. No quick fix: the right list needs a ' +
    'human.',

  check(object) {
    if (!isRole(object)) return [];
    return policyRules(object).filter(grantsSomething).flatMap((rule) => [
      ...rule.verbs.items.filter((i) => i.value === '*').map((i): FindingDraft => ({
        message: `${object.address} grants every verb ("*") on ${targetsPhrase(rule)}${groupsPhrase(rule)}${alsoGranted(specialVerbs(rule))}.`,
        span: i.node.span,
      })),
      ...rule.resources.items.filter((i) => i.value === '*').map((i): FindingDraft => ({
        message: `${object.address} grants ${verbsPhrase(rule)} on every resource ("*")${namesPhrase(rule)}${groupsPhrase(rule)}, including ${readsSecrets(rule) ? 'Secrets and ' : ''}resources added later.`,
        span: i.node.span,
      })),
      ...rule.resources.items.filter((i) => /^\*\/./.test(i.value)).map((i): FindingDraft => ({
        message: `${object.address} grants ${verbsPhrase(rule)} on the ${i.value.slice(2)} subresource of every resource ("${i.value}")${namesPhrase(rule)}${groupsPhrase(rule)}, including resources added later.`,
        span: i.node.span,
      })),
      ...rule.apiGroups.items.filter((i) => i.value === '*').map((i): FindingDraft => ({
        message: has(rule.resources, '*')
          ? `${object.address} grants ${verbsPhrase(rule)} on ${targetsPhrase(rule)} in every API group ("*"), including groups added later.`
          : `${object.address} grants ${verbsPhrase(rule)} on ${targetsPhrase(rule)} in every API group ("*"), so also on same-named resources of other groups, including groups added later.`,
        span: i.node.span,
      })),
    ]);
  },
});

/** Verbs beyond reading and writing that "*" also grants on the resources of this rule. */
function specialVerbs(rule: PolicyRule): string[] {
  const resources = rule.resources.items.map((i) => i.value);
  const everything = resources.includes('*');
  const rbacGroup = has(rule.apiGroups, 'rbac.authorization.k8s.io') || has(rule.apiGroups, '*');
  const verbs: string[] = [];
  if (rbacGroup && (everything || resources.includes('roles') || resources.includes('clusterroles'))) verbs.push('escalate', 'bind');
  if (coversCoreGroup(rule) && (everything || ['users', 'groups', 'serviceaccounts'].some((r) => resources.includes(r)))) verbs.push('impersonate');
  return verbs;
}

const alsoGranted = (special: string[]) => special.length > 0 ? `: ${listPhrase(special)} too, and any verb added later` : ', including any verb added later';

/** Whether "every resource" here includes reading Secrets (the core group, a reading verb). */
const readsSecrets = (rule: PolicyRule) => coversCoreGroup(rule) && readingVerbs(rule).length > 0;
