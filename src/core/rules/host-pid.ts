import { hostNamespaceRule } from './support/hostNamespaceRules';

export const hostPid = hostNamespaceRule({
  id: 'host-pid',
  key: 'hostPID',
  title: "Pod uses the node's process namespace",
  consequence: 'its containers see, and with enough privilege signal or trace, every process on the node.',
  rationale:
    'hostPID puts the Pod in the node\'s PID namespace. Its processes can list every process on the node, read their ' +
    'command lines and environment through /proc, and with ptrace-level privileges inspect or kill them.',
  equivalents: {
    kubeLinter: ['host-pid'],
    polaris: ['hostPIDSet'],
    checkov: ['CKV_K8S_17'],
    datree: ['CONTAINERS_INCORRECT_HOSTPID_VALUE_TRUE'],
    regula: ['FG_R00486'],
  },
});
