import { child, listItems, scalarString, type Span, type ValueNode } from './tree';

/** The apiVersion Kustomize assumes for a kustomization.yaml that does not name one. */
export const IMPLIED_KUSTOMIZATION = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' } as const;

/** A Kustomize entry point by its file name (the only sign of one that leaves its header out). */
export const isKustomizationFile = (fileName: string | undefined) => !!fileName && /(^|[\\/])kustomization\.ya?ml$/i.test(fileName);

/** Which kustomization field a referenced path comes from; `patch` fields name partial objects. */
export type KustomizationField =
  | 'resources' | 'bases' | 'components' | 'crds' | 'patches' | 'patchesStrategicMerge' | 'patchesJson6902'
  | 'configMapGenerator' | 'secretGenerator';

/** A path a kustomization.yaml names, as written (relative to its folder), with the span of its value. */
export interface KustomizationReference {
  field: KustomizationField;
  path: string;
  span: Span;
  /** The file is a patch (a partial object), not a whole resource. */
  patch: boolean;
  /** The objects a `patches`/`patchesJson6902` entry applies to (`target:`), when it names them. */
  target?: PatchTarget;
  /** A directory is expected (a base or a component); a file otherwise, either for `resources`. */
  kind: 'file' | 'directory' | 'either';
}

/** A patch's `target:` as far as hovers need it: apiVersion from `group` and `version`, and the kind. */
export interface PatchTarget { apiVersion?: string; kind: string }

function patchTarget(node: ValueNode | undefined): PatchTarget | undefined {
  const kind = scalarString(child(node, 'kind'));
  if (!kind) return undefined;
  const group = scalarString(child(node, 'group'));
  const version = scalarString(child(node, 'version'));
  const apiVersion = version ? (group ? `${group}/${version}` : version) : undefined;
  return apiVersion ? { apiVersion, kind } : { kind };
}

const PATCH_FIELDS = new Set<KustomizationField>(['patches', 'patchesStrategicMerge', 'patchesJson6902']);

/**
 * Every local path a kustomization names: resources (files and other kustomizations' folders), bases, components,
 * CRDs, patch files and the files of ConfigMap/Secret generators (`files: [key=path]`, `envs`, `env`). Remote URLs
 * (`https://`, `github.com/...?ref=`) are left out: they are not in the workspace.
 */
export function kustomizationReferences(root: ValueNode | undefined): KustomizationReference[] {
  const references: KustomizationReference[] = [];
  const add = (field: KustomizationField, node: ValueNode | undefined, kind: KustomizationReference['kind'], value = scalarString(node), target?: PatchTarget) => {
    if (!node || node.kind !== 'scalar' || !value || isRemote(value)) return;
    references.push({ field, path: value, span: node.span, patch: PATCH_FIELDS.has(field), kind, ...(target ? { target } : {}) });
  };
  for (const item of listItems(child(root, 'resources'))) add('resources', item, 'either');
  for (const item of listItems(child(root, 'bases'))) add('bases', item, 'directory');
  for (const item of listItems(child(root, 'components'))) add('components', item, 'directory');
  for (const item of listItems(child(root, 'crds'))) add('crds', item, 'file');
  for (const item of listItems(child(root, 'patchesStrategicMerge'))) {
    // An entry is a file path, or an inline patch written as a block string (it spans lines).
    const value = scalarString(item);
    if (value && !value.includes('\n')) add('patchesStrategicMerge', item, 'file');
  }
  for (const field of ['patches', 'patchesJson6902'] as const) {
    for (const item of listItems(child(root, field))) {
      const path = child(item, 'path');
      add(field, path, 'file', scalarString(path), patchTarget(child(item, 'target')));
    }
  }
  for (const field of ['configMapGenerator', 'secretGenerator'] as const) {
    for (const generator of listItems(child(root, field))) {
      for (const file of listItems(child(generator, 'files'))) {
        const written = scalarString(file);
        // `key=path` names the key the file's content is stored under.
        add(field, file, 'file', written?.includes('=') ? written.slice(written.indexOf('=') + 1) : written);
      }
      for (const env of listItems(child(generator, 'envs'))) add(field, env, 'file');
      add(field, child(generator, 'env'), 'file');
    }
  }
  // In the order written, whatever field they come from.
  return references.sort((a, b) => a.span.start - b.span.start);
}

const isRemote = (value: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^(git@|github\.com\/|gitlab\.com\/|bitbucket\.org\/)/.test(value) || /\?ref=/.test(value);

/** How deep `carriesPatchDirective` looks: directives sit at most a few levels into a Pod template. */
const DIRECTIVE_DEPTH = 12;

/**
 * A strategic merge patch directive (`$patch: delete | replace | merge`) anywhere in a tree: a document that carries
 * one is a patch whatever file it is in.
 */
export function carriesPatchDirective(node: ValueNode | undefined, depth = 0): boolean {
  if (!node || depth > DIRECTIVE_DEPTH) return false;
  if (node.kind === 'map') return node.entries.some((e) => e.key === '$patch' || carriesPatchDirective(e.value, depth + 1));
  if (node.kind === 'list') return node.items.some((item) => carriesPatchDirective(item, depth + 1));
  return false;
}
