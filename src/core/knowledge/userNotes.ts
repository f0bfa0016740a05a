import path from 'node:path';
import { KnowledgeBase } from './knowledgeBase';
import { readNoteFile, readNotesFolder } from './loadNotes';
import type { NoteProblem } from './note';
import { parseNote, type ParsedNote } from './parseNote';

/**
 * The user's notes folders on top of the bundled notes. Files are parsed once and kept; a change re-parses only that
 * file, and the user layer (lookups, and its own small lunr index, built lazily) is re-derived from the kept parses.
 * The bundled layer and its prebuilt index are never rebuilt.
 */
export class UserNotes {
  private folders: string[] = [];
  private readonly files = new Map<string, ParsedNote>();
  private layer: KnowledgeBase | undefined;

  constructor(private readonly bundled: KnowledgeBase) {}

  /** Reads every note of the given absolute folders (replacing earlier folders). */
  setFolders(folders: string[]): void {
    this.folders = [...new Set(folders.map((f) => path.resolve(f)))];
    this.files.clear();
    for (const folder of this.folders) for (const parsed of readNotesFolder(folder, folder)) this.files.set(pathOf(parsed), parsed);
    this.layer = undefined;
  }

  get watchedFolders(): readonly string[] { return this.folders; }

  /** The folder a file belongs to, if it is a note of ours (a `.md` under a notes folder). */
  folderOf(file: string): string | undefined {
    if (!file.endsWith('.md') || /(^|[/\\])(README|FORMAT)\.md$/i.test(file)) return undefined;
    const resolved = path.resolve(file);
    return this.folders.find((f) => resolved.startsWith(f + path.sep));
  }

  /** Re-reads one file (from `text` when the editor has unsaved changes, else from disk). */
  update(file: string, text?: string): boolean {
    const folder = this.folderOf(file);
    if (!folder) return false;
    const resolved = path.resolve(file);
    this.files.set(resolved, text === undefined ? readNoteFile(resolved, folder) : parseNote(text, resolved, folder));
    this.layer = undefined;
    return true;
  }

  remove(file: string): boolean {
    const removed = this.files.delete(path.resolve(file));
    if (removed) this.layer = undefined;
    return removed;
  }

  /** Bundled notes plus the user's, as one knowledge base. */
  knowledge(): KnowledgeBase {
    this.layer ??= KnowledgeBase.fromParsed([...this.files.values()], { base: this.bundled });
    return this.layer;
  }

  /** Problems of every user note file, by file (files without problems map to an empty list, to clear them). */
  problemsByFile(): Map<string, NoteProblem[]> {
    const byFile = new Map<string, NoteProblem[]>([...this.files.keys()].map((f) => [f, []]));
    for (const problem of this.knowledge().problems) byFile.get(path.resolve(problem.path))?.push(problem);
    return byFile;
  }
}

function pathOf(parsed: ParsedNote): string {
  return path.resolve(parsed.note?.path ?? parsed.problems[0]?.path ?? '');
}
