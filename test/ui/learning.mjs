// UI test of the learning loop in a real VS Code (code-server + Chromium), on a seeded review history (a year of a
// synthetic learner's answers, test/ui/seedHistory.mjs): Optimize Scheduling fits FSRS parameters and shows the fit
// before and after, stores them beside the history; the statistics show what each desired retention costs a day;
// and a concept behind a problem in the open manifest is offered "From your code", its card saying where it was met,
// with a link that opens the file at that line; the weakest concepts are listed with a button that reviews them.
// Screenshots go to docs/images (optimize-*.png, workload-*.png,
// from-your-code-*.png).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../scripts/e2e/codeServer.mjs';
import { seedHistory } from './seedHistory.mjs';
import { SCREENSHOTS, openWorkbench } from './workbench.mjs';

const NAME = 'ui-learning';
const ui = await openWorkbench({ name: NAME });
const { page, step, runDir } = ui;
const DOCS = path.join(ROOT, 'docs', 'images');
const storage = path.join(runDir, 'ud', 'User', 'globalStorage', 'cloud-native-companion.cloud-native-companion');
const historyFile = path.join(storage, 'review-history.json');
const parametersFile = path.join(storage, 'fsrs-parameters.json');

const review = () => page.frameLocator('iframe.webview.ready[src*="extensionId=cloud-native-companion.cloud-native-companion"]').frameLocator('#active-frame');
const shot = async (file, locator = page.locator('.part.editor')) => {
  await page.waitForTimeout(400);
  const target = path.join(SCREENSHOTS, `${file}.png`);
  await locator.screenshot({ path: target });
  fs.mkdirSync(DOCS, { recursive: true });
  fs.copyFileSync(target, path.join(DOCS, `${file}.png`));
};
const toast = (text) => page.locator('.notifications-toasts .notification-list-item', { hasText: text }).first();

console.log('UI test (learning loop) in code-server + Chromium');
try {
  await step('a year of reviews is seeded into the extension\'s global storage', async () => {
    // The concept behind web.yaml's image tag keeps its cards new, so "From your code" brings new cards.
    const answers = await seedHistory(historyFile, { cards: 300, seed: 42, skipNotes: ['image-tags-and-digests'] });
    if (answers < 1000) throw new Error(`seeded only ${answers} answers`);
    return { answers };
  });

  await step('workbench opens the demo workspace, and web.yaml shows its problems', async () => {
    await ui.open();
    await ui.quickOpen('web.yaml');
    await page.locator('.squiggly-warning, .squiggly-error').first().waitFor({ timeout: 60_000 });
  });

  await step('the status bar counts the cards waiting from your code', async () => {
    const item = page.locator('.statusbar-item', { hasText: /\d+\s+\d+/ }).filter({ has: page.locator('.codicon-code') }).first();
    await item.waitFor({ timeout: 30_000 });
    return { statusBar: (await item.innerText()).replace(/\s+/g, ' ').trim() };
  });

  let figures;
  await step('Optimize Scheduling fits parameters to the seeded history and shows log loss and RMSE before and after', async () => {
    await ui.runCommand('Cloud-Native Companion: Optimize Scheduling');
    const done = toast('Before: log loss');
    await done.waitFor({ timeout: 180_000 });
    figures = (await done.locator('.notification-list-item-message').innerText()).trim();
    const match = /Before: log loss (\d\.\d{4}), RMSE (\d\.\d{4})\. After: log loss (\d\.\d{4}), RMSE (\d\.\d{4})/.exec(figures);
    if (!match) throw new Error(`no before/after figures in: ${figures}`);
    if (!/Scheduling optimized/.test(figures) || !(Number(match[3]) < Number(match[1]))) throw new Error(`the synthetic learner's history should be fitted better than by the defaults: ${figures}`);
    await shot('optimize-scheduling', page.locator('.monaco-workbench'));
    await ui.runCommand('Notifications: Clear All Notifications');
    const stored = JSON.parse(fs.readFileSync(parametersFile, 'utf8'));
    if (stored.format !== 'cnc-fsrs-parameters' || stored.weights.length !== 21 || Math.abs(stored.fit.logLoss - Number(match[3])) > 1e-4) {
      throw new Error(`fsrs-parameters.json does not hold the new parameters: ${JSON.stringify(stored).slice(0, 300)}`);
    }
    return { figures, storedLogLoss: stored.fit.logLoss };
  });

  await step('the statistics show the reviews a day at desired retentions 0.80–0.97, the setting in use (0.90) marked, with the fitted parameters', async () => {
    await ui.runCommand('Cloud-Native Companion: Show Study Statistics');
    await review().locator('#chart-workload svg').waitFor({ timeout: 120_000 });
    const summary = (await review().locator('#workload-summary').innerText()).trim();
    if (!/Your desired retention, 0\.90 \(highlighted\), costs about [\d.]+ reviews a day\. Simulated with the FSRS parameters fitted to your reviews\./.test(summary)) throw new Error(`unexpected summary: ${summary}`);
    const bars = await review().locator('#chart-workload svg g title').count();
    if (bars !== 18) throw new Error(`expected 18 retentions, found ${bars}`);
    if (await review().locator('#chart-workload .bar-workload-current').count() !== 1) throw new Error('the current retention is not marked');
    await page.setViewportSize({ width: 1400, height: 1500 });
    await review().locator('#chart-workload').scrollIntoViewIfNeeded();
    await shot('workload-by-retention');
    await page.setViewportSize({ width: 1400, height: 900 });
    return { summary };
  });

  await step('the statistics name the weakest concepts and show retention by tag; "Review these" reviews them', async () => {
    await review().locator('#chart-by-tag svg').waitFor();
    const weakest = (await review().locator('#weakest-concepts li').allInnerTexts()).map((t) => t.trim());
    if (!weakest.length || !weakest.every((t) => /\d+% of \d+ reviews remembered$/.test(t))) throw new Error(`unexpected weakest concepts: ${JSON.stringify(weakest)}`);
    await review().locator('#review-weakest').click();
    await review().locator('h1', { hasText: 'Weakest concepts' }).waitFor({ timeout: 30_000 });
    return { weakest };
  });

  await step('Choose What to Review offers "From your code", and its card says where the concept was met', async () => {
    await ui.runCommand('Cloud-Native Companion: Review Cards: Choose What to Review');
    const item = page.locator('.quick-input-list .monaco-list-row', { hasText: 'From your code' }).first();
    await item.waitFor({ timeout: 20_000 });
    await item.click();
    await review().locator('#from-code').waitFor({ timeout: 30_000 });
    const title = (await review().locator('h1').innerText()).trim();
    if (title !== 'From your code') throw new Error(`session title: ${title}`);
    const text = (await review().locator('#from-code').innerText()).trim();
    if (!text.includes('image-tag-not-pinned in kubernetes/web.yaml:20')) throw new Error(`the card does not say where: ${text}`);
    await shot('from-your-code-card');
    return { metIn: text };
  });

  await step('the link on the card opens web.yaml at line 20', async () => {
    // Move the cursor away first, so reaching line 20 is the link's doing.
    await page.locator('.tab', { hasText: 'web.yaml' }).first().click();
    await ui.gotoLine('1:1');
    await review().locator('#from-code .code-place', { hasText: 'image-tag-not-pinned in kubernetes/web.yaml:20' }).click();
    await page.locator('.statusbar-item', { hasText: 'Ln 20, Col 1' }).first().waitFor({ timeout: 15_000 });
    await page.locator('.tab.active', { hasText: 'web.yaml' }).waitFor();
  });
} finally {
  process.exitCode = await ui.close();
}
