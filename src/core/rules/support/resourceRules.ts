import type { ContainerRef } from '../../model/podSpecs';
import type { ScalarNode } from '../../model/tree';
import { defineRule, ruleMetadata, type Rule, type RuleMetadata } from '../rule';
import { containerAnchor } from './anchors';
import { parseQuantity } from './quantities';
import { field } from './values';
import { containerSubject, plannedContainers } from './workloads';

export type ResourceName = 'cpu' | 'memory' | 'ephemeral-storage';
type Side = 'requests' | 'limits';

const RESOURCE_LABEL: Record<ResourceName, string> = { cpu: 'CPU', memory: 'memory', 'ephemeral-storage': 'ephemeral-storage' };

/** The written `resources.<side>.<resource>` of a container (scalar), `missing`, or `unknown`. */
export function resourceValue(ref: ContainerRef, side: Side, resource: ResourceName): ScalarNode | 'missing' | 'unknown' {
  const state = field(ref.container, 'resources', side, resource);
  if (state.state !== 'present') return state.state;
  return state.node.kind === 'scalar' ? state.node : 'unknown';
}

interface MissingResourceSpec extends RuleMetadata {
  side: Side;
  resource: ResourceName;
  /** Written when nothing better is known; always marked as a value to replace. */
  placeholder: string;
  /** Why the finding matters, completing "Container "x" has no CPU request; …". */
  consequence: string;
}

/**
 * A rule for one missing `resources.requests|limits.<resource>` on every container that can declare resources
 * (regular and init containers; ephemeral containers cannot). The fix copies the other side's value when it is
 * written (Kubernetes itself defaults a missing request to the limit), otherwise writes a placeholder with a TODO.
 */
export function missingResourceRule(spec: MissingResourceSpec): Rule {
  const other: Side = spec.side === 'requests' ? 'limits' : 'requests';
  const noun = `${RESOURCE_LABEL[spec.resource]} ${spec.side === 'requests' ? 'request' : 'limit'}`;
  return defineRule<{ ref: ContainerRef }>({
    ...ruleMetadata(spec),
    target: 'object',

    check(object) {
      return plannedContainers(object).flatMap((ref) => {
        const written = resourceValue(ref, spec.side, spec.resource);
        if (written === 'unknown') return [];
        if (typeof written === 'object') {
          // An explicit zero reserves or allows nothing: the same problem as leaving the value out.
          if (parseQuantity(written.value) !== 0) return [];
          return [{ message: `${containerSubject(ref)} sets its ${noun} to 0; ${spec.consequence}`, span: written.span, data: { ref } }];
        }
        const counterpart = resourceValue(ref, other, spec.resource);
        const defaulted = spec.side === 'requests' && typeof counterpart === 'object'
          ? ` (Kubernetes copies the limit, ${String(counterpart.value)}, but only implicitly)`
          : '';
        return [{
          message: `${containerSubject(ref)} has no ${noun}${defaulted}; ${spec.consequence}`,
          span: containerAnchor(ref),
          data: { ref },
        }];
      });
    },

    fix(finding, context) {
      const ref = finding.data?.ref;
      if (!ref) return [];
      const counterpart = resourceValue(ref, other, spec.resource);
      const copied = typeof counterpart === 'object' && counterpart.value !== null ? counterpart.value : undefined;
      if (copied !== undefined) {
        // Requests copied from limits are exactly what Kubernetes would use; limits copied from requests are a choice.
        const exact = spec.side === 'requests';
        return [{
          title: `Set ${noun} to ${String(copied)} (the ${other === 'limits' ? 'limit' : 'request'})`,
          isPreferred: exact,
          edits: context.editor.setIn(ref.container, ['resources', spec.side, spec.resource], copied, exact ? undefined : 'TODO: confirm from measured usage'),
        }];
      }
      return [{
        title: `Add a ${noun} placeholder (${spec.placeholder}) to size from measurements`,
        isPreferred: false,
        edits: context.editor.setIn(ref.container, ['resources', spec.side, spec.resource], spec.placeholder, 'TODO: size from measurements'),
      }];
    },
  });
}
