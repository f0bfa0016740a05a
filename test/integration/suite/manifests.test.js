// Field documentation, schema validation, completion, Explain This Manifest and Terraform, in a real VS Code.
const assert = require('node:assert');
const vscode = require('vscode');
const { until, codeOf, hoverText } = require('./helpers');



suite('Manifests: field docs, schema, completion, explain, Terraform', () => {
  test('hovering a field shows the API description, its type and path', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'kubernetes/web.yaml'));
    await vscode.window.showTextDocument(doc);
    const line = doc.getText().split('\n').findIndex((l) => /^\s+replicas:/.test(l));
    const text = await until('field hover', async () => {
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 4));
      const t = hoverText(hovers);
      return /Deployment\.spec\.replicas/.test(t) ? t : undefined;
    });
    assert.match(text, /desired pods/i);
    assert.match(text, /`(number|integer)`/);
  });

  test('a wrong type gets a schema diagnostic; keys complete from the schema', async () => {
    const content = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: broken', 'spec:', '  replicas: three',
      '  selector: {matchLabels: {app: x}}', '  template:', '    metadata: {labels: {app: x}}', '    spec:', '      containers:',
      '        - name: x', '          image: nginx:1.27.3', '          imagePul'].join('\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content });
    await vscode.window.showTextDocument(doc);
    const schemaDiagnostic = await until('schema diagnostic', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === 'cnc-schema' && d.range.start.line === 5));
    assert.strictEqual(schemaDiagnostic.message, 'Incorrect type. Expected "number".');
    const completion = await until('completion', async () => {
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(13, 18));
      return list.items.some((i) => (i.label.label ?? i.label) === 'imagePullPolicy') ? list : undefined;
    });
    // The completion carries the field's API description (from the bundled schema).
    const pullPolicy = completion.items.find((i) => (i.label.label ?? i.label) === 'imagePullPolicy');
    assert.match(String(pullPolicy.documentation?.value ?? pullPolicy.documentation), /Image pull policy/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Explain This Manifest opens a summary of the objects and how they connect', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'kubernetes/web.yaml'));
    await vscode.window.showTextDocument(doc);
    // As the editor title bar does: the file is passed, so focus moving elsewhere meanwhile does not matter.
    await vscode.commands.executeCommand('cnc.explainManifest', doc.uri);
    const summary = await until('explanation', () => vscode.workspace.textDocuments.find((d) => d.isUntitled && d.languageId === 'markdown' && /Deployment\/web/.test(d.getText())));
    assert.match(summary.getText(), /Service\/web/);
  });

  test('Convert to Gateway API: a code action on an Ingress opens the Gateway and HTTPRoute in a new document', async () => {
    const content = ['apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: shop}', 'spec:', '  ingressClassName: public',
      '  rules:', '    - host: shop.example.com', '      http:', '        paths:',
      '          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}', ''].join('\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content });
    await vscode.window.showTextDocument(doc);
    const action = await until('convert code action', async () => {
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(1, 0, 1, 0));
      return actions.find((a) => a.title === 'Convert Ingress to Gateway API (new document)');
    });
    await vscode.commands.executeCommand(action.command.command, ...action.command.arguments);
    const converted = await until('converted document', () => vscode.workspace.textDocuments.find((d) => d.isUntitled && d.languageId === 'yaml' && /kind: HTTPRoute/.test(d.getText())));
    assert.match(converted.getText(), /gatewayClassName: public/);
    assert.match(converted.getText(), /- shop\.example\.com/);
  });

  test('Terraform: the same checks on kubernetes_* resources, and hovers', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'terraform/main.tf'));
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'terraform');
    const diagnostic = await until('terraform diagnostic', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === 'cnc' && codeOf(d) === 'image-tag-not-pinned'));
    assert.match(diagnostic.message, /nginx:latest/);
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('resource "kubernetes_deployment_v1"'));
    const text = await until('terraform hover', async () => {
      const t = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 15)));
      return t.includes('Deployment') ? t : undefined;
    });
    assert.match(text, /registry\.terraform\.io/);
  });
});
