import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits, fixesFor, lintFile } from '../../src/core/lint/lint';
import { ALL_RULES } from '../../src/core/rules';
import { loadBundledKnowledge } from '../../src/core/knowledge/bundle';
import { parseYaml } from '../../src/core/yaml/parseYaml';

const root = path.resolve(__dirname, '..', '..');
const rulesDir = path.join(root, 'src', 'core', 'rules');

/** Each fixture document starts with `# expect: N`, the number of findings the rule must report in it. */
function expectations(text: string): number[] {
  return text.split(/^---$/m).map((doc) => Number(/# expect: (\d+)/.exec(doc)?.[1] ?? NaN));
}

describe.each(ALL_RULES.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  const fixture = path.join(rulesDir, `${id}.fixtures.yaml`);

  it('has metadata, a concept note that exists, and a fixture file beside it', () => {
    expect(rule.title && rule.rationale && rule.remediation).toBeTruthy();
    expect(loadBundledKnowledge(root).note(rule.concept), `concept note ${rule.concept}`).toBeDefined();
    expect(fs.existsSync(fixture)).toBe(true);
  });

  it('reports exactly what each fixture document expects', () => {
    const text = fs.readFileSync(fixture, 'utf8');
    const file = parseYaml(text);
    const findings = lintFile(file, { rules: [rule], allRules: true });
    const expected = expectations(text);
    const perDocument = expected.map((_, i) => findings.filter((f) => f.object.documentIndex === i).length);
    expect(perDocument).toEqual(expected);
  });

  it.runIf(Boolean(rule.fix))('has fixes that remove the finding and add nothing new', () => {
    const text = fs.readFileSync(fixture, 'utf8');
    const file = parseYaml(text);
    const findings = lintFile(file, { rules: ALL_RULES, allRules: true });
    const own = findings.filter((f) => f.ruleId === id);
    expect(own.length).toBeGreaterThan(0);
    for (const finding of own) {
      const fixes = fixesFor(finding, file, ALL_RULES);
      expect(fixes.length).toBeGreaterThan(0);
      for (const fix of fixes) {
        const fixedText = applyEdits(text, fix.edits);
        const after = parseYaml(fixedText);
        expect(after.problems, fix.title).toEqual([]);
        const afterFindings = lintFile(after, { rules: ALL_RULES, allRules: true });
        expect(afterFindings.length, `${fix.title} leaves ${afterFindings.length} findings`).toBe(findings.length - 1);
        expect(afterFindings.filter((f) => f.ruleId === id && f.object.address === finding.object.address && f.message === finding.message)).toEqual([]);
      }
    }
  });
});

describe('image-tag-not-pinned fixes', () => {
  it('prefers a tag of the same image pinned elsewhere in the file, and keeps comments and quotes', () => {
    const text = [
      'apiVersion: v1', 'kind: Pod', 'metadata: {name: a}', 'spec:', '  containers:', '  - name: a', '    image: "nginx"   # main', '---',
      'apiVersion: v1', 'kind: Pod', 'metadata: {name: b}', 'spec:', '  containers:', '  - name: b', '    image: nginx:1.27.3',
    ].join('\n');
    const file = parseYaml(text);
    const [finding] = lintFile(file, { rules: ALL_RULES });
    const fixes = fixesFor(finding!, file, ALL_RULES);
    expect(fixes.map((f) => [f.title, f.isPreferred])).toEqual([
      ['Pin image to nginx:1.27.3 (used by Pod/b)', true],
      ['Pin image tag: nginx:TODO-pin-version (fill in a released version)', false],
    ]);
    expect(applyEdits(text, fixes[0]!.edits)).toContain('image: "nginx:1.27.3"   # main');
    expect(applyEdits(text, fixes[1]!.edits)).toContain('image: "nginx:TODO-pin-version"   # main — TODO: replace with a released version tag or an @sha256 digest');
  });
});
