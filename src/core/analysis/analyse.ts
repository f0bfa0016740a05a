import { lintFile } from '../lint/lint';
import type { Finding, Rule } from '../rules/rule';
import type { ParsedFileBase } from '../model/parsedFile';
import { parseYaml, type ParsedYamlFile } from '../yaml/parseYaml';

export type DocumentLanguage = 'yaml' | 'terraform' | 'other';

/** Files above this size are not analysed (the editor stays responsive); the user is told once per file. */
export const MAX_ANALYSED_BYTES = 8 * 1024 * 1024;

/** A parsed file of a known language; `language` tells which (Terraform's own type replaces the base one). */
export type AnalysedFile = ParsedYamlFile | (ParsedFileBase & { language: 'terraform' });

export interface Analysis {
  language: DocumentLanguage;
  file?: AnalysedFile;
  findings: Finding[];
  /** Why the file was not analysed, when it was not. */
  skipped?: string;
}

export function languageOfPath(file: string): DocumentLanguage {
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  if (/\.(tf|tfvars)$/i.test(file)) return 'terraform';
  return 'other';
}

export function languageOfId(languageId: string): DocumentLanguage {
  if (languageId === 'yaml') return 'yaml';
  if (languageId === 'terraform' || languageId === 'terraform-vars') return 'terraform';
  return 'other';
}

/** Parse once, lint once: the result every adapter (server, CLI) shares for one version of a text. */
export function analyse(text: string, language: DocumentLanguage, rules: readonly Rule[], options: { allRules?: boolean } = {}): Analysis {
  if (text.length > MAX_ANALYSED_BYTES) {
    return { language, findings: [], skipped: `File is larger than ${MAX_ANALYSED_BYTES / 1024 / 1024} MB; Cloud-Native Companion does not analyse it.` };
  }
  if (language === 'yaml') {
    const file = parseYaml(text);
    return { language, file, findings: lintFile(file, { rules, allRules: options.allRules }) };
  }
  if (language === 'terraform') return { language, findings: [], skipped: 'Terraform analysis is not built yet.' };
  return { language, findings: [] };
}
