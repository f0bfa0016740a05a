import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config/config';
import { applyEdits, fixesFor, lintFile, lintFileDetailed } from '../../src/core/lint/lint';
import { configurableIds } from '../../src/core/lint/ruleSettings';
import { suppressionEdit } from '../../src/core/lint/suppression';
import { ALL_RULES } from '../../src/core/rules';
import type { Finding } from '../../src/core/rules/rule';
import { parseTerraform } from '../../src/core/terraform/parseTerraform';
import { initTerraform } from '../../src/core/terraform/runtime';
import { parseYaml } from '../../src/core/yaml/parseYaml';

const root = path.resolve(__dirname, '..', '..');
beforeAll(() => initTerraform({ packageRoot: root }));

const ids = (findings: Finding[]) => findings.map((f) => f.ruleId).sort();
const rule = (id: string) => ALL_RULES.filter((r) => r.id === id);

/** A Deployment whose only container is privileged (one `privileged-container` finding, on the `true`). */
const privileged = (extra = '', commentAbovePrivileged = '') => [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  extra,
  'spec:',
  '  selector: { matchLabels: { app: web } }',
  '  template:',
  '    metadata: { labels: { app: web } }',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27.3',
  '          securityContext:',
  commentAbovePrivileged,
  '            privileged: true',
].filter((l) => l !== '').join('\n');

describe('lintFile: rule selection and severities', () => {
  it('runs rules that are on by default, all of them with allRules, and none the config turns off', () => {
    const file = parseYaml(privileged());
    const byDefault = ids(lintFile(file, { rules: ALL_RULES }));
    expect(byDefault).toContain('privileged-container');
    expect(byDefault).not.toContain('cpu-limit-missing');
    expect(ids(lintFile(file, { rules: ALL_RULES, allRules: true }))).toContain('cpu-limit-missing');
    const { config } = parseConfig('rules:\n  privileged-container: off\n  cpu-limit-missing: error\n', configurableIds(ALL_RULES));
    const configured = lintFile(file, { rules: ALL_RULES, allRules: true, config });
    expect(ids(configured)).not.toContain('privileged-container');
    expect(configured.find((f) => f.ruleId === 'cpu-limit-missing')?.severity).toBe('error');
  });

  it('tells which container a finding is about', () => {
    const [finding] = lintFile(parseYaml(privileged()), { rules: rule('privileged-container') });
    expect(finding).toMatchObject({ container: 'web', object: { address: 'Deployment/web', kind: 'Deployment' } });
  });

  it('uses the target Kubernetes version from the options, else the config, else 1.30', () => {
    const text = 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata: { name: fs }\nspec: {}\n';
    const file = parseYaml(text);
    const rules = ALL_RULES.filter((r) => r.id.startsWith('api-version-'));
    expect(ids(lintFile(file, { rules }))).toEqual(['api-version-deprecated']);
    expect(ids(lintFile(file, { rules, kubernetesVersion: '1.32' }))).toEqual(['api-version-removed']);
    expect(ids(lintFile(file, { rules, kubernetesVersion: '1.28' }))).toEqual([]);
    const { config } = parseConfig('kubernetesVersion: 1.33\n', configurableIds(ALL_RULES));
    expect(ids(lintFile(file, { rules, config }))).toEqual(['api-version-removed']);
  });

  it('reports a rule that throws as a finding instead of failing', () => {
    const broken = { ...ALL_RULES[0]!, id: 'broken', check: () => { throw new Error('boom'); } };
    const [finding] = lintFile(parseYaml(privileged()), { rules: [broken] });
    expect(finding!.message).toMatch(/Rule broken failed on this object: boom/);
  });
});

describe('lintFile: objects of other files', () => {
  const service = 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  selector: { app: web }\n  ports: [{ port: 80 }]\n';
  const deployment = (app: string) => privileged().replace(/app: web/g, `app: ${app}`);

  it('sees workspace objects for cross-object rules but reports only on the file itself', () => {
    const file = parseYaml(service);
    const rules = rule('service-selector-matches-nothing');
    // Alone, the Service cannot be judged: its Pods may be anywhere.
    expect(lintFile(file, { rules })).toEqual([]);
    const other = parseYaml(deployment('api'));
    const findings = lintFile(file, { rules, workspaceObjects: other.objects });
    expect(findings.map((f) => f.object.address)).toEqual(['Service/web']);
    expect(lintFile(file, { rules, workspaceObjects: parseYaml(deployment('web')).objects })).toEqual([]);
    // The other file's own problems are not reported here.
    expect(lintFile(file, { rules: ALL_RULES, workspaceObjects: other.objects }).every((f) => f.object.address === 'Service/web')).toBe(true);
  });

  it('passes the same objects to fixes', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: { name: a }\nspec:\n  containers:\n  - name: a\n    image: nginx\n';
    const file = parseYaml(text);
    const other = parseYaml('apiVersion: v1\nkind: Pod\nmetadata: { name: b }\nspec:\n  containers:\n  - name: b\n    image: nginx:1.27.3\n');
    const [finding] = lintFile(file, { rules: rule('image-tag-not-pinned') });
    const fixes = fixesFor(finding!, file, ALL_RULES, { workspaceObjects: other.objects });
    expect(fixes[0]!.title).toBe('Pin image to nginx:1.27.3 (used by Pod/b)');
    expect(applyEdits(text, fixes[0]!.edits)).toContain('image: nginx:1.27.3');
  });
});

describe('suppressions', () => {
  const run = (text: string, options: Parameters<typeof lintFileDetailed>[1] = { rules: ALL_RULES }) => lintFileDetailed(parseYaml(text), options);

  it('hides a finding with a comment on the line above, and reports a missing reason', () => {
    const withReason = run(privileged('', '            # cnc-disable-next-line privileged-container -- loads a kernel module at start'), { rules: rule('privileged-container') });
    expect(withReason.findings).toEqual([]);
    expect(withReason.suppressed.map((s) => [s.finding.ruleId, s.by])).toEqual([['privileged-container', 'comment']]);
    const withoutReason = run(privileged('', '            # cnc-disable-next-line privileged-container'), { rules: rule('privileged-container') });
    expect(ids(withoutReason.findings)).toEqual(['suppression-reason-missing']);
    expect(withoutReason.findings[0]!.severity).toBe('info');
  });

  it('only covers the rules it names and the next line of code', () => {
    // Findings about the container as a whole point at its name; the comment above the name covers those only.
    const text = privileged().replace('        - name: web', '        # cnc-disable-next-line writable-root-filesystem, privileged-container -- reviewed\n        - name: web');
    const result = run(text, { rules: ALL_RULES });
    expect(ids(result.findings)).toContain('privileged-container');
    expect(ids(result.findings)).not.toContain('writable-root-filesystem');
    expect(ids(result.suppressed.map((s) => s.finding))).toEqual(['writable-root-filesystem']);
  });

  it('hides findings of a whole document with a comment at its top', () => {
    const text = `# cnc-disable privileged-container, run-as-root-allowed -- node agent, reviewed\n${privileged()}\n---\n${privileged().replace('name: web\n', 'name: other\n')}`;
    const result = run(text);
    const left = result.findings.filter((f) => f.ruleId === 'privileged-container');
    expect(left.map((f) => f.object.address)).toEqual(['Deployment/other']);
    expect(result.suppressed.filter((s) => s.finding.object.address === 'Deployment/web').map((s) => s.finding.ruleId).sort()).toEqual(['privileged-container', 'run-as-root-allowed']);
  });

  it('hides findings of an object with the cnc.dev/ignore annotation, on the object or its Pod template', () => {
    const onObject = run(privileged('  annotations:\n    cnc.dev/ignore: "privileged-container -- needs /dev access"'), { rules: rule('privileged-container') });
    expect(onObject.findings).toEqual([]);
    const onTemplate = privileged().replace("metadata: { labels: { app: web } }", "metadata:\n      labels: { app: web }\n      annotations: { cnc.dev/ignore: privileged-container }");
    const result = run(onTemplate, { rules: rule('privileged-container') });
    expect(ids(result.findings)).toEqual(['suppression-reason-missing']);
    expect(result.suppressed).toHaveLength(1);
  });

  it("honours other tools' annotations through the rules' equivalents", () => {
    const kubeScore = run(privileged('  annotations:\n    kube-score/ignore: container-security-context-privileged'), { rules: rule('privileged-container') });
    expect(kubeScore.findings).toEqual([]);
    const kubeLinter = run(privileged('  annotations:\n    ignore-check.kube-linter.io/privileged-container: "needs devices"'), { rules: rule('privileged-container') });
    expect(kubeLinter.findings).toEqual([]);
    const checkov = run(privileged('  annotations:\n    checkov.io/skip1: CKV_K8S_16=needs devices'), { rules: rule('privileged-container') });
    expect(checkov.findings).toEqual([]);
  });

  it('reports unknown rule ids in suppressions', () => {
    const result = run(privileged('', '            # cnc-disable-next-line privileged-containers -- typo'), { rules: rule('privileged-container') });
    expect(ids(result.findings)).toEqual(['privileged-container', 'suppression-unknown-rule']);
    expect(result.findings.find((f) => f.ruleId === 'suppression-unknown-rule')!.message).toContain('"privileged-containers"');
  });

  it('applies ignore entries of the config by rule, object and file', () => {
    const known = configurableIds(ALL_RULES);
    const text = privileged();
    const entry = (extra: string) => parseConfig(`ignore:\n  - rules: [privileged-container]\n${extra}    reason: reviewed\n`, known).config;
    const options = (extra: string, p?: string) => ({ rules: rule('privileged-container'), config: entry(extra), path: p });
    expect(run(text, options('')).findings).toEqual([]);
    expect(run(text, options('    objects: ["Deployment/*"]\n')).findings).toEqual([]);
    expect(run(text, options('    objects: ["DaemonSet/*"]\n')).findings).toHaveLength(1);
    expect(run(text, options('    files: ["agents/**"]\n', 'agents/node/web.yaml')).findings).toEqual([]);
    expect(run(text, options('    files: ["agents/**"]\n', 'apps/web.yaml')).findings).toHaveLength(1);
    expect(run(text, options('')).suppressed[0]!.by).toBe('config');
  });

  it('lets the config turn the notices about suppressions off', () => {
    const { config } = parseConfig('rules:\n  suppression-reason-missing: off\n', configurableIds(ALL_RULES));
    const result = run(privileged('', '            # cnc-disable-next-line privileged-container'), { rules: rule('privileged-container'), config });
    expect(result.findings).toEqual([]);
  });

  it('offers an edit that adds a suppression comment above the finding, which then hides it', () => {
    const text = privileged();
    const file = parseYaml(text);
    const [finding] = lintFile(file, { rules: rule('privileged-container') });
    const edited = applyEdits(text, [suppressionEdit(finding!, text, file.lines, 'needs devices')]);
    expect(edited).toContain('            # cnc-disable-next-line privileged-container -- needs devices\n            privileged: true');
    expect(lintFile(parseYaml(edited), { rules: rule('privileged-container') })).toEqual([]);
  });

  it('reads the same comments in Terraform files, per block', () => {
    const tf = [
      '# cnc-disable privileged-container -- reviewed',
      'resource "kubernetes_pod" "a" {',
      '  metadata { name = "a" }',
      '  spec {',
      '    container {',
      '      name  = "a"',
      '      image = "nginx:1.27.3"',
      '      security_context { privileged = true }',
      '    }',
      '  }',
      '}',
      'resource "kubernetes_pod" "b" {',
      '  metadata { name = "b" }',
      '  spec {',
      '    container {',
      '      name  = "b"',
      '      image = "nginx:1.27.3"',
      '      # cnc-disable-next-line privileged-container',
      '      security_context { privileged = true }',
      '    }',
      '  }',
      '}',
      'resource "kubernetes_pod" "c" {',
      '  metadata { name = "c" }',
      '  spec {',
      '    container {',
      '      name  = "c"',
      '      image = "nginx:1.27.3"',
      '      security_context { privileged = true }',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const result = lintFileDetailed(parseTerraform(tf), { rules: rule('privileged-container') });
    expect(result.suppressed.map((s) => s.finding.object.address)).toEqual(['kubernetes_pod.a', 'kubernetes_pod.b']);
    expect(result.findings.map((f) => [f.ruleId, f.object.address])).toEqual([
      ['suppression-reason-missing', 'kubernetes_pod.b'],
      ['privileged-container', 'kubernetes_pod.c'],
    ]);
  });
});
