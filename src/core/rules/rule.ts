import type { K8sObject } from '../model/k8sObject';
import type { Span } from '../model/tree';
import type { ParsedFileBase } from '../model/parsedFile';
import type { ManifestEditor } from './editor';
import type { TerraformBlock } from '../terraform/terraformBlocks';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Ids of the same idea in the tools users already know, so findings can be matched and suppressions migrated. */
export interface Equivalents {
  kubeScore?: string[];
  kubeLinter?: string[];
  polaris?: string[];
  checkov?: string[];
  datree?: string[];
  regula?: string[];
}

/** Any parsed file (YAML or Terraform); language-specific details stay in the adapters. */
export type ParsedFile = ParsedFileBase;

export interface RuleContext {
  file: ParsedFile;
  /** Every object of the file, then those of the other files of its workspace folder (cross-object rules look at them all). */
  objects: K8sObject[];
  /** Edits in the file's own language (YAML or HCL), so a rule's fix is written once for both. */
  editor: ManifestEditor;
  /** Kubernetes release the manifests target (`1.30`), for version-dependent rules. */
  kubernetesVersion: string;
}

/** What a rule reports; the engine adds the rule id, severity and object. */
export interface FindingDraft {
  message: string;
  span: Span;
  /** Anything `fix` needs later (e.g. the offending node). Never serialised. */
  data?: Record<string, unknown>;
}

export interface Finding extends FindingDraft {
  ruleId: string;
  severity: Severity;
  /** The container the finding points into, when it points into one (filled in by the engine). */
  container?: string;
  object: Pick<K8sObject, 'address' | 'kind' | 'name' | 'namespace' | 'language' | 'documentIndex'>;
}

export interface TextEdit { span: Span; newText: string }

export interface Fix {
  title: string;
  /** Preferred fixes fully resolve the finding; placeholders that need a human decision are not preferred. */
  isPreferred: boolean;
  edits: TextEdit[];
}

export interface Rule {
  id: string;
  title: string;
  severity: Severity;
  enabledByDefault: boolean;
  /** Id of the knowledge note that explains the idea behind the rule. */
  concept: string;
  /** Why it matters, in our words. */
  rationale: string;
  /** What to do about it. */
  remediation: string;
  equivalents: Equivalents;
  /** Where and why the rule deliberately differs from its equivalents (shown in the rule docs). */
  differences?: string;
  check(object: K8sObject, context: RuleContext): FindingDraft[];
  /** Terraform-only rules: checks one top-level block of a `.tf` file (resource, data, module, provider, ...). */
  checkTerraform?(block: TerraformBlock, context: RuleContext): FindingDraft[];
  fix?(finding: Finding, context: RuleContext): Fix[];
}

/** What describes a rule, without its behaviour: what rule factories receive and pass on. */
export type RuleMetadata = Pick<Rule, 'id' | 'title' | 'severity' | 'enabledByDefault' | 'concept' | 'rationale' | 'remediation' | 'equivalents' | 'differences'>;

/** Exactly the metadata fields of a factory's spec (the spec's other fields configure its behaviour). */
export function ruleMetadata(spec: RuleMetadata): RuleMetadata {
  const { id, title, severity, enabledByDefault, concept, rationale, remediation, equivalents, differences } = spec;
  return { id, title, severity, enabledByDefault, concept, rationale, remediation, equivalents, differences };
}
