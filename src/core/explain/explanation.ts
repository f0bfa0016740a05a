import type { Span } from '../model/tree';

/** "Explain this manifest": what a file holds, how its objects connect, and what is missing. */
export interface ManifestExplanation {
  objects: ExplainedObject[];
  connections: Connection[];
  gaps: Gap[];
  /** Documents left alone: Helm templates, non-Kubernetes YAML. */
  skipped: { documentIndex: number; reason: string; span: Span }[];
}

/** A concept note an explanation points to. */
export interface ConceptLink { noteId: string; title: string }

export interface ExplainedObject {
  address: string;
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  span: Span;
  /** One sentence in our words: what the object does. */
  summary: string;
  concept?: ConceptLink;
}

export type Relation =
  | 'routes-to'        // Ingress or Gateway API route → Service
  | 'attaches-to'      // Gateway API route → Gateway
  | 'selects'          // Service / PDB / NetworkPolicy / workload selector → Pods of a workload
  | 'mounts'           // workload → ConfigMap / Secret / PVC volume
  | 'reads-env-from'   // workload → ConfigMap / Secret through env or envFrom
  | 'runs-as'          // workload → ServiceAccount
  | 'pulls-with'       // workload → image pull Secret
  | 'scales'           // HPA → workload
  | 'grants'           // RoleBinding → Role and subjects
  | 'governed-by'      // StatefulSet → its headless Service
  | 'uses-tls-secret'; // Ingress or Gateway → TLS Secret

export interface Connection {
  from: string;
  /** The target's address; for a target not in this file, its kind and name (`Service/api`). */
  to: string;
  relation: Relation;
  /** How: selector labels, ports, mount paths, keys. */
  detail: string;
  /** False when the target is not defined in this file (it may exist in the cluster). */
  resolved: boolean;
  concept?: ConceptLink;
  span: Span;
}

export interface Gap {
  object: string;
  /** `error`: it will not work as written; `warning`: it works but is risky; `info`: worth knowing. */
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** Set when a rule found it (`cnc lint` reports the same finding). */
  ruleId?: string;
  concept?: ConceptLink;
  span: Span;
}
