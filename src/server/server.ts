import type { Connection } from 'vscode-languageserver';
import { createServerContext } from './handlers/context';
import { registerKnowledgeRequests } from './handlers/knowledgeRequests';
import { registerKustomizeLinks } from './handlers/kustomize';
import { registerLanguageFeatures } from './handlers/languageFeatures';
import { registerManifestDiagnostics } from './handlers/manifestDiagnostics';
import { registerNotes } from './handlers/notes';
import { registerSettings } from './handlers/settings';

export interface ServerOptions { packageRoot: string }

/**
 * Wires the core into an LSP connection: manifests (YAML, Terraform) and the user's Markdown notes. Each feature
 * registers its own handlers (src/server/handlers/); params are checked where they are registered (register.ts).
 */
export function startServer(connection: Connection, options: ServerOptions): void {
  const context = createServerContext(connection, options.packageRoot);
  const diagnostics = registerManifestDiagnostics(context);
  registerNotes(context);
  registerSettings(context, diagnostics);
  registerLanguageFeatures(context);
  registerKnowledgeRequests(context);
  registerKustomizeLinks(context);
  context.documents.listen(connection);
  connection.listen();
}
