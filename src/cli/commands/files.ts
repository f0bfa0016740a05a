import fs from 'node:fs';
import path from 'node:path';
import { languageOfPath } from '../../core/analysis/analyse';

const SKIP_DIRS = new Set(['node_modules', '.git', '.terraform', 'dist', 'out']);

/** Expands paths: files as given, directories searched for .yaml, .yml and .tf (sorted, so output is stable). */
export function collectFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) { if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(full); }
      else if (entry.isFile() && /\.(ya?ml|tf)$/i.test(entry.name)) files.push(full);
    }
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try { stat = fs.statSync(p); } catch { missing.push(p); continue; }
    if (stat.isDirectory()) walk(p);
    else if (languageOfPath(p) !== 'other') files.push(p);
    else files.push(p);
  }
  return { files, missing };
}
