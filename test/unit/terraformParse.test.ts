import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analysis/analyse';
import { ALL_RULES } from '../../src/core/rules';
import { hclPathAt } from '../../src/core/terraform/hclLocate';
import type { HclAttribute, HclExpression } from '../../src/core/terraform/hclModel';
import { editBetween, keepsSyntaxTree, parseTerraform, releaseTerraformFile, type ParsedTerraformFile } from '../../src/core/terraform/parseTerraform';
import { TERRAFORM_PARSED_BYTES } from '../../src/core/model/limits';
import { initTerraform, terraformUnavailable } from '../../src/core/terraform/runtime';

const root = path.resolve(__dirname, '..', '..');
const fixtures = path.join(__dirname, 'fixtures', 'terraform');

/** The value of a top-level attribute. */
function valueOf(file: ParsedTerraformFile, name: string): HclExpression {
  const attribute = file.body.items.find((i): i is HclAttribute => i.kind === 'attribute' && i.name === name);
  if (!attribute) throw new Error(`no attribute ${name}`);
  return attribute.value;
}

/** A file's model without syntax handles, for comparing two parses. */
function plain(file: ParsedTerraformFile): unknown {
  return JSON.parse(JSON.stringify({ body: file.body, problems: file.problems, blocks: file.blocks.map((b) => ({ ...b, body: undefined, syntax: undefined })), objects: file.objects }, (key, value) => (key === 'handle' ? undefined : value)));
}

describe('before initTerraform', () => {
  it('says the parser is not loaded, and analyse skips Terraform with that reason instead of throwing', () => {
    expect(terraformUnavailable()).toMatch(/not loaded/);
    const analysis = analyse('resource "a" "b" {}', 'terraform', ALL_RULES);
    expect(analysis.file).toBeUndefined();
    expect(analysis.skipped).toMatch(/Terraform analysis is unavailable: the Terraform \(HCL\) parser is not loaded yet/);
  });

  it('rejects with a readable reason when the WebAssembly files are missing, and can be retried', async () => {
    await expect(initTerraform({ packageRoot: path.join(root, 'no-such-folder') })).rejects.toThrow(/tree-sitter\.wasm not found/);
    expect(terraformUnavailable()).toMatch(/could not be loaded/);
  });
});

describe('parseTerraform', () => {
  beforeAll(() => initTerraform({ packageRoot: root }));

  it('loads web-tree-sitter 0.25 with the HCL grammar (the ABIs match)', () => {
    expect(terraformUnavailable()).toBeUndefined();
  });

  it('addresses every kind of top-level block as Terraform does', () => {
    const file = parseTerraform([
      'terraform {', '  required_version = ">= 1.5"', '}',
      'provider "aws" {', '  region = "eu-west-1"', '}',
      'provider "aws" {', '  alias = "us"', '}',
      'variable "region" {}', 'locals {', '  a = 1', '}', 'output "id" {', '  value = aws_s3_bucket.logs.id', '}',
      'module "vpc" {', '  source = "./vpc"', '}', 'data "aws_ami" "ubuntu" {}', 'resource "aws_s3_bucket" "logs" {}',
    ].join('\n'));
    expect(file.problems).toEqual([]);
    expect(file.blocks.map((b) => [b.address, b.index])).toEqual([
      ['terraform', 0], ['provider.aws', 1], ['provider.aws.us', 2], ['var.region', 3], ['locals', 4], ['output.id', 5],
      ['module.vpc', 6], ['data.aws_ami.ubuntu', 7], ['aws_s3_bucket.logs', 8],
    ]);
    expect(file.blocks[8]).toMatchObject({ blockType: 'resource', type: 'aws_s3_bucket', name: 'logs' });
    expect(file.objects).toEqual([]);
  });

  it('reads literals: strings with escapes, numbers, booleans, null, tuples, objects with quoted keys', () => {
    const file = parseTerraform([
      'a = "tab\\there \\"q\\" \\u00e9 $${not} %%{either}"', 'b = 1.5e3', 'c = true', 'd = null',
      'e = ["x", 2, false]', 'f = { plain = 1, "app.kubernetes.io/name" = "web" }',
    ].join('\n'));
    expect(file.problems).toEqual([]);
    expect(valueOf(file, 'a')).toMatchObject({ kind: 'literal', value: 'tab\there "q" é ${not} %{either}', form: 'quoted' });
    expect(valueOf(file, 'b')).toMatchObject({ kind: 'literal', value: 1500, form: 'bare' });
    expect(valueOf(file, 'c')).toMatchObject({ kind: 'literal', value: true });
    expect(valueOf(file, 'd')).toMatchObject({ kind: 'literal', value: null });
    const tuple = valueOf(file, 'e');
    expect(tuple.kind === 'tuple' && tuple.items.map((i) => (i.kind === 'literal' ? i.value : i.kind))).toEqual(['x', 2, false]);
    const object = valueOf(file, 'f');
    expect(object.kind === 'object' && object.entries.map((e) => [e.key, e.value.kind === 'literal' ? e.value.value : e.value.kind])).toEqual([['plain', 1], ['app.kubernetes.io/name', 'web']]);
  });

  it('reads heredocs, keeping the final newline and removing shared indentation for <<-', () => {
    const text = ['plain = <<EOT', 'line one', '  line two', 'EOT', 'indented = <<-EOT', '    {', '      "a": 1', '    }', '    EOT', ''].join('\n');
    const file = parseTerraform(text);
    expect(file.problems).toEqual([]);
    expect(valueOf(file, 'plain')).toMatchObject({ kind: 'literal', value: 'line one\n  line two\n', form: 'heredoc' });
    expect(valueOf(file, 'indented')).toMatchObject({ kind: 'literal', value: '{\n  "a": 1\n}\n', form: 'heredoc' });
  });

  it('leaves everything Terraform computes unknown, with what it refers to', () => {
    const file = parseTerraform([
      'ref = var.image', 'call = lookup(var.images, "web", "nginx:1.27")', 'cond = var.prod ? 3 : 1',
      'tmpl = "${var.registry}/web:${local.tag}"', 'heredoc = <<EOT', 'image: ${var.image}', 'EOT',
      'loop = [for s in var.list : upper(s)]', 'computed_key = { (var.key) = "x" }', 'attr = aws_s3_bucket.logs.arn',
      'splat = aws_instance.web[*].id', 'math = 1 + 2',
    ].join('\n'));
    expect(file.problems).toEqual([]);
    for (const name of ['ref', 'call', 'cond', 'tmpl', 'heredoc', 'loop', 'computed_key', 'attr', 'splat', 'math']) {
      expect(valueOf(file, name).kind, name).toBe('unknown');
    }
    const references = (name: string) => { const v = valueOf(file, name); return v.kind === 'unknown' ? v.references : []; };
    expect(references('ref')).toEqual(['var.image']);
    expect(references('tmpl')).toEqual(['var.registry', 'local.tag']);
    expect(references('attr')).toEqual(['aws_s3_bucket.logs.arn']);
    expect(references('call')).toEqual(['var.images']);
  });

  it('keeps offsets in JavaScript string units, also after non-ASCII text', () => {
    const text = '# ünïcödé 😀 comment\nname = "wörld 😀"\n';
    const file = parseTerraform(text);
    const value = valueOf(file, 'name');
    expect(text.slice(value.span.start, value.span.end)).toBe('"wörld 😀"');
    expect(file.comments.map((c) => text.slice(c.start, c.end))).toEqual(['# ünïcödé 😀 comment']);
  });

  it('handles empty, blank and comment-only files without problems', () => {
    for (const text of ['', '\n\n   \n', '# only a comment\n// another\n/* and a block */\n']) {
      const file = parseTerraform(text);
      expect(file.problems, JSON.stringify(text)).toEqual([]);
      expect(file.blocks).toEqual([]);
    }
  });

  it('gives one clear problem per broken region and keeps parsing the blocks around it', () => {
    const good = (n: number) => `resource "aws_s3_bucket" "b${n}" {\n  bucket = "b${n}"\n}\n`;
    const text = [good(1), 'resource "aws_s3_bucket" "broken" {\n  bucket = \n  acl = "private"\n}\n', ...Array.from({ length: 30 }, (_, i) => good(i + 2))].join('');
    const file = parseTerraform(text);
    expect(file.problems).toHaveLength(1);
    expect(file.problems[0]!.message).toMatch(/^HCL syntax error/);
    expect(file.problems[0]!.severity).toBe('error');
    const { start, end } = file.problems[0]!.span;
    expect(text.slice(start, end)).not.toContain('\n');
    expect(file.blocks.filter((b) => /^aws_s3_bucket\.b\d+$/.test(b.address))).toHaveLength(31);
  });

  it('reports an unterminated block or string once, at a sensible place', () => {
    const unclosed = parseTerraform('resource "a" "b" {\n  x = 1\n');
    expect(unclosed.problems).toHaveLength(1);
    expect(unclosed.problems[0]!.message).toMatch(/missing `}`|cannot parse/);
    const unterminated = parseTerraform('a = "no end\nb = 2\n');
    expect(unterminated.problems).toEqual([{ severity: 'error', message: 'HCL syntax error: missing `"`.', span: { start: 18, end: 18 } }]);
  });

  it('survives binary garbage, deep nesting and a large generated file', () => {
    const garbage = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_000)).join('');
    const noise = parseTerraform(garbage);
    expect(noise.problems.length).toBeGreaterThan(0);
    expect(noise.problems.length).toBeLessThanOrEqual(26);

    const deep = parseTerraform(`a = ${'['.repeat(5_000)}1${']'.repeat(5_000)}\n`);
    expect(deep.problems).toEqual([]);
    expect(deep.body.items).toHaveLength(1);

    const resources = Array.from({ length: 3_000 }, (_, i) => [
      `resource "kubernetes_deployment_v1" "app${i}" {`, '  metadata {', `    name = "app${i}"`, '  }', '  spec {',
      '    template {', '      spec {', '        container {', `          image = "nginx:1.27.${i % 10}"`, '          name  = "web"', '        }',
      '      }', '    }', '  }', '}',
    ].join('\n')).join('\n');
    const big = parseTerraform(resources);
    expect(resources.length).toBeGreaterThan(600_000);
    expect(big.problems).toEqual([]);
    expect(big.objects).toHaveLength(3_000);
    expect(big.objects[2_999]!.address).toBe('kubernetes_deployment_v1.app2999');
  });

  it('skips files above the Terraform size limit with a clear reason rather than stalling', () => {
    const huge = `# ${'x'.repeat(TERRAFORM_PARSED_BYTES)}
`;
    const analysis = analyse(huge, 'terraform', ALL_RULES);
    expect(analysis.file).toBeUndefined();
    expect(analysis.skipped).toMatch(/larger than 1 MB/);
  });

  it('parses every credited real-world .tf fixture without a syntax problem', () => {
    // Copies from the shared corpus (see each folder's SOURCES.md); bench/checkov-agreement.mjs parses the whole corpus.
    const files: string[] = [];
    const walk = (dir: string) => { for (const e of fs.readdirSync(dir, { withFileTypes: true })) { const f = path.join(dir, e.name); if (e.isDirectory()) walk(f); else if (f.endsWith('.tf')) files.push(f); } };
    for (const folder of ['terraform-provider-kubernetes', 'terraform-aws-eks', 'regula', 'checkov']) walk(path.join(fixtures, folder));
    expect(files).toHaveLength(14);
    for (const f of files) expect(parseTerraform(fs.readFileSync(f, 'utf8')).problems, f).toEqual([]);
  });

  it('re-parses incrementally to the same result as a full parse, and hands the tree on', () => {
    const before = fs.readFileSync(path.join(fixtures, 'terraform-provider-kubernetes', 'examples', 'resources', 'deployment_v1', 'example_1.tf'), 'utf8');
    const first = parseTerraform(before, { incremental: true });
    expect(keepsSyntaxTree(first)).toBe(true);
    const edits = [
      (t: string) => t.replace('nginx:1.21.6', 'nginx:1.27.3 😀'),
      (t: string) => t.replace('replicas = 3', 'replicas = var.replicas'),
      (t: string) => t.replace('  spec {', '  spec {\n    broken = \n'),
      (t: string) => t.replace('    broken = \n', ''),
      (t: string) => `# a new first line\n${t}`,
    ];
    let previous = first;
    let text = before;
    for (const edit of edits) {
      text = edit(text);
      const next = parseTerraform(text, { previous, incremental: true });
      expect(keepsSyntaxTree(previous)).toBe(false);
      expect(keepsSyntaxTree(next)).toBe(true);
      expect(plain(next)).toEqual(plain(parseTerraform(text)));
      previous = next;
    }
    releaseTerraformFile(previous);
    releaseTerraformFile(previous);
    expect(keepsSyntaxTree(previous)).toBe(false);
    // A consumed previous parse is simply a full parse next time.
    expect(plain(parseTerraform(text, { previous: first }))).toEqual(plain(parseTerraform(text)));
  });

  it('describes an edit as the span between the common prefix and suffix', () => {
    expect(editBetween('abc\ndef', 'abc\nxyzdef')).toEqual({
      startIndex: 4, oldEndIndex: 4, newEndIndex: 7,
      startPosition: { row: 1, column: 0 }, oldEndPosition: { row: 1, column: 0 }, newEndPosition: { row: 1, column: 3 },
    });
    expect(editBetween('same', 'same')).toMatchObject({ startIndex: 4, oldEndIndex: 4, newEndIndex: 4 });
  });

  it('locates the block, attribute and object key under an offset', () => {
    const text = 'resource "x" "y" {\n  nested {\n    m = { key = "v" }\n  }\n}\n';
    const file = parseTerraform(text);
    const steps = hclPathAt(file.body, text.indexOf('key'));
    expect(steps.map((s) => (s.kind === 'block' ? `${s.block.type}:${s.on}` : s.kind === 'attribute' ? `${s.attribute.name}:${s.on}` : s.kind === 'entry' ? `${s.entry.key}:${s.on}` : s.index))).toEqual(['resource:body', 'nested:body', 'm:value', 'key:key']);
    expect(hclPathAt(file.body, text.indexOf('"x"') + 1)).toMatchObject([{ kind: 'block', on: 'label', label: 0 }]);
  });

  it('is what analyse() uses for Terraform, with findings from the same rules as YAML', () => {
    const analysis = analyse('resource "kubernetes_pod_v1" "p" {\n  metadata {\n    name = "p"\n  }\n  spec {\n    container {\n      name  = "c"\n      image = "nginx:latest"\n    }\n  }\n}\n', 'terraform', ALL_RULES);
    expect(analysis.file?.language).toBe('terraform');
    expect(analysis.findings.map((f) => f.ruleId)).toContain('image-tag-not-pinned');
    expect(analysis.findings.find((f) => f.ruleId === 'image-tag-not-pinned')!.object.address).toBe('kubernetes_pod_v1.p');
  });
});
