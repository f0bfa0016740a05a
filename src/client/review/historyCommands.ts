import os from 'node:os';
import * as vscode from 'vscode';
import { ankiTsv } from '../../core/review/ankiExport';
import { exportHistory, planImport } from '../../core/review/historyExchange';
import type { HistoryStore } from '../../core/review/historyStore';
import { exportedParametersFile, parseParameters, serializeParameters } from '../../core/review/parametersFile';
import type { ParametersStore } from '../../core/review/parametersStore';
import type { ReviewService } from '../../core/review/reviewService';
import type { CardSource } from './cardSource';

const today = () => new Date().toISOString().slice(0, 10);
const decoder = new TextDecoder('utf-8');

/** Export History: the history file's content, saved where the user chooses; fitted FSRS parameters as a second file beside it. */
export async function exportHistoryCommand(store: HistoryStore, parameters: ParametersStore): Promise<void> {
  const log = await store.refresh();
  const target = await vscode.window.showSaveDialog({
    title: 'Export Review History', saveLabel: 'Export',
    defaultUri: vscode.Uri.joinPath(defaultFolder(), `cnc-review-history-${today()}.json`), filters: { 'Review history': ['json'] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(exportHistory(log)));
  const stored = parameters.stored;
  if (stored) {
    const parametersTarget = target.with({ path: exportedParametersFile(target.path) });
    await vscode.workspace.fs.writeFile(parametersTarget, new TextEncoder().encode(serializeParameters(stored)));
    void vscode.window.showInformationMessage(`Exported ${log.length} history entries to ${target.fsPath}, and your fitted FSRS parameters to ${parametersTarget.fsPath}.`);
    return;
  }
  void vscode.window.showInformationMessage(`Exported ${log.length} history entries to ${target.fsPath}.`);
}

/**
 * Import History: merges an export (or a damaged file's backup) into the history; nothing is duplicated. FSRS
 * parameters exported beside it are offered afterwards (exports without them import as before).
 */
export async function importHistoryCommand(store: HistoryStore, service: ReviewService, parameters: ParametersStore): Promise<void> {
  const [source] = await vscode.window.showOpenDialog({ title: 'Import Review History', openLabel: 'Import', canSelectMany: false, filters: { 'Review history': ['json'] } }) ?? [];
  if (!source) return;
  await importHistoryEntries(source, store, service);
  await importExportedParameters(source, parameters);
}

async function importHistoryEntries(source: vscode.Uri, store: HistoryStore, service: ReviewService): Promise<void> {
  const text = decoder.decode(await vscode.workspace.fs.readFile(source));
  const plan = planImport(text, await store.refresh());
  if (plan.damage) {
    if (!plan.fresh.length) {
      void vscode.window.showErrorMessage(`Nothing was imported: ${plan.damage.message}.`);
      return;
    }
    const answer = await vscode.window.showWarningMessage(`This file is damaged: ${plan.damage.message}. ${plan.fresh.length} entries could still be read. Import them?`, { modal: true }, 'Import Readable Entries');
    if (answer !== 'Import Readable Entries') return;
  }
  if (!plan.fresh.length) {
    void vscode.window.showInformationMessage(`Nothing new to import: all ${plan.known} entries are already in your history.`);
    return;
  }
  const added = await service.importEntries(plan.fresh);
  void vscode.window.showInformationMessage(`Imported ${added} history entries${plan.known ? ` (${plan.known} were already there)` : ''}.`);
}

/** The parameters file Export History wrote beside `source`, if there is one: checked, then used if the user agrees. */
async function importExportedParameters(source: vscode.Uri, parameters: ParametersStore): Promise<void> {
  const file = source.with({ path: exportedParametersFile(source.path) });
  let text: string;
  try { text = decoder.decode(await vscode.workspace.fs.readFile(file)); } catch { return; } // exported without parameters
  const parsed = parseParameters(text);
  if (!parsed.stored) {
    void vscode.window.showErrorMessage(`The FSRS parameters beside the imported history (${file.fsPath}) were not used: ${parsed.problem}. The parameters in use are kept.`);
    return;
  }
  const date = new Date(parsed.stored.optimizedAt).toISOString().slice(0, 10);
  const answer = await vscode.window.showInformationMessage(
    `Use the FSRS parameters exported with this history (fitted on ${date} to ${parsed.stored.reviews} reviews, log loss ${parsed.stored.fit.logLoss.toFixed(4)})?`,
    { modal: true, detail: parameters.stored ? 'They replace the parameters in use.' : "They replace FSRS's default parameters." }, 'Use Them',
  );
  if (answer !== 'Use Them') return;
  await parameters.save(parsed.stored);
  void vscode.window.showInformationMessage('The imported FSRS parameters are used from now on.');
}

/** Export Cards for Anki: every card as a tab-separated file Anki imports. */
export async function exportAnkiCommand(cards: CardSource): Promise<void> {
  const all = await cards.all();
  if (!all.length) { void vscode.window.showWarningMessage('No cards to export: the notes have not loaded.'); return; }
  const target = await vscode.window.showSaveDialog({
    title: 'Export Cards for Anki', saveLabel: 'Export',
    defaultUri: vscode.Uri.joinPath(defaultFolder(), 'cloud-native-companion-cards.txt'), filters: { 'Tab-separated text': ['txt', 'tsv'] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(ankiTsv(all)));
  void vscode.window.showInformationMessage(`Exported ${all.length} cards. In Anki, use File → Import and pick ${target.fsPath}; the file tells Anki its columns.`);
}

/** Prune History of Removed Cards: forgets history of cards no note has any more, after saying which. */
export async function pruneHistoryCommand(service: ReviewService): Promise<number> {
  const vanished = await service.vanishedCards();
  if (!vanished.length) {
    void vscode.window.showInformationMessage('Every card in your review history still exists in a note; nothing to prune.');
    return 0;
  }
  const notes = [...new Set(vanished.map((v) => v.cardId.split('#')[0]))];
  const answer = await vscode.window.showWarningMessage(
    `Forget the review history of ${vanished.length} card(s) that are no longer in any note?`,
    { modal: true, detail: `Notes: ${notes.slice(0, 20).join(', ')}${notes.length > 20 ? ', …' : ''}.\nCards of notes that only another window or workspace loads look removed here. Export History first to keep a copy.` },
    'Prune',
  );
  if (answer !== 'Prune') return 0;
  const pruned = await service.prune(vanished.map((v) => v.cardId));
  void vscode.window.showInformationMessage(`Forgot the history of ${pruned} removed card(s).`);
  return pruned;
}

function defaultFolder(): vscode.Uri {
  return vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
}
