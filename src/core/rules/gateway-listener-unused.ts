import { scalarString, child } from '../model/tree';
import { defineRule, type FindingDraft } from './rule';
import { objectAnchor } from './support/anchors';
import { anyRouteInView, routesNaming } from './support/crossObject';
import { gatewayRefsOf, isGatewayApi, listenersOf } from './support/gatewayApi';

export const gatewayListenerUnused = defineRule({
  id: 'gateway-listener-unused',
  target: 'object',
  title: 'Gateway listener has no route attached',
  severity: 'info',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'gateway-api',
  rationale:
    'A listener only serves what routes attach to it. One that no route names (by Gateway, and by `sectionName` when ' +
    'the route picks listeners) accepts connections and answers every request with 404: usually a route was renamed, ' +
    'moved to another namespace, or points at another listener.',
  remediation: 'Attach a route to the listener (`parentRefs` naming this Gateway, with `sectionName` set to the listener\'s name or left out), or remove the listener.',
  equivalents: {},
  differences:
    'Judged only when at least one Gateway API route is defined in the file or folder: routes usually live with the ' +
    'applications, and a Gateway defined alone says nothing about them. `allowedRoutes` restrictions are not evaluated.',

  check(object, context) {
    if (!isGatewayApi(object, 'Gateway') || !anyRouteInView(context)) return [];
    const refs = routesNaming(context, object).flatMap(gatewayRefsOf).filter((ref) => ref.name === object.name
      && (ref.namespace === undefined || object.namespace === undefined || ref.namespace === object.namespace));
    return listenersOf(object).flatMap(({ name, node }): FindingDraft[] => {
      if (refs.some((ref) => ref.sectionName === undefined || ref.sectionName === name)) return [];
      const port = scalarString(child(node, 'port'));
      return [{
        message: `No route attaches to listener "${name}"${port ? ` (port ${port})` : ''} of Gateway "${object.name ?? ''}"; it serves nothing.`,
        span: child(node, 'name')?.span ?? objectAnchor(object),
      }];
    });
  },
});
