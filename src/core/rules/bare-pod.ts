import { child } from '../model/tree';
import { defineRule } from './rule';
import { objectAnchor } from './support/anchors';

export const barePod = defineRule({
  id: 'bare-pod',
  target: 'object',
  title: 'Pod is not managed by a controller',
  severity: 'info',
  enabledByDefault: false,
  reports: 'absence',
  concept: 'bare-pod',
  rationale:
    'A Pod created directly is not recreated when its node fails, is drained or the Pod is evicted, and it cannot be ' +
    'updated by a rollout. Deployments, StatefulSets, DaemonSets and Jobs create and replace Pods for you.',
  remediation: 'Wrap the Pod spec in a Deployment (or a Job for run-to-completion work) and apply that instead.',
  equivalents: { datree: ['K8S_INCORRECT_KIND_VALUE_POD'] },
  differences: 'Off by default: bare Pods are fine for experiments and debugging.',

  check(object) {
    if (object.kind !== 'Pod') return [];
    const kind = child(object.root, 'kind');
    return [{ message: `${object.address} is a bare Pod: nothing recreates it when its node fails or it is evicted.`, span: kind?.span ?? objectAnchor(object) }];
  },
});
