import { containersOf } from '../model/podSpecs';
import { child, scalarString, type ValueNode } from '../model/tree';
import { defineRule } from './rule';
import { containerSecurity } from './support/securityContext';
import { containerSubject } from './support/workloads';

export const procMountUnmasked = defineRule<{ securityContext: ValueNode | undefined }>({
  id: 'proc-mount-unmasked',
  target: 'object',
  title: 'Container sees an unmasked /proc',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'proc-filesystem',
  rationale:
    'The runtime normally masks and makes read-only the parts of /proc that describe or control the kernel. ' +
    '`procMount: Unmasked` removes that protection, exposing kernel tunables and information about the host to the container.',
  remediation: 'Remove `procMount` (the default is `Default`, the masked view). Unmasked is meant only for nested container runtimes with user namespaces.',
  equivalents: { kubeLinter: ['unsafe-proc-mount'], polaris: ['procMount'] },

  check(object) {
    return containersOf(object).flatMap((ref) => {
      const mount = containerSecurity(ref, 'procMount');
      if (mount.state !== 'present' || scalarString(mount.node) !== 'Unmasked') return [];
      return [{ message: `${containerSubject(ref)} sets procMount: Unmasked.`, span: mount.node.span, data: { securityContext: child(ref.container, 'securityContext') } }];
    });
  },

  fix(finding, context) {
    const securityContext = finding.data?.securityContext;
    return securityContext?.kind === 'map' ? [{ title: 'Remove procMount: Unmasked', isPreferred: true, edits: context.editor.deleteKey(securityContext, 'procMount') }] : [];
  },
});
