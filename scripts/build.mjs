// Builds everything into dist/: the extension client, the language server, the CLI and the webview (esbuild),
// then type-checks (tsc --noEmit, strict) and validates + bundles the knowledge notes (dist/knowledge.json).
// Usage: node scripts/build.mjs [--no-typecheck] [--lenient-notes]
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { yamlLanguageServerPlugin } from './yamlLanguageServerPlugin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const started = Date.now();

const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', absWorkingDir: root };
await Promise.all([
  build({ ...node, entryPoints: ['src/client/extension.ts'], outfile: 'dist/client/extension.js', external: ['vscode'] }),
  build({ ...node, entryPoints: ['src/server/main.ts'], outfile: 'dist/server/main.js', plugins: [yamlLanguageServerPlugin(root)] }),
  // The CLI bundles the server too (cnc serve), so it needs the same yaml-language-server plugin.
  build({ ...node, entryPoints: ['src/cli/cnc.ts'], outfile: 'dist/cli/cnc.js', plugins: [yamlLanguageServerPlugin(root)] }),
  build({ ...node, entryPoints: ['src/build/knowledgeBundle.ts'], outfile: 'dist/build/knowledgeBundle.js', sourcemap: false }),
  build({ bundle: true, platform: 'browser', target: 'es2022', format: 'iife', sourcemap: false, minify: true, logLevel: 'warning', absWorkingDir: root,
    entryPoints: ['webview/review.ts'], outfile: 'dist/webview/review.js' }),
]);
fs.copyFileSync(path.join(root, 'webview/review.css'), path.join(root, 'dist/webview/review.css'));
fs.chmodSync(path.join(root, 'dist/cli/cnc.js'), 0o755);
// The Terraform parser: web-tree-sitter's runtime and the HCL grammar, loaded at start by initTerraform (dist/wasm/).
fs.mkdirSync(path.join(root, 'dist/wasm'), { recursive: true });
for (const wasm of ['node_modules/web-tree-sitter/tree-sitter.wasm', 'node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm']) {
  fs.copyFileSync(path.join(root, wasm), path.join(root, 'dist/wasm', path.basename(wasm)));
}

// The FSRS optimizer (fsrs-rs through @open-spaced-repetition/binding): its loader and the native module(s) npm
// installed for this platform, loaded only when the user optimizes (src/core/review/optimizer.ts, dist/fsrs/).
const fsrsDir = path.join(root, 'dist/fsrs');
fs.rmSync(fsrsDir, { recursive: true, force: true });
fs.mkdirSync(fsrsDir, { recursive: true });
fs.copyFileSync(path.join(root, 'node_modules/@open-spaced-repetition/binding/dist/index.cjs'), path.join(fsrsDir, 'index.cjs'));
fs.copyFileSync(path.join(root, 'node_modules/@open-spaced-repetition/binding/LICENSE'), path.join(fsrsDir, 'LICENSE'));
const scope = path.join(root, 'node_modules/@open-spaced-repetition');
for (const platform of fs.readdirSync(scope).filter((d) => d.startsWith('binding-'))) {
  for (const file of fs.readdirSync(path.join(scope, platform)).filter((f) => f.endsWith('.node'))) fs.copyFileSync(path.join(scope, platform, file), path.join(fsrsDir, file));
}

const run = (cmd, cmdArgs) => execFileSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
run(process.execPath, ['dist/build/knowledgeBundle.js', root, ...(args.has('--lenient-notes') ? ['--lenient'] : [])]);
// Kubernetes field docs and JSON schema from kubernetes-types (dist/kubernetes/).
run(process.execPath, ['scripts/gen-kubernetes-data.mjs', root]);
// Field docs of the common custom resources (Gateway API, cert-manager, ...) from @kubernetes-models/* (dist/crds/).
run(process.execPath, ['scripts/gen-crd-data.mjs', root]);
// docs/rules.md from the rules' metadata (anchors equal rule ids: diagnostics link to them).
run(process.execPath, ['scripts/gen-rule-docs.mjs', root]);
if (!args.has('--no-typecheck')) run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', '.', '--noEmit']);
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
