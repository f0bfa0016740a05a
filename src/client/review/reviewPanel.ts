import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { parseWebviewMessage, type ExtensionToWebview, type ReviewCardView } from '../../core/review/protocol';
import { CARDS_REQUEST, type CardWithTitle } from '../../server/protocol';
import { reviewHtml } from './reviewHtml';

interface ReviewScope { noteId?: string }

/** Hosts the flashcard webview: one panel, restored after a reload by a serializer (not retainContextWhenHidden). */
export class ReviewPanel {
  static readonly viewType = 'cnc.review';
  private panel: vscode.WebviewPanel | undefined;
  private scope: ReviewScope = {};

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  async open(rawScope?: unknown): Promise<void> {
    this.scope = toScope(rawScope);
    if (this.panel) this.panel.reveal();
    else this.attach(vscode.window.createWebviewPanel(ReviewPanel.viewType, 'Review Cards', vscode.ViewColumn.Beside, this.options()));
    await this.sendSession();
  }

  serializer(): vscode.WebviewPanelSerializer {
    return {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        this.scope = toScope((state as { scope?: unknown } | undefined)?.scope);
        panel.webview.options = this.options();
        this.attach(panel);
      },
    };
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview')] };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.html = reviewHtml(panel.webview, this.context.extensionUri);
    panel.onDidDispose(() => { this.panel = undefined; }, null, this.context.subscriptions);
    panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw), null, this.context.subscriptions);
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.output.warn(`Review webview sent a malformed message; ignored: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    switch (message.type) {
      case 'ready': await this.sendSession(); break;
      case 'revealed': this.output.debug(`Card revealed: ${message.cardId}`); break;
      case 'openNote': await vscode.commands.executeCommand('cnc.openNote', message.noteId); break;
    }
  }

  private async sendSession(): Promise<void> {
    if (!this.panel) return;
    await this.client.start();
    const cards = await this.client.sendRequest<CardWithTitle[]>(CARDS_REQUEST, { noteId: this.scope.noteId });
    const views: ReviewCardView[] = cards.map((c) => ({ id: c.id, noteId: c.noteId, noteTitle: c.noteTitle, kind: c.kind, front: c.front, back: c.back }));
    const title = this.scope.noteId ? `Cards: ${views[0]?.noteTitle ?? this.scope.noteId}` : 'All cards';
    const message: ExtensionToWebview = { type: 'session', title, cards: views };
    await this.panel.webview.postMessage(message);
  }
}

function toScope(raw: unknown): ReviewScope {
  const noteId = (raw as { noteId?: unknown } | undefined)?.noteId;
  return typeof noteId === 'string' && /^[a-z0-9-]{1,100}$/.test(noteId) ? { noteId } : {};
}
