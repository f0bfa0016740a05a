import type { ScalarNode } from '../model/tree';
import { defineRule } from './rule';
import { parseQuantity } from './support/quantities';
import { resourceValue, type ResourceName } from './support/resourceRules';
import { containerSubject, plannedContainers } from './support/workloads';

const RESOURCES: ResourceName[] = ['cpu', 'memory', 'ephemeral-storage'];

/** A request larger than its limit: the API server rejects the Pod. */
export const requestsExceedLimits = defineRule<{ request: ScalarNode; limit: ScalarNode }>({
  id: 'requests-exceed-limits',
  target: 'object',
  title: 'Resource request is larger than its limit',
  severity: 'error',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'resource-limits',
  rationale:
    'A limit is the most a container may use and a request is what it is guaranteed, so a request above the limit is a ' +
    'contradiction. The API server refuses such Pods, so the Deployment or Job never gets a running Pod.',
  remediation: 'Lower the request to at most the limit, or raise the limit.',
  equivalents: {},
  differences: 'No peer reports this as its own check; the API server rejects it, and we say so before you apply.',

  check(object) {
    return plannedContainers(object).flatMap((ref) => RESOURCES.flatMap((resource) => {
      const request = resourceValue(ref, 'requests', resource);
      const limit = resourceValue(ref, 'limits', resource);
      if (typeof request !== 'object' || typeof limit !== 'object') return [];
      const requested = parseQuantity(request.value);
      const limited = parseQuantity(limit.value);
      if (requested === undefined || limited === undefined || requested <= limited) return [];
      return [{
        message: `${containerSubject(ref)} requests ${String(request.value)} ${resource} but is limited to ${String(limit.value)}; the API server rejects this Pod.`,
        span: request.span,
        data: { request, limit },
      }];
    }));
  },

  fix(finding, context) {
    const request = finding.data?.request;
    const limit = finding.data?.limit;
    if (!request || !limit || limit.value === null) return [];
    return [{ title: `Lower the request to the limit (${String(limit.value)})`, isPreferred: true, edits: context.editor.setScalar(request, limit.value) }];
  },
});
