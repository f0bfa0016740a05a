import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const bundle = path.resolve(__dirname, '..', '..', 'dist', 'cli', 'cnc.js');

/** Runs the built `cnc` in a directory, as a user's shell would. */
export function runCnc(cwd: string, args: string[]) {
  return spawnSync(process.execPath, [bundle, ...args], { cwd, encoding: 'utf8' });
}

/** Writes `name` (a relative path) below `dir`, making its folders. */
export function writeBelow(dir: string, name: string, text: string): void {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}
