import { missingResourceRule } from './support/resourceRules';

export const memoryLimitMissing = missingResourceRule({
  id: 'memory-limit-missing',
  title: 'Container has no memory limit',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'resource-limits',
  side: 'limits',
  resource: 'memory',
  placeholder: '256Mi',
  consequence: 'a leak can take memory from every other Pod on the node.',
  rationale:
    'Memory cannot be throttled, only reclaimed by killing. A container without a memory limit can grow until the node is ' +
    'out of memory, and then the kernel or kubelet kills processes that may belong to other, well-behaved Pods.',
  remediation: 'Set `resources.limits.memory` a little above the highest usage you have measured; equal to the request gives the most predictable behaviour.',
  equivalents: {
    kubeScore: ['container-resources'],
    kubeLinter: ['unset-memory-requirements'],
    polaris: ['memoryLimitsMissing'],
    checkov: ['CKV_K8S_13'],
    datree: ['CONTAINERS_MISSING_MEMORY_LIMIT_KEY'],
  },
  differences: 'Checkov numbers this check CKV_K8S_12 for Terraform resources; the meaning is the same.',
});
