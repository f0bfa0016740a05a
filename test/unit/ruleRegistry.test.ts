import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../src/core/rules';
import type { Rule } from '../../src/core/rules/rule';

const rulesDir = path.resolve(__dirname, '..', '..', 'src', 'core', 'rules');

/** Files of the rules folder that are not rules: the contract, the registries and the Terraform helpers. */
const NOT_RULES = new Set(['rule.ts', 'index.ts', 'terraform/index.ts', 'terraform/terraformValues.ts']);

/** Every rule file: `<id>.ts` directly in `rules/` or in `rules/terraform/` (helpers live in `support/`). */
const ruleFiles = ['', 'terraform/'].flatMap((dir) => fs.readdirSync(path.join(rulesDir, dir))
  .filter((name) => name.endsWith('.ts') && !NOT_RULES.has(`${dir}${name}`))
  .map((name) => `${dir}${name}`));

const isRule = (value: unknown): value is Rule =>
  typeof value === 'object' && value !== null && 'id' in value && 'target' in value && typeof (value as Rule).check === 'function';

describe('the rule registry', () => {
  it('finds the rule files', () => {
    expect(ruleFiles.length).toBeGreaterThanOrEqual(70);
  });

  it.each(ruleFiles)('registers the rule of %s', async (file) => {
    const exported = Object.values(await import(path.join(rulesDir, file))).filter(isRule);
    const id = path.basename(file, '.ts');
    // One rule per file, named like the file, and that very rule object is in ALL_RULES.
    expect(exported.map((r) => r.id)).toEqual([id]);
    expect(ALL_RULES).toContain(exported[0]);
  });

  it('holds nothing but those files\' rules', () => {
    expect(ALL_RULES.map((r) => r.id).sort()).toEqual(ruleFiles.map((f) => path.basename(f, '.ts')).sort());
  });
});
