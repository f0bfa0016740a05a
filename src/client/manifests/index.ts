import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { convertIngressToGateway } from './convertIngress';
import { explainManifest } from './explainManifest';
import { watchLintSettings } from './lintSettings';
import { watchSchemaValidation } from './schemaValidation';
import { COMMANDS } from '../../core/commands';

/** Manifest UI: the Explain This Manifest and Convert to Gateway API commands, and keeping the server's check settings current. */
export function registerManifests(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.explainManifest, (resource?: unknown) => explainManifest(client, resource)),
    vscode.commands.registerCommand(COMMANDS.convertIngressToGateway, (resource?: unknown) => convertIngressToGateway(client, resource)),
    watchSchemaValidation(client),
    watchLintSettings(client),
  );
}
