import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver/node';
import { yamlHover } from '../../src/core/hover/hover';
import { loadBundledKnowledge } from '../../src/core/knowledge/bundle';
import { lintFile } from '../../src/core/lint/lint';
import { crdSchemaUnusable } from '../../src/core/rules/crd-schema-unusable';
import { crdCatalog } from '../../src/core/schema/builtInData';
import { MAX_CRD_FIELDS } from '../../src/core/schema/crdSchema';
import { describeField } from '../../src/core/schema/describeField';
import { forgetWorkspaceCrds, setWorkspaceCrdText } from '../../src/core/schema/workspaceCrds';
import { parseYaml } from '../../src/core/yaml/parseYaml';
import { createYamlSchemaService } from '../../src/server/yamlSchemaService';

const root = path.resolve(__dirname, '..', '..');
const fixtures = path.join(__dirname, 'fixtures', 'crds');
const crdFile = path.join(fixtures, 'widget-crd.yaml');
const widgetsFile = path.join(fixtures, 'widgets.yaml');
const crdText = fs.readFileSync(crdFile, 'utf8');
const widgets = fs.readFileSync(widgetsFile, 'utf8');
const kb = loadBundledKnowledge(root);
const service = createYamlSchemaService();
let version = 0;
const validate = (text: string) => service.validate(TextDocument.create('file:///work/custom.yaml', 'yaml', ++version, text));
const hoverAt = (text: string, needle: string) => yamlHover(parseYaml(text), text.indexOf(needle) + 1, kb)?.markdown ?? '';

describe('bundled CRD catalog', () => {
  it('credits every package it was built from, with its licence', () => {
    const sources = crdCatalog()!.sources;
    expect(sources.map((s) => s.project)).toEqual(expect.arrayContaining(['Gateway API', 'cert-manager', 'Prometheus operator', 'Argo CD', 'Argo Rollouts',
      'Argo Workflows', 'Flux', 'Istio', 'KEDA', 'Karpenter', 'External Secrets', 'Sealed Secrets', 'Knative']));
    for (const s of sources) expect(s.license).toBe('MIT');
  });

  it('shows the Gateway API description of an HTTPRoute field on hover', () => {
    const route = ['apiVersion: gateway.networking.k8s.io/v1', 'kind: HTTPRoute', 'metadata: {name: web}', 'spec:', '  parentRefs: [{name: gw}]', '  hostnames: [example.com]', ''].join('\n');
    const markdown = hoverAt(route, 'hostnames');
    expect(markdown).toContain('HTTPRoute.spec.hostnames');
    expect(markdown).toContain('Hostnames defines a set of hostnames');
    expect(markdown).toContain('[]string');
  });

  it('shows the cert-manager description of a Certificate field on hover', () => {
    const certificate = ['apiVersion: cert-manager.io/v1', 'kind: Certificate', 'metadata: {name: web}', 'spec:', '  secretName: web-tls', '  issuerRef: {name: letsencrypt}', ''].join('\n');
    const doc = describeField('cert-manager.io/v1', 'Certificate', ['spec', 'secretName'])!;
    expect(doc.source).toBe('custom');
    expect(doc.description).toMatch(/Secret/);
    expect(hoverAt(certificate, 'secretName')).toContain(doc.description.slice(0, 40));
  });

  it('validates catalog kinds: a wrong type is an error, a correct resource has none', async () => {
    const good = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web}\nspec:\n  secretName: web-tls\n  issuerRef: {name: letsencrypt}\n  dnsNames: [example.com]\n';
    expect(await validate(good)).toEqual([]);
    const bad = good.replace('dnsNames: [example.com]', 'dnsNames: example.com');
    const found = await validate(bad);
    expect(found.map((d) => [d.message, d.range.start.line])).toEqual([['Incorrect type. Expected "array".', 6]]);
  });

  it('allows keys a newer release of the project may have added (the catalog can be older than the cluster)', async () => {
    expect(await validate('apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web}\nspec:\n  secretName: web-tls\n  issuerRef: {name: letsencrypt}\n  someNewField: true\n')).toEqual([]);
  });

  it('completes the keys of a catalog kind with their descriptions', async () => {
    const text = 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: web}\nspec:\n  \n';
    const list = await service.complete(TextDocument.create('file:///work/route.yaml', 'yaml', ++version, text), { line: 4, character: 2 });
    const hostnames = list.items.find((i) => i.label === 'hostnames');
    expect(list.items.map((i) => i.label)).toEqual(expect.arrayContaining(['hostnames', 'parentRefs', 'rules']));
    expect(JSON.stringify(hostnames?.documentation)).toContain('Hostnames defines a set of hostnames');
  });
});

describe('workspace CRDs', () => {
  afterEach(() => { forgetWorkspaceCrds(crdFile); });

  it('give hovers from the openAPIV3Schema descriptions, and validation, once the CRD is read', async () => {
    expect(hoverAt(widgets, 'size: 3')).toBe('');
    setWorkspaceCrdText(crdFile, crdText);
    expect(hoverAt(widgets, 'size: 3')).toContain('How many parts the widget has.');
    expect(hoverAt(widgets, 'colour: red')).toContain('Valid values: `red`, `green`, `blue`.');
    // No reference page for a workspace CRD: no dead link.
    expect(hoverAt(widgets, 'colour: red')).not.toContain('docs ↗');
    const found = await validate(widgets);
    // int-or-string and x-kubernetes-preserve-unknown-fields accept what they should: the one error is `size: three`.
    expect(found.map((d) => [d.message, d.range.start.line])).toEqual([['Incorrect type. Expected "number".', 15]]);
  });

  it('flag a key the CRD schema does not have (the CRD is the cluster\'s own)', async () => {
    setWorkspaceCrdText(crdFile, crdText);
    const found = await validate('apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  size: 3\n  sise: 4\n');
    expect(found.map((d) => [d.message, d.range.start.line])).toEqual([['Property sise is not allowed.', 5]]);
  });

  it('follow the CRD when it changes, and are gone when it is removed', async () => {
    setWorkspaceCrdText(crdFile, crdText);
    setWorkspaceCrdText(crdFile, crdText.replace('type: integer', 'type: string'));
    expect((await validate(widgets)).map((d) => d.message)).toEqual(['Incorrect type. Expected "string".']);
    forgetWorkspaceCrds(crdFile);
    const found = await validate(widgets);
    expect(found.map((d) => d.code)).toEqual(['schema-unknown-kind', 'schema-unknown-kind']);
  });

  it('an unknown custom kind gets exactly one quiet hint that says how to get a schema', async () => {
    const found = await validate('apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 3}\n');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe(4);
    expect(found[0]!.message).toContain('add its CustomResourceDefinition to the workspace');
  });

  it('a broken schema gives one clear message on the CRD and no errors in its resources', async () => {
    const broken = crdText.replace(/ {16}size:\n {18}type: integer\n {18}description: How many parts the widget has.\n/, '                size: [integer]\n');
    const findings = lintFile(parseYaml(broken), { rules: [crdSchemaUnusable] });
    expect(findings.map((f) => f.message)).toEqual(['Not a schema (an object with type, properties, items, ...): Widget v1 fields here are not checked.']);
    setWorkspaceCrdText(crdFile, broken);
    const found = await validate(widgets);
    expect(found).toEqual([]);
  });

  it('a huge schema is read up to its limit, with one message, and what is past the limit is not flagged', async () => {
    const fields = Array.from({ length: MAX_CRD_FIELDS + 5 }, (_, i) => `                f${i}: {type: integer}`).join('\n');
    const huge = crdText.replace('                size:\n', `${fields}\n                size:\n`);
    const findings = lintFile(parseYaml(huge), { rules: [crdSchemaUnusable] });
    expect(findings.map((f) => f.message)).toEqual([`The schema of Widget has more than ${MAX_CRD_FIELDS} fields: only the first ${MAX_CRD_FIELDS} are described and checked.`]);
    setWorkspaceCrdText(crdFile, huge);
    const resource = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  f1: 1\n  size: 3\n  colour: red\n';
    expect(await validate(resource)).toEqual([]);
    expect(await validate(resource.replace('f1: 1', 'f1: one'))).toHaveLength(1);
  });

  it('two CRDs for one kind: the first file is used and both say so', () => {
    const other = path.join(fixtures, 'zz-widget-crd-copy.yaml');
    setWorkspaceCrdText(crdFile, crdText);
    setWorkspaceCrdText(other, crdText.replace('How many parts the widget has.', 'Copy.'));
    try {
      expect(hoverAt(widgets, 'size: 3')).toContain('How many parts the widget has.');
      const messages = lintFile(parseYaml(crdText), { rules: [crdSchemaUnusable] }).map((f) => f.message);
      expect(messages).toEqual([`example.com/Widget is defined by 2 CustomResourceDefinitions in the workspace (${crdFile}, ${other}); the first is used for its resources. Keep one.`]);
    } finally { forgetWorkspaceCrds(other); }
  });
});

describe('cnc lint with a CRD among its paths', () => {
  it('reports the schema error of the custom resource', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'dist/cli/cnc.js'), 'lint', fixtures, '--format', 'json'], { encoding: 'utf8' });
    const findings = (JSON.parse(run.stdout) as { files: { path: string; findings: { ruleId: string; message: string; range: { start: { line: number } } }[] }[] }).files
      .flatMap((f) => f.findings.map((x) => [path.basename(f.path), x.ruleId, x.message, x.range.start.line]));
    expect(findings).toEqual([['widgets.yaml', 'custom-resource-schema', 'Incorrect type. Expected "number".', 15]]);
    expect(run.status).toBe(1);
  });

  it('without the CRD, the resource is not schema-checked', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'dist/cli/cnc.js'), 'lint', widgetsFile], { encoding: 'utf8' });
    expect(run.stdout).toContain('0 findings');
    expect(run.status).toBe(0);
  });
});

/** `cnc serve --stdio` with a workspace folder holding the CRD: the server finds it and uses it. */
describe('cnc serve with a CRD in the workspace', () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-crds-'));
  fs.mkdirSync(path.join(workspace, 'crds'));
  fs.copyFileSync(crdFile, path.join(workspace, 'crds', 'widget-crd.yaml'));
  fs.copyFileSync(widgetsFile, path.join(workspace, 'widgets.yaml'));
  const uri = pathToFileURL(path.join(workspace, 'widgets.yaml')).toString();
  const child = spawn(process.execPath, [path.join(root, 'dist/cli/cnc.js'), 'serve', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let connection: MessageConnection;
  type Published = { uri: string; diagnostics: { code: string; message: string; range: { start: { line: number } } }[] };
  const published: Published[] = [];
  let notify: () => void = () => undefined;
  const schemaError = () => new Promise<Published>((resolve) => {
    const check = () => { const found = published.find((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'schema')); if (found) resolve(found); };
    notify = check;
    check();
  });

  beforeAll(async () => {
    connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onNotification('textDocument/publishDiagnostics', (p: Published) => { published.push(p); notify(); });
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: 'w' }] });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: widgets } });
  });

  afterAll(async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    child.kill();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('publishes the schema error for a wrong type', async () => {
    const { diagnostics } = await schemaError();
    expect(diagnostics.filter((d) => d.code === 'schema').map((d) => [d.message, d.range.start.line])).toEqual([['Incorrect type. Expected "number".', 15]]);
  });

  it('answers a hover with the description from the CRD', async () => {
    await schemaError();
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 3 } }) as { contents: { value: string } };
    expect(hover.contents.value).toContain('How many parts the widget has.');
  });
});
