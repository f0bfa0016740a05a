import { at, child } from '../model/tree';
import { defineRule } from './rule';
import { keyAnchor, objectAnchor } from './support/anchors';
import { podOwnerCountNear, podOwnerSurelyNear, podOwnersMatching } from './support/crossObject';
import { describeSelector, isEmptySelector, labelSelectorOf } from './support/selectors';

export const pdbSelectorMatchesNothing = defineRule({
  id: 'pdb-selector-matches-nothing',
  target: 'object',
  title: 'PodDisruptionBudget selects no Pods',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'pod-disruption-budget',
  rationale:
    'A PodDisruptionBudget protects only the Pods its selector matches. When it matches none of the Pod templates next ' +
    'to it, drains are not limited at all for the application it was written for.',
  remediation: 'Make `spec.selector` match the Pod template labels of the workload it protects.',
  equivalents: { kubeScore: ['deployment-has-poddisruptionbudget'] },
  differences: 'Judged only when Pods of the same namespace are defined in the file or folder.',

  check(object, context) {
    if (object.kind !== 'PodDisruptionBudget') return [];
    const selector = labelSelectorOf(at(object.root, 'spec', 'selector'));
    if (!selector || isEmptySelector(selector)) return [];
    if (!podOwnerSurelyNear(context, object)) return [];
    for (const _ of podOwnersMatching(context, selector, object)) return [];
    return [{
      message: `The selector (${describeSelector(selector)}) matches none of the ${podOwnerCountNear(context, object)} Pod template(s) in this namespace.`,
      span: keyAnchor(child(object.root, 'spec'), 'selector', objectAnchor(object)),
    }];
  },
});
