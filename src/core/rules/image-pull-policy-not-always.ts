import { parseImageReference } from '../model/imageReference';
import { containersOf, type ContainerRef } from '../model/podSpecs';
import { child, scalarString } from '../model/tree';
import { defineRule } from './rule';
import { containerAnchor } from './support/anchors';
import { field } from './support/values';
import { containerSubject } from './support/workloads';

/** The pull policy Kubernetes uses when none is written: Always for `latest` or no tag, IfNotPresent otherwise. */
function defaultPolicy(image: string | undefined): string {
  if (!image) return 'IfNotPresent';
  const parsed = parseImageReference(image.trim());
  return !parsed.digest && (parsed.tag === undefined || parsed.tag === 'latest') ? 'Always' : 'IfNotPresent';
}

export const imagePullPolicyNotAlways = defineRule<{ ref: ContainerRef }>({
  id: 'image-pull-policy-not-always',
  target: 'object',
  title: 'Image pull policy is not Always',
  severity: 'info',
  enabledByDefault: false,
  reports: 'absence',
  concept: 'image-pull-policy',
  rationale:
    'With `IfNotPresent` a node reuses whatever image it pulled before under that reference, and never asks the registry ' +
    'again, so the registry\'s access control (imagePullSecrets) is not re-checked for later Pods on that node. ' +
    '`Always` only re-downloads layers that changed, so its cost is a registry round-trip.',
  remediation: 'Set `imagePullPolicy: Always`, or pin images by digest and keep `IfNotPresent` if pulls must not depend on the registry.',
  equivalents: { kubeScore: ['container-image-pull-policy'], polaris: ['pullPolicyNotAlways'], checkov: ['CKV_K8S_15'] },

  check(object) {
    return containersOf(object).flatMap((ref) => {
      const written = field(ref.container, 'imagePullPolicy');
      // The default depends on the image's tag: unknown when the image is.
      if (written.state === 'unknown' || (written.state === 'missing' && field(ref.container, 'image').state === 'unknown')) return [];
      const policy = written.state === 'present' ? scalarString(written.node) : defaultPolicy(scalarString(child(ref.container, 'image')));
      if (!policy || policy === 'Always') return [];
      const how = written.state === 'present' ? `sets imagePullPolicy: ${policy}` : `gets imagePullPolicy ${policy} by default`;
      return [{
        message: `${containerSubject(ref)} ${how}; a node reuses its cached image without asking the registry.`,
        span: written.state === 'present' ? written.node.span : containerAnchor(ref),
        data: { ref },
      }];
    });
  },

  fix(finding, context) {
    const ref = finding.data?.ref;
    if (!ref) return [];
    return [{ title: 'Set imagePullPolicy: Always', isPreferred: true, edits: context.editor.setIn(ref.container, ['imagePullPolicy'], 'Always') }];
  },
});
