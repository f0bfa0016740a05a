import { at, child, scalarString } from '../model/tree';
import { defineRule, type FindingDraft } from './rule';
import { keyAnchor, objectAnchor } from './support/anchors';
import { kindSurelyNear, namedNear } from './support/crossObject';
import { podLabels } from './support/podTemplate';
import { selectorMatches } from './support/selectors';
import { serviceSelector } from './support/services';
import { field } from './support/values';

export const statefulsetServiceName = defineRule({
  id: 'statefulset-service-name',
  target: 'object',
  title: 'StatefulSet has no matching headless Service',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'statefulset',
  rationale:
    'A StatefulSet gives each Pod a stable DNS name (`web-0.web.ns.svc`) through the headless Service named in ' +
    '`serviceName`. Without that Service, or if it has a cluster IP or does not select the Pods, peers cannot find each ' +
    'other by name, which clustered databases and brokers rely on.',
  remediation: 'Create a Service with `clusterIP: None` whose selector matches the Pod labels, and put its name in `spec.serviceName`.',
  equivalents: { kubeScore: ['statefulset-has-servicename'] },
  differences:
    'A Service that is not defined in the file or folder is only reported when other Services of the namespace are. ' +
    'An object written without a namespace may be applied to any namespace, so it can match one that names its ' +
    'namespace (kube-score takes it to be in "default").',

  check(object, context) {
    if (object.kind !== 'StatefulSet') return [];
    const spec = child(object.root, 'spec');
    const nameState = field(spec, 'serviceName');
    if (nameState.state === 'unknown') return [];
    const name = nameState.state === 'present' ? scalarString(nameState.node) : undefined;
    if (!name) return [{ message: `${object.address} has no serviceName, so its Pods get no stable DNS names.`, span: keyAnchor(spec, 'serviceName', objectAnchor(object)) }];
    const service = namedNear(context, 'Service', name, object);
    const span = nameState.state === 'present' ? nameState.node.span : objectAnchor(object);
    if (!service) {
      return kindSurelyNear(context, 'Service', object) ? [{ message: `serviceName "${name}" names no Service defined in this namespace.`, span }] : [];
    }
    const findings: FindingDraft[] = [];
    const clusterIP = at(service.root, 'spec', 'clusterIP');
    if (clusterIP?.kind !== 'unknown' && scalarString(clusterIP) !== 'None') {
      findings.push({ message: `Service "${name}" is not headless (clusterIP: None), so the Pods get no individual DNS names.`, span });
    }
    const selector = serviceSelector(service);
    const labels = podLabels(object);
    if (selector && labels && !selectorMatches(selector, labels)) {
      findings.push({ message: `Service "${name}" does not select the Pods of ${object.address}.`, span });
    }
    return findings;
  },
});
