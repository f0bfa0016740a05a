import { at, scalarString, type ScalarNode } from '../model/tree';
import { defineRule, type FindingDraft } from './rule';
import { autoscaling } from './support/autoscaling';
import { podLabels } from './support/podTemplate';
import { podOwnersNear } from './support/scope';
import { labelSelectorOf, selectorMatches } from './support/selectors';
import { integerOf } from './support/values';
import { REPLICATED_KINDS, replicasOf } from './support/workloads';

export const pdbBlocksEviction = defineRule<BlockingBudget>({
  id: 'pdb-blocks-eviction',
  target: 'object',
  title: 'PodDisruptionBudget allows no voluntary disruption',
  severity: 'warning',
  enabledByDefault: true,
  concept: 'pod-disruption-budget',
  rationale:
    'A budget of `maxUnavailable: 0`, `minAvailable: 100%`, or a `minAvailable` at least equal to the replica count can ' +
    'never be satisfied by evicting a Pod. Node drains then hang until someone intervenes, which blocks cluster ' +
    'upgrades and autoscaler scale-down.',
  remediation: 'Allow at least one Pod to be disrupted: `maxUnavailable: 1`, or a `minAvailable` lower than the number of replicas.',
  equivalents: { kubeLinter: ['pdb-max-unavailable', 'pdb-min-available'], polaris: ['pdbDisruptionsIsZero'] },

  check(object, context) {
    if (object.kind !== 'PodDisruptionBudget') return [];
    const findings: FindingDraft<BlockingBudget>[] = [];
    const maxUnavailable = at(object.root, 'spec', 'maxUnavailable');
    if (maxUnavailable?.kind === 'scalar' && ['0', '0%'].includes(String(maxUnavailable.value))) {
      findings.push({ message: 'maxUnavailable is 0: no Pod may ever be evicted, so node drains wait forever.', span: maxUnavailable.span, data: { node: maxUnavailable } });
    }
    const minAvailable = at(object.root, 'spec', 'minAvailable');
    if (minAvailable?.kind !== 'scalar') return findings;
    if (scalarString(minAvailable) === '100%') {
      findings.push({ message: 'minAvailable is 100%: no Pod may ever be evicted, so node drains wait forever.', span: minAvailable.span });
      return findings;
    }
    const minimum = integerOf(minAvailable);
    const selector = labelSelectorOf(at(object.root, 'spec', 'selector'));
    if (minimum === undefined || !selector) return findings;
    for (const owner of podOwnersNear(context.objects, object)) {
      // Autoscaled workloads change their replica count, so the written one says nothing.
      if (!REPLICATED_KINDS.has(owner.kind ?? '') || autoscaling(owner, context.objects) !== 'no') continue;
      const labels = podLabels(owner);
      const replicas = replicasOf(owner);
      if (!labels || !selectorMatches(selector, labels)) continue;
      const count = replicas === 'default' ? 1 : replicas;
      if (typeof count === 'number' && count > 0 && count <= minimum) {
        findings.push({ message: `minAvailable is ${minimum} but ${owner.address} runs ${count} replica(s): no Pod of it can be evicted.`, span: minAvailable.span });
      }
    }
    return findings;
  },

  fix(finding, context) {
    const node = finding.data?.node;
    return node ? [{ title: 'Allow one Pod at a time to be disrupted (maxUnavailable: 1)', isPreferred: true, edits: context.editor.setScalar(node, 1) }] : [];
  },
});

/** The written budget value the fix changes. */
type BlockingBudget = { node: ScalarNode };
