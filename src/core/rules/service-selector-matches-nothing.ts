import { child } from '../model/tree';
import { defineRule } from './rule';
import { keyAnchor, objectAnchor } from './support/anchors';
import { podOwnerCountNear, podOwnerSurelyNear, podOwnersMatching, podOwnersMatchingAnywhere } from './support/crossObject';
import { describeSelector } from './support/selectors';
import { serviceSelector } from './support/services';

export const serviceSelectorMatchesNothing = defineRule({
  id: 'service-selector-matches-nothing',
  target: 'object',
  title: 'Service selector matches no Pod template',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'labels-and-selectors',
  rationale:
    'A Service sends traffic to the Pods whose labels match its selector. If no Pod matches, the Service has no ' +
    'endpoints and every connection to it fails, usually because a label differs between the Service and the Pod template.',
  remediation: 'Make `spec.selector` a subset of the Pod template labels of the workload it fronts (`app: web` on both sides).',
  equivalents: { kubeScore: ['service-targets-pod'], kubeLinter: ['dangling-service'] },
  differences:
    'Judged only when Pods of the same namespace are defined in the file or folder (or matching Pods sit in another ' +
    'namespace written out on both sides); a Service on its own, whose Pods are defined elsewhere, is not reported. ' +
    'Services without a selector (manual endpoints) are skipped.',

  check(object, context) {
    if (object.kind !== 'Service') return [];
    const selector = serviceSelector(object);
    if (!selector) return [];
    for (const _ of podOwnersMatching(context, selector, object)) return [];
    const anchor = keyAnchor(child(object.root, 'spec'), 'selector', objectAnchor(object));
    if (!podOwnerSurelyNear(context, object)) {
      // Pods matching the selector, but in another namespace written out on both sides: almost always a mistake.
      let elsewhere;
      if (object.namespace !== undefined) {
        for (const o of podOwnersMatchingAnywhere(context, selector)) {
          if (o.namespace !== undefined && o.namespace !== object.namespace) { elsewhere = o; break; }
        }
      }
      if (!elsewhere) return [];
      return [{ message: `The selector matches the Pods of ${elsewhere.address} only in namespace "${elsewhere.namespace}"; a Service in "${object.namespace}" selects Pods of its own namespace.`, span: anchor }];
    }
    return [{
      message: `The selector (${describeSelector(selector)}) matches none of the ${podOwnerCountNear(context, object)} Pod template(s) in this namespace; the Service has no endpoints.`,
      span: anchor,
    }];
  },
});
