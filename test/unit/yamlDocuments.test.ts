import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { at, scalarString, type ValueNode } from '../../src/core/model/tree';
import { splitDocuments } from '../../src/core/yaml/documentChunks';
import { manifestObjects } from '../../src/core/yaml/manifestObjects';
import { parseYaml } from '../../src/core/yaml/parseYaml';

const documentRanges = (text: string) => {
  const docs = parseAllDocuments(text);
  return (Array.isArray(docs) ? docs : []).map((d) => [d.range[0], d.range[2]]);
};

describe('splitDocuments', () => {
  const cases: Record<string, string> = {
    'leading comments and a directive': '# intro\n%YAML 1.2\n---\napiVersion: v1\nkind: A\n---\napiVersion: v1\nkind: B\n',
    'no markers': 'apiVersion: v1\nkind: A\n',
    'empty documents and comments only': '---\n# only a comment\n---\n---\na: 1\n',
    'markers followed by content and CRLF': '--- # first\r\na: 1\r\n--- !!map\r\nb: 2\r\n',
    'document end marker': 'a: 1\n...\n---\nb: 2\n',
    'block scalar holding dashes': 'a: |\n  --- not a marker (indented)\n  x\n---\nb: 2\n',
    'a line that only starts with dashes': '----\n---x: 1\n',
    'empty text': '',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`parses to the same documents as the whole stream: ${name}`, () => {
      expect(parseYaml(text).documents.map((d) => [d.span.start, d.span.end])).toEqual(documentRanges(text));
    });
  }

  it('cuts at --- lines only, with the line each piece starts on', () => {
    const chunks = splitDocuments('a: 1\n---\nb: 2\n--- \nc: 3');
    expect(chunks.map((c) => [c.text, c.line])).toEqual([['a: 1\n', 0], ['---\nb: 2\n', 1], ['--- \nc: 3', 3]]);
  });
});

describe('parseYaml, document by document', () => {
  const docs = ['apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: v}\n', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: ClusterIP\n', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n'];
  const text = docs.join('---\n');

  it('re-parses only the document an edit changed, and moves the others', () => {
    const before = parseYaml(text);
    const edited = text.replace('name: s\n', 'name: service-with-a-longer-name\n');
    const after = parseYaml(edited);
    // The first document is untouched and in place: the very same parse. The second is new. The third only moved.
    expect(after.documents[0]!.doc).toBe(before.documents[0]!.doc);
    expect(after.documents[1]!.doc).not.toBe(before.documents[1]!.doc);
    expect(after.documents[2]!.doc).toBe(before.documents[2]!.doc);
    // ... with every span in file offsets of the new text.
    const ns = after.objects.find((o) => o.kind === 'Namespace')!;
    const nameNode = at(ns.root, 'metadata', 'name')!;
    expect(edited.slice(nameNode.span.start, nameNode.span.end)).toBe('n');
    expect(edited.slice(ns.span.start, ns.span.end)).toBe(`---\n${docs[2]}`);
    expect(after.documents[2]!.offset).toBe(edited.lastIndexOf('---\n'));
  });

  it('keeps spans right through anchors, merge keys and flow style after moving', () => {
    const body = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p, labels: {app: x}}', 'spec:', '  containers:', '  - &base {name: a, image: "nginx:1"}', '  - <<: *base', '    name: b', ''].join('\n');
    parseYaml(body);
    const moved = `apiVersion: v1\nkind: Namespace\nmetadata: {name: first}\n---\n${body}`;
    const pod = parseYaml(moved).objects[1]!;
    const containers = at(pod.root, 'spec', 'containers');
    const images = (containers?.kind === 'list' ? containers.items : []).map((c: ValueNode) => at(c, 'image')!);
    expect(images.map((i) => moved.slice(i.span.start, i.span.end))).toEqual(['"nginx:1"', '"nginx:1"']);
    expect(scalarString(at(pod.root, 'metadata', 'labels', 'app'))).toBe('x');
  });

  it('recognises Helm templates and leaves them alone, but not data that only contains {{ }}', () => {
    const file = parseYaml([
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "x.fullname" . }}\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: notifications}\ndata:\n  template: |\n    {{if eq .app.status "Healthy"}}ok{{end}}\n  subject: "App {{.app.metadata.name}} synced"\n',
      '{{- if .Values.enabled }}\napiVersion: v1\nkind: Secret\n{{- end }}\n',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p  # {{ not a template }}\n',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "{{ .Release.Name }}"\n',
    ].join('---\n'));
    expect(file.documents.map((d) => d.isTemplate)).toEqual([true, false, true, false, true]);
    expect(file.problems).toEqual([]);
    expect(file.objects.map((o) => o.address)).toEqual(['ConfigMap/notifications', 'Pod/p']);
  });

  it('claims only documents with a Kubernetes apiVersion and kind', () => {
    const file = parseYaml('name: ci\non: push\n---\nversion: "3"\nservices: {web: {image: nginx}}\n---\napiVersion: 2\nkind: thing\n---\napiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Pod, metadata: {name: a}}\n');
    expect(file.objects.map((o) => o.address)).toEqual(['Pod/a']);
  });

  it('takes a kustomization.yaml without a header as the Kustomization it is', () => {
    const file = parseYaml('resources:\n- a.yaml\nnamePrefix: dev-\n');
    expect(file.objects).toEqual([]);
    expect(manifestObjects(file, 'overlays/dev/kustomization.yaml').map((o) => [o.apiVersion, o.kind])).toEqual([['kustomize.config.k8s.io/v1beta1', 'Kustomization']]);
    expect(manifestObjects(file, 'overlays/dev/values.yaml')).toEqual([]);
  });
});
