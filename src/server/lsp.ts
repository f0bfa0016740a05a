import { DiagnosticSeverity } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { Severity } from '../core/rules/rule';

/** LSP helpers: one home for what every feature of the server converts the same way. */

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

/** Our severities (findings, syntax, config and note problems) as LSP diagnostic severities. */
export const lspSeverity = (severity: Severity): DiagnosticSeverity => SEVERITY[severity];

/** The file a `file:` URI names; undefined for other schemes (untitled documents, say). */
export function filePathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? URI.parse(uri).fsPath : undefined;
}

/** The `file:` URI of a path, spelt as VS Code spells document URIs (so it matches the documents the client opens). */
export function fileUriOf(file: string): string {
  return URI.file(file).toString();
}
