import { hostNamespaceRule } from './support/hostNamespaceRules';

export const hostIpc = hostNamespaceRule({
  id: 'host-ipc',
  key: 'hostIPC',
  title: "Pod uses the node's IPC namespace",
  consequence: 'it can read and write shared memory of other processes on the node.',
  rationale:
    'hostIPC shares the node\'s System V IPC objects and POSIX message queues with the Pod. Any process on the node that ' +
    'uses shared memory becomes readable and writable from the container.',
  equivalents: {
    kubeLinter: ['host-ipc'],
    polaris: ['hostIPCSet'],
    checkov: ['CKV_K8S_18'],
    datree: ['CONTAINERS_INCORRECT_HOSTIPC_VALUE_TRUE'],
    regula: ['FG_R00487'],
  },
});
