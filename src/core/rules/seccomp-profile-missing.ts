import type { K8sObject } from '../model/k8sObject';
import { containersOf, podSpecOf } from '../model/podSpecs';
import { scalarString, type MapNode, type ScalarNode } from '../model/tree';
import { defineRule, type FindingDraft } from './rule';
import { podSpecAnchor } from './support/anchors';
import { annotationMaps } from './support/podTemplate';
import { field } from './support/values';
import { containerSubject } from './support/workloads';

const CONFINED = new Set(['RuntimeDefault', 'Localhost']);
/** Annotations that set a Pod's profile before the securityContext field existed (1.19). */
const LEGACY_POD_ANNOTATIONS = ['seccomp.security.alpha.kubernetes.io/pod', 'seccomp.security.alpha.kubernetes.io/defaultProfileName'];

/** `securityContext.seccompProfile.type` of a Pod spec or container: its node, `missing`, or `unknown`. */
function profileType(owner: MapNode): ScalarNode | 'missing' | 'unknown' {
  const state = field(owner, 'securityContext', 'seccompProfile', 'type');
  if (state.state !== 'present') return state.state;
  return state.node.kind === 'scalar' ? state.node : 'unknown';
}

function unconfined(node: ScalarNode, who: string): FindingDraft<ProfileGap>[] {
  const type = scalarString(node);
  return type && !CONFINED.has(type) ? [{ message: `${who} sets seccompProfile type ${type}: every system call is allowed.`, span: node.span, data: { node } }] : [];
}

export const seccompProfileMissing = defineRule<ProfileGap>({
  id: 'seccomp-profile-missing',
  target: 'object',
  title: 'Pod has no seccomp profile',
  severity: 'info',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'seccomp',
  rationale:
    'seccomp filters the system calls a process may make. Kubernetes runs containers Unconfined unless a profile is ' +
    'set, so the whole kernel interface is open to an attacker. The runtime\'s default profile (`RuntimeDefault`) blocks ' +
    'rarely used and dangerous calls and almost never breaks applications.',
  remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` on the Pod (or `Localhost` with a tailored profile).',
  equivalents: {
    kubeScore: ['container-seccomp-profile'],
    polaris: ['linuxHardening'],
    // CKV_K8S_32 is the same idea for PodSecurityPolicy objects, which Kubernetes removed in 1.25.
    checkov: ['CKV_K8S_31'],
    datree: ['CONTAINERS_INCORRECT_SECCOMP_PROFILE'],
    regula: ['FG_R00495'],
  },
  differences:
    'Reported once per Pod spec rather than per container, since one Pod-level setting covers every container. The ' +
    'legacy `seccomp.security.alpha.kubernetes.io/*` annotations count as set.',

  check(object) {
    const podSpec = podSpecOf(object);
    if (!podSpec) return [];
    const findings: FindingDraft<ProfileGap>[] = [];
    const podType = profileType(podSpec);
    if (typeof podType === 'object') findings.push(...unconfined(podType, 'The Pod'));
    const uncovered: string[] = [];
    for (const ref of containersOf(object)) {
      const own = profileType(ref.container);
      if (typeof own === 'object') findings.push(...unconfined(own, containerSubject(ref)));
      else if (own === 'missing') uncovered.push(ref.name);
    }
    if (podType === 'missing' && uncovered.length > 0 && !hasLegacyAnnotation(object)) {
      findings.push({
        message: `No seccomp profile applies to ${uncovered.map((n) => `"${n}"`).join(', ')}: the containers may use every system call.`,
        span: podSpecAnchor(object),
        data: { podSpec },
      });
    }
    return findings;
  },

  fix(finding, context) {
    const data = finding.data;
    if (!data) return [];
    if ('node' in data) return [{ title: 'Use the RuntimeDefault seccomp profile', isPreferred: true, edits: context.editor.setScalar(data.node, 'RuntimeDefault') }];
    const { podSpec } = data;
    return [{ title: 'Set the Pod seccomp profile to RuntimeDefault', isPreferred: true, edits: context.editor.setIn(podSpec, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault') }];
  },
});

/** Whether a legacy annotation sets a profile (or might: a value known only at plan time counts as set). */
function hasLegacyAnnotation(object: K8sObject): boolean {
  return annotationMaps(object).some((map) => map.kind === 'unknown' || (map.kind === 'map' && map.entries.some((e) =>
    LEGACY_POD_ANNOTATIONS.includes(e.key) && (e.value.kind === 'unknown' || (e.value.kind === 'scalar' && e.value.value !== null && e.value.value !== 'unconfined')))));
}

/** The `Unconfined` profile type the fix replaces, or the Pod spec to give a profile. */
type ProfileGap = { node: ScalarNode } | { podSpec: MapNode };
