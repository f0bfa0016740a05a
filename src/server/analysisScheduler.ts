import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { yieldToEventLoop } from './yieldToEventLoop';

export interface AnalysisSchedulerOptions {
  /** The document's current state; undefined once it is closed. */
  current(uri: string): TextDocument | undefined;
  /** Awaited before the analysis (bounded: e.g. the neighbours being indexed); requests are answered meanwhile. */
  prepare?(document: TextDocument): Promise<void>;
  /** A first synchronous phase, on its own so requests are answered between it and the rules: parsing. */
  parse?(document: TextDocument): void;
  /** The synchronous phase: rules (on the parse of `parse`; cached per version by the caller). */
  analyse(document: TextDocument): Diagnostic[];
  /** The slower phase, which yields and stops early once `superseded()` is true (schema validation). */
  complete?(document: TextDocument, superseded: () => boolean): Promise<Diagnostic[]>;
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  onError(error: unknown): void;
}

interface DocumentState { running: boolean; requested: boolean; published?: { version: number; diagnostics: string } }

/**
 * When each document is analysed and its diagnostics published. At most one analysis per document is in flight; a
 * request while one runs marks it superseded and the latest version is analysed next (the versions in between
 * never are). The event loop runs between phases, so hovers and completion are answered while a large file is
 * analysed. Each version's diagnostics (rules and schema together) are published once: when a request (a neighbour
 * opened, a setting changed) finds the same diagnostics already published for the version, nothing is sent again.
 */
export class AnalysisScheduler {
  private readonly documents = new Map<string, DocumentState>();

  constructor(private readonly options: AnalysisSchedulerOptions) {}

  /** Analyse the document's current version (now, or after the analysis in flight) and publish it once. */
  request(uri: string): void {
    let state = this.documents.get(uri);
    if (!state) { state = { running: false, requested: false }; this.documents.set(uri, state); }
    state.requested = true;
    if (!state.running) void this.run(uri, state);
  }

  /** The document closed: drop its state; an analysis in flight publishes nothing. */
  forget(uri: string): void {
    this.documents.delete(uri);
  }

  private async run(uri: string, state: DocumentState): Promise<void> {
    state.running = true;
    const dropped = () => this.documents.get(uri) !== state;
    try {
      while (state.requested && !dropped()) {
        state.requested = false;
        // First let the event loop read what is queued: further edits supersede this request before any work.
        await yieldToEventLoop();
        const first = this.options.current(uri);
        if (!first || state.requested || dropped()) continue;
        await this.options.prepare?.(first);
        const document = this.options.current(uri);
        if (!document || dropped()) continue;
        const version = document.version;
        // A newer version supersedes the work; another request for this version (a neighbour opened, a setting
        // changed) does not: this one finishes and the loop runs once more, publishing only if the result differs.
        const superseded = () => dropped() || this.options.current(uri)?.version !== version;
        if (this.options.parse) {
          this.options.parse(document);
          await yieldToEventLoop();
          if (superseded()) continue;
        }
        const found = this.options.analyse(document);
        await yieldToEventLoop();
        if (superseded()) continue;
        const diagnostics = [...found, ...this.options.complete ? await this.options.complete(document, superseded) : []];
        if (superseded()) continue;
        const published = JSON.stringify(diagnostics);
        if (state.published?.version === version && state.published.diagnostics === published) continue;
        state.published = { version, diagnostics: published };
        this.options.publish(uri, version, diagnostics);
      }
    } catch (error) {
      this.options.onError(error);
    } finally {
      state.running = false;
    }
  }
}
