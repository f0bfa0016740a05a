import fs from 'node:fs';
import path from 'node:path';
import { parseNote, type ParsedNote } from './parseNote';

/** Notes larger than this are not knowledge but something else in the folder; they are skipped with a problem. */
const MAX_NOTE_BYTES = 1_000_000;

/** Reads every `*.md` note under a folder (recursively), skipping `FORMAT.md`/`README.md` and dot-folders. */
export function readNotesFolder(dir: string, origin: string): ParsedNote[] {
  const parsed: ParsedNote[] = [];
  const walk = (current: string) => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(current, { withFileTypes: true }); } catch { return; }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.md') && !/^(README|FORMAT)\.md$/i.test(entry.name)) parsed.push(readNoteFile(full, origin));
    }
  };
  walk(dir);
  return parsed;
}

export function readNoteFile(file: string, origin: string): ParsedNote {
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_NOTE_BYTES) return { cards: [], problems: [{ path: file, line: 0, severity: 'error', message: `Note is ${size} bytes, over the ${MAX_NOTE_BYTES}-byte limit; skipped.` }] };
    return parseNote(fs.readFileSync(file, 'utf8'), file, origin);
  } catch (error) {
    return { cards: [], problems: [{ path: file, line: 0, severity: 'error', message: `Cannot read note: ${(error as Error).message}` }] };
  }
}
