import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/lint/lint';
import { at, type MapNode } from '../../src/core/model/tree';
import { yamlEditor } from '../../src/core/yaml/yamlEditor';
import { parseYaml } from '../../src/core/yaml/parseYaml';

/** Runs one editor operation on the first object of `text` and returns the edited text, checking it still parses. */
function edit(text: string, operation: (editor: ReturnType<typeof yamlEditor>, root: MapNode) => ReturnType<ReturnType<typeof yamlEditor>['setIn']>): string {
  const file = parseYaml(text);
  const root = file.objects[0]!.root;
  const result = applyEdits(text, operation(yamlEditor(file), root));
  expect(parseYaml(result).problems, result).toEqual([]);
  return result;
}

const mapAt = (root: MapNode, ...path: string[]) => at(root, ...path) as MapNode;

const pod = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata: { name: web }   # flow metadata',
  'spec:',
  '  containers:',
  '  - name: web  # main',
  '    image: nginx:1.27',
  '    args:',
  '    - --port=80',
  '  - name: side',
  '    image: "busybox:1.36"',
  '  restartPolicy: Always',
  '',
].join('\n');

const container = (root: MapNode, index = 0) => (at(root, 'spec', 'containers') as { items: MapNode[] }).items[index]!;

describe('yaml editor: setIn', () => {
  it('inserts a nested block after the last entry, at the map indentation, with a comment on each written value', () => {
    const out = edit(pod, (e, root) => e.setIn(container(root), ['resources', 'requests'], { cpu: '100m', memory: '128Mi' }, 'TODO: size from measurements'));
    expect(out).toContain([
      '    args:',
      '    - --port=80',
      '    resources:',
      '      requests:',
      '        cpu: 100m  # TODO: size from measurements',
      '        memory: 128Mi  # TODO: size from measurements',
      '  - name: side',
    ].join('\n'));
  });

  it('descends into existing maps and adds only the missing key', () => {
    const text = pod.replace('    image: "busybox:1.36"', '    image: "busybox:1.36"\n    securityContext:\n      runAsNonRoot: true  # keep');
    const out = edit(text, (e, root) => e.setIn(container(root, 1), ['securityContext', 'readOnlyRootFilesystem'], true));
    expect(out).toContain('    securityContext:\n      runAsNonRoot: true  # keep\n      readOnlyRootFilesystem: true\n  restartPolicy: Always');
  });

  it('replaces an existing scalar keeping its quotes, and writes booleans plain', () => {
    expect(edit(pod, (e, root) => e.setIn(container(root, 1), ['image'], 'busybox:1.37'))).toContain('image: "busybox:1.37"');
    expect(edit(pod, (e, root) => e.setIn(mapAt(root, 'spec'), ['restartPolicy'], 'Never'))).toContain('  restartPolicy: Never\n');
    const text = pod.replace('restartPolicy: Always', 'hostNetwork: true');
    expect(edit(text, (e, root) => e.setIn(mapAt(root, 'spec'), ['hostNetwork'], false))).toContain('  hostNetwork: false\n');
  });

  it('writes into a flow map in flow style, with the comment at the end of the line', () => {
    const out = edit(pod, (e, root) => e.setIn(mapAt(root, 'metadata'), ['labels', 'app'], 'web', 'TODO: check'));
    expect(out).toContain('metadata: { name: web, labels: { app: web } }   # flow metadata — TODO: check');
    const empty = edit(pod.replace('metadata: { name: web }', 'metadata: { name: web, annotations: {} }'), (e, root) => e.setIn(mapAt(root, 'metadata'), ['annotations', 'a'], 'b'));
    expect(empty).toContain('annotations: { a: b }');
  });

  it('fills a key with no value, keeping its comment', () => {
    const text = pod.replace('    image: nginx:1.27', '    image: nginx:1.27\n    securityContext:   # to do');
    const out = edit(text, (e, root) => e.setIn(container(root), ['securityContext', 'privileged'], false));
    expect(out).toContain('    securityContext:  # to do\n      privileged: false\n    args:');
  });

  it('appends to a list, and removes items without touching the others', () => {
    const text = pod.replace('    - --port=80', '    - --port=80   # port\n    - --verbose\n    - --debug');
    const appended = edit(text, (e, root) => e.setIn(container(root), ['args'], ['--port=80', '--verbose', '--debug', '--quiet']));
    expect(appended).toContain('    - --debug\n    - --quiet\n  - name: side');
    const removed = edit(text, (e, root) => e.setIn(container(root), ['args'], ['--port=80', '--debug']));
    expect(removed).toContain('    args:\n    - --port=80   # port\n    - --debug\n  - name: side');
    const flow = edit(pod.replace('    - --port=80', '    - --port=80\n    command: [sh]'), (e, root) => e.setIn(container(root), ['command'], ['sh', '-c']));
    expect(flow).toContain('command: [sh, -c]');
  });

  it('writes an emptied list as [] on its key line, and rewrites a flow list in flow style', () => {
    const text = pod.replace('    - --port=80', '    - --port=80   # only one');
    expect(edit(text, (e, root) => e.setIn(container(root), ['args'], []))).toContain('    args: []\n  - name: side');
    const flow = pod.replace('    - --port=80', '    - --port=80\n    command: [sh, -c, run]');
    expect(edit(flow, (e, root) => e.setIn(container(root), ['command'], ['sh', 'run']))).toContain('command: [ sh, run ]');
  });

  it('replaces a scalar with a block, keeping the comment on the key line', () => {
    const text = pod.replace('    image: nginx:1.27', '    image: nginx:1.27\n    resources: none   # to size');
    expect(edit(text, (e, root) => e.setIn(container(root), ['resources', 'limits', 'memory'], '1Gi'))).toContain('    resources:  # to size\n      limits:\n        memory: 1Gi\n    args:');
  });

  it('follows the file: four-space indentation and CRLF line ends', () => {
    const text = ['apiVersion: v1', 'kind: Pod', 'metadata:', '    name: a', 'spec:', '    containers:', '    -   name: a', '        image: x', ''].join('\r\n');
    const out = edit(text, (e, root) => e.setIn(container(root), ['securityContext', 'capabilities', 'drop'], ['ALL']));
    expect(out.startsWith(text)).toBe(true);
    expect(out.slice(text.length)).toMatch(/^ {8}securityContext:\r\n {12}capabilities:\r\n {16}drop:\r\n +- ALL\r\n$/);
    expect(parseYaml(out).documents[0]!.doc.toJSON().spec.containers[0].securityContext).toEqual({ capabilities: { drop: ['ALL'] } });
  });

  it('adds a list of maps in the file style', () => {
    const out = edit(pod, (e, root) => e.setIn(mapAt(root, 'spec'), ['topologySpreadConstraints'], [{ maxSkew: 1, labelSelector: { matchLabels: { app: 'web' } } }]));
    expect(out).toContain('  restartPolicy: Always\n  topologySpreadConstraints:\n  - maxSkew: 1\n    labelSelector:\n      matchLabels:\n        app: web\n');
  });

  it('quotes strings that YAML 1.1 readers would take for booleans or numbers', () => {
    const out = edit(pod, (e, root) => e.setIn(mapAt(root, 'spec'), ['nodeSelector'], { enabled: 'yes', port: '8080' }));
    expect(out).toContain('    enabled: "yes"\n    port: "8080"');
  });

  it('refuses to edit a map reached through an alias', () => {
    const text = ['apiVersion: v1', 'kind: Pod', 'metadata: &m { name: a }', 'spec:', '  x: *m', ''].join('\n');
    const file = parseYaml(text);
    expect(() => yamlEditor(file).setIn(mapAt(file.objects[0]!.root, 'spec', 'x'), ['a'], 1)).toThrow(/alias/);
  });
});

describe('yaml editor: deleteKey', () => {
  it('removes a block entry with its lines and comment', () => {
    const out = edit(pod, (e, root) => e.deleteKey(container(root), 'args'));
    expect(out).toContain('    image: nginx:1.27\n  - name: side');
  });

  it('moves the next key onto the dash when the first key of a list item goes', () => {
    const out = edit(pod, (e, root) => e.deleteKey(container(root, 1), 'name'));
    expect(out).toContain('  - image: "busybox:1.36"\n  restartPolicy');
  });

  it('leaves {} when the last entry goes, and handles flow maps', () => {
    const text = pod.replace('    image: nginx:1.27', '    image: nginx:1.27\n    securityContext:\n      privileged: true   # why');
    expect(edit(text, (e, root) => e.deleteKey(mapAt(container(root), 'securityContext'), 'privileged'))).toContain('    securityContext: {}\n    args:');
    const flow = pod.replace('metadata: { name: web }', 'metadata: { name: web, namespace: default }');
    expect(edit(flow, (e, root) => e.deleteKey(mapAt(root, 'metadata'), 'namespace'))).toContain('metadata: { name: web }');
    expect(edit(flow, (e, root) => e.deleteKey(mapAt(root, 'metadata'), 'name'))).toContain('metadata: { namespace: default }');
  });

  it('does nothing for a missing key', () => {
    expect(edit(pod, (e, root) => e.deleteKey(container(root), 'nope'))).toBe(pod);
  });
});
