#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }) on machines that
// cannot download VS Code: it takes the arguments test-electron passes to VS Code and runs the same suite in a real
// VS Code extension host (code-server), returning the suite's exit code. Electron-only flags are ignored.
import fs from 'node:fs';
import path from 'node:path';
import { runExtensionTests } from './runExtensionTests.mjs';

let extensionDevelopmentPath, extensionTestsPath, folder;
for (const arg of process.argv.slice(2)) {
  if (arg.startsWith('--extensionDevelopmentPath=')) extensionDevelopmentPath = arg.slice(arg.indexOf('=') + 1);
  else if (arg.startsWith('--extensionTestsPath=')) extensionTestsPath = arg.slice(arg.indexOf('=') + 1);
  else if (!arg.startsWith('--') && !folder && fs.existsSync(arg)) folder = path.resolve(arg);
}
if (!extensionDevelopmentPath || !extensionTestsPath) {
  console.error('code-shim: expected --extensionDevelopmentPath=… and --extensionTestsPath=…');
  process.exit(2);
}
if (!extensionTestsPath.endsWith('.js') && !fs.existsSync(extensionTestsPath) && fs.existsSync(`${extensionTestsPath}.js`)) extensionTestsPath += '.js';
process.exitCode = await runExtensionTests({ extensionDevelopmentPath, extensionTestsPath, folder: folder ?? extensionDevelopmentPath });
