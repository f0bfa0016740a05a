import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The CLI and server tests run the built bundles; build once if `npm run test:unit` runs on its own. */
export default function setup(): void {
  const root = path.resolve(__dirname, '..', '..');
  if (!fs.existsSync(path.join(root, 'dist', 'cli', 'cnc.js')) || !fs.existsSync(path.join(root, 'dist', 'knowledge.json'))) {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--no-typecheck'], { cwd: root, stdio: 'inherit' });
  }
}
