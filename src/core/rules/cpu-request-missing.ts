import { missingResourceRule } from './support/resourceRules';

export const cpuRequestMissing = missingResourceRule({
  id: 'cpu-request-missing',
  title: 'Container has no CPU request',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'resource-requests',
  side: 'requests',
  resource: 'cpu',
  placeholder: '100m',
  consequence: 'the scheduler may pack it onto a busy node and it gets the smallest CPU share under contention.',
  rationale:
    'The scheduler places Pods by their requests, not by what they really use. A container without a CPU request counts as ' +
    'needing almost nothing, so nodes get overcommitted, and under contention its CPU shares are the minimum.',
  remediation: 'Set `resources.requests.cpu` to the CPU the container uses at normal load (for example `250m`), measured rather than guessed.',
  equivalents: {
    kubeScore: ['container-resources'],
    kubeLinter: ['unset-cpu-requirements'],
    polaris: ['cpuRequestsMissing'],
    checkov: ['CKV_K8S_10'],
    datree: ['CONTAINERS_MISSING_CPU_REQUEST_KEY'],
  },
});
