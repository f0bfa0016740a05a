import type { Card } from '../core/knowledge/note';

/** Custom requests and notifications between our client and server (no `vscode` import: the server shares this). */
export const NOTE_REQUEST = 'cnc/note';
export const CARDS_REQUEST = 'cnc/cards';
export const SEARCH_REQUEST = 'cnc/search';
export const CONCEPTS_REQUEST = 'cnc/concepts';
export const BACKLINKS_REQUEST = 'cnc/backlinks';
/** Client → server: the absolute notes folders to index (empty in an untrusted workspace). */
export const NOTES_FOLDERS_NOTIFICATION = 'cnc/notesFolders';
/** Client → server: files changed on disk under the notes folders. */
export const NOTES_CHANGED_NOTIFICATION = 'cnc/notesChanged';
/** Client → server: whether to publish schema diagnostics (the setting, resolved against Red Hat's extension). */
export const SCHEMA_VALIDATION_NOTIFICATION = 'cnc/schemaValidation';
/** Client → server: "explain this manifest" for an open document; answers Markdown. */
export const EXPLAIN_MANIFEST_REQUEST = 'cnc/explainManifest';
/** Client → server: the `cnc.rules` / `cnc.kubernetesVersion` settings changed. */
export const LINT_SETTINGS_NOTIFICATION = 'cnc/lintSettings';
/** Client → server: a `.cnc.yaml` file was created, changed or deleted on disk. */
export const CONFIG_CHANGED_NOTIFICATION = 'cnc/configChanged';
/** Server → client: the notes changed (the Concepts view refreshes). */
export const KNOWLEDGE_CHANGED_NOTIFICATION = 'cnc/knowledgeChanged';

export interface InitializationOptions {
  notesFolders?: string[];
  /** HashiCorp's Terraform extension reports HCL syntax errors itself. */
  terraformExtensionInstalled?: boolean;
  /** Publish schema diagnostics for Kubernetes YAML (false when Red Hat's extension already does). */
  schemaValidation?: boolean;
  /** VS Code settings over the workspace `.cnc.yaml`. */
  lintSettings?: LintSettings;
}
export interface LintSettings {
  rules?: unknown;
  kubernetesVersion?: unknown;
  /** False in an untrusted workspace: `.cnc.yaml` files are not read. */
  useConfigFiles?: boolean;
}
export interface ExplainManifestParams { uri: string }
export interface NoteInfo { id: string; title: string; summary: string; path: string; docs?: string; cards: Card[] }
export interface CardsParams { noteId?: string }
export type CardWithTitle = Card & { noteTitle: string };
export interface SearchParams { query: string; limit?: number }
export interface SearchResult { id: string; title: string; aliases: string[]; score: number; path: string; summary: string }
export interface ConceptSummary { id: string; title: string; tags: string[]; summary: string; cardCount: number; origin: string; path: string }
export interface BacklinksParams { noteId?: string; path?: string }
export interface Backlink { noteId: string; title: string; path: string; line: number }
export interface NotesChangedParams { changes: { path: string; type: 'created' | 'changed' | 'deleted' }[] }
