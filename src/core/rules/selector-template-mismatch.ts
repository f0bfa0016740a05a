import type { K8sObject } from '../model/k8sObject';
import { isWorkloadKind } from '../model/podSpecs';
import { at, child, type MapNode } from '../model/tree';
import { defineRule } from './rule';
import { keyAnchor, objectAnchor } from './support/anchors';
import { hasMapSelector, podLabels, podTemplateOf } from './support/podTemplate';
import { describeSelector, labelSelectorOf, mapSelectorOf, selectorMatches, type LabelSelector } from './support/selectors';
import { booleanOf } from './support/values';

const LABEL_SELECTOR_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Rollout']);

export const selectorTemplateMismatch = defineRule<{ selector: LabelSelector; labels: Record<string, string>; template: MapNode | undefined }>({
  id: 'selector-template-mismatch',
  target: 'object',
  title: "Workload selector does not match its Pod template's labels",
  severity: 'error',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'labels-and-selectors',
  rationale:
    'A controller owns the Pods its `spec.selector` matches, and creates them from its template. If the template labels ' +
    'do not satisfy the selector, the API server rejects the object (apps/v1), or the controller keeps creating Pods it ' +
    'never counts as its own.',
  remediation: 'Give the Pod template every label the selector requires. Change the template rather than the selector: selectors of existing Deployments cannot be changed.',
  equivalents: { kubeScore: ['deployment-pod-selector-labels-match-template-metadata-labels'], kubeLinter: ['mismatching-selector'] },

  check(object) {
    const selector = selectorOf(object);
    const labels = podLabels(object);
    if (!selector || !labels || selectorMatches(selector, labels)) return [];
    return [{
      message: `The selector (${describeSelector(selector)}) does not match the Pod template labels (${Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ') || 'none'}).`,
      span: keyAnchor(child(object.root, 'spec'), 'selector', objectAnchor(object)),
      data: { selector, labels, template: podTemplateOf(object) },
    }];
  },

  fix(finding, context) {
    const selector = finding.data?.selector;
    const labels = finding.data?.labels;
    const template = finding.data?.template;
    if (!selector || !labels || !template) return [];
    const needed = Object.fromEntries(Object.entries(selector.matchLabels).filter(([k, v]) => labels[k] !== v));
    // Only matchLabels can be copied; when expressions still fail, the right labels are a human decision.
    if (Object.keys(needed).length === 0 || !selectorMatches(selector, { ...labels, ...needed })) return [];
    return [{
      title: `Add the selector's labels to the Pod template (${Object.entries(needed).map(([k, v]) => `${k}: ${v}`).join(', ')})`,
      isPreferred: true,
      edits: context.editor.setIn(template, ['metadata', 'labels'], needed),
    }];
  },
});

function selectorOf(object: K8sObject): LabelSelector | undefined {
  const node = at(object.root, 'spec', 'selector');
  if (!node || (node.kind === 'scalar' && node.value === null) || !isWorkloadKind(object)) return undefined;
  if (hasMapSelector(object)) return mapSelectorOf(node);
  if (!LABEL_SELECTOR_KINDS.has(object.kind ?? '')) return undefined;
  // A Job's selector is generated unless manualSelector is set.
  if (object.kind === 'Job' && booleanOf(at(object.root, 'spec', 'manualSelector')) !== true) return undefined;
  return labelSelectorOf(node);
}
