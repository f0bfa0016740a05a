import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXPLAIN_MANIFEST_REQUEST, type ExplainManifestParams } from '../../server/protocol';
import { yamlDocumentFor } from './yamlDocument';

/**
 * "Explain This Manifest": the server's summary of a YAML file, shown as a Markdown preview beside it. The editor
 * title bar passes the file it belongs to, which need not be the focused editor; the palette uses the active one.
 */
export async function explainManifest(client: LanguageClient, resource?: unknown): Promise<void> {
  const document = await yamlDocumentFor(resource, 'Open a Kubernetes YAML file to explain it.');
  if (!document) return;
  const markdown = await client.sendRequest(EXPLAIN_MANIFEST_REQUEST, { uri: document.uri.toString() } satisfies ExplainManifestParams);
  if (!markdown) {
    void vscode.window.showInformationMessage('No Kubernetes objects to explain in this file.');
    return;
  }
  const summary = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.commands.executeCommand('markdown.showPreviewToSide', summary.uri);
}
