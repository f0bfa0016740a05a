// UI test of the Get Started walkthrough in a real VS Code: opened from the command palette, it lists its steps
// (their titles come from package.json's contributes.walkthroughs) and a step's button runs our command.
// The screenshot is copied to docs/images/walkthrough.png (README and the marketplace page show it).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../scripts/e2e/codeServer.mjs';
import { SCREENSHOTS, openWorkbench } from './workbench.mjs';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const [walkthrough] = manifest.contributes.walkthroughs;
const ui = await openWorkbench({ name: 'ui-walkthrough' });
const { page, step, shot } = ui;
console.log('UI test (walkthrough) in code-server + Chromium');
try {
  await step('workbench opens the demo workspace', ui.open);

  await step('Open Walkthrough lists ours and opens it with every step title', async () => {
    await ui.runCommand('Welcome: Open Walkthrough...');
    const choice = page.locator('.quick-input-list .monaco-list-row', { hasText: walkthrough.title }).first();
    await choice.waitFor({ timeout: 30_000 });
    await choice.click();
    await page.locator('.gettingStartedSlideDetails', { hasText: walkthrough.title }).first().waitFor({ timeout: 30_000 });
    const titles = [];
    for (const { title } of walkthrough.steps) {
      const shown = page.locator('.gettingStartedSlideDetails .getting-started-step .step-title', { hasText: title }).first();
      await shown.waitFor({ timeout: 10_000 });
      titles.push((await shown.innerText()).trim());
    }
    await page.waitForTimeout(800); // the step's Markdown media renders in a webview
    await shot('40-walkthrough');
    fs.copyFileSync(path.join(SCREENSHOTS, '40-walkthrough.png'), path.join(ROOT, 'docs', 'images', 'walkthrough.png'));
    return { titles };
  });

  await step('the Review Cards step\'s button opens a review', async () => {
    const review = walkthrough.steps.find((s) => s.id === 'review');
    await page.locator('.getting-started-step .step-title', { hasText: review.title }).first().click();
    const button = page.locator('.getting-started-step.expanded .monaco-button', { hasText: 'Review Cards' }).first();
    await button.waitFor({ timeout: 10_000 });
    await button.click();
    await page.locator('.tab', { hasText: /Review/ }).first().waitFor({ timeout: 30_000 });
    // Its completion event (onCommand:cnc.reviewCards) ticks the step.
    await page.locator('.getting-started-step', { hasText: review.title }).locator('.codicon.complete').first().waitFor({ timeout: 10_000 });
    await shot('41-walkthrough-review');
  });
} finally {
  process.exitCode = await ui.close();
}
