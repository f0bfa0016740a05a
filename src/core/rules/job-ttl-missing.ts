import { child, type MapNode } from '../model/tree';
import { defineRule } from './rule';
import { objectAnchor } from './support/anchors';
import { field } from './support/values';

export const jobTtlMissing = defineRule<{ spec: MapNode }>({
  id: 'job-ttl-missing',
  target: 'object',
  title: 'Finished Job is never cleaned up',
  severity: 'info',
  enabledByDefault: false,
  reports: 'absence',
  concept: 'job',
  rationale:
    'A Job and its Pods stay in the cluster after they finish unless `ttlSecondsAfterFinished` is set. Over time ' +
    'finished Jobs pile up, clutter listings and keep their Pods\' logs and objects in etcd. (CronJobs clean up through ' +
    'their history limits instead.)',
  remediation: 'Set `spec.ttlSecondsAfterFinished` to how long you want to keep the finished Job for inspection.',
  equivalents: { kubeLinter: ['job-ttl-seconds-after-finished'] },
  differences:
    'Off by default: some tools (Argo CD hooks, Helm tests) manage Job cleanup themselves. kube-linter also asks ' +
    'CronJobs for a TTL; their `successfulJobsHistoryLimit` and `failedJobsHistoryLimit` already bound what stays.',

  check(object) {
    if (object.kind !== 'Job') return [];
    const spec = child(object.root, 'spec');
    if (spec?.kind !== 'map' || field(spec, 'ttlSecondsAfterFinished').state !== 'missing') return [];
    return [{ message: `${object.address} has no ttlSecondsAfterFinished, so it and its Pods stay after finishing.`, span: objectAnchor(object), data: { spec } }];
  },

  fix(finding, context) {
    const spec = finding.data?.spec;
    if (!spec) return [];
    return [{ title: 'Delete the Job a day after it finishes (ttlSecondsAfterFinished: 86400)', isPreferred: false, edits: context.editor.setIn(spec, ['ttlSecondsAfterFinished'], 86400, 'TODO: how long should finished Jobs be kept?') }];
  },
});
