// Builds everything into dist/: the extension client, the language server, the CLI and the webview (esbuild),
// then type-checks (tsc --noEmit, strict) and validates + bundles the knowledge notes (dist/knowledge.json).
// Usage: node scripts/build.mjs [--no-typecheck] [--lenient-notes]
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const started = Date.now();

const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', absWorkingDir: root };
await Promise.all([
  build({ ...node, entryPoints: ['src/client/extension.ts'], outfile: 'dist/client/extension.js', external: ['vscode'] }),
  build({ ...node, entryPoints: ['src/server/main.ts'], outfile: 'dist/server/main.js' }),
  build({ ...node, entryPoints: ['src/cli/cnc.ts'], outfile: 'dist/cli/cnc.js' }),
  build({ ...node, entryPoints: ['src/build/knowledgeBundle.ts'], outfile: 'dist/build/knowledgeBundle.js', sourcemap: false }),
  build({ bundle: true, platform: 'browser', target: 'es2022', format: 'iife', sourcemap: false, minify: true, logLevel: 'warning', absWorkingDir: root,
    entryPoints: ['webview/review.ts'], outfile: 'dist/webview/review.js' }),
]);
fs.copyFileSync(path.join(root, 'webview/review.css'), path.join(root, 'dist/webview/review.css'));
fs.chmodSync(path.join(root, 'dist/cli/cnc.js'), 0o755);

const run = (cmd, cmdArgs) => execFileSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
run(process.execPath, ['dist/build/knowledgeBundle.js', root, ...(args.has('--lenient-notes') ? ['--lenient'] : [])]);
if (!args.has('--no-typecheck')) run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', '.', '--noEmit']);
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
