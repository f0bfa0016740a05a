// UI test of the thin slice in a real VS Code workbench (code-server) driven by Playwright and Debian's Chromium, as
// a user would: hover text read from the page, the hover's link followed, the Problems panel, a quick fix applied,
// a button clicked inside the review webview. Screenshots go to test-output/screenshots (git-ignored).
import { openWorkbench } from './workbench.mjs';

const ui = await openWorkbench({ name: 'ui' });
const { page, step, shot } = ui;
const hoverWidget = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', { hasText: 'Deployment' });
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
// Scoped to our extension: other webviews (the Markdown preview) live in iframes of the same class.
const review = () => page.frameLocator('iframe.webview.ready[src*="extensionId=cloud-native-companion.cloud-native-companion"]').frameLocator('#active-frame');

console.log('UI test in code-server + Chromium');
try {
  await step('workbench opens the demo workspace with the extension', async () => { await ui.open(); await shot('01-workbench'); });

  await step('opens kubernetes/web.yaml', async () => {
    await ui.quickOpen('web.yaml');
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
    // Our markdown-it plugin renders [[links]] as links and cards one per line.
    const preview = page.frameLocator('iframe.webview.ready[src*="markdown-language-features"]').frameLocator('#active-frame');
    await preview.locator('a.cnc-wikilink', { hasText: 'replicaset' }).first().waitFor({ timeout: 20_000 });
    await preview.locator('.cnc-card-separator').first().waitFor();
    await page.mouse.move(5, 500); // let the hover close: the screenshot is of the note beside the manifest
    await page.waitForTimeout(500);
    await shot('03-note-preview');
    await page.keyboard.press('Control+W');
  });

  await step('the Problems panel lists the image-tag finding', async () => {
    await page.locator('.tab', { hasText: 'web.yaml' }).first().click();
    await page.keyboard.press('Control+Shift+M');
    // Many checks report on this file: filter the panel down to the image-tag finding.
    const filter = page.getByPlaceholder(/^Filter \(e\.g\. text/);
    await filter.fill('latest');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'uses the mutable' }).first().waitFor({ timeout: 20_000 });
    await shot('04-problems');
    return { rows: (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim()) };
  });

  await step('the quick fix pins the image tag and the finding disappears', async () => {
    await page.locator('.monaco-editor .view-lines').first().click();
    await ui.gotoLine('20:20');
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

  await step('Review Cards opens the flashcard webview with a card', async () => {
    await ui.runCommand('Cloud-Native Companion: Review Cards');
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
  process.exitCode = await ui.close();
}
