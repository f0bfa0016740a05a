import { podSpecOf } from '../../model/podSpecs';
import type { MapNode } from '../../model/tree';
import { defineRule, type Equivalents, type Rule } from '../rule';
import { booleanOf, field } from './values';

interface HostNamespaceSpec {
  id: string;
  key: 'hostNetwork' | 'hostPID' | 'hostIPC';
  title: string;
  rationale: string;
  consequence: string;
  equivalents: Equivalents;
}

/** A rule for a Pod spec sharing one of the node's namespaces; the fix removes the setting (false is the default). */
export function hostNamespaceRule(spec: HostNamespaceSpec): Rule {
  return defineRule<{ podSpec: MapNode }>({
    id: spec.id,
    target: 'object',
    title: spec.title,
    severity: 'warning',
    enabledByDefault: true,
    reports: 'presence',
    concept: 'host-namespaces',
    rationale: spec.rationale,
    remediation: `Remove \`${spec.key}: true\`. Node agents that truly need it (CNI plugins, node exporters) should be few, reviewed, and suppressed with a reason.`,
    equivalents: spec.equivalents,

    check(object) {
      const podSpec = podSpecOf(object);
      const state = field(podSpec, spec.key);
      if (!podSpec || state.state !== 'present' || booleanOf(state.node) !== true) return [];
      return [{ message: `The Pod sets ${spec.key}: true; ${spec.consequence}`, span: state.node.span, data: { podSpec } }];
    },

    fix(finding, context) {
      const podSpec = finding.data?.podSpec;
      return podSpec ? [{ title: `Remove ${spec.key}: true`, isPreferred: true, edits: context.editor.deleteKey(podSpec, spec.key) }] : [];
    },
  });
}
