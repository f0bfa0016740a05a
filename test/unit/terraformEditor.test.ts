import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, fixesFor, lintFile } from '../../src/core/lint/lint';
import { containersOf } from '../../src/core/model/podSpecs';
import { at, type MapNode, type ScalarNode } from '../../src/core/model/tree';
import { ALL_RULES } from '../../src/core/rules';
import { hclEditor } from '../../src/core/terraform/hclEditor';
import { renderBlock } from '../../src/core/terraform/hclRender';
import { parseTerraform, type ParsedTerraformFile } from '../../src/core/terraform/parseTerraform';
import { initTerraform } from '../../src/core/terraform/runtime';

const root = path.resolve(__dirname, '..', '..');
beforeAll(() => initTerraform({ packageRoot: root }));

const POD = `resource "kubernetes_pod_v1" "web" {
  metadata {
    name   = "web"
    labels = { app = "web" }
  }

  spec {
    container {
      name  = "web"
      image = "nginx:latest" # main image

      port {
        container_port = 80
      }
    }

    container {
      name  = "sidecar"
      image = "busybox:1.36"
    }
  }
}
`;

function edit(text: string, change: (file: ParsedTerraformFile, editor: ReturnType<typeof hclEditor>) => { span: { start: number; end: number }; newText: string }[]): string {
  const file = parseTerraform(text);
  const edits = change(file, hclEditor(file));
  expect(edits.length).toBeGreaterThan(0);
  const result = applyEdits(text, edits);
  expect(parseTerraform(result).problems, result).toEqual([]);
  return result;
}

const web = (file: ParsedTerraformFile) => containersOf(file.objects[0]!)[0]!.container;

describe('the HCL fix editor', () => {
  it('replaces a scalar keeping its quoting, and adds a comment to the one already on the line', () => {
    const result = edit(POD, (file, editor) => editor.setScalar(at(web(file), 'image') as ScalarNode, 'nginx:1.27.3', 'TODO: check the tag'));
    expect(result).toContain('      image = "nginx:1.27.3" # main image — TODO: check the tag\n');
    const bare = edit(POD, (file, editor) => editor.setScalar(at((at(web(file), 'ports') as { items: MapNode[] }).items[0], 'containerPort') as ScalarNode, 8080, 'moved'));
    expect(bare).toContain('        container_port = 8080  # moved\n');
  });

  it('creates nested blocks in the provider spelling, at the indentation of their neighbours', () => {
    const result = edit(POD, (file, editor) => editor.setIn(web(file), ['resources', 'limits'], { cpu: '500m', memory: '512Mi' }, 'TODO: size from measurements'));
    expect(result).toContain([
      '      port {',
      '        container_port = 80',
      '      }',
      '      resources {',
      '        limits = {',
      '          cpu    = "500m"  # TODO: size from measurements',
      '          memory = "512Mi"  # TODO: size from measurements',
      '        }',
      '      }',
      '    }',
    ].join('\n'));
    const security = edit(POD, (file, editor) => editor.setIn(web(file), ['securityContext', 'capabilities', 'drop'], ['ALL']));
    expect(security).toContain('      security_context {\n        capabilities {\n          drop = ["ALL"]\n        }\n      }\n');
    const flag = edit(POD, (file, editor) => editor.setIn(web(file), ['securityContext', 'allowPrivilegeEscalation'], false));
    expect(flag).toContain('      security_context {\n        allow_privilege_escalation = false\n      }\n');
  });

  it('writes lists of objects as repeated blocks and irregular names the provider’s way', () => {
    const result = edit(POD, (file, editor) => editor.setIn(web(file), ['env'], [{ name: 'A', value: '1' }, { name: 'B', value: '2' }]));
    expect(result).toContain('      env {\n        name  = "A"\n        value = "1"\n      }\n      env {\n        name  = "B"\n        value = "2"\n      }\n');
    const spec = (file: ParsedTerraformFile) => at(file.objects[0]!.root, 'spec') as MapNode;
    expect(edit(POD, (file, editor) => editor.setIn(spec(file), ['hostPID'], false))).toContain('    host_pid = false\n');
  });

  it('opens up one-line and empty blocks, and adds to object constructors', () => {
    const oneLine = 'resource "aws_instance" "x" {\n  root_block_device { volume_size = 20 }\n  ebs_block_device {}\n}\n';
    const file = parseTerraform(oneLine);
    const root = at(file.blocks[0]!.body, 'root_block_device') as { items: MapNode[] };
    const empty = at(file.blocks[0]!.body, 'ebs_block_device') as { items: MapNode[] };
    const editor = hclEditor(file);
    expect(applyEdits(oneLine, editor.setIn(root.items[0]!, ['encrypted'], true))).toBe('resource "aws_instance" "x" {\n  root_block_device {\n    volume_size = 20\n    encrypted = true\n  }\n  ebs_block_device {}\n}\n');
    expect(applyEdits(oneLine, editor.setIn(empty.items[0]!, ['encrypted'], true))).toBe('resource "aws_instance" "x" {\n  root_block_device { volume_size = 20 }\n  ebs_block_device {\n    encrypted = true\n  }\n}\n');

    const labels = edit(POD, (f, e) => e.setIn(at(f.objects[0]!.root, 'metadata', 'labels') as MapNode, ['tier'], 'frontend'));
    expect(labels).toContain('labels = { app = "web", tier = "frontend" }');
    const nested = edit(POD, (f, e) => e.setIn(at(f.objects[0]!.root, 'metadata', 'labels') as MapNode, ['x'], { a: 1, b: [true] }));
    expect(nested).toContain('labels = { app = "web", x = { a = 1, b = [true] } }');
    const multi = 'resource "kubernetes_config_map_v1" "c" {\n  data = {\n    a = "1"\n  }\n}\n';
    expect(edit(multi, (f, e) => e.setIn(at(f.objects[0]!.root, 'data') as MapNode, ['b.properties'], 'x=1'))).toContain('  data = {\n    a = "1"\n    "b.properties" = "x=1"\n  }\n');
  });

  it('lines up a new argument with the aligned run above it', () => {
    const text = 'resource "aws_ebs_volume" "v" {\n  availability_zone = "eu-west-1a"\n  size              = 40\n}\n';
    expect(edit(text, (f, e) => e.setIn(f.blocks[0]!.body, ['encrypted'], true))).toContain('  size              = 40\n  encrypted         = true\n}');
  });

  it('replaces existing values and removes arguments, blocks and object entries with their lines', () => {
    const replaced = edit(POD, (file, editor) => editor.setIn(at(file.objects[0]!.root, 'metadata') as MapNode, ['labels'], { app: 'web', tier: 'frontend' }));
    expect(replaced).toContain('    labels = {\n      app  = "web"\n      tier = "frontend"\n    }\n');
    const noImage = edit(POD, (file, editor) => editor.deleteKey(web(file), 'image'));
    expect(noImage).toContain('      name  = "web"\n\n      port {');
    expect(noImage).not.toContain('main image');
    const noContainers = edit(POD, (file, editor) => editor.deleteKey(at(file.objects[0]!.root, 'spec') as MapNode, 'containers'));
    expect(noContainers).toBe('resource "kubernetes_pod_v1" "web" {\n  metadata {\n    name   = "web"\n    labels = { app = "web" }\n  }\n\n  spec {\n\n  }\n}\n');
    const noLabel = edit(POD, (file, editor) => editor.deleteKey(at(file.objects[0]!.root, 'metadata', 'labels') as MapNode, 'app'));
    expect(noLabel).toContain('labels = {}');
  });

  it('never edits what it cannot see: unknown values, synthetic fields, broken blocks', () => {
    const text = 'resource "kubernetes_pod_v1" "p" {\n  metadata {\n    labels = var.labels\n  }\n}\n';
    const file = parseTerraform(text);
    const editor = hclEditor(file);
    const metadata = at(file.objects[0]!.root, 'metadata') as MapNode;
    expect(editor.setIn(metadata, ['labels', 'app'], 'x')).toEqual([]);
    expect(editor.setScalar(at(file.objects[0]!.root, 'kind') as ScalarNode, 'Deployment')).toEqual([]);
    const broken = parseTerraform('resource "aws_s3_bucket" "b" {\n  acl = "private"\n');
    expect(hclEditor(broken).setIn(broken.blocks[0]!.body, ['bucket'], 'x')).toEqual([]);
  });

  it('refuses keys that HCL cannot write as arguments, instead of writing broken HCL', () => {
    expect(() => renderBlock('spec', { 'not an identifier': 1 }, { mode: 'terraform' }, '')).toThrow(/cannot be written/);
  });

  it('lets a workload rule’s fix written for YAML fix the same problem in Terraform', () => {
    const file = parseTerraform(POD);
    const finding = lintFile(file, { rules: ALL_RULES }).find((f) => f.ruleId === 'image-tag-not-pinned')!;
    expect(finding.object.address).toBe('kubernetes_pod_v1.web');
    const fixes = fixesFor(finding, file, ALL_RULES);
    expect(fixes.map((f) => f.title)).toEqual(['Pin image tag: nginx:TODO-pin-version (fill in a released version)']);
    for (const fix of fixes) {
      const after = parseTerraform(applyEdits(POD, fix.edits));
      expect(after.problems).toEqual([]);
      expect(lintFile(after, { rules: ALL_RULES }).filter((f) => f.ruleId === 'image-tag-not-pinned')).toEqual([]);
    }
  });

  it('applies every workload rule’s fixes on a Terraform Deployment and re-lints clean for that finding', () => {
    const text = `resource "kubernetes_deployment_v1" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
  }

  spec {
    replicas = 1

    selector {
      match_labels = {
        app = "web"
      }
    }

    template {
      metadata {
        labels = {
          app = "web"
        }
      }

      spec {
        container {
          name  = "web"
          image = "nginx"

          security_context {
            privileged = true
          }
        }
      }
    }
  }
}
`;
    const file = parseTerraform(text);
    const findings = lintFile(file, { rules: ALL_RULES, allRules: true });
    let fixed = 0;
    for (const finding of findings) {
      for (const fix of fixesFor(finding, file, ALL_RULES)) {
        const result = applyEdits(text, fix.edits);
        const after = parseTerraform(result);
        expect(after.problems, `${finding.ruleId}: ${fix.title}\n${result}`).toEqual([]);
        const same = lintFile(after, { rules: ALL_RULES, allRules: true }).filter((f) => f.ruleId === finding.ruleId && f.message === finding.message);
        expect(same, `${finding.ruleId}: ${fix.title}\n${result}`).toEqual([]);
        fixed++;
      }
    }
    expect(fixed).toBeGreaterThan(3);
  });
});
