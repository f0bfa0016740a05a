import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { KNOWLEDGE_CHANGED_NOTIFICATION } from '../../server/protocol';
import { BacklinksTree } from './backlinksTree';
import { ConceptsTree, type DueCounts } from './conceptsTree';
import { NotesFolders } from './notesFolders';
import { searchConcepts } from './searchConcepts';
import { COMMANDS } from '../../core/commands';

/** The knowledge UI: Search Concepts, the Concepts and Backlinks views, and the user's notes folders. */
export function registerKnowledge(context: vscode.ExtensionContext, client: LanguageClient, dueCounts?: DueCounts, fromCodeCounts?: DueCounts): { concepts: ConceptsTree } {
  const concepts = new ConceptsTree(client, dueCounts, fromCodeCounts);
  const backlinks = new BacklinksTree(client);
  const folders = new NotesFolders(client);
  context.subscriptions.push(
    folders,
    vscode.window.registerTreeDataProvider('cnc.concepts', concepts),
    vscode.window.registerTreeDataProvider('cnc.backlinks', backlinks),
    vscode.commands.registerCommand(COMMANDS.searchConcepts, () => searchConcepts(client)),
    vscode.commands.registerCommand(COMMANDS.refreshConcepts, () => concepts.refresh()),
    vscode.commands.registerCommand(COMMANDS.reviewConcept, (node: { concept?: { id?: unknown } } | undefined) => {
      const noteId = node?.concept?.id;
      if (typeof noteId === 'string') void vscode.commands.executeCommand(COMMANDS.reviewCards, { noteId });
    }),
    vscode.window.onDidChangeActiveTextEditor(() => backlinks.refresh()),
  );
  // The server tells us when notes change (a save, a watcher event); the views follow.
  void client.start().then(() => {
    folders.refresh(false); // the server got the folders in its initializationOptions
    context.subscriptions.push(client.onNotification(KNOWLEDGE_CHANGED_NOTIFICATION, () => { concepts.refresh(); backlinks.refresh(); }));
  });
  return { concepts };
}
