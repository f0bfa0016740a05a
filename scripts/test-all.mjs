// `npm test`: build, lint (ESLint + knip), then every suite in order — unit (vitest), integration (mocha in a real
// VS Code extension host), UI (Playwright driving the VS Code workbench) and the VSIX packaging check. Prints one
// closing line with the totals.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'test-output');
fs.mkdirSync(out, { recursive: true });
const node = process.execPath;
const run = (label, args, env = {}) => {
  console.log(`\n=== ${label}`);
  const result = spawnSync(node, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
};
const readJson = (file) => { try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return undefined; } };

let passed = 0, failed = 0;
const count = (p, f) => { passed += p; failed += f; };

if (run('build', ['scripts/build.mjs']) !== 0) { console.log('\ntests: 0 passed, 1 failed (build failed)'); process.exit(1); }

for (const file of fs.readdirSync(out).filter((f) => f.endsWith('-results.json'))) fs.rmSync(path.join(out, file), { force: true });

// ESLint + knip count as one test: clean or not (their output names each problem's file and line).
const lintStatus = run('lint (ESLint + knip)', ['scripts/lint.mjs']);
count(lintStatus === 0 ? 1 : 0, lintStatus === 0 ? 0 : 1);

const unitStatus = run('unit tests (vitest)', ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(out, 'unit-results.json')}`]);
const unit = readJson(path.join(out, 'unit-results.json'));
count(unit?.numPassedTests ?? 0, unit ? unit.numFailedTests + (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0) : 1);
if (unitStatus !== 0 && !unit?.numFailedTests) count(0, 1);

const integrationStatus = run('integration tests (mocha in VS Code)', ['test/integration/runTest.mjs']);
const integration = readJson(path.join(out, 'integration-results.json'));
count(integration?.passes ?? 0, integration ? integration.failures : 1);
if (integrationStatus !== 0 && !integration?.failures) count(0, 1);

// UI tests: each drives the VS Code workbench and writes test-output/<name>-results.json (one entry per step).
const UI_TESTS = [
  ['ui', 'test/ui/run.mjs', 'UI test: hover, problems, quick fix, webview'],
  ['ui-knowledge', 'test/ui/knowledge.mjs', 'UI test: search, Concepts view, notes'],
  ['ui-terraform', 'test/ui/terraform.mjs', 'UI test: Terraform hover and HCL quick fix'],
  ['ui-review', 'test/ui/review.mjs', 'UI test: flashcard review, history across a reload, statistics'],
  ['ui-learning', 'test/ui/learning.mjs', 'UI test: Optimize Scheduling, workload by retention, From your code'],
  ['ui-crds', 'test/ui/crds.mjs', 'UI test: workspace CRD hover and schema problem'],
  ['ui-walkthrough', 'test/ui/walkthrough.mjs', 'UI test: Get Started walkthrough'],
];
for (const [name, file, label] of UI_TESTS) {
  const status = run(`${label} (Playwright + VS Code workbench)`, [file]);
  const steps = readJson(path.join(out, `${name}-results.json`)) ?? [];
  count(steps.filter((s) => s.ok).length, steps.length ? steps.filter((s) => !s.ok).length : 1);
  if (status !== 0 && steps.length && steps.every((s) => s.ok)) count(0, 1);
}

// Other editors: Neovim headless (Debian's package) against `cnc serve --stdio`; one entry per step, like the UI tests.
{
  const status = run('editor test: Neovim headless against cnc serve --stdio', ['test/editors/neovim.mjs']);
  const steps = readJson(path.join(out, 'editors-results.json')) ?? [];
  count(steps.filter((s) => s.ok).length, steps.length ? steps.filter((s) => !s.ok).length : 1);
  if (status !== 0 && steps.length && steps.every((s) => s.ok)) count(0, 1);
}

const startStatus = run('npm start, checked (code-server serves the workbench with the extension)', ['scripts/start.mjs', '--check']);
count(startStatus === 0 ? 1 : 0, startStatus === 0 ? 0 : 1);

const packageStatus = run('package (VSIX under 10 MB)', ['scripts/package.mjs', '--check']);
count(packageStatus === 0 ? 1 : 0, packageStatus === 0 ? 0 : 1);

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
