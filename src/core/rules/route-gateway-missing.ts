import type { K8sObject } from '../model/k8sObject';
import type { ScalarNode } from '../model/tree';
import { defineRule, type FindingDraft } from './rule';
import { gatewayNamedNear, gatewaySurelyNear, ofKindNear, referredNamespace } from './support/crossObject';
import { gatewayRefsOf, isGatewayApi, isRoute } from './support/gatewayApi';

type Data = { nameNode: ScalarNode; gateway: string };

export const routeGatewayMissing = defineRule<Data>({
  id: 'route-gateway-missing',
  target: 'object',
  title: 'Gateway API route attaches to a Gateway that does not exist',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'httproute',
  rationale:
    'A route is only served by the Gateways its `parentRefs` name. A parentRef naming no Gateway (a typo, or the wrong ' +
    'namespace) leaves the route attached to nothing: no request ever reaches its backends, and nothing fails loudly.',
  remediation: 'Name an existing Gateway in `parentRefs` (and its `namespace` when it lives in another one than the route).',
  equivalents: {},
  differences:
    'Judged only when a Gateway of the referenced namespace is defined in the file or folder: Gateways are often owned ' +
    'by a platform team and defined elsewhere, and a route with no Gateway in view may well attach to one of those. ' +
    'The workspace-wide reference graph will judge the rest. parentRefs to other kinds (a Service, for mesh routing) are not checked.',

  check(object, context) {
    if (!isRoute(object)) return [];
    return gatewayRefsOf(object).flatMap((ref): FindingDraft<Data>[] => {
      const near = referredNamespace(object, ref.namespace);
      if (!gatewaySurelyNear(context, near) || gatewayNamedNear(context, ref.name, near)) return [];
      const gateways = gatewaysNear(context, near);
      const where = ref.namespace ? `namespace "${ref.namespace}"` : 'this namespace';
      const known = gateways.length > 0 ? ` (Gateways there: ${gateways.map((g) => g.name).join(', ')})` : '';
      return [{
        message: `No Gateway named "${ref.name}" is defined in ${where}${known}; the route is attached to nothing.`,
        span: ref.nameNode.span,
        ...(gateways.length === 1 && gateways[0]!.name && ref.nameNode.kind === 'scalar' ? { data: { nameNode: ref.nameNode, gateway: gateways[0]!.name } } : {}),
      }];
    });
  },

  fix(finding, context) {
    if (!finding.data) return [];
    const { nameNode, gateway } = finding.data;
    return [{ title: `Attach to Gateway "${gateway}"`, isPreferred: false, edits: context.editor.setScalar(nameNode, gateway) }];
  },
});

/** The Gateway API Gateways near `near` (a namespace holds few Gateways, so listing them is cheap). */
function gatewaysNear(context: Parameters<typeof ofKindNear>[0], near: K8sObject): K8sObject[] {
  return [...ofKindNear(context, 'Gateway', near)].filter((g) => isGatewayApi(g, 'Gateway'));
}
