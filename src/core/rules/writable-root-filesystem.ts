import { securityFlagRule } from './support/securityFlagRules';

export const writableRootFilesystem = securityFlagRule({
  id: 'writable-root-filesystem',
  title: 'Container root filesystem is writable',
  severity: 'info',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'read-only-root-filesystem',
  rationale:
    'With a writable root filesystem an attacker who gets code execution can drop tools or change binaries and ' +
    'configuration, and the change lasts until the container restarts. A read-only root makes the image immutable at ' +
    'run time; the few paths an application writes to can be emptyDir volumes.',
  remediation: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` at each path the application writes (for example `/tmp`).',
  equivalents: {
    kubeScore: ['container-security-context-readonlyrootfilesystem'],
    kubeLinter: ['no-read-only-root-fs'],
    polaris: ['notReadOnlyRootFilesystem'],
    checkov: ['CKV_K8S_22'],
    datree: ['CONTAINERS_INCORRECT_READONLYROOTFILESYSTEM_VALUE'],
  },
  flag: 'readOnlyRootFilesystem',
  safe: true,
  missing: (subject) => `${subject} can write to its root filesystem (readOnlyRootFilesystem is not true).`,
  fix: {
    title: 'Set readOnlyRootFilesystem: true (mount emptyDir where the app writes)',
    isPreferred: false,
    comment: 'TODO: mount an emptyDir at paths the app writes to',
  },
});
