import type { Connection } from 'vscode-languageserver';
import { registerCommands } from './handlers/commands';
import { createServerContext } from './handlers/context';
import { registerIngressConversion } from './handlers/ingressConversion';
import { registerKnowledgeRequests } from './handlers/knowledgeRequests';
import { registerKustomizeLinks } from './handlers/kustomize';
import { registerLanguageFeatures } from './handlers/languageFeatures';
import { registerManifestDiagnostics } from './handlers/manifestDiagnostics';
import { registerNotes } from './handlers/notes';
import { registerSettings } from './handlers/settings';
import { registerWorkspaceCrds } from './handlers/workspaceCrds';

export interface ServerOptions { packageRoot: string }

/**
 * Wires the core into an LSP connection: manifests (YAML, Terraform) and the user's Markdown notes. Each feature
 * registers its own handlers (src/server/handlers/); params are checked where they are registered (register.ts).
 */
export function startServer(connection: Connection, options: ServerOptions): void {
  const context = createServerContext(connection, options.packageRoot);
  const diagnostics = registerManifestDiagnostics(context);
  const notes = registerNotes(context);
  registerSettings(context, diagnostics, notes, registerWorkspaceCrds(context, diagnostics));
  registerLanguageFeatures(context);
  registerKnowledgeRequests(context);
  registerCommands(context);
  registerIngressConversion(context);
  registerKustomizeLinks(context);
  context.documents.listen(connection);
  connection.listen();
}
