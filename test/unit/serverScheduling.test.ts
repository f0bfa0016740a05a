import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver/node';

const root = path.resolve(__dirname, '..', '..');
interface Published { uri: string; version?: number; diagnostics: { code?: string; source?: string }[] }

const deployment = (name: string, image = 'nginx:1.27.3') => [
  'apiVersion: apps/v1', 'kind: Deployment', `metadata: {name: ${name}}`, 'spec:', `  selector: {matchLabels: {app: ${name}}}`,
  '  template:', `    metadata: {labels: {app: ${name}}}`, '    spec:', '      containers:', `        - name: ${name}`, `          image: ${image}`, '',
].join('\n');
/** A manifest of `count` Deployments. */
const manyDeployments = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => deployment(`${prefix}-${i}`)).join('---\n');
/** One ConfigMap of `keys` entries: a large document to parse (about 15 bytes an entry). */
const bigConfigMap = (name: string, keys: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\ndata:\n${Array.from({ length: keys }, (_, i) => `  key${i}: "value ${i}"\n`).join('')}`;

/**
 * How the server orders its work (`cnc serve --stdio`): requests are answered while documents are analysed, each
 * version's diagnostics are published once, neighbours are read without blocking. Behaviour only: order and counts.
 */
describe('cnc serve --stdio: requests never wait behind analysis', () => {
  const child = spawn(process.execPath, [path.join(root, 'dist/cli/cnc.js'), 'serve', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection: MessageConnection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  /** Every message from the server, in arrival order: publishes and request answers. */
  const events: { type: 'publish' | 'answer'; uri: string; version?: number; codes?: (string | undefined)[]; label?: string }[] = [];
  const waiters: { test: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
    events.push({ type: 'publish', uri: p.uri, version: p.version, codes: p.diagnostics.map((d) => d.code) });
    for (const w of waiters.splice(0)) { if (w.test(p)) w.resolve(p); else waiters.push(w); }
  });
  connection.listen();
  const published = (test: (p: Published) => boolean) => new Promise<Published>((resolve) => waiters.push({ test, resolve }));
  const request = async <T>(label: string, method: string, params: unknown, uri: string): Promise<T> => {
    const result = await connection.sendRequest(method, params) as T;
    events.push({ type: 'answer', uri, label });
    return result;
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-sched-'));
  const open = (file: string, text: string, languageId = 'yaml') => {
    const uri = pathToFileURL(file).toString();
    void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  };
  /** Waits until the server has nothing pending: the 200 ms typing debounce and any analysis it starts are over. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 800));

  beforeAll(async () => {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
  });
  afterAll(async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes an opened document once, and of quick edits only the last version, once', async () => {
    const own = fs.mkdtempSync(path.join(dir, 'edits-'));
    const file = path.join(own, 'web.yaml');
    const text = deployment('web', 'nginx:latest');
    fs.writeFileSync(file, text);
    const uri = open(file, text);
    await published((p) => p.uri === uri);
    await settle();
    expect(events.filter((e) => e.type === 'publish' && e.uri === uri).map((e) => e.version)).toEqual([1]);
    for (let version = 2; version <= 6; version++) {
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: text.replace('nginx:latest', `nginx:1.${version}`) }] });
    }
    const last = await published((p) => p.uri === uri && p.version === 6);
    await settle();
    expect(events.filter((e) => e.type === 'publish' && e.uri === uri).map((e) => e.version)).toEqual([1, 6]);
    // Rules and schema in the one publish: the image is pinned now.
    expect(last.diagnostics.map((d) => d.code)).not.toContain('image-tag-not-pinned');
  });

  it('answers a hover sent while a large document is analysed before that analysis is published', async () => {
    const own = fs.mkdtempSync(path.join(dir, 'large-'));
    const file = path.join(own, 'large.yaml');
    const text = `${manyDeployments(200, 'big')}---\n${bigConfigMap('bulk', 40_000)}`;
    const uri = open(file, text);
    const diagnostics = published((p) => p.uri === uri);
    const hover = await request<{ contents: { value: string } } | null>('hover', 'textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 8 } }, uri);
    await diagnostics;
    expect(hover?.contents.value).toContain('Deployment');
    const mine = events.filter((e) => e.uri === uri).map((e) => e.type);
    expect(mine).toEqual(['answer', 'publish']);
  });

  it('answers hovers in a large file right after an edit, at the edited lines\' new positions', async () => {
    const own = fs.mkdtempSync(path.join(dir, 'shifted-'));
    const text = `${manyDeployments(200, 'big')}---\n${bigConfigMap('bulk', 40_000)}`;
    const uri = open(path.join(own, 'large.yaml'), text);
    await published((p) => p.uri === uri);
    // Two lines more at the top: every later document moves down, unchanged.
    const edited = `# added\n# lines\n${text}`;
    void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    const lines = edited.split('\n');
    const line = lines.indexOf('metadata: {name: big-150}') - 1;
    expect(lines[line]).toBe('kind: Deployment');
    const hover = await request<{ contents: { value: string }; range: { start: { line: number } } } | null>('hover', 'textDocument/hover', { textDocument: { uri }, position: { line, character: 8 } }, uri);
    expect(hover?.contents.value).toContain('Deployment');
    expect(hover?.range.start.line).toBe(line);
    const image = lines.indexOf('        - name: big-180') + 1;
    const field = await request<{ contents: { value: string }; range: { start: { line: number } } } | null>('hover', 'textDocument/hover', { textDocument: { uri }, position: { line: image, character: 12 } }, uri);
    expect(field?.contents.value).toMatch(/image/i);
    expect(field?.range.start.line).toBe(image);
  });

  it('reads big neighbours in the background: a hover on a small file beside them is answered first', async () => {
    const own = fs.mkdtempSync(path.join(dir, 'neighbours-'));
    // The Deployment the Service selects is in the last of three neighbours of about 800 KB each.
    for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(own, `bulk-${i}.yaml`), bigConfigMap(`bulk${i}`, 40_000) + (i === 2 ? `---\n${deployment('api')}` : ''));
    const file = path.join(own, 'service.yaml');
    const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  selector: {app: api}\n  ports: [{port: 80}]\n';
    fs.writeFileSync(file, text);
    const uri = open(file, text);
    const final = published((p) => p.uri === uri && !p.diagnostics.some((d) => d.code === 'service-selector-matches-nothing'));
    const hover = await request<{ contents: { value: string } } | null>('hover', 'textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 8 } }, uri);
    expect(hover?.contents.value).toContain('Service');
    await final;
    const mine = events.filter((e) => e.uri === uri);
    expect(mine[0]!.type).toBe('answer');
    // Analysed with what was known, then again once the neighbours arrived: the selector finds its Deployment.
    expect(mine.at(-1)!.codes).not.toContain('service-selector-matches-nothing');
  });

  it('completes plain text for a client without snippet support', async () => {
    const own = fs.mkdtempSync(path.join(dir, 'complete-'));
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n      \n';
    const uri = open(path.join(own, 'complete.yaml'), text);
    await published((p) => p.uri === uri);
    const list = await request<{ items: { label: string; insertText?: string; insertTextFormat?: number; textEdit?: { newText: string } }[] }>('completion', 'textDocument/completion', { textDocument: { uri }, position: { line: 6, character: 6 } }, uri);
    expect(list.items.map((i) => i.label)).toContain('containers');
    for (const item of list.items) {
      expect(item.insertTextFormat ?? 1).toBe(1);
      for (const inserted of [item.insertText, item.textEdit?.newText]) {
        expect(inserted ?? '').not.toMatch(/\$\d|\$\{|\n/);
      }
    }
  });

  it('answers completion in an oversized document and in Terraform with nothing', async () => {
    const own = fs.mkdtempSync(path.join(dir, 'skipped-'));
    const huge = `${deployment('huge')}# ${'x'.repeat(9 * 1024 * 1024)}\n`;
    const uri = open(path.join(own, 'huge.yaml'), huge);
    const skipped = await published((p) => p.uri === uri);
    expect(skipped.diagnostics.map((d) => d.source)).toEqual(['cnc']);
    const list = await request<{ items: unknown[] } | unknown[]>('completion', 'textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 4 } }, uri);
    expect(Array.isArray(list) ? list : list.items).toEqual([]);
    const tfUri = open(path.join(own, 'main.tf'), 'resource "kubernetes_deployment" "x" {\n  \n}\n', 'hcl');
    const tf = await request<unknown[]>('completion', 'textDocument/completion', { textDocument: { uri: tfUri }, position: { line: 1, character: 2 } }, tfUri);
    expect(tf).toEqual([]);
  });

  it('treats the Terraform language ids editors send (hcl, tf) as Terraform', async () => {
    const own = fs.mkdtempSync(path.join(dir, 'tf-'));
    const text = 'resource "kubernetes_pod" "web" {\n  metadata { name = "web" }\n  spec {\n    container {\n      name  = "web"\n      image = "nginx:latest"\n    }\n  }\n}\n';
    for (const languageId of ['hcl', 'tf']) {
      const uri = open(path.join(own, `${languageId}.tf`), text, languageId);
      const found = await published((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'image-tag-not-pinned'));
      expect(found.diagnostics.length).toBeGreaterThan(0);
    }
  });
});
