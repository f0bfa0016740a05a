import { at, scalarString, type ScalarNode } from '../model/tree';
import { defineRule, type FindingDraft } from './rule';
import { autoscaling } from './support/autoscaling';
import { podOwnersMatching, sharedAnswer } from './support/crossObject';
import { labelSelectorOf } from './support/selectors';
import { integerOf } from './support/values';
import { REPLICATED_KINDS, replicasOf } from './support/workloads';

export const pdbBlocksEviction = defineRule<BlockingBudget>({
  id: 'pdb-blocks-eviction',
  target: 'object',
  title: 'PodDisruptionBudget allows no voluntary disruption',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'presence',
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
    // The workloads a selector could block, with their replica counts: the same for every budget with this selector
    // in this namespace (a budget selects no budget, so which one asks first does not matter).
    const question = `pdb-blocks-eviction ${object.namespace ?? '(any namespace)'} ${JSON.stringify(selector)}`;
    const workloads = sharedAnswer(context, question, () => {
      const found: { address: string; count: number }[] = [];
      for (const owner of podOwnersMatching(context, selector, object)) {
        // Autoscaled workloads change their replica count, so the written one says nothing.
        if (!REPLICATED_KINDS.has(owner.kind ?? '') || autoscaling(owner, context) !== 'no') continue;
        const replicas = replicasOf(owner);
        const count = replicas === 'default' ? 1 : replicas;
        if (typeof count === 'number' && count > 0) found.push({ address: owner.address, count });
      }
      return found;
    });
    const blocked = workloads.filter((w) => w.count <= minimum);
    // One finding per budget, however many workloads it blocks: a finding per workload made n budgets over n
    // workloads report n² times the same line.
    const [only, ...more] = blocked;
    if (only && more.length === 0) {
      findings.push({ message: `minAvailable is ${minimum} but ${only.address} runs ${only.count} replica(s): no Pod of it can be evicted.`, span: minAvailable.span });
    } else if (only) {
      const named = blocked.slice(0, 3).map((b) => `${b.address} (${b.count})`).join(', ') + (blocked.length > 3 ? `, and ${blocked.length - 3} more` : '');
      findings.push({ message: `minAvailable is ${minimum} but the ${blocked.length} workloads it selects run at most that many replicas: ${named}; no Pod of them can be evicted.`, span: minAvailable.span });
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
