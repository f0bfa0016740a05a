import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
/** What the build writes and the CLI/server/schema tests use. */
const OUTPUTS = ['dist/cli/cnc.js', 'dist/server/main.js', 'dist/client/extension.js', 'dist/webview/review.js', 'dist/knowledge.json', 'dist/kubernetes/schema.json', 'dist/wasm/tree-sitter-hcl.wasm'];
/** What the build reads: the bundled sources, the notes, the build scripts and the installed dependencies. */
const INPUTS = ['src', 'webview', 'knowledge', 'scripts/build.mjs', 'scripts/gen-kubernetes-data.mjs', 'scripts/gen-rule-docs.mjs', 'scripts/yamlLanguageServerPlugin.mjs', 'package-lock.json'];

function newestChange(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  // A deleted or renamed file changes its folder's mtime; the folder counts too.
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, child)));
  return newest;
}

/** Why `dist/` must be rebuilt before the tests, or undefined when it is up to date. */
function staleReason(): string | undefined {
  const built = OUTPUTS.map((file) => fs.statSync(path.join(root, file), { throwIfNoEntry: false })?.mtimeMs);
  const missing = OUTPUTS.find((_, i) => built[i] === undefined);
  if (missing) return `${missing} is missing`;
  const oldestOutput = Math.min(...built.map(Number));
  const changed = INPUTS.find((input) => newestChange(path.join(root, input)) > oldestOutput);
  return changed ? `${changed} changed since the last build` : undefined;
}

/** The CLI and server tests run the built bundles: rebuild when a source is newer, so `npm run test:unit` never tests stale bundles. */
export default function setup(): void {
  const reason = staleReason();
  if (!reason) return;
  console.log(`globalSetup: rebuilding dist/ (${reason})`);
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--no-typecheck'], { cwd: root, stdio: 'inherit' });
}
