import { CompletionItemKind, type CompletionItem, type Diagnostic, type Hover, type Location, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { commandLink, markdownLink } from '../core/hover/commandLinks';
import { noteMarkdown } from '../core/hover/noteMarkdown';
import type { NoteProblem } from '../core/knowledge/note';
import { openWikilinkBefore, wikilinkAt } from '../core/knowledge/wikilinks';
import { escapeMarkdown, markdownCode } from '../core/text/escape';
import type { KnowledgeService } from './knowledgeService';
import { filePathOf, fileUriOf, lspSeverity } from './lsp';

/** Markdown notes in the user's notes folders: link completion, go to definition, hover preview, diagnostics. */
export class NoteFeatures {
  private published = new Map<string, string>();

  constructor(private readonly service: KnowledgeService) {}

  handles(document: TextDocument): boolean {
    const file = filePathOf(document.uri);
    return document.languageId === 'markdown' && Boolean(file && this.service.isNoteFile(file));
  }

  /** The editor's unsaved text wins over the file on disk. */
  edited(document: TextDocument): void {
    const file = filePathOf(document.uri);
    if (file) this.service.update(file, document.getText());
  }

  /** Diagnostics of every note file whose problems changed since they were last published. */
  changedDiagnostics(): { uri: string; diagnostics: Diagnostic[] }[] {
    const changed: { uri: string; diagnostics: Diagnostic[] }[] = [];
    const next = new Map<string, string>();
    for (const [file, problems] of this.service.problemsByFile()) {
      const uri = fileUriOf(file);
      const signature = JSON.stringify(problems);
      next.set(uri, signature);
      if (this.published.get(uri) !== signature) changed.push({ uri, diagnostics: problems.map(toDiagnostic) });
    }
    for (const uri of this.published.keys()) if (!next.has(uri)) changed.push({ uri, diagnostics: [] });
    this.published = next;
    return changed;
  }

  completion(document: TextDocument, position: Position): CompletionItem[] {
    const text = document.getText();
    const offset = document.offsetAt(position);
    const open = openWikilinkBefore(text, offset);
    if (!open) return [];
    const range = { start: document.positionAt(open.start), end: position };
    return this.service.knowledge().notes.map((note) => ({
      label: note.id,
      kind: CompletionItemKind.Reference,
      detail: note.title,
      documentation: { kind: 'markdown', value: noteMarkdown(note.summary) },
      filterText: [note.id, note.title, ...note.aliases].join(' '),
      textEdit: { range, newText: open.closed ? note.id : `${note.id}]]` },
    }));
  }

  definition(document: TextDocument, position: Position): Location | null {
    const link = wikilinkAt(document.getText(), document.offsetAt(position));
    const note = link ? this.service.knowledge().note(link.target) : undefined;
    return note ? { uri: fileUriOf(note.path), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } : null;
  }

  hover(document: TextDocument, position: Position): Hover | null {
    const link = wikilinkAt(document.getText(), document.offsetAt(position));
    if (!link) return null;
    const range = { start: document.positionAt(link.span.start), end: document.positionAt(link.span.end) };
    const note = this.service.knowledge().note(link.target);
    if (!note) return { contents: { kind: 'markdown', value: `No note with id ${markdownCode(link.target)}.` }, range };
    const cards = this.service.knowledge().cardsOf(note.id).length;
    const value = [`**${escapeMarkdown(note.title)}** (${markdownCode(note.id)})`, '', noteMarkdown(note.summary), '', `${cards} card${cards === 1 ? '' : 's'} · ${markdownLink('Open preview', commandLink('cnc.openNote', [note.id]))}`].join('\n');
    return { contents: { kind: 'markdown', value }, range };
  }
}

function toDiagnostic(problem: NoteProblem): Diagnostic {
  return {
    range: { start: { line: problem.line, character: 0 }, end: { line: problem.line, character: 1000 } },
    severity: lspSeverity(problem.severity),
    source: 'cnc-notes',
    message: problem.message,
  };
}
