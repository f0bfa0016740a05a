import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartRootOf, definesOf, isChartTemplate, loadChart } from '../../src/core/helm/chart';
import { maskTemplate, templateActions } from '../../src/core/helm/templateActions';
import { templateDefinition, templateHover, templateProblems, valuesCompletion, valuesReferences } from '../../src/core/helm/templateFeatures';
import { yamlHover } from '../../src/core/hover/hover';
import { loadBundledKnowledge } from '../../src/core/knowledge/bundle';
import { lintFile } from '../../src/core/lint/lint';
import { ALL_RULES } from '../../src/core/rules';
import { field } from '../../src/core/rules/support/values';
import { templateObjects } from '../../src/core/yaml/manifestObjects';
import { parseYaml } from '../../src/core/yaml/parseYaml';

const kb = loadBundledKnowledge(path.resolve(__dirname, '..', '..'));
/** kube-linter's test chart with a _helpers.tpl of ours (fixtures/helm/SOURCES.md). */
const chartDir = path.join(__dirname, 'fixtures', 'helm', 'mychart');
const templatesDir = path.join(chartDir, 'templates');
const templateFiles = fs.readdirSync(templatesDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).map((f) => path.join(templatesDir, f));
const deploymentFile = path.join(templatesDir, 'deployment.yaml');
const deployment = fs.readFileSync(deploymentFile, 'utf8');

describe('Go-template actions', () => {
  it('finds every action with its span, trim markers and keyword, past strings and comments holding braces', () => {
    const text = '{{- if .Values.a }}\nx: {{ printf "}}" | quote -}}\n{{/* a }} comment */}}\n{{ $v := `}}` }}\n{{- end }}';
    const { actions, problems } = templateActions(text);
    expect(problems).toEqual([]);
    expect(actions.map((a) => [text.slice(a.span.start, a.span.end), a.keyword])).toEqual([
      ['{{- if .Values.a }}', 'if'],
      ['{{ printf "}}" | quote -}}', 'output'],
      ['{{/* a }} comment */}}', 'comment'],
      ['{{ $v := `}}` }}', 'assignment'],
      ['{{- end }}', 'end'],
    ]);
    expect(text.slice(actions[1]!.inner.start, actions[1]!.inner.end)).toBe(' printf "}}" | quote ');
  });

  it('reports an unclosed {{ once, where it is, and nothing after it', () => {
    const text = 'a: {{ .Values.a }}\nb: {{ .Values.b\nc: {{ .Values.c }}\n';
    const { actions, problems } = templateActions(text);
    expect(actions).toHaveLength(1);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.span).toEqual({ start: text.indexOf('{{ .Values.b'), end: text.indexOf('{{ .Values.b') + 2 });
  });

  it('masks actions into text of the same length that keeps every key where it was', () => {
    const { masked, placeholders } = maskTemplate(deployment, templateActions(deployment).actions);
    expect(masked).toHaveLength(deployment.length);
    expect(masked.split('\n').map((l) => l.length)).toEqual(deployment.split('\n').map((l) => l.length));
    for (const key of ['apiVersion:', 'replicas:', 'containers:', 'livenessProbe:', 'resources:']) expect(masked.indexOf(key)).toBe(deployment.indexOf(key));
    expect(masked).not.toContain('{{');
    // Control lines are blanked; values are placeholders.
    expect(masked.slice(deployment.indexOf('{{- if not'), deployment.indexOf('{{- if not') + 10).trim()).toBe('');
    expect(placeholders.some((p) => p.start === deployment.indexOf('{{ .Values.replicaCount }}'))).toBe(true);
  });
});

describe('Helm templates as YAML', () => {
  it('reports no YAML syntax problem on any template of the chart, and runs no rule on them', () => {
    for (const file of templateFiles) {
      const parsed = parseYaml(fs.readFileSync(file, 'utf8'), { chartTemplate: true });
      expect(parsed.problems, file).toEqual([]);
      expect(parsed.documents.every((d) => d.isTemplate), file).toBe(true);
      expect(lintFile(parsed, { rules: ALL_RULES }), file).toEqual([]);
    }
  });

  it('takes every document with {{ in a chart template as a template: Helm renders quoted strings and comments too', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "{{ $name }}"\nspec:\n  containers:\n    - name: app\n      image: "{{ $image }}"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: static\n';
    const outside = parseYaml(text);
    expect(outside.documents.map((d) => d.isTemplate)).toEqual([false, false]);
    const inChart = parseYaml(text, { chartTemplate: true });
    expect(inChart.documents.map((d) => d.isTemplate)).toEqual([true, false]);
    expect(inChart.objects.map((o) => o.kind)).toEqual(['ConfigMap']);
    // The plain parse of the same text is not reused for the chart's (and the other way round).
    expect(parseYaml(text).documents[0]!.isTemplate).toBe(false);
    expect(isChartTemplate(deploymentFile)).toBe(true);
    expect(isChartTemplate(path.join(chartDir, 'values.yaml'))).toBe(false);
  });

  it('keeps the literal YAML with its offsets, and values written by actions unknown', () => {
    const file = parseYaml(deployment);
    const [object] = templateObjects(file);
    expect(object?.kind).toBe('Deployment');
    expect(field(object!.root, 'spec', 'replicas')).toEqual({ state: 'unknown' });
    expect(field(object!.root, 'metadata', 'labels')).toEqual({ state: 'unknown' });
    const probe = field(object!.root, 'spec', 'template', 'spec', 'containers');
    expect(probe.state).toBe('present');
    const container = probe.state === 'present' && probe.node.kind === 'list' ? probe.node.items[0] : undefined;
    expect(field(container, 'resources')).toEqual({ state: 'unknown' });
    expect(field(container, 'image')).toEqual({ state: 'unknown' });
    const path = field(container, 'livenessProbe', 'httpGet', 'path');
    expect(path.state === 'present' && deployment.slice(path.node.span.start, path.node.span.end)).toBe('/');
  });

  it('gives an unclosed {{ one error diagnostic at its place, and no YAML error', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name\ndata:\n  a: "{{ .Values.a }}"\n';
    const file = parseYaml(text);
    expect(file.problems).toEqual([{ message: expect.stringContaining('never closed') as string, span: { start: text.indexOf('{{'), end: text.indexOf('{{') + 2 }, severity: 'error' }]);
  });

  it('hovers on every literal key of a template with the API description and the concept', () => {
    const file = parseYaml(deployment);
    const replicas = yamlHover(file, deployment.indexOf('replicas:') + 2, kb)!;
    expect(replicas.field?.path).toBe('Deployment.spec.replicas');
    expect(replicas.markdown).toContain(replicas.field!.description.slice(0, 40));
    const probe = yamlHover(file, deployment.indexOf('livenessProbe:') + 2, kb)!;
    expect(probe.concepts.map((c) => c.noteId)).toContain('liveness-probe');
    const kind = yamlHover(file, deployment.indexOf('Deployment') + 2, kb)!;
    expect(kind.concepts[0]?.noteId).toBe('deployment');
  });
});

describe('chart values and named templates', () => {
  const chart = loadChart(chartDir);
  const at = (needle: string, within = 0) => deployment.indexOf(needle) + within;

  it('finds the chart of a template by Chart.yaml, and the named templates of templates/', () => {
    expect(chartRootOf(deploymentFile)).toBe(chartDir);
    expect(chartRootOf(path.join(chartDir, 'values.yaml'))).toBeUndefined();
    expect([...chart.defines.keys()].sort()).toEqual(['mychart.fullname', 'mychart.labels', 'mychart.name', 'mychart.selectorLabels', 'mychart.serviceAccountName']);
    expect(definesOf('{{ define "a" }}x{{ end }}{{- block "b" . }}{{ end }}').map((d) => d.name)).toEqual(['a', 'b']);
  });

  it('hovers on .Values paths with the default, the comment above it and the schema entry', () => {
    const tag = templateHover(chart, deployment, at('.Values.image.tag', '.Values.image.t'.length))!;
    expect(tag.markdown).toContain('`.Values.image.tag`');
    expect(tag.markdown).toContain('tag: ""');
    expect(tag.markdown).toContain("Overrides the image tag whose default is the chart appVersion.");
    expect(tag.markdown).toContain('The image tag; empty means the chart');
    expect(deployment.slice(tag.span.start, tag.span.end)).toBe('.Values.image.tag');
    // On `image` of `.Values.image.tag`: the map `image`.
    const image = templateHover(chart, deployment, at('.Values.image.tag', '.Values.im'.length))!;
    expect(image.markdown).toContain('repository: nginx');
    const replicas = templateHover(chart, deployment, at('.Values.replicaCount', 9))!;
    expect(replicas.markdown).toContain('replicaCount: 1');
    expect(replicas.markdown).toContain('`integer`');
  });

  it('says when a value is not in values.yaml, and when values.yaml does not parse', () => {
    const text = 'a: {{ .Values.nowhere.to.be.found }}\n';
    expect(templateHover(chart, text, text.indexOf('nowhere'))!.markdown).toContain('Not set in `values.yaml`');
    const broken = { ...chart, values: { ...chart.values!, ...brokenValues() } };
    expect(templateHover(broken, text, text.indexOf('nowhere'))!.markdown).toMatch(/`values.yaml` does not parse \(line \d+: Flow sequence/);
  });

  it('goes to the definition of a value in values.yaml and of a named template in _helpers.tpl', () => {
    const tag = templateDefinition(chart, deployment, at('.Values.image.pullPolicy', '.Values.image.p'.length))!;
    expect(tag.path).toBe(path.join(chartDir, 'values.yaml'));
    expect(tag.text.slice(tag.span.start, tag.span.end)).toBe('pullPolicy');
    const named = templateDefinition(chart, deployment, at('"mychart.fullname"', 3))!;
    expect(path.basename(named.path)).toBe('_helpers.tpl');
    expect(named.text.slice(named.span.start, named.span.end)).toBe('"mychart.fullname"');
    expect(templateHover(chart, deployment, at('"mychart.fullname"', 3))!.markdown).toContain('A fully qualified app name');
  });

  it('completes .Values paths, in a closed action and in one still being typed', () => {
    const text = 'a: {{ .Values.image. }}\nb: {{ .Values.ser';
    const keys = valuesCompletion(chart, text, text.indexOf('. }}') + 1)!;
    expect(keys.map((k) => k.label)).toEqual(['repository', 'pullPolicy', 'tag']);
    expect(keys.find((k) => k.label === 'tag')!.documentation).toBe('Overrides the image tag whose default is the chart appVersion.');
    const top = valuesCompletion(chart, text, text.length)!;
    expect(top.map((k) => k.label)).toContain('serviceAccount');
    expect(top[0]!.replace).toEqual({ start: text.length - 3, end: text.length });
    expect(valuesCompletion(chart, 'a: .Values.', 11)).toBeUndefined();
  });

  it('finds every template that uses a value of values.yaml, through its parents too', () => {
    const valuesText = chart.values!.file.text;
    const where = (refs: { path: string; text: string; span: { start: number; end: number } }[]) => refs.map((r) => `${path.relative(templatesDir, r.path)}:${r.text.slice(r.span.start, r.span.end)}`);
    expect(where(valuesReferences(chart, valuesText.indexOf('pullPolicy:') + 2))).toEqual(['deployment.yaml:.Values.image.pullPolicy']);
    expect(where(valuesReferences(chart, valuesText.indexOf('service:') + 2)).sort()).toEqual([
      'ingress.yaml:.Values.service.port', 'service.yaml:.Values.service.port', 'service.yaml:.Values.service.type', 'tests/test-connection.yaml:.Values.service.port',
    ]);
    expect(valuesReferences(chart, valuesText.indexOf('IfNotPresent'))).toEqual([]);
  });

  it('reports include of a name no template defines, and nothing on the chart as written', () => {
    for (const file of templateFiles) expect(templateProblems(chart, fs.readFileSync(file, 'utf8')), file).toEqual([]);
    const text = 'a: {{ include "mychart.fulname" . }}\n';
    const problems = templateProblems(chart, text);
    expect(problems).toHaveLength(1);
    expect(text.slice(problems[0]!.span.start, problems[0]!.span.end)).toBe('"mychart.fulname"');
  });
});

function brokenValues() {
  const file = parseYaml('a: 1\nb: [unclosed\n');
  return { file, root: undefined };
}

describe('cnc lint on a chart', () => {
  const cnc = (...args: string[]) => spawnSync(process.execPath, [path.join(__dirname, '..', '..', 'dist/cli/cnc.js'), ...args], { encoding: 'utf8' });

  it('reports nothing on the chart as written, and one error for an unclosed {{', () => {
    const clean = cnc('lint', chartDir, '--format', 'json');
    expect(clean.status).toBe(0);
    const report = JSON.parse(clean.stdout) as { files: { path: string; findings: unknown[] }[] };
    expect(report.files.length).toBeGreaterThan(templateFiles.length);
    expect(report.files.flatMap((f) => f.findings)).toEqual([]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-helm-'));
    try {
      fs.mkdirSync(path.join(dir, 'templates'));
      fs.writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: broken\nversion: 0.1.0\n');
      // Quoted `{{ $name }}` alone makes a template only in a chart: Helm renders it.
      fs.writeFileSync(path.join(dir, 'templates', 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "{{ $name }}"\nspec:\n  containers:\n    - name: app\n      image: "{{ $image }}"\n');
      fs.writeFileSync(path.join(dir, 'templates', 'bad.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.x\ndata:\n  a: b: c\n');
      const broken = cnc('lint', dir);
      expect(broken.status).toBe(1);
      expect(broken.stdout.trim().split('\n')).toEqual([
        `${path.join(dir, 'templates', 'bad.yaml')}:4:9: error: This \`{{\` is never closed by \`}}\`: the rest of the template cannot be read. [syntax] (not checked)`,
        '0 findings in 3 files (1 syntax error).',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
