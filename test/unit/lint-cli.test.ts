import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
let dir: string;
const cnc = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'dist/cli/cnc.js'), ...args], { cwd: dir, encoding: 'utf8' });
const write = (name: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
};

const deployment = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: { name: web }',
  'spec:',
  '  selector: { matchLabels: { app: web } }',
  '  template:',
  '    metadata: { labels: { app: web } }',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:latest',
  '',
].join('\n');
const service = (app: string) => `apiVersion: v1\nkind: Service\nmetadata: { name: front }\nspec:\n  selector: { app: ${app} }\n  ports: [{ port: 80 }]\n`;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-lint-'));
  write('app/deployment.yaml', deployment);
  write('app/service.yaml', service('web'));
  write('other/service.yaml', service('web'));
  write('broken/bad.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x\ndata:\n  a: [1, 2\n');
  write('old/cronjob.yaml', 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata: { name: fs }\nspec: {}\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cnc lint', () => {
  it('writes the JSON the issue describes: ranges, objects, containers, concepts and fixes', () => {
    const result = cnc('lint', 'app', '--format', 'json');
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout);
    const file = json.files.find((f: { path: string }) => f.path.endsWith('deployment.yaml'));
    const finding = file.findings.find((f: { ruleId: string }) => f.ruleId === 'image-tag-not-pinned');
    expect(finding).toMatchObject({
      severity: 'warning',
      range: { start: { line: 10, character: 17 }, end: { line: 10, character: 29 } },
      object: { kind: 'Deployment', name: 'web', address: 'Deployment/web' },
      container: 'web',
      concept: 'image-tags-and-digests',
    });
    expect(finding.fixes[0]).toMatchObject({ title: expect.stringContaining('Pin image tag'), isPreferred: false, edits: [{ range: { start: { line: 10 } } }, expect.anything()] });
    expect(file.errors).toEqual([]);
    expect(json.summary).toMatchObject({ files: 2, findings: 13, error: 0, warning: 7, info: 6, hint: 0, syntaxErrors: 0, skipped: 0, suppressed: 0 });
  });

  it('matches objects of files in the same directory, not across directories', () => {
    const rule = (args: string[]) => JSON.parse(cnc('lint', ...args, '--format', 'json').stdout).files
      .flatMap((f: { path: string; findings: { ruleId: string }[] }) => f.findings.filter((x) => x.ruleId === 'service-selector-matches-nothing').map(() => f.path));
    write('app/service.yaml', service('website'));
    expect(rule(['app'])).toEqual([path.join('app', 'service.yaml')]);
    write('app/service.yaml', service('web'));
    expect(rule(['app'])).toEqual([]);
    // Alone in its folder the Service cannot be judged.
    expect(rule(['other'])).toEqual([]);
  });

  it('reports a broken file once, as an error that fails the run, and goes on with the others', () => {
    const result = cnc('lint', '.', '--format', 'json', '--fail-on', 'error');
    const json = JSON.parse(result.stdout);
    const broken = json.files.find((f: { path: string }) => f.path.endsWith('bad.yaml'));
    expect(broken.errors).toHaveLength(1);
    expect(broken.errors[0].message).toMatch(/more error|Flow|flow|Missing|Unexpected|Expected/);
    expect(broken.findings).toEqual([]);
    expect(json.files.length).toBe(5);
    expect(result.status).toBe(1);
    const text = cnc('lint', 'broken');
    expect(text.stdout).toMatch(/bad\.yaml:\d+:\d+: error: .* \[syntax\] \(not checked\)/);
    expect(text.stdout).toMatch(/1 syntax error/);
  });

  it('lints JSON manifests (kubectl takes them) with findings at their places and no YAML fixes; other JSON is left alone', () => {
    const jsonDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-lint-json-'));
    try {
      const manifest = {
        apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api' },
        spec: { selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'api', image: 'nginx:latest' }] } } },
      };
      const text = JSON.stringify(manifest, null, '\t'); // tabs: legal in JSON, and so in the YAML that parses it
      fs.writeFileSync(path.join(jsonDir, 'api.json'), text);
      fs.writeFileSync(path.join(jsonDir, 'package.json'), '{ "name": "app", "version": "1.0.0" }');
      fs.writeFileSync(path.join(jsonDir, 'broken.json'), '{ "apiVersion": "v1", "kind": "ConfigMap", ');
      const json = JSON.parse(cnc('lint', jsonDir, '--format', 'json').stdout);
      expect(json.files.map((f: { path: string }) => path.basename(f.path)).sort()).toEqual(['api.json', 'broken.json']);
      const api = json.files.find((f: { path: string }) => f.path.endsWith('api.json'));
      const finding = api.findings.find((f: { ruleId: string }) => f.ruleId === 'image-tag-not-pinned');
      const line = text.split('\n').findIndex((l) => l.includes('"image"'));
      expect(finding.range.start).toEqual({ line, character: text.split('\n')[line]!.indexOf('"nginx:latest"') });
      expect(finding.fixes).toEqual([]);
      expect(json.files.find((f: { path: string }) => f.path.endsWith('broken.json')).errors).toHaveLength(1);
    } finally {
      fs.rmSync(jsonDir, { recursive: true, force: true });
    }
  });

  it('checks apiVersions against --kubernetes-version, and rejects a version that is not one', () => {
    const ruleIds = (version: string) => JSON.parse(cnc('lint', 'old', '--format', 'json', '--kubernetes-version', version).stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ruleIds('1.30')).toContain('api-version-deprecated');
    expect(ruleIds('1.32')).toContain('api-version-removed');
    const bad = cnc('lint', 'old', '--kubernetes-version', 'latest');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--kubernetes-version "latest" is not a Kubernetes release/);
  });

  it('runs the rules that are off by default only with --all-rules', () => {
    const ids = (...args: string[]) => new Set(JSON.parse(cnc('lint', 'app', '--format', 'json', ...args).stdout).files.flatMap((f: { findings: { ruleId: string }[] }) => f.findings.map((x) => x.ruleId)));
    expect(ids().has('cpu-limit-missing')).toBe(false);
    expect(ids('--all-rules').has('cpu-limit-missing')).toBe(true);
  });

  it('exits by --fail-on', () => {
    expect(cnc('lint', 'app', '--fail-on', 'never').status).toBe(0);
    expect(cnc('lint', 'app', '--fail-on', 'error').status).toBe(0);
    expect(cnc('lint', 'app', '--fail-on', 'info').status).toBe(1);
    expect(cnc('lint', 'app', '--fail-on', 'sometimes').status).toBe(2);
  });

  it('reads .cnc.yaml above the files, or the one --config names, and stops on a config error', () => {
    write('app/.cnc.yaml', 'rules:\n  image-tag-not-pinned: off\n');
    const ids = (...args: string[]) => JSON.parse(cnc('lint', 'app', '--format', 'json', ...args).stdout).files.flatMap((f: { findings: { ruleId: string }[] }) => f.findings.map((x) => x.ruleId));
    expect(ids()).not.toContain('image-tag-not-pinned');
    write('strict.yaml', 'rules:\n  image-tag-not-pinned: error\n');
    expect(ids('--config', 'strict.yaml')).toContain('image-tag-not-pinned');
    write('bad-config.yaml', 'kubernetesVersion: soon\n');
    const bad = cnc('lint', 'app', '--config', 'bad-config.yaml');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad-config\.yaml:1: error: kubernetesVersion must be a Kubernetes release/);
    expect(cnc('lint', 'app', '--config', 'nope.yaml').status).toBe(2);
    fs.rmSync(path.join(dir, 'app/.cnc.yaml'));
  });

  it('writes SARIF 2.1.0 that code scanning reads: rules with help, indexed results, regions and fingerprints', () => {
    const sarif = JSON.parse(cnc('lint', 'app', 'broken', '--format', 'sarif').stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('cnc');
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toContain('image-tag-not-pinned');
    expect(ruleIds).toContain('syntax-error');
    const image = run.tool.driver.rules.find((r: { id: string }) => r.id === 'image-tag-not-pinned');
    expect(image.help.markdown).toContain('image-tags-and-digests');
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
      expect(result.partialFingerprints['cnc/v1']).toMatch(/^[0-9a-f]{32}$/);
    }
    const tag = run.results.find((r: { ruleId: string }) => r.ruleId === 'image-tag-not-pinned');
    expect(tag.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'app/deployment.yaml' }, region: { startLine: 11, startColumn: 18 } });
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\//);
  });
});
