import { containersOf } from '../model/podSpecs';
import { parseImageReference } from '../model/imageReference';
import { child, scalarString, type ScalarNode } from '../model/tree';
import { defineRule, type Fix } from './rule';

const PLACEHOLDER_TAG = 'TODO-pin-version';

/** A container image with no tag (which means `latest`) or the `latest` tag, and no digest. */
export const imageTagNotPinned = defineRule<{ node: ScalarNode; repository: string }>({
  id: 'image-tag-not-pinned',
  target: 'object',
  title: 'Container image tag is missing or `latest`',
  severity: 'warning',
  enabledByDefault: true,
  concept: 'image-tags-and-digests',
  rationale:
    'A missing tag means `latest`, and `latest` points at whatever was pushed last. The Pod template does not change ' +
    'when the image behind the tag does, so nothing rolls out, rollbacks cannot return to the old image, and nodes that ' +
    'pulled at different times run different code.',
  remediation: 'Use an immutable version tag (`nginx:1.27.3`) or, stronger, a digest (`nginx@sha256:…`).',
  equivalents: {
    kubeScore: ['container-image-tag'],
    kubeLinter: ['latest-tag'],
    polaris: ['tagNotSpecified'],
    checkov: ['CKV_K8S_14'],
    datree: ['CONTAINERS_MISSING_IMAGE_VALUE_VERSION'],
  },

  check(object) {
    return containersOf(object).flatMap((ref) => {
      const imageNode = child(ref.container, 'image');
      const image = scalarString(imageNode);
      if (!image || imageNode?.kind !== 'scalar') return [];
      const parsed = parseImageReference(image.trim());
      if (parsed.digest) return [];
      if (parsed.tag !== undefined && parsed.tag !== 'latest') return [];
      const why = parsed.tag === 'latest' ? 'uses the mutable `latest` tag' : 'has no tag, so it means `latest`';
      return [{
        message: `Image "${image}" of container "${ref.name}" ${why}; pin a version tag or a digest.`,
        span: imageNode.span,
        data: { node: imageNode, repository: parsed.repository },
      }];
    });
  },

  fix(finding, context) {
    const node = finding.data?.node;
    const repository = finding.data?.repository;
    if (!node || !repository) return [];
    const fixes: Fix[] = [];
    // A tag of the same repository already pinned elsewhere in the file is a real candidate, not a guess.
    const seen = new Set<string>();
    for (const other of context.objects) {
      for (const ref of containersOf(other)) {
        const image = scalarString(child(ref.container, 'image'));
        if (!image) continue;
        const parsed = parseImageReference(image.trim());
        if (parsed.repository !== repository || (!parsed.digest && (!parsed.tag || parsed.tag === 'latest'))) continue;
        const pinned = parsed.digest ? `${repository}@${parsed.digest}` : `${repository}:${parsed.tag}`;
        if (seen.has(pinned)) continue;
        seen.add(pinned);
        fixes.push({ title: `Pin image to ${pinned} (used by ${other.address})`, isPreferred: fixes.length === 0, edits: context.editor.setScalar(node, pinned) });
      }
    }
    fixes.push({
      title: `Pin image tag: ${repository}:${PLACEHOLDER_TAG} (fill in a released version)`,
      isPreferred: false,
      edits: context.editor.setScalar(node, `${repository}:${PLACEHOLDER_TAG}`, 'TODO: replace with a released version tag or an @sha256 digest'),
    });
    return fixes;
  },
});
