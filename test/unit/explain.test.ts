import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analysis/analyse';
import { explainManifest } from '../../src/core/explain/explainManifest';
import { explanationMarkdown } from '../../src/core/explain/renderExplanation';
import { HOVER_COMMANDS } from '../../src/core/hover/commandLinks';
import { loadBundledKnowledge } from '../../src/core/knowledge/bundle';
import { ALL_RULES } from '../../src/core/rules';
import { parseYaml } from '../../src/core/yaml/parseYaml';

const root = path.resolve(__dirname, '..', '..');
const kb = loadBundledKnowledge(root);
/** As `cnc explain FILE` does: one analysis, its findings in the explanation. */
const explain = (...docs: string[]) => {
  const analysis = analyse(docs.join('---\n'), 'yaml', ALL_RULES);
  if (analysis.file?.language !== 'yaml') throw new Error('not analysed');
  return explainManifest(analysis.file, { kb, findings: analysis.findings, rules: ALL_RULES });
};

const deployment = (name: string, labels: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  selector: {matchLabels: {${labels}}}
  template:
    metadata: {labels: {${labels}}}
    spec:
      containers:
      - name: app
        image: example/app:1.0
        ports: [{name: http, containerPort: 8080}]
        readinessProbe: {httpGet: {path: /ready, port: http}}
        livenessProbe: {httpGet: {path: /live, port: http}}
        resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 128Mi}}
${extra}`;
const service = (name: string, selector: string, targetPort: string) => `apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  selector: {${selector}}
  ports: [{port: 80, targetPort: ${targetPort}}]
`;

describe('explainManifest', () => {
  it('follows Ingress → Service → Pods by name, selector and port', () => {
    const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
`;
    const e = explain(deployment('web', 'app: web'), service('web', 'app: web', 'http'), ingress);
    expect(e.objects.map((o) => o.address)).toEqual(['Deployment/web', 'Service/web', 'Ingress/web']);
    expect(e.connections).toContainEqual(expect.objectContaining({ from: 'Ingress/web', to: 'Service/web', relation: 'routes-to', resolved: true, detail: 'shop.example.com/ → web:80' }));
    expect(e.connections).toContainEqual(expect.objectContaining({ from: 'Service/web', to: 'Deployment/web', relation: 'selects', detail: 'selector app=web; port 80 → http (container app, port 8080)', concept: { noteId: 'service', title: expect.any(String) } }));
    // Everything connects: no finding about selectors, ports or backends.
    expect(e.gaps.filter((g) => /^(service|ingress|selector)-/.test(g.ruleId ?? '') || !g.ruleId)).toEqual([]);
  });

  it('lists what does not connect — the rules\' findings — with their concepts', () => {
    const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  defaultBackend: {service: {name: web, port: {number: 8080}}}\n';
    const e = explain(deployment('web', 'app: web'), service('web', 'app: web', 'metrics'), service('orphan', 'app: nothing', '80'), ingress);
    const rules = e.gaps.map((g) => g.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['service-target-port-missing', 'service-selector-matches-nothing', 'ingress-backend-missing']));
    for (const g of e.gaps.filter((x) => x.ruleId)) expect(g.concept?.noteId).toBe(ALL_RULES.find((r) => r.id === g.ruleId)!.concept);
    expect(e.connections).toContainEqual(expect.objectContaining({ from: 'Ingress/i', to: 'Service/web', detail: 'default backend → web:8080 (no such port)' }));
  });

  it('connects Pods to the ConfigMaps, Secrets, claims and service account they use, and flags broken references', () => {
    const pods = deployment('api', 'app: api', `      serviceAccountName: api
      volumes:
      - {name: config, configMap: {name: api-config}}
      - {name: data, persistentVolumeClaim: {claimName: api-data}}
      - {name: spare, emptyDir: {}}
`).replace('        resources:', `        env:
        - {name: LEVEL, valueFrom: {configMapKeyRef: {name: api-config, key: level}}}
        - {name: MODE, valueFrom: {configMapKeyRef: {name: api-config, key: mode}}}
        envFrom: [{secretRef: {name: api-secrets}}]
        volumeMounts:
        - {name: config, mountPath: /etc/api}
        - {name: cache, mountPath: /cache}
        resources:`);
    const config = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: api-config}\ndata: {level: debug}\n';
    const e = explain(pods, config);
    const to = (relation: string) => e.connections.filter((c) => c.relation === relation).map((c) => [c.to, c.resolved]);
    expect(to('mounts')).toEqual([['ConfigMap/api-config', true]]);
    expect(to('reads-env-from')).toEqual([['ConfigMap/api-config', true], ['Secret/api-secrets', false]]);
    expect(to('runs-as')).toEqual([['ServiceAccount/api', false]]);
    const messages = e.gaps.map((g) => g.message);
    expect(messages).toContainEqual(expect.stringMatching(/mounts volume "cache", which the Pod spec does not define/));
    expect(messages).toContainEqual(expect.stringMatching(/reads key "mode" of ConfigMap\/api-config, which has no such key/));
    expect(messages).toContainEqual(expect.stringMatching(/Volume "data" of Deployment\/api is not mounted/));
    expect(messages).not.toContainEqual(expect.stringMatching(/key "level"/));
  });

  it('points out what is missing, with the concept behind it, errors first', () => {
    const bare = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: bare}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: bare}}\n  template:\n    metadata: {labels: {app: other}}\n    spec:\n      containers: [{name: c, image: x:1}]\n';
    const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: bare}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: bare}\n  minReplicas: 2\n  maxReplicas: 5\n';
    const e = explain(bare, hpa);
    const concepts = new Set(e.gaps.map((g) => g.concept?.noteId));
    for (const id of ['labels-and-selectors', 'readiness-probe', 'horizontal-pod-autoscaler']) expect(concepts).toContain(id);
    expect(e.connections).toContainEqual(expect.objectContaining({ from: 'HorizontalPodAutoscaler/bare', to: 'Deployment/bare', relation: 'scales', detail: '2–5 replicas' }));
    expect(e.gaps[0]!.severity).toBe('error');
  });

  it('summarises each object in a sentence and leaves templates and other YAML alone', () => {
    const e = explain(deployment('web', 'app: web'), 'replicaCount: 1\n', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n');
    expect(e.objects[0]!.summary).toBe('Keeps 1 Pod running: container app (example/app:1.0), labelled app=web.');
    expect(e.skipped.map((s) => s.reason)).toEqual(['not a Kubernetes object (no apiVersion and kind)', 'an unrendered Helm template']);
  });

  it('renders Markdown whose only commands are ours', () => {
    const file = parseYaml([deployment('web', 'app: web'), service('web', 'app: web', 'http')].join('---\n'));
    const markdown = explanationMarkdown(explainManifest(file, { kb }), file.lines, 'web.yaml');
    expect(markdown).toContain('**Service/web** selects **Deployment/web**');
    const commands = [...markdown.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
    expect([...new Set(commands)]).toEqual(['cnc.openNote']);
    for (const c of commands) expect(HOVER_COMMANDS).toContain(c);
  });
});

describe('cnc explain FILE', () => {
  const cnc = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'dist/cli/cnc.js'), ...args], { cwd: root, encoding: 'utf8' });
  // 1-based line of the first line of the demo manifest matching `pattern` (the demo may be edited).
  const demoLines = fs.readFileSync(path.join(root, 'examples/kubernetes/web.yaml'), 'utf8').split('\n');
  const lineOf = (pattern: RegExp) => demoLines.findIndex((l) => pattern.test(l)) + 1;
  /** The Service's selector labels: the line after its `selector:` key. */
  const serviceSelectorLine = () => demoLines.findIndex((l, i) => i >= lineOf(/^kind: Service$/) && /^ {2}selector:$/.test(l)) + 2;

  it('prints the summary as JSON with 1-based places', () => {
    const result = cnc('explain', 'examples/kubernetes/web.yaml', '--json');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.objects.map((o: { address: string }) => o.address)).toEqual(['Deployment/web', 'Deployment/web-canary', 'Service/web']);
    expect(json.connections[0]).toMatchObject({ from: 'Service/web', to: 'Deployment/web', relation: 'selects', at: { line: serviceSelectorLine() } });
  });

  it('prints what the hover shows at FILE:LINE:COL, field and concept', () => {
    const json = JSON.parse(cnc('explain', `examples/kubernetes/web.yaml:${lineOf(/^ {2}type: NodePort$/)}:11`, '--json').stdout);
    expect(json.subject).toBe('type: NodePort');
    expect(json.field).toMatchObject({ path: 'Service.spec.type', typeName: 'ServiceSpec' });
    expect(json.concepts[0].noteId).toBe('nodeport-service');
  });
});

describe('explaining Gateway API manifests', () => {
  it('follows Gateway → route → Service → Pods', () => {
    const gateway = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge}
spec:
  gatewayClassName: example
  listeners:
  - {name: https, port: 443, protocol: HTTPS, hostname: shop.example.com, tls: {certificateRefs: [{name: shop-tls}]}}
`;
    const route = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop}
spec:
  parentRefs: [{name: edge, sectionName: https}]
  hostnames: [shop.example.com]
  rules:
  - backendRefs: [{name: web, port: 80}]
  - backendRefs: [{name: payments, namespace: payments, port: 80}]
`;
    const explanation = explain(gateway, route, service('web', 'app: web', 'http'), deployment('web', 'app: web'));
    const edges = explanation.connections.map((c) => `${c.from} ${c.relation} ${c.to}: ${c.detail} (${c.resolved ? 'here' : 'elsewhere'})`);
    expect(edges).toContain('HTTPRoute/shop attaches-to Gateway/edge: listener https (here)');
    expect(edges).toContain('HTTPRoute/shop routes-to Service/web: shop.example.com → web:80 (here)');
    expect(edges).toContain('HTTPRoute/shop routes-to Service/payments/payments: shop.example.com → payments:80 in namespace payments (needs a ReferenceGrant there) (elsewhere)');
    expect(edges).toContain('Gateway/edge uses-tls-secret Secret/shop-tls: TLS for listener https (shop.example.com) (elsewhere)');
    expect(edges.some((e) => e.startsWith('Service/web selects Deployment/web'))).toBe(true);
    const summaries = Object.fromEntries(explanation.objects.map((o) => [o.address, o.summary]));
    expect(summaries['Gateway/edge']).toBe('An entry point of the "example" GatewayClass accepting traffic on https (HTTPS 443 shop.example.com); routes attach to it.');
    expect(summaries['HTTPRoute/shop']).toBe('Sends HTTP requests for shop.example.com arriving at edge to web, payments.');
    expect(explanation.objects.find((o) => o.address === 'HTTPRoute/shop')?.concept?.noteId).toBe('httproute');
  });
});
