import { lintFile, type LintOptions } from '../lint/lint';
import type { Finding, Rule } from '../rules/rule';
import { tryParseTerraform, type ParsedTerraformFile } from '../terraform/parseTerraform';
import { parseYaml, type ParsedYamlFile } from '../yaml/parseYaml';

export type DocumentLanguage = 'yaml' | 'terraform' | 'other';

/** Files above this size are not analysed (the editor stays responsive); the user is told once per file. */
export const MAX_ANALYSED_BYTES = 8 * 1024 * 1024;

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
}

export interface Analysis {
  language: DocumentLanguage;
  file?: AnalysedFile;
  findings: Finding[];
  /** Why the file was not analysed, when it was not. */
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
  if (languageId === 'yaml') return 'yaml';
  if (TERRAFORM_LANGUAGE_IDS.has(languageId)) return 'terraform';
  return 'other';
}

/** Parse once, lint once: the result every adapter (server, CLI) shares for one version of a text. */
export function analyse(text: string, language: DocumentLanguage, rules: readonly Rule[], options: AnalyseOptions = {}): Analysis {
  if (text.length > MAX_ANALYSED_BYTES) {
    return { language, findings: [], skipped: `File is larger than ${MAX_ANALYSED_BYTES / 1024 / 1024} MB; Cloud-Native Companion does not analyse it.` };
  }
  if (language === 'yaml') {
    const file = parseYaml(text);
    return { language, file, findings: lintFile(file, { ...options.lint, rules, allRules: options.allRules }) };
  }
  if (language === 'terraform') {
    const previous = options.previous?.language === 'terraform' ? options.previous : undefined;
    const parsed = tryParseTerraform(text, { previous, incremental: options.incremental });
    if ('skipped' in parsed) return { language, findings: [], skipped: parsed.skipped };
    return { language, file: parsed.file, findings: lintFile(parsed.file, { ...options.lint, rules, allRules: options.allRules }) };
  }
  return { language, findings: [] };
}
