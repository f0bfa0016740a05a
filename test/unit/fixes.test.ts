import { describe, expect, it } from 'vitest';
import { fileReport } from '../../src/cli/format/report';
import { fileFixes, fixesFor, lintFileDetailed } from '../../src/core/lint/lint';
import { EditUnsupported } from '../../src/core/model/edit';
import { ALL_RULES } from '../../src/core/rules';
import { defineRule, type Rule, type RuleContext } from '../../src/core/rules/rule';
import { parseYaml } from '../../src/core/yaml/parseYaml';

const PODS = 2000;
/** One Pod per document, each with an unpinned image: 2,000 `image-tag-not-pinned` findings, each with a fix. */
const manyPods = Array.from({ length: PODS }, (_, i) => [
  'apiVersion: v1', 'kind: Pod', `metadata: { name: p${i} }`, 'spec:', '  containers:', `  - name: c${i}`, '    image: nginx',
].join('\n')).join('\n---\n');

/** A rule that reports every Pod and remembers every context and editor its check and fix were given. */
function contextProbe() {
  const contexts = new Set<RuleContext>();
  const editors = new Set<unknown>();
  const rule = defineRule<{ name: string }>({
    id: 'context-probe', target: 'object', title: 'probe', severity: 'hint', enabledByDefault: true, reports: 'presence', concept: 'pod',
    rationale: 'test', remediation: 'test', equivalents: {},
    check(object, context) {
      contexts.add(context);
      return object.kind === 'Pod' ? [{ message: 'probe', span: object.span, data: { name: object.name ?? '' } }] : [];
    },
    fix(finding, context) {
      contexts.add(context);
      editors.add(context.editor);
      return [{ title: `probe ${finding.data?.name}`, isPreferred: false, edits: [{ span: finding.span, newText: '' }] }];
    },
  });
  return { rule, contexts, editors };
}

describe('fixes of a whole file (cnc lint --format json)', () => {
  it('gives every one of 2,000 findings its fix, with one rule context and one editor for the whole file', () => {
    const probe = contextProbe();
    const rules: readonly Rule[] = [...ALL_RULES, probe.rule];
    const file = parseYaml(manyPods);
    const result = lintFileDetailed(file, { rules });
    const report = fileReport('pods.yaml', 'yaml', file, result, rules, true);

    const pinned = report.findings.filter((f) => f.ruleId === 'image-tag-not-pinned');
    expect(pinned).toHaveLength(PODS);
    for (const finding of pinned) expect(finding.fixes.map((f) => f.title)).toEqual(['Pin image tag: nginx:TODO-pin-version (fill in a released version)']);
    const probed = report.findings.filter((f) => f.ruleId === 'context-probe');
    expect(probed).toHaveLength(PODS);
    expect(probed.every((f) => f.fixes.length === 1)).toBe(true);
    // The checks and all 2,000 fixes ran with the same context (and so the same editor): it was built once.
    expect(probe.contexts.size).toBe(1);
    expect(probe.editors.size).toBe(1);
  });

  it('builds one context for all the findings fileFixes is asked about', () => {
    const probe = contextProbe();
    const file = parseYaml(manyPods.split('\n---\n').slice(0, 3).join('\n---\n'));
    const result = lintFileDetailed(file, { rules: [probe.rule] });
    probe.contexts.clear();
    const fixesOf = fileFixes(file, [probe.rule]);
    expect(result.findings.map((f) => fixesOf(f).fixes.length)).toEqual([1, 1, 1]);
    expect(probe.contexts.size).toBe(1);
  });
});

describe('a fix that cannot be written, and a fix that throws', () => {
  const failing = (error: Error) => defineRule<{ ok: true }>({
    id: 'failing-fix', target: 'object', title: 'failing', severity: 'warning', enabledByDefault: true, reports: 'presence', concept: 'pod',
    rationale: 'test', remediation: 'test', equivalents: {},
    check: (object) => [{ message: 'found', span: object.span, data: { ok: true } }],
    fix() { throw error; },
  });
  const file = parseYaml('apiVersion: v1\nkind: Pod\nmetadata: { name: p }\n');

  it('offers no fix, silently, when the editor says the edit is not possible here', () => {
    const rules = [failing(new EditUnsupported('This map comes from an alias'))];
    const [finding] = lintFileDetailed(file, { rules }).findings;
    expect(fileFixes(file, rules)(finding!)).toEqual({ fixes: [] });
    expect(fixesFor(finding!, file, rules)).toEqual([]);
  });

  it('reports any other error, like a check that throws, instead of swallowing it', () => {
    const rules = [failing(new TypeError('node is undefined'))];
    const result = lintFileDetailed(file, { rules });
    const [finding] = result.findings;
    expect(result.fixes(finding!)).toEqual({ fixes: [], failure: 'Rule failing-fix failed to compute its fix: node is undefined' });
    expect(() => fixesFor(finding!, file, rules)).toThrow('Rule failing-fix failed to compute its fix: node is undefined');
    const report = fileReport('pod.yaml', 'yaml', file, result, rules, true);
    expect(report.findings.map((f) => f.message)).toEqual(['found', 'Rule failing-fix failed to compute its fix: node is undefined']);
  });
});
