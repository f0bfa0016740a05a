import os from 'node:os';
import path from 'node:path';
import * as v from 'valibot';
import { TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver';
import { initTerraform } from '../../core/terraform/runtime';
import { CONFIG_CHANGED_NOTIFICATION, ConfigurationSettings, InitializationOptions, LINT_SETTINGS_NOTIFICATION, SCHEMA_VALIDATION_NOTIFICATION } from '../protocol';
import { SERVER_COMMANDS } from './commands';
import type { ServerContext } from './context';
import type { ManifestDiagnostics } from './manifestDiagnostics';
import type { WorkspaceCrds } from './workspaceCrds';
import { guarded, onCheckedNotification } from './register';
import { filePathOf } from '../lsp';
import { messageOf } from '../../core/util/errors';

const InitializeParams = v.looseObject({
  initializationOptions: v.optional(v.unknown()),
  workspaceFolders: v.nullish(v.array(v.looseObject({ uri: v.string() }))),
  rootUri: v.nullish(v.string()),
  capabilities: v.optional(v.looseObject({
    window: v.optional(v.looseObject({ showDocument: v.optional(v.looseObject({ support: v.optional(v.unknown()) })) })),
  })),
});
const DidChangeConfigurationParams = v.looseObject({ settings: v.unknown() });

/** Start-up (initialize: capabilities and the client's options) and the settings the client sends later. */
export function registerSettings(context: ServerContext, diagnostics: ManifestDiagnostics, notes: { publishNotes(): void }, crds: WorkspaceCrds): void {
  const { connection, knowledgeService, manifests, lintContext } = context;
  let workspaceFolders: string[] = [];

  connection.onInitialize(guarded('initialize', InitializeParams, (params): InitializeResult => {
    // Each option falls back to its default on its own: a bad one never keeps the server from starting.
    const init = v.parse(InitializationOptions, params.initializationOptions ?? {});
    workspaceFolders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : [])).flatMap((f) => filePathOf(f.uri) ?? []);
    knowledgeService.setFolders(notesFolders(init.notesFolders ?? [], workspaceFolders));
    manifests.terraformSyntaxElsewhere = init.terraformExtensionInstalled === true;
    diagnostics.setSchemaValidation(init.schemaValidation !== false);
    context.snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    lintContext.setSettings(init.lintSettings ?? {});
    lintContext.setWorkspaceFolders(workspaceFolders);
    context.client.runsOwn = init.clientCommands === true;
    context.client.showDocument = params.capabilities?.window?.showDocument?.support === true;
    // Untrusted workspace: no file of it is read (as for config files).
    crds.scan(workspaceFolders, init.lintSettings?.useConfigFiles !== false);
    // The HCL parser is WebAssembly: loaded in the background so the server answers at once; Terraform files opened
    // meanwhile say so, and are checked again when it is ready. If it fails, they keep a clear diagnostic.
    void initTerraform({ packageRoot: context.packageRoot }).then(
      () => diagnostics.terraformReady(),
      (error: unknown) => connection.console.error(`Terraform parser: ${messageOf(error)}`),
    );
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        completionProvider: { triggerCharacters: ['[', ':', '.'] },
        definitionProvider: true,
        referencesProvider: true,
        documentLinkProvider: { resolveProvider: false },
        // Declared only to clients that do not run our commands: VS Code's client would register these ids as its
        // own commands, and the extension already has them.
        ...(context.client.runsOwn ? {} : { executeCommandProvider: { commands: [...SERVER_COMMANDS] } }),
      },
      serverInfo: { name: 'cloud-native-companion', version: '0.1.0' },
    };
  }));

  onCheckedNotification(connection, LINT_SETTINGS_NOTIFICATION, (settings) => { lintContext.setSettings(settings); diagnostics.republishManifests(); });
  connection.onNotification(CONFIG_CHANGED_NOTIFICATION, () => { lintContext.configChanged(); diagnostics.republishManifests(); });
  onCheckedNotification(connection, SCHEMA_VALIDATION_NOTIFICATION, (enabled) => diagnostics.setSchemaValidation(enabled));
  // Clients that push settings (Neovim's `settings`, Helix's `config`, eglot's workspace configuration). Our VS Code
  // client sends the notifications above instead and never this one.
  connection.onDidChangeConfiguration(guarded('workspace/didChangeConfiguration', DidChangeConfigurationParams, (params) => {
    const settings = v.parse(ConfigurationSettings, params.settings ?? {}).cnc;
    if (!settings) return;
    if (settings.notesFolders) { knowledgeService.setFolders(notesFolders(settings.notesFolders, workspaceFolders)); notes.publishNotes(); }
    if (settings.lintSettings) lintContext.setSettings(settings.lintSettings);
    if (settings.schemaValidation !== undefined) diagnostics.setSchemaValidation(settings.schemaValidation);
    diagnostics.republishManifests();
  }));
}

/** Notes folders as written in an editor's settings: absolute, `~/…`, or relative to the first workspace folder. */
function notesFolders(folders: string[], workspaceFolders: string[]): string[] {
  return folders.flatMap((folder) => {
    if (folder === '~' || folder.startsWith('~/')) return [path.join(os.homedir(), folder.slice(1))];
    if (path.isAbsolute(folder)) return [folder];
    return workspaceFolders[0] ? [path.resolve(workspaceFolders[0], folder)] : [];
  });
}
