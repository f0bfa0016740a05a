import { at, child } from '../model/tree';
import { defineRule } from './rule';
import { keyAnchor, objectAnchor } from './support/anchors';
import { podLabels } from './support/podTemplate';
import { anySurelyNear, podOwnersNear } from './support/scope';
import { describeSelector, isEmptySelector, labelSelectorOf, selectorMatches } from './support/selectors';

export const pdbSelectorMatchesNothing = defineRule({
  id: 'pdb-selector-matches-nothing',
  target: 'object',
  title: 'PodDisruptionBudget selects no Pods',
  severity: 'warning',
  enabledByDefault: true,
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
    const owners = podOwnersNear(context.objects, object);
    if (!anySurelyNear(owners, object)) return [];
    for (const owner of owners) {
      const labels = podLabels(owner);
      if (!labels || selectorMatches(selector, labels)) return [];
    }
    return [{
      message: `The selector (${describeSelector(selector)}) matches none of the ${owners.length} Pod template(s) in this namespace.`,
      span: keyAnchor(child(object.root, 'spec'), 'selector', objectAnchor(object)),
    }];
  },
});
