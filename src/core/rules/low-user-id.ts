import { containersOf } from '../model/podSpecs';
import type { MapNode, ScalarNode } from '../model/tree';
import { defineRule, type FindingDraft } from './rule';
import { field, integerOf } from './support/values';
import { containerSubject } from './support/workloads';

const MIN_ID = 10000;
const KEYS = ['runAsUser', 'runAsGroup'] as const;

function lowIds(owner: MapNode, who: string): FindingDraft<LowId>[] {
  return KEYS.flatMap((key) => {
    const state = field(owner, 'securityContext', key);
    if (state.state !== 'present' || state.node.kind !== 'scalar') return [];
    const id = integerOf(state.node);
    if (id === undefined || id >= MIN_ID) return [];
    return [{ message: `${who} sets ${key}: ${id}; IDs below ${MIN_ID} can collide with users and groups of the node.`, span: state.node.span, data: { node: state.node } }];
  });
}

export const lowUserId = defineRule<LowId>({
  id: 'low-user-id',
  target: 'object',
  title: 'User or group ID below 10000',
  severity: 'info',
  enabledByDefault: false,
  reports: 'presence',
  concept: 'run-as-non-root',
  rationale:
    'Without user namespaces, a UID or GID inside the container is the same number on the node. Low IDs are the ones ' +
    'system accounts and real users of the node have, so a process that escapes the container would act as that account ' +
    'on files it can reach. High IDs (10000 and above) belong to nobody on a typical node.',
  remediation: 'Set `runAsUser` and `runAsGroup` to values of 10000 or more, and make the image\'s files readable by that user.',
  equivalents: {
    kubeScore: ['container-security-context-user-group-id'],
    checkov: ['CKV_K8S_40'],
    datree: ['CONTAINERS_INCORRECT_RUNASUSER_VALUE_LOWUID', 'CONTAINERS_INCORRECT_RUNASGROUP_VALUE_LOWGID'],
  },
  differences:
    'kube-score also fails IDs that are not set; we report only IDs that are written (an unset user is the concern of ' +
    '`run-as-root-allowed`). A Pod-level ID is reported once, on the Pod spec.',

  check(object) {
    const refs = containersOf(object);
    const first = refs[0];
    const podLevel = first ? lowIds(first.podSpec, 'The Pod') : [];
    return [...podLevel, ...refs.flatMap((ref) => lowIds(ref.container, containerSubject(ref)))];
  },

  fix(finding, context) {
    const node = finding.data?.node;
    if (!node) return [];
    return [{ title: 'Use ID 10001 (check file ownership in the image)', isPreferred: false, edits: context.editor.setScalar(node, 10001, 'TODO: make the image files readable by this ID') }];
  },
});

/** The written ID the fix raises. */
type LowId = { node: ScalarNode };
