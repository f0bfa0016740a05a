import { hostNamespaceRule } from './support/hostNamespaceRules';

export const hostNetwork = hostNamespaceRule({
  id: 'host-network',
  key: 'hostNetwork',
  title: "Pod uses the node's network namespace",
  consequence: 'it sees every interface of the node and can bind its ports, bypassing NetworkPolicies.',
  rationale:
    'With hostNetwork the Pod shares the node\'s network stack: it can listen on any node port, reach services bound to ' +
    'localhost on the node (such as the kubelet or cloud metadata endpoints) and sniff traffic, and NetworkPolicies no ' +
    'longer apply to it.',
  equivalents: {
    kubeLinter: ['host-network'],
    polaris: ['hostNetworkSet'],
    checkov: ['CKV_K8S_19'],
    datree: ['CONTAINERS_INCORRECT_HOSTNETWORK_VALUE_TRUE'],
    regula: ['FG_R00488'],
  },
});
