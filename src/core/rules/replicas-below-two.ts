import { at, type MapNode } from '../model/tree';
import { defineRule } from './rule';
import { objectAnchor } from './support/anchors';
import { autoscaling } from './support/autoscaling';
import { isDeploymentLike, replicasOf } from './support/workloads';

export const replicasBelowTwo = defineRule<{ root: MapNode }>({
  id: 'replicas-below-two',
  target: 'object',
  title: 'Deployment runs a single replica',
  severity: 'info',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'deployment',
  rationale:
    'With one replica, every node drain, eviction, crash or rollout makes the application unavailable until a new Pod ' +
    'is ready. Two or more replicas (spread over nodes) let Kubernetes replace Pods one at a time while others serve.',
  remediation: 'Set `spec.replicas` to 2 or more (and spread the Pods across nodes), or let a HorizontalPodAutoscaler with `minReplicas: 2` manage it.',
  equivalents: { kubeScore: ['deployment-replicas'], kubeLinter: ['minimum-three-replicas'], polaris: ['deploymentMissingReplicas'], datree: ['DEPLOYMENT_INCORRECT_REPLICAS_VALUE'] },
  differences:
    'kube-score asks only for Deployments a Service selects; we ask for every Deployment that is not autoscaled. ' +
    'kube-linter asks for three replicas; two already survive a single disruption. `replicas: 0` (a deliberately ' +
    'stopped workload) is accepted.',

  check(object, context) {
    if (!isDeploymentLike(object)) return [];
    const replicas = replicasOf(object);
    if (replicas === 'unknown' || (typeof replicas === 'number' && (replicas >= 2 || replicas === 0))) return [];
    if (autoscaling(object, context) !== 'no') return [];
    const node = at(object.root, 'spec', 'replicas');
    const message = replicas === 'default'
      ? `${object.address} sets no replicas, so it runs one Pod: any disruption makes it unavailable.`
      : `${object.address} runs a single replica: any disruption makes it unavailable.`;
    return [{ message, span: replicas === 'default' || !node ? objectAnchor(object) : node.span, data: { root: object.root } }];
  },

  fix(finding, context) {
    const root = finding.data?.root;
    return root ? [{ title: 'Run 2 replicas', isPreferred: true, edits: context.editor.setIn(root, ['spec', 'replicas'], 2) }] : [];
  },
});
