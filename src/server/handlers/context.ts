import path from 'node:path';
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { KnowledgeBase } from '../../core/knowledge/knowledgeBase';
import { KnowledgeService } from '../knowledgeService';
import { LintContext } from '../lintContext';
import { ManifestFeatures } from '../manifestFeatures';
import { NoteFeatures } from '../noteFeatures';
import { createYamlSchemaService, type YamlSchemaService } from '../yamlSchemaService';
import { filePathOf } from '../lsp';
import type { ClientCommands } from './commands';
import { HelmFeatures, openTextOf } from '../helmFeatures';

const DIAGNOSTIC_DELAY_MS = 200;

/** What every handler module shares: the connection, the open documents and the features over the core. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  packageRoot: string;
  knowledgeService: KnowledgeService;
  knowledge: () => KnowledgeBase;
  lintContext: LintContext;
  manifests: ManifestFeatures;
  notes: NoteFeatures;
  helm: HelmFeatures;
  schema: YamlSchemaService;
  /** What the client can do with our commands (set at initialize). */
  client: ClientCommands;
  /** Runs `work` after a pause, once however often it is asked for meanwhile (per key). */
  schedule(key: string, work: () => void): void;
  /** Drops what is scheduled under `key`. */
  cancel(key: string): void;
  /** Whether the client inserts snippets (`completionItem.snippetSupport`); plain text otherwise. Set at initialize. */
  snippetSupport: boolean;
  /**
   * Called when the background index of neighbour files changed some of them (absolute paths): the open files
   * beside them are analysed again. Set by the diagnostics handlers.
   */
  onNeighboursChanged: (files: string[]) => void;
}

export function createServerContext(connection: Connection, packageRoot: string): ServerContext {
  const documents = new TextDocuments(TextDocument);
  const knowledgeService = new KnowledgeService(packageRoot);
  const knowledge = () => knowledgeService.knowledge();
  // Neighbours are indexed in the background; the hook is late-bound because the diagnostics handlers own publishing.
  const lintContext = new LintContext((files) => context.onNeighboursChanged(files));
  const openTexts = () => new Map(documents.all().flatMap((d) => { const file = filePathOf(d.uri); return file ? [[path.resolve(file), d.getText()] as const] : []; }));
  const manifests = new ManifestFeatures(knowledge, (document) => {
    const file = filePathOf(document.uri);
    return file ? lintContext.optionsFor(file, openTexts()) : {};
  }, packageRoot);
  const notes = new NoteFeatures(knowledgeService);
  const helm = new HelmFeatures(openTextOf(documents));
  manifests.extraDiagnostics = (document) => helm.diagnostics(document);
  const schema = createYamlSchemaService();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  // Debounced per document so typing never waits for analysis.
  const schedule = (key: string, work: () => void) => {
    clearTimeout(pending.get(key));
    pending.set(key, setTimeout(() => { pending.delete(key); work(); }, DIAGNOSTIC_DELAY_MS));
  };
  const cancel = (key: string) => clearTimeout(pending.get(key));
  // Until initialize says otherwise: a client that runs no commands of ours and shows no documents.
  const client: ClientCommands = { runsOwn: false, showDocument: false };
  const context: ServerContext = { connection, documents, packageRoot, knowledgeService, knowledge, lintContext, manifests, notes, helm, schema, client, schedule, cancel, snippetSupport: true, onNeighboursChanged: () => {} };
  return context;
}
