import type { K8sObject } from '../model/k8sObject';
import type { ManifestEditor } from '../rules/editor';
import type { Finding, Fix, ParsedFile, Rule, RuleContext } from '../rules/rule';
import { yamlEditor } from '../yaml/yamlEditor';
import type { ParsedYamlFile } from '../yaml/parseYaml';

export interface LintOptions { rules: readonly Rule[]; allRules?: boolean }

/** Runs every enabled rule on every object of a file; a rule that throws is reported, never fatal. */
export function lintFile(file: ParsedFile, options: LintOptions): Finding[] {
  const context: RuleContext = { file, objects: file.objects, editor: editorFor(file) };
  const findings: Finding[] = [];
  for (const rule of options.rules) {
    if (!rule.enabledByDefault && !options.allRules) continue;
    for (const object of file.objects) {
      let drafts;
      try {
        drafts = rule.check(object, context);
      } catch (error) {
        drafts = [{ message: `Rule ${rule.id} failed on this object: ${(error as Error).message}`, span: object.span }];
      }
      for (const draft of drafts) findings.push({ ...draft, ruleId: rule.id, severity: rule.severity, object: summary(object) });
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
}

export function fixesFor(finding: Finding, file: ParsedFile, rules: readonly Rule[]): Fix[] {
  const rule = rules.find((r) => r.id === finding.ruleId);
  if (!rule?.fix) return [];
  try {
    return rule.fix(finding, { file, objects: file.objects, editor: editorFor(file) });
  } catch {
    return [];
  }
}

/** The edit adapter for a file's language. */
export function editorFor(file: ParsedFile): ManifestEditor {
  if (file.language === 'yaml') return yamlEditor(file as ParsedYamlFile);
  throw new Error(`No editor for ${file.language} files yet`);
}

function summary(object: K8sObject): Finding['object'] {
  return { address: object.address, kind: object.kind, name: object.name, namespace: object.namespace, language: object.language, documentIndex: object.documentIndex };
}

/** Applies non-overlapping edits to a text (used by tests and `cnc lint --fix`). */
export function applyEdits(text: string, edits: { span: { start: number; end: number }; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
}
