import type { K8sObject } from '../model/k8sObject';
import { child, scalarString } from '../model/tree';
import { IMPLIED_KUSTOMIZATION, isKustomizationFile } from '../model/kustomization';
import { documentObjects, type ParsedYamlFile } from './parseYaml';

/**
 * The Kubernetes objects of a file as the editor features see them: those parseYaml found by `apiVersion`/`kind`,
 * plus a `kustomization.yaml` that leaves its header out (Kustomize assumes one; the file name is the only sign).
 */
export function manifestObjects(file: ParsedYamlFile, fileName?: string): K8sObject[] {
  if (!isKustomizationFile(fileName)) return file.objects;
  const first = file.documents.find((d) => d.tree);
  const root = first?.tree;
  if (!first || root?.kind !== 'map' || first.isTemplate) return file.objects;
  if (scalarString(child(root, 'apiVersion')) || scalarString(child(root, 'kind'))) return file.objects;
  const implied: K8sObject = {
    ...IMPLIED_KUSTOMIZATION, language: 'yaml', address: `${IMPLIED_KUSTOMIZATION.kind}/(kustomization.yaml)`,
    documentIndex: first.index, root, span: first.span,
  };
  return [implied, ...file.objects];
}

/**
 * The objects written in a file's Helm templates (their literal `apiVersion`/`kind`, the YAML around the actions):
 * what hovers explain. Rules do not see them until templates are rendered.
 */
export function templateObjects(file: ParsedYamlFile): K8sObject[] {
  return file.documents.filter((d) => d.isTemplate).flatMap(documentObjects);
}

/** The object whose content holds an offset (a `kind: List` item rather than the List around it). */
export function objectAtOffset(objects: K8sObject[], offset: number): K8sObject | undefined {
  let best: K8sObject | undefined;
  for (const o of objects) {
    if (offset < o.root.span.start || offset > o.root.span.end) continue;
    if (!best || o.root.span.end - o.root.span.start < best.root.span.end - best.root.span.start) best = o;
  }
  return best;
}
