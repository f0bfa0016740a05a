import * as vscode from 'vscode';
import { parseScope, parseWebviewMessage, type ExtensionToWebview, type ReviewScope } from '../../core/review/protocol';
import type { ReviewService } from '../../core/review/reviewService';
import { reviewHtml } from './reviewHtml';
import { COMMANDS } from '../../core/commands';
import { messageOf } from '../../core/util/errors';

type Pending = 'session' | 'stats' | undefined;

/**
 * Hosts the review webview: one panel for sessions and statistics, restored after a reload by a serializer (not
 * `retainContextWhenHidden`). The page keeps its own progress in its saved state; the host answers its requests.
 */
export class ReviewPanel {
  static readonly viewType = 'cnc.review';
  private panel: vscode.WebviewPanel | undefined;
  private scope: ReviewScope = { kind: 'due' };
  /** What to send once the page says it is ready (a page still loading would miss it). */
  private pending: Pending;
  private pageReady = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly service: ReviewService,
    private readonly output: vscode.LogOutputChannel,
    private readonly hooks: { chooseScope(): Promise<ReviewScope | undefined>; changed(): void },
  ) {}

  async open(scope: ReviewScope): Promise<void> {
    this.scope = scope;
    await this.show('session');
  }

  async showStats(): Promise<void> {
    await this.show('stats');
  }

  serializer(): vscode.WebviewPanelSerializer {
    return {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        this.scope = parseScope((state as { session?: { scope?: unknown } } | undefined)?.session?.scope) ?? { kind: 'due' };
        panel.webview.options = this.options();
        this.attach(panel);
      },
    };
  }

  private async show(what: Exclude<Pending, undefined>): Promise<void> {
    this.pending = what;
    if (this.panel) this.panel.reveal();
    else this.attach(vscode.window.createWebviewPanel(ReviewPanel.viewType, 'Review Cards', vscode.ViewColumn.Beside, this.options()));
    if (this.pageReady) await this.flushPending();
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview')] };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.pageReady = false;
    panel.webview.html = reviewHtml(panel.webview, this.context.extensionUri);
    panel.onDidDispose(() => { if (this.panel === panel) { this.panel = undefined; this.pageReady = false; } }, null, this.context.subscriptions);
    panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw).catch((error: unknown) => this.fail(error)), null, this.context.subscriptions);
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.output.warn(`Review webview sent a malformed message; ignored: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.pageReady = true;
        // A page restored from its saved state carries on with it, unless something new was asked for meanwhile.
        if (!this.pending && !message.restoring) this.pending = 'session';
        await this.flushPending();
        break;
      case 'revealed': this.output.debug(`Card revealed: ${message.cardId}`); break;
      case 'grade': {
        const { again, problem } = await this.service.grade(message);
        if (problem) this.problem(problem);
        await this.post({ type: 'graded', reviewId: message.reviewId, ...(again ? { again } : {}) });
        this.hooks.changed();
        break;
      }
      case 'undo':
        if (await this.service.undo(message.reviewId)) await this.post({ type: 'undone', reviewId: message.reviewId });
        this.hooks.changed();
        break;
      case 'openNote': await vscode.commands.executeCommand(COMMANDS.openNote, message.noteId); break;
      case 'openPlace': {
        const place = this.service.codePlace(message.noteId, message.index);
        if (place) await vscode.commands.executeCommand(COMMANDS.openCodePlace, { uri: place.uri, line: place.line });
        else void vscode.window.showInformationMessage('That problem is no longer in your files.');
        break;
      }
      case 'showStats': await this.sendStats(); break;
      case 'startReview': this.scope = { ...this.scope, ahead: message.ahead }; await this.sendSession(); break;
      case 'showing': if (this.panel) this.panel.title = message.view === 'stats' ? 'Study Statistics' : 'Review Cards'; break;
      case 'reviewConcepts': await this.open({ kind: 'concepts', noteIds: message.noteIds, label: 'Weakest concepts' }); break;
      case 'chooseScope': {
        const scope = await this.hooks.chooseScope();
        if (scope) await this.open(scope);
        break;
      }
    }
  }

  private async flushPending(): Promise<void> {
    const what = this.pending;
    this.pending = undefined;
    if (what === 'session') await this.sendSession();
    else if (what === 'stats') await this.sendStats();
  }

  private async sendSession(): Promise<void> {
    const { session, carried } = await this.service.startSession(this.scope);
    if (carried.length) {
      this.output.info(`Carried the history of ${carried.length} reworded card(s) over: ${carried.map((c) => `${c.from} → ${c.to}`).join(', ')}`);
      void vscode.window.showInformationMessage(`${carried.length} card(s) were reworded in their notes; their review history now belongs to the new wording.`);
    }
    if (this.panel) this.panel.title = 'Review Cards';
    await this.post(session);
  }

  private async sendStats(): Promise<void> {
    const stats = await this.service.stats();
    if (this.panel) this.panel.title = 'Study Statistics';
    await this.post({ type: 'stats', stats });
    await this.post({ type: 'workload', workload: await this.service.workload() });
  }

  private async post(message: ExtensionToWebview): Promise<void> {
    await this.panel?.webview.postMessage(message);
  }

  private problem(message: string): void {
    this.output.error(message);
    void vscode.window.showErrorMessage(message);
    void this.post({ type: 'problem', message });
  }

  private fail(error: unknown): void {
    this.problem(`Review: ${messageOf(error)}`);
  }
}
