import { describe, expect, it } from 'vitest';
import { at, scalarString } from '../../src/core/model/tree';
import { containersOf } from '../../src/core/model/podSpecs';
import { parseYaml } from '../../src/core/yaml/parseYaml';

describe('parseYaml', () => {
  it('finds one object per Kubernetes document, with source spans', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n# comment\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: b\n';
    const file = parseYaml(text);
    expect(file.objects.map((o) => o.address)).toEqual(['ConfigMap/a', 'Deployment/b']);
    const b = file.objects[1]!;
    expect(b.documentIndex).toBe(1);
    expect(text.slice(b.root.span.start, b.root.span.end)).toContain('kind: Deployment');
  });

  it('expands kind: List items into objects', () => {
    const file = parseYaml('apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: s}\n');
    expect(file.objects.map((o) => o.address)).toEqual(['Pod/p', 'Service/s']);
  });

  it('resolves anchors and merge keys, explicit keys winning', () => {
    const file = parseYaml([
      'apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:',
      '  - &base {name: a, image: "nginx:1", imagePullPolicy: Always}',
      '  - <<: *base', '    name: b',
    ].join('\n'));
    const containers = containersOf(file.objects[0]!);
    expect(containers.map((c) => c.name)).toEqual(['a', 'b']);
    expect(scalarString(at(containers[1]!.container, 'image'))).toBe('nginx:1');
  });

  it('leaves Helm templates alone: no objects, no syntax errors', () => {
    const file = parseYaml('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n');
    expect(file.documents[0]!.isTemplate).toBe(true);
    expect(file.objects).toEqual([]);
    expect(file.problems).toEqual([]);
  });

  it('never claims YAML that is not Kubernetes', () => {
    expect(parseYaml('services:\n  web:\n    image: nginx:latest\n').objects).toEqual([]);
    expect(parseYaml('on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n').objects).toEqual([]);
  });

  it('reports malformed YAML as problems with positions instead of throwing', () => {
    const file = parseYaml('apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n');
    // At the end of the text (offset 53), where the unclosed flow sequence should have ended.
    expect(file.problems).toEqual([{ severity: 'error', message: 'Flow sequence in block collection must be sufficiently indented and end with a ]', span: { start: 53, end: 53 } }]);
  });

  it('survives an alias bomb without expanding it', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`);
    const file = parseYaml(['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: bomb}', 'data:', ...lines.map((l) => '  ' + l)].join('\n'));
    expect(file.objects).toEqual([]);
    expect(file.problems.some((p) => /not analysed/.test(p.message))).toBe(true);
  });
});
