import { at, type MapNode } from '../model/tree';
import { defineRule } from './rule';
import { objectAnchor } from './support/anchors';
import { field, integerOf } from './support/values';

export const hpaMinReplicasBelowTwo = defineRule<{ root: MapNode }>({
  id: 'hpa-min-replicas-below-two',
  target: 'object',
  title: 'HorizontalPodAutoscaler may scale down to one replica',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'horizontal-pod-autoscaler',
  rationale:
    'An autoscaler scales down to `minReplicas` when load is low (1 when the field is left out). At one replica the ' +
    'application has no redundancy: a node drain or crash makes it unavailable, exactly when nobody is watching.',
  remediation: 'Set `spec.minReplicas` to 2 or more.',
  equivalents: { kubeScore: ['horizontalpodautoscaler-replicas'], kubeLinter: ['hpa-minimum-three-replicas'], polaris: ['hpaMinAvailability'], datree: ['HPA_MISSING_MINREPLICAS_KEY'] },
  differences: 'kube-linter asks for three; two already gives redundancy during a single disruption.',

  check(object) {
    if (object.kind !== 'HorizontalPodAutoscaler') return [];
    const min = field(object.root, 'spec', 'minReplicas');
    if (min.state === 'unknown') return [];
    const value = min.state === 'present' ? integerOf(min.node) : 1;
    if (value === undefined || value >= 2) return [];
    return [{
      message: min.state === 'present' ? `minReplicas is ${value}: at low load the application runs without redundancy.` : 'minReplicas is not set, so the autoscaler may go down to 1 replica.',
      span: min.state === 'present' ? min.node.span : objectAnchor(object),
      data: { root: object.root },
    }];
  },

  fix(finding, context) {
    const root = finding.data?.root;
    const max = integerOf(at(root, 'spec', 'maxReplicas'));
    if (!root || max === undefined || max < 2) return [];
    return [{ title: 'Set minReplicas: 2', isPreferred: true, edits: context.editor.setIn(root, ['spec', 'minReplicas'], 2) }];
  },
});
