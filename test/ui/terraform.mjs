// UI test of Terraform in a real VS Code: a hover on a kubernetes_* resource type, and a Kubernetes check finding on
// the same resource with its quick fix written in HCL.
import { openWorkbench } from './workbench.mjs';

const ui = await openWorkbench({ name: 'ui-terraform' });
const { page, step, shot } = ui;
console.log('UI test (Terraform) in code-server + Chromium');
try {
  await step('workbench opens the demo workspace', ui.open);

  await step('opens terraform/main.tf', async () => {
    await ui.quickOpen('main.tf');
    await page.locator('.monaco-editor .view-lines', { hasText: 'kubernetes_deployment_v1' }).first().waitFor();
  });

  await step('hover on the resource type explains it, with the registry docs link', async () => {
    const word = page.locator('.monaco-editor .view-line span span', { hasText: /kubernetes_deployment_v1/ }).first();
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', { hasText: 'Registry docs' });
    for (let i = 0; i < 20 && !(await hover.count()); i++) {
      await page.mouse.move(5, 5);
      await word.hover();
      await hover.first().waitFor({ timeout: 3000 }).catch(() => {});
    }
    const text = (await hover.first().innerText()).trim();
    if (!/Deployment/.test(text)) throw new Error(`unexpected hover: ${text}`);
    const href = await hover.first().locator('a', { hasText: 'Registry docs' }).first().getAttribute('data-href');
    if (!/registry\.terraform\.io\/providers\/hashicorp\/kubernetes\/.*deployment_v1/.test(href ?? '')) throw new Error(`registry link: ${href}`);
    await page.waitForTimeout(300);
    await shot('20-terraform-hover');
    return { text: text.slice(0, 300) };
  });

  await step('the image-tag finding on the Terraform resource has a quick fix in HCL', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    await page.getByPlaceholder(/^Filter \(e\.g\. text/).fill('latest');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'uses the mutable' }).first().waitFor({ timeout: 20_000 });
    await page.locator('.monaco-editor .view-lines').first().click();
    await ui.gotoLine('18:21'); // image = "nginx:latest" in examples/terraform/main.tf
    await page.keyboard.press('Control+.');
    const title = 'Pin image tag: nginx:TODO-pin-version';
    await page.locator('.action-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
    await shot('21-terraform-quickfix-menu');
    const focused = page.locator('.action-widget .monaco-list-row.focused', { hasText: title });
    for (let i = 0; i < 6 && !(await focused.count()); i++) await page.keyboard.press('ArrowDown');
    await focused.first().waitFor({ timeout: 5000 });
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: 'image = "nginx:TODO-pin-version"' }).first().waitFor();
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'uses the mutable' }).waitFor({ state: 'detached', timeout: 15_000 });
    await shot('22-terraform-quickfix-applied');
  });
} finally {
  process.exitCode = await ui.close();
}
