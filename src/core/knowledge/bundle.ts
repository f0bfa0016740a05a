import fs from 'node:fs';
import path from 'node:path';
import { KnowledgeBase, type KnowledgeBundle } from './knowledgeBase';

export const BUNDLE_FILE = 'knowledge.json';

/**
 * Loads the notes bundled at build time (`dist/knowledge.json`): parsed notes, cards and a prebuilt lunr index, so
 * start-up never re-reads Markdown. Bundled note paths are relative to the package root and made absolute here.
 */
export function loadBundledKnowledge(packageRoot: string): KnowledgeBase {
  const bundle = JSON.parse(fs.readFileSync(path.join(packageRoot, 'dist', BUNDLE_FILE), 'utf8')) as KnowledgeBundle;
  if (bundle.format !== 1) throw new Error(`Unsupported knowledge bundle format ${String(bundle.format)}; rebuild with npm run build.`);
  for (const note of bundle.notes) note.path = path.join(packageRoot, note.path);
  return KnowledgeBase.fromBundle(bundle);
}
