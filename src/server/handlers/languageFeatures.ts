import { languageOfId } from '../../core/analysis/analyse';
import type { Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { EXPLAIN_MANIFEST_REQUEST } from '../protocol';
import { codeActionsFor, hoverFor } from './commands';
import type { ServerContext } from './context';
import { ingressConversionActions } from './ingressConversion';
import { CodeActionParams, TextDocumentPositionParams } from './lspParams';
import { kustomizePatchHover } from './kustomize';
import { isManifest } from './manifestDiagnostics';
import { guarded, onCheckedRequest } from './register';

/**
 * The editor features: hover, code actions, completion, go to definition, references and "explain this manifest",
 * each sent to the feature of the document's kind (manifests, Helm templates, notes, the YAML schema).
 */
export function registerLanguageFeatures(context: ServerContext): void {
  const { connection, documents, manifests, notes, schema, helm } = context;

  connection.onHover(guarded('textDocument/hover', TextDocumentPositionParams, (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const position = clamped(document, params.position);
    // In a Helm template, an action's `.Values` path or template name; the YAML around the actions is a manifest's.
    const inTemplate = helm.handles(document) ? helm.hover(document, position) : undefined;
    if (inTemplate) return hoverFor(context, inTemplate);
    // A JSON 6902 patch holds no object: its kind comes from the kustomization that names it.
    if (isManifest(document)) return hoverFor(context, manifests.hover(document, { ...params, position }) ?? kustomizePatchHover(document, position));
    return notes.handles(document) ? hoverFor(context, notes.hover(document, position)) : null;
  }));
  connection.onCodeAction(guarded('textDocument/codeAction', CodeActionParams, (params) => {
    const document = documents.get(params.textDocument.uri);
    // Command-only actions are offered only to clients that can run them (commands.ts).
    return document && isManifest(document) ? codeActionsFor(context.client, [...manifests.codeActions(document, params), ...ingressConversionActions(document, params)]) : [];
  }));
  connection.onCompletion(guarded('textDocument/completion', TextDocumentPositionParams, async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const position = clamped(document, params.position);
    const values = helm.handles(document) ? helm.completion(document, position) : undefined;
    if (values) return values;
    // `.` triggers completion for `.Values.` paths only.
    if (params.context?.triggerCharacter === '.') return [];
    // Kubernetes YAML only: Terraform documents get nothing, without any work.
    if (languageOfId(document.languageId) === 'yaml') return schema.complete(document, position, { parsed: manifests.parses.yamlOf(document), snippetSupport: context.snippetSupport });
    return notes.handles(document) ? notes.completion(document, position) : [];
  }));
  connection.onDefinition(guarded('textDocument/definition', TextDocumentPositionParams, (params) => {
    const document = documents.get(params.textDocument.uri);
    if (document && helm.handles(document)) return helm.definition(document, clamped(document, params.position)) ?? null;
    return document && notes.handles(document) ? notes.definition(document, clamped(document, params.position)) : null;
  }));
  connection.onReferences(guarded('textDocument/references', TextDocumentPositionParams, (params) => {
    const document = documents.get(params.textDocument.uri);
    return (document && helm.references(document, clamped(document, params.position))) ?? null;
  }));
  onCheckedRequest(connection, EXPLAIN_MANIFEST_REQUEST, (params) => {
    const document = documents.get(params.uri);
    return document && isManifest(document) ? manifests.explain(document) ?? null : null;
  });
}

/** A position past the end of its line or of the document is taken as that end (see lspParams.ts). */
function clamped(document: TextDocument, position: Position): Position {
  return document.positionAt(document.offsetAt(position));
}
