// Neovim headless (Debian's package) against `cnc serve --stdio`: diagnostics, hover, a quick fix applied, completion
// without snippets, one server for two buffers of a root. neovim.lua does what a user does and records what it saw;
// this file checks it and writes test-output/editors-results.json (one entry per step, like the UI tests).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'test-output', 'editors-results.json');
fs.mkdirSync(path.dirname(OUT), { recursive: true });
const results = [];
const finish = () => {
  fs.writeFileSync(OUT, JSON.stringify(results, null, 2));
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.error ? `: ${r.error}` : ''}`);
  process.exitCode = results.length && results.every((r) => r.ok) ? 0 : 1;
};

// Debian's neovim; installed here when missing and we are root, as the UI tests install Chromium.
const hasNvim = () => spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasNvim() && process.getuid?.() === 0) {
  console.log('[install] apt-get install neovim');
  spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null'], { stdio: 'inherit' });
}
if (!hasNvim()) {
  results.push({ name: 'Neovim is installed', ok: false, error: 'nvim not found (run: sudo apt-get install -y neovim)' });
  finish();
  process.exit();
}

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-neovim-'));
fs.mkdirSync(path.join(workspace, '.git'));
const manifest = path.join(workspace, 'web.yaml');
fs.writeFileSync(manifest, 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n        - name: web\n          image: nginx:latest\n');
const partial = path.join(workspace, 'partial.yaml');
fs.writeFileSync(partial, 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers:\n        - name: api\n          image: api:1.0\n          imagePul');
const lspResults = path.join(workspace, 'results.json');

const nvim = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${path.join(ROOT, 'test/editors/neovim.lua')}`], {
  cwd: workspace, encoding: 'utf8', timeout: 120_000,
  env: { ...process.env, CNC_NODE: process.execPath, CNC_CLI: path.join(ROOT, 'dist/cli/cnc.js'), CNC_MANIFEST: manifest, CNC_PARTIAL: partial, CNC_RESULTS: lspResults },
});
let steps = [];
try { steps = JSON.parse(fs.readFileSync(lspResults, 'utf8')); } catch { /* reported below */ }
if (!steps.length) {
  fs.rmSync(workspace, { recursive: true, force: true });
  results.push({ name: 'Neovim ran the session', ok: false, error: `nvim exited ${nvim.status ?? nvim.signal}: ${(nvim.stderr || nvim.stdout || nvim.error?.message || '').slice(0, 2000)}` });
  finish();
  process.exit();
}

/** Each Lua step, then what its observations must show. */
const CHECKS = {
  'the server starts for the YAML buffer, rooted at the workspace': (d) => {
    expect(d.filetype === 'yaml', `filetype ${d.filetype}`);
    expect(path.resolve(d.root ?? '') === workspace, `root_dir ${d.root}, not the workspace`);
    // Neovim without window/showDocument must not be offered commands it cannot run.
    expect(JSON.stringify(d.executeCommands) === JSON.stringify(['cnc.openNote']), `executeCommandProvider ${JSON.stringify(d.executeCommands)}`);
    expect(d.snippetSupport === false, 'this Neovim claims snippet support: the completion step would not test snippet-free completion');
    return `Neovim ${d.nvim}, showDocument ${d.showDocument}`;
  },
  'diagnostics: the unpinned image tag is reported': (d) => {
    expect(d.line === 10 && d.source === 'cnc' && /nginx:latest/.test(d.message), JSON.stringify(d));
  },
  'hover on kind: Deployment': (d) => {
    expect(d.value.includes('**Deployment**'), 'no Deployment concept in the hover');
    expect(!d.value.includes('command:'), 'the hover links to a command Neovim cannot run');
    const links = [...d.value.matchAll(/\]\((file:[^ )]+)/g)].map((m) => fileURLToPath(m[1]));
    expect(links.some((l) => path.basename(l) === 'deployment.md'), 'no link to the Deployment note\'s file');
    for (const link of links) expect(fs.existsSync(link), `hover links to a missing file ${link}`);
  },
  'code actions: quick fix applied': (d, setup) => {
    expect(d.line.trim().startsWith('image: nginx:TODO-pin-version'), `line after the fix: ${d.line}`);
    expect(d.cleared, 'the diagnostic stayed after the fix');
    for (const action of d.offered) {
      const runnable = action.edit || (setup.showDocument && action.command === 'cnc.openNote');
      expect(runnable, `"${action.title}" names ${action.command}, which this Neovim cannot run`);
    }
  },
  'a second YAML buffer under the same root shares the server': (d) => {
    expect(d.clients === 1 && d.sameClient, `${d.clients} cnc servers for one root`);
  },
  'completion of a key, in plain text (this client has no snippet support)': (d) => {
    expect(d.items.some((i) => i.label === 'imagePullPolicy'), 'imagePullPolicy not completed');
    const snippets = d.items.filter((i) => i.insertTextFormat === 2 || [i.insertText, i.newText].some((t) => typeof t === 'string' && /\$(\d|\{)/.test(t)));
    expect(!snippets.length, `snippets sent to a client without snippet support: ${snippets.slice(0, 3).map((i) => JSON.stringify(i)).join(', ')}`);
  },
  'the server stops with the editor': (d) => { expect(d.stopped, 'the server did not exit'); },
};
function expect(condition, message) { if (!condition) throw new Error(message); }

const setup = steps[0]?.detail ?? {};
for (const step of steps) {
  if (!step.ok) { results.push({ name: step.name, ok: false, error: step.error ?? 'no observation' }); continue; }
  try {
    const note = CHECKS[step.name](step.detail, setup);
    results.push({ name: step.name, ok: true, ...(note ? { note } : {}) });
  } catch (error) {
    results.push({ name: step.name, ok: false, error: error.message });
  }
}
fs.rmSync(workspace, { recursive: true, force: true });
for (const name of Object.keys(CHECKS)) if (!steps.some((s) => s.name === name)) results.push({ name, ok: false, error: 'not run' });
finish();
