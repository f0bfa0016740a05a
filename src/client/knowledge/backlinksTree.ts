import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { BACKLINKS_REQUEST, type Backlink } from '../../server/protocol';

/** The Backlinks view: the notes that link to the note in the active editor. */
export class BacklinksTree implements vscode.TreeDataProvider<Backlink> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void { this.changed.fire(); }

  async getChildren(element?: Backlink): Promise<Backlink[]> {
    const editor = vscode.window.activeTextEditor;
    if (element || !editor || editor.document.languageId !== 'markdown' || editor.document.uri.scheme !== 'file') return [];
    return this.client.sendRequest(BACKLINKS_REQUEST, { path: editor.document.uri.fsPath });
  }

  getTreeItem(link: Backlink): vscode.TreeItem {
    const item = new vscode.TreeItem(link.title);
    item.description = `line ${link.line + 1}`;
    item.iconPath = new vscode.ThemeIcon('references');
    const position = new vscode.Position(link.line, 0);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.file(link.path), { selection: new vscode.Range(position, position) }] };
    return item;
  }
}
