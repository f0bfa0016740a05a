import * as vscode from 'vscode';
import type { CodeConcepts } from '../../core/review/codeConcepts';
import { conceptsOfDiagnostics } from '../../core/review/diagnosticConcepts';
import type { ReviewScope } from '../../core/review/protocol';
import type { StudyCard } from '../../core/review/session';

export const FROM_YOUR_CODE = 'From your code';

interface ScopeItem extends vscode.QuickPickItem { pick: () => Promise<ReviewScope | undefined> | ReviewScope | undefined }

/**
 * Asks what to review: everything due, the concepts met in the user's files ("From your code"), one tag, one
 * concept, or the concepts behind the current file's problems.
 */
export async function chooseScope(cards: StudyCard[], workload: { due: number; fresh: number }, codeConcepts: CodeConcepts): Promise<ReviewScope | undefined> {
  const notes = notesOf(cards);
  const tags = tagsOf(cards);
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
  const fileConcepts = editor ? conceptsOfFile(editor.document.uri, notes) : [];
  const fileName = editor ? vscode.workspace.asRelativePath(editor.document.uri) : undefined;
  const items: ScopeItem[] = [
    { label: '$(check-all) Everything due', description: `${workload.due} due · ${workload.fresh} new`, pick: () => ({ kind: 'due' }) },
    ...(codeConcepts.size ? [{
      label: '$(code) From your code', description: [...codeConcepts.keys()].map((id) => notes.get(id)?.title ?? id).join(', '),
      detail: 'The concepts behind the problems in your files',
      pick: (): ReviewScope => ({ kind: 'concepts', noteIds: [...codeConcepts.keys()].filter((id) => notes.has(id)).slice(0, 500), label: FROM_YOUR_CODE }),
    }] : []),
    ...(tags.size ? [{ label: '$(tag) One tag…', description: `${tags.size} tags`, pick: () => pickTag(tags) }] : []),
    { label: '$(book) One concept…', description: `${notes.size} concepts with cards`, pick: () => pickConcept(notes) },
    fileConcepts.length
      ? { label: `$(warning) Concepts behind the problems in ${fileName}`, description: fileConcepts.map((id) => notes.get(id)?.title ?? id).join(', '),
          pick: () => ({ kind: 'concepts', noteIds: fileConcepts, label: `Problems in ${fileName}` }) }
      : { label: '$(warning) Concepts behind the current file\'s problems', description: fileName ? `none in ${fileName}` : 'no file is open',
          pick: () => { void vscode.window.showInformationMessage(fileName ? `${fileName} has no Cloud-Native Companion problems that point to a concept.` : 'Open a manifest first: its problems name the concepts to review.'); return undefined; } },
  ];
  const chosen = await vscode.window.showQuickPick(items, { title: 'Review Cards', placeHolder: 'What do you want to review?' });
  return chosen?.pick();
}

function notesOf(cards: StudyCard[]): Map<string, { title: string; count: number }> {
  const notes = new Map<string, { title: string; count: number }>();
  for (const c of cards) {
    const note = notes.get(c.noteId) ?? { title: c.noteTitle, count: 0 };
    note.count++;
    notes.set(c.noteId, note);
  }
  return notes;
}

function tagsOf(cards: StudyCard[]): Map<string, number> {
  const tags = new Map<string, number>();
  for (const c of cards) for (const t of c.tags ?? []) tags.set(t, (tags.get(t) ?? 0) + 1);
  return tags;
}

function conceptsOfFile(uri: vscode.Uri, notes: Map<string, { title: string }>): string[] {
  const diagnostics = vscode.languages.getDiagnostics(uri).map((d) => ({
    ...(d.source ? { source: d.source } : {}),
    relatedInformation: (d.relatedInformation ?? []).map((r) => ({ location: { uri: { path: r.location.uri.path } }, message: r.message })),
  }));
  return conceptsOfDiagnostics(diagnostics, [...notes].map(([id, n]) => ({ id, title: n.title })));
}

async function pickTag(tags: Map<string, number>): Promise<ReviewScope | undefined> {
  const items = [...tags].sort((a, b) => a[0].localeCompare(b[0])).map(([tag, count]) => ({ label: tag, description: `${count} cards` }));
  const chosen = await vscode.window.showQuickPick(items, { title: 'Review Cards: one tag', placeHolder: 'Tag' });
  return chosen ? { kind: 'tag', tag: chosen.label } : undefined;
}

async function pickConcept(notes: Map<string, { title: string; count: number }>): Promise<ReviewScope | undefined> {
  const items = [...notes].sort((a, b) => a[1].title.localeCompare(b[1].title)).map(([id, n]) => ({ label: n.title, description: `${n.count} cards`, detail: id, id }));
  const chosen = await vscode.window.showQuickPick(items, { title: 'Review Cards: one concept', placeHolder: 'Concept', matchOnDetail: true });
  return chosen ? { kind: 'concepts', noteIds: [chosen.id], label: chosen.label } : undefined;
}
