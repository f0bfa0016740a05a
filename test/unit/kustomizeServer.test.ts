import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver/node';

const root = path.resolve(__dirname, '..', '..');
const fixtures = path.join(__dirname, 'fixtures', 'kustomize');
const prod = path.join(fixtures, 'overlays', 'prod');
const uriOf = (file: string) => pathToFileURL(file).toString();

interface Published { uri: string; diagnostics: { code: string; range: { start: { line: number; character: number } } }[] }

/** The language server on a Kustomize tree: patches, kustomization.yaml links and its missing paths. */
describe('cnc serve --stdio on Kustomize files', () => {
  const child = spawn(process.execPath, [path.join(root, 'dist/cli/cnc.js'), 'serve', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection: MessageConnection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map<string, (p: Published) => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: Published) => waiting.get(p.uri)?.(p));
  connection.listen();

  /** Opens a fixture and waits for its diagnostics. */
  const open = async (file: string) => {
    const uri = uriOf(file);
    const published = new Promise<Published>((resolve) => waiting.set(uri, resolve));
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: fs.readFileSync(file, 'utf8') } });
    return published;
  };

  beforeAll(async () => {
    const result = await connection.sendRequest('initialize', {
      processId: process.pid, rootUri: uriOf(fixtures), capabilities: {}, workspaceFolders: [{ uri: uriOf(fixtures), name: 'kustomize' }],
    }) as { capabilities: Record<string, unknown> };
    expect(result.capabilities.documentLinkProvider).toEqual({ resolveProvider: false });
    await connection.sendNotification('initialized', {});
  });

  afterAll(async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    child.kill();
  });

  it('reports only presence findings on a strategic-merge patch and none on a $patch: delete patch', async () => {
    const patch = await open(path.join(prod, 'image-patch.yaml'));
    expect(patch.diagnostics.map((d) => d.code)).toEqual(['image-tag-not-pinned']);
    const deleted = await open(path.join(prod, 'delete-worker.yaml'));
    expect(deleted.diagnostics).toEqual([]);
    const whole = await open(path.join(prod, 'standalone.yaml'));
    expect(whole.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['replicas-below-two', 'cpu-request-missing', 'image-tag-not-pinned']));
  });

  it('still hovers the fields of a patch', async () => {
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(path.join(prod, 'image-patch.yaml')) }, position: { line: 9, character: 12 } }) as { contents: { value: string } } | null;
    expect(hover?.contents.value).toMatch(/image/i);
  });

  it('hovers a JSON 6902 operation path with the kind of its target', async () => {
    expect((await open(path.join(prod, 'replicas-json.yaml'))).diagnostics).toEqual([]);
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(path.join(prod, 'replicas-json.yaml')) }, position: { line: 1, character: 12 } }) as { contents: { value: string } } | null;
    expect(hover?.contents.value).toContain('Deployment.spec.replicas');
  });

  it('diagnoses a missing path of kustomization.yaml, links the others and hovers its fields', async () => {
    const file = path.join(prod, 'kustomization.yaml');
    const published = await open(file);
    expect(published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([['kustomization-path-missing', 4, 4]]);
    const links = await connection.sendRequest('textDocument/documentLink', { textDocument: { uri: uriOf(file) } }) as { range: { start: { line: number } }; target: string }[];
    expect(links.map((l) => [l.range.start.line, l.target])).toEqual([
      [3, uriOf(path.join(fixtures, 'base', 'kustomization.yaml'))],
      [6, uriOf(path.join(prod, 'image-patch.yaml'))],
      [7, uriOf(path.join(prod, 'replicas-json.yaml'))],
      [12, uriOf(path.join(prod, 'delete-worker.yaml'))],
      [16, uriOf(path.join(prod, 'app.properties'))],
    ]);
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line: 5, character: 2 } }) as { contents: { value: string } } | null;
    expect(hover?.contents.value).toContain('JSON 6902');
  });

  it('checks the inline patches of a kustomization.yaml, on their lines, and offers no fix edits for them', async () => {
    const file = path.join(fixtures, 'overlays', 'inline', 'kustomization.yaml');
    const published = await open(file);
    expect(published.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['image-tag-not-pinned', 16], ['host-network', 30]]);
    const actions = await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf(file) }, range: published.diagnostics[0]!.range, context: { diagnostics: published.diagnostics.slice(0, 1) },
    }) as { title: string; edit?: unknown }[];
    expect(actions.filter((a) => a.edit !== undefined && !a.title.startsWith('Suppress'))).toEqual([]);
  });

  it('answers no links for a file that is not a kustomization', async () => {
    const links = await connection.sendRequest('textDocument/documentLink', { textDocument: { uri: uriOf(path.join(prod, 'image-patch.yaml')) } });
    expect(links).toEqual([]);
  });
});
