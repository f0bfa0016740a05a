import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { wellFormedXmlElements } from './xmlCheck';

// The npm package as a pipeline gets it: packed once (scripts/npm-package.mjs), installed once into a throw-away
// prefix with npm's --offline (so a runtime dependency to fetch would fail the install), then every integration
// (GitHub Action, pre-commit hook, GitLab job) runs its own command against that installed `cnc`.
const root = path.resolve(__dirname, '..', '..');
const nodeDir = path.dirname(process.execPath);
let tmp: string;
let prefix: string;
let tarball: string;
let workspace: string;
/** A PATH with nothing but Node and the installed package: what "a machine with only Node" can run. */
let onlyNodePath: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-pipeline-'));
  tarball = execFileSync(process.execPath, [path.join(root, 'scripts/npm-package.mjs'), '--out', tmp], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  prefix = path.join(tmp, 'prefix');
  execFileSync('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { cwd: tmp, stdio: 'pipe', encoding: 'utf8' });
  onlyNodePath = [path.join(prefix, 'bin'), nodeDir].join(path.delimiter);
  workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(root, 'examples'), workspace, { recursive: true });
}, 240_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs a shell script the way a CI runner does, in the workspace, with only Node and the installed cnc on the PATH. */
function shell(script: string, env: Record<string, string> = {}) {
  return spawnSync('/bin/bash', ['-c', script], { cwd: workspace, encoding: 'utf8', env: { PATH: onlyNodePath, HOME: tmp, ...env } });
}

describe('the npm package', () => {
  it('holds the built CLI and server with their data, no client, webview or dependencies', () => {
    expect(path.basename(tarball)).toMatch(/^cloud-native-companion-\d+\.\d+\.\d+\.tgz$/);
    const installed = path.join(prefix, 'lib', 'node_modules', 'cloud-native-companion');
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
    expect(manifest.bin).toEqual({ cnc: 'dist/cli/cnc.js' });
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.contributes).toBeUndefined();
    for (const file of ['dist/cli/cnc.js', 'dist/server/main.js', 'dist/knowledge.json', 'dist/kubernetes/schema.json', 'dist/wasm/tree-sitter-hcl.wasm', 'knowledge/deployment.md', 'docs/rules.md']) {
      expect(fs.existsSync(path.join(installed, file)), file).toBe(true);
    }
    for (const absent of ['dist/client', 'dist/webview', 'node_modules', 'src', 'webview']) expect(fs.existsSync(path.join(installed, absent)), absent).toBe(false);
  });

  it('puts a working cnc on the PATH: lint on the examples (YAML and Terraform), search and notes', () => {
    const lint = spawnSync('cnc', ['lint', '.', '--format', 'json'], { cwd: workspace, encoding: 'utf8', env: { PATH: onlyNodePath, HOME: tmp } });
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(1);
    const report = JSON.parse(lint.stdout);
    const byFile = new Map<string, string[]>(report.files.map((f: { path: string; findings: { ruleId: string }[] }) => [f.path, f.findings.map((x) => x.ruleId)]));
    expect(byFile.get('kubernetes/web.yaml')).toContain('image-tag-not-pinned');
    expect(byFile.get('terraform/main.tf')).toContain('image-tag-not-pinned');
    expect(report.summary.syntaxErrors).toBe(0);
    expect(shell('cnc search "readiness probe" --json').stdout).toContain('readiness-probe');
    expect(shell('cnc notes check').stdout).toMatch(/\d+ notes, \d+ cards, 0 error\(s\)/);
  });
});

describe('GitHub Action (action.yml)', () => {
  const action = parseYaml(fs.readFileSync(path.join(root, 'action.yml'), 'utf8'));
  type Step = { id?: string; name: string; if?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> };
  const steps: Step[] = action.runs.steps;
  /** What the runner substitutes for `${{ inputs.x }}` (the defaults, or what a workflow passes). */
  const expand = (value: string, inputs: Record<string, string>) => value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => inputs[name] ?? action.inputs[name].default);

  it('is a composite action that installs cnc, writes SARIF and uploads it with codeql-action', () => {
    expect(action.runs.using).toBe('composite');
    expect(steps.find((s) => s.name === 'Install cnc')?.run).toMatch(/npm install --global[^\n]*"\$CNC_PACKAGE"/);
    expect(steps.find((s) => s.name === 'Install cnc')?.run).toContain('npm run pack:cli');
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with?.sarif_file).toBe('${{ inputs.sarif-file }}');
    // Uploaded only when the lint step finished a report (exit 0 or 1), even though 1 fails the job afterwards.
    expect(upload?.if).toMatch(/always\(\)/);
    expect(steps.find((s) => s.name === 'Fail on findings')?.if).toContain("steps.lint.outputs.exit-code == '1'");
    // Inputs only reach scripts through env: a path named `$(rm -rf ~)` stays a path.
    for (const step of steps) expect(step.run ?? '', step.name).not.toMatch(/\$\{\{/);
  });

  it("runs its lint step's command: SARIF of the workspace, exit code as an output, baseline honoured", () => {
    const lint = steps.find((s) => s.id === 'lint')!;
    const run = (inputs: Record<string, string>) => {
      const env = Object.fromEntries(Object.entries(lint.env ?? {}).map(([k, v]) => [k, expand(v, inputs)]));
      const output = path.join(tmp, `github-output-${Object.keys(inputs).length}`);
      fs.writeFileSync(output, '');
      const result = shell(lint.run!, { ...env, GITHUB_OUTPUT: output });
      return { result, output: fs.readFileSync(output, 'utf8'), sarif: () => JSON.parse(fs.readFileSync(path.join(workspace, env.CNC_SARIF!), 'utf8')) };
    };
    const first = run({});
    expect(first.result.status).toBe(0);
    expect(first.output).toBe('exit-code=1\n');
    const results = first.sarif().runs[0].results as { ruleId: string }[];
    expect(results.map((r) => r.ruleId)).toContain('image-tag-not-pinned');

    expect(shell('cnc lint . --write-baseline .cnc-baseline.json').status).toBe(0);
    const second = run({ baseline: '.cnc-baseline.json', 'sarif-file': 'baselined.sarif' });
    expect(second.output).toBe('exit-code=0\n');
    expect(second.sarif().runs[0].results).toEqual([]);
    fs.rmSync(path.join(workspace, '.cnc-baseline.json'));
  });
});

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const hooks = parseYaml(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];

  it('defines cnc-lint with the fields pre-commit requires, and a files pattern for manifests and Terraform', () => {
    expect(hooks).toHaveLength(1);
    const hook = hooks[0]!;
    for (const field of ['id', 'name', 'entry', 'language']) expect(typeof hook[field], field).toBe('string');
    expect(hook.id).toBe('cnc-lint');
    expect(['system', 'node', 'script']).toContain(hook.language);
    const files = new RegExp(hook.files as string);
    for (const name of ['k8s/web.yaml', 'a.yml', 'main.tf', 'pod.json']) expect(files.test(name), name).toBe(true);
    for (const name of ['README.md', 'main.tfvars.bak', 'script.sh']) expect(files.test(name), name).toBe(false);
    expect(hook.pass_filenames).toBe(false);
  });

  it('runs its entry with its args on a repository holding one manifest, and fails on the finding', () => {
    const hook = hooks[0]!;
    const repo = path.join(tmp, 'hook-repo');
    fs.mkdirSync(repo, { recursive: true });
    fs.writeFileSync(path.join(repo, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: app\n      image: nginx:latest\n');
    const command = [hook.entry as string, ...(hook.args as string[])].join(' ');
    const result = spawnSync('/bin/bash', ['-c', command], { cwd: repo, encoding: 'utf8', env: { PATH: onlyNodePath, HOME: tmp } });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^pod\.yaml:7:\d+: warning: .*\[image-tag-not-pinned\]/m);
  });
});

describe('GitLab CI example (docs/ci/gitlab-ci.yml)', () => {
  it('runs its job script: a code quality report and a JUnit report as artifacts, and the failing check', () => {
    const job = parseYaml(fs.readFileSync(path.join(root, 'docs/ci/gitlab-ci.yml'), 'utf8'))['cnc-lint'];
    expect(job.before_script.join('\n')).toContain('npm install --global');
    const env = job.variables as Record<string, string>;
    const statuses = (job.script as string[]).map((line) => shell(line, env).status);
    expect(statuses).toEqual([0, 0, 1]);
    const quality = JSON.parse(fs.readFileSync(path.join(workspace, job.artifacts.reports.codequality), 'utf8')) as Record<string, unknown>[];
    expect(quality.length).toBeGreaterThan(0);
    for (const issue of quality) {
      expect(issue).toMatchObject({ description: expect.any(String), check_name: expect.any(String), fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), severity: expect.stringMatching(/^(info|minor|major|critical|blocker)$/) });
      expect(issue.location).toMatchObject({ path: expect.stringMatching(/^(kubernetes|terraform)\//), lines: { begin: expect.any(Number) } });
    }
    const junit = fs.readFileSync(path.join(workspace, job.artifacts.reports.junit), 'utf8');
    expect(wellFormedXmlElements(junit)).toContain('testsuites');
  });
});
