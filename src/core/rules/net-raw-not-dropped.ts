import { containersOf, type ContainerRef } from '../model/podSpecs';
import { defineRule, type FindingDraft } from './rule';
import { containerAnchor } from './support/anchors';
import { capabilityList, capabilityName } from './support/capabilities';
import { containerSubject } from './support/workloads';

export const netRawNotDropped = defineRule<NetRawGrant>({
  id: 'net-raw-not-dropped',
  target: 'object',
  title: 'Container keeps the NET_RAW capability',
  severity: 'info',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'linux-capabilities',
  rationale:
    'Container runtimes grant NET_RAW by default. It lets a process craft raw packets, which makes spoofing and ' +
    'man-in-the-middle attacks against other Pods on the node possible, while ordinary applications never need it ' +
    '(even ping works without it on current kernels).',
  remediation: 'Add `NET_RAW` (or `ALL`) to `securityContext.capabilities.drop`, and do not list it under `add`.',
  equivalents: {
    kubeLinter: ['drop-net-raw-capability'],
    polaris: ['insecureCapabilities'],
    checkov: ['CKV_K8S_28'],
    regula: ['FG_R00491'],
  },
  differences:
    'kube-linter passes a container whose `capabilities` are written but empty; the runtime still grants NET_RAW ' +
    'there, so we report it.',

  check(object) {
    return containersOf(object).flatMap((ref) => {
      const findings: FindingDraft<NetRawGrant>[] = [];
      const add = capabilityList(ref, 'add');
      const drop = capabilityList(ref, 'drop');
      for (const item of add.items) {
        if (capabilityName(String(item.value)) === 'NET_RAW') {
          findings.push({ message: `${containerSubject(ref)} adds NET_RAW, which lets it craft raw packets.`, span: item.span, data: { ref, remove: String(item.value) } });
        }
      }
      if (drop.state !== 'unknown' && !drop.names.some((n) => ['NET_RAW', 'ALL'].includes(capabilityName(n)))) {
        findings.push({ message: `${containerSubject(ref)} does not drop NET_RAW (nor ALL), which the runtime grants by default.`, span: containerAnchor(ref), data: { ref } });
      }
      return findings;
    });
  },

  fix(finding, context) {
    const ref = finding.data?.ref;
    if (!ref) return [];
    const remove = finding.data?.remove;
    if (remove !== undefined) {
      const kept = capabilityList(ref, 'add').names.filter((n) => n !== remove);
      return [{ title: `Stop adding ${remove}`, isPreferred: true, edits: context.editor.setIn(ref.container, ['securityContext', 'capabilities', 'add'], kept) }];
    }
    const existing = capabilityList(ref, 'drop').names;
    const drop = (name: string) => context.editor.setIn(ref.container, ['securityContext', 'capabilities', 'drop'], [...existing, name]);
    return [
      { title: 'Drop NET_RAW', isPreferred: true, edits: drop('NET_RAW') },
      { title: 'Drop ALL capabilities (add back only what the app needs)', isPreferred: false, edits: drop('ALL') },
    ];
  },
});

/** The container, and the added capability to remove when NET_RAW is added by name. */
type NetRawGrant = { ref: ContainerRef; remove?: string };
