import { child, type ValueNode } from '../model/tree';
import { defineRule } from './rule';
import { autoscalersOf } from './support/autoscaling';
import { field } from './support/values';

export const replicasSetWithHpa = defineRule<{ spec: ValueNode | undefined }>({
  id: 'replicas-set-with-hpa',
  target: 'object',
  title: 'Autoscaled workload also sets replicas',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'horizontal-pod-autoscaler',
  rationale:
    'When a HorizontalPodAutoscaler manages a workload, `spec.replicas` belongs to it. Applying a manifest that also ' +
    'sets replicas resets the count to that number on every deploy, so a scaled-up application is suddenly scaled ' +
    'down under load until the autoscaler reacts again.',
  remediation: 'Remove `spec.replicas` from the manifest and let the autoscaler\'s `minReplicas` and `maxReplicas` decide.',
  equivalents: { kubeScore: ['deployment-targeted-by-hpa-does-not-have-replicas-configured'] },

  check(object, context) {
    if (object.kind !== 'Deployment' && object.kind !== 'StatefulSet') return [];
    const replicas = field(object.root, 'spec', 'replicas');
    if (replicas.state !== 'present') return [];
    const hpas = autoscalersOf(object, context);
    if (hpas.length === 0) return [];
    return [{
      message: `${hpas[0]!.address} scales ${object.address}, but the manifest also sets replicas; every apply resets the count.`,
      span: replicas.node.span,
      data: { spec: child(object.root, 'spec') },
    }];
  },

  fix(finding, context) {
    const spec = finding.data?.spec;
    return spec?.kind === 'map' ? [{ title: 'Remove spec.replicas (the autoscaler owns it)', isPreferred: true, edits: context.editor.deleteKey(spec, 'replicas') }] : [];
  },
});
