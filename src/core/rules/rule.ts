import type { ManifestEditor, TextEdit } from '../model/edit';
import type { K8sObject } from '../model/k8sObject';
import type { ParsedFileBase } from '../model/parsedFile';
import type { Severity } from '../model/severity';
import type { Span } from '../model/tree';
import type { TerraformBlock } from '../terraform/terraformBlocks';

// Findings and fixes speak of these; they live in model/ so the parse layer and config need not import rules.
export type { Severity, TextEdit };

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
  /**
   * The other files' objects as one list shared by every file of the folder, the same array for each (it may hold
   * this file's own objects, which are left out). Cross-object lookups index it once per folder instead of once per
   * file; `objects` is this file's objects followed by these, built only when read.
   */
  workspace?: { objects: readonly K8sObject[] };
  /** Edits in the file's own language (YAML or HCL), so a rule's fix is written once for both. */
  editor: ManifestEditor;
  /** Kubernetes release the manifests target (`1.30`), for version-dependent rules. */
  kubernetesVersion: string;
}

/** What a rule reports; the engine adds the rule id, severity and object. */
export interface FindingDraft<D = unknown> {
  message: string;
  span: Span;
  /** What the rule's `fix` needs later (e.g. the offending node), typed by the rule. Never serialised. */
  data?: D;
}

export interface Finding<D = unknown> extends FindingDraft<D> {
  ruleId: string;
  severity: Severity;
  /** The container the finding points into, when it points into one (filled in by the engine). */
  container?: string;
  object: Pick<K8sObject, 'address' | 'kind' | 'name' | 'namespace' | 'language' | 'documentIndex'>;
}

export interface Fix {
  title: string;
  /** Preferred fixes fully resolve the finding; placeholders that need a human decision are not preferred. */
  isPreferred: boolean;
  edits: TextEdit[];
}

export type RuleReports = 'absence' | 'presence';

/** What describes a rule, without its behaviour: the single source of rule metadata (docs/rules.md, `cnc rules`). */
export interface RuleMetadata {
  id: string;
  title: string;
  severity: Severity;
  enabledByDefault: boolean;
  /**
   * What the rule's findings are about. `absence`: something the object leaves out (no limit, no probe, no matching
   * Service), which a partial object (a Kustomize patch) is expected to leave out, so the engine does not run these
   * rules on one. `presence`: a value that is written (`image: nginx:latest`, `privileged: true`), wrong wherever it is.
   */
  reports: RuleReports;
  /** Id of the knowledge note that explains the idea behind the rule. */
  concept: string;
  /** Why it matters, in our words. */
  rationale: string;
  /** What to do about it. */
  remediation: string;
  equivalents: Equivalents;
  /** Where and why the rule deliberately differs from its equivalents (shown in the rule docs). */
  differences?: string;
}

/**
 * What a rule's `check` looks at. `object`: every Kubernetes object, from YAML or from Terraform `kubernetes_*`
 * resources. `terraform-block`: every top-level block of a `.tf` file (resource, data, module, provider, ...).
 * Helm values and Kustomizations would be further members of `RuleTarget` and of `Rule`.
 */
interface RuleTargets {
  object: K8sObject;
  'terraform-block': TerraformBlock;
}
type RuleTarget = keyof RuleTargets;

/** A rule on one kind of target; `D` is the data its check hands to its fix. */
interface RuleOf<T extends RuleTarget, D> extends RuleMetadata {
  target: T;
  check(target: RuleTargets[T], context: RuleContext): FindingDraft<D>[];
  /** The fixes of one of this rule's findings; `finding.data` is what `check` put there. */
  fix?(finding: Finding<D>, context: RuleContext): Fix[];
}

/** Every rule, discriminated by `target`. `D` is only known inside a rule; the registry holds `Rule` (unknown data). */
export type Rule<D = unknown> = { [T in RuleTarget]: RuleOf<T, D> }[RuleTarget];

/**
 * Declares a rule. `D` is the type of `FindingDraft.data` its check produces, so its fix receives it typed:
 * `defineRule<{ ref: ContainerRef }>({ target: 'object', ..., check, fix })`.
 */
export function defineRule<D = never>(rule: Rule<D>): Rule<D> {
  return rule;
}

/** Exactly the metadata fields of a rule or a family's spec (the spec's other fields configure its behaviour). */
export function ruleMetadata(spec: RuleMetadata): RuleMetadata {
  const { id, title, severity, enabledByDefault, reports, concept, rationale, remediation, equivalents, differences } = spec;
  return { id, title, severity, enabledByDefault, reports, concept, rationale, remediation, equivalents, differences };
}
