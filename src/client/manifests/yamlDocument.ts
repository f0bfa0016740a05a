import * as vscode from 'vscode';

/**
 * The YAML document a manifest command is for: the one it was given (a Uri from the editor title bar, a URI string
 * from a code action; it need not be the focused editor), else the active editor's. Says `hint` when there is none.
 */
export async function yamlDocumentFor(resource: unknown, hint: string): Promise<vscode.TextDocument | undefined> {
  const uri = typeof resource === 'string' ? vscode.Uri.parse(resource) : resource instanceof vscode.Uri ? resource : undefined;
  const document = uri
    ? await vscode.workspace.openTextDocument(uri).then((d) => d, () => undefined)
    : vscode.window.activeTextEditor?.document;
  if (document?.languageId === 'yaml') return document;
  void vscode.window.showInformationMessage(hint);
  return undefined;
}
