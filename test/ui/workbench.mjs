// Shared plumbing for the UI tests: a private code-server with the extension under development, a fresh copy of the
// demo workspace, headless Chromium, named steps with screenshots, and the results file test-all reads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, ensureCodeServer, launchChromium, startCodeServer, workbenchUrl } from '../../scripts/e2e/codeServer.mjs';

export const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots');

/** @param {{ name: string, settings?: object }} options  name: results go to test-output/<name>-results.json */
export async function openWorkbench({ name, settings = {} }) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), `cnc-${name}-`));
  fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
  ensureCodeServer();
  const runDir = path.join(ROOT, '.vscode-test', 'runs', `${name}-${Date.now()}-${process.pid}`);
  const server = await startCodeServer({ runDir, settings });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const results = [];
  let failed = false;

  const shot = (file) => page.screenshot({ path: path.join(SCREENSHOTS, `${file}.png`) });
  /** Runs one named step; after a failure the remaining steps are reported as failed (never skipped silently). */
  const step = async (title, fn) => {
    if (failed) { results.push({ name: title, ok: false, error: 'not run: an earlier step failed' }); return; }
    const started = Date.now();
    try {
      const detail = await fn();
      results.push({ name: title, ok: true, ms: Date.now() - started, ...(detail ?? {}) });
      console.log(`  ✔ ${title} (${Date.now() - started} ms)`);
    } catch (error) {
      failed = true;
      results.push({ name: title, ok: false, ms: Date.now() - started, error: String(error?.message ?? error) });
      console.log(`  ✘ ${title}: ${String(error?.message ?? error).split('\n')[0]}`);
      await shot(`zz-failure-${name}-${title.replace(/\W+/g, '-')}`).catch(() => {});
    }
  };
  const open = async () => {
    await page.goto(workbenchUrl(server.base, workspace, { extensionDevelopmentPath: ROOT }), { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'kubernetes' }).first().waitFor({ timeout: 60_000 });
    // Our activity-bar entry appears once the extension's contributions are registered (commands included).
    await page.locator('.activitybar [aria-label^="Cloud-Native Companion"]').first().waitFor({ timeout: 60_000 });
  };
  const quickOpen = async (fileName) => {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
    await page.keyboard.type(fileName);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: fileName }).waitFor();
  };
  const runCommand = async (title) => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
    await page.keyboard.type(title);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
  };
  const gotoLine = async (lineCol) => {
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
    await page.keyboard.type(lineCol);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  };
  /** Closes everything and writes the results; returns the exit code. */
  const close = async () => {
    await browser.close().catch(() => {});
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.writeFileSync(path.join(ROOT, 'test-output', `${name}-results.json`), JSON.stringify(results, null, 2));
    const passed = results.filter((r) => r.ok).length;
    console.log(`${name}: ${passed} passed, ${results.length - passed} failed`);
    return passed === results.length && results.length > 0 ? 0 : 1;
  };
  // runDir holds this run's user data (ud/User/globalStorage/…), for tests that seed or read extension storage.
  return { page, workspace, runDir, step, shot, open, quickOpen, runCommand, gotoLine, close };
}
