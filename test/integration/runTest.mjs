// Integration tests in a real VS Code, through @vscode/test-electron's runTests.
// - CNC_VSCODE_EXECUTABLE=/path/to/code: run them in that desktop VS Code.
// - CNC_VSCODE_DOWNLOAD=1: let test-electron download VS Code (needs a network).
// - otherwise (this network-less machine, CI): run them in code-server through scripts/e2e/code-shim.mjs.
import { runTests } from '@vscode/test-electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// A fresh copy of the demo workspace per run: tests edit files, and hot-exit backups must not leak between runs.
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-it-'));
fs.cpSync(path.join(root, 'examples'), workspace, { recursive: true });
const resultFile = path.join(root, 'test-output', 'integration-results.json');
fs.mkdirSync(path.dirname(resultFile), { recursive: true });
fs.rmSync(resultFile, { force: true });

const vscodeExecutablePath = process.env.CNC_VSCODE_DOWNLOAD === '1' ? undefined
  : process.env.CNC_VSCODE_EXECUTABLE || path.join(root, 'scripts', 'e2e', 'code-shim.mjs');

try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'test', 'integration', 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions'],
    extensionTestsEnv: { CNC_TEST_RESULTS: resultFile },
  });
  console.log('integration: passed');
} catch (error) {
  console.error(`integration: failed (${error instanceof Error ? error.message : error})`);
  process.exitCode = 1;
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
