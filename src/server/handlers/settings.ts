import * as v from 'valibot';
import { TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver';
import { initTerraform } from '../../core/terraform/runtime';
import { CONFIG_CHANGED_NOTIFICATION, InitializationOptions, LINT_SETTINGS_NOTIFICATION, SCHEMA_VALIDATION_NOTIFICATION } from '../protocol';
import type { ServerContext } from './context';
import type { ManifestDiagnostics } from './manifestDiagnostics';
import { guarded, onCheckedNotification } from './register';
import { filePathOf } from '../lsp';
import { messageOf } from '../../core/util/errors';

const InitializeParams = v.looseObject({
  initializationOptions: v.optional(v.unknown()),
  workspaceFolders: v.nullish(v.array(v.looseObject({ uri: v.string() }))),
});

/** Start-up (initialize: capabilities and the client's options) and the settings the client sends later. */
export function registerSettings(context: ServerContext, diagnostics: ManifestDiagnostics): void {
  const { connection, knowledgeService, manifests, lintContext } = context;

  connection.onInitialize(guarded('initialize', InitializeParams, (params): InitializeResult => {
    // Each option falls back to its default on its own: a bad one never keeps the server from starting.
    const init = v.parse(InitializationOptions, params.initializationOptions ?? {});
    knowledgeService.setFolders(init.notesFolders ?? []);
    manifests.terraformSyntaxElsewhere = init.terraformExtensionInstalled === true;
    diagnostics.setSchemaValidation(init.schemaValidation !== false);
    lintContext.setSettings(init.lintSettings ?? {});
    lintContext.setWorkspaceFolders((params.workspaceFolders ?? []).flatMap((f) => filePathOf(f.uri) ?? []));
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
      },
      serverInfo: { name: 'cloud-native-companion', version: '0.1.0' },
    };
  }));

  onCheckedNotification(connection, LINT_SETTINGS_NOTIFICATION, (settings) => { lintContext.setSettings(settings); diagnostics.republishManifests(); });
  connection.onNotification(CONFIG_CHANGED_NOTIFICATION, () => { lintContext.configChanged(); diagnostics.republishManifests(); });
  onCheckedNotification(connection, SCHEMA_VALIDATION_NOTIFICATION, (enabled) => diagnostics.setSchemaValidation(enabled));
}
