import { containersOf, type ContainerRef } from '../model/podSpecs';
import { defineRule } from './rule';
import { containerAnchor } from './support/anchors';
import { effectiveSecurity } from './support/securityContext';
import { booleanOf, integerOf } from './support/values';
import { containerSubject } from './support/workloads';

export const runAsRootAllowed = defineRule<{ ref: ContainerRef }>({
  id: 'run-as-root-allowed',
  target: 'object',
  title: 'Container may run as root',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'run-as-non-root',
  rationale:
    'Many images start as root (UID 0). Root inside a container is still root to the kernel: with a container escape, ' +
    'a writable host mount or a kernel bug it becomes root on the node. `runAsNonRoot: true` makes the kubelet refuse ' +
    'to start the container as UID 0, and a non-zero `runAsUser` chooses the user explicitly.',
  remediation: 'Set `securityContext.runAsNonRoot: true` (on the Pod or the container) and build the image with a non-root `USER`, or set `runAsUser` to a non-zero UID.',
  equivalents: {
    kubeScore: ['container-security-context-user-group-id'],
    kubeLinter: ['run-as-non-root'],
    polaris: ['runAsRootAllowed'],
    checkov: ['CKV_K8S_23'],
    datree: ['CONTAINERS_INCORRECT_RUNASNONROOT_VALUE'],
    regula: ['FG_R00490'],
  },
  differences: 'The container setting wins over the Pod setting, as in Kubernetes; a non-zero `runAsUser` alone is enough.',

  check(object) {
    return containersOf(object).flatMap((ref) => {
      const nonRoot = effectiveSecurity(ref, 'runAsNonRoot');
      const user = effectiveSecurity(ref, 'runAsUser');
      if (nonRoot.state === 'unknown' || user.state === 'unknown') return [];
      if (user.state === 'present') {
        const uid = integerOf(user.node);
        if (uid === 0) return [{ message: `${containerSubject(ref)} runs as root (runAsUser: 0).`, span: user.node.span }];
        if (uid === undefined || uid > 0) return [];
      }
      if (nonRoot.state === 'present' && booleanOf(nonRoot.node) === true) return [];
      return [{ message: `${containerSubject(ref)} may run as root: neither runAsNonRoot: true nor a non-zero runAsUser applies to it.`, span: containerAnchor(ref), data: { ref } }];
    });
  },

  fix(finding, context) {
    const ref = finding.data?.ref;
    if (!ref) return [];
    return [{
      title: 'Set runAsNonRoot: true (the image must run as a non-root user)',
      isPreferred: false,
      edits: context.editor.setIn(ref.container, ['securityContext', 'runAsNonRoot'], true, 'TODO: check the image runs as a non-root USER'),
    }];
  },
});
