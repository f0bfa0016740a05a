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
  /** Runs `work` after a pause, once however often it is asked for meanwhile (per key). */
  schedule(key: string, work: () => void): void;
  /** Drops what is scheduled under `key`. */
  cancel(key: string): void;
}

export function createServerContext(connection: Connection, packageRoot: string): ServerContext {
  const documents = new TextDocuments(TextDocument);
  const knowledgeService = new KnowledgeService(packageRoot);
  const knowledge = () => knowledgeService.knowledge();
  const lintContext = new LintContext();
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
  return { connection, documents, packageRoot, knowledgeService, knowledge, lintContext, manifests, notes, helm, schema, schedule, cancel };
}
