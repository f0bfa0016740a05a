/** The Kubernetes release checks assume when nothing else is configured (the API types bundled are 1.30). */
export const DEFAULT_KUBERNETES_VERSION = '1.30';

/** `1.30`, `v1.30`, `1.30.2` → [1, 30]; undefined when it is not a Kubernetes release. */
export function parseKubernetesVersion(text: string): [number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** Negative when a < b, zero when equal, positive when a > b (both must parse). */
export function compareKubernetesVersions(a: string, b: string): number {
  const [am, an] = parseKubernetesVersion(a) ?? [0, 0];
  const [bm, bn] = parseKubernetesVersion(b) ?? [0, 0];
  return am - bm || an - bn;
}
