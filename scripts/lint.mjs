// `npm run lint` and the "lint" step of `npm test`: ESLint (typescript-eslint, type-aware; eslint.config.mjs) and knip
// (unused files, exports, dependencies; knip.jsonc). Both always run; each prints its problems as file:line and its
// time; the exit code is 1 if either found anything. Usage: node scripts/lint.mjs [--fix] (ESLint's autofix).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fix = process.argv.includes('--fix') ? ['--fix'] : [];
const tools = [
  ['eslint', ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings', '0', ...fix]],
  ['knip', ['node_modules/knip/bin/knip.js', '--no-progress']],
];
let failed = 0;
for (const [name, args] of tools) {
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  if (!ok) failed++;
  console.log(`lint: ${name} ${ok ? 'clean' : `found problems (exit ${result.status ?? result.signal})`} in ${seconds} s`);
}
process.exitCode = failed ? 1 : 0;
