import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json6902Hover, pointerPath } from '../../src/core/hover/patchHover';
import { diskReader, isNamedAsPatch, kustomizationLinks, kustomizationOnDisk, patchEntriesNaming } from '../../src/core/lint/kustomize';
import { lintFile, lintFileDetailed } from '../../src/core/lint/lint';
import { carriesPatchDirective, kustomizationReferences } from '../../src/core/model/kustomization';
import { ALL_RULES } from '../../src/core/rules';
import { parseYaml } from '../../src/core/yaml/parseYaml';
import { runCnc } from './cliRun';

const fixtures = path.resolve(__dirname, 'fixtures', 'kustomize');
const prod = path.join(fixtures, 'overlays', 'prod');
const read = (file: string) => fs.readFileSync(file, 'utf8');
const ruleIds = (text: string, patch?: boolean) => lintFile(parseYaml(text), { rules: ALL_RULES, patch }).map((f) => f.ruleId);

describe('rules declare what they report', () => {
  it('every rule says whether it reports an absence or a written value', () => {
    for (const rule of ALL_RULES) expect(['absence', 'presence'], rule.id).toContain(rule.reports);
    const reports = (id: string) => ALL_RULES.find((r) => r.id === id)?.reports;
    expect(reports('replicas-below-two')).toBe('absence');
    expect(reports('cpu-limit-missing')).toBe('absence');
    expect(reports('image-tag-not-pinned')).toBe('presence');
    expect(reports('host-network')).toBe('presence');
  });
});

describe('Kustomize patches are partial objects', () => {
  it('a strategic-merge patch of a Deployment gets presence findings only', () => {
    const text = read(path.join(prod, 'image-patch.yaml'));
    expect(ruleIds(text, true)).toEqual(['image-tag-not-pinned']);
    // The same text as a whole object: the absence rules do run.
    const whole = ruleIds(text);
    expect(whole).toContain('image-tag-not-pinned');
    expect(whole).toEqual(expect.arrayContaining(['cpu-request-missing', 'replicas-below-two', 'readiness-probe-missing']));
  });

  it('a document with $patch is partial even when no kustomization names it', () => {
    const deleted = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: worker\n$patch: delete\n';
    expect(ruleIds(deleted)).toEqual([]);
    expect(ruleIds(deleted.replace('$patch: delete\n', ''))).toContain('replicas-below-two');
    const replaced = [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata: { name: web }', 'spec:', '  template:', '    spec:',
      '      containers:', '        - name: web', '          image: nginx:latest', '          $patch: replace', '',
    ].join('\n');
    expect(ruleIds(replaced)).toEqual(['image-tag-not-pinned']);
    expect(carriesPatchDirective(parseYaml(replaced).documents[0]!.tree)).toBe(true);
    expect(carriesPatchDirective(parseYaml(read(path.join(prod, 'standalone.yaml'))).documents[0]!.tree)).toBe(false);
  });

  it('knows a patch by the kustomization of its folder or a parent folder', () => {
    const named = (file: string) => isNamedAsPatch(path.join(fixtures, file), diskReader());
    expect(named('overlays/prod/image-patch.yaml')).toBe(true);
    expect(named('overlays/prod/replicas-json.yaml')).toBe(true);
    expect(named('overlays/prod/delete-worker.yaml')).toBe(true);
    expect(named('overlays/prod/standalone.yaml')).toBe(false);
    expect(named('base/deployment.yaml')).toBe(false);
    // A kustomization in a parent folder names a patch below it; the editor's unsaved text wins over the disk.
    const parent = path.join(fixtures, 'overlays', 'kustomization.yaml');
    const unsaved = new Map([[parent, 'patches:\n  - path: prod/standalone.yaml\n']]);
    expect(isNamedAsPatch(path.join(prod, 'standalone.yaml'), diskReader(unsaved))).toBe(true);
    expect(isNamedAsPatch(path.join(prod, 'standalone.yaml'), diskReader(unsaved), { stopAt: prod })).toBe(false);
    // A kustomization elsewhere (open in the editor) that names the file by a relative path.
    const sibling = path.join(fixtures, 'overlays', 'staging', 'kustomization.yaml');
    const open = new Map([[sibling, 'patches:\n  - path: ../prod/standalone.yaml\n']]);
    expect(isNamedAsPatch(path.join(prod, 'standalone.yaml'), diskReader(open), { stopAt: prod, alsoNamedBy: [sibling] })).toBe(true);
  });
});

describe('kustomization.yaml paths', () => {
  it('lists the local paths it names, with their fields, and leaves remote ones out', () => {
    const text = [
      'resources:', '  - deployment.yaml', '  - https://github.com/org/repo//deploy?ref=v1', '  - github.com/org/repo/base?ref=main',
      'components: [../components/tls]', 'patchesStrategicMerge:', '  - patch.yaml', '  - |-', '    kind: Deployment', '    metadata: { name: inline }',
      'patches:', '  - path: p.yaml', '  - patch: |-', '      - op: remove', '        path: /spec/replicas',
      'secretGenerator:', '  - name: s', '    files: [tls.crt, key=secret/tls.key]', '    envs: [.env]', '',
    ].join('\n');
    const references = kustomizationReferences(parseYaml(text).documents[0]!.tree);
    expect(references.map((r) => [r.field, r.path, r.patch])).toEqual([
      ['resources', 'deployment.yaml', false],
      ['components', '../components/tls', false],
      ['patchesStrategicMerge', 'patch.yaml', true],
      ['patches', 'p.yaml', true],
      ['secretGenerator', 'tls.crt', false],
      ['secretGenerator', 'secret/tls.key', false],
      ['secretGenerator', '.env', false],
    ]);
    expect(text.slice(references[0]!.span.start, references[0]!.span.end)).toBe('deployment.yaml');
  });

  it('reports a path that does not exist, on its value, and nothing for those that do', () => {
    const file = path.join(prod, 'kustomization.yaml');
    const text = read(file);
    const findings = lintFile(parseYaml(text), { rules: ALL_RULES, kustomization: kustomizationOnDisk(file) });
    expect(findings.map((f) => [f.ruleId, text.slice(f.span.start, f.span.end)])).toEqual([['kustomization-path-missing', 'missing-service.yaml']]);
    expect(findings[0]!.severity).toBe('error');
    const off = lintFile(parseYaml(text), { rules: ALL_RULES, kustomization: kustomizationOnDisk(file), config: { rules: { 'kustomization-path-missing': 'off' }, ignore: [] } });
    expect(off).toEqual([]);
  });

  it('reports a cycle of kustomizations on the entry that leads back, and stops', () => {
    const file = path.join(fixtures, 'cycle', 'a', 'kustomization.yaml');
    const text = read(file);
    const findings = lintFile(parseYaml(text), { rules: ALL_RULES, kustomization: kustomizationOnDisk(file) });
    expect(findings.map((f) => [f.ruleId, text.slice(f.span.start, f.span.end)])).toEqual([['kustomization-cycle', '../b']]);
    expect(findings[0]!.message).toContain('(../b → here)');
    // No cycle in an overlay over a base.
    const prodFile = path.join(prod, 'kustomization.yaml');
    expect(lintFile(parseYaml(read(prodFile)), { rules: ALL_RULES, kustomization: kustomizationOnDisk(prodFile) }).map((f) => f.ruleId)).not.toContain('kustomization-cycle');
    // A cycle that does not pass through this kustomization is the others' to report: followed once, no hang.
    const texts = new Map([
      ['/w/top/kustomization.yaml', 'resources: [../x]\n'],
      ['/w/x/kustomization.yaml', 'resources: [../y]\n'],
      ['/w/y/kustomization.yaml', 'resources: [../x]\n'],
    ]);
    const top = { path: '/w/top/kustomization.yaml', kindOf: () => 'directory' as const, read: (f: string) => texts.get(f) };
    expect(lintFile(parseYaml(texts.get(top.path)!), { rules: ALL_RULES, kustomization: top })).toEqual([]);
    const y = { ...top, path: '/w/y/kustomization.yaml' };
    expect(lintFile(parseYaml(texts.get(y.path)!), { rules: ALL_RULES, kustomization: y }).map((f) => f.message)).toEqual([
      'resources "../x" leads back to this kustomization (../x → here); kustomize build reports a cycle and builds nothing.',
    ]);
  });

  it('links every path that exists to the file it opens (a folder to its kustomization)', () => {
    const file = path.join(prod, 'kustomization.yaml');
    const text = read(file);
    const links = kustomizationLinks(file, text, diskReader());
    expect(links.map((l) => [text.slice(l.span.start, l.span.end), path.relative(fixtures, l.target)])).toEqual([
      ['../../base', path.join('base', 'kustomization.yaml')],
      ['image-patch.yaml', path.join('overlays', 'prod', 'image-patch.yaml')],
      ['replicas-json.yaml', path.join('overlays', 'prod', 'replicas-json.yaml')],
      ['delete-worker.yaml', path.join('overlays', 'prod', 'delete-worker.yaml')],
      ['app.properties', path.join('overlays', 'prod', 'app.properties')],
    ]);
  });
});

describe('cnc lint on a Kustomize tree', () => {
  it('skips absence checks on patches, keeps presence checks, and reports the missing path', () => {
    const result = runCnc(fixtures, ['lint', '.', '--format', 'json']);
    const files = JSON.parse(result.stdout).files as { path: string; findings: { ruleId: string }[] }[];
    const ids = (name: string) => files.find((f) => f.path === name)?.findings.map((f) => f.ruleId);
    expect(ids('overlays/prod/image-patch.yaml')).toEqual(['image-tag-not-pinned']);
    expect(ids('overlays/prod/delete-worker.yaml')).toEqual([]);
    expect(ids('overlays/prod/kustomization.yaml')).toEqual(['kustomization-path-missing']);
    expect(ids('overlays/inline/kustomization.yaml')).toEqual(['image-tag-not-pinned', 'host-network']);
    expect(ids('cycle/a/kustomization.yaml')).toEqual(['kustomization-cycle']);
    expect(ids('cycle/b/kustomization.yaml')).toEqual(['kustomization-cycle']);
    expect(ids('overlays/prod/standalone.yaml')).toEqual(expect.arrayContaining(['replicas-below-two', 'image-tag-not-pinned']));
    expect(ids('base/deployment.yaml')).toContain('cpu-request-missing');
    expect(result.status).toBe(1);
  });

  it('knows a patch when only the patch file is given', () => {
    const result = runCnc(prod, ['lint', 'image-patch.yaml', '--format', 'json']);
    expect(JSON.parse(result.stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['image-tag-not-pinned']);
  });
});

describe('JSON 6902 patch hovers', () => {
  it('describes the field an operation path names, with the kind from the patch target', () => {
    const text = read(path.join(prod, 'replicas-json.yaml'));
    const target = patchEntriesNaming(path.join(prod, 'replicas-json.yaml'), diskReader()).find((e) => e.target)?.target;
    expect(target).toEqual({ kind: 'Deployment' });
    const hover = json6902Hover(parseYaml(text), text.indexOf('/spec/replicas') + 3, target!);
    expect(hover?.field).toMatchObject({ path: 'Deployment.spec.replicas', kind: 'Deployment' });
    expect(hover?.markdown).toContain('replicas');
    expect(json6902Hover(parseYaml(text), text.indexOf('op:') + 1, target!)).toBeUndefined();
  });

  it('follows keys inside an operation value, and takes group/version from the target', () => {
    const text = '- op: add\n  path: /spec/template/spec/containers/0\n  value:\n    name: sidecar\n    imagePullPolicy: Always\n';
    const hover = json6902Hover(parseYaml(text), text.indexOf('imagePullPolicy') + 2, { apiVersion: 'apps/v1', kind: 'StatefulSet' });
    expect(hover?.field).toMatchObject({ path: 'StatefulSet.spec.template.spec.containers[].imagePullPolicy' });
    expect(pointerPath('/metadata/annotations/example.com~1team')).toEqual(['metadata', 'annotations', 'example.com/team']);
    expect(pointerPath('/spec/containers/-')).toEqual(['spec', 'containers', 0]);
    expect(pointerPath('spec')).toBeUndefined();
  });
});

describe('inline patches of a kustomization.yaml', () => {
  it('are checked as patches, findings placed on their text in the kustomization, without fixes', () => {
    const file = path.join(fixtures, 'overlays', 'inline', 'kustomization.yaml');
    const text = read(file);
    const parsed = parseYaml(text);
    const result = lintFileDetailed(parsed, { rules: ALL_RULES, kustomization: kustomizationOnDisk(file) });
    expect(result.findings.map((f) => [f.ruleId, text.slice(f.span.start, f.span.end)])).toEqual([
      ['image-tag-not-pinned', 'nginx:latest'],
      ['host-network', 'true'],
    ]);
    expect(result.findings[1]!.span.start).toBe(text.indexOf('hostNetwork: true') + 'hostNetwork: '.length);
    for (const finding of result.findings) expect(result.fixes(finding)).toEqual({ fixes: [] });
  });

  it('are left alone when written in a folded or quoted style (offsets would not map back)', () => {
    const text = 'patches:\n  - patch: "apiVersion: apps/v1\\nkind: Deployment\\nmetadata: {name: web}\\nspec: {template: {spec: {hostNetwork: true}}}"\n';
    expect(lintFileDetailed(parseYaml(text), { rules: ALL_RULES, kustomization: { path: '/x/kustomization.yaml', kindOf: () => 'file', read: () => undefined } }).findings).toEqual([]);
  });
});
