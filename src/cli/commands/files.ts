import fs from 'node:fs';
import path from 'node:path';

const SKIP_DIRS = new Set(['node_modules', '.git', '.terraform', 'dist', 'out']);

/**
 * Expands paths: files as given; directories searched for .yaml, .yml and .tf, and for .json files that are
 * Kubernetes objects (a directory also holds package.json and the like). Sorted, so output is stable.
 */
export function collectFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) { if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(full); }
      else if (entry.isFile() && (/\.(ya?ml|tf)$/i.test(entry.name) || (/\.json$/i.test(entry.name) && isKubernetesJson(full)))) files.push(full);
    }
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try { stat = fs.statSync(p); } catch { missing.push(p); continue; }
    // A file named on the command line is always taken: the report says so if it is not one we read.
    if (stat.isDirectory()) walk(p); else files.push(p);
  }
  return { files, missing };
}

/** Whether a .json file holds a Kubernetes object (or a List of them): its top level names an apiVersion and a kind. */
function isKubernetesJson(file: string): boolean {
  let head: string;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(64 * 1024);
      head = buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    } finally { fs.closeSync(fd); }
  } catch { return false; }
  return /^\s*\{/.test(head) && /"apiVersion"\s*:/.test(head) && /"kind"\s*:/.test(head);
}
