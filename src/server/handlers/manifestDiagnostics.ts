import fs from 'node:fs';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import path from 'node:path';
import { languageOfId } from '../../core/analysis/analyse';
import { CONFIG_FILE_NAME } from '../../core/config/config';
import { LineIndex } from '../../core/text/lineIndex';
import { AnalysisScheduler } from '../analysisScheduler';
import { ManifestFeatures } from '../manifestFeatures';
import type { ServerContext } from './context';
import { filePathOf, fileUriOf, lspSeverity } from '../lsp';

/** Publishing the diagnostics of manifests (YAML, Terraform) and of `.cnc.yaml` files, as documents open and change. */
export interface ManifestDiagnostics {
  publishManifest(document: TextDocument): void;
  /** Something outside the documents changed their findings: analyse the open manifests again. */
  republishManifests(): void;
  publishConfigProblems(): void;
  /** Whether to publish schema diagnostics; YAML documents are published again. */
  setSchemaValidation(enabled: boolean): void;
  /** The HCL parser finished loading: Terraform files opened meanwhile are checked again. */
  terraformReady(): void;
}

export function registerManifestDiagnostics(context: ServerContext): ManifestDiagnostics {
  const { connection, documents, manifests, schema, lintContext } = context;
  let schemaValidation = true;

  // One analysis in flight per document, the latest version wins, each version published once (rules + schema).
  const scheduler = new AnalysisScheduler({
    current: (uri) => documents.get(uri),
    prepare: (document) => { const file = filePathOf(document.uri); return file ? lintContext.neighboursReady(file) : Promise.resolve(); },
    parse: (document) => { if (languageOfId(document.languageId) === 'yaml') manifests.parses.yamlOf(document); },
    analyse: (document) => manifests.diagnostics(document),
    complete: (document, superseded) => {
      const parsed = manifests.analysisOf(document).file;
      if (!schemaValidation || parsed?.language !== 'yaml') return Promise.resolve([]);
      const found = schema.validate(document, { parsed, cancelled: superseded });
      // A patch leaves out what its base has (a required field it does not repeat is no error) and may carry strategic
      // merge directives (`$patch`, `$retainKeys`, `$setElementOrder/…`); wrong types and unknown fields still are errors.
      return manifests.isPatch(document) ? found.then((all) => all.filter((d) => !PATCH_TOLERATED.test(d.message))) : found;
    },
    publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
    onError: (error) => connection.console.error(`Analysis failed: ${String(error)}`),
  });
  const publishManifest = (document: TextDocument) => scheduler.request(document.uri);
  // The background index of neighbour files changed some of them: the open files beside them are analysed again.
  context.onNeighboursChanged = (files) => {
    const stale = documents.all().filter((d) => { const file = filePathOf(d.uri); return isManifest(d) && file !== undefined && files.includes(path.resolve(file)); });
    manifests.invalidate(stale.map((d) => d.uri));
    for (const d of stale) publishManifest(d);
  };
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
      const text = documents.all().find((d) => d.uri === fileUriOf(file))?.getText() ?? readText(file);
      const lines = new LineIndex(text);
      next.push(file);
      void connection.sendDiagnostics({ uri: fileUriOf(file), diagnostics: problems.map((p) => ({
        range: lines.rangeOf(p.span.start, p.span.end), source: 'cnc', message: p.message,
        severity: lspSeverity(p.severity),
      })) });
    }
    for (const file of configProblemFiles) if (!next.includes(file)) void connection.sendDiagnostics({ uri: fileUriOf(file), diagnostics: [] });
    configProblemFiles = next;
  };

  documents.onDidOpen((e) => {
    if (isManifest(e.document)) { publishManifest(e.document); publishConfigProblems(); }
  });
  documents.onDidChangeContent((e) => {
    const document = e.document;
    // Cross-object checks read the other manifests of the directory: after a change, re-check the open neighbours.
    if (isManifest(document)) context.schedule(document.uri, () => {
      const neighbours = documents.all().filter((d) => isManifest(d) && sameDirectory(d.uri, document.uri));
      manifests.invalidate(neighbours.filter((d) => d.uri !== document.uri).map((d) => d.uri));
      for (const d of neighbours) publishManifest(d);
    });
  });
  documents.onDidClose((e) => {
    if (isManifest(e.document)) {
      context.cancel(e.document.uri);
      scheduler.forget(e.document.uri);
      manifests.forget(e.document.uri);
      void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    }
  });

  return {
    publishManifest,
    republishManifests,
    publishConfigProblems,
    setSchemaValidation(enabled) {
      schemaValidation = enabled;
      for (const document of documents.all()) if (languageOfId(document.languageId) === 'yaml') publishManifest(document);
    },
    terraformReady() {
      manifests.invalidate();
      for (const d of documents.all()) if (isManifest(d) && languageOfId(d.languageId) === 'terraform') publishManifest(d);
    },
  };
}

/** yaml-language-server's wording for a required field that is absent, and for a strategic merge directive. */
const PATCH_TOLERATED = /^(Missing property |Property \$[\w/.-]+ is not allowed)/;

/** `.cnc.yaml` is YAML but not a manifest: it is read from disk when saved (the client's watcher tells us). */
export const isManifest = (document: TextDocument) => ManifestFeatures.handles(document) && !isConfigFile(document.uri);
const isConfigFile = (uri: string) => { const file = filePathOf(uri); return file !== undefined && path.basename(file) === CONFIG_FILE_NAME; };
const sameDirectory = (a: string, b: string) => { const [fileA, fileB] = [filePathOf(a), filePathOf(b)]; return fileA !== undefined && fileB !== undefined && path.dirname(fileA) === path.dirname(fileB); };
function readText(file: string): string {
  try { return fs.readFileSync(file, 'utf8'); } catch { return ''; }
}
