import { podSpecOf } from '../model/podSpecs';
import { defineRule } from './rule';
import { podSpecAnchor } from './support/anchors';
import { field } from './support/values';
import { scalarString } from '../model/tree';

export const defaultServiceAccount = defineRule({
  id: 'default-service-account',
  target: 'object',
  title: 'Pod runs as the default ServiceAccount',
  severity: 'info',
  enabledByDefault: false,
  reports: 'absence',
  concept: 'service-account',
  rationale:
    'Every Pod that names no ServiceAccount runs as `default`, shared by all such Pods of the namespace. Permissions ' +
    'granted to it for one application leak to all the others, and audit logs cannot tell them apart.',
  remediation: 'Create a ServiceAccount per application, set `serviceAccountName`, and bind only the roles that application needs.',
  equivalents: { kubeLinter: ['default-service-account'], regula: ['FG_R00498'] },
  differences: 'Checkov\'s CKV_K8S_41/42 check the default ServiceAccount object and the bindings to it, not the Pods that use it, so they are not listed as equivalents.',

  check(object) {
    const podSpec = podSpecOf(object);
    if (!podSpec) return [];
    for (const key of ['serviceAccountName', 'serviceAccount']) {
      const state = field(podSpec, key);
      if (state.state === 'unknown') return [];
      if (state.state === 'present') {
        if (scalarString(state.node) !== 'default') return [];
        return [{ message: `The Pod sets ${key}: default, the account shared by every Pod of the namespace.`, span: state.node.span }];
      }
    }
    return [{ message: 'The Pod names no ServiceAccount, so it runs as "default", shared by every such Pod of the namespace.', span: podSpecAnchor(object) }];
  },
});
