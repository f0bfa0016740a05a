import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphIndex, MAX_EDGES_PER_NODE, type ReferenceGraph } from '../../src/core/graph/graphIndex';
import { renderGraph } from '../../src/core/graph/render';
import { serviceNamesIn } from '../../src/core/model/references';
import { lintFileDetailed, fixesFor } from '../../src/core/lint/lint';
import { ALL_RULES } from '../../src/core/rules';
import { parseTerraform } from '../../src/core/terraform/parseTerraform';
import { initTerraform } from '../../src/core/terraform/runtime';
import { parseYaml } from '../../src/core/yaml/parseYaml';
import { manifestObjects } from '../../src/core/yaml/manifestObjects';
import { runCnc } from './cliRun';

const root = path.resolve(__dirname, '..', '..');
const fixtures = path.join(__dirname, 'fixtures', 'graph');

function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesBelow(full) : /\.ya?ml$/.test(e.name) ? [full] : [];
  }).sort();
}

function setYaml(index: GraphIndex, name: string, text: string): void {
  const parsed = parseYaml(text);
  index.setFile(name, { ...parsed, objects: manifestObjects(parsed, name) });
}

function indexOf(dir: string): GraphIndex {
  const index = new GraphIndex();
  for (const file of filesBelow(dir)) setYaml(index, path.relative(fixtures, file), fs.readFileSync(file, 'utf8'));
  return index;
}

/** Edges as `kind Kind/name -> Kind/name`, the way a reader names them. */
function named(graph: ReferenceGraph): string[] {
  const nodes = new Map(graph.nodes.map((n) => [n.id, `${n.kind}/${n.name}`]));
  return graph.edges.map((e) => `${e.kind} ${nodes.get(e.from)} -> ${nodes.get(e.to)}`);
}

describe('reference graph on real apps', () => {
  it('microservices-demo: selectors, service accounts, and calls by DNS name in env values', () => {
    const edges = named(indexOf(path.join(fixtures, 'microservices-demo')).graph());
    expect(edges).toEqual(expect.arrayContaining([
      'selects Service/adservice -> Deployment/adservice',
      'selects Service/frontend-external -> Deployment/frontend',
      'runs-as Deployment/frontend -> ServiceAccount/frontend',
      'runs-as Deployment/cartservice -> ServiceAccount/cartservice',
      'calls Deployment/cartservice -> Service/redis-cart',
      'calls Deployment/frontend -> Service/adservice',
      'calls Deployment/frontend -> Service/cartservice',
      'calls Deployment/loadgenerator -> Service/frontend',
    ]));
    // FRONTEND_ADDR is "frontend:80": the Service, not the Deployment of the same name.
    expect(edges.filter((e) => e.startsWith('calls ') && !e.includes('-> Service/'))).toEqual([]);
  });

  it('kubernetes/examples AI apps: RBAC bindings, autoscalers, Ingress, ConfigMap and claim mounts', () => {
    const edges = named(indexOf(path.join(fixtures, 'kubernetes-examples')).graph());
    expect(edges).toEqual(expect.arrayContaining([
      'binds ClusterRoleBinding/prometheus-adapter -> ClusterRole/prometheus-adapter',
      'binds ClusterRoleBinding/prometheus-adapter -> ServiceAccount/prometheus-adapter',
      'binds RoleBinding/prometheus-adapter-auth-reader -> ServiceAccount/prometheus-adapter',
      'scales HorizontalPodAutoscaler/gemma-server-hpa -> Deployment/vllm-gemma-deployment',
      'scales HorizontalPodAutoscaler/gemma-server-gpu-hpa -> Deployment/vllm-gemma-deployment',
      'routes-to Ingress/tf-serving-ingress -> Service/tf-serving',
      'mounts Deployment/prometheus-adapter -> ConfigMap/prometheus-adapter',
      'mounts Deployment/tf-serving -> PersistentVolumeClaim/my-model-pvc',
      'runs-as Deployment/prometheus-adapter -> ServiceAccount/prometheus-adapter',
      'selects Service/vllm-service -> Deployment/vllm-gemma-deployment',
    ]));
  });

  it('kubernetes/website mysql: the StatefulSet is governed by its headless Service', () => {
    const edges = named(indexOf(path.join(fixtures, 'kubernetes-website')).graph());
    expect(edges).toEqual(expect.arrayContaining([
      'governs StatefulSet/mysql -> Service/mysql',
      'mounts StatefulSet/mysql -> ConfigMap/mysql',
      'selects Service/mysql -> StatefulSet/mysql',
      'selects Service/mysql-read -> StatefulSet/mysql',
    ]));
  });
});

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: example/web:1
          args: ["--db=postgres://app@db.data.svc.cluster.local:5432/app", "--mode=cache"]
          env:
            - { name: CACHE, value: "cache:6379" }
            - { name: QUEUE, value: "http://queue.shop/" }
            # A bare word names a Service only in a variable named for an address.
            - { name: ENVIRONMENT, value: test }
            - name: LEVEL
              valueFrom: { configMapKeyRef: { name: settings, key: level } }
          envFrom: [{ secretRef: { name: creds } }]
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: shop }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: other }
---
apiVersion: v1
kind: Secret
metadata: { name: creds, namespace: shop }
---
apiVersion: v1
kind: Service
metadata: { name: cache, namespace: shop }
spec: { selector: { app: cache }, ports: [{ port: 6379 }] }
---
apiVersion: v1
kind: Service
metadata: { name: queue, namespace: shop }
spec: { selector: { app: queue }, ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Service
metadata: { name: test, namespace: shop }
spec: { selector: { app: test } }
---
apiVersion: v1
kind: Service
metadata: { name: db, namespace: data }
spec: { selector: { app: db }, ports: [{ port: 5432 }] }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: web, namespace: shop }
spec:
  rules: [{ backendRefs: [{ name: cache, port: 6379 }] }]
`;

describe('reference graph: edge kinds, namespaces, Terraform', () => {
  it('finds env-from, calls (svc:port, svc.ns URL, FQDN in args) and Gateway routes, within namespaces', () => {
    const index = new GraphIndex();
    setYaml(index, 'app/app.yaml', APP);
    const edges = named(index.graph()).sort();
    expect(edges).toEqual([
      'calls Deployment/web -> Service/cache',
      'calls Deployment/web -> Service/db',
      'calls Deployment/web -> Service/queue',
      'env-from Deployment/web -> ConfigMap/settings',
      'env-from Deployment/web -> Secret/creds',
      'routes-to HTTPRoute/web -> Service/cache',
    ]);
    // The ConfigMap of the other namespace is not the one read.
    const graph = index.graph();
    const envFrom = graph.edges.find((e) => e.kind === 'env-from' && e.detail.startsWith('LEVEL'))!;
    expect(graph.nodes.find((n) => n.id === envFrom.to)!.namespace).toBe('shop');
  });

  it('reads Service names from DNS forms only', () => {
    expect(serviceNamesIn('redis', true)).toEqual([{ name: 'redis' }]);
    expect(serviceNamesIn('redis', false)).toEqual([]);
    expect(serviceNamesIn('redis:6379', false)).toEqual([{ name: 'redis' }]);
    expect(serviceNamesIn('https://api.prod.svc.cluster.local:8443/v1', false)).toEqual([{ name: 'api', namespace: 'prod' }]);
    expect(serviceNamesIn('api.prod.svc', false)).toEqual([{ name: 'api', namespace: 'prod' }]);
    expect(serviceNamesIn('www.example.com', true)).toEqual([]);
    expect(serviceNamesIn('10.0.0.1:80', false)).toEqual([]);
  });

  it('applies the namespace of a kustomization.yaml to the objects below it', () => {
    const index = new GraphIndex();
    setYaml(index, 'base/kustomization.yaml', 'namespace: shop\nresources: [app.yaml]\n');
    setYaml(index, 'base/app.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  serviceAccountName: runner\n  containers: [{ name: c, image: x }]\n');
    setYaml(index, 'other/sa.yaml', 'apiVersion: v1\nkind: ServiceAccount\nmetadata: { name: runner, namespace: elsewhere }\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: { name: runner, namespace: shop }\n');
    const graph = index.graph();
    expect(graph.edges.map((e) => [e.kind, e.to])).toEqual([['runs-as', 'other/sa.yaml#1']]);
  });

  it('takes Terraform kubernetes_* resources into the same graph, references by address included', async () => {
    await initTerraform({ packageRoot: root });
    const text = [
      'resource "kubernetes_secret_v1" "db" {', '  metadata { name = "db-creds" }', '}',
      'resource "kubernetes_deployment_v1" "api" {',
      '  metadata { name = "api" }',
      '  spec {',
      '    selector { match_labels = { app = "api" } }',
      '    template {',
      '      metadata { labels = { app = "api" } }',
      '      spec {',
      '        container {',
      '          name = "api"', '          image = "example/api:1"',
      '          env_from { secret_ref { name = kubernetes_secret_v1.db.metadata[0].name } }',
      '          env_from { config_map_ref { name = "settings" } }',
      '        }', '      }', '    }', '  }', '}', '',
    ].join('\n');
    const index = new GraphIndex();
    index.setFile('infra/main.tf', parseTerraform(text));
    setYaml(index, 'infra/settings.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\n');
    setYaml(index, 'infra/service.yaml', 'apiVersion: v1\nkind: Service\nmetadata: { name: api }\nspec: { selector: { app: api } }\n');
    expect(named(index.graph()).sort()).toEqual([
      'env-from Deployment/api -> ConfigMap/settings',
      'env-from Deployment/api -> Secret/db-creds',
      'selects Service/api -> Deployment/api',
    ]);
  });

  it('caps the edges of one node, with a notice, instead of listing a selector that matches everything', () => {
    const index = new GraphIndex();
    const workloads = Array.from({ length: MAX_EDGES_PER_NODE + 50 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata: { name: p${i}, labels: { app: a${i} } }\nspec: { containers: [{ name: c, image: x }] }\n`);
    setYaml(index, 'pods.yaml', workloads.join('---\n'));
    setYaml(index, 'policy.yaml', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny }\nspec: { podSelector: {} }\n');
    const graph = index.graph();
    expect(graph.edges.filter((e) => e.kind === 'selects')).toHaveLength(MAX_EDGES_PER_NODE);
    expect(graph.notices).toEqual([expect.stringContaining('NetworkPolicy/deny (policy.yaml:1) has more than 200 edges')]);
  });
});

describe('incremental index', () => {
  it('after adding, replacing and removing files, equals a full rebuild of the final files', () => {
    const files = new Map(['microservices-demo', 'kubernetes-examples'].flatMap((d) => filesBelow(path.join(fixtures, d))).map((f) => [path.relative(fixtures, f), fs.readFileSync(f, 'utf8')]));
    const incremental = new GraphIndex();
    for (const [name, text] of files) setYaml(incremental, name, text);
    const before = incremental.graph();
    // Rename the frontend's ServiceAccount and drop the adservice file; add a new file.
    const frontend = 'microservices-demo/kubernetes-manifests/frontend.yaml';
    files.set(frontend, files.get(frontend)!.replace(/serviceAccountName: frontend/, 'serviceAccountName: cartservice'));
    files.delete('microservices-demo/kubernetes-manifests/adservice.yaml');
    files.set('extra/hpa.yaml', 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: fe }\nspec: { scaleTargetRef: { kind: Deployment, name: frontend }, maxReplicas: 3 }\n');
    setYaml(incremental, frontend, files.get(frontend)!);
    incremental.removeFile('microservices-demo/kubernetes-manifests/adservice.yaml');
    setYaml(incremental, 'extra/hpa.yaml', files.get('extra/hpa.yaml')!);
    const full = new GraphIndex();
    for (const [name, text] of [...files].reverse()) setYaml(full, name, text);
    const after = incremental.graph();
    expect(after).toEqual(full.graph());
    expect(after).not.toEqual(before);
    expect(named(after)).toEqual(expect.arrayContaining(['runs-as Deployment/frontend -> ServiceAccount/cartservice', 'scales HorizontalPodAutoscaler/fe -> Deployment/frontend']));
    expect(named(after).some((e) => e.includes('adservice -> ') && e.startsWith('selects'))).toBe(false);
  });
});

describe('cnc graph', () => {
  beforeAll(() => expect(fs.existsSync(path.join(root, 'dist', 'cli', 'cnc.js'))).toBe(true));

  it('prints JSON nodes and edges with unique ids and paths relative to the working directory', () => {
    const run = runCnc(fixtures, ['graph', '.', '--format', 'json']);
    expect(run.status).toBe(0);
    const graph = JSON.parse(run.stdout) as ReferenceGraph;
    expect(Object.keys(graph)).toEqual(['nodes', 'edges']);
    for (const node of graph.nodes) expect(Object.keys(node)).toEqual(['id', 'kind', 'name', 'namespace', 'file', 'line']);
    for (const edge of graph.edges) expect(Object.keys(edge)).toEqual(['from', 'to', 'kind', 'detail']);
    const ids = graph.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const edge of graph.edges) expect(ids).toContain(edge.to);
    expect(graph.nodes.find((n) => n.kind === 'Deployment' && n.name === 'frontend')).toMatchObject({ file: 'microservices-demo/kubernetes-manifests/frontend.yaml', namespace: null });
  });

  it('rejects an unknown format', () => {
    const run = runCnc(fixtures, ['graph', '.', '--format', 'svg']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown --format "svg"');
  });

  const HOSTILE = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: { name: "a\\"]-->b[\\"x\\\\\\n#quot;|", namespace: "n}" }\n---\n' +
    'apiVersion: v1\nkind: Pod\nmetadata: { name: "p\\"]", namespace: "n}" }\nspec: { serviceAccountName: "a\\"]-->b[\\"x\\\\\\n#quot;|", containers: [{ name: c, image: x }] }\n';

  it('escapes Mermaid labels: no text from a manifest can end a label or add syntax', () => {
    const index = new GraphIndex();
    setYaml(index, 'evil"].yaml', HOSTILE);
    const graph = index.graph();
    expect(graph.edges).toHaveLength(1);
    const lines = renderGraph(graph, 'mermaid').split('\n');
    expect(lines[0]).toBe('flowchart LR');
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}(n\d+\["[\w ./():@#;-]*"\]|n\d+ -->\|"[\w ./():@#;-]*"\| n\d+)$/);
    expect(lines).toHaveLength(4);
  });

  it('escapes DOT strings: every quoted string is closed where it should be', () => {
    const index = new GraphIndex();
    setYaml(index, 'evil"].yaml', HOSTILE);
    const lines = renderGraph(index.graph(), 'dot').split('\n');
    const str = String.raw`"(?:[^"\\\n]|\\.)*"`;
    const nodeLine = new RegExp(`^  n\\d+ \\[label=${str}, tooltip=${str}\\];$`);
    const edgeLine = new RegExp(`^  n\\d+ -> n\\d+ \\[label=${str}\\];$`);
    expect(lines.slice(0, 3)).toEqual(['digraph references {', '  rankdir=LR;', '  node [shape=box];']);
    expect(lines.at(-1)).toBe('}');
    for (const line of lines.slice(3, -1)) expect(nodeLine.test(line) || edgeLine.test(line), line).toBe(true);
    expect(lines.some((l) => l.includes(String.raw`a\"]-->b[\"x\\\n#quot;|`))).toBe(true);
  });
});

describe('reference-missing on real apps', () => {
  function lintFolder(dir: string, allRules: boolean) {
    const parsed = filesBelow(dir).map((f) => parseYaml(fs.readFileSync(f, 'utf8')));
    const everyObject = parsed.flatMap((p) => p.objects);
    return parsed.map((file) => ({ file, result: lintFileDetailed(file, { rules: ALL_RULES, allRules, workspaceObjects: everyObject }) }));
  }
  const dangling = (runs: ReturnType<typeof lintFolder>) => runs.flatMap((r) => r.result.findings.filter((f) => f.ruleId.startsWith('reference-missing')).map((f) => `${f.ruleId}: ${f.message}`));

  it('reports nothing on the fixture apps by default, and the one Secret they leave out when strict', () => {
    for (const dir of ['microservices-demo', 'kubernetes-website']) expect(dangling(lintFolder(path.join(fixtures, dir), true))).toEqual([]);
    const vllm = path.join(fixtures, 'kubernetes-examples', 'AI', 'vllm-deployment');
    expect(dangling(lintFolder(vllm, false))).toEqual([]);
    expect(dangling(lintFolder(vllm, true))).toEqual([
      'reference-missing-strict: Secret "hf-secret" (env-from: HUGGING_FACE_HUB_TOKEN = key hf_token in container inference-server) is not defined in the linted files.',
    ]);
  });

  it('offers the near-miss name as a fix', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: web-config, namespace: a }\n---\napiVersion: v1\nkind: Pod\nmetadata: { name: p, namespace: a }\nspec:\n  containers: [{ name: c, image: x, envFrom: [{ configMapRef: { name: web-confg } }] }]\n';
    const file = parseYaml(text);
    const [finding] = lintFileDetailed(file, { rules: ALL_RULES }).findings.filter((f) => f.ruleId === 'reference-missing');
    expect(finding?.message).toBe('ConfigMap "web-confg" (env-from: every key, in container c) is not defined in the linted files. Did you mean "web-config"?');
    const fixes = fixesFor(finding!, file, ALL_RULES);
    expect(fixes.map((f) => [f.title, f.isPreferred])).toEqual([['Change to "web-config"', true]]);
  });
});
