import type { LineIndex } from '../text/lineIndex';
import type { K8sObject } from './k8sObject';
import type { Span } from './tree';

export interface SyntaxProblem { message: string; span: Span; severity: 'error' | 'warning' }

/** What every language adapter produces and what rules, hovers and adapters rely on. */
export interface ParsedFileBase {
  language: 'yaml' | 'terraform';
  text: string;
  lines: LineIndex;
  /** The Kubernetes objects found (Terraform: `kubernetes_*` resources normalised to the same model). */
  objects: K8sObject[];
  problems: SyntaxProblem[];
}
