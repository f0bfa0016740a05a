import { groupOf, isBuiltInGroup, type TypeSpec } from './apiTypes';
import { availableBuiltInData, crdCatalog, type BuiltInData } from './builtInData';
import { customKind, customType } from './customResources';
import { workspaceKind, workspaceType } from './workspaceCrds';

/** Which API type a document's apiVersion/kind is, and where it comes from. */
export interface KindInfo {
  apiVersion: string;
  kind: string;
  typeId: string;
  source: 'kubernetes' | 'custom';
  /** False when the kind was found at another version of its group (e.g. `extensions/v1beta1` Deployment). */
  exactVersion: boolean;
  /** The version whose fields are described (differs from apiVersion when exactVersion is false). */
  describedVersion: string;
  /** Reference page: the kind's entry in the Kubernetes API reference, or the custom resource's own docs. */
  docsUrl: string;
}

/**
 * Looks up any type: generated Kubernetes types first, then the workspace's CRDs, the custom resources we document
 * and the bundled catalog of common CRDs (their ids never overlap: `ws<n>.`, `cr.`, `crd.`).
 */
export function typeSpec(id: string): TypeSpec | undefined {
  const data = availableBuiltInData();
  return data && (data.type(id) ?? workspaceType(id) ?? customType(id, (b) => data.type(b)) ?? crdCatalog()?.type(id));
}

export function resolveKind(apiVersion: string | undefined, kind: string | undefined): KindInfo | undefined {
  const data = availableBuiltInData();
  if (!apiVersion || !kind || !data) return undefined;
  const group = groupOf(apiVersion);
  const exact = data.kindType(apiVersion, kind);
  if (exact) return builtIn(data, apiVersion, kind, exact, apiVersion, true);
  const version = apiVersion.slice(group.length + 1);
  // The workspace's own CRD says what its cluster serves: it wins over what we ship.
  const workspace = group && workspaceKind(group, kind, version);
  if (workspace) return { apiVersion, kind, typeId: workspace.typeId, source: 'custom', exactVersion: workspace.exactVersion, describedVersion: workspace.describedVersion, docsUrl: '' };
  const custom = customKind(group, kind);
  if (custom) {
    return { apiVersion, kind, typeId: custom.typeId, source: 'custom', exactVersion: custom.versions.includes(version), describedVersion: custom.versions[0] ?? version, docsUrl: custom.docs };
  }
  const bundled = catalogKind(apiVersion, group, kind);
  if (bundled) return bundled;
  // A built-in kind at a version this release does not serve (removed betas): describe the served version.
  // `extensions/v1beta1` Deployments and Ingresses moved groups: fall back to any group serving the kind.
  if (!isBuiltInGroup(group)) return undefined;
  const served = data.versionsOf(kind, group)[0] ?? apiVersionOfKind(kind);
  const typeId = served ? data.kindType(served, kind) : undefined;
  return served && typeId ? builtIn(data, apiVersion, kind, typeId, served, false) : undefined;
}

function builtIn(data: BuiltInData, apiVersion: string, kind: string, typeId: string, describedVersion: string, exactVersion: boolean): KindInfo {
  return { apiVersion, kind, typeId, source: 'kubernetes', exactVersion, describedVersion, docsUrl: apiReferenceUrl(data, describedVersion, kind) };
}

/** The most stable apiVersion serving a built-in kind in any group (`Deployment` → `apps/v1`): for a kind written alone. */
export function apiVersionOfKind(kind: string): string | undefined {
  return availableBuiltInData()?.kinds().filter((k) => k.kind === kind).map((k) => k.apiVersion).sort((a, b) => stability(a) - stability(b))[0];
}

const stability = (apiVersion: string) => (/alpha/.test(apiVersion) ? 2 : /beta/.test(apiVersion) ? 1 : 0);

/** The kind's entry in the one-page Kubernetes API reference of the release the data was generated from. */
function apiReferenceUrl(data: BuiltInData, apiVersion: string, kind: string): string {
  const group = groupOf(apiVersion);
  const version = group ? apiVersion.slice(group.length + 1) : apiVersion;
  const [major, minor] = data.kubernetesVersion.split('.');
  const anchor = `${kind.toLowerCase()}-${version}-${group ? group.replace(/\./g, '-') : 'core'}`;
  return `https://kubernetes.io/docs/reference/generated/kubernetes-api/v${major}.${minor}/#${anchor}`;
}

/** A kind of the bundled CRD catalog: at this apiVersion, else at the group's most stable version that has it. */
function catalogKind(apiVersion: string, group: string, kind: string): KindInfo | undefined {
  const catalog = crdCatalog();
  if (!catalog) return undefined;
  const described = catalog.kindType(apiVersion, kind) ? apiVersion : catalog.versionsOf(kind, group)[0];
  const typeId = described && catalog.kindType(described, kind);
  if (!described || !typeId) return undefined;
  const docsUrl = catalog.sources.find((s) => s.groups.includes(group))?.docs ?? '';
  return { apiVersion, kind, typeId, source: 'custom', exactVersion: described === apiVersion, describedVersion: described, docsUrl };
}
