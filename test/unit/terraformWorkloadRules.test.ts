import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintFile } from '../../src/core/lint/lint';
import { ALL_RULES } from '../../src/core/rules';
import { TERRAFORM_RULES } from '../../src/core/rules/terraform';
import { renderBlock } from '../../src/core/terraform/hclRender';
import { KUBERNETES_RESOURCE_KINDS } from '../../src/core/terraform/kubernetesSchema';
import { parseTerraform } from '../../src/core/terraform/parseTerraform';
import { initTerraform } from '../../src/core/terraform/runtime';
import { parseYaml } from '../../src/core/yaml/parseYaml';

/**
 * Every Kubernetes rule, run on its own YAML fixtures and on the same objects written as `kubernetes_*` Terraform
 * resources (generated with the HCL writer the fixes use): the findings per object must be the same.
 */
const root = path.resolve(__dirname, '..', '..');
const rulesDir = path.join(root, 'src', 'core', 'rules');
const OBJECT_RULES = ALL_RULES.filter((r) => !TERRAFORM_RULES.includes(r));

beforeAll(() => initTerraform({ packageRoot: root }));

/** The resource type that speaks exactly this apiVersion and kind (versioned `_v1` forms first). */
function resourceTypeFor(apiVersion: unknown, kind: unknown): string | undefined {
  const types = [...KUBERNETES_RESOURCE_KINDS].filter(([, k]) => k.apiVersion === apiVersion && k.kind === kind).map(([t]) => t);
  return types.find((t) => /_v\d/.test(t)) ?? types[0];
}

/** Writes a YAML fixture's convertible documents as Terraform, and keeps the YAML of exactly those documents. */
export function toTerraform(yamlText: string): { yaml: string; terraform: string; converted: number } {
  const yamlDocs: string[] = [];
  const resources: string[] = [];
  for (const doc of parseAllDocuments(yamlText)) {
    const [start, , end] = doc.range;
    const source = yamlText.slice(start, end);
    // Unrendered Helm templates are not objects (the YAML side skips them too).
    if (source.includes('{{')) continue;
    const value = doc.toJS() as Record<string, unknown> | null;
    if (!value || typeof value !== 'object') continue;
    const type = resourceTypeFor(value.apiVersion, value.kind);
    if (!type) continue;
    const { apiVersion: _a, kind, ...body } = value;
    yamlDocs.push(source.replace(/^---\s*\n/, ''));
    resources.push(renderBlock(`resource "${type}" "r${resources.length}"`, body, { mode: 'kubernetes', kind: String(kind) }, '').join('\n'));
  }
  return { yaml: yamlDocs.join('\n---\n'), terraform: resources.join('\n\n') + '\n', converted: resources.length };
}

const fixtures = OBJECT_RULES.filter((r) => fs.existsSync(path.join(rulesDir, `${r.id}.fixtures.yaml`)));

describe.each(fixtures.map((r) => [r.id, r] as const))('rule %s on kubernetes_* resources', (id, rule) => {
  it('finds the same problems per object as in YAML', () => {
    const { yaml, terraform, converted } = toTerraform(fs.readFileSync(path.join(rulesDir, `${id}.fixtures.yaml`), 'utf8'));
    expect(converted).toBeGreaterThan(0);
    const yamlFile = parseYaml(yaml);
    const tfFile = parseTerraform(terraform);
    expect(tfFile.problems, terraform).toEqual([]);
    expect(tfFile.objects.length).toBe(yamlFile.objects.length);
    const count = (findings: { object: { documentIndex: number } }[], n: number) => Array.from({ length: n }, (_, i) => findings.filter((f) => f.object.documentIndex === i).length);
    const yamlCounts = count(lintFile(yamlFile, { rules: [rule], allRules: true }), yamlFile.objects.length);
    const tfCounts = count(lintFile(tfFile, { rules: [rule], allRules: true }), tfFile.objects.length);
    expect(tfCounts, terraform).toEqual(yamlCounts);
  });

  it('never finds more when the values are only known at plan time', () => {
    const { terraform, converted } = toTerraform(fs.readFileSync(path.join(rulesDir, `${id}.fixtures.yaml`), 'utf8'));
    // Every one-line argument value (and map entry) becomes a reference; block structure stays.
    let n = 0;
    const unknown = terraform.replace(/^(\s*)([A-Za-z_][\w-]*|"[^"\n]*")(\s*)= (?![{[]$)(.+)$/gm, (_m, indent: string, name: string, pad: string) => `${indent}${name}${pad}= var.v${n++}`);
    const known = parseTerraform(terraform);
    const guessed = parseTerraform(unknown);
    expect(guessed.problems, unknown).toEqual([]);
    expect(guessed.objects).toHaveLength(converted);
    const count = (file: typeof known) => {
      const findings = lintFile(file, { rules: [rule], allRules: true });
      return file.objects.map((o) => findings.filter((f) => f.object.documentIndex === o.documentIndex).length);
    };
    const before = count(known);
    const after = count(guessed);
    after.forEach((c, i) => expect(c, `${guessed.objects[i]!.address}\n${unknown}`).toBeLessThanOrEqual(before[i]!));
  });
});
