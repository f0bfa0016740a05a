import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SEARCH_REQUEST } from '../../server/protocol';
import { COMMANDS } from '../../core/commands';

interface ConceptItem extends vscode.QuickPickItem { noteId: string }

/** "Search Concepts": live results as you type, each with its summary; Enter opens the note's preview. */
export async function searchConcepts(client: LanguageClient): Promise<void> {
  const pick = vscode.window.createQuickPick<ConceptItem>();
  pick.placeholder = 'Search concept notes (title, aliases, tags, summary, text)';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  let latest = 0;
  const update = async (query: string) => {
    const request = ++latest;
    if (!query.trim()) { pick.items = []; return; }
    pick.busy = true;
    const hits = await client.sendRequest(SEARCH_REQUEST, { query, limit: 30 });
    if (request !== latest) return; // a newer keystroke already asked
    // Results are ranked by the index; keep that order instead of VS Code's fuzzy re-sort.
    pick.items = hits.map((h) => ({ label: h.title, description: h.id, detail: h.summary, noteId: h.id, alwaysShow: true }));
    pick.busy = false;
  };
  pick.onDidChangeValue((value) => { void update(value); });
  pick.onDidAccept(() => {
    const chosen = pick.selectedItems[0];
    pick.hide();
    if (chosen) void vscode.commands.executeCommand(COMMANDS.openNote, chosen.noteId);
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
}
