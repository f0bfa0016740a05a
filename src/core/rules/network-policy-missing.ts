import { defineRule } from './rule';
import { podSpecAnchor } from './support/anchors';
import { podLabelsOf, policiesCovering } from './support/crossObject';

export const networkPolicyMissing = defineRule({
  id: 'network-policy-missing',
  target: 'object',
  title: 'Pods are not isolated by a NetworkPolicy',
  severity: 'info',
  enabledByDefault: false,
  reports: 'absence',
  concept: 'network-policy',
  rationale:
    'Kubernetes lets every Pod talk to every other Pod unless a NetworkPolicy selects it. Once a policy selects a Pod ' +
    'for ingress (or egress), only the traffic the policies allow gets through in that direction. Without one, a ' +
    'compromised Pod anywhere in the cluster can reach this one.',
  remediation: 'Add a NetworkPolicy whose `podSelector` matches these Pods, covering both Ingress and Egress (a namespace-wide default-deny plus specific allows is the usual pattern).',
  equivalents: { kubeScore: ['pod-networkpolicy'], kubeLinter: ['non-isolated-pod'], polaris: ['missingNetworkPolicy'], checkov: ['CKV2_K8S_6'] },
  differences:
    'Policies are looked for in the same file and, in the editor and CLI, the other files of the folder. Empty pod ' +
    'selectors (which select every Pod of the namespace) and the default policyTypes count, which kube-score does not. ' +
    'Like kube-score, and unlike kube-linter, Pods restricted in one direction only are reported.',

  check(object, context) {
    const labels = podLabelsOf(object);
    if (!labels) return [];
    const covering = policiesCovering(context, labels, object);
    if (!covering) return [];
    let ingress = false;
    let egress = false;
    for (const coverage of covering) {
      ingress ||= coverage.ingress;
      egress ||= coverage.egress;
    }
    if (ingress && egress) return [];
    const message = !ingress && !egress
      ? 'No NetworkPolicy selects these Pods: any Pod in the cluster can reach them, and they can reach anything.'
      : `NetworkPolicies select these Pods for ${ingress ? 'ingress' : 'egress'} only; ${ingress ? 'outgoing' : 'incoming'} traffic is not restricted.`;
    return [{ message, span: podSpecAnchor(object) }];
  },
});
