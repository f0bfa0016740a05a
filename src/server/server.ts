import { DiagnosticSeverity, TextDocumentSyncKind, TextDocuments, type Connection, type InitializeResult } from 'vscode-languageserver';
import fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { languageOfId } from '../core/analysis/analyse';
import { CONFIG_FILE_NAME } from '../core/config/config';
import { LineIndex } from '../core/text/lineIndex';
import { initTerraform } from '../core/terraform/runtime';
import { KnowledgeService } from './knowledgeService';
import { AnalysisScheduler } from './analysisScheduler';
import { LintContext } from './lintContext';
import { ManifestFeatures } from './manifestFeatures';
import { createYamlSchemaService } from './yamlSchemaService';
import { NoteFeatures } from './noteFeatures';
import {
  BACKLINKS_REQUEST, CARDS_REQUEST, CONCEPTS_REQUEST, EXPLAIN_MANIFEST_REQUEST, KNOWLEDGE_CHANGED_NOTIFICATION, NOTE_REQUEST,
  NOTES_CHANGED_NOTIFICATION, NOTES_FOLDERS_NOTIFICATION, SCHEMA_VALIDATION_NOTIFICATION, SEARCH_REQUEST, type ExplainManifestParams,
  type Backlink, type BacklinksParams, type CardsParams, type ConceptSummary, type InitializationOptions, type NoteInfo,
  type NotesChangedParams, type SearchParams, type SearchResult, CONFIG_CHANGED_NOTIFICATION, LINT_SETTINGS_NOTIFICATION, type LintSettings,
} from './protocol';

const DIAGNOSTIC_DELAY_MS = 200;

export interface ServerOptions { packageRoot: string }

/** Wires the core into an LSP connection: manifests (YAML, Terraform) and the user's Markdown notes. */
export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const knowledgeService = new KnowledgeService(options.packageRoot);
  const knowledge = () => knowledgeService.knowledge();
  // Neighbours are indexed in the background: the open files whose neighbours changed are analysed again.
  const lintContext = new LintContext((files) => {
    const stale = documents.all().filter((d) => isManifest(d) && d.uri.startsWith('file:') && files.includes(path.resolve(fileURLToPath(d.uri))));
    manifests.invalidate(stale.map((d) => d.uri));
    for (const d of stale) publishManifest(d);
  });
  const openTexts = () => new Map(documents.all().filter((d) => d.uri.startsWith('file:')).map((d) => [path.resolve(fileURLToPath(d.uri)), d.getText()]));
  const manifests = new ManifestFeatures(knowledge, (document) =>
    document.uri.startsWith('file:') ? lintContext.optionsFor(fileURLToPath(document.uri), openTexts()) : {}, options.packageRoot);
  const notes = new NoteFeatures(knowledgeService);
  const schema = createYamlSchemaService();
  let schemaValidation = true;
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  let snippetSupport = true;
  // One analysis in flight per document, the latest version wins, each version published once (rules + schema).
  const scheduler = new AnalysisScheduler({
    current: (uri) => documents.get(uri),
    prepare: (document) => (document.uri.startsWith('file:') ? lintContext.neighboursReady(fileURLToPath(document.uri)) : Promise.resolve()),
    parse: (document) => { if (languageOfId(document.languageId) === 'yaml') manifests.parses.yamlOf(document); },
    analyse: (document) => manifests.diagnostics(document),
    complete: (document, superseded) => {
      const parsed = manifests.analysisOf(document).file;
      if (!schemaValidation || parsed?.language !== 'yaml') return Promise.resolve([]);
      return schema.validate(document, { parsed, cancelled: superseded });
    },
    publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
    onError: (error) => connection.console.error(`Analysis failed: ${String(error)}`),
  });
  const publishManifest = (document: TextDocument) => scheduler.request(document.uri);
  /** Something outside the documents changed their findings: analyse the open manifests again. */
  const republishManifests = () => {
    manifests.invalidate();
    for (const document of documents.all()) if (isManifest(document)) publishManifest(document);
    publishConfigProblems();
  };
  let configProblemFiles: string[] = [];
  const publishConfigProblems = () => {
    const next: string[] = [];
    for (const { file, problems } of lintContext.configProblems()) {
      if (!file) { for (const p of problems) connection.console.warn(`Settings: ${p.message}`); continue; }
      const text = documents.all().find((d) => d.uri === pathToFileURL(file).toString())?.getText() ?? readText(file);
      const lines = new LineIndex(text);
      next.push(file);
      void connection.sendDiagnostics({ uri: pathToFileURL(file).toString(), diagnostics: problems.map((p) => ({
        range: lines.rangeOf(p.span.start, p.span.end), source: 'cnc', message: p.message,
        severity: p.severity === 'error' ? DiagnosticSeverity.Error : p.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
      })) });
    }
    for (const file of configProblemFiles) if (!next.includes(file)) void connection.sendDiagnostics({ uri: pathToFileURL(file).toString(), diagnostics: [] });
    configProblemFiles = next;
  };

  const publishNotes = () => {
    for (const { uri, diagnostics } of notes.changedDiagnostics()) void connection.sendDiagnostics({ uri, diagnostics });
    void connection.sendNotification(KNOWLEDGE_CHANGED_NOTIFICATION);
  };
  // Debounced per document so typing never waits for analysis.
  const schedule = (key: string, work: () => void) => {
    clearTimeout(pending.get(key));
    pending.set(key, setTimeout(() => { pending.delete(key); work(); }, DIAGNOSTIC_DELAY_MS));
  };

  connection.onInitialize((params): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    knowledgeService.setFolders(Array.isArray(init.notesFolders) ? init.notesFolders : []);
    manifests.terraformSyntaxElsewhere = init.terraformExtensionInstalled === true;
    schemaValidation = init.schemaValidation !== false;
    snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    lintContext.setSettings(init.lintSettings ?? {});
    lintContext.setWorkspaceFolders((params.workspaceFolders ?? []).filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri)));
    // The HCL parser is WebAssembly: loaded in the background so the server answers at once; Terraform files opened
    // meanwhile say so, and are checked again when it is ready. If it fails, they keep a clear diagnostic.
    void initTerraform({ packageRoot: options.packageRoot }).then(
      () => { manifests.invalidate(); for (const d of documents.all()) if (isManifest(d) && languageOfId(d.languageId) === 'terraform') publishManifest(d); },
      (error: unknown) => connection.console.error(`Terraform parser: ${String(error)}`),
    );
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        completionProvider: { triggerCharacters: ['[', ':'] },
        definitionProvider: true,
      },
      serverInfo: { name: 'cloud-native-companion', version: '0.1.0' },
    };
  });
  connection.onInitialized(() => publishNotes());

  documents.onDidOpen((e) => {
    if (isManifest(e.document)) { publishManifest(e.document); publishConfigProblems(); }
  });
  documents.onDidChangeContent((e) => {
    const document = e.document;
    // Cross-object checks read the other manifests of the directory: after a change, re-check the open neighbours.
    if (isManifest(document)) schedule(document.uri, () => {
      const neighbours = documents.all().filter((d) => isManifest(d) && sameDirectory(d.uri, document.uri));
      manifests.invalidate(neighbours.filter((d) => d.uri !== document.uri).map((d) => d.uri));
      for (const d of neighbours) publishManifest(d);
    });
    else if (notes.handles(document)) schedule(document.uri, () => { const current = documents.get(document.uri); if (current) { notes.edited(current); publishNotes(); } });
  });
  documents.onDidClose((e) => {
    clearTimeout(pending.get(e.document.uri));
    if (isManifest(e.document)) {
      scheduler.forget(e.document.uri);
      manifests.forget(e.document.uri);
      void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    } else if (notes.handles(e.document)) {
      // Back to what is on disk: unsaved edits are gone.
      knowledgeService.update(fileURLToPath(e.document.uri));
      publishNotes();
    }
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    if (isManifest(document)) return manifests.hover(document, params);
    return notes.handles(document) ? notes.hover(document, params.position) : null;
  });
  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    return document && isManifest(document) ? manifests.codeActions(document, params) : [];
  });
  connection.onCompletion(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    // Kubernetes YAML only: Terraform documents get nothing, without any work.
    if (languageOfId(document.languageId) === 'yaml') return schema.complete(document, params.position, { parsed: manifests.parses.yamlOf(document), snippetSupport });
    return notes.handles(document) ? notes.completion(document, params.position) : [];
  });
  connection.onDefinition((params) => {
    const document = documents.get(params.textDocument.uri);
    return document && notes.handles(document) ? notes.definition(document, params.position) : null;
  });

  connection.onNotification(LINT_SETTINGS_NOTIFICATION, (settings: LintSettings) => { lintContext.setSettings(settings); republishManifests(); });
  connection.onNotification(CONFIG_CHANGED_NOTIFICATION, () => { lintContext.configChanged(); republishManifests(); });
  connection.onNotification(SCHEMA_VALIDATION_NOTIFICATION, (enabled: unknown) => {
    schemaValidation = enabled === true;
    for (const document of documents.all()) if (languageOfId(document.languageId) === 'yaml') publishManifest(document);
  });
  connection.onRequest(EXPLAIN_MANIFEST_REQUEST, (params: ExplainManifestParams) => {
    const document = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    return document && isManifest(document) ? manifests.explain(document) ?? null : null;
  });
  connection.onNotification(NOTES_FOLDERS_NOTIFICATION, (folders: unknown) => {
    knowledgeService.setFolders(Array.isArray(folders) ? folders.filter((f): f is string => typeof f === 'string') : []);
    publishNotes();
  });
  connection.onNotification(NOTES_CHANGED_NOTIFICATION, (params: NotesChangedParams) => {
    let changed = false;
    for (const change of Array.isArray(params?.changes) ? params.changes : []) {
      if (typeof change?.path !== 'string') continue;
      // An open note's unsaved text stays authoritative until it is saved or closed.
      const open = documents.all().find((d) => d.uri.startsWith('file:') && path.resolve(fileURLToPath(d.uri)) === path.resolve(change.path));
      if (change.type === 'deleted') changed = knowledgeService.remove(change.path) || changed;
      else changed = knowledgeService.update(change.path, open?.getText()) || changed;
    }
    if (changed) schedule('notes', publishNotes);
  });

  connection.onRequest(NOTE_REQUEST, (id: string): NoteInfo | null => {
    const note = typeof id === 'string' ? knowledge().note(id) : undefined;
    if (!note) return null;
    return { id: note.id, title: note.title, summary: note.summary, path: note.path, docs: note.docs, cards: knowledge().cardsOf(note.id) };
  });
  connection.onRequest(CARDS_REQUEST, (params: CardsParams) => {
    const noteId = typeof params?.noteId === 'string' ? params.noteId : undefined;
    const cards = noteId ? knowledge().cardsOf(noteId) : knowledge().cards;
    return cards.map((card) => ({ ...card, noteTitle: knowledge().note(card.noteId)?.title ?? card.noteId }));
  });
  connection.onRequest(SEARCH_REQUEST, (params: SearchParams): SearchResult[] =>
    typeof params?.query === 'string' ? knowledge().search(params.query.slice(0, 200), Math.min(Math.max(Number(params.limit) || 20, 1), 100)) : []);
  connection.onRequest(CONCEPTS_REQUEST, (): ConceptSummary[] => knowledge().notes.map((n) => ({
    id: n.id, title: n.title, tags: n.tags, summary: n.summary, cardCount: knowledge().cardsOf(n.id).length, origin: n.origin, path: n.path,
  })));
  connection.onRequest(BACKLINKS_REQUEST, (params: BacklinksParams): Backlink[] => {
    const kb = knowledge();
    const noteId = typeof params?.noteId === 'string' ? params.noteId
      : typeof params?.path === 'string' ? kb.notes.find((n) => path.resolve(n.path) === path.resolve(params.path!))?.id : undefined;
    if (!noteId) return [];
    return kb.backlinks(noteId).map(({ note, line }) => ({ noteId: note.id, title: note.title, path: note.path, line }));
  });

  documents.listen(connection);
  connection.listen();
}

/** `.cnc.yaml` is YAML but not a manifest: it is read from disk when saved (the client's watcher tells us). */
const isManifest = (document: TextDocument) => ManifestFeatures.handles(document) && !isConfigFile(document.uri);
const isConfigFile = (uri: string) => uri.startsWith('file:') && path.basename(fileURLToPath(uri)) === CONFIG_FILE_NAME;
const sameDirectory = (a: string, b: string) => a.startsWith('file:') && b.startsWith('file:') && path.dirname(fileURLToPath(a)) === path.dirname(fileURLToPath(b));
function readText(file: string): string {
  try { return fs.readFileSync(file, 'utf8'); } catch { return ''; }
}
