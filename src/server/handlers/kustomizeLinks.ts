import type { DocumentLink } from 'vscode-languageserver';
import { diskReader, isKustomization, kustomizationLinks } from '../../core/lint/kustomize';
import { filePathOf, fileUriOf } from '../lsp';
import type { ServerContext } from './context';
import { DocumentLinkParams } from './lspParams';
import { guarded } from './register';

/**
 * Document links in a kustomization.yaml: its resources, bases, components, patches and generator files open the
 * file they name (a folder opens its kustomization). Paths that do not exist are diagnosed by the lint instead.
 */
export function registerKustomizeLinks(context: ServerContext): void {
  const { connection, documents } = context;
  connection.onDocumentLinks(guarded('textDocument/documentLink', DocumentLinkParams, (params): DocumentLink[] => {
    const document = documents.get(params.textDocument.uri);
    const file = document && filePathOf(document.uri);
    if (!document || !file || !isKustomization(file)) return [];
    return kustomizationLinks(file, document.getText(), diskReader()).map((link) => ({
      range: { start: document.positionAt(link.span.start), end: document.positionAt(link.span.end) },
      target: fileUriOf(link.target),
      tooltip: `Open ${link.field} file`,
    }));
  }));
}
