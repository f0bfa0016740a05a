import { defineRule } from './rule';
import { objectAnchor } from './support/anchors';
import { budgetsOf } from './support/autoscaling';
import { isDeploymentLike, replicasOf } from './support/workloads';

export const pdbMissing = defineRule({
  id: 'pdb-missing',
  target: 'object',
  title: 'No PodDisruptionBudget protects the replicas',
  severity: 'info',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'pod-disruption-budget',
  rationale:
    'Node drains (upgrades, autoscaler scale-down) evict Pods through the eviction API, which respects ' +
    'PodDisruptionBudgets. Without one, a drain may evict every replica of the application at the same moment.',
  remediation: 'Add a PodDisruptionBudget in the same namespace whose selector matches the Pod labels, with `maxUnavailable: 1` (or a `minAvailable` below the replica count).',
  equivalents: {
    kubeScore: ['deployment-has-poddisruptionbudget', 'statefulset-has-poddisruptionbudget'],
    polaris: ['missingPodDisruptionBudget'],
  },
  differences: 'Budgets are looked for in the same file and, in the editor and CLI, the other files of the folder. An explicit single replica is skipped, as in kube-score.',

  check(object, context) {
    if (!isDeploymentLike(object) && object.kind !== 'StatefulSet') return [];
    const replicas = replicasOf(object);
    if (replicas === 'unknown' || (typeof replicas === 'number' && replicas < 2)) return [];
    const budgets = budgetsOf(object, context);
    if (!budgets || budgets.length > 0) return [];
    return [{ message: `No PodDisruptionBudget selects the Pods of ${object.address}; a node drain may evict all of them at once.`, span: objectAnchor(object) }];
  },
});
