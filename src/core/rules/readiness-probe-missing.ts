import { missingProbeRule } from './support/probeRules';

export const readinessProbeMissing = missingProbeRule({
  id: 'readiness-probe-missing',
  title: 'Container has no readiness probe',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'readiness-probe',
  probe: 'readinessProbe',
  paths: ['/readyz', '/ready', '/healthz'],
  todo: 'TODO: confirm the readiness endpoint (path and port)',
  consequence: 'Services send it traffic as soon as the process starts, and rollouts cannot tell a broken version from a working one.',
  rationale:
    'Without a readiness probe a Pod counts as ready the moment its containers start. Services route requests to it ' +
    'before it can answer, and a rolling update replaces old Pods with new ones that may never work, because nothing ' +
    'tells the Deployment controller that they are not ready.',
  remediation: 'Add a `readinessProbe` that checks the container can serve (an HTTP endpoint, a TCP port, or a command); keep it cheap and free of dependencies on other services.',
  equivalents: {
    kubeScore: ['pod-probes'],
    kubeLinter: ['no-readiness-probe'],
    polaris: ['readinessProbeMissing'],
    checkov: ['CKV_K8S_9'],
    datree: ['CONTAINERS_MISSING_READINESSPROBE_KEY'],
  },
  differences:
    'kube-score only asks for a readiness probe when a Service selects the Pod; we ask for every serving container, ' +
    'because rolling updates rely on readiness too. Jobs and CronJobs are exempt (their Pods do not serve).',
});
