import { child, type ValueNode } from '../model/tree';
import { defineRule } from './rule';
import { declaredPorts, portsKnown, probePort, PROBES } from './support/probes';
import { containerSubject, plannedContainers } from './support/workloads';

export const probePortNotExposed = defineRule({
  id: 'probe-port-not-exposed',
  target: 'object',
  title: 'Probe targets a port the container does not declare',
  severity: 'error',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'readiness-probe',
  rationale:
    'A probe that names a port (`port: http`) is resolved against the container\'s `ports`; if no port has that name ' +
    'the probe can never succeed. A probe on a port the container declares as UDP cannot connect either, since probes ' +
    'use TCP (or HTTP and gRPC over TCP).',
  remediation: 'Use a port name the container lists in `ports`, or the port number itself, and make sure that port is TCP.',
  equivalents: { kubeLinter: ['liveness-port', 'readiness-port', 'startup-port'] },
  differences:
    'kube-linter also reports numeric probe ports missing from `ports`; we accept them, because declaring ports is ' +
    'optional and real manifests (ingress-nginx\'s health port 10254, for one) probe undeclared ports that work.',

  check(object) {
    return plannedContainers(object).flatMap((ref) => {
      if (!portsKnown(ref)) return [];
      const ports = declaredPorts(ref);
      return PROBES.flatMap((probe) => {
        const node = probePort(child(ref.container, probe));
        if (node?.kind !== 'scalar' || node.value === null) return [];
        const problem = portProblem(node, ports);
        return problem ? [{ message: `${containerSubject(ref)}: ${probe} ${problem}`, span: node.span }] : [];
      });
    });
  },
});

function portProblem(node: ValueNode & { kind: 'scalar' }, ports: ReturnType<typeof declaredPorts>): string | undefined {
  const value = node.value;
  const numeric = typeof value === 'number' ? value : /^\d+$/.test(String(value)) ? Number(value) : undefined;
  if (numeric === undefined) {
    const named = ports.find((p) => p.name === String(value));
    if (!named) return `uses port name "${String(value)}", which no port of the container has; the probe always fails.`;
    if (named.protocol !== 'TCP') return `uses port "${String(value)}", which is ${named.protocol}; probes connect over TCP.`;
    return undefined;
  }
  const declared = ports.find((p) => p.number === numeric);
  if (declared && declared.protocol !== 'TCP') return `uses port ${numeric}, which the container declares as ${declared.protocol}; probes connect over TCP.`;
  return undefined;
}
