import type { ContainerRef } from '../../model/podSpecs';
import { child } from '../../model/tree';
import { defineRule, ruleMetadata, type Rule, type RuleMetadata } from '../rule';
import { containerAnchor } from './anchors';
import { firstTcpPort, probeTarget, type ProbeName } from './probes';
import { field } from './values';
import { containerSubject, servingContainers } from './workloads';

interface MissingProbeSpec extends RuleMetadata {
  probe: ProbeName;
  consequence: string;
  /** Paths tried in order for the generated probe; the first that does not copy another probe of the container wins. */
  paths: string[];
  todo: string;
}

/**
 * A rule for a probe missing on containers that serve for the Pod's lifetime (regular containers and sidecar init
 * containers, outside Jobs). The fix writes an HTTP probe on the container's first TCP port with a placeholder path.
 */
export function missingProbeRule(spec: MissingProbeSpec): Rule {
  return defineRule<{ ref: ContainerRef }>({
    ...ruleMetadata(spec),
    target: 'object',

    check(object) {
      return servingContainers(object).flatMap((ref) => {
        if (field(ref.container, spec.probe).state !== 'missing') return [];
        return [{ message: `${containerSubject(ref)} has no ${spec.probe}; ${spec.consequence}`, span: containerAnchor(ref), data: { ref } }];
      });
    },

    fix(finding, context) {
      const ref = finding.data?.ref;
      const port = ref ? firstTcpPort(ref) : undefined;
      if (!ref || port === undefined) return [];
      // A generated probe must not duplicate the container's other probes (that is a finding of its own).
      const taken = new Set(['livenessProbe', 'readinessProbe', 'startupProbe'].map((p) => probeTarget(child(ref.container, p))));
      const path = spec.paths.find((p) => !taken.has(`http ${p} ${port}`));
      if (!path) return [];
      return [{
        title: `Add an HTTP ${spec.probe} on port ${port} (path ${path} to confirm)`,
        isPreferred: false,
        edits: context.editor.setIn(ref.container, [spec.probe, 'httpGet'], { path, port }, spec.todo),
      }];
    },
  });
}
