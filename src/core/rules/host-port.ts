import { child, listItems, type MapNode } from '../model/tree';
import { defineRule } from './rule';
import { field } from './support/values';
import { containerSubject, plannedContainers } from './support/workloads';

export const hostPort = defineRule<{ port: MapNode }>({
  id: 'host-port',
  target: 'object',
  title: 'Container binds a port on the node (hostPort)',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'host-ports',
  rationale:
    'A hostPort opens the port on the node\'s IP address. Only one Pod per node can use a given hostPort, so it limits ' +
    'scheduling and rollouts, and it exposes the container outside the cluster\'s Service and NetworkPolicy model.',
  remediation: 'Remove `hostPort` and reach the container through a Service (ClusterIP, NodePort or LoadBalancer) or an Ingress.',
  equivalents: { polaris: ['hostPortSet'], checkov: ['CKV_K8S_26'], datree: ['CONTAINERS_INCORRECT_KEY_HOSTPORT'] },

  check(object) {
    return plannedContainers(object).flatMap((ref) => listItems(child(ref.container, 'ports')).flatMap((port) => {
      const host = field(port, 'hostPort');
      if (host.state !== 'present' || host.node.kind !== 'scalar' || port.kind !== 'map') return [];
      return [{ message: `${containerSubject(ref)} binds hostPort ${String(host.node.value)} on the node.`, span: host.node.span, data: { port } }];
    }));
  },

  fix(finding, context) {
    const port = finding.data?.port;
    return port ? [{ title: 'Remove hostPort (expose it through a Service)', isPreferred: true, edits: context.editor.deleteKey(port, 'hostPort') }] : [];
  },
});
