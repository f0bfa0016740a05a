import { missingProbeRule } from './support/probeRules';

export const livenessProbeMissing = missingProbeRule({
  id: 'liveness-probe-missing',
  title: 'Container has no liveness probe',
  severity: 'info',
  enabledByDefault: false,
  reports: 'absence',
  concept: 'liveness-probe',
  probe: 'livenessProbe',
  paths: ['/livez', '/healthz', '/health'],
  todo: 'TODO: confirm an endpoint that fails only when a restart helps',
  consequence: 'a deadlocked process keeps running until someone restarts it.',
  rationale:
    'A liveness probe lets the kubelet restart a container that is running but stuck. It is only useful when the ' +
    'application can hang without exiting, and a careless probe (one that fails under load or when a dependency is ' +
    'down) restarts healthy containers, so it is a deliberate choice rather than a default.',
  remediation: 'If the process can hang, add a `livenessProbe` that checks only the process itself, with a generous `failureThreshold`; otherwise leave it out.',
  equivalents: {
    kubeScore: ['pod-probes'],
    kubeLinter: ['no-liveness-probe'],
    polaris: ['livenessProbeMissing'],
    checkov: ['CKV_K8S_8'],
    datree: ['CONTAINERS_MISSING_LIVENESSPROBE_KEY'],
  },
  differences: 'Off by default: a missing liveness probe is often the right choice, as kube-score also notes.',
});
