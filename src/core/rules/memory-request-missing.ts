import { missingResourceRule } from './support/resourceRules';

export const memoryRequestMissing = missingResourceRule({
  id: 'memory-request-missing',
  title: 'Container has no memory request',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'resource-requests',
  side: 'requests',
  resource: 'memory',
  placeholder: '128Mi',
  consequence: 'the node can run out of memory and this Pod is among the first evicted.',
  rationale:
    'Memory requests decide which node has room for a Pod. Without one the scheduler assumes the container needs no memory, ' +
    'nodes fill beyond what they can hold, and under memory pressure the kubelet evicts Pods that use more than they requested first.',
  remediation: 'Set `resources.requests.memory` to the memory the container uses at normal load (for example `256Mi`).',
  equivalents: {
    kubeScore: ['container-resources'],
    kubeLinter: ['unset-memory-requirements'],
    polaris: ['memoryRequestsMissing'],
    checkov: ['CKV_K8S_12'],
    datree: ['CONTAINERS_MISSING_MEMORY_REQUEST_KEY'],
  },
  differences: 'Checkov numbers this check CKV_K8S_13 for Terraform resources; the meaning is the same.',
});
