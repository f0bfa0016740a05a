/** A container image reference split into its parts: `registry:5000/team/app:1.2@sha256:…`. */
export interface ImageReference {
  /** Everything before the tag and digest: registry, path and name. */
  repository: string;
  tag?: string;
  digest?: string;
  /** Offset of the character after the repository (where `:tag` starts or would be inserted). */
  repositoryEnd: number;
}

export function parseImageReference(image: string): ImageReference {
  const at = image.indexOf('@');
  const withoutDigest = at >= 0 ? image.slice(0, at) : image;
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  if (colon < 0) return { repository: withoutDigest, digest, repositoryEnd: withoutDigest.length };
  return { repository: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1), digest, repositoryEnd: colon };
}
