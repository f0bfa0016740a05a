import type { K8sObject } from '../model/k8sObject';
import { podSpecOf } from '../model/podSpecs';
import { at, child, listItems, scalarString, type MapNode, type ValueNode } from '../model/tree';
import { defineRule } from './rule';
import { podSpecAnchor } from './support/anchors';
import { podLabels } from './support/podTemplate';
import { labelSelectorOf, selectorMatches } from './support/selectors';
import { plainValue } from './support/values';
import { isDeploymentLike, replicasOf } from './support/workloads';

const SPREAD_KEYS = new Set(['kubernetes.io/hostname', 'topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone']);

/** Whether an affinity term or spread constraint applies to the object's own Pods. */
function selectsOwnPods(term: ValueNode, object: K8sObject, labels: Record<string, string>): boolean {
  const namespaces = listItems(child(term, 'namespaces')).map((n) => scalarString(n));
  if (namespaces.length > 0 && object.namespace !== undefined && !namespaces.includes(object.namespace)) return false;
  const selector = labelSelectorOf(child(term, 'labelSelector'));
  return selector !== undefined && selectorMatches(selector, labels);
}

function spreads(object: K8sObject, podSpec: MapNode, labels: Record<string, string>): boolean {
  const anti = at(podSpec, 'affinity', 'podAntiAffinity');
  const terms = [
    ...listItems(child(anti, 'requiredDuringSchedulingIgnoredDuringExecution')),
    ...listItems(child(anti, 'preferredDuringSchedulingIgnoredDuringExecution')).map((p) => child(p, 'podAffinityTerm')).filter((t): t is ValueNode => t !== undefined),
  ];
  if (terms.some((t) => SPREAD_KEYS.has(scalarString(child(t, 'topologyKey')) ?? '') && selectsOwnPods(t, object, labels))) return true;
  return listItems(child(podSpec, 'topologySpreadConstraints')).some((c) => selectsOwnPods(c, object, labels));
}

export const podAntiAffinityMissing = defineRule<{ podSpec: MapNode; labels: Record<string, string> }>({
  id: 'pod-anti-affinity-missing',
  target: 'object',
  title: 'Replicas are not spread across nodes',
  severity: 'info',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'pod-anti-affinity-and-topology-spread',
  rationale:
    'The scheduler may put every replica on the same node, so losing that node (or draining it) takes them all down at ' +
    'once. Pod anti-affinity or a topology spread constraint on the Pods\' own labels keeps replicas on different nodes or zones.',
  remediation: 'Add a `topologySpreadConstraints` entry on `kubernetes.io/hostname` (or a zone) with a `labelSelector` matching the Pod labels, or a podAntiAffinity term that does the same.',
  equivalents: {
    kubeScore: ['deployment-has-host-podantiaffinity', 'statefulset-has-host-podantiaffinity', 'pod-topology-spread-constraints'],
    kubeLinter: ['no-anti-affinity'],
    polaris: ['topologySpreadConstraint'],
    datree: ['EKS_MISSING_KEY_TOPOLOGYKEY'],
  },
  differences:
    'A topology spread constraint counts as well as anti-affinity (kube-score checks them separately), and zone keys ' +
    'count as well as the hostname. As in kube-score, an unset replica count is checked (it may be autoscaled) and an explicit 1 is not.',

  check(object) {
    if (!isDeploymentLike(object) && object.kind !== 'StatefulSet') return [];
    const replicas = replicasOf(object);
    if (replicas === 'unknown' || (typeof replicas === 'number' && replicas < 2)) return [];
    const podSpec = podSpecOf(object);
    const labels = podLabels(object);
    if (!podSpec || !labels || spreads(object, podSpec, labels)) return [];
    if (child(podSpec, 'affinity')?.kind === 'unknown' || child(podSpec, 'topologySpreadConstraints')?.kind === 'unknown') return [];
    return [{ message: `Nothing keeps the replicas of ${object.address} on different nodes; one node failure can take them all down.`, span: podSpecAnchor(object), data: { podSpec, labels } }];
  },

  fix(finding, context) {
    const podSpec = finding.data?.podSpec;
    const labels = finding.data?.labels;
    if (!podSpec || !labels || Object.keys(labels).length === 0) return [];
    const existing = listItems(child(podSpec, 'topologySpreadConstraints'));
    if (existing.some((c) => c.kind !== 'map')) return [];
    const constraint = { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: labels } };
    const current = existing.map(plainValue);
    return [{
      title: 'Spread the replicas across nodes (topologySpreadConstraints)',
      isPreferred: true,
      edits: context.editor.setIn(podSpec, ['topologySpreadConstraints'], [...current, constraint]),
    }];
  },
});

