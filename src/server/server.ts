import {
  CodeActionKind, DiagnosticSeverity, TextDocumentSyncKind, TextDocuments,
  type CodeAction, type Connection, type Diagnostic, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { analyse, languageOfId, type Analysis } from '../core/analysis/analyse';
import { yamlHover } from '../core/hover/hover';
import { loadBundledKnowledge } from '../core/knowledge/bundle';
import type { KnowledgeBase } from '../core/knowledge/knowledgeBase';
import { fixesFor } from '../core/lint/lint';
import { ALL_RULES } from '../core/rules';
import type { Finding, Severity } from '../core/rules/rule';
import { NOTE_REQUEST, CARDS_REQUEST, type CardsParams, type NoteInfo } from './protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};
const DIAGNOSTIC_DELAY_MS = 200;

export interface ServerOptions { packageRoot: string }

/** Wires the core into an LSP connection: one analysis per document version, shared by diagnostics, hover and code actions. */
export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new Map<string, { version: number; analysis: Analysis }>();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  let knowledge: KnowledgeBase | undefined;
  const kb = () => (knowledge ??= loadBundledKnowledge(options.packageRoot));

  const analysisOf = (document: TextDocument): Analysis => {
    const cached = analyses.get(document.uri);
    if (cached?.version === document.version) return cached.analysis;
    const analysis = analyse(document.getText(), languageOfId(document.languageId), ALL_RULES);
    analyses.set(document.uri, { version: document.version, analysis });
    return analysis;
  };

  const publish = (document: TextDocument) => {
    const analysis = analysisOf(document);
    const diagnostics: Diagnostic[] = [];
    if (analysis.skipped && analysis.language !== 'other') {
      diagnostics.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'cnc', message: analysis.skipped });
    }
    if (analysis.file) {
      const file = analysis.file;
      for (const problem of file.problems) {
        diagnostics.push({ range: file.lines.rangeOf(problem.span.start, problem.span.end), severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, source: 'cnc', code: 'yaml-syntax', message: problem.message });
      }
      for (const finding of analysis.findings) diagnostics.push(toDiagnostic(finding, analysis));
    }
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  };

  const toDiagnostic = (finding: Finding, analysis: Analysis): Diagnostic => {
    const rule = ALL_RULES.find((r) => r.id === finding.ruleId);
    const note = rule ? kb().note(rule.concept) : undefined;
    return {
      range: analysis.file!.lines.rangeOf(finding.span.start, finding.span.end),
      severity: SEVERITY[finding.severity],
      source: 'cnc',
      code: finding.ruleId,
      message: finding.message,
      relatedInformation: note ? [{
        location: { uri: pathToFileURL(note.path).toString(), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
        message: `Concept: ${note.title} — ${note.summary}`,
      }] : undefined,
      data: { ruleId: finding.ruleId, start: finding.span.start, end: finding.span.end },
    };
  };

  const schedule = (document: TextDocument) => {
    clearTimeout(pending.get(document.uri));
    pending.set(document.uri, setTimeout(() => {
      pending.delete(document.uri);
      const current = documents.get(document.uri);
      if (current) publish(current);
    }, DIAGNOSTIC_DELAY_MS));
  };

  connection.onInitialize((): InitializeResult => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'cloud-native-companion', version: '0.1.0' },
  }));

  documents.onDidOpen((e) => publish(e.document));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    clearTimeout(pending.get(e.document.uri));
    analyses.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = analysisOf(document);
    if (analysis.file?.language !== 'yaml') return null;
    const hover = yamlHover(analysis.file, document.offsetAt(params.position), kb());
    if (!hover) return null;
    return { contents: { kind: 'markdown', value: hover.markdown }, range: analysis.file.lines.rangeOf(hover.span.start, hover.span.end) };
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const analysis = analysisOf(document);
    const file = analysis.file;
    if (!file) return [];
    const actions: CodeAction[] = [];
    const explained = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'cnc') continue;
      const data = diagnostic.data as { ruleId?: string; start?: number; end?: number } | undefined;
      const finding = analysis.findings.find((f) => f.ruleId === data?.ruleId && f.span.start === data?.start && f.span.end === data?.end);
      if (!finding) continue;
      for (const fix of fixesFor(finding, file, ALL_RULES)) {
        actions.push({
          title: fix.title, kind: CodeActionKind.QuickFix, isPreferred: fix.isPreferred, diagnostics: [diagnostic],
          edit: { changes: { [document.uri]: fix.edits.map((e) => ({ range: file.lines.rangeOf(e.span.start, e.span.end), newText: e.newText })) } },
        });
      }
      const rule = ALL_RULES.find((r) => r.id === finding.ruleId);
      const note = rule ? kb().note(rule.concept) : undefined;
      if (note && !explained.has(note.id)) {
        explained.add(note.id);
        actions.push({ title: `Explain ${note.title}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: `Explain ${note.title}`, command: 'cnc.openNote', arguments: [note.id] } });
        if (kb().cardsOf(note.id).length) {
          actions.push({ title: `Review cards for ${note.title}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: `Review cards for ${note.title}`, command: 'cnc.reviewCards', arguments: [{ noteId: note.id }] } });
        }
      }
    }
    return actions;
  });

  connection.onRequest(NOTE_REQUEST, (id: string): NoteInfo | null => {
    const note = typeof id === 'string' ? kb().note(id) : undefined;
    if (!note) return null;
    return { id: note.id, title: note.title, summary: note.summary, path: note.path, docs: note.docs, cards: kb().cardsOf(note.id) };
  });

  connection.onRequest(CARDS_REQUEST, (params: CardsParams) => {
    const noteId = typeof params?.noteId === 'string' ? params.noteId : undefined;
    const cards = noteId ? kb().cardsOf(noteId) : kb().cards;
    return cards.map((card) => ({ ...card, noteTitle: kb().note(card.noteId)?.title ?? card.noteId }));
  });

  documents.listen(connection);
  connection.listen();
}
