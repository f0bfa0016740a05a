// Runs an extension's mocha suite (extensionTestsPath) inside a real VS Code extension host: code-server's, driven
// headless by Debian's Chromium. The workbench calls window.codeAutomationExit(code) when the suite settles, the same
// hook @vscode/test-web uses. Returns the suite's exit code.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { ROOT, ensureCodeServer, launchChromium, startCodeServer, workbenchUrl } from './codeServer.mjs';

const NOISE = /Resolving connection|Creating a socket|Resolved connection|open-vsx|ChatSessionStore|builtin extensions cache|Service Worker/;

export async function runExtensionTests({ extensionDevelopmentPath, extensionTestsPath, folder, timeoutMs = 180_000 }) {
  ensureCodeServer();
  const runDir = path.join(ROOT, '.vscode-test', 'runs', `tests-${Date.now()}-${process.pid}`);
  const server = await startCodeServer({ runDir });
  const browser = await launchChromium();
  let printing = Promise.resolve();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (message) => {
      // Extension-host console output arrives as ('%c INFO', 'color: …', format, ...args): re-apply the formatting.
      if (!/^%c\s+(INFO|ERR|WARN)/.test(message.text())) return;
      printing = printing.then(async () => {
        const args = await Promise.all(message.args().map((h) => h.jsonValue().catch(() => '?')));
        const line = typeof args[2] === 'string' ? util.format(args[2], ...args.slice(3)) : args.slice(2).join(' ');
        if (!NOISE.test(line)) console.log(line);
      });
    });
    let exited;
    const done = new Promise((resolve) => { exited = resolve; });
    await page.exposeFunction('codeAutomationExit', (code) => exited(code));
    const testsPath = fs.existsSync(extensionTestsPath) && fs.statSync(extensionTestsPath).isDirectory() ? path.join(extensionTestsPath, 'index.js') : extensionTestsPath;
    await page.goto(workbenchUrl(server.base, folder, { extensionDevelopmentPath, extensionTestsPath: testsPath }), { waitUntil: 'domcontentloaded' });
    const code = await Promise.race([done, new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs))]);
    await printing;
    if (code === 'timeout') {
      console.error(`Extension tests did not finish within ${timeoutMs / 1000} s; code-server log: ${path.join(runDir, 'code-server.log')}`);
      return 1;
    }
    return Number(code);
  } finally {
    await browser.close();
    await server.stop();
  }
}
