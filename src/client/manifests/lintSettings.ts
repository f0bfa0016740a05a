import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CONFIG_FILE_NAME } from '../../core/config/config';
import { CONFIG_CHANGED_NOTIFICATION, LINT_SETTINGS_NOTIFICATION, type LintSettings } from '../../server/protocol';

/** The user's check settings; in an untrusted workspace the server must not read the workspace's `.cnc.yaml`. */
export function lintSettings(): LintSettings {
  const cnc = vscode.workspace.getConfiguration('cnc');
  return { rules: cnc.get('rules'), kubernetesVersion: cnc.get('kubernetesVersion') || undefined, useConfigFiles: vscode.workspace.isTrusted };
}

/** Keeps the server current: settings changes, trust granted, and `.cnc.yaml` files changing on disk. */
export function watchLintSettings(client: LanguageClient): vscode.Disposable {
  const send = () => void client.sendNotification(LINT_SETTINGS_NOTIFICATION, lintSettings());
  const configFiles = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
  const configChanged = () => void client.sendNotification(CONFIG_CHANGED_NOTIFICATION);
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('cnc.rules') || e.affectsConfiguration('cnc.kubernetesVersion')) send(); }),
    vscode.workspace.onDidGrantWorkspaceTrust(send),
    configFiles,
    configFiles.onDidCreate(configChanged), configFiles.onDidChange(configChanged), configFiles.onDidDelete(configChanged),
  );
}
