import nodePath from 'node:path';
import type { AnalysedFile } from '../../core/analysis/analyse';
import { findingFingerprint } from '../../core/lint/baseline';
import type { LintResult } from '../../core/lint/lint';
import type { Finding, Fix, Rule, Severity } from '../../core/rules/rule';
import type { Range } from '../../core/text/lineIndex';

/** One linted file as every output format sees it (positions 0-based; text and SARIF print them 1-based). */
export interface FileReport {
  path: string;
  language: string;
  /** Why the file was not analysed, when it was not. */
  skipped?: string;
  findings: ReportedFinding[];
  /** Syntax errors: the file (or a document of it) could not be read, so it was not checked. */
  errors: ReportedError[];
  /** How many findings suppressions hid. */
  suppressed: number;
}

export interface ReportedFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  object: { kind?: string; name?: string; namespace?: string; address: string };
  container?: string;
  concept?: string;
  /** What identifies the finding across edits (core/lint/baseline.ts): baselines, SARIF and GitLab match on it. */
  fingerprint: string;
  fixes: ReportedFix[];
}

export interface ReportedFix {
  title: string;
  isPreferred: boolean;
  edits: { range: Range; newText: string }[];
}

export interface ReportedError { message: string; range: Range }

/**
 * A file's report from its parse and lint. Syntax problems are condensed to the first error of each document (with
 * how many more there were): one broken line often produces a cascade of errors that says nothing new.
 */
export function fileReport(path: string, language: string, file: AnalysedFile, result: LintResult, rules: readonly Rule[], withFixes = false): FileReport {
  const range = (span: { start: number; end: number }) => file.lines.rangeOf(span.start, span.end);
  const reported = (f: Finding, fixes: Fix[]): ReportedFinding => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    range: range(f.span),
    object: { kind: f.object.kind, name: f.object.name, namespace: f.object.namespace, address: f.object.address },
    container: f.container,
    concept: rules.find((r) => r.id === f.ruleId)?.concept,
    fingerprint: findingFingerprint({ ...f, path: relativePath(path, process.cwd()), text: file.text.slice(f.span.start, f.span.end) }),
    fixes: fixes.map((fix) => ({ title: fix.title, isPreferred: fix.isPreferred, edits: fix.edits.map((e) => ({ range: range(e.span), newText: e.newText })) })),
  });
  const findings = result.findings.flatMap((f) => {
    if (!withFixes) return [reported(f, [])];
    // All fixes of the file share the lint's rule context; a fix that throws is reported like a check that throws.
    const { fixes, failure } = result.fixes(f);
    return failure ? [reported(f, fixes), reported({ ...f, message: failure }, [])] : [reported(f, fixes)];
  });
  return { path, language, findings, errors: syntaxErrors(file).map((e) => ({ message: e.message, range: range(e.span) })), suppressed: result.suppressed.length };
}

/**
 * A file's path relative to `root` with `/` separators: how pipelines name files (SARIF `%SRCROOT%`, workflow
 * annotations, GitLab reports) and what fingerprints hold, so they do not depend on where the checkout is.
 */
export function relativePath(file: string, root: string): string {
  return nodePath.relative(root, nodePath.resolve(file)).split(nodePath.sep).join('/');
}

/** Syntax errors are not findings of a rule, but pipelines (SARIF, GitLab) want a stable identity for them too. */
export function syntaxErrorFingerprint(relative: string, message: string): string {
  return findingFingerprint({ ruleId: 'syntax-error', path: relative, object: { address: '(file)' }, text: message });
}

function syntaxErrors(file: AnalysedFile): { message: string; span: { start: number; end: number } }[] {
  const groups = 'documents' in file ? file.documents.map((d) => d.problems) : [file.problems];
  return groups.flatMap((problems) => {
    const errors = problems.filter((p) => p.severity === 'error');
    const first = errors[0];
    if (!first) return [];
    const more = errors.length - 1;
    return [{ message: more > 0 ? `${first.message} (and ${more} more error${more === 1 ? '' : 's'} after it)` : first.message, span: first.span }];
  });
}
