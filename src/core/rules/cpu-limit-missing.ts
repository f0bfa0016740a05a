import { missingResourceRule } from './support/resourceRules';

export const cpuLimitMissing = missingResourceRule({
  id: 'cpu-limit-missing',
  title: 'Container has no CPU limit',
  severity: 'info',
  enabledByDefault: false,
  reports: 'absence',
  concept: 'cpu-throttling',
  side: 'limits',
  resource: 'cpu',
  placeholder: '500m',
  consequence: 'it may use idle CPU freely, which is often what you want.',
  rationale:
    'A CPU limit caps a container with CFS quota. It protects neighbours from a runaway process, but it also throttles ' +
    'the container even when the node is idle, which adds latency. Many teams set CPU requests and leave limits off; ' +
    'others need limits for predictable performance or chargeback.',
  remediation: 'Decide per workload: set `resources.limits.cpu` when the namespace or team needs hard caps, otherwise keep a CPU request and turn this rule off.',
  equivalents: {
    kubeScore: ['container-resources'],
    kubeLinter: ['unset-cpu-requirements'],
    polaris: ['cpuLimitsMissing'],
    checkov: ['CKV_K8S_11'],
    datree: ['CONTAINERS_MISSING_CPU_LIMIT_KEY'],
  },
  differences: 'Off by default: CPU limits trade throughput for isolation, and kube-score itself offers a switch to ignore them.',
});
