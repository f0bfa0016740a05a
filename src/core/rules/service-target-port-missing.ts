import { containersOf } from '../model/podSpecs';
import { at, child, listItems } from '../model/tree';
import { defineRule } from './rule';
import { declaredPorts, portsKnown } from './support/probes';
import { podsOfService } from './support/services';

export const serviceTargetPortMissing = defineRule({
  id: 'service-target-port-missing',
  target: 'object',
  title: 'Service targets a named port no selected container declares',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'service',
  rationale:
    'A `targetPort` given by name is looked up in the `ports` of each selected Pod\'s containers. When no container ' +
    'declares that name, the Service has no usable endpoint port for those Pods and connections fail.',
  remediation: 'Use the same port name in the Service\'s `targetPort` and in the container\'s `ports[].name`, or give the port number.',
  equivalents: {},
  differences: 'Numeric target ports are not checked: a container may listen on a port it does not declare.',

  check(object, context) {
    if (object.kind !== 'Service') return [];
    const matched = podsOfService(object, context);
    if (matched.length === 0 || matched.some((owner) => containersOf(owner).some((ref) => !portsKnown(ref)))) return [];
    const names = new Set(matched.flatMap((owner) => containersOf(owner).flatMap((ref) => declaredPorts(ref).map((p) => p.name))));
    return listItems(at(object.root, 'spec', 'ports')).flatMap((port) => {
      const target = child(port, 'targetPort');
      if (target?.kind !== 'scalar' || typeof target.value !== 'string' || /^\d+$/.test(target.value) || names.has(target.value)) return [];
      return [{ message: `targetPort "${target.value}" is not a port name of any container selected by this Service (${matched.map((o) => o.address).join(', ')}).`, span: target.span }];
    });
  },
});
