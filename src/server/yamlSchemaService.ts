import fs from 'node:fs';
import path from 'node:path';
import { getLanguageService, type LanguageService } from 'yaml-language-server';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionList, DiagnosticSeverity, InsertTextFormat, type CompletionItem, type Diagnostic, type Position, type TextEdit,
} from 'vscode-languageserver';
import { splitDocuments, type DocumentChunk } from '../core/yaml/documentChunks';
import { parseYaml, type ParsedYamlDocument, type ParsedYamlFile } from '../core/yaml/parseYaml';
import { ChunkCache } from '../core/yaml/chunkCache';
import { builtInData, kubernetesDataDir, SCHEMA_FILE } from '../core/schema/builtInData';
import { customKinds } from '../core/schema/customResources';
import { documentSchema, type DocumentSchema } from '../core/schema/schemaSelection';
import { LIST_DEFINITION, definitionWithDescriptions, withDescriptions } from '../core/schema/jsonSchema';
import { crdSchemaKeys, crdSchemaGeneration } from '../core/schema/workspaceCrds';
import { child } from '../core/model/tree';
import { EDITOR_LIMITS } from '../core/model/limits';
import { tooLargeToAnalyse } from './documentParses';

/** Source of the diagnostics this service publishes, so clients (and users) can tell them from rule findings. */
export const SCHEMA_DIAGNOSTIC_SOURCE = 'cnc-schema';

export interface ValidateOptions {
  /** The same text already parsed (the server's analysis of this version): saves parsing it again. */
  parsed?: ParsedYamlFile;
  /** Checked between documents: once true, validation stops (the caller drops the partial result). */
  cancelled?: () => boolean;
}

export interface CompleteOptions {
  /** The same text already parsed (the server keeps one parse per version): saves parsing it again. */
  parsed?: ParsedYamlFile;
  /** The client's `completionItem.snippetSupport`: without it, items insert plain text on one line. */
  snippetSupport?: boolean;
}

export interface YamlSchemaService {
  /**
   * Schema diagnostics of every Kubernetes document: type errors, unknown fields, values outside an enum. Yields to
   * the event loop between documents, so requests (hovers) are answered while a large file is validated.
   */
  validate(document: TextDocument, options?: ValidateOptions): Promise<Diagnostic[]>;
  /** Completion of keys and values from the document's own schema (empty outside Kubernetes documents). */
  complete(document: TextDocument, position: Position, options?: CompleteOptions): Promise<CompletionList>;
  /** How many documents yaml-language-server has validated so far (the rest came from the cache). */
  readonly validatedDocuments: number;
  /** How many completion requests reached yaml-language-server (the others needed no work). */
  readonly completedRequests: number;
}

export interface YamlSchemaServiceOptions {
  /** Where schema.json is (default: dist/kubernetes beside the running bundle). */
  dataDir?: string;
  /** Documents longer than this are not schema-validated (see MAX_VALIDATED_CHARS). */
  maxDocumentChars?: number;
}

/**
 * yaml-language-server validates a document in one go, at several times the cost of parsing it: a generated CRD of a
 * megabyte would hold the server for seconds. Such documents get a hint instead; hovers and rules still cover them.
 */
const MAX_VALIDATED_CHARS = EDITOR_LIMITS.schemaDocumentBytes;

/** Parsed diagnostics of one document text kept for the next versions of the file (a few large files' worth). */
const CACHE_CHARS = 6_000_000;
/** Longest stretch of validation between two chances for the server to answer other requests. */
const YIELD_AFTER_MS = 20;
/** yaml-language-server's own messages we never pass on: they would repeat or contradict ours. */
const DROPPED = [/^Matches multiple schemas/, /^Unable to load schema/, /^Problems loading reference/, /is not fetched/];

/**
 * yaml-language-server's language service with the Kubernetes schema shipped in dist/kubernetes (never fetched:
 * any other schema URI is refused). Each document of a file is validated on its own, against the schema its
 * `apiVersion`/`kind` names, and the result is kept by document text, so after an edit only the edited document is
 * validated again. Helm templates and non-Kubernetes YAML get nothing; a kind we have no schema for gets one hint.
 */
export function createYamlSchemaService(options: YamlSchemaServiceOptions = {}): YamlSchemaService {
  let definitions: Record<string, unknown> | undefined;
  const readDefinitions = () => {
    if (definitions) return definitions;
    const schema = JSON.parse(fs.readFileSync(path.join(options.dataDir ?? kubernetesDataDir(), SCHEMA_FILE), 'utf8')) as Record<string, unknown>;
    // The descriptions live in fields.json (hovers use them); completion items show them too.
    definitions = withDescriptions(schema).definitions as Record<string, unknown>;
    return definitions;
  };
  const keyBySchemaUri = new Map<string, string>();
  const service: LanguageService = getLanguageService({
    schemaRequestService: (uri) => {
      const key = keyBySchemaUri.get(uri.split('#')[0]!);
      if (key) return Promise.resolve(kindSchemaText(readDefinitions(), key));
      return Promise.reject(new Error(`${uri} is not fetched: Cloud-Native Companion only uses the Kubernetes schema it ships`));
    },
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
  });
  // One schema per kind, each a reference into the shipped schema; registered once (again when the workspace's
  // CRDs change: crds), resolved on first use.
  let configured = -1;
  const configure = () => {
    if (configured === crdSchemaGeneration()) return;
    configured = crdSchemaGeneration();
    const keys = new Set([...builtInData().kinds().map((k) => k.typeId), ...customKinds().map((k) => k.typeId), LIST_DEFINITION, ...crdSchemaKeys()]);
    for (const key of keys) keyBySchemaUri.set(schemaUri(key), key);
    service.configure({
      validate: true, completion: true, hover: false, format: false, isKubernetes: false, yamlVersion: '1.2',
      schemas: [...keys].map((key) => ({ uri: schemaUri(key), fileMatch: [documentFileName(key)] })),
    });
  };
  const diagnosticsByText = new ChunkCache<Diagnostic[]>(CACHE_CHARS);
  const maxChars = options.maxDocumentChars ?? MAX_VALIDATED_CHARS;
  let version = 0;
  let validatedDocuments = 0;
  let completedRequests = 0;

  /** A stand-alone text document for one chunk; its name selects the chunk's schema. */
  const chunkDocument = (key: string, chunk: DocumentChunk) => TextDocument.create(`cnc-kubernetes://doc/${documentFileName(key)}`, 'yaml', ++version, chunk.text);
  /**
   * Completion's document for a chunk, kept while the chunk's text stays the same: yaml-language-server caches its
   * parse by URI and version, so completions in an unchanged document (a large CRD) do not parse it again. Its own
   * URI per kind, apart from validation's, so the two never evict each other's parse.
   */
  const completionDocuments = new Map<string, TextDocument>();
  const completionDocument = (key: string, chunk: DocumentChunk) => {
    const kept = completionDocuments.get(key);
    if (kept?.getText() === chunk.text) return kept;
    const created = TextDocument.create(`cnc-kubernetes://complete/${documentFileName(key)}`, 'yaml', ++version, chunk.text);
    completionDocuments.set(key, created);
    return created;
  };

  const target = (fileName: string, chunk: DocumentChunk, documents: ParsedYamlDocument[], first: boolean): { key: string; selection: DocumentSchema; document?: ParsedYamlDocument } | undefined => {
    const own = documents.filter((d) => d.offset === chunk.start);
    if (own.length !== 1) return undefined;
    const document = own[0]!;
    const selection = documentSchema(document.tree, { isTemplate: document.isTemplate, fileName, firstDocument: first });
    if (selection.kind === 'object') return { key: selection.info.typeId, selection, document };
    if (selection.kind === 'list') return { key: LIST_DEFINITION, selection, document };
    return selection.kind === 'unknown' ? { key: '', selection, document } : undefined;
  };

  const validateChunk = async (key: string, chunk: DocumentChunk): Promise<Diagnostic[]> => {
    const cacheKey = `${key}\n${chunk.text}`;
    const cached = diagnosticsByText.get(cacheKey);
    if (cached) return cached;
    configure();
    validatedDocuments++;
    const found = (await service.doValidation(chunkDocument(key, chunk), false))
      .filter((d) => d.source?.startsWith('yaml-schema') && !DROPPED.some((p) => p.test(d.message)))
      .map((d) => ({ ...d, source: SCHEMA_DIAGNOSTIC_SOURCE, code: 'schema', message: plainMessage(d.message) }));
    diagnosticsByText.set(cacheKey, found);
    return found;
  };

  return {
    get validatedDocuments() { return validatedDocuments; },
    get completedRequests() { return completedRequests; },

    async validate(document, validateOptions = {}) {
      const text = document.getText();
      const parsed = validateOptions.parsed?.text === text ? validateOptions.parsed : parseYaml(text);
      const fileName = fileNameOf(document.uri);
      const diagnostics: Diagnostic[] = [];
      const chunks = splitDocuments(text);
      let lastYield = performance.now();
      for (const [i, chunk] of chunks.entries()) {
        if (performance.now() - lastYield > YIELD_AFTER_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          lastYield = performance.now();
        }
        if (validateOptions.cancelled?.()) break;
        const found = target(fileName, chunk, parsed.documents, i === 0);
        if (!found) continue;
        if (found.selection.kind === 'unknown') {
          diagnostics.push(unknownKindHint(found.selection, found.document!, parsed.lines.rangeOf.bind(parsed.lines)));
          continue;
        }
        if (chunk.text.length > maxChars) {
          diagnostics.push(tooLargeHint(chunk, maxChars, parsed.lines.rangeOf.bind(parsed.lines)));
          continue;
        }
        for (const d of await validateChunk(found.key, chunk)) diagnostics.push(movedDiagnostic(d, chunk.line));
      }
      return diagnostics;
    },

    async complete(document, position, completeOptions = {}) {
      const text = document.getText();
      // What analysis skips, completion skips too, before any parse.
      if (tooLargeToAnalyse(text)) return CompletionList.create([], false);
      const parsed = completeOptions.parsed?.text === text ? completeOptions.parsed : parseYaml(text);
      const offset = parsed.lines.offsetAt(position);
      const chunks = splitDocuments(text);
      const index = chunks.findIndex((c) => offset >= c.start && (offset < c.end || c.end === text.length));
      const chunk = chunks[index];
      if (!chunk) return CompletionList.create([], false);
      const found = target(fileNameOf(document.uri), chunk, parsed.documents, index === 0);
      if (!found || found.selection.kind === 'unknown') return CompletionList.create([], false);
      configure();
      completedRequests++;
      const local = { line: position.line - chunk.line, character: position.character };
      const list = await service.doComplete(completionDocument(found.key, chunk), local, false);
      const plain = completeOptions.snippetSupport === false;
      // Optional fields accept null (it means "unset"); offering `null` as a value would only be noise.
      return CompletionList.create(list.items.filter((item) => item.label !== 'null')
        .map((item) => movedItem(plain ? plainTextItem(item) : item, chunk.line)), list.isIncomplete);
    },
  };
}

/**
 * One kind's schema: its definition and only the definitions it reaches. yaml-language-server indexes and resolves
 * every definition of a schema it loads, so handing it the whole file per kind would cost that work twenty times over.
 */
function kindSchemaText(definitions: Record<string, unknown>, key: string): string {
  const reached: Record<string, unknown> = {};
  const pending = [key];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) { value.forEach(visit); return; }
    if (!value || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(LOCAL_DEFINITION)) pending.push(v.slice(LOCAL_DEFINITION.length));
      else visit(v);
    }
  };
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    const definition = definitions[id] ?? definitionWithDescriptions(id);
    if (id in reached || !definition) continue;
    reached[id] = definition;
    visit(definition);
  }
  return JSON.stringify({ $ref: `${LOCAL_DEFINITION}${key}`, definitions: reached });
}

const LOCAL_DEFINITION = '#/definitions/';

/** The Kubernetes type (or List) a document name stands for, as a file name yaml-language-server can match. */
function documentFileName(key: string): string {
  return `${key.replace(/[^\w.-]/g, '_')}.yaml`;
}

function schemaUri(key: string): string {
  return `cnc-kubernetes://schema/kinds/${key.replace(/[^\w.-]/g, '_')}.json`;
}

function fileNameOf(uri: string): string {
  try { return decodeURIComponent(new URL(uri).pathname); } catch { return uri; }
}

function unknownKindHint(selection: Extract<DocumentSchema, { kind: 'unknown' }>, document: ParsedYamlDocument, rangeOf: (start: number, end: number) => Diagnostic['range']): Diagnostic {
  const kind = document.tree?.kind === 'map' ? document.tree.entries.find((e) => e.key === 'kind') : undefined;
  const span = kind ? { start: kind.keySpan.start, end: child(document.tree, 'kind')!.span.end } : document.span;
  return {
    range: rangeOf(span.start, span.end), severity: DiagnosticSeverity.Hint, source: SCHEMA_DIAGNOSTIC_SOURCE, code: 'schema-unknown-kind',
    message: `No schema for ${selection.apiVersion} ${selection.kindName} (a custom resource, or a kind Kubernetes ${builtInData().kubernetesVersion.split('.').slice(0, 2).join('.')} does not serve): only its YAML syntax is checked. For field docs and validation, add its CustomResourceDefinition to the workspace.`,
  };
}

function tooLargeHint(chunk: DocumentChunk, maxChars: number, rangeOf: (start: number, end: number) => Diagnostic['range']): Diagnostic {
  const size = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.round(n / 1000)} KB`);
  const firstLine = chunk.text.indexOf('\n');
  return {
    range: rangeOf(chunk.start, chunk.start + (firstLine < 0 ? chunk.text.length : firstLine)), severity: DiagnosticSeverity.Hint, source: SCHEMA_DIAGNOSTIC_SOURCE, code: 'schema-skipped',
    message: `Schema validation skips this document: at ${size(chunk.text.length)} it is over the ${size(maxChars)} limit. Hovers and checks still cover it.`,
  };
}

/** yaml-language-server says "Expected one of string, null"; null only means "unset" here. */
function plainMessage(message: string): string {
  return message
    .replace(/Incorrect type\. Expected one of ([^.]+)\./, (_m, list: string) => {
      const types = list.split(', ').filter((t) => t !== 'null');
      return `Incorrect type. Expected ${types.length > 1 ? `one of ${types.join(', ')}` : `"${types[0]}"`}.`;
    })
    .replace(/(Valid values: .*?), null\./, '$1.')
    .replace(/Expected "([^"]*?) \| null"/, 'Expected "$1"');
}

function movedDiagnostic(d: Diagnostic, lines: number): Diagnostic {
  return { ...d, range: { start: { line: d.range.start.line + lines, character: d.range.start.character }, end: { line: d.range.end.line + lines, character: d.range.end.character } } };
}

/**
 * An item for a client without snippet support: yaml-language-server always answers with snippets
 * (`ports:\n  - containerPort: $1`), which such clients insert verbatim. The placeholders give way to their default
 * text and only the first line is kept (the key itself): no snippet syntax and no multi-line insert.
 */
function plainTextItem(item: CompletionItem): CompletionItem {
  if (item.insertTextFormat !== InsertTextFormat.Snippet) return item;
  const plain = (snippet: string) => snippetToText(snippet).split('\n')[0]!.replace(/\s+$/, (space) => (space.includes(' ') ? ' ' : ''));
  const textEdit = item.textEdit ? { ...item.textEdit, newText: plain(item.textEdit.newText) } : undefined;
  return {
    ...item, insertTextFormat: InsertTextFormat.PlainText,
    ...(item.insertText !== undefined ? { insertText: plain(item.insertText) } : {}),
    ...(textEdit ? { textEdit } : {}),
  };
}

/** LSP snippet syntax to the text it stands for: tab stops and variables go, placeholders and choices leave their first value. */
function snippetToText(snippet: string): string {
  let i = 0;
  /** Text up to the end, or up to the `}` closing the placeholder being read (consumed). */
  const read = (inPlaceholder: boolean): string => {
    let out = '';
    while (i < snippet.length) {
      const c = snippet[i]!;
      if (c === '\\' && i + 1 < snippet.length && '$}\\,|'.includes(snippet[i + 1]!)) { out += snippet[i + 1]; i += 2; continue; }
      if (c === '}' && inPlaceholder) { i++; return out; }
      if (c !== '$') { out += c; i++; continue; }
      const simple = /^\$(?:\d+|[A-Za-z_]\w*|\{(?:\d+|[A-Za-z_]\w*)\})/.exec(snippet.slice(i));
      if (simple) { i += simple[0].length; continue; }
      const placeholder = /^\$\{(?:\d+|[A-Za-z_]\w*):/.exec(snippet.slice(i));
      if (placeholder) { i += placeholder[0].length; out += read(true); continue; }
      const choice = /^\$\{\d+\|((?:[^\\,|]|\\.)*)[^|]*\|\}/.exec(snippet.slice(i));
      if (choice) { i += choice[0].length; out += choice[1]!.replace(/\\(.)/g, '$1'); continue; }
      out += c;
      i++;
    }
    return out;
  };
  return read(false);
}

function movedItem(item: CompletionItem, lines: number): CompletionItem {
  const move = (edit: TextEdit) => ({ ...edit, range: { start: { line: edit.range.start.line + lines, character: edit.range.start.character }, end: { line: edit.range.end.line + lines, character: edit.range.end.character } } });
  const textEdit = item.textEdit && 'range' in item.textEdit ? move(item.textEdit) : item.textEdit;
  return { ...item, ...(textEdit ? { textEdit } : {}), ...(item.additionalTextEdits ? { additionalTextEdits: item.additionalTextEdits.map(move) } : {}) };
}
