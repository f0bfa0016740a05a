import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundledKnowledge } from '../../src/core/knowledge/bundle';
import { applyEdits, fixesFor, lintFile } from '../../src/core/lint/lint';
import { ALL_RULES } from '../../src/core/rules';
import type { Rule } from '../../src/core/rules/rule';
import { TERRAFORM_RULES } from '../../src/core/rules/terraform';
import { parseTerraform, type ParsedTerraformFile } from '../../src/core/terraform/parseTerraform';
import { initTerraform } from '../../src/core/terraform/runtime';

const root = path.resolve(__dirname, '..', '..');
const rulesDir = path.join(root, 'src', 'core', 'rules', 'terraform');
/** Every rule once, whether or not the Terraform rules are registered in ALL_RULES yet. */
const EVERY_RULE: readonly Rule[] = [...ALL_RULES, ...TERRAFORM_RULES.filter((r) => !ALL_RULES.includes(r))];

beforeAll(() => initTerraform({ packageRoot: root }));

/** The `# expect: N` in the comments just above each top-level block (between it and the previous block). */
function expectations(file: ParsedTerraformFile): number[] {
  return file.blocks.map((block, i) => {
    const from = i === 0 ? 0 : file.blocks[i - 1]!.syntax.span.end;
    const lead = file.text.slice(from, block.syntax.span.start);
    const all = [...lead.matchAll(/# expect: (\d+)/g)];
    return Number(all.at(-1)?.[1] ?? NaN);
  });
}

describe.each(TERRAFORM_RULES.map((r) => [r.id, r] as const))('terraform rule %s', (id, rule) => {
  const fixture = path.join(rulesDir, `${id}.fixtures.tf`);

  it('has metadata, a concept note that exists, a Terraform check and a fixture file beside it', () => {
    expect(rule.title && rule.rationale && rule.remediation).toBeTruthy();
    expect(loadBundledKnowledge(root).note(rule.concept)?.id, `concept note ${rule.concept}`).toBe(rule.concept);
    expect(rule.target).toBe('terraform-block');
    expect(fs.existsSync(fixture)).toBe(true);
  });

  it('reports exactly what each fixture block expects, and nothing on Kubernetes objects', () => {
    const file = parseTerraform(fs.readFileSync(fixture, 'utf8'));
    expect(file.problems).toEqual([]);
    const expected = expectations(file);
    expect(expected.every(Number.isInteger), 'every block has an # expect: N comment').toBe(true);
    expect(expected.some((n) => n > 0) && expected.some((n) => n === 0)).toBe(true);
    const findings = lintFile(file, { rules: [rule], allRules: true });
    expect(expected.map((_, i) => findings.filter((f) => f.object.documentIndex === i).length)).toEqual(expected);
    for (const finding of findings) {
      expect(finding.object.language).toBe('terraform');
      expect(finding.object.address).toBe(file.blocks[finding.object.documentIndex]!.address);
      expect(finding.span.end).toBeGreaterThan(finding.span.start);
    }
  });

});

describe.each(TERRAFORM_RULES.filter((r) => r.fix).map((r) => [r.id, r] as const))('terraform rule %s fixes', (id) => {
  const fixture = path.join(rulesDir, `${id}.fixtures.tf`);

  it('remove their finding, keep the HCL valid and add nothing new', () => {
    const text = fs.readFileSync(fixture, 'utf8');
    const file = parseTerraform(text);
    const findings = lintFile(file, { rules: EVERY_RULE, allRules: true });
    const own = findings.filter((f) => f.ruleId === id);
    const fixable = own.filter((f) => fixesFor(f, file, EVERY_RULE).length > 0);
    expect(fixable.length).toBeGreaterThan(0);
    for (const finding of fixable) {
      for (const fix of fixesFor(finding, file, EVERY_RULE)) {
        expect(fix.edits.length, fix.title).toBeGreaterThan(0);
        const fixedText = applyEdits(text, fix.edits);
        const after = parseTerraform(fixedText);
        expect(after.problems, `${fix.title}\n${fixedText}`).toEqual([]);
        const afterFindings = lintFile(after, { rules: EVERY_RULE, allRules: true });
        expect(afterFindings.length, `${fix.title} leaves ${afterFindings.length} findings`).toBe(findings.length - 1);
        const sameBlock = (f: { ruleId: string; object: { address: string } }) => f.ruleId === id && f.object.address === finding.object.address;
        expect(afterFindings.filter(sameBlock).length).toBe(findings.filter(sameBlock).length - 1);
      }
    }
  });
});
