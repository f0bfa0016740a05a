import { containersOf, type ContainerRef } from '../model/podSpecs';
import { defineRule } from './rule';
import { capabilityList, capabilityName } from './support/capabilities';
import { containerSubject } from './support/workloads';

/** Capabilities that give a container power over the node or other workloads. */
const DANGEROUS: Record<string, string> = {
  ALL: 'every capability',
  SYS_ADMIN: 'mounts, namespaces and much of what root can do',
  NET_ADMIN: 'control of network interfaces, routes and firewall rules',
  SYS_PTRACE: 'tracing and reading the memory of other processes',
  SYS_MODULE: 'loading kernel modules',
  SYS_RAWIO: 'raw access to devices and I/O ports',
  SYS_BOOT: 'rebooting the node',
  SYS_TIME: "setting the node's clock",
  DAC_READ_SEARCH: 'reading any file, bypassing permissions',
  DAC_OVERRIDE: 'bypassing file permission checks',
  BPF: 'loading eBPF programs into the kernel',
  PERFMON: 'kernel performance monitoring',
  MAC_ADMIN: 'changing mandatory access control policy',
};

export const dangerousCapabilityAdded = defineRule<{ ref: ContainerRef; remove: string }>({
  id: 'dangerous-capability-added',
  target: 'object',
  title: 'Container adds a dangerous Linux capability',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'linux-capabilities',
  rationale:
    'Capabilities split root\'s powers into pieces. Some pieces are nearly as strong as root itself (SYS_ADMIN, ' +
    'SYS_MODULE, SYS_PTRACE, NET_ADMIN…): a container holding one of them can reach beyond its own isolation, so an ' +
    'attacker inside it can often take over the node.',
  remediation: 'Remove the capability from `securityContext.capabilities.add`; if a feature needs it, prefer a narrower capability or move that work to a dedicated, audited component.',
  equivalents: {
    polaris: ['dangerousCapabilities'],
    // Checkov's CKV_K8S_25 (any added capability) and CKV_K8S_37 (drop ALL) are other ideas; only SYS_ADMIN matches.
    checkov: ['CKV_K8S_39'],
    datree: ['CONTAINERS_INVALID_CAPABILITIES_VALUE'],
    regula: ['FG_R00492'],
  },
  differences: 'NET_RAW is reported by `net-raw-not-dropped` instead.',

  check(object) {
    return containersOf(object).flatMap((ref) => capabilityList(ref, 'add').items.flatMap((item) => {
      const name = capabilityName(String(item.value));
      const power = DANGEROUS[name];
      if (!power) return [];
      return [{ message: `${containerSubject(ref)} adds ${name}, which grants ${power}.`, span: item.span, data: { ref, remove: String(item.value) } }];
    }));
  },

  fix(finding, context) {
    const ref = finding.data?.ref;
    const remove = finding.data?.remove;
    if (!ref || remove === undefined) return [];
    const kept = capabilityList(ref, 'add').names.filter((n) => n !== remove);
    return [{ title: `Stop adding ${remove}`, isPreferred: true, edits: context.editor.setIn(ref.container, ['securityContext', 'capabilities', 'add'], kept) }];
  },
});
