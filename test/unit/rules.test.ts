import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits, fixesFor, lintFile } from '../../src/core/lint/lint';
import { ALL_RULES } from '../../src/core/rules';
import type { Finding } from '../../src/core/rules/rule';
import { loadBundledKnowledge } from '../../src/core/knowledge/bundle';
import { parseYaml } from '../../src/core/yaml/parseYaml';

const root = path.resolve(__dirname, '..', '..');
const rulesDir = path.join(root, 'src', 'core', 'rules');

/** Each fixture document starts with `# expect: N`, the number of findings the rule must report in it. */
function expectations(text: string): number[] {
  return text.split(/^---$/m).map((doc) => Number(/# expect: (\d+)/.exec(doc)?.[1] ?? NaN));
}

/** Kubernetes rules, with YAML fixtures; Terraform-only rules have their own fixtures and test (terraformRules.test.ts). */
const KUBERNETES_RULES = ALL_RULES.filter((r) => r.target === 'object');

describe.each(KUBERNETES_RULES.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  const fixture = path.join(rulesDir, `${id}.fixtures.yaml`);

  it('has metadata, a concept note that exists, and a fixture file beside it', () => {
    expect(rule.title && rule.rationale && rule.remediation).toBeTruthy();
    expect(loadBundledKnowledge(root).note(rule.concept)?.id, `concept note ${rule.concept}`).toBe(rule.concept);
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

});

describe.each(KUBERNETES_RULES.filter((r) => r.fix).map((r) => [r.id] as const))('rule %s fixes', (id) => {
  const fixture = path.join(rulesDir, `${id}.fixtures.yaml`);

  it('remove the finding and add nothing new', () => {
    const text = fs.readFileSync(fixture, 'utf8');
    const file = parseYaml(text);
    const findings = lintFile(file, { rules: ALL_RULES, allRules: true });
    const own = findings.filter((f) => f.ruleId === id);
    expect(own.length).toBeGreaterThan(0);
    let fixed = 0;
    for (const finding of own) {
      const fixes = fixesFor(finding, file, ALL_RULES);
      for (const fix of fixes) {
        fixed++;
        const fixedText = applyEdits(text, fix.edits);
        const after = parseYaml(fixedText);
        expect(after.problems, fix.title).toEqual([]);
        const afterFindings = lintFile(after, { rules: ALL_RULES, allRules: true });
        // Per rule and object, nothing may be added; the fixed finding's count must drop by one. A fix may also
        // settle other findings (pinning an image by digest settles the digest rule too), never create one.
        const before = countByRuleAndObject(findings);
        const now = countByRuleAndObject(afterFindings);
        for (const [key, count] of now) expect(count, `${fix.title} adds ${key}`).toBeLessThanOrEqual(before.get(key) ?? 0);
        const ownKey = keyOf(finding);
        expect(now.get(ownKey) ?? 0, `${fix.title} leaves ${ownKey}`).toBeLessThanOrEqual(before.get(ownKey)! - 1);
        expect(afterFindings.filter((f) => f.ruleId === id && f.object.address === finding.object.address && f.message === finding.message)).toEqual([]);
      }
    }
    // Fixes are offered where possible: every fixable rule's fixture has findings that a fix resolves.
    expect(fixed).toBeGreaterThan(0);
  });
});

const keyOf = (f: Finding) => `${f.ruleId} ${f.object.address} #${f.object.documentIndex}`;

function countByRuleAndObject(findings: Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(keyOf(f), (counts.get(keyOf(f)) ?? 0) + 1);
  return counts;
}

describe('image-tag-not-pinned fixes', () => {
  it('prefers a tag of the same image pinned elsewhere in the file, and keeps comments and quotes', () => {
    const text = [
      'apiVersion: v1', 'kind: Pod', 'metadata: {name: a}', 'spec:', '  containers:', '  - name: a', '    image: "nginx"   # main', '---',
      'apiVersion: v1', 'kind: Pod', 'metadata: {name: b}', 'spec:', '  containers:', '  - name: b', '    image: nginx:1.27.3',
    ].join('\n');
    const file = parseYaml(text);
    const finding = lintFile(file, { rules: ALL_RULES }).find((f) => f.ruleId === 'image-tag-not-pinned');
    const fixes = fixesFor(finding!, file, ALL_RULES);
    expect(fixes.map((f) => [f.title, f.isPreferred])).toEqual([
      ['Pin image to nginx:1.27.3 (used by Pod/b)', true],
      ['Pin image tag: nginx:TODO-pin-version (fill in a released version)', false],
    ]);
    expect(applyEdits(text, fixes[0]!.edits)).toContain('image: "nginx:1.27.3"   # main');
    expect(applyEdits(text, fixes[1]!.edits)).toContain('image: "nginx:TODO-pin-version"   # main — TODO: replace with a released version tag or an @sha256 digest');
  });
});

describe('the rule set', () => {
  it('has at least 40 Kubernetes rules, at least 25 with quick fixes, each id unique and named like its file', () => {
    expect(KUBERNETES_RULES.length).toBeGreaterThanOrEqual(40);
    expect(KUBERNETES_RULES.filter((r) => r.fix).length).toBeGreaterThanOrEqual(25);
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
    for (const rule of KUBERNETES_RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(fs.existsSync(path.join(rulesDir, `${rule.id}.ts`)), rule.id).toBe(true);
    }
  });

  it('is documented in docs/rules.md with an anchor equal to each rule id', () => {
    const docs = fs.readFileSync(path.join(root, 'docs', 'rules.md'), 'utf8');
    for (const rule of ALL_RULES) expect(docs, rule.id).toContain(`<a id="${rule.id}"></a>`);
    expect(docs).toContain('<a id="suppression-reason-missing"></a>');
  });
});
