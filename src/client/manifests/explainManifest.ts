import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXPLAIN_MANIFEST_REQUEST, type ExplainManifestParams } from '../../server/protocol';

/** "Explain This Manifest": the server's summary of the active YAML file, shown as a Markdown preview beside it. */
export async function explainActiveManifest(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'yaml') {
    void vscode.window.showInformationMessage('Open a Kubernetes YAML file to explain it.');
    return;
  }
  const markdown = await client.sendRequest<string | null>(EXPLAIN_MANIFEST_REQUEST, { uri: editor.document.uri.toString() } satisfies ExplainManifestParams);
  if (!markdown) {
    void vscode.window.showInformationMessage('No Kubernetes objects to explain in this file.');
    return;
  }
  const summary = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.commands.executeCommand('markdown.showPreviewToSide', summary.uri);
}
