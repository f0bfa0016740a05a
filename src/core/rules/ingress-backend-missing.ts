import type { K8sObject } from '../model/k8sObject';
import { at, child, listItems, type ValueNode } from '../model/tree';
import { defineRule, type FindingDraft } from './rule';
import { kindSurelyNear, namedNear } from './support/crossObject';
import { portsUnknown, servicePorts } from './support/services';
import { integerOf } from './support/values';

interface Backend { name: ValueNode; port?: ValueNode }

/** Service backends of an Ingress, in both the networking.k8s.io/v1 and the older v1beta1 shapes. */
function backendsOf(ingress: K8sObject): Backend[] {
  const spec = child(ingress.root, 'spec');
  const nodes = [child(spec, 'defaultBackend'), child(spec, 'backend')];
  for (const rule of listItems(child(spec, 'rules'))) {
    for (const path of listItems(at(rule, 'http', 'paths'))) nodes.push(child(path, 'backend'));
  }
  return nodes.flatMap((backend): Backend[] => {
    const service = child(backend, 'service');
    if (service) {
      const name = child(service, 'name');
      const port = child(service, 'port');
      return name ? [{ name, port: child(port, 'number') ?? child(port, 'name') }] : [];
    }
    const name = child(backend, 'serviceName');
    return name ? [{ name, port: child(backend, 'servicePort') }] : [];
  });
}

export const ingressBackendMissing = defineRule({
  id: 'ingress-backend-missing',
  target: 'object',
  title: 'Ingress routes to a Service or port that does not exist',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'ingress',
  rationale:
    'An Ingress rule forwards to a Service by name and port. If that Service is missing from the namespace, or has no ' +
    'port with that number or name, the Ingress controller answers the route with errors (usually 503).',
  remediation: 'Point the backend at an existing Service in the same namespace and at one of its `ports` (by `port` number or by name).',
  equivalents: { kubeScore: ['ingress-targets-service'], kubeLinter: ['dangling-ingress'] },
  differences: 'Judged only when Services of the same namespace are defined in the file or folder; otherwise they live elsewhere and nothing can be said.',

  check(object, context) {
    if (object.kind !== 'Ingress') return [];
    if (!kindSurelyNear(context, 'Service', object)) return [];
    return backendsOf(object).flatMap(({ name, port }): FindingDraft[] => {
      if (name.kind !== 'scalar' || typeof name.value !== 'string') return [];
      const service = namedNear(context, 'Service', name.value, object);
      if (!service) return [{ message: `No Service named "${name.value}" is defined in this namespace; requests to this route fail.`, span: name.span }];
      if (port?.kind !== 'scalar' || port.value === null || portsUnknown(service)) return [];
      const ports = servicePorts(service);
      const number = integerOf(port);
      const found = number !== undefined ? ports.some((p) => p.port === number) : ports.some((p) => p.name === String(port.value));
      if (found) return [];
      const listed = ports.map((p) => (p.name ? `${p.name}/${p.port}` : String(p.port))).join(', ');
      return [{ message: `Service "${name.value}" has no port ${number ?? `named "${String(port.value)}"`} (it has ${listed || 'no ports'}).`, span: port.span }];
    });
  },
});
