// `npm run pack:cli`: the `cnc` CLI (and language server) as a plain npm package, for pipelines and other editors.
// The root package.json is the VS Code extension's manifest, and @vscode/vsce refuses a `files` field next to
// .vscodeignore, so the npm package gets its own directory and manifest: dist/npm-package/ holds the built CLI,
// server, notes and data (everything bundled by esbuild: no runtime dependencies), then `npm pack` runs there.
// Usage: node scripts/npm-package.mjs [--out DIR]   (needs `npm run build` first; pack:cli runs it)
// Prints the path of the tarball, cloud-native-companion-<version>.tgz, written to DIR (default: the repository root).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const outIndex = argv.indexOf('--out');
const out = path.resolve(outIndex >= 0 && argv[outIndex + 1] ? argv[outIndex + 1] : root);
const staging = path.join(root, 'dist', 'npm-package');
const extension = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

// What the CLI reads at run time, relative to the package root (cli.ts packageRoot: dist/cli/cnc.js -> ../..).
const contents = [
  'dist/cli/cnc.js',
  'dist/server/main.js',
  'dist/knowledge.json',
  ...fs.readdirSync(path.join(root, 'dist/kubernetes')).filter((f) => f.endsWith('.json')).map((f) => `dist/kubernetes/${f}`),
  ...fs.readdirSync(path.join(root, 'dist/crds')).filter((f) => f.endsWith('.json')).map((f) => `dist/crds/${f}`),
  ...fs.readdirSync(path.join(root, 'dist/wasm')).filter((f) => f.endsWith('.wasm')).map((f) => `dist/wasm/${f}`),
  // `cnc cards optimize`: the FSRS optimizer's loader and native module, loaded only by that command.
  ...fs.readdirSync(path.join(root, 'dist/fsrs')).map((f) => `dist/fsrs/${f}`),
  // `cnc notes check` checks the bundled notes, and search hits and explanations point at their files.
  ...fs.readdirSync(path.join(root, 'knowledge')).filter((f) => f.endsWith('.md')).map((f) => `knowledge/${f}`),
  'docs/rules.md',
  'docs/ci.md',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
];
const absent = contents.filter((f) => !fs.existsSync(path.join(root, f)));
if (absent.length) {
  console.error(`npm-package: missing ${absent.join(', ')}; run npm run build first.`);
  process.exit(1);
}

fs.rmSync(staging, { recursive: true, force: true });
for (const file of contents) {
  fs.mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
  fs.copyFileSync(path.join(root, file), path.join(staging, file));
}
fs.chmodSync(path.join(staging, 'dist/cli/cnc.js'), 0o755);
const manifest = {
  name: extension.name,
  version: extension.version,
  description: 'cnc: checks Kubernetes manifests and Terraform (text, JSON, SARIF, GitHub annotations, JUnit, GitLab code quality; baselines), explains them from concept notes, and serves them over LSP.',
  license: extension.license,
  repository: extension.repository,
  keywords: [...extension.keywords, 'lint', 'sarif', 'ci'],
  engines: { node: extension.engines.node },
  bin: { cnc: 'dist/cli/cnc.js' },
  // Listed explicitly so the package is the same whatever ignore files surround the staging directory.
  files: [...new Set(contents.map((f) => f.split('/')[0]))],
  // No dependencies: esbuild bundled them into dist/, so installing the tarball fetches nothing.
};
fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

fs.mkdirSync(out, { recursive: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', out], { cwd: staging, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
const tarball = path.join(out, packed[0].filename);
console.error(`npm-package: ${packed[0].entryCount} files, ${(packed[0].size / 1024 / 1024).toFixed(2)} MB packed`);
console.log(tarball);
