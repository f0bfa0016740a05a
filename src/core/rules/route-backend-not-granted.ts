import { defineRule, type FindingDraft } from './rule';
import { namedNear, ofKindNear, referredNamespace } from './support/crossObject';
import { grantAllows, grantOf, isGatewayApi, isRoute, serviceBackendRefsOf } from './support/gatewayApi';

export const routeBackendNotGranted = defineRule({
  id: 'route-backend-not-granted',
  target: 'object',
  title: 'Gateway API route sends traffic to another namespace without a ReferenceGrant',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'reference-grant',
  rationale:
    'A backendRef into another namespace only counts when a ReferenceGrant in that namespace allows routes of this kind ' +
    'from this namespace to refer to its Services. Without one the reference is refused (`RefNotPermitted`) and the ' +
    "rule's traffic is not delivered.",
  remediation:
    'Ask the owner of the backend\'s namespace to add a ReferenceGrant there (`from`: group gateway.networking.k8s.io, ' +
    'this route\'s kind and namespace; `to`: group "", kind Service), or move the route next to its Service.',
  equivalents: {},
  differences:
    'Judged only when the route names its own namespace and the backend Service is defined in the file or folder (so ' +
    "that namespace's manifests are in view); a ReferenceGrant that cannot be read statically silences the check.",

  check(object, context) {
    if (!isRoute(object) || object.namespace === undefined) return [];
    const routeNamespace = object.namespace;
    return serviceBackendRefsOf(object).flatMap((ref): FindingDraft[] => {
      if (ref.namespace === undefined || ref.namespace === routeNamespace) return [];
      const near = referredNamespace(object, ref.namespace);
      const service = namedNear(context, 'Service', ref.name, near);
      if (service?.namespace !== ref.namespace) return [];
      const grants = [...ofKindNear(context, 'ReferenceGrant', near)].filter((g) => isGatewayApi(g, 'ReferenceGrant')).map(grantOf);
      if (grants.some((g) => g === undefined || grantAllows(g, object, routeNamespace, ref.name))) return [];
      return [{
        message: `No ReferenceGrant in namespace "${ref.namespace}" lets ${object.kind ?? 'routes'}s from "${routeNamespace}" refer to Service "${ref.name}"; the reference is refused.`,
        span: ref.nameNode.span,
      }];
    });
  },
});
