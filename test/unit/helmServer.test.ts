import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver/node';

const root = path.resolve(__dirname, '..', '..');
/** kube-linter's test chart with a _helpers.tpl of ours (fixtures/helm/SOURCES.md). */
const chartDir = path.join(__dirname, 'fixtures', 'helm', 'mychart');
const templatesDir = path.join(chartDir, 'templates');
const templateFiles = fs.readdirSync(templatesDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).map((f) => path.join(templatesDir, f));
const deploymentFile = path.join(templatesDir, 'deployment.yaml');
const deploymentUri = pathToFileURL(deploymentFile).toString();
const deployment = fs.readFileSync(deploymentFile, 'utf8');

interface Published { uri: string; diagnostics: { code?: string; source: string; message: string; range: { start: { line: number; character: number } } }[] }
interface Range { start: { line: number; character: number }; end: { line: number; character: number } }

/** Line and character of the `within`-th character of the first `needle` in the deployment template. */
function positionOf(needle: string, within = 0) {
  const offset = deployment.indexOf(needle) + within;
  const before = deployment.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

/** A Helm chart's templates over `cnc serve --stdio`, as any LSP editor sees them. */
describe('Helm templates over cnc serve --stdio', () => {
  const child = spawn(process.execPath, [path.join(root, 'dist/cli/cnc.js'), 'serve', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection: MessageConnection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: Published[] = [];
  const waiters: { test: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
    published.push(p);
    for (const waiter of waiters.splice(0)) {
      if (waiter.test(p)) waiter.resolve(p);
      else waiters.push(waiter);
    }
  });
  connection.listen();
  const publishedFor = (test: (p: Published) => boolean) => {
    const earlier = published.find(test);
    return earlier ? Promise.resolve(earlier) : new Promise<Published>((resolve) => waiters.push({ test, resolve }));
  };
  const open = (uri: string, text: string, languageId = 'yaml') => connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });

  beforeAll(async () => {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
    for (const file of templateFiles) await open(pathToFileURL(file).toString(), fs.readFileSync(file, 'utf8'));
  });

  afterAll(async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    child.kill();
  });

  it('publishes no YAML, schema or rule diagnostic on any template of the chart', async () => {
    for (const file of templateFiles) {
      const uri = pathToFileURL(file).toString();
      expect((await publishedFor((p) => p.uri === uri)).diagnostics, file).toEqual([]);
    }
    // Schema diagnostics come in a second publish: wait for a later document's, then look at everything published.
    const badUri = 'file:///tmp/cnc-helm-schema-sentinel.yaml';
    await open(badUri, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  ports: three\n');
    await publishedFor((p) => p.uri === badUri && p.diagnostics.some((d) => d.source === 'cnc-schema'));
    const templateUris = new Set(templateFiles.map((f) => pathToFileURL(f).toString()));
    expect(published.filter((p) => templateUris.has(p.uri)).flatMap((p) => p.diagnostics)).toEqual([]);
  });

  it('hovers on a template key with the API description and on kind with the concept', async () => {
    const replicas = await connection.sendRequest('textDocument/hover', { textDocument: { uri: deploymentUri }, position: positionOf('replicas:', 2) }) as { contents: { value: string } };
    expect(replicas.contents.value).toMatch(/desired pods/i);
    const kind = await connection.sendRequest('textDocument/hover', { textDocument: { uri: deploymentUri }, position: positionOf('Deployment', 2) }) as { contents: { value: string } };
    expect(kind.contents.value).toContain('**Deployment**');
  });

  it('hovers on .Values with the default from values.yaml, and goes to its definition there', async () => {
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri: deploymentUri }, position: positionOf('.Values.image.pullPolicy', '.Values.image.p'.length) }) as { contents: { value: string }; range: Range };
    expect(hover.contents.value).toContain('pullPolicy: IfNotPresent');
    expect(hover.range).toEqual({ start: positionOf('.Values.image.pullPolicy'), end: positionOf('.Values.image.pullPolicy', '.Values.image.pullPolicy'.length) });
    const definition = await connection.sendRequest('textDocument/definition', { textDocument: { uri: deploymentUri }, position: positionOf('.Values.image.pullPolicy', '.Values.image.p'.length) }) as { uri: string; range: Range };
    expect(definition.uri).toBe(pathToFileURL(path.join(chartDir, 'values.yaml')).toString());
    const valuesLines = fs.readFileSync(path.join(chartDir, 'values.yaml'), 'utf8').split('\n');
    expect(valuesLines[definition.range.start.line]!.slice(definition.range.start.character, definition.range.end.character)).toBe('pullPolicy');
    const named = await connection.sendRequest('textDocument/definition', { textDocument: { uri: deploymentUri }, position: positionOf('"mychart.labels"', 3) }) as { uri: string };
    expect(named.uri).toBe(pathToFileURL(path.join(templatesDir, '_helpers.tpl')).toString());
  });

  it('lists the templates that use a value, from values.yaml', async () => {
    const valuesFile = path.join(chartDir, 'values.yaml');
    const valuesText = fs.readFileSync(valuesFile, 'utf8');
    const valuesUri = pathToFileURL(valuesFile).toString();
    await open(valuesUri, valuesText);
    const line = valuesText.split('\n').findIndex((l) => l.startsWith('replicaCount:'));
    const references = await connection.sendRequest('textDocument/references', { textDocument: { uri: valuesUri }, position: { line, character: 3 }, context: { includeDeclaration: false } }) as { uri: string; range: Range }[];
    expect(references).toEqual([{ uri: deploymentUri, range: { start: positionOf('.Values.replicaCount'), end: positionOf('.Values.replicaCount', '.Values.replicaCount'.length) } }]);
  });

  it('completes .Values paths while the action is being typed', async () => {
    const uri = pathToFileURL(path.join(templatesDir, 'typing.yaml')).toString();
    await open(uri, 'apiVersion: v1\nkind: ConfigMap\ndata:\n  tag: {{ .Values.image.');
    const completion = await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 26 } }) as { label: string }[] | { items: { label: string }[] };
    const labels = (Array.isArray(completion) ? completion : completion.items).map((i) => i.label);
    expect(labels).toEqual(['repository', 'pullPolicy', 'tag']);
  });

  it('reports an unclosed {{ once, and an include of an unknown name, where they are', async () => {
    const uri = pathToFileURL(path.join(templatesDir, 'broken.yaml')).toString();
    await open(uri, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "mychart.fulname" . }}\ndata:\n  a: {{ .Values.a\n  b: x\n');
    const { diagnostics } = await publishedFor((p) => p.uri === uri);
    expect(diagnostics.map((d) => [d.code, d.range.start])).toEqual([
      ['yaml-syntax', { line: 5, character: 5 }],
      ['helm-template', { line: 3, character: 19 }],
    ]);
    expect(diagnostics[0]!.message).toContain('never closed');
    expect(diagnostics[1]!.message).toContain('"mychart.fulname"');
  });
});
