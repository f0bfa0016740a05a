import type { K8sObject } from '../model/k8sObject';
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
  reports: 'presence',
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
    if (!finding.data) return [];
    const { node, repository } = finding.data;
    // A tag of the same repository already pinned elsewhere in the file is a real candidate, not a guess.
    const fixes: Fix[] = (pinnedImages(context.objects).get(repository) ?? []).map(({ pinned, address }, i) => ({
      title: `Pin image to ${pinned} (used by ${address})`, isPreferred: i === 0, edits: context.editor.setScalar(node, pinned),
    }));
    fixes.push({
      title: `Pin image tag: ${repository}:${PLACEHOLDER_TAG} (fill in a released version)`,
      isPreferred: false,
      edits: context.editor.setScalar(node, `${repository}:${PLACEHOLDER_TAG}`, 'TODO: replace with a released version tag or an @sha256 digest'),
    });
    return fixes;
  },
});

interface PinnedImage { pinned: string; address: string }

/**
 * The pinned references (`repo:tag` or `repo@digest`) per repository among `objects`, each with the first object
 * using it, in file order. Computed once per rule context, so fixing N findings reads the objects once, not N times.
 */
const pinnedByObjects = new WeakMap<readonly K8sObject[], Map<string, PinnedImage[]>>();

function pinnedImages(objects: readonly K8sObject[]): Map<string, PinnedImage[]> {
  const cached = pinnedByObjects.get(objects);
  if (cached) return cached;
  const byRepository = new Map<string, PinnedImage[]>();
  const seen = new Set<string>();
  for (const object of objects) {
    for (const ref of containersOf(object)) {
      const image = scalarString(child(ref.container, 'image'));
      if (!image) continue;
      const parsed = parseImageReference(image.trim());
      if (!parsed.digest && (!parsed.tag || parsed.tag === 'latest')) continue;
      const pinned = parsed.digest ? `${parsed.repository}@${parsed.digest}` : `${parsed.repository}:${parsed.tag}`;
      if (seen.has(pinned)) continue;
      seen.add(pinned);
      const pins = byRepository.get(parsed.repository) ?? [];
      pins.push({ pinned, address: object.address });
      byRepository.set(parsed.repository, pins);
    }
  }
  pinnedByObjects.set(objects, byRepository);
  return byRepository;
}
