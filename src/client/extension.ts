import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { HOVER_COMMANDS } from '../core/hover/commandLinks';
import { NOTE_REQUEST, type InitializationOptions } from '../server/protocol';
import { registerKnowledge } from './knowledge';
import { notesMarkdownPlugin } from './knowledge/markdownPreview';
import { registerManifests } from './manifests';
import { lintSettings } from './manifests/lintSettings';
import { schemaValidationEnabled } from './manifests/schemaValidation';
import { NotesFolders } from './knowledge/notesFolders';
import { registerReview } from './review';
import { COMMANDS } from '../core/commands';
import { messageOf } from '../core/util/errors';

let client: LanguageClient | undefined;

/** What the extension exports: for integration tests and for users curious about start-up cost. */
export interface CompanionApi {
  activationMs: number;
  /** VS Code's Markdown preview calls this (contributes.markdown.markdownItPlugins). */
  extendMarkdownIt: typeof notesMarkdownPlugin;
  client(): LanguageClient | undefined;
}

/**
 * Activation only registers things: the language server starts in its own process, and nothing is read or parsed
 * here. The time this takes is measured and shown by "Show Activation Time".
 */
export function activate(context: vscode.ExtensionContext): CompanionApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('Cloud-Native Companion', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server/main.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' }, { scheme: 'untitled', language: 'yaml' }, { scheme: 'file', language: 'helm' },
      { scheme: 'file', language: 'terraform' }, { scheme: 'file', language: 'terraform-vars' },
      // Notes: the server only answers for Markdown files inside the configured notes folders.
      { scheme: 'file', language: 'markdown' },
    ],
    initializationOptions: {
      notesFolders: NotesFolders.resolve(),
      terraformExtensionInstalled: vscode.extensions.getExtension('hashicorp.terraform') !== undefined,
      schemaValidation: schemaValidationEnabled(),
      lintSettings: lintSettings(),
      // We run cnc.openNote and cnc.reviewCards: the server names them in code actions and hover links.
      clientCommands: true,
    } satisfies InitializationOptions,
    outputChannel: output,
    // CustomResourceDefinition files changed outside the editor (a checkout, a generator) update their kinds' schemas.
    synchronize: { fileEvents: trackedDisposable(context, vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}')) },
    // Hover Markdown may only run our own commands, never arbitrary ones a note could name.
    markdown: { isTrusted: { enabledCommands: [...HOVER_COMMANDS] }, supportHtml: false },
  };
  client = new LanguageClient('cnc', 'Cloud-Native Companion', serverOptions, clientOptions);
  const languageClient = client;
  const review = registerReview(context, languageClient, output);

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.openNote, async (noteId: unknown) => {
      if (typeof noteId !== 'string') return;
      const note = await languageClient.sendRequest(NOTE_REQUEST, noteId);
      if (!note) {
        void vscode.window.showWarningMessage(`No concept note with id "${noteId}".`);
        return;
      }
      // From a hover the user is reading a manifest: open the note beside it rather than in its place.
      const reading = vscode.window.activeTextEditor?.document;
      const beside = reading !== undefined && reading.languageId !== 'markdown';
      await vscode.commands.executeCommand(beside ? 'markdown.showPreviewToSide' : 'markdown.showPreview', vscode.Uri.file(note.path));
    }),
    vscode.commands.registerCommand(COMMANDS.showActivationTime, () =>
      vscode.window.showInformationMessage(`Cloud-Native Companion activated in ${api.activationMs.toFixed(1)} ms.`)),
  );

  registerManifests(context, languageClient);
  const knowledge = registerKnowledge(context, languageClient, review.dueCounts, review.fromCodeCounts);
  context.subscriptions.push(review.onDidChangeDueCounts(() => knowledge.concepts.refreshCounts()));

  languageClient.start().catch((error: unknown) => output.error(`Language server failed to start: ${messageOf(error)}`));
  const api: CompanionApi = { activationMs: performance.now() - started, extendMarkdownIt: notesMarkdownPlugin, client: () => client };
  output.info(`Activated in ${api.activationMs.toFixed(1)} ms (language server starting in its own process).`);
  return api;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function trackedDisposable<T extends vscode.Disposable>(context: vscode.ExtensionContext, disposable: T): T {
  context.subscriptions.push(disposable);
  return disposable;
}
