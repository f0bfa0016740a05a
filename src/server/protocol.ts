/**
 * Custom requests and notifications between our client and server, as typed message objects both sides use (no
 * `vscode` import: the server shares this). Each message carries the valibot schema of its params: the server
 * validates what it receives against it before any handler runs (see handlers/register.ts), and the params' types are
 * derived from the schemas, so the two cannot drift apart.
 */
import * as v from 'valibot';
import { NotificationType, NotificationType0, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Card } from '../core/knowledge/note';

/** Longest id, path or query we accept from the client. */
const MAX_TEXT = 4096;
const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));

/** A request whose params the server checks against `params` before answering (-32602 when they do not fit). */
export class CheckedRequest<S extends v.GenericSchema, R> extends RequestType<v.InferOutput<S>, R, void> {
  constructor(method: string, readonly params: S) { super(method); }
}
/** A notification whose params the server checks against `params` (ignored, with a warning, when they do not fit). */
export class CheckedNotification<S extends v.GenericSchema> extends NotificationType<v.InferOutput<S>> {
  constructor(method: string, readonly params: S) { super(method); }
}

const NoteIdParam = text;
const CardsParams = v.strictObject({ noteId: v.optional(text) });
const SearchParams = v.strictObject({ query: v.string(), limit: v.optional(v.number()) });
const BacklinksParams = v.strictObject({ noteId: v.optional(text), path: v.optional(text) });
const ExplainManifestParams = v.strictObject({ uri: text });
const ConvertIngressParams = v.strictObject({ uri: text });
const NotesFoldersParam = v.array(text);
const NotesChangedParams = v.strictObject({
  changes: v.array(v.strictObject({ path: text, type: v.picklist(['created', 'changed', 'deleted']) })),
});
const LintSettings = v.object({
  /** Checked by the config loader, which reports what it does not understand. */
  rules: v.optional(v.unknown()),
  kubernetesVersion: v.optional(v.unknown()),
  /** False in an untrusted workspace: `.cnc.yaml` files are not read. */
  useConfigFiles: v.optional(v.boolean()),
});
const SchemaValidationParam = v.boolean();

export type CardsParams = v.InferOutput<typeof CardsParams>;
export type SearchParams = v.InferOutput<typeof SearchParams>;
export type BacklinksParams = v.InferOutput<typeof BacklinksParams>;
export type ExplainManifestParams = v.InferOutput<typeof ExplainManifestParams>;
export type ConvertIngressParams = v.InferOutput<typeof ConvertIngressParams>;
/** The Gateway API equivalent of a document's Ingresses (core/convert/ingressToGateway.ts). */
export interface IngressConversion { yaml: string; converted: string[]; notConverted: string[] }
export type NotesChangedParams = v.InferOutput<typeof NotesChangedParams>;
export type LintSettings = v.InferOutput<typeof LintSettings>;

export interface NoteInfo { id: string; title: string; summary: string; path: string; docs?: string; cards: Card[] }
export type CardWithTitle = Card & { noteTitle: string };
export interface SearchResult { id: string; title: string; aliases: string[]; score: number; path: string; summary: string }
export interface ConceptSummary { id: string; title: string; tags: string[]; summary: string; cardCount: number; origin: string; path: string }
export interface Backlink { noteId: string; title: string; path: string; line: number }

/** A note by id (sent as the bare id string), or null. */
export const NOTE_REQUEST = new CheckedRequest<typeof NoteIdParam, NoteInfo | null>('cnc/note', NoteIdParam);
export const CARDS_REQUEST = new CheckedRequest<typeof CardsParams, CardWithTitle[]>('cnc/cards', CardsParams);
export const SEARCH_REQUEST = new CheckedRequest<typeof SearchParams, SearchResult[]>('cnc/search', SearchParams);
/** Every note, without params. */
export const CONCEPTS_REQUEST = new RequestType0<ConceptSummary[], void>('cnc/concepts');
export const BACKLINKS_REQUEST = new CheckedRequest<typeof BacklinksParams, Backlink[]>('cnc/backlinks', BacklinksParams);
/** Client → server: "explain this manifest" for an open document; answers Markdown. */
export const EXPLAIN_MANIFEST_REQUEST = new CheckedRequest<typeof ExplainManifestParams, string | null>('cnc/explainManifest', ExplainManifestParams);
/** Client → server: "convert to Gateway API" for an open document's Ingresses; null when it has none. */
export const CONVERT_INGRESS_REQUEST = new CheckedRequest<typeof ConvertIngressParams, IngressConversion | null>('cnc/convertIngressToGateway', ConvertIngressParams);
/** Client → server: the absolute notes folders to index (empty in an untrusted workspace). */
export const NOTES_FOLDERS_NOTIFICATION = new CheckedNotification('cnc/notesFolders', NotesFoldersParam);
/** Client → server: files changed on disk under the notes folders. */
export const NOTES_CHANGED_NOTIFICATION = new CheckedNotification('cnc/notesChanged', NotesChangedParams);
/** Client → server: whether to publish schema diagnostics (the setting, resolved against Red Hat's extension). */
export const SCHEMA_VALIDATION_NOTIFICATION = new CheckedNotification('cnc/schemaValidation', SchemaValidationParam);
/** Client → server: the `cnc.rules` / `cnc.kubernetesVersion` settings changed. */
export const LINT_SETTINGS_NOTIFICATION = new CheckedNotification('cnc/lintSettings', LintSettings);
/** Client → server: a `.cnc.yaml` file was created, changed or deleted on disk. */
export const CONFIG_CHANGED_NOTIFICATION = new NotificationType0('cnc/configChanged');
/** Server → client: the notes changed (the Concepts view refreshes). */
export const KNOWLEDGE_CHANGED_NOTIFICATION = new NotificationType0('cnc/knowledgeChanged');

/**
 * What the client tells the server at start. Each field is checked on its own and falls back to its default when
 * it does not fit: a bad option never keeps the server from starting.
 */
const clientSettingEntries = {
  /** Absolute, `~/…`, or relative to the (first) workspace folder. */
  notesFolders: v.fallback(v.optional(v.array(v.string())), undefined),
  /** Publish schema diagnostics for Kubernetes YAML (false when Red Hat's extension already does). */
  schemaValidation: v.fallback(v.optional(v.boolean()), undefined),
  /** The editor's settings over the workspace `.cnc.yaml`. */
  lintSettings: v.fallback(v.optional(LintSettings), undefined),
};
export const InitializationOptions = v.fallback(v.object({
  ...clientSettingEntries,
  /** HashiCorp's Terraform extension reports HCL syntax errors itself. */
  terraformExtensionInstalled: v.fallback(v.optional(v.boolean()), undefined),
  /**
   * True from our VS Code client, which runs `cnc.openNote` and `cnc.reviewCards` itself. Any other client gets
   * code actions and hover links it can follow (see handlers/commands.ts).
   */
  clientCommands: v.fallback(v.optional(v.boolean()), undefined),
}), {});
export type InitializationOptions = v.InferInput<typeof InitializationOptions>;

/**
 * `workspace/didChangeConfiguration` from clients that push settings (Neovim, Helix, eglot): `{ cnc: { … } }`
 * with the same fields as the initializationOptions that can change later. Absent fields keep their value; a field
 * that does not fit is ignored on its own, like at start.
 */
export const ConfigurationSettings = v.fallback(v.looseObject({
  cnc: v.fallback(v.optional(v.object(clientSettingEntries)), undefined),
}), {});
