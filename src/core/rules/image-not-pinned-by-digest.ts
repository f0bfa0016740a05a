import { parseImageReference } from '../model/imageReference';
import { containersOf } from '../model/podSpecs';
import { child, scalarString } from '../model/tree';
import { defineRule } from './rule';
import { containerSubject } from './support/workloads';

/** An image referenced by tag only: the tag can be moved to other content. */
export const imageNotPinnedByDigest = defineRule({
  id: 'image-not-pinned-by-digest',
  target: 'object',
  title: 'Container image is not pinned by digest',
  severity: 'info',
  enabledByDefault: false,
  reports: 'presence',
  concept: 'image-tags-and-digests',
  rationale:
    'A version tag is a convention, not a guarantee: whoever controls the registry can push different content under the ' +
    'same tag. A digest (`@sha256:…`) names exactly one image, so every node runs the same bytes and a compromised ' +
    'registry cannot swap them.',
  remediation: 'Append the digest to the reference (`nginx:1.27.3@sha256:…`); tools such as Renovate or `crane digest` keep digests current.',
  equivalents: { checkov: ['CKV_K8S_43'], datree: ['CONTAINERS_MISSING_IMAGE_VALUE_DIGEST'] },

  check(object) {
    return containersOf(object).flatMap((ref) => {
      const node = child(ref.container, 'image');
      const image = scalarString(node);
      if (!image || node?.kind !== 'scalar' || parseImageReference(image.trim()).digest) return [];
      return [{ message: `${containerSubject(ref)} uses "${image}" without a digest; the tag can be re-pointed to other content.`, span: node.span }];
    });
  },
});
