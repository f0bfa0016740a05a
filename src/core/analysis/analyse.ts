import { lintFile, type LintOptions } from '../lint/lint';
import type { Finding, Rule } from '../rules/rule';
import { tryParseTerraform, type ParsedTerraformFile } from '../terraform/parseTerraform';
import { parseYaml, type ParsedYamlFile } from '../yaml/parseYaml';
import { byteSize, describeBytes, EDITOR_LIMITS, type AnalysisLimits } from '../model/limits';

export type DocumentLanguage = 'yaml' | 'terraform' | 'other';


/** A parsed file of a known language; `language` tells which (Terraform's own type replaces the base one). */
export type AnalysedFile = ParsedYamlFile | ParsedTerraformFile;

export interface AnalyseOptions {
  allRules?: boolean;
  /** Terraform: the previous analysis's file of the same document, re-parsed incrementally (its tree is consumed). */
  previous?: AnalysedFile;
  /** Terraform: keep the syntax tree for the next incremental parse (free it with releaseTerraformFile on close). */
  incremental?: boolean;
  /** Workspace config, target version, other files' objects and the file's config-relative path (see LintOptions). */
  lint?: Omit<LintOptions, 'rules' | 'allRules'>;
  /** YAML: the file is a template of a Helm chart (see ParseYamlOptions; chartRootOf tells). */
  chartTemplate?: boolean;
  /** Size limits (limits.ts); the editor's by default. */
  limits?: AnalysisLimits;
}

export interface Analysis {
  language: DocumentLanguage;
  file?: AnalysedFile;
  findings: Finding[];
  /** Why the file was not analysed (no `file`), or what was left out (a `file` without findings: checks skipped). */
  skipped?: string;
}

export function languageOfPath(file: string): DocumentLanguage {
  // JSON is YAML 1.2, and kubectl takes JSON manifests: they go through the YAML parser, positions and all.
  if (/\.(ya?ml|json)$/i.test(file)) return 'yaml';
  if (/\.(tf|tfvars)$/i.test(file)) return 'terraform';
  return 'other';
}

/** Editors name Terraform differently: VS Code's HashiCorp extension, Neovim and others send one of these. */
const TERRAFORM_LANGUAGE_IDS = new Set(['terraform', 'terraform-vars', 'hcl', 'tf']);

export function languageOfId(languageId: string): DocumentLanguage {
  // `helm`: the language id the Kubernetes extension gives Helm templates (YAML around Go-template actions).
  if (languageId === 'yaml' || languageId === 'helm') return 'yaml';
  if (TERRAFORM_LANGUAGE_IDS.has(languageId)) return 'terraform';
  return 'other';
}

/** Parse once, lint once: the result every adapter (server, CLI) shares for one version of a text. */
export function analyse(text: string, language: DocumentLanguage, rules: readonly Rule[], options: AnalyseOptions = {}): Analysis {
  const limits = options.limits ?? EDITOR_LIMITS;
  const bytes = byteSize(text);
  if (bytes > limits.parsedBytes) {
    return { language, findings: [], skipped: `File is ${bytes.toLocaleString('en-US')} bytes, over the ${describeBytes(limits.parsedBytes)} limit; Cloud-Native Companion does not analyse it (no checks, hovers or completion).` };
  }
  if (language === 'other') return { language, findings: [] };
  let file: AnalysedFile;
  if (language === 'yaml') {
    file = parseYaml(text, { chartTemplate: options.chartTemplate });
  } else {
    const previous = options.previous?.language === 'terraform' ? options.previous : undefined;
    const parsed = tryParseTerraform(text, { previous, incremental: options.incremental });
    if ('skipped' in parsed) return { language, findings: [], skipped: parsed.skipped };
    file = parsed.file;
  }
  if (file.objects.length > limits.checkedObjects) {
    return { language, file, findings: [], skipped: `File has ${file.objects.length.toLocaleString('en-US')} Kubernetes objects, over the ${limits.checkedObjects.toLocaleString('en-US')} limit for checks: they are skipped; hovers, completion and Explain still work.` };
  }
  return { language, file, findings: lintFile(file, { ...options.lint, rules, allRules: options.allRules }) };
}
