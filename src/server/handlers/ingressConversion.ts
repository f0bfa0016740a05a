import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from '../../core/analysis/analyse';
import { COMMANDS } from '../../core/commands';
import { ingressToGateway } from '../../core/convert/ingressToGateway';
import type { K8sObject } from '../../core/model/k8sObject';
import { EDITOR_LIMITS } from '../../core/model/limits';
import { CONVERT_INGRESS_REQUEST, type IngressConversion } from '../protocol';
import type { ServerContext } from './context';
import { isManifest } from './manifestDiagnostics';
import { onCheckedRequest } from './register';

/**
 * "Convert to Gateway API": a command-only code action on an Ingress (the conversion is a new document, not an edit
 * of this one), and the request the client's command sends to get the YAML it opens in an untitled document.
 */
export function registerIngressConversion(context: ServerContext): void {
  const { connection, documents } = context;
  onCheckedRequest(connection, CONVERT_INGRESS_REQUEST, (params): IngressConversion | null => {
    const document = documents.get(params.uri);
    if (!document || !isManifest(document)) return null;
    const ingresses = ingressesOf(document);
    return ingresses.length > 0 ? ingressToGateway(ingresses) : null;
  });
}

/** The code action, when the range touches an Ingress of a YAML manifest. */
export function ingressConversionActions(document: TextDocument, params: CodeActionParams): CodeAction[] {
  if (document.languageId !== 'yaml') return [];
  const start = document.offsetAt(params.range.start);
  const end = document.offsetAt(params.range.end);
  const ingresses = ingressesOf(document);
  if (!ingresses.some((o) => o.span.start <= end && start <= o.span.end)) return [];
  const title = ingresses.length === 1 ? 'Convert Ingress to Gateway API (new document)' : `Convert ${ingresses.length} Ingresses to Gateway API (new document)`;
  // Offered as a quick fix: the server advertises that kind only, and an editor may hide kinds it was not told of.
  return [{ title, kind: CodeActionKind.QuickFix, command: { title, command: COMMANDS.convertIngressToGateway, arguments: [document.uri] } }];
}

/** The Ingresses of a YAML document (the parse is cached by text, so a code action request re-parses nothing). */
function ingressesOf(document: TextDocument): K8sObject[] {
  if (document.languageId !== 'yaml') return [];
  const analysis = analyse(document.getText(), 'yaml', [], { limits: EDITOR_LIMITS });
  return analysis.file?.language === 'yaml' ? analysis.file.objects.filter((o) => o.kind === 'Ingress' && o.language === 'yaml') : [];
}
