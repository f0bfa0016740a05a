// UI test: a real VS Code workbench (code-server) driven by Playwright and Debian's Chromium, as a user would:
// hover text read from the page, the Problems panel, a quick fix applied, a hover link followed, a button clicked
// inside the review webview. Screenshots go to test-output/screenshots (git-ignored).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, ensureCodeServer, launchChromium, startCodeServer, workbenchUrl } from '../../scripts/e2e/codeServer.mjs';

const out = path.join(ROOT, 'test-output', 'screenshots');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-ui-'));
fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });

ensureCodeServer();
const server = await startCodeServer({ runDir: path.join(ROOT, '.vscode-test', 'runs', `ui-${Date.now()}-${process.pid}`) });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const results = [];
let failed = 0;

async function step(name, fn) {
  if (failed) { results.push({ name, ok: false, error: 'not run: an earlier step failed' }); return; }
  const started = Date.now();
  try {
    const detail = await fn();
    results.push({ name, ok: true, ms: Date.now() - started, ...(detail ?? {}) });
    console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed++;
    results.push({ name, ok: false, ms: Date.now() - started, error: String(error?.message ?? error) });
    console.log(`  ✘ ${name}: ${String(error?.message ?? error).split('\n')[0]}`);
    await page.screenshot({ path: path.join(out, `zz-failure-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
  }
}
const shot = (name) => page.screenshot({ path: path.join(out, `${name}.png`) });
const gotoLine = async (lineCol) => {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
  await page.keyboard.type(lineCol);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
};
const hoverWidget = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', { hasText: '**Deployment**'.replace(/\*/g, '') });
const hoverDeployment = async () => {
  const word = page.locator('.monaco-editor .view-line span span', { hasText: /^Deployment$/ }).first();
  // The language server may still be starting: retry the hover for a while.
  for (let i = 0; i < 20; i++) {
    await page.mouse.move(5, 5);
    await word.hover();
    try { await hoverWidget.first().waitFor({ timeout: 3000 }); return; } catch { /* retry */ }
  }
  throw new Error('no hover on kind: Deployment');
};

console.log('UI test in code-server + Chromium');
try {
  await step('workbench opens the demo workspace with the extension', async () => {
    await page.goto(workbenchUrl(server.base, workspace, { extensionDevelopmentPath: ROOT }), { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'kubernetes' }).first().waitFor({ timeout: 60_000 });
    await shot('01-workbench');
  });

  await step('opens kubernetes/web.yaml', async () => {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
    await page.keyboard.type('web.yaml');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'web.yaml' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: 'apiVersion' }).waitFor();
  });

  await step('hover on kind: Deployment shows the note summary', async () => {
    await hoverDeployment();
    const text = (await hoverWidget.first().innerText()).trim();
    if (!text.includes('keeps a chosen number of identical')) throw new Error(`unexpected hover: ${text}`);
    if (!text.includes('Open note')) throw new Error('hover has no Open note link');
    await page.waitForTimeout(300); // the hover fades in
    await shot('02-hover');
    return { text: text.slice(0, 300) };
  });

  await step('the hover link opens the note in the Markdown preview', async () => {
    await hoverWidget.first().locator('a', { hasText: 'Open note' }).click();
    await page.locator('.tab', { hasText: /Preview .*deployment/i }).first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    await shot('03-note-preview');
    await page.keyboard.press('Control+W');
  });

  await step('the Problems panel lists the image-tag finding', async () => {
    await page.locator('.tab', { hasText: 'web.yaml' }).first().click();
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'uses the mutable' });
    await row.first().waitFor({ timeout: 20_000 });
    await shot('04-problems');
    return { rows: (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim()) };
  });

  await step('the quick fix pins the image tag and the finding disappears', async () => {
    await page.locator('.monaco-editor .view-lines').first().click();
    await gotoLine('20:20');
    await page.keyboard.press('Control+.');
    const title = 'Pin image to nginx:1.27.3';
    await page.locator('.action-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
    await shot('05-quickfix-menu');
    // The action widget ignores mouse clicks behind its pointer block: choose with the keyboard.
    const focused = page.locator('.action-widget .monaco-list-row.focused', { hasText: title });
    for (let i = 0; i < 6 && !(await focused.count()); i++) await page.keyboard.press('ArrowDown');
    await focused.first().waitFor({ timeout: 5000 });
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: 'image: nginx:1.27.3' }).first().waitFor();
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'uses the mutable' }).waitFor({ state: 'detached', timeout: 15_000 });
    await shot('06-quickfix-applied');
  });

  // Scoped to our extension: other webviews (the Markdown preview) live in iframes of the same class.
  const review = () => page.frameLocator('iframe.webview.ready[src*="extensionId=cloud-native-companion.cloud-native-companion"]').frameLocator('#active-frame');
  await step('Review Cards opens the flashcard webview with a card', async () => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
    await page.keyboard.type('Cloud-Native Companion: Review Cards');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Review Cards' }).first().waitFor();
    await page.keyboard.press('Enter');
    await review().locator('#front').waitFor({ timeout: 30_000 });
    await review().locator('#reveal').waitFor();
    await page.waitForTimeout(300);
    await shot('07-review-question');
    return { front: await review().locator('#front').innerText() };
  });

  await step('clicking Show answer in the webview reveals the answer', async () => {
    await review().locator('#reveal').click();
    await review().locator('#answer').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(200);
    await shot('08-review-answer');
    return { answer: await review().locator('#answer').innerText() };
  });
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(workspace, { recursive: true, force: true });
}
fs.writeFileSync(path.join(ROOT, 'test-output', 'ui-results.json'), JSON.stringify(results, null, 2));
const passed = results.filter((r) => r.ok).length;
console.log(`ui: ${passed} passed, ${results.length - passed} failed`);
process.exitCode = passed === results.length ? 0 : 1;
