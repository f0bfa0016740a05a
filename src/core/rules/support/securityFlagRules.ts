import { containersOf, type ContainerRef } from '../../model/podSpecs';
import type { ScalarNode } from '../../model/tree';
import { defineRule, ruleMetadata, type Rule, type RuleMetadata } from '../rule';
import { containerAnchor } from './anchors';
import { containerSecurity } from './securityContext';
import { booleanOf } from './values';
import { containerSubject } from './workloads';

/** A boolean of a container's own `securityContext` whose safe value is known. */
type SecurityFlag = 'privileged' | 'allowPrivilegeEscalation' | 'readOnlyRootFilesystem';

interface SecurityFlagSpec extends RuleMetadata {
  flag: SecurityFlag;
  /** The value that closes the hole (`allowPrivilegeEscalation: false`). */
  safe: boolean;
  /** The finding on an explicit unsafe value; default `<Container "x"> sets <flag>: <unsafe>.` */
  written?: (subject: string) => string;
  /** The finding when the flag is left out, for flags whose default is unsafe; none when the default is safe. */
  missing?: (subject: string) => string;
  /** Containers for which the missing flag is reported with this message instead, without a fix (it cannot be set). */
  cannotSet?: (ref: ContainerRef, subject: string) => string | undefined;
  fix: { title: string; isPreferred: boolean; comment?: string };
}

/**
 * The family of rules on one container security flag (as kube-linter's templates are parameters of one check):
 * an explicit unsafe value is reported on the value, a missing flag (when the default is unsafe) on the container;
 * the fix writes the safe value.
 */
export function securityFlagRule(spec: SecurityFlagSpec): Rule {
  return defineRule<{ ref: ContainerRef; written?: ScalarNode }>({
    ...ruleMetadata(spec),
    target: 'object',

    check(object) {
      return containersOf(object).flatMap((ref) => {
        const state = containerSecurity(ref, spec.flag);
        if (state.state === 'unknown') return [];
        const subject = containerSubject(ref);
        if (state.state === 'present') {
          if (state.node.kind !== 'scalar' || booleanOf(state.node) !== !spec.safe) return [];
          const message = spec.written?.(subject) ?? `${subject} sets ${spec.flag}: ${!spec.safe}.`;
          return [{ message, span: state.node.span, data: { ref, written: state.node } }];
        }
        if (!spec.missing) return [];
        const cannotSet = spec.cannotSet?.(ref, subject);
        if (cannotSet) return [{ message: cannotSet, span: containerAnchor(ref) }];
        return [{ message: spec.missing(subject), span: containerAnchor(ref), data: { ref } }];
      });
    },

    fix(finding, context) {
      if (!finding.data) return [];
      const { ref, written } = finding.data;
      const { title, isPreferred, comment } = spec.fix;
      const edits = written
        ? context.editor.setScalar(written, spec.safe, comment)
        : context.editor.setIn(ref.container, ['securityContext', spec.flag], spec.safe, comment);
      return [{ title, isPreferred, edits }];
    },
  });
}
