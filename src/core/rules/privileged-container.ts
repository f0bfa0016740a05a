import { containersOf } from '../model/podSpecs';
import type { ScalarNode } from '../model/tree';
import { defineRule } from './rule';
import { capitalise } from './support/resourceRules';
import { containerSecurity } from './support/securityContext';
import { booleanOf } from './support/values';
import { containerLabel } from './support/workloads';

export const privilegedContainer = defineRule<{ node: ScalarNode }>({
  id: 'privileged-container',
  target: 'object',
  title: 'Container runs privileged',
  severity: 'error',
  enabledByDefault: true,
  concept: 'privileged-container',
  rationale:
    'A privileged container gets every Linux capability and access to all host devices, and most isolation is switched ' +
    'off. A process that escapes the application inside it effectively owns the node and every Pod on it.',
  remediation: 'Remove `privileged: true`. If the container needs one specific power, add only that capability or use a purpose-built device plugin.',
  equivalents: {
    kubeScore: ['container-security-context-privileged'],
    kubeLinter: ['privileged-container'],
    polaris: ['runAsPrivileged'],
    checkov: ['CKV_K8S_16'],
    datree: ['CONTAINERS_INCORRECT_PRIVILEGED_VALUE_TRUE'],
    regula: ['FG_R00485'],
  },
  differences: 'kube-score also fails containers that leave `privileged` unset; unset means not privileged, so we do not.',

  check(object) {
    return containersOf(object).flatMap((ref) => {
      const privileged = containerSecurity(ref, 'privileged');
      if (privileged.state !== 'present' || privileged.node.kind !== 'scalar' || booleanOf(privileged.node) !== true) return [];
      return [{ message: `${capitalise(containerLabel(ref))} is privileged: it has every capability and all host devices.`, span: privileged.node.span, data: { node: privileged.node } }];
    });
  },

  fix(finding, context) {
    const node = finding.data?.node;
    return node ? [{ title: 'Set privileged: false', isPreferred: true, edits: context.editor.setScalar(node, false) }] : [];
  },
});
