// UI test of workspace CustomResourceDefinitions in a real VS Code: test/ui/fixtures/crds/ (copied into the demo
// workspace as crds/, outside examples/ so the examples' own lint results stay as they are) holds widget-crd.yaml,
// defining the Widget kind, and widgets.yaml, a Widget: a hover shows the CRD's own description of a field, and the
// wrong-typed `size: three` is a schema problem in the Problems panel. Screenshots go to docs/images (crd-*.png).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../scripts/e2e/codeServer.mjs';
import { SCREENSHOTS, openWorkbench } from './workbench.mjs';

const ui = await openWorkbench({ name: 'ui-crds' });
const { page, step } = ui;
// Before the workbench opens: the server finds CRDs by searching the workspace folders when it starts.
fs.cpSync(path.join(ROOT, 'test', 'ui', 'fixtures', 'crds'), path.join(ui.workspace, 'crds'), { recursive: true });
const DOCS = path.join(ROOT, 'docs', 'images');
const shot = async (file) => {
  await ui.shot(file);
  fs.mkdirSync(DOCS, { recursive: true });
  fs.copyFileSync(path.join(SCREENSHOTS, `${file}.png`), path.join(DOCS, `${file}.png`));
};
console.log('UI test (workspace CRDs) in code-server + Chromium');
try {
  await step('workbench opens the demo workspace', ui.open);

  await step('opens crds/widgets.yaml, a resource of a kind defined in the workspace', async () => {
    await ui.quickOpen('widgets.yaml');
    await page.locator('.monaco-editor .view-lines', { hasText: 'kind: Widget' }).first().waitFor();
  });

  await step('hover on a field of the Widget shows the description from its CRD', async () => {
    const word = page.locator('.monaco-editor .view-line span span', { hasText: /^colour$/ }).first();
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', { hasText: 'Paint colour of the widget' });
    // The server finds the CRD in a background search of the workspace: hover again until it has.
    for (let i = 0; i < 20 && !(await hover.count()); i++) {
      await page.mouse.move(5, 5);
      await word.hover();
      await hover.first().waitFor({ timeout: 3000 }).catch(() => {});
    }
    const text = (await hover.first().innerText()).trim();
    await page.waitForTimeout(300);
    await shot('crd-hover');
    return { text: text.slice(0, 300) };
  });

  await step('the wrong-typed size is a schema problem in the Problems panel', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'Incorrect type. Expected "number"' }).first();
    await row.waitFor({ timeout: 30_000 });
    const text = (await row.innerText()).replace(/\s+/g, ' ').trim();
    if (!/\[Ln 7,/.test(text)) throw new Error(`problem not on the size line (7): ${text}`);
    await page.waitForTimeout(300);
    await shot('crd-problem');
    return { row: text };
  });
} finally {
  process.exitCode = await ui.close();
}
