// Runs inside a real VS Code extension host with the demo workspace open.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { until, codeOf } = require('./helpers');


const EXTENSION_ID = 'cloud-native-companion.cloud-native-companion';


function workspaceFile(relative) {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, relative);
}

suite('Cloud-Native Companion in VS Code', () => {
  let document;

  suiteSetup(async () => {
    document = await vscode.workspace.openTextDocument(workspaceFile('kubernetes/web.yaml'));
    // Not a preview editor, so no editor opened later can take its place.
    await vscode.window.showTextDocument(document, { preview: false });
  });

  test('activates on a YAML file and reports its activation time', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'extension is installed');
    const api = await until('activation', async () => (extension.isActive ? extension.exports : undefined));
    assert.strictEqual(typeof api.activationMs, 'number');
    if (process.env.CNC_TEST_RESULTS) {
      fs.writeFileSync(path.join(path.dirname(process.env.CNC_TEST_RESULTS), 'activation.json'),
        JSON.stringify({ activationMs: api.activationMs, vscode: vscode.version, appName: vscode.env.appName, measuredAt: new Date().toISOString() }, null, 2));
    }
  });

  test('publishes the image-tag diagnostic with its concept', async () => {
    const diagnostic = await until('diagnostics', () =>
      vscode.languages.getDiagnostics(document.uri).find((d) => d.source === 'cnc' && codeOf(d) === 'image-tag-not-pinned'));
    assert.strictEqual(diagnostic.range.start.line, 19);
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic.relatedInformation[0].message, /^Concept: Image tags and digests/);
    assert.match(diagnostic.code.target.toString(), /docs\/rules\.md#image-tag-not-pinned$/);
  });

  test('hovering kind: Deployment shows the note summary and a link that opens the note', async () => {
    const hovers = await until('hover', async () => {
      const result = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, new vscode.Position(2, 8));
      return result.some((h) => h.contents.some((c) => String(c.value ?? c).includes('**Deployment**'))) ? result : undefined;
    });
    const markdown = hovers.flatMap((h) => h.contents).map((c) => c.value ?? String(c)).join('\n');
    assert.match(markdown, /keeps a chosen number of identical/);
    assert.match(markdown, /command:cnc\.openNote\?/);
  });

  test('the Open note command opens the note in the Markdown preview', async () => {
    await vscode.commands.executeCommand('cnc.openNote', 'deployment');
    await until('markdown preview tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .some((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && /deployment/i.test(t.label)));
  });

  test('the preferred quick fix pins the tag and the diagnostic goes away', async () => {
    await vscode.window.showTextDocument(document, { preview: false });
    const diagnostic = await until('image-tag diagnostic', () =>
      vscode.languages.getDiagnostics(document.uri).find((d) => codeOf(d) === 'image-tag-not-pinned'));
    // Shortly after the Markdown preview of the previous test opens, the workbench may cancel a code action request
    // on its side: the command then returns nothing or throws "Canceled", though our server answered (both seen in
    // CI, the first reproduced here with a log in the server). A user's lightbulb asks again; so does the test.
    const actions = await until('quick fixes', async () => {
      try {
        const provided = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
        return provided.length ? provided : undefined;
      } catch (error) {
        if (error instanceof Error && /Canceled/.test(error.message)) return undefined;
        throw error;
      }
    });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Explain Image tags and digests'), titles.join(' | '));
    const preferred = actions.find((a) => a.isPreferred);
    assert.strictEqual(preferred.title, 'Pin image to nginx:1.27.3 (used by Deployment/web-canary)');
    assert.ok(await vscode.workspace.applyEdit(preferred.edit), 'VS Code applied the quick fix edit');
    assert.match(document.lineAt(19).text, /image: nginx:1\.27\.3$/);
    await until('diagnostic cleared', () => !vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'image-tag-not-pinned'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('Review Cards opens the flashcard webview', async () => {
    await vscode.commands.executeCommand('cnc.reviewCards', { noteId: 'deployment' });
    await until('review panel', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('cnc.review')));
  });
});
