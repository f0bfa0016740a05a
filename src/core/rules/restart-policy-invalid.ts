import { podSpecOf } from '../model/podSpecs';
import { scalarString, type MapNode } from '../model/tree';
import { defineRule, type Fix } from './rule';
import { podSpecAnchor } from './support/anchors';
import { field } from './support/values';
import { isBatch } from './support/workloads';

/** Controllers whose Pods must run forever: only `Always` is accepted in their templates. */
const ALWAYS_ONLY = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'DeploymentConfig', 'Rollout']);

export const restartPolicyInvalid = defineRule<{ podSpec: MapNode; batch: boolean }>({
  id: 'restart-policy-invalid',
  target: 'object',
  title: 'restartPolicy is not allowed for this kind of workload',
  severity: 'error',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'restart-policy',
  rationale:
    'Pods of a Job must end, so their `restartPolicy` has to be `OnFailure` (retry in the same Pod) or `Never` (a new ' +
    'Pod per retry); the default `Always` is rejected for Jobs and CronJobs. Deployments, StatefulSets, DaemonSets and ' +
    'ReplicaSets are the opposite: their Pods must keep running, and only `Always` is accepted.',
  remediation: 'In Jobs and CronJobs set `restartPolicy: OnFailure` or `Never`; in other workloads remove `restartPolicy` (or set `Always`).',
  equivalents: { kubeScore: ['cronjob-has-restartpolicy'] },
  differences:
    "kube-linter's `restart-policy` check is a style preference (Always or OnFailure for every workload) and accepts " +
    'values the API server rejects, such as Always in a Job; this rule follows the API\'s own validation instead.',

  check(object) {
    const podSpec = podSpecOf(object);
    if (!podSpec) return [];
    const policy = field(podSpec, 'restartPolicy');
    if (policy.state === 'unknown') return [];
    const value = policy.state === 'present' ? scalarString(policy.node) : undefined;
    if (isBatch(object)) {
      if (value === 'OnFailure' || value === 'Never' || (policy.state === 'present' && value === undefined)) return [];
      if (policy.state === 'present') return [{ message: `restartPolicy ${value} is not allowed in a ${object.kind}; use OnFailure or Never.`, span: policy.node.span, data: { podSpec, batch: true } }];
      return [{ message: `The Pod template of ${object.address} sets no restartPolicy; the default (Always) is not allowed for ${object.kind}s.`, span: podSpecAnchor(object), data: { podSpec, batch: true } }];
    }
    if (ALWAYS_ONLY.has(object.kind ?? '') && policy.state === 'present' && value !== undefined && value !== 'Always') {
      return [{ message: `restartPolicy ${value} is not allowed in a ${object.kind}; its Pods must always be restarted.`, span: policy.node.span, data: { podSpec, batch: false } }];
    }
    return [];
  },

  fix(finding, context) {
    const podSpec = finding.data?.podSpec;
    if (!podSpec) return [];
    if (finding.data?.batch !== true) return [{ title: 'Remove restartPolicy (Always is the default)', isPreferred: true, edits: context.editor.deleteKey(podSpec, 'restartPolicy') }];
    const fixes: Fix[] = [
      { title: 'Set restartPolicy: OnFailure (retry in the same Pod)', isPreferred: true, edits: context.editor.setIn(podSpec, ['restartPolicy'], 'OnFailure') },
      { title: 'Set restartPolicy: Never (a new Pod per retry)', isPreferred: false, edits: context.editor.setIn(podSpec, ['restartPolicy'], 'Never') },
    ];
    return fixes;
  },
});
