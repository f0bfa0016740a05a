import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithBaseline, createBaseline, findingFingerprint, parseBaseline } from '../../src/core/lint/baseline';
import { escapeData, escapeProperty } from '../../src/cli/format/github';
import { runCnc, writeBelow } from './cliRun';
import { wellFormedXmlElements } from './xmlCheck';

// `cnc lint` in pipelines: the SARIF validator, baselines, and the GitHub / JUnit / GitLab formats.
const root = path.resolve(__dirname, '..', '..');
let dir: string;
const cnc = (...args: string[]) => runCnc(dir, args);
const write = (name: string, text: string) => writeBelow(dir, name, text);
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

const deployment = (name: string, image: string) => [
  'apiVersion: apps/v1',
  'kind: Deployment',
  `metadata: { name: ${name} }`,
  'spec:',
  `  selector: { matchLabels: { app: ${name} } }`,
  '  template:',
  `    metadata: { labels: { app: ${name} } }`,
  '    spec:',
  '      containers:',
  '        - name: web',
  `          image: ${image}`,
  '',
].join('\n');

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-pipeline-lint-'));
  write('app/deployment.yaml', deployment('web', 'nginx:latest'));
  write('broken/bad.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x\n');
  // A suppression without a reason: the engine's own notice, which SARIF describes as a rule too.
  write('notice/pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: a\n      # cnc-disable-next-line image-tag-not-pinned\n      image: nginx\n');
  write('tf/main.tf', fs.readFileSync(path.join(root, 'examples/terraform/main.tf'), 'utf8'));
  write('notes.txt', 'not a manifest\n');
  // Markup, GitHub's command characters and a control character in a path and in a message.
  write('odd/we,ird:name.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: { name: "p,q:r" }\nspec:\n  containers:\n    - name: app\n      image: "ngi%nx<&>\\"\\u0001\\r\\n:latest"\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('SARIF and the SARIF validator', { timeout: 90_000 }, () => {
  const platform = process.platform;
  const validator = path.join(root, 'node_modules', '@microsoft', `sarif-multitool-${platform}`, platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');
  /** Microsoft's validator with the SARIF rules and GitHub's ingestion rules (`Gh`): its error and warning results. */
  const validate = (file: string) => {
    if (!fs.existsSync(validator)) throw new Error(`The SARIF validator is not installed at ${validator} (dev dependency @microsoft/sarif-multitool): run npm install.`);
    // npm may have unpacked it without running install scripts, which leaves the binary without its execute bit.
    const mode = fs.statSync(validator).mode;
    if ((mode & 0o100) === 0) fs.chmodSync(validator, mode | 0o100);
    const out = path.join(dir, `${path.basename(file)}.validation.sarif`);
    const run = spawnSync(validator, ['validate', path.join(dir, file), '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning', '--output', out, '--log', 'ForceOverwrite'],
      { encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
    if (run.error || run.status !== 0 || !fs.existsSync(out)) throw new Error(`The SARIF validator did not run (status ${run.status}): ${run.error?.message ?? ''}${run.stderr}${run.stdout}`);
    const results = JSON.parse(fs.readFileSync(out, 'utf8')).runs[0].results as { ruleId: string; level?: string; message: { text: string } }[];
    // A result without a level is a warning (SARIF's default).
    return results.map((r) => ({ ...r, level: r.level ?? 'warning' })).filter((r) => r.level === 'error' || r.level === 'warning').map((r) => `${r.level} ${r.ruleId}: ${r.message.text}`);
  };

  it('reports no error or warning on findings, syntax errors, notices, Terraform and a skipped file', () => {
    const run = cnc('lint', 'app', 'broken', 'notice', 'tf', 'notes.txt', 'odd', '--format', 'sarif');
    expect(run.status).toBe(1);
    write('all.sarif', run.stdout);
    const sarif = JSON.parse(run.stdout);
    const ids = sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId);
    for (const id of ['image-tag-not-pinned', 'syntax-error', 'suppression-reason-missing']) expect(ids).toContain(id);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications).toHaveLength(1);
    expect(validate('all.sarif')).toEqual([]);
  });

  it('catches a broken log (so the clean result above means something)', () => {
    const sarif = JSON.parse(read('all.sarif'));
    delete sarif.runs[0].results[0].locations;
    delete sarif.runs[0].tool.driver.informationUri;
    write('broken.sarif', JSON.stringify(sarif));
    const problems = validate('broken.sarif');
    expect(problems.some((p) => p.startsWith('error GH'))).toBe(true);
    expect(problems.some((p) => p.startsWith('warning SARIF2005'))).toBe(true);
  });

  it('describes the tool and each rule: informationUri, help text and Markdown from rationale and remediation, helpUri to docs/rules.md', () => {
    const driver = JSON.parse(read('all.sarif')).runs[0].tool.driver;
    expect(driver.informationUri).toMatch(/^https:\/\//);
    const rule = driver.rules.find((r: { id: string }) => r.id === 'image-tag-not-pinned');
    expect(rule.helpUri).toMatch(/\/docs\/rules\.md#image-tag-not-pinned$/);
    expect(rule.help.text).toContain('Fix:');
    expect(rule.help.markdown).toContain('**Fix:**');
    const notice = driver.rules.find((r: { id: string }) => r.id === 'suppression-reason-missing');
    expect(notice.helpUri).toMatch(/\/docs\/rules\.md#suppression-reason-missing$/);
    expect(fs.readFileSync(path.join(root, 'docs/rules.md'), 'utf8')).toContain('<a id="suppression-reason-missing"></a>');
  });

  it('marks results of a baselined run as new, and passes the validator too', () => {
    expect(cnc('lint', 'app', '--write-baseline', 'sarif-baseline.json').status).toBe(0);
    write('app/second.yaml', deployment('api', 'redis:latest'));
    const run = cnc('lint', 'app', '--format', 'sarif', '--baseline', 'sarif-baseline.json');
    fs.rmSync(path.join(dir, 'app/second.yaml'));
    write('baselined.sarif', run.stdout);
    const results = JSON.parse(run.stdout).runs[0].results as { baselineState: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.baselineState).toBe('new');
      expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toBe('app/second.yaml');
    }
    expect(validate('baselined.sarif')).toEqual([]);
  });
});

describe('baselines', () => {
  it('fail only on findings that are not in the baseline: moved lines and unrelated objects stay old', () => {
    write('base/app.yaml', deployment('web', 'nginx:latest'));
    const written = cnc('lint', 'base', '--write-baseline', 'baseline.json');
    expect(written.status).toBe(0);
    expect(written.stderr).toMatch(/wrote \d+ findings to baseline\.json/);
    expect(written.stdout).toContain('[image-tag-not-pinned]');
    const baseline = JSON.parse(read('baseline.json'));
    expect(baseline.version).toBe(1);
    expect(baseline.findings.find((f: { ruleId: string }) => f.ruleId === 'image-tag-not-pinned')).toMatchObject({ path: 'base/app.yaml', object: 'Deployment/web', container: 'web' });

    // Moved down by a comment and blank lines, re-indented flow maps, and an unrelated ConfigMap put in front.
    const moved = `# the web front end\n\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndata: { a: "1" }\n---\n\n${deployment('web', 'nginx:latest').replace('{ matchLabels: { app: web } }', '{matchLabels: {app: web}}')}`;
    write('base/app.yaml', moved);
    const same = cnc('lint', 'base', '--baseline', 'baseline.json');
    expect(same.stdout).toMatch(/^0 findings in 1 file\./m);
    expect(same.status).toBe(0);
    expect(same.stderr).toMatch(/findings are in the baseline baseline\.json and not reported/);

    // One new finding: a second container with an unpinned image. Only it is reported, and it fails the run.
    write('base/app.yaml', moved.replace('          image: nginx:latest\n', '          image: nginx:latest\n        - name: sidecar\n          image: envoy:latest\n'));
    const fresh = cnc('lint', 'base', '--baseline', 'baseline.json', '--format', 'json');
    expect(fresh.status).toBe(1);
    const findings = JSON.parse(fresh.stdout).files[0].findings as { ruleId: string; container?: string }[];
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.container === 'sidecar')).toBe(true);
    expect(findings.map((f) => f.ruleId)).toContain('image-tag-not-pinned');

    // A fixed finding is not an error; the run says the baseline can be rewritten.
    write('base/app.yaml', deployment('web', 'nginx:1.27.3'));
    const fixed = cnc('lint', 'base', '--baseline', 'baseline.json');
    expect(fixed.stdout).not.toContain('[image-tag-not-pinned]');
    expect(fixed.stderr).toMatch(/1 finding of the baseline no longer occurs; rewrite it with --write-baseline baseline\.json/);
  });

  it('uses the same fingerprint as SARIF partialFingerprints and GitLab', () => {
    write('fp/app.yaml', deployment('web', 'nginx:latest'));
    cnc('lint', 'fp', '--write-baseline', 'fp.json');
    const recorded = new Set((JSON.parse(read('fp.json')).findings as { fingerprint: string }[]).map((f) => f.fingerprint));
    const sarif = JSON.parse(cnc('lint', 'fp', '--format', 'sarif').stdout).runs[0].results as { partialFingerprints: Record<string, string> }[];
    expect(new Set(sarif.map((r) => r.partialFingerprints['cnc/v1']))).toEqual(recorded);
    const gitlab = JSON.parse(cnc('lint', 'fp', '--format', 'gitlab').stdout) as { fingerprint: string }[];
    expect(new Set(gitlab.map((r) => r.fingerprint))).toEqual(recorded);
  });

  it('refuses a missing or malformed baseline, and --baseline with --write-baseline, with exit code 2', () => {
    const missing = cnc('lint', 'app', '--baseline', 'nope.json');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such baseline file: nope.json (create it with --write-baseline nope.json)');
    write('bad-baseline.json', '{"version": 1, "findings": [{"ruleId": "x"}]}');
    const bad = cnc('lint', 'app', '--baseline', 'bad-baseline.json');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('baseline bad-baseline.json is not a cnc baseline: findings[0] needs a "ruleId" and a 32-hex-digit "fingerprint"');
    expect(cnc('lint', 'app', '--baseline', 'a.json', '--write-baseline', 'b.json').status).toBe(2);
  });

  it('matches by rule and fingerprint and by count, in core', () => {
    const subject = { ruleId: 'image-tag-not-pinned', path: 'a.yaml', object: { kind: 'Deployment', name: 'web', address: 'Deployment/web' }, container: 'web' };
    const a = findingFingerprint({ ...subject, text: 'image: nginx:latest' });
    // Indentation and trailing lines of the offending text do not matter; the object, container and text do.
    expect(findingFingerprint({ ...subject, text: '   image:   nginx:latest\n  more: lines' })).toBe(a);
    expect(findingFingerprint({ ...subject, container: 'other', text: 'image: nginx:latest' })).not.toBe(a);
    expect(findingFingerprint({ ...subject, object: { ...subject.object, namespace: 'prod' }, text: 'image: nginx:latest' })).not.toBe(a);
    expect(findingFingerprint({ ...subject, path: 'b.yaml', text: 'image: nginx:latest' })).not.toBe(a);
    const entry = { fingerprint: a, ruleId: subject.ruleId, path: 'a.yaml', object: 'Deployment/web', message: 'm' };
    const twice = [{ ruleId: subject.ruleId, fingerprint: a, n: 1 }, { ruleId: subject.ruleId, fingerprint: a, n: 2 }];
    const compared = compareWithBaseline(twice, createBaseline([entry]));
    expect(compared.known.map((f) => f.n)).toEqual([1]);
    expect(compared.fresh.map((f) => f.n)).toEqual([2]);
    expect(compareWithBaseline([], createBaseline([entry])).absent).toEqual([entry]);
    expect(parseBaseline('not json')).toMatchObject({ error: expect.stringContaining('not JSON') });
    expect(parseBaseline('{"version": 2, "findings": []}')).toMatchObject({ error: expect.stringContaining('unsupported version 2') });
    expect(parseBaseline(JSON.stringify(createBaseline([entry])))).toEqual({ baseline: { version: 1, findings: [entry] } });
  });
});

describe('--format github', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties, as the Actions toolkit does', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(escapeData('bell\u0007')).toBe('bell\\u0007');
  });

  it('writes one workflow command per finding with file, 1-based positions and title, one line each', () => {
    const run = cnc('lint', 'app', 'broken', 'odd', '--format', 'github');
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^cnc: \d+ findings in 3 files\.$/);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::/);
    expect(lines).toContain('::warning file=app/deployment.yaml,line=11,col=18,endLine=11,endColumn=30,title=cnc image-tag-not-pinned::Image "nginx:latest" of container "web" uses the mutable `latest` tag; pin a version tag or a digest. (Deployment/web, container web)');
    expect(lines.some((l) => l.startsWith('::error file=broken/bad.yaml,line=') && l.includes('title=cnc%3A syntax error (file not checked)::'))).toBe(true);
    const odd = lines.find((l) => l.includes('image-tag-not-pinned') && l.includes('odd/'))!;
    expect(odd).toContain('file=odd/we%2Cird%3Aname.yaml,');
    expect(odd).toContain('Image "ngi%25nx<&>"\\u0001%0D%0A:latest"');
  });
});

describe('--format junit', () => {
  it('is well-formed JUnit XML with a failing case per finding, an error per syntax error and a passing case per clean file', () => {
    write('clean/ok.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ok }\ndata: { a: "1" }\n');
    const run = cnc('lint', 'app', 'broken', 'odd', 'clean', 'notes.txt', '--format', 'junit');
    expect(run.status).toBe(1);
    const names = wellFormedXmlElements(run.stdout);
    expect(names[0]).toBe('testsuites');
    expect(names.filter((n) => n === 'testsuite')).toHaveLength(5);
    expect(names).toContain('error');
    expect(names).toContain('skipped');
    expect(run.stdout).toMatch(/<testsuite name="clean\/ok.yaml" tests="1" failures="0" errors="0" skipped="0">\n\s+<testcase classname="clean\/ok.yaml" name="cnc lint"\/>/);
    expect(run.stdout).toContain('<testcase classname="app/deployment.yaml" name="image-tag-not-pinned Deployment/web, container web (line 11)">');
    expect(run.stdout).toContain('Image &quot;ngi%nx&lt;&amp;&gt;&quot;\\u0001&#13;\n:latest&quot;');
    const failures = (run.stdout.match(/<failure /g) ?? []).length;
    expect(run.stdout).toMatch(new RegExp(`<testsuites name="cnc lint" tests="\\d+" failures="${failures}" errors="1" skipped="1">`));
  });
});
