import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { parseYaml } from '../../src/core/yaml/parseYaml';
import { createYamlSchemaService, SCHEMA_DIAGNOSTIC_SOURCE } from '../../src/server/yamlSchemaService';

const service = createYamlSchemaService();
let version = 0;
const doc = (text: string, name = 'manifest.yaml') => TextDocument.create(`file:///work/${name}`, 'yaml', ++version, text);
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

const deployment = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  '  creationTimestamp: null',
  'spec:',
  '  replicas: "3"',
  '  selector: {matchLabels: {app: web}}',
  '  strategy:',
  '    type: Rolling',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers:',
  '      - name: web',
  '        image: nginx:1.27',
  '        imagePullPolicy: Sometimes',
  '        resources:',
  '          limits: {cpu: 1, memory: 1Gi}',
  '        colour: blue',
  '',
].join('\n');

describe('yamlSchemaService.validate', () => {
  it('reports type errors, unknown fields and values outside an enum, where they are', async () => {
    const diagnostics = await service.validate(doc(deployment));
    const at = (needle: string) => diagnostics.filter((d) => d.range.start.line === lineOf(deployment, needle));
    expect(at('replicas: "3"')[0]?.message).toBe('Incorrect type. Expected "number".');
    expect(at('type: Rolling')[0]?.message).toMatch(/RollingUpdate.*Recreate/);
    expect(at('imagePullPolicy: Sometimes')[0]?.message).toMatch(/"Always", "IfNotPresent", "Never"/);
    expect(at('colour: blue')[0]?.message).toBe('Property colour is not allowed.');
    // Nothing else: `creationTimestamp: null`, quantities as numbers, flow style are all valid.
    expect(diagnostics).toHaveLength(4);
    for (const d of diagnostics) {
      expect(d.source).toBe(SCHEMA_DIAGNOSTIC_SOURCE);
      expect(d.severity).toBe(DiagnosticSeverity.Warning);
      expect(d.message).not.toMatch(/multiple schemas|null/);
    }
  });

  it('validates each document of a file against its own kind, with the right lines', async () => {
    const text = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: a}', 'data: {a: "1"}', '---', '# a comment', 'apiVersion: v1', 'kind: Service', 'metadata: {name: s}', 'spec:', '  type: NodePorts', '  ports: [{port: 80, targetPort: http}]', ''].join('\n');
    const diagnostics = await service.validate(doc(text));
    expect(diagnostics.map((d) => [d.range.start.line, d.message])).toEqual([[lineOf(text, 'type: NodePorts'), expect.stringMatching(/"ClusterIP", "NodePort"/)]]);
  });

  it('validates kind: List items against their own kinds', async () => {
    const text = ['apiVersion: v1', 'kind: List', 'items:', '- apiVersion: v1', '  kind: Pod', '  metadata: {name: p}', '  spec:', '    containers: [{name: a, image: x}]', '    restartPolicy: Sometimes', ''].join('\n');
    const diagnostics = await service.validate(doc(text));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.range.start.line).toBe(lineOf(text, 'restartPolicy'));
  });

  it('gives an unknown kind one quiet hint, not a cascade', async () => {
    const text = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  anything: [1, 2]\n';
    const diagnostics = await service.validate(doc(text));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: DiagnosticSeverity.Hint, code: 'schema-unknown-kind', range: { start: { line: 1 } } });
  });

  it('checks the main fields of the custom resources we document, and allows the rest', async () => {
    const text = ['apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata: {name: a}', 'spec:', '  project: default',
      '  source: {repoURL: https://example.com/repo.git, targetRevision: HEAD, path: app}', '  destination: {server: https://kubernetes.default.svc, namespace: app}',
      '  syncPolicy: {automated: {prune: "yes"}}', '  someNewField: 1', ''].join('\n');
    const diagnostics = await service.validate(doc(text));
    expect(diagnostics.map((d) => [d.range.start.line, d.message])).toEqual([[lineOf(text, 'syncPolicy'), 'Incorrect type. Expected "boolean".']]);
  });

  it('takes a kustomization.yaml without apiVersion and kind as a Kustomization', async () => {
    const text = 'resources:\n- deployment.yaml\nimages: nginx\n';
    expect((await service.validate(doc(text, 'kustomization.yaml'))).map((d) => d.range.start.line)).toEqual([2]);
    expect(await service.validate(doc(text, 'other.yaml'))).toEqual([]);
  });

  it('says nothing about Helm templates, Helm values, CI workflows or docker-compose files', async () => {
    const template = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  type: {{ .Values.service.type }}\n  bogus: 1\n';
    expect(await service.validate(doc(template, 'templates/service.yaml'))).toEqual([]);
    expect(await service.validate(doc('replicaCount: 1\nservice:\n  type: NodePorts\n', 'values.yaml'))).toEqual([]);
    expect(await service.validate(doc('on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n', '.github/workflows/ci.yml'))).toEqual([]);
    expect(await service.validate(doc("services:\n  web:\n    image: nginx\n    ports: ['80:80']\n", 'docker-compose.yml'))).toEqual([]);
  });

  it('never fetches a schema, even one a modeline asks for', async () => {
    const text = '# yaml-language-server: $schema=https://example.com/schema.json\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n';
    expect(await service.validate(doc(text))).toEqual([]);
  });

  it('after an edit, validates only the document that changed', async () => {
    const other = createYamlSchemaService();
    const parts = ['apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {a: "1"}\n', 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: ClusterIP}\n', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n'];
    await other.validate(doc(parts.join('---\n')));
    expect(other.validatedDocuments).toBe(3);
    const edited = [parts[0], parts[1]!.replace('ClusterIP', 'Cluster'), parts[2]].join('---\n');
    const diagnostics = await other.validate(doc(edited));
    expect(other.validatedDocuments).toBe(4);
    expect(diagnostics.map((d) => d.range.start.line)).toEqual([lineOf(edited, 'type: Cluster}')]);
    // Growing the first document moves the others: they keep their diagnostics, at their new lines.
    const moved = edited.replace('data: {a: "1"}\n', 'data:\n  a: "1"\n  b: "2"\n');
    expect((await other.validate(doc(moved))).map((d) => d.range.start.line)).toEqual([lineOf(moved, 'type: Cluster}')]);
    expect(other.validatedDocuments).toBe(5);
  });

  it('skips schema validation of a huge document with a hint', async () => {
    const small = createYamlSchemaService({ maxDocumentChars: 100 });
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n${Array.from({ length: 20 }, (_, i) => `  k${i}: v`).join('\n')}\n`;
    expect(await small.validate(doc(text))).toMatchObject([{ code: 'schema-skipped', severity: DiagnosticSeverity.Hint }]);
  });

  it('survives malformed YAML without schema noise (syntax errors are the parser\'s to report)', async () => {
    const diagnostics = await service.validate(doc('apiVersion: v1\nkind: Pod\nmetadata: {name: [\n  : :\n'));
    for (const d of diagnostics) expect(d.source).toBe(SCHEMA_DIAGNOSTIC_SOURCE);
  });
});

describe('yamlSchemaService.complete', () => {
  it('completes keys of the object under the cursor, with the API description', async () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ty\n';
    const list = await service.complete(doc(text), { line: 4, character: 4 });
    const type = list.items.find((i) => i.label === 'type');
    expect(String(type!.documentation ?? '')).toMatch(/how the Service is exposed/);
    expect(list.items.map((i) => i.label)).toContain('selector');
    expect(list.items.map((i) => i.label)).not.toContain('containers');
  });

  it('completes enum values, without null, in a later document of the file', async () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: \n';
    const list = await service.complete(doc(text), { line: 8, character: 8 });
    expect(list.items.map((i) => i.label)).toEqual(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);
    const edit = list.items[0]!.textEdit;
    expect(edit && 'range' in edit ? edit.range.start.line : -1).toBe(8);
  });

  it('offers nothing outside Kubernetes documents', async () => {
    expect((await service.complete(doc('replicaCount: 1\nim\n', 'values.yaml'), { line: 1, character: 2 })).items).toEqual([]);
  });
});

describe('yamlSchemaService.validate, as the server calls it', () => {
  it('reuses the server\'s parse of the same text and stops when the version is superseded', async () => {
    const fresh = createYamlSchemaService();
    const text = ['apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {type: Nodeport}\n', 'apiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec: {type: Nodeport}\n'].join('---\n');
    expect(await fresh.validate(doc(text), { parsed: parseYaml(text) })).toHaveLength(2);
    const edited = text.replace(/Nodeport/g, 'LoadBalancr');
    expect(await fresh.validate(doc(edited), { cancelled: () => true })).toEqual([]);
    expect(fresh.validatedDocuments).toBe(2);
  });
});
