import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintFile } from '../../src/core/lint/lint';
import { ALL_RULES } from '../../src/core/rules';
import { parseTerraform } from '../../src/core/terraform/parseTerraform';
import { initTerraform } from '../../src/core/terraform/runtime';

/** Checkov's own Terraform fixtures (copied with credit, see fixtures/terraform/checkov/SOURCES.md). */
const root = path.resolve(__dirname, '..', '..');
const fixtures = path.join(__dirname, 'fixtures', 'terraform', 'checkov', 'tests', 'terraform', 'checks', 'resource', 'kubernetes');
const { checks } = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'checkov-terraform-checks.json'), 'utf8')) as { checks: Record<string, string> };

beforeAll(() => initTerraform({ packageRoot: root }));

const folders = fs.readdirSync(fixtures).sort();

describe.each(folders.map((f) => [f] as const))('Checkov fixture %s', (folder) => {
  it('is judged the same way by the rules mapped to its Checkov id', () => {
    const ids = Object.entries(checks).filter(([, f]) => `example_${f}` === folder).map(([id]) => id);
    const rules = ALL_RULES.filter((r) => r.equivalents.checkov?.some((id) => ids.includes(id)));
    expect(rules.length, `a rule maps ${ids.join(', ')}`).toBeGreaterThan(0);
    const file = parseTerraform(fs.readFileSync(path.join(fixtures, folder, 'main.tf'), 'utf8'));
    expect(file.problems).toEqual([]);
    const findings = lintFile(file, { rules, allRules: true });
    const judged = file.blocks.filter((b) => /^(pass|fail)/.test(b.name ?? ''));
    expect(judged.length).toBeGreaterThan(1);
    const ours = judged.map((b) => `${b.address}: ${findings.some((f) => f.object.documentIndex === b.index) ? 'fail' : 'pass'}`);
    const checkov = judged.map((b) => `${b.address}: ${b.name!.startsWith('fail') ? 'fail' : 'pass'}`);
    expect(ours).toEqual(checkov);
  });
});
