import type { K8sObject } from '../model/k8sObject';
import { at, scalarString } from '../model/tree';
import { defineRule } from './rule';
import { kindSurelyNear, namedNear, ofKindNear } from './support/crossObject';

export const hpaTargetMissing = defineRule({
  id: 'hpa-target-missing',
  target: 'object',
  title: 'HorizontalPodAutoscaler targets an object that does not exist',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'horizontal-pod-autoscaler',
  rationale:
    'An autoscaler scales the object its `scaleTargetRef` names. If no object of that kind and name exists in the ' +
    'namespace, it does nothing and reports errors, and the workload it was meant for runs at a fixed size.',
  remediation: 'Make `scaleTargetRef.kind` and `name` match the Deployment or StatefulSet to scale.',
  equivalents: { kubeScore: ['horizontalpodautoscaler-has-target'], kubeLinter: ['dangling-horizontalpodautoscaler'] },
  differences: 'Judged only when objects of the target kind are defined in the same namespace in the file or folder.',

  check(object, context) {
    if (object.kind !== 'HorizontalPodAutoscaler') return [];
    const ref = at(object.root, 'spec', 'scaleTargetRef');
    const kind = scalarString(at(ref, 'kind'));
    const nameNode = at(ref, 'name');
    const name = scalarString(nameNode);
    if (!kind || !name || nameNode?.kind !== 'scalar') return [];
    // A candidate whose name is only known at plan time might be the target.
    if (!kindSurelyNear(context, kind, object) || namedNear(context, kind, name, object) || namedNear(context, kind, undefined, object)) return [];
    const candidates: K8sObject[] = [];
    for (const candidate of ofKindNear(context, kind, object)) if (candidates.push(candidate) > 3) break;
    const names = candidates.slice(0, 3).map((c) => `"${c.name}"`).join(', ') + (candidates.length > 3 ? ', …' : '');
    return [{ message: `No ${kind} named "${name}" is defined in this namespace (there is ${names}).`, span: nameNode.span }];
  },
});
