import { containerFlag } from './support/securityContext';
import { securityFlagRule } from './support/securityFlagRules';

export const privilegeEscalationAllowed = securityFlagRule({
  id: 'privilege-escalation-allowed',
  title: 'Container allows privilege escalation',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
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
  flag: 'allowPrivilegeEscalation',
  safe: false,
  missing: (subject) => `${subject} does not set allowPrivilegeEscalation: false, so its processes may gain privileges.`,
  // A privileged container always allows escalation, and the API refuses `false` next to `privileged: true`.
  cannotSet: (ref, subject) => (containerFlag(ref, 'privileged') === true ? `${subject} is privileged, which always allows privilege escalation.` : undefined),
  fix: { title: 'Set allowPrivilegeEscalation: false', isPreferred: true },
});
