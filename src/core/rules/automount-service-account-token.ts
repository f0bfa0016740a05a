import { podSpecOf } from '../model/podSpecs';
import { child, scalarString, type MapNode, type ScalarNode } from '../model/tree';
import { defineRule } from './rule';
import { podSpecAnchor } from './support/anchors';
import { namedNear } from './support/crossObject';
import { booleanOf, field } from './support/values';

export const automountServiceAccountToken = defineRule<{ node: ScalarNode } | { podSpec: MapNode }>({
  id: 'automount-service-account-token',
  target: 'object',
  title: 'Pod mounts a Kubernetes API token it may not need',
  severity: 'info',
  enabledByDefault: false,
  reports: 'absence',
  concept: 'service-account',
  rationale:
    'By default every Pod gets a token for its ServiceAccount mounted at /var/run/secrets/kubernetes.io/serviceaccount. ' +
    'Most applications never call the Kubernetes API; for them the token only helps an attacker who gets into the ' +
    'container to explore or change the cluster with whatever RBAC the account has.',
  remediation: 'Set `automountServiceAccountToken: false` in the Pod spec (or on its ServiceAccount) unless the application uses the Kubernetes API.',
  equivalents: { polaris: ['automountServiceAccountToken'], checkov: ['CKV_K8S_38'], datree: ['SRVACC_INCORRECT_AUTOMOUNTSERVICEACCOUNTTOKEN_VALUE'], regula: ['FG_R00484'] },
  differences: 'A ServiceAccount in the same file or workspace folder with `automountServiceAccountToken: false` counts as opting out.',

  check(object, context) {
    const podSpec = podSpecOf(object);
    if (!podSpec) return [];
    const own = field(podSpec, 'automountServiceAccountToken');
    if (own.state === 'unknown') return [];
    if (own.state === 'present') {
      if (own.node.kind !== 'scalar' || booleanOf(own.node) !== true) return [];
      return [{ message: 'The Pod sets automountServiceAccountToken: true.', span: own.node.span, data: { node: own.node } }];
    }
    if (['serviceAccountName', 'serviceAccount'].some((key) => field(podSpec, key).state === 'unknown')) return [];
    const accountName = scalarString(child(podSpec, 'serviceAccountName')) ?? scalarString(child(podSpec, 'serviceAccount')) ?? 'default';
    const account = namedNear(context, 'ServiceAccount', accountName, object);
    const accountSetting = account ? field(account.root, 'automountServiceAccountToken') : undefined;
    if (accountSetting?.state === 'unknown' || (accountSetting?.state === 'present' && booleanOf(accountSetting.node) === false)) return [];
    return [{ message: `The Pod gets an API token for ServiceAccount "${accountName}" mounted; turn it off unless the app calls the Kubernetes API.`, span: podSpecAnchor(object), data: { podSpec } }];
  },

  fix(finding, context) {
    const data = finding.data;
    if (!data) return [];
    if ('node' in data) return [{ title: 'Set automountServiceAccountToken: false', isPreferred: false, edits: context.editor.setScalar(data.node, false, 'TODO: keep true only if the app calls the Kubernetes API') }];
    const { podSpec } = data;
    return [{
      title: 'Do not mount the API token (automountServiceAccountToken: false)',
      isPreferred: false,
      edits: context.editor.setIn(podSpec, ['automountServiceAccountToken'], false, 'TODO: keep true only if the app calls the Kubernetes API'),
    }];
  },
});
