import { child } from '../model/tree';
import { defineRule } from './rule';
import { keyAnchor, objectAnchor } from './support/anchors';
import { policyCoverage } from './support/networkPolicies';
import { podOwnerCountNear, podOwnerSurelyNear, podOwnersMatching } from './support/crossObject';
import { describeSelector, isEmptySelector } from './support/selectors';

export const networkPolicySelectsNothing = defineRule({
  id: 'network-policy-selects-nothing',
  target: 'object',
  title: 'NetworkPolicy selects no Pods',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'network-policy',
  rationale:
    'A NetworkPolicy only protects the Pods its `podSelector` matches. A selector that matches none of the Pods defined ' +
    'next to it usually means a label was renamed on one side, and the Pods it was written for are left open.',
  remediation: 'Make `spec.podSelector` match the labels of the Pod template it is meant for.',
  equivalents: { kubeScore: ['networkpolicy-targets-pod'], kubeLinter: ['dangling-networkpolicy'] },
  differences: 'Only judged when the file (or folder) defines Pods in the same namespace; otherwise the Pods live elsewhere and nothing can be said.',

  check(object, context) {
    if (object.kind !== 'NetworkPolicy') return [];
    const coverage = policyCoverage(object);
    if (!coverage || isEmptySelector(coverage.selector)) return [];
    if (!podOwnerSurelyNear(context, object)) return [];
    for (const _ of podOwnersMatching(context, coverage.selector, object)) return [];
    return [{
      message: `The podSelector (${describeSelector(coverage.selector)}) matches none of the ${podOwnerCountNear(context, object)} Pod template(s) in this namespace.`,
      span: keyAnchor(child(object.root, 'spec'), 'podSelector', objectAnchor(object)),
    }];
  },
});
