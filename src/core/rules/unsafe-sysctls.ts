import { podSpecOf } from '../model/podSpecs';
import { at, child, listItems, scalarString } from '../model/tree';
import { defineRule } from './rule';

/** Sysctls Kubernetes allows by default (namespaced and isolated per Pod). */
const SAFE = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

export const unsafeSysctls = defineRule({
  id: 'unsafe-sysctls',
  target: 'object',
  title: 'Pod sets a sysctl outside the safe set',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'linux-namespaces',
  rationale:
    'Only a few sysctls are namespaced and isolated enough that Kubernetes allows them by default. Others either affect ' +
    'the whole node or can starve neighbours; the kubelet rejects Pods that use them unless an administrator allowed ' +
    'them on that node, so the Pod fails to start or behaves differently per node.',
  remediation: 'Remove the sysctl, or run the workload on dedicated nodes whose kubelet allows it (`--allowed-unsafe-sysctls`) and use taints to keep others off.',
  equivalents: { kubeLinter: ['unsafe-sysctls'] },
  differences: 'We check against the list of safe sysctls (as of Kubernetes 1.29) rather than a list of known unsafe prefixes.',

  check(object) {
    return listItems(at(podSpecOf(object), 'securityContext', 'sysctls')).flatMap((sysctl) => {
      const nameNode = child(sysctl, 'name');
      const name = scalarString(nameNode);
      if (!name || nameNode?.kind !== 'scalar' || SAFE.has(name)) return [];
      return [{ message: `Sysctl "${name}" is not in the safe set; the kubelet rejects the Pod unless the node allows it.`, span: nameNode.span }];
    });
  },
});
