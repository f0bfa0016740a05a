import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** `cnc lint` and `cnc explain` on Terraform, through the built CLI (dist/cli/cnc.js, with dist/wasm beside it). */
const root = path.resolve(__dirname, '..', '..');
const cnc = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'dist/cli/cnc.js'), ...args], { cwd: root, encoding: 'utf8' });
const rulesDir = 'src/core/rules/terraform';
const checkovLiveness = 'test/unit/fixtures/terraform/checkov/tests/terraform/checks/resource/kubernetes/example_LivenessProbe/main.tf';

describe('cnc on Terraform', () => {
  it('lints a .tf file with the Terraform and the Kubernetes rules, in JSON, with exit 1 on findings', () => {
    const result = cnc('lint', `${rulesDir}/s3-bucket-public.fixtures.tf`, checkovLiveness, '--format', 'json', '--all-rules');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { files: { path: string; language: string; skipped?: string; findings: { ruleId: string; object?: { address: string }; range: { start: { line: number } } }[] }[] };
    expect(report.files.map((f) => [f.language, f.skipped])).toEqual([['terraform', undefined], ['terraform', undefined]]);
    const s3 = report.files[0]!.findings.filter((f) => f.ruleId === 's3-bucket-public');
    expect(s3.map((f) => f.object?.address)).toEqual(['aws_s3_bucket.website', 'aws_s3_bucket_acl.uploads', 'aws_s3_bucket.grant_all_users', 'aws_s3_bucket_public_access_block.website', 'aws_s3_bucket_public_access_block.website']);
    expect(s3[0]).toMatchObject({ object: { address: 'aws_s3_bucket.website' }, range: { start: { line: 5 } } });
    expect(report.files[1]!.findings.some((f) => f.ruleId === 'liveness-probe-missing' && f.object?.address === 'kubernetes_pod.fail')).toBe(true);
  });

  it('finds .tf files in directories and writes SARIF for them', () => {
    const sarif = JSON.parse(cnc('lint', rulesDir, '--format', 'sarif').stdout);
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    expect(results.some((r) => r.ruleId === 'module-source-not-pinned' && r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('module-source-not-pinned.fixtures.tf'))).toBe(true);
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('cluster-api-endpoint-public');
  });

  it('reports HCL syntax errors without crashing, and still checks the blocks that parse', () => {
    const broken = path.join('test', 'unit', 'fixtures', 'terraform', 'broken.tf');
    const result = cnc('lint', broken, '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const file = JSON.parse(result.stdout).files[0];
    expect(file.errors).toEqual([{ message: 'HCL syntax error: missing `{`. (and 1 more error after it)', range: { start: { line: 15, character: 0 }, end: { line: 15, character: 0 } } }]);
    expect(file.findings.some((f: { ruleId: string; object?: { address: string } }) => f.ruleId === 'image-tag-not-pinned' && f.object?.address === 'kubernetes_pod_v1.good')).toBe(true);
  });

  it('explains FILE.tf:LINE:COL as the editor hover does', () => {
    const explained = JSON.parse(cnc('explain', `${checkovLiveness}:1:3`, '--json').stdout);
    expect(explained).toMatchObject({ subject: 'resource', path: 'keyword:resource' });
    expect(explained.concepts.map((c: { noteId: string }) => c.noteId)).toContain('terraform');
    const field = JSON.parse(cnc('explain', `${checkovLiveness}:7:6`, '--json').stdout);
    expect(field.path).toBe('Pod.spec.containers[]');
    const text = cnc('explain', `${checkovLiveness}:1:14`);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('registry.terraform.io/providers/hashicorp/kubernetes/latest/docs/resources/pod');
  });
});
