import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOVER_COMMANDS } from '../../src/core/hover/commandLinks';
import { yamlHover } from '../../src/core/hover/hover';
import { loadBundledKnowledge } from '../../src/core/knowledge/bundle';
import { parseYaml } from '../../src/core/yaml/parseYaml';

const kb = loadBundledKnowledge(path.resolve(__dirname, '..', '..'));
const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n';

describe('yamlHover', () => {
  it('explains `kind: Deployment` with the note summary and a link that opens the note', () => {
    const hover = yamlHover(parseYaml(text), text.indexOf('Deployment') + 3, kb)!;
    expect(hover.subject).toBe('kind: Deployment');
    expect(hover.markdown).toContain(kb.note('deployment')!.summary);
    expect(hover.markdown).toContain('command:cnc.openNote?%5B%22deployment%22%5D');
    expect(text.slice(hover.span.start, hover.span.end)).toBe('kind: Deployment');
  });

  it('links only to our own commands, whatever a note contains', () => {
    const hover = yamlHover(parseYaml(text), text.indexOf('Deployment'), kb)!;
    const commands = [...hover.markdown.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
    expect([...new Set(commands)]).toEqual(['cnc.openNote', 'cnc.reviewCards']);
    for (const command of commands) expect(HOVER_COMMANDS).toContain(command);
  });

  it('says nothing for a kind of another API group with the same name', () => {
    const crd = 'apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: x}\n';
    expect(yamlHover(parseYaml(crd), crd.indexOf('Deployment'), kb)).toBeUndefined();
  });

  it('says nothing outside Kubernetes objects', () => {
    const other = 'kind: Deployment\nname: x\n';
    expect(yamlHover(parseYaml(other), 8, kb)).toBeUndefined();
  });
});

describe('yamlHover on fields and values', () => {
  const manifest = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  replicas: 2',
    '  template:',
    '    spec:',
    '      runtimeClassName: gvisor',
    '      restartPolicy: Always',
    '      containers:',
    '      - name: web',
    '        image: nginx:1.27',
    '        imagePullPolicy: IfNotPresent',
    '        ports: [{containerPort: 80, protocol: TCP}]',
    '---',
    'apiVersion: v1',
    'kind: Service',
    'metadata: {name: web}',
    'spec:',
    '  type: NodePort',
    '  ports: [{port: 80, targetPort: 80}]',
    '',
  ].join('\n');
  const file = parseYaml(manifest);
  const hoverAt = (needle: string, delta = 0) => yamlHover(file, manifest.indexOf(needle) + delta, kb);

  it('shows the API description, type and path of any field, with the kind\'s reference page', () => {
    const hover = hoverAt('image:')!;
    expect(hover.field).toMatchObject({ path: 'Deployment.spec.template.spec.containers[].image', typeName: 'Container', type: 'string' });
    expect(hover.markdown).toContain('Container image name');
    expect(hover.markdown).toContain('`Deployment.spec.template.spec.containers[].image`');
    expect(hover.markdown).toContain('https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.36/#deployment-v1-apps');
    expect(manifest.slice(hover.span.start, hover.span.end)).toBe('image');
  });

  it('adds the concept bound to the field by kind path or API type path', () => {
    expect(hoverAt('replicas:')!.concepts.map((c) => c.noteId)).toContain('deployment');
    expect(hoverAt('image:')!.concepts.map((c) => c.noteId)).toContain('container-image');
  });

  it('explains the values the notes bind: NodePort, gvisor, imagePullPolicy, restartPolicy', () => {
    const cases: [string, string, string][] = [['NodePort', 'nodeport-service', 'Service.spec.type'], ['gvisor', 'gvisor', 'Deployment.spec.template.spec.runtimeClassName'], ['IfNotPresent', 'image-pull-policy', 'Deployment.spec.template.spec.containers[].imagePullPolicy'], ['Always', 'restart-policy', 'Deployment.spec.template.spec.restartPolicy']];
    for (const [value, noteId, field] of cases) {
      const hover = hoverAt(value, 1)!;
      expect(hover.subject).toMatch(new RegExp(`: ${value}$`));
      expect(hover.concepts.map((c) => c.noteId)).toContain(noteId);
      expect(hover.field?.path, value).toBe(field);
    }
    // The key of a field without a concept of its own is explained through the value written there.
    expect(hoverAt('type: NodePort')!.concepts[0]!.noteId).toBe('nodeport-service');
  });

  it('names the valid values of an enum field', () => {
    expect(hoverAt('protocol')!.markdown).toContain('Valid values: `TCP`, `UDP`, `SCTP`.');
  });

  it('gives a field with no concept of its own the enclosing one, as context', () => {
    const hover = hoverAt('name: web\n        image')!;
    expect(hover.concepts).toEqual([]);
    expect(hover.markdown).toMatch(/Part of \*\*Container\*\*/);
  });

  it('keeps API text from turning into Markdown or HTML', () => {
    const hover = hoverAt('containerPort')!;
    expect(hover.markdown).toContain('0 \\< x \\< 65536');
  });

  it('links only to our own commands in field hovers too', () => {
    for (const needle of ['image:', 'NodePort', 'name: web\n        image']) {
      const commands = [...hoverAt(needle, 1)!.markdown.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
      for (const command of commands) expect(HOVER_COMMANDS).toContain(command);
    }
  });

  it('explains the custom resources of the notes, kind: List items and a header-less kustomization.yaml', () => {
    const app = 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: a}\nspec:\n  syncPolicy:\n    automated: {prune: true}\n';
    const argo = yamlHover(parseYaml(app), app.indexOf('prune'), kb)!;
    expect(argo.field).toMatchObject({ source: 'custom', typeName: 'SyncPolicyAutomated' });
    expect(yamlHover(parseYaml(app), app.indexOf('Application'), kb)!.concepts[0]!.noteId).toBe('argo-cd');

    const list = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: s}\n  spec: {type: LoadBalancer}\n';
    expect(yamlHover(parseYaml(list), list.indexOf('LoadBalancer'), kb)!.concepts[0]!.noteId).toBe('loadbalancer-service');

    const kustomization = 'resources:\n- deployment.yaml\nimages:\n- name: nginx\n  newTag: "1.27"\n';
    const parsed = parseYaml(kustomization);
    expect(yamlHover(parsed, kustomization.indexOf('newTag'), kb, { fileName: 'overlays/prod/kustomization.yaml' })!.field).toMatchObject({ typeName: 'Image', source: 'custom' });
    expect(yamlHover(parsed, kustomization.indexOf('newTag'), kb, { fileName: 'overlays/prod/values.yaml' })).toBeUndefined();
  });

  it('says nothing on keys the API does not have', () => {
    const typo = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replica: 2\n';
    expect(yamlHover(parseYaml(typo), typo.indexOf('replica'), kb)).toBeUndefined();
  });
});
