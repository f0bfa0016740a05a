import { at, scalarString } from '../model/tree';
import { defineRule } from './rule';

export const serviceTypeNodePort = defineRule({
  id: 'service-type-nodeport',
  target: 'object',
  title: 'Service is exposed on every node (NodePort)',
  severity: 'info',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'nodeport-service',
  rationale:
    'A NodePort Service opens the same high port (30000–32767) on every node, reachable by anyone who can reach a node. ' +
    'It bypasses the TLS, routing and access control an Ingress or a LoadBalancer gives, and the port range is shared by the whole cluster.',
  remediation: 'Use `ClusterIP` for in-cluster traffic, and an Ingress (or Gateway) or a `LoadBalancer` Service to expose it outside.',
  equivalents: { kubeScore: ['service-type'], kubeLinter: ['exposed-services'], datree: ['SERVICE_INCORRECT_TYPE_VALUE_NODEPORT'] },

  check(object) {
    if (object.kind !== 'Service') return [];
    const node = at(object.root, 'spec', 'type');
    if (scalarString(node) !== 'NodePort' || !node) return [];
    return [{ message: `${object.address} is a NodePort Service: it listens on a port of every node.`, span: node.span }];
  },
});
