// Bounded work (issue 16): the object index answers like a scan, big or hostile inputs are refused or degraded with a
// clear message, and the reproducers of the shared folder's repro/ (generated here, at their sizes) give the right results.
// Speed itself is measured by `npm run bench`, never here.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analysis/analyse';
import { BATCH_LIMITS, EDITOR_LIMITS, byteSize } from '../../src/core/model/limits';
import { lintFile, lintFileDetailed } from '../../src/core/lint/lint';
import type { K8sObject } from '../../src/core/model/k8sObject';
import { ObjectIndex, objectIndexBasesBuilt } from '../../src/core/model/objectIndex';
import { ALL_RULES } from '../../src/core/rules';
import { initTerraform } from '../../src/core/terraform/runtime';
import { parseYaml } from '../../src/core/yaml/parseYaml';

const root = path.resolve(__dirname, '..', '..');

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function object(i: number, kind: string, namespace: string | undefined): K8sObject {
  return { kind, name: `o${i % 7}`, namespace, language: 'yaml', address: `${kind}/o${i}`, documentIndex: i, root: { kind: 'map', span: { start: 0, end: 0 }, entries: [] }, span: { start: i, end: i + 1 } };
}

const keysOf = (o: K8sObject) => [`kind:${o.kind}`, `name:${o.name}`];
const near = (a: K8sObject, b: K8sObject) => a.namespace === undefined || b.namespace === undefined || a.namespace === b.namespace;

describe('object index', () => {
  it('answers like a scan of the objects, in their order, across a folder of lints that reuse one index', () => {
    const next = random(42);
    const kinds = ['Service', 'Deployment', 'PodDisruptionBudget'];
    const namespaces = ['a', 'b', undefined];
    // Twelve "files" of 1-30 objects; each lint sees its own objects first, then every other file's (as lint.ts does).
    const files = Array.from({ length: 12 }, (_, f) => Array.from({ length: 1 + Math.floor(next() * 30) }, (_, i) => object(f * 100 + i, kinds[Math.floor(next() * 3)]!, namespaces[Math.floor(next() * 3)])));
    const every = files.flat();
    for (const own of [...files, ...files.slice().reverse()]) {
      const objects = [...own, ...every.filter((o) => !own.includes(o))];
      const index = new ObjectIndex(objects, own.length, keysOf);
      for (const from of own) {
        for (const kind of kinds) {
          const scanned = objects.filter((o) => o !== from && o.kind === kind && near(o, from));
          expect([...index.near(`kind:${kind}`, from)]).toEqual(scanned);
          expect(index.countNear(`kind:${kind}`, from)).toBe(scanned.length);
          expect(index.anySurelyNear(`kind:${kind}`, from)).toBe(scanned.some((o) => o.namespace === from.namespace));
        }
        expect(index.first(`name:${from.name}`, from)).toBe(objects.find((o) => o !== from && o.name === from.name && near(o, from)));
      }
    }
  });
  it('answers beside one shared list of a folder (own objects masked) like a scan of the copied list', () => {
    const next = random(7);
    const kinds = ['Service', 'Deployment'];
    const namespaces = ['a', undefined];
    const files = Array.from({ length: 8 }, (_, f) => Array.from({ length: 1 + Math.floor(next() * 20) }, (_, i) => object(f * 100 + i, kinds[Math.floor(next() * 2)]!, namespaces[Math.floor(next() * 2)])));
    const every = files.flat();
    for (const own of files) {
      const objects = [...own, ...every.filter((o) => !own.includes(o))];
      const index = ObjectIndex.beside(own, every, keysOf);
      for (const from of own) {
        for (const kind of kinds) {
          const scanned = objects.filter((o) => o !== from && o.kind === kind && near(o, from));
          expect([...index.near(`kind:${kind}`, from)]).toEqual(scanned);
          expect(index.countNear(`kind:${kind}`, from)).toBe(scanned.length);
          expect(index.anySurelyNear(`kind:${kind}`, from)).toBe(scanned.some((o) => o.namespace === from.namespace));
        }
      }
    }
  });
});

describe('folder lint', () => {
  // Each file's Service selects the next file's Deployment: cross-object findings depend on the other files.
  const fileText = (i: number) => `apiVersion: v1
kind: Service
metadata: { name: svc-${i}, namespace: ns-${i % 3} }
spec:
  selector: { app: app-${i + 1} }
  ports: [{ port: 80, targetPort: http }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: app-${i}, namespace: ns-${i % 3} }
spec:
  selector: { matchLabels: { app: app-${i} } }
  template:
    metadata: { labels: { app: app-${i} } }
    spec:
      containers: [{ name: app, image: nginx }]
`;
  const files = Array.from({ length: 30 }, (_, i) => analyse(fileText(i), 'yaml', []).file!);
  const everyObject = files.flatMap((f) => f.objects);

  it('builds the index of the folder once for all its files, not once per file', () => {
    const before = objectIndexBasesBuilt();
    for (const file of files) lintFileDetailed(file, { rules: ALL_RULES, allRules: true, workspaceObjects: everyObject });
    expect(objectIndexBasesBuilt() - before).toBe(1);
  });

  it('finds what a lint of the file with a copied list of the other files\' objects finds', () => {
    for (const file of files) {
      const own = new Set(file.objects);
      const others = everyObject.filter((o) => !own.has(o));
      const shared = lintFileDetailed(file, { rules: ALL_RULES, allRules: true, workspaceObjects: everyObject }).findings;
      // A list of only the others, new for each file: indexed on its own, without the shared list's masking.
      const copied = lintFileDetailed(file, { rules: ALL_RULES, allRules: true, workspaceObjects: [...others] }).findings;
      expect(shared.length).toBeGreaterThan(0);
      expect(shared.map((f) => [f.ruleId, f.message, f.span.start])).toEqual(copied.map((f) => [f.ruleId, f.message, f.span.start]));
    }
  });
});

const deployment = (i: number, replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web-${i} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: "nginx:1.27.3" }]
`;
const budget = (i: number) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: budget-${i} }
spec:
  minAvailable: 2
  selector: { matchLabels: { app: web } }
`;

describe('pdb-blocks-eviction on many workloads', () => {
  const rules = ALL_RULES.filter((r) => r.id === 'pdb-blocks-eviction');

  it('reports one finding per budget that names the first workloads it blocks and counts the others', () => {
    const file = parseYaml([budget(0), ...[1, 2, 3, 4, 5].map((i) => deployment(i, 1))].join('---\n'));
    const findings = lintFile(file, { rules });
    expect(findings.map((f) => f.message)).toEqual(['minAvailable is 2 but the 5 workloads it selects run at most that many replicas: Deployment/web-1 (1), Deployment/web-2 (1), Deployment/web-3 (1), and 2 more; no Pod of them can be evicted.']);
  });

  it('keeps the single-workload message when a budget blocks one workload', () => {
    const file = parseYaml([budget(0), deployment(1, 2), deployment(2, 3)].join('---\n'));
    expect(lintFile(file, { rules }).map((f) => f.message)).toEqual(['minAvailable is 2 but Deployment/web-1 runs 2 replica(s): no Pod of it can be evicted.']);
  });

  it('on the reproducer (500 Deployments and 500 budgets in one file, all matching) reports 500 findings, not 250,000', () => {
    const documents = Array.from({ length: 500 }, (_, i) => [budget(i), deployment(i, 1)]).flat();
    const file = parseYaml(documents.join('---\n'));
    const findings = lintFile(file, { rules });
    expect(findings).toHaveLength(500);
    expect(findings.every((f) => f.object.kind === 'PodDisruptionBudget' && /the 500 workloads it selects/.test(f.message))).toBe(true);
  });
});

describe('cross-object rules in a folder', () => {
  it('see the other files, whatever file is linted first (the shared index is reused and corrected per file)', () => {
    const service = (i: number, app: string) => `apiVersion: v1\nkind: Service\nmetadata: { name: svc-${i} }\nspec:\n  selector: { app: ${app} }\n  ports: [{ port: 80, targetPort: http }]\n`;
    const texts = [service(0, 'web'), deployment(1, 2), service(2, 'nothing'), budget(3), deployment(4, 3)];
    const files = texts.map((t) => parseYaml(t));
    const every = files.flatMap((f) => f.objects);
    const rules = ALL_RULES.filter((r) => ['service-selector-matches-nothing', 'service-target-port-missing', 'pdb-blocks-eviction'].includes(r.id));
    const lintAll = (order: number[]) => Object.fromEntries(order.map((i) => [i, lintFile(files[i]!, { rules, workspaceObjects: every }).map((f) => `${f.ruleId}: ${f.message}`)]));
    const forwards = lintAll([0, 1, 2, 3, 4]);
    expect(lintAll([4, 2, 0, 3, 1])).toEqual(forwards);
    expect(forwards[0]).toEqual(['service-target-port-missing: targetPort "http" is not a port name of any container selected by this Service (Deployment/web-1, Deployment/web-4).']);
    expect(forwards[2]).toEqual(['service-selector-matches-nothing: The selector (app=nothing) matches none of the 2 Pod template(s) in this namespace; the Service has no endpoints.']);
    expect(forwards[3]).toEqual(['pdb-blocks-eviction: minAvailable is 2 but Deployment/web-1 runs 2 replica(s): no Pod of it can be evicted.']);
  });
});

describe('size limits', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: c, image: nginx }]\n';

  it('count UTF-8 bytes, not UTF-16 code units', () => {
    expect(byteSize('é€😀')).toBe(2 + 3 + 4);
    // Fewer code units than the limit, more bytes than it: refused.
    const text = `${pod}# ${'€'.repeat(Math.ceil(EDITOR_LIMITS.parsedBytes / 3))}\n`;
    expect(text.length).toBeLessThan(EDITOR_LIMITS.parsedBytes);
    const analysis = analyse(text, 'yaml', ALL_RULES);
    expect(analysis.file).toBeUndefined();
    expect(analysis.skipped).toBe(`File is ${byteSize(text).toLocaleString('en-US')} bytes, over the 2 MB limit; Cloud-Native Companion does not analyse it (no checks, hovers or completion).`);
  });

  it('skip the checks of a file with more objects than the editor checks in one pass', () => {
    const text = Array.from({ length: EDITOR_LIMITS.checkedObjects + 1 }, () => pod).join('---\n');
    const analysis = analyse(text, 'yaml', ALL_RULES);
    expect(analysis.file?.objects).toHaveLength(EDITOR_LIMITS.checkedObjects + 1);
    expect(analysis.findings).toEqual([]);
    expect(analysis.skipped).toBe('File has 1,501 Kubernetes objects, over the 1,500 limit for checks: they are skipped; hovers, completion and Explain still work.');
    expect(analyse(text, 'yaml', ALL_RULES, { limits: BATCH_LIMITS }).findings.length).toBeGreaterThan(0);
  });

  it('are wider in batch runs, where nobody is typing', () => {
    const text = `${pod}# ${'x'.repeat(EDITOR_LIMITS.parsedBytes)}\n`;
    const analysis = analyse(text, 'yaml', ALL_RULES, { limits: BATCH_LIMITS });
    expect(analysis.skipped).toBeUndefined();
    expect(analysis.findings.length).toBeGreaterThan(0);
  });
});

/** The merge-key bomb of the shared folder's repro/alias-bomb-merge.yaml: each anchor merges and lists nine of the previous. */
function mergeKeyBomb(levels: number): string {
  const lines = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: merge', 'spec:', '  template:', '    spec:', '      containers:', '      - &c0 {name: c, image: nginx}'];
  for (let i = 1; i <= levels; i++) {
    const nine = Array.from({ length: 9 }, () => `*c${i - 1}`).join(', ');
    lines.push(`      - &c${i}`, `        <<: [${nine}]`, `        k${i}: [${nine}]`);
  }
  return `${lines.join('\n')}\n`;
}

describe('hostile YAML', () => {
  it('refuses a merge-key bomb with an error that says why, and still checks the other documents', () => {
    const text = `${mergeKeyBomb(9)}---\napiVersion: v1\nkind: Pod\nmetadata: { name: fine }\nspec:\n  containers: [{ name: c, image: nginx }]\n`;
    expect(byteSize(mergeKeyBomb(9))).toBeLessThan(1400);
    const analysis = analyse(text, 'yaml', ALL_RULES);
    const file = analysis.file!;
    if (file.language !== 'yaml') throw new Error('parsed as YAML');
    expect(file.objects.map((o) => o.address)).toEqual(['Pod/fine']);
    expect(file.documents[0]!.problems).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/more than 250,000 nodes through aliases or merge keys .*refused as an alias bomb/) })]);
    expect(analysis.findings.some((f) => f.object.address === 'Pod/fine')).toBe(true);
  });

  it('still expands merge keys of ordinary documents', () => {
    const file = parseYaml('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\nx: &base {a: 1, b: 2}\ndata:\n  <<: *base\n  b: 3\n');
    const data = file.objects[0]!.root.entries.find((e) => e.key === 'data')!.value;
    expect(data.kind === 'map' && data.entries.map((e) => [e.key, e.value.kind === 'scalar' ? e.value.value : undefined])).toEqual([['b', 3], ['a', 1]]);
    expect(file.problems).toEqual([]);
  });
});

describe('deeply nested Terraform', () => {
  beforeAll(() => initTerraform({ packageRoot: root }));

  it('skips 5,000 nested blocks with a message that names the cause, instead of failing', () => {
    const depth = 5000;
    const text = `resource "kubernetes_pod" "p" {\n${'spec {\n'.repeat(depth)}${'}\n'.repeat(depth)}}\n`;
    const analysis = analyse(text, 'terraform', ALL_RULES);
    expect(analysis.file).toBeUndefined();
    expect(analysis.findings).toEqual([]);
    expect(analysis.skipped).toBe('This Terraform file nests blocks or expressions too deeply to analyse (the syntax tree walk ran out of stack); Cloud-Native Companion skips it: no checks or hovers here.');
  });
});
