import path from 'node:path';
import { KNOWLEDGE_CHANGED_NOTIFICATION, NOTES_CHANGED_NOTIFICATION, NOTES_FOLDERS_NOTIFICATION } from '../protocol';
import type { ServerContext } from './context';
import { onCheckedNotification } from './register';
import { filePathOf } from '../lsp';

/** The user's notes: their documents as they are edited, the notes folders, and files changing on disk. */
export function registerNotes(context: ServerContext): { publishNotes(): void } {
  const { connection, documents, notes, knowledgeService } = context;
  const publishNotes = () => {
    for (const { uri, diagnostics } of notes.changedDiagnostics()) void connection.sendDiagnostics({ uri, diagnostics });
    void connection.sendNotification(KNOWLEDGE_CHANGED_NOTIFICATION);
  };

  connection.onInitialized(() => publishNotes());
  documents.onDidChangeContent((e) => {
    const document = e.document;
    if (notes.handles(document)) context.schedule(document.uri, () => { const current = documents.get(document.uri); if (current) { notes.edited(current); publishNotes(); } });
  });
  documents.onDidClose((e) => {
    if (notes.handles(e.document)) {
      context.cancel(e.document.uri);
      // Back to what is on disk: unsaved edits are gone.
      knowledgeService.update(filePathOf(e.document.uri)!); // a note is always a file
      publishNotes();
    }
  });

  onCheckedNotification(connection, NOTES_FOLDERS_NOTIFICATION, (folders) => {
    knowledgeService.setFolders(folders);
    publishNotes();
  });
  onCheckedNotification(connection, NOTES_CHANGED_NOTIFICATION, (params) => {
    let changed = false;
    for (const change of params.changes) {
      // An open note's unsaved text stays authoritative until it is saved or closed.
      const open = documents.all().find((d) => { const file = filePathOf(d.uri); return file !== undefined && path.resolve(file) === path.resolve(change.path); });
      if (change.type === 'deleted') changed = knowledgeService.remove(change.path) || changed;
      else changed = knowledgeService.update(change.path, open?.getText()) || changed;
    }
    if (changed) context.schedule('notes', publishNotes);
  });
  return { publishNotes };
}
