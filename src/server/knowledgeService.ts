import path from 'node:path';
import { loadBundledKnowledge } from '../core/knowledge/bundle';
import type { KnowledgeBase } from '../core/knowledge/knowledgeBase';
import { UserNotes } from '../core/knowledge/userNotes';

/** The bundled notes (loaded once, lazily) and the user's notes folders on top of them. */
export class KnowledgeService {
  private userNotes: UserNotes | undefined;
  private pendingFolders: string[] = [];

  constructor(private readonly packageRoot: string) {}

  private notes(): UserNotes {
    if (!this.userNotes) {
      this.userNotes = new UserNotes(loadBundledKnowledge(this.packageRoot));
      this.userNotes.setFolders(this.pendingFolders);
    }
    return this.userNotes;
  }

  knowledge(): KnowledgeBase { return this.notes().knowledge(); }

  /** Absolute folders (the client resolves workspace-relative settings and drops them in untrusted workspaces). */
  setFolders(folders: string[]): void {
    this.pendingFolders = folders.filter((f) => typeof f === 'string' && path.isAbsolute(f));
    this.userNotes?.setFolders(this.pendingFolders);
  }

  isNoteFile(file: string): boolean { return Boolean(this.notes().folderOf(file)); }
  update(file: string, text?: string): boolean { return this.notes().update(file, text); }
  remove(file: string): boolean { return this.notes().remove(file); }
  problemsByFile() { return this.notes().problemsByFile(); }
}
