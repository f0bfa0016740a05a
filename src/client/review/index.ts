import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { HistoryStore, type StoreReport } from '../../core/review/historyStore';
import { PARAMETERS_FILE_NAME } from '../../core/review/parametersFile';
import { ParametersStore } from '../../core/review/parametersStore';
import { parseScope, type ReviewScope } from '../../core/review/protocol';
import { ReviewService } from '../../core/review/reviewService';
import { CardSource } from './cardSource';
import { CodeConceptTracker, openCodePlace } from './codeConceptTracker';
import { DueStatusBar } from './dueStatusBar';
import { exportAnkiCommand, exportHistoryCommand, importHistoryCommand, pruneHistoryCommand } from './historyCommands';
import { optimizeSchedulingCommand } from './optimizeCommand';
import { ReviewPanel } from './reviewPanel';
import { readSchedulerSettings } from './reviewSettings';
import { chooseScope } from './scopePicker';
import { COMMANDS } from '../../core/commands';
import { messageOf } from '../../core/util/errors';

export const HISTORY_FILE = 'review-history.json';

export interface ReviewApi {
  /** Where the review history lives (the extension's global storage). */
  historyFile: string;
  service: ReviewService;
  /** Learnt cards due today per note id (for the Concepts view); undefined until first counted. */
  dueCounts: () => Map<string, number> | undefined;
  /** "From your code": today's cards per note of concepts met in the user's files (for the Concepts view). */
  fromCodeCounts: () => Map<string, number> | undefined;
  /** Fires when the due counts were recounted. */
  onDidChangeDueCounts: vscode.Event<void>;
}

/**
 * Everything about flashcard review: the webview and its serializer, the status bar count, the commands, and the
 * history in the extension's global storage. Nothing is read until the first count or command.
 */
export function registerReview(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.LogOutputChannel): ReviewApi {
  const historyFile = path.join(context.globalStorageUri.fsPath, HISTORY_FILE);
  const store = new HistoryStore(historyFile, { onReport: (report) => reportStoreEvent(report, output) });
  const cards = new CardSource(client);
  const parameters = new ParametersStore(historyFile);
  const codeConcepts = new CodeConceptTracker(cards, output);
  const service = new ReviewService({ store, parameters, cards: () => cards.all(), settings: () => readSchedulerSettings(output), codeConcepts: () => codeConcepts.concepts });
  const statusBar = new DueStatusBar(service, output);
  const scope = async (): Promise<ReviewScope | undefined> => chooseScope(await cards.all(), await service.dueToday(), codeConcepts.concepts);
  const panel = new ReviewPanel(context, service, output, { chooseScope: scope, changed: () => statusBar.refresh() });
  const guarded = (name: string, run: (...args: unknown[]) => Promise<unknown>) => vscode.commands.registerCommand(name, async (...args: unknown[]) => {
    try { await run(...args); } catch (error) {
      const message = messageOf(error);
      output.error(`${name}: ${message}`);
      void vscode.window.showErrorMessage(message);
    }
  });

  context.subscriptions.push(
    statusBar,
    codeConcepts,
    codeConcepts.onDidChange(() => statusBar.refresh()),
    guarded(COMMANDS.openCodePlace, (arg) => openCodePlace(arg)),
    guarded(COMMANDS.reviewCards, async (arg) => panel.open(await scopeFromArgument(arg, cards, output))),
    guarded(COMMANDS.reviewCardsChooseScope, async () => { const chosen = await scope(); if (chosen) await panel.open(chosen); }),
    guarded(COMMANDS.showStudyStatistics, () => panel.showStats()),
    guarded(COMMANDS.exportHistory, () => exportHistoryCommand(store, parameters)),
    guarded(COMMANDS.importHistory, async () => { await importHistoryCommand(store, service, parameters); statusBar.refresh(); }),
    guarded(COMMANDS.optimizeScheduling, async () => { await optimizeSchedulingCommand(service, context.extensionUri.fsPath, output); statusBar.refresh(); }),
    guarded(COMMANDS.exportCardsForAnki, () => exportAnkiCommand(cards)),
    guarded(COMMANDS.pruneHistory, async () => { await pruneHistoryCommand(service); statusBar.refresh(); }),
    vscode.window.registerWebviewPanelSerializer(ReviewPanel.viewType, panel.serializer()),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('cnc.review')) statusBar.refresh(); }),
    watchHistory(historyFile, store, parameters, () => statusBar.refresh(), output),
  );
  void loadParameters(parameters, output).finally(() => statusBar.refresh());
  return { historyFile, service, dueCounts: () => statusBar.dueByNote, fromCodeCounts: () => statusBar.fromCodeByNote, onDidChangeDueCounts: statusBar.onDidCount };
}

/** `cnc.reviewCards` is called bare, with `{ noteId }` (hover links, code actions), or with a full scope. */
async function scopeFromArgument(arg: unknown, cards: CardSource, output: vscode.LogOutputChannel): Promise<ReviewScope> {
  if (arg === undefined || arg === null) return { kind: 'due' };
  const noteId = (arg as { noteId?: unknown }).noteId;
  if (typeof noteId === 'string' && Object.keys(arg).length === 1 && /^[\w.-]{1,200}$/.test(noteId)) {
    const title = (await cards.all()).find((c) => c.noteId === noteId)?.noteTitle ?? noteId;
    return { kind: 'concepts', noteIds: [noteId], label: title };
  }
  const scope = parseScope(arg);
  if (scope) return scope;
  output.warn(`cnc.reviewCards was given an argument it does not understand; reviewing everything due. ${JSON.stringify(arg)?.slice(0, 200)}`);
  return { kind: 'due' };
}

/** Reads the stored FSRS parameters; a damaged file is reported and the parameters in use stay. */
async function loadParameters(parameters: ParametersStore, output: vscode.LogOutputChannel): Promise<void> {
  const problem = await parameters.load().catch((error: unknown) => `Could not read the FSRS parameters: ${messageOf(error)}`);
  if (!problem) return;
  output.error(problem);
  void vscode.window.showErrorMessage(problem);
}

/** Another window wrote the history (merge its answers in and recount) or optimized the parameters (read them). */
function watchHistory(file: string, store: HistoryStore, parameters: ParametersStore, changed: () => void, output: vscode.LogOutputChannel): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watcher: fs.FSWatcher | undefined;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    let parametersTimer: ReturnType<typeof setTimeout> | undefined;
    watcher = fs.watch(path.dirname(file), (_event, name) => {
      if (name === PARAMETERS_FILE_NAME) {
        clearTimeout(parametersTimer);
        parametersTimer = setTimeout(() => { void loadParameters(parameters, output).then(changed); }, 300);
        return;
      }
      if (name !== path.basename(file)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        store.refresh().then(changed, (error: unknown) => output.warn(`Could not re-read the review history: ${messageOf(error)}`));
      }, 300);
    });
    watcher.on('error', (error) => output.warn(`Stopped watching the review history: ${error.message}`));
  } catch (error) {
    output.warn(`Cannot watch the review history for changes from other windows: ${messageOf(error)}`);
  }
  return new vscode.Disposable(() => { clearTimeout(timer); watcher?.close(); });
}

function reportStoreEvent(report: StoreReport, output: vscode.LogOutputChannel): void {
  if (report.kind === 'recovered') {
    output.info(`Recovered ${report.entries} history entries from an interrupted save (${report.from}).`);
    void vscode.window.showInformationMessage(`Recovered ${report.entries} review(s) that an interrupted save had not finished writing.`);
    return;
  }
  const kept = report.damage.salvaged ? `${report.damage.salvaged} entries could be read from it and were kept.` : 'Nothing could be read from it.';
  const message = `Your review history file could not be trusted (${report.damage.message}). It was set aside, not deleted, as ${report.backup}. ${kept}`;
  output.error(message);
  void vscode.window.showErrorMessage(message, 'Show Backup', 'Import a File…').then((choice) => {
    if (choice === 'Show Backup') void vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(report.backup));
    if (choice === 'Import a File…') void vscode.commands.executeCommand(COMMANDS.importHistory);
  });
}
