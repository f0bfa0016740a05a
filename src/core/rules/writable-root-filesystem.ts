import { containersOf, type ContainerRef } from '../model/podSpecs';
import { defineRule } from './rule';
import { containerAnchor } from './support/anchors';
import { capitalise } from './support/resourceRules';
import { containerSecurity } from './support/securityContext';
import { booleanOf } from './support/values';
import { containerLabel } from './support/workloads';

export const writableRootFilesystem = defineRule<{ ref: ContainerRef }>({
  id: 'writable-root-filesystem',
  target: 'object',
  title: 'Container root filesystem is writable',
  severity: 'info',
  enabledByDefault: true,
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

  check(object) {
    return containersOf(object).flatMap((ref) => {
      const readOnly = containerSecurity(ref, 'readOnlyRootFilesystem');
      if (readOnly.state === 'unknown') return [];
      if (readOnly.state === 'present') {
        if (booleanOf(readOnly.node) !== false) return [];
        return [{ message: `${capitalise(containerLabel(ref))} sets readOnlyRootFilesystem: false.`, span: readOnly.node.span, data: { ref } }];
      }
      return [{ message: `${capitalise(containerLabel(ref))} can write to its root filesystem (readOnlyRootFilesystem is not true).`, span: containerAnchor(ref), data: { ref } }];
    });
  },

  fix(finding, context) {
    const ref = finding.data?.ref;
    if (!ref) return [];
    return [{
      title: 'Set readOnlyRootFilesystem: true (mount emptyDir where the app writes)',
      isPreferred: false,
      edits: context.editor.setIn(ref.container, ['securityContext', 'readOnlyRootFilesystem'], true, 'TODO: mount an emptyDir at paths the app writes to'),
    }];
  },
});
