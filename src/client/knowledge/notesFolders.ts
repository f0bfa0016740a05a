import * as vscode from 'vscode';
import path from 'node:path';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NOTES_CHANGED_NOTIFICATION, NOTES_FOLDERS_NOTIFICATION, type NotesChangedParams } from '../../server/protocol';

/**
 * Resolves the `cnc.notes.folders` setting (absolute, or relative to each workspace folder) and keeps the server's
 * index current through file watchers. In an untrusted workspace no workspace folder is read: bundled notes only.
 */
export class NotesFolders implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private pendingChanges = new Map<string, NotesChangedParams['changes'][number]['type']>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('cnc.notes.folders')) this.refresh(); }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh()),
    );
  }

  /** The absolute folders to index now (also sent as initializationOptions when the server starts). */
  static resolve(): string[] {
    if (!vscode.workspace.isTrusted) return [];
    const configured = vscode.workspace.getConfiguration('cnc').get<unknown>('notes.folders');
    const entries = Array.isArray(configured) ? configured.filter((f): f is string => typeof f === 'string' && f.trim() !== '') : [];
    const folders = new Set<string>();
    for (const entry of entries) {
      if (path.isAbsolute(entry)) folders.add(path.normalize(entry));
      else for (const ws of vscode.workspace.workspaceFolders ?? []) if (ws.uri.scheme === 'file') folders.add(path.join(ws.uri.fsPath, entry));
    }
    return [...folders];
  }

  /** Re-reads the setting, re-creates the watchers and, unless the server already has them, sends the folders. */
  refresh(notifyServer = true): void {
    const folders = NotesFolders.resolve();
    for (const w of this.watchers) w.dispose();
    this.watchers = folders.flatMap((folder) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '**/*.md'));
      return [watcher,
        watcher.onDidCreate((uri) => this.queue(uri, 'created')),
        watcher.onDidChange((uri) => this.queue(uri, 'changed')),
        watcher.onDidDelete((uri) => this.queue(uri, 'deleted'))];
    });
    if (notifyServer) void this.client.sendNotification(NOTES_FOLDERS_NOTIFICATION, folders);
  }

  /** Batches bursts (a git checkout, a save-all) into one notification. */
  private queue(uri: vscode.Uri, type: 'created' | 'changed' | 'deleted'): void {
    this.pendingChanges.set(uri.fsPath, type);
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => {
      const changes = [...this.pendingChanges].map(([p, t]) => ({ path: p, type: t }));
      this.pendingChanges.clear();
      void this.client.sendNotification(NOTES_CHANGED_NOTIFICATION, { changes } satisfies NotesChangedParams);
    }, 100);
  }

  dispose(): void {
    clearTimeout(this.flushTimer);
    for (const d of [...this.watchers, ...this.subscriptions]) d.dispose();
  }
}
