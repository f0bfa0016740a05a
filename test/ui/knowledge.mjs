// UI test of the knowledge features in a real VS Code: the Concepts view, Search Concepts, and a user note with
// link completion and a broken-link diagnostic (the demo workspace sets cnc.notes.folders to ["notes"]).
import { openWorkbench } from './workbench.mjs';

const ui = await openWorkbench({ name: 'ui-knowledge' });
const { page, step, shot } = ui;
console.log('UI test (knowledge) in code-server + Chromium');
try {
  await step('workbench opens the demo workspace', ui.open);

  await step('Search Concepts finds kube-proxy as you type and opens its note', async () => {
    await ui.runCommand('Cloud-Native Companion: Search Concepts');
    // The first command activates the extension; type once our quick pick is there.
    await page.locator('.quick-input-widget input[placeholder^="Search concept notes"]').waitFor({ timeout: 30_000 });
    await page.keyboard.type('kube proxy backend');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'kube-proxy' }).first();
    await row.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    await shot('10-search-concepts');
    const rows = (await page.locator('.quick-input-list .monaco-list-row').allInnerTexts()).slice(0, 3).map((r) => r.replace(/\s+/g, ' '));
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: /Preview kube-proxy/ }).first().waitFor({ timeout: 20_000 });
    return { rows };
  });

  await step('the Concepts view lists notes by tag, with the user\'s own note', async () => {
    await page.locator('.activitybar [aria-label^="Cloud-Native Companion"]').first().click();
    const first = page.locator('.pane-body .monaco-list-row', { hasText: 'availability' }).first();
    await first.waitFor({ timeout: 20_000 });
    await first.click();
    await page.keyboard.press('Enter'); // collapse it again
    await page.keyboard.press('End'); // tags are sorted: "workloads" is the last one
    const tag = page.locator('.pane-body .monaco-list-row', { hasText: 'workloads' }).first();
    await tag.waitFor({ timeout: 10_000 });
    await tag.click();
    // The tag's notes render below it, out of view: move to the last row (again, until they have rendered).
    const note = page.locator('.pane-body .monaco-list-row', { hasText: "My web app's deployment" }).first();
    for (let i = 0; i < 20 && !(await note.isVisible()); i++) {
      await page.keyboard.press('End');
      await page.waitForTimeout(250);
    }
    await note.waitFor({ timeout: 5_000 });
    await page.waitForTimeout(300);
    await shot('11-concepts-view');
    return { rows: (await page.locator('.pane-body .monaco-list-row').allInnerTexts()).slice(0, 12).map((r) => r.replace(/\s+/g, ' ')) };
  });

  await step('in a note, [[ completes note ids and a broken link is diagnosed', async () => {
    await ui.quickOpen('my-web-app.md');
    await page.locator('.monaco-editor .view-lines', { hasText: 'My web app' }).first().waitFor();
    await ui.gotoLine('16:1');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Also see [[kube-pro');
    const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'kube-proxy' }).first();
    await suggestion.waitFor({ timeout: 20_000 });
    await shot('12-note-link-completion');
    await page.keyboard.press('Escape');
    await page.keyboard.type('xx]] and [[no-such-note]].');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'Link [[no-such-note]] points to no note.' }).first().waitFor({ timeout: 20_000 });
    await shot('13-note-broken-link');
  });
} finally {
  process.exitCode = await ui.close();
}
