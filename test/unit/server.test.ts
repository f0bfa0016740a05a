import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver/node';

const root = path.resolve(__dirname, '..', '..');
const file = path.join(root, 'examples/kubernetes/web.yaml');
const uri = pathToFileURL(file).toString();
const text = fs.readFileSync(file, 'utf8');

/** `cnc serve --stdio` as our VS Code client starts it (other clients: serverOtherClients.test.ts). */
describe('cnc serve --stdio', () => {
  const child = spawn(process.execPath, [path.join(root, 'dist/cli/cnc.js'), 'serve', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let connection: MessageConnection;
  const diagnostics = new Promise<{ uri: string; diagnostics: { code: string; range: { start: { line: number } } }[] }>((resolve) => {
    connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onNotification('textDocument/publishDiagnostics', resolve);
    connection.listen();
  });

  beforeAll(async () => {
    const result = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { clientCommands: true } }) as { capabilities: Record<string, unknown> };
    expect(result.capabilities.hoverProvider).toBe(true);
    expect(result.capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix'] });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  });

  afterAll(async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    child.kill();
  });

  it('publishes the same findings as cnc lint', async () => {
    const published = await diagnostics;
    expect(published.uri).toBe(uri);
    const lint = spawnSync(process.execPath, [path.join(root, 'dist/cli/cnc.js'), 'lint', file, '--format', 'json'], { encoding: 'utf8' });
    const fromCli = JSON.parse(lint.stdout).files[0].findings.map((f: { ruleId: string; range: { start: { line: number } } }) => [f.ruleId, f.range.start.line]);
    expect(published.diagnostics.map((d) => [d.code, d.range.start.line]).sort()).toEqual(fromCli.sort());
    expect(fromCli).toContainEqual(['image-tag-not-pinned', 19]);
  });

  it('answers a hover on kind: Deployment with the note summary', async () => {
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 8 } }) as { contents: { value: string } };
    expect(hover.contents.value).toContain('**Deployment**');
  });

  it('offers the quick fix and the concept actions for the diagnostic', async () => {
    const published = await diagnostics;
    const imageTag = published.diagnostics.find((d) => d.code === 'image-tag-not-pinned')!;
    const actions = await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: imageTag.range, context: { diagnostics: [imageTag] },
    }) as { title: string; isPreferred?: boolean }[];
    expect(actions.map((a) => a.title)).toEqual([
      'Pin image to nginx:1.27.3 (used by Deployment/web-canary)',
      'Pin image tag: nginx:TODO-pin-version (fill in a released version)',
      'Explain Image tags and digests',
      'Review cards for Image tags and digests',
      'Suppress image-tag-not-pinned on this line (with a reason)',
    ]);
    expect(actions[0]!.isPreferred).toBe(true);
  });

  it('checks and explains Terraform kubernetes_* resources with the same rules', async () => {
    const tfFile = path.join(root, 'examples/terraform/main.tf');
    const tfUri = pathToFileURL(tfFile).toString();
    const published = new Promise<{ diagnostics: { code: string; message: string }[] }>((resolve) => {
      connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: { code: string; message: string }[] }) => { if (p.uri === tfUri) resolve(p); });
    });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: tfUri, languageId: 'terraform', version: 1, text: fs.readFileSync(tfFile, 'utf8') } });
    const { diagnostics: tfDiagnostics } = await published;
    expect(tfDiagnostics.find((d) => d.code === 'image-tag-not-pinned')?.message).toMatch(/nginx:latest/);
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri: tfUri }, position: { line: 1, character: 30 } }) as { contents: { value: string } } | null;
    expect(hover?.contents.value).toContain('Deployment');
  });

  it('adds schema diagnostics and completes keys from the bundled Kubernetes schema', async () => {
    const badUri = 'file:///tmp/cnc-schema-test.yaml';
    const bad = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: three\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers:\n        - name: c\n          image: nginx:1.27.3\n          imagePul\n';
    const withSchema = new Promise<{ diagnostics: { source: string; message: string; range: { start: { line: number } } }[] }>((resolve) => {
      connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: { source: string; message: string; range: { start: { line: number } } }[] }) => {
        if (p.uri === badUri && p.diagnostics.some((d) => d.source === 'cnc-schema')) resolve(p);
      });
    });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: badUri, languageId: 'yaml', version: 1, text: bad } });
    const { diagnostics: found } = await withSchema;
    expect(found.filter((d) => d.source === 'cnc-schema').map((d) => d.range.start.line)).toContain(5);
    const completion = await connection.sendRequest('textDocument/completion', { textDocument: { uri: badUri }, position: { line: 13, character: 18 } }) as { items: { label: string }[] };
    expect(completion.items.map((i) => i.label)).toContain('imagePullPolicy');
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri: badUri }, position: { line: 5, character: 4 } }) as { contents: { value: string } };
    expect(hover.contents.value).toMatch(/desired pods/i);
  });

  it('answers malformed params with -32602 and a message naming the field, and keeps serving', async () => {
    const failure = (method: string, params: unknown) => connection.sendRequest(method, params).then(
      () => { throw new Error(`${method} accepted ${JSON.stringify(params)}`); },
      (error: { code: number; message: string }) => ({ code: error.code, message: error.message }));
    expect(await failure('textDocument/hover', { textDocument: { uri }, position: null })).toEqual({
      code: -32602, message: expect.stringMatching(/^Invalid params for textDocument\/hover: position: Invalid type/) });
    expect(await failure('textDocument/completion', { textDocument: { uri }, position: { line: -1, character: 0 } })).toEqual({
      code: -32602, message: expect.stringMatching(/position\.line: Invalid value/) });
    expect(await failure('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })).toMatchObject({
      code: -32602, message: expect.stringContaining('context') });
    expect(await failure('cnc/search', { query: 42 })).toMatchObject({ code: -32602, message: expect.stringContaining('query') });
    expect(await failure('cnc/explainManifest', { uri, extra: true })).toMatchObject({ code: -32602, message: expect.stringContaining('extra') });
    expect(await failure('cnc/note', { id: 'deployment' })).toMatchObject({ code: -32602 });
    // Past the end of the document is clamped to it: an answer, not an error.
    const pastLineEnd = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 10_000 } }) as { contents: { value: string } };
    expect(pastLineEnd.contents.value).toContain('**Deployment**');
    await expect(connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 100_000, character: 3 } })).resolves.toBeDefined();
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 8 } }) as { contents: { value: string } };
    expect(hover.contents.value).toContain('**Deployment**');
  });

  it('ignores a notification with malformed params, with a warning that names the field', async () => {
    const warned = new Promise<{ type: number; message: string }>((resolve) => {
      connection.onNotification('window/logMessage', (p: { type: number; message: string }) => { if (p.message.includes('cnc/notesChanged')) resolve(p); });
    });
    await connection.sendNotification('cnc/notesChanged', { changes: [{ path: 42, type: 'changed' }] });
    expect(await warned).toEqual({ type: 2, message: expect.stringMatching(/^Ignored cnc\/notesChanged: invalid params: changes\.0\.path: Invalid type/) });
  });

  it('offers "Convert to Gateway API" on an Ingress and answers the conversion for the client to open', async () => {
    const ingressUri = pathToFileURL(path.join(os.tmpdir(), 'cnc-convert-ingress.yaml')).toString();
    const ingress = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: shop}\nspec:\n  ingressClassName: public\n' +
      '  rules:\n    - host: shop.example.com\n      http:\n        paths:\n          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}\n';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: ingressUri, languageId: 'yaml', version: 1, text: ingress } });
    const at = (line: number) => connection.sendRequest('textDocument/codeAction', { textDocument: { uri: ingressUri }, range: { start: { line, character: 0 }, end: { line, character: 0 } }, context: { diagnostics: [] } }) as Promise<{ title: string; command?: { command: string; arguments: unknown[] } }[]>;
    const onIngress = (await at(6)).find((a) => a.title === 'Convert Ingress to Gateway API (new document)');
    expect(onIngress?.command).toEqual({ title: 'Convert Ingress to Gateway API (new document)', command: 'cnc.convertIngressToGateway', arguments: [ingressUri] });
    expect((await at(1)).some((a) => a.title.startsWith('Convert'))).toBe(false);
    const conversion = await connection.sendRequest('cnc/convertIngressToGateway', { uri: ingressUri }) as { yaml: string; converted: string[] };
    expect(conversion.converted).toEqual(['Ingress shop']);
    expect(conversion.yaml).toContain('kind: HTTPRoute');
    expect(conversion.yaml).toContain('gatewayClassName: public');
    expect(await connection.sendRequest('cnc/convertIngressToGateway', { uri })).toBeNull();
    const refused = await connection.sendRequest('cnc/convertIngressToGateway', { uri: 7 }).then(() => undefined, (error: { code: number }) => error.code);
    expect(refused).toBe(-32602);
  });

  it('explains a manifest: objects and how they connect', async () => {
    const markdown = await connection.sendRequest('cnc/explainManifest', { uri }) as string;
    expect(markdown).toContain('Deployment/web');
    expect(markdown).toMatch(/Service\/web/);
  });

  it('lints with the nearest .cnc.yaml and sees the other manifests of the directory, like cnc lint', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-lsp-config-'));
    fs.writeFileSync(path.join(dir, '.cnc.yaml'), 'rules:\n  image-tag-not-pinned: off\n');
    fs.writeFileSync(path.join(dir, 'deploy.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers: [{name: api, image: "api:latest"}]\n');
    // Beside the Service, an unrelated Deployment: alone, this file's Service would select nothing.
    const serviceText = 'apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  selector: {app: api}\n  ports: [{port: 80}]\n---\n' +
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: other}\nspec:\n  selector: {matchLabels: {app: other}}\n  template:\n    metadata: {labels: {app: other}}\n    spec:\n      containers: [{name: o, image: "o:1.0"}]\n';
    const alone = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-lsp-alone-'));
    fs.writeFileSync(path.join(alone, 'service.yaml'), serviceText);
    const aloneJson = JSON.parse(spawnSync(process.execPath, [path.join(root, 'dist/cli/cnc.js'), 'lint', alone, '--format', 'json'], { encoding: 'utf8' }).stdout);
    expect(aloneJson.files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain('service-selector-matches-nothing');
    fs.rmSync(alone, { recursive: true, force: true });
    fs.writeFileSync(path.join(dir, 'service.yaml'), serviceText);
    const lintJson = JSON.parse(spawnSync(process.execPath, [path.join(root, 'dist/cli/cnc.js'), 'lint', dir, '--format', 'json'], { encoding: 'utf8' }).stdout);
    const cliCodes = lintJson.files.flatMap((f: { findings: { ruleId: string }[] }) => f.findings.map((x) => x.ruleId));
    for (const name of ['deploy.yaml', 'service.yaml']) {
      const fileUri = pathToFileURL(path.join(dir, name)).toString();
      const got = new Promise<{ code: string }[]>((resolve) => {
        connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: { code: string }[] }) => { if (p.uri === fileUri) resolve(p.diagnostics); });
      });
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: fileUri, languageId: 'yaml', version: 1, text: fs.readFileSync(path.join(dir, name), 'utf8') } });
      const codes = (await got).map((d) => d.code);
      expect(codes).not.toContain('image-tag-not-pinned');
      expect(codes).not.toContain('service-selector-matches-nothing');
      for (const code of codes) expect(cliCodes).toContain(code);
    }
    expect(cliCodes).not.toContain('image-tag-not-pinned');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
