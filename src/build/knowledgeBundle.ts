/**
 * Build step: validates the bundled notes and writes `dist/knowledge.json` (notes, cards, lunr index).
 * Any error in a bundled note fails the build, with file:line messages. `--lenient` (for drafting notes)
 * reports errors but still writes the bundle without the broken notes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BUNDLE_FILE } from '../core/knowledge/bundle';
import { KnowledgeBase } from '../core/knowledge/knowledgeBase';
import { readNotesFolder } from '../core/knowledge/loadNotes';
import { formatProblem } from '../core/knowledge/problems';

export function buildKnowledgeBundle(root: string, lenient: boolean): number {
  const notesDir = path.join(root, 'knowledge');
  const parsed = readNotesFolder(notesDir, 'bundled');
  for (const p of parsed) {
    if (p.note) p.note.path = path.relative(root, p.note.path);
    for (const problem of p.problems) problem.path = path.relative(root, problem.path);
  }
  const kb = KnowledgeBase.fromParsed(parsed);
  const errors = kb.problems.filter((p) => p.severity === 'error');
  for (const problem of kb.problems) console.error(formatProblem(problem));
  if (errors.length && !lenient) {
    console.error(`knowledge: ${errors.length} error(s) in bundled notes; fix them (cnc notes check knowledge).`);
    return 1;
  }
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(root, 'dist', BUNDLE_FILE), JSON.stringify(kb.toBundle()));
  console.log(`knowledge: ${kb.notes.length} notes, ${kb.cards.length} cards -> dist/${BUNDLE_FILE}`);
  return 0;
}

const root = process.argv[2] ?? process.cwd();
process.exitCode = buildKnowledgeBundle(root, process.argv.includes('--lenient'));
