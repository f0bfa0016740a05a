import type { ContainerRef } from '../model/podSpecs';
import { defineRule } from './rule';
import { containerAnchor } from './support/anchors';
import { parseQuantity } from './support/quantities';
import { resourceValue } from './support/resourceRules';
import { containerSubject, plannedContainers } from './support/workloads';

const RESOURCES = ['cpu', 'memory'] as const;

/** Guaranteed QoS needs every container's CPU and memory requests equal to their limits. */
export const requestsNotEqualLimits = defineRule<{ ref: ContainerRef }>({
  id: 'requests-not-equal-limits',
  target: 'object',
  title: 'Requests differ from limits (Pod is not in the Guaranteed QoS class)',
  severity: 'info',
  enabledByDefault: false,
  reports: 'absence',
  concept: 'qos-classes',
  rationale:
    'Kubernetes puts a Pod in the Guaranteed QoS class only when every container has CPU and memory limits equal to its ' +
    'requests. Guaranteed Pods are the last to be evicted under node pressure and can get exclusive CPUs; Burstable ones ' +
    'may use spare capacity but are evicted earlier.',
  remediation: 'For latency-critical or stateful workloads set requests equal to limits for CPU and memory; for others, Burstable is a fine choice and this rule can stay off.',
  equivalents: { kubeScore: ['container-resource-requests-equal-limits'], datree: ['EKS_INVALID_MEMORY_REQUEST_LIMIT'] },

  check(object) {
    return plannedContainers(object).flatMap((ref) => {
      const differing: string[] = [];
      for (const resource of RESOURCES) {
        const request = resourceValue(ref, 'requests', resource);
        const limit = resourceValue(ref, 'limits', resource);
        if (request === 'unknown' || limit === 'unknown') return [];
        if (limit === 'missing') { differing.push(`${resource} has no limit`); continue; }
        // A missing request defaults to the limit, which is equal.
        if (request === 'missing') continue;
        const a = parseQuantity(request.value);
        const b = parseQuantity(limit.value);
        if (a === undefined || b === undefined) return [];
        if (a !== b) differing.push(`${resource} request ${String(request.value)} ≠ limit ${String(limit.value)}`);
      }
      if (differing.length === 0) return [];
      return [{
        message: `${containerSubject(ref)} keeps the Pod out of the Guaranteed QoS class: ${differing.join('; ')}.`,
        span: containerAnchor(ref),
        data: { ref },
      }];
    });
  },

  fix(finding, context) {
    const ref = finding.data?.ref;
    if (!ref) return [];
    const edits = [];
    for (const resource of RESOURCES) {
      const request = resourceValue(ref, 'requests', resource);
      const limit = resourceValue(ref, 'limits', resource);
      if (typeof limit !== 'object' || limit.value === null) return [];
      if (typeof request === 'object' && parseQuantity(request.value) !== parseQuantity(limit.value)) {
        edits.push(...context.editor.setScalar(request, limit.value));
      }
    }
    return edits.length ? [{ title: 'Set CPU and memory requests equal to the limits', isPreferred: true, edits }] : [];
  },
});
