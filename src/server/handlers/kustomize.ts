import type { DocumentLink, Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { json6902Hover } from '../../core/hover/patchHover';
import { diskReader, isKustomization, kustomizationLinks, patchEntriesNaming } from '../../core/lint/kustomize';
import { parseYaml } from '../../core/yaml/parseYaml';
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

/**
 * Hover in a JSON 6902 patch file: its operations have no kind, so the kind comes from the `target` of the
 * kustomization entry that names the file. Null for any other file.
 */
export function kustomizePatchHover(document: TextDocument, position: Position): Hover | null {
  const file = filePathOf(document.uri);
  if (!file) return null;
  const parsed = parseYaml(document.getText());
  if (parsed.documents.find((d) => d.tree)?.tree?.kind !== 'list') return null;
  const target = patchEntriesNaming(file, diskReader()).find((entry) => entry.target)?.target;
  const hover = target && json6902Hover(parsed, document.offsetAt(position), target);
  if (!hover) return null;
  return { contents: { kind: 'markdown', value: hover.markdown }, range: { start: document.positionAt(hover.span.start), end: document.positionAt(hover.span.end) } };
}
