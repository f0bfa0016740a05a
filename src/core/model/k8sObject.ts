import { withoutHandles, type MapNode, type Span } from './tree';

export type SourceLanguage = 'yaml' | 'terraform';

/** One Kubernetes object found in a file: a YAML document (or `kind: List` item), or a Terraform resource. */
export interface K8sObject {
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  language: SourceLanguage;
  /** Human address: `Deployment/web` for YAML, `kubernetes_deployment.web` for Terraform. */
  address: string;
  /** Index of the YAML document in its file (Terraform: index of the resource block). */
  documentIndex: number;
  /** The object's content as a language-neutral tree (Kubernetes field names, camelCase). */
  root: MapNode;
  /** Whole object, for cross-object findings and suppression lookups. */
  span: Span;
}

/** The object without the parser's nodes behind its tree (see withoutHandles): for cross-object lookups only. */
export function detachedObject(object: K8sObject): K8sObject {
  return { ...object, root: withoutHandles(object.root) };
}
