import { securityFlagRule } from './support/securityFlagRules';

export const privilegedContainer = securityFlagRule({
  id: 'privileged-container',
  title: 'Container runs privileged',
  severity: 'error',
  enabledByDefault: true,
  reports: 'presence',
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
  flag: 'privileged',
  safe: false,
  written: (subject) => `${subject} is privileged: it has every capability and all host devices.`,
  fix: { title: 'Set privileged: false', isPreferred: true },
});
