import { child, listItems, scalarString, type ValueNode } from '../model/tree';
import { isKubernetesHeader } from '../yaml/parseYaml';
import { resolveKind, type KindInfo } from './catalog';
import { IMPLIED_KUSTOMIZATION, isKustomizationFile } from '../model/kustomization';

/** What one YAML document is, for schema validation and completion. */
export type DocumentSchema =
  | { kind: 'object'; info: KindInfo }
  /** `kind: List` (or `FooList` with items): each item is validated against its own kind. */
  | { kind: 'list' }
  /** A Kubernetes-looking header we have no schema for (a custom resource): one quiet hint, nothing else. */
  | { kind: 'unknown'; apiVersion: string; kindName: string }
  /** Not Kubernetes (Helm values, CI workflows, docker-compose, ...) or a Helm template: left alone. */
  | { kind: 'none' };

/**
 * Picks the schema of a document from its own `apiVersion` and `kind` — never from the file name, except that a
 * `kustomization.yaml` may leave out its header (Kustomize assumes one).
 */
export function documentSchema(tree: ValueNode | undefined, options: { isTemplate?: boolean; fileName?: string; firstDocument?: boolean } = {}): DocumentSchema {
  if (options.isTemplate || tree?.kind !== 'map') return { kind: 'none' };
  const apiVersion = scalarString(child(tree, 'apiVersion'));
  const kindName = scalarString(child(tree, 'kind'));
  if (!apiVersion && !kindName && options.firstDocument !== false && isKustomizationFile(options.fileName)) {
    const info = resolveKind(IMPLIED_KUSTOMIZATION.apiVersion, IMPLIED_KUSTOMIZATION.kind);
    return info ? { kind: 'object', info } : { kind: 'none' };
  }
  if (!isKubernetesHeader(apiVersion, kindName)) return { kind: 'none' };
  const info = kindName === 'List' ? undefined : resolveKind(apiVersion, kindName);
  if (info) return { kind: 'object', info };
  if (isListKind(kindName!, tree)) return { kind: 'list' };
  return { kind: 'unknown', apiVersion: apiVersion!, kindName: kindName! };
}

function isListKind(kind: string, tree: ValueNode): boolean {
  return kind === 'List' || (kind.endsWith('List') && child(tree, 'items')?.kind === 'list' && listItems(child(tree, 'items')).every((i) => i.kind === 'map'));
}
