import type { ContainerRef } from '../model/podSpecs';
import { defineRule } from './rule';
import { containerAnchor } from './support/anchors';
import { resourceValue } from './support/resourceRules';
import { containerSubject, plannedContainers } from './support/workloads';

/** Containers without an ephemeral-storage request or limit. */
export const ephemeralStorageUnset = defineRule<{ ref: ContainerRef; missing: ('requests' | 'limits')[] }>({
  id: 'ephemeral-storage-unset',
  target: 'object',
  title: 'Container has no ephemeral-storage request or limit',
  severity: 'info',
  enabledByDefault: false,
  reports: 'absence',
  concept: 'ephemeral-storage',
  rationale:
    'Logs, the writable layer and emptyDir volumes use the node\'s disk. Without an ephemeral-storage request the scheduler ' +
    'ignores disk when placing the Pod, and without a limit one container can fill the disk, after which the kubelet evicts Pods to recover.',
  remediation: 'Set `resources.requests.ephemeral-storage` and `resources.limits.ephemeral-storage` from what the container writes locally.',
  equivalents: { kubeScore: ['container-ephemeral-storage-request-and-limit'] },
  differences: 'kube-score also wants the request equal to the limit; we accept a smaller request, which is a normal choice for disk.',

  check(object) {
    return plannedContainers(object).flatMap((ref) => {
      const missing = (['requests', 'limits'] as const).filter((side) => resourceValue(ref, side, 'ephemeral-storage') === 'missing');
      if (missing.length === 0) return [];
      const what = missing.length === 2 ? 'request or limit' : missing[0] === 'requests' ? 'request' : 'limit';
      return [{
        message: `${containerSubject(ref)} has no ephemeral-storage ${what}; its logs and scratch files can fill the node's disk.`,
        span: containerAnchor(ref),
        data: { ref, missing },
      }];
    });
  },

  fix(finding, context) {
    const ref = finding.data?.ref;
    const missing = finding.data?.missing;
    if (!ref || !missing) return [];
    // When one side is written the other copies it, so the fix cannot create a request above its limit.
    const written = (side: 'requests' | 'limits') => {
      const node = resourceValue(ref, side, 'ephemeral-storage');
      return typeof node === 'object' && node.value !== null ? node.value : undefined;
    };
    const value = { requests: written('limits') ?? '1Gi', limits: written('requests') ?? '2Gi' };
    const wanted = Object.fromEntries(missing.map((side) => [side, { 'ephemeral-storage': value[side] }]));
    return [{
      title: 'Add ephemeral-storage placeholders to size from measurements',
      isPreferred: false,
      edits: context.editor.setIn(ref.container, ['resources'], wanted, 'TODO: size from measurements'),
    }];
  },
});
