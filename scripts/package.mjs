// `npm run package`: builds and writes cloud-native-companion-<version>.vsix with @vscode/vsce (dependencies are
// bundled by esbuild, so none are packed). --check also verifies it is under 10 MB and holds what the extension needs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
if (!check || !fs.existsSync(path.join(root, 'dist', 'knowledge.json'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '--readme-path', 'docs/marketplace.md', '--out', vsix], { cwd: root, stdio: 'inherit' });
const size = fs.statSync(vsix).size;
const listing = execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
console.log(`package: ${path.basename(vsix)} ${(size / 1024 / 1024).toFixed(2)} MB, ${listing.length} files`);
if (check) {
  const required = ['dist/client/extension.js', 'dist/server/main.js', 'dist/cli/cnc.js', 'dist/knowledge.json', 'dist/webview/review.js', 'dist/webview/review.css', 'knowledge/deployment.md',
    // Files the manifest names must ship, or the marketplace shows no icon and the walkthrough blank steps.
    pkg.icon, ...pkg.contributes.walkthroughs.flatMap((w) => w.steps.flatMap((s) => Object.values(s.media)))];
  const missing = required.filter((f) => !listing.includes(f));
  const problems = [...missing.map((f) => `missing ${f}`), ...(size >= 10 * 1024 * 1024 ? [`VSIX is ${size} bytes, over 10 MB`] : [])];
  // Install it into a real VS Code (code-server's CLI), as a user would, into a throw-away extensions folder.
  const codeServer = path.join(root, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server');
  if (fs.existsSync(codeServer)) {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-vsix-'));
    try {
      execFileSync(codeServer, ['--install-extension', vsix, '--extensions-dir', path.join(home, 'ext'), '--user-data-dir', path.join(home, 'ud')],
        { env: { ...process.env, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home }, stdio: 'pipe' });
      const installed = fs.readdirSync(path.join(home, 'ext')).find((d) => d.startsWith(`${pkg.publisher}.${pkg.name}-`));
      if (!installed || !fs.existsSync(path.join(home, 'ext', installed, 'dist', 'client', 'extension.js'))) problems.push('VSIX did not install into VS Code');
      else console.log(`package: installed into VS Code (code-server) as ${installed}`);
    } catch (error) {
      problems.push(`VSIX install failed: ${String(error.stderr ?? error.message).slice(0, 300)}`);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  } else problems.push('code-server is not installed, so the VSIX install was not tried (scripts/e2e/install-code-server.sh)');
  fs.writeFileSync(path.join(root, 'test-output', 'package-results.json'), JSON.stringify({ size, files: listing.length, problems }, null, 2));
  if (problems.length) { console.error(`package: ${problems.join('; ')}`); process.exitCode = 1; }
}
