import fs from 'node:fs';
import path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FileChangeType } from 'vscode-languageserver';
import { EDITOR_LIMITS } from '../../core/model/limits';
import { forgetWorkspaceCrds, setWorkspaceCrdText } from '../../core/schema/workspaceCrds';
import type { ServerContext } from './context';
import type { ManifestDiagnostics } from './manifestDiagnostics';
import { filePathOf } from '../lsp';

/** A workspace larger than this is not searched for CRDs past this many YAML files (open files always count). */
const MAX_SCANNED_FILES = 5_000;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'vendor', 'dist', 'out', '.terraform']);
const isYaml = (file: string) => /\.ya?ml$/i.test(file);

export interface WorkspaceCrds {
  /** Searches the workspace folders for CustomResourceDefinition files, in the background (trusted workspaces only). */
  scan(folders: string[], trusted: boolean): void;
}

/**
 * The workspace's CustomResourceDefinitions become schemas for their kinds (src/core/schema/workspaceCrds.ts): found
 * by a background search of the workspace folders at start, kept current from the open documents (unsaved text wins),
 * re-read from disk when a document closes (a deleted CRD is forgotten) and on the client's file events. When the
 * CRDs change, the open manifests are checked again.
 */
export function registerWorkspaceCrds(context: ServerContext, diagnostics: ManifestDiagnostics): WorkspaceCrds {
  const { connection, documents } = context;
  /** False in an untrusted workspace: no file of it is read (open documents still count, as the user sees them). */
  let readFiles = false;
  const fromDisk = (file: string): boolean => {
    let text: string;
    try {
      if (fs.statSync(file).size > EDITOR_LIMITS.parsedBytes) return forgetWorkspaceCrds(file);
      text = fs.readFileSync(file, 'utf8');
    } catch { return forgetWorkspaceCrds(file); }
    return setWorkspaceCrdText(file, text);
  };
  const fromDocument = (document: TextDocument): boolean => {
    const file = filePathOf(document.uri);
    if (!file || !isYaml(file) || document.getText().length > EDITOR_LIMITS.parsedBytes) return false;
    return setWorkspaceCrdText(path.resolve(file), document.getText());
  };

  documents.onDidChangeContent((e) => {
    if (filePathOf(e.document.uri) && isYaml(e.document.uri)) context.schedule(`crds:${e.document.uri}`, () => { if (fromDocument(e.document)) diagnostics.republishManifests(); });
  });
  documents.onDidClose((e) => {
    const file = filePathOf(e.document.uri);
    if (file && isYaml(file) && (readFiles ? fromDisk(path.resolve(file)) : forgetWorkspaceCrds(path.resolve(file)))) diagnostics.republishManifests();
  });
  connection.onDidChangeWatchedFiles((params) => {
    if (!readFiles) return;
    let changed = false;
    for (const change of params.changes) {
      const file = filePathOf(change.uri);
      if (!file || !isYaml(file) || documents.get(change.uri)) continue;
      changed = (change.type === FileChangeType.Deleted ? forgetWorkspaceCrds(path.resolve(file)) : fromDisk(path.resolve(file))) || changed;
    }
    if (changed) diagnostics.republishManifests();
  });

  return {
    scan(folders, trusted) {
      readFiles = trusted;
      if (!trusted) return;
      const pending = folders.map((f) => path.resolve(f));
      let seen = 0;
      let changed = false;
      // One directory per turn of the event loop: requests are answered while a large workspace is searched.
      const step = () => {
        const dir = pending.shift();
        if (dir === undefined || seen >= MAX_SCANNED_FILES) {
          if (changed) diagnostics.republishManifests();
          return;
        }
        let entries: fs.Dirent[] = [];
        try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { /* unreadable: skipped */ }
        for (const entry of entries) {
          const file = path.join(dir, entry.name);
          if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) pending.push(file);
          else if (entry.isFile() && isYaml(entry.name) && seen++ < MAX_SCANNED_FILES && !documents.all().some((d) => filePathOf(d.uri) === file)) changed = fromDisk(file) || changed;
        }
        setImmediate(step);
      };
      setImmediate(step);
    },
  };
}
