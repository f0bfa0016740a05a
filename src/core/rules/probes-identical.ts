import { child } from '../model/tree';
import { defineRule } from './rule';
import { keyAnchor } from './support/anchors';
import { probeTarget } from './support/probes';
import { containerSubject, servingContainers } from './support/workloads';

export const probesIdentical = defineRule({
  id: 'probes-identical',
  target: 'object',
  title: 'Liveness probe is the same check as the readiness probe',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'liveness-probe',
  rationale:
    'Readiness failures take a Pod out of load balancing until it recovers; liveness failures restart the container. ' +
    'When both probes check the same thing, a Pod that is only temporarily busy or waiting for a dependency gets ' +
    'restarted instead of rested, which turns a slowdown into an outage.',
  remediation: 'Point the liveness probe at a check of the process alone (or remove it), and keep the readiness probe for "can serve now".',
  equivalents: { kubeScore: ['pod-probes-identical'] },
  differences: 'Like kube-score we compare what is checked (handler, path, port or command), not the timings.',

  check(object) {
    return servingContainers(object).flatMap((ref) => {
      const liveness = probeTarget(child(ref.container, 'livenessProbe'));
      if (!liveness || liveness !== probeTarget(child(ref.container, 'readinessProbe'))) return [];
      return [{
        message: `${containerSubject(ref)} uses the same check for liveness and readiness; a busy container would be restarted rather than taken out of rotation.`,
        span: keyAnchor(ref.container, 'livenessProbe', ref.container.span),
      }];
    });
  },
});
