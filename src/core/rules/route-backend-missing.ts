import type { MapNode } from '../model/tree';
import { defineRule, type FindingDraft } from './rule';
import { kindSurelyNear, namedNear, referredNamespace } from './support/crossObject';
import { isRoute, serviceBackendRefsOf } from './support/gatewayApi';
import { portsUnknown, servicePorts } from './support/services';

export const routeBackendMissing = defineRule<{ ref: MapNode; port: number }>({
  id: 'route-backend-missing',
  target: 'object',
  title: 'Gateway API route sends traffic to a Service or port that does not exist',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'httproute',
  rationale:
    'An HTTPRoute or GRPCRoute rule forwards to Services named in its `backendRefs`, on the Service port given. If the ' +
    'Service is missing from its namespace, or exposes no such port, the route reports `ResolvedRefs: False` and the ' +
    "rule's requests fail (HTTP 500) instead of reaching the application.",
  remediation: 'Point the backendRef at an existing Service (in the route\'s namespace unless `namespace` says otherwise) and at one of its `ports[].port` numbers.',
  equivalents: {},
  differences: 'Judged only when Services of the backend\'s namespace are defined in the file or folder; otherwise they live elsewhere and nothing can be said. A backendRef naming a `port` the Service lacks gets a fix when the Service has exactly one port.',

  check(object, context) {
    if (!isRoute(object)) return [];
    return serviceBackendRefsOf(object).flatMap((ref): FindingDraft<{ ref: MapNode; port: number }>[] => {
      const near = referredNamespace(object, ref.namespace);
      if (!kindSurelyNear(context, 'Service', near)) return [];
      const service = namedNear(context, 'Service', ref.name, near);
      const where = ref.namespace ? `namespace "${ref.namespace}"` : 'this namespace';
      if (!service) return [{ message: `No Service named "${ref.name}" is defined in ${where}; requests to this rule fail.`, span: ref.nameNode.span }];
      if (ref.port === undefined || !ref.portNode || portsUnknown(service)) return [];
      const ports = servicePorts(service);
      if (ports.some((p) => p.port === ref.port)) return [];
      const listed = ports.map((p) => (p.name ? `${p.name}/${p.port}` : String(p.port))).join(', ');
      const only = ports.length === 1 ? ports[0]!.port : undefined;
      return [{
        message: `Service "${ref.name}" exposes no port ${ref.port} (it has ${listed || 'no ports'}).`,
        span: ref.portNode.span,
        ...(only !== undefined ? { data: { ref: ref.node, port: only } } : {}),
      }];
    });
  },

  fix(finding, context) {
    if (!finding.data) return [];
    const { ref, port } = finding.data;
    return [{ title: `Use the Service's port ${port}`, isPreferred: true, edits: context.editor.setIn(ref, ['port'], port) }];
  },
});
