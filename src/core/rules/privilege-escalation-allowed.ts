import { containersOf, type ContainerRef } from '../model/podSpecs';
import { defineRule } from './rule';
import { containerAnchor } from './support/anchors';
import { capitalise } from './support/resourceRules';
import { containerFlag, containerSecurity } from './support/securityContext';
import { booleanOf } from './support/values';
import { containerLabel } from './support/workloads';

export const privilegeEscalationAllowed = defineRule<{ ref: ContainerRef }>({
  id: 'privilege-escalation-allowed',
  target: 'object',
  title: 'Container allows privilege escalation',
  severity: 'warning',
  enabledByDefault: true,
  concept: 'privileged-container',
  rationale:
    'Unless `allowPrivilegeEscalation` is false, a process in the container can gain more privileges than its parent, ' +
    'for example through setuid binaries. Setting it to false sets the kernel\'s no_new_privs flag, which closes that path ' +
    'at no cost for almost every application.',
  remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on the container.',
  equivalents: {
    kubeLinter: ['privilege-escalation-container'],
    polaris: ['privilegeEscalationAllowed'],
    checkov: ['CKV_K8S_20'],
    datree: ['CONTAINERS_MISSING_KEY_ALLOWPRIVILEGEESCALATION'],
    regula: ['FG_R00489'],
  },
  differences:
    'kube-linter only reports an explicit `true`; like Polaris and Checkov we also report the field left out, because ' +
    'escalation is allowed by default. Privileged containers are reported too, without a fix (`privileged-container` fixes them).',

  check(object) {
    return containersOf(object).flatMap((ref) => {
      const escalation = containerSecurity(ref, 'allowPrivilegeEscalation');
      if (escalation.state === 'unknown') return [];
      if (escalation.state === 'present') {
        if (booleanOf(escalation.node) !== true) return [];
        return [{ message: `${capitalise(containerLabel(ref))} sets allowPrivilegeEscalation: true.`, span: escalation.node.span, data: { ref } }];
      }
      // A privileged container always allows escalation, and the API refuses `false` next to `privileged: true`.
      if (containerFlag(ref, 'privileged') === true) return [{ message: `${capitalise(containerLabel(ref))} is privileged, which always allows privilege escalation.`, span: containerAnchor(ref) }];
      return [{ message: `${capitalise(containerLabel(ref))} does not set allowPrivilegeEscalation: false, so its processes may gain privileges.`, span: containerAnchor(ref), data: { ref } }];
    });
  },

  fix(finding, context) {
    const ref = finding.data?.ref;
    if (!ref) return [];
    return [{ title: 'Set allowPrivilegeEscalation: false', isPreferred: true, edits: context.editor.setIn(ref.container, ['securityContext', 'allowPrivilegeEscalation'], false) }];
  },
});
