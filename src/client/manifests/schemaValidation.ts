import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RED_HAT_YAML_EXTENSION, redHatValidatesKubernetes, schemaDiagnosticsEnabled, type SchemaValidationSetting } from '../../core/schema/schemaValidationSetting';
import { SCHEMA_VALIDATION_NOTIFICATION } from '../../server/protocol';

/** `cnc.schemaValidation` resolved against Red Hat's YAML extension ("auto": ours only when theirs does not validate Kubernetes). */
export function schemaValidationEnabled(): boolean {
  const yaml = vscode.workspace.getConfiguration('yaml');
  const redHat = redHatValidatesKubernetes({
    active: vscode.extensions.getExtension(RED_HAT_YAML_EXTENSION) !== undefined,
    validate: yaml.get<boolean>('validate'),
    schemas: yaml.get<Record<string, string | string[]>>('schemas'),
  });
  return schemaDiagnosticsEnabled(vscode.workspace.getConfiguration('cnc').get<SchemaValidationSetting>('schemaValidation'), redHat);
}

/** Tells the server again whenever the answer may have changed (settings, extensions installed or removed). */
export function watchSchemaValidation(client: LanguageClient): vscode.Disposable {
  let last = schemaValidationEnabled();
  const update = () => {
    const now = schemaValidationEnabled();
    if (now !== last) void client.sendNotification(SCHEMA_VALIDATION_NOTIFICATION, (last = now));
  };
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('cnc.schemaValidation') || e.affectsConfiguration('yaml.validate') || e.affectsConfiguration('yaml.schemas')) update();
    }),
    vscode.extensions.onDidChange(update),
  );
}
