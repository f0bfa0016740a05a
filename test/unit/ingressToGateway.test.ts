import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ingressToGateway, PLACEHOLDER_CLASS } from '../../src/core/convert/ingressToGateway';
import { lintFile } from '../../src/core/lint/lint';
import { ALL_RULES } from '../../src/core/rules';
import { parseYaml } from '../../src/core/yaml/parseYaml';

const root = path.resolve(__dirname, '..', '..');
const fixtures = path.join(__dirname, 'fixtures');
const read = (relative: string) => fs.readFileSync(path.join(fixtures, relative), 'utf8');
const MULTI_TLS = 'ingress-nginx/docs/examples/multi-tls/multi-tls.yaml';
const SAMESITE = 'ingress-nginx/docs/examples/affinity/cookie/ingress-samesite.yaml';
const V1BETA1 = 'kube-score/score/testdata/ingress-networkingv1beta1-targets-service.yaml';

/** The documents of a conversion, as plain objects. */
const documentsOf = (yaml: string) => parseAllDocuments(yaml).map((d) => d.toJS() as { kind: string; metadata: { name: string; namespace?: string }; spec: Record<string, unknown> });
const convert = (text: string) => ingressToGateway(parseYaml(text).objects);

describe('Ingress → Gateway API conversion', () => {
  it('turns ingress-nginx\'s multi-TLS example into one Gateway (HTTP and HTTPS per host) and a route per host', () => {
    const result = convert(read(MULTI_TLS));
    expect(result.converted).toEqual(['Ingress default/foo-tls']);
    expect(result.notConverted).toEqual([]);
    const [gateway, ...routes] = documentsOf(result.yaml);
    expect(gateway).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'nginx', namespace: 'default' },
      spec: {
        gatewayClassName: 'nginx',
        listeners: [
          { name: 'foo-bar-com-http', hostname: 'foo.bar.com', port: 80, protocol: 'HTTP' },
          { name: 'bar-baz-com-http', hostname: 'bar.baz.com', port: 80, protocol: 'HTTP' },
          { name: 'foo-bar-com-https', hostname: 'foo.bar.com', port: 443, protocol: 'HTTPS', tls: { mode: 'Terminate', certificateRefs: [{ name: 'foobar' }] } },
          { name: 'bar-baz-com-https', hostname: 'bar.baz.com', port: 443, protocol: 'HTTPS', tls: { mode: 'Terminate', certificateRefs: [{ name: 'barbaz' }] } },
        ],
      },
    });
    expect(routes.map((r) => [r.kind, r.metadata.name, r.spec.hostnames])).toEqual([
      ['HTTPRoute', 'foo-tls-foo-bar-com', ['foo.bar.com']],
      ['HTTPRoute', 'foo-tls-bar-baz-com', ['bar.baz.com']],
    ]);
    expect(routes[0]!.spec).toEqual({
      parentRefs: [{ name: 'nginx' }], hostnames: ['foo.bar.com'],
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'http-svc', port: 80 }] }],
    });
  });

  it('produces routes our own checks accept next to the example\'s Services', () => {
    const text = read(MULTI_TLS);
    const converted = convert(text).yaml;
    const file = parseYaml(`${text}\n---\n${converted}`);
    const ids = ['route-backend-missing', 'route-gateway-missing', 'gateway-listener-unused'];
    const findings = lintFile(file, { rules: ALL_RULES.filter((r) => ids.includes(r.id)), allRules: true });
    expect(findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
  });

  it('lists controller annotations it cannot convert as comments, and shares one Gateway per class', () => {
    const result = convert(read(SAMESITE));
    expect(result.converted).toEqual(['Ingress cookie-samesite-none', 'Ingress cookie-samesite-strict']);
    expect(result.notConverted).toContain('Ingress cookie-samesite-none: annotation nginx.ingress.kubernetes.io/affinity: cookie (implementation-specific; look for an HTTPRoute filter or a policy of your Gateway implementation)');
    expect(result.notConverted.filter((line) => line.startsWith('Ingress cookie-samesite-strict: annotation '))).toHaveLength(5);
    expect(result.yaml).toMatch(/^# Not converted:$/m);
    expect(result.yaml).toContain('# - Ingress cookie-samesite-strict: annotation nginx.ingress.kubernetes.io/session-cookie-samesite: Strict');
    const documents = documentsOf(result.yaml);
    expect(documents.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(['Gateway/nginx', 'HTTPRoute/cookie-samesite-none', 'HTTPRoute/cookie-samesite-strict']);
  });

  it('reads the older v1beta1 shape (serviceName/servicePort) and marks a missing class', () => {
    const result = convert(read(V1BETA1));
    const documents = documentsOf(result.yaml);
    const gateway = documents.find((d) => d.kind === 'Gateway')!;
    expect(gateway.spec.gatewayClassName).toBe(PLACEHOLDER_CLASS);
    expect(result.notConverted.some((line) => line.includes('no ingress class'))).toBe(true);
    const route = documents.find((d) => d.kind === 'HTTPRoute')!;
    expect(JSON.stringify(route.spec.rules)).toContain('"backendRefs":[{"name":"app-service","port":');
  });

  it('converts a default backend to a catch-all rule and says what has no equivalent', () => {
    const text = [
      'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: { name: shop, namespace: shop }', 'spec:',
      '  ingressClassName: public', '  defaultBackend: { service: { name: web, port: { number: 80 } } }', '  rules:',
      '    - host: shop.example.com', '      http:', '        paths:',
      '          - { path: /api, pathType: ImplementationSpecific, backend: { service: { name: api, port: { name: http } } } }',
      '          - { path: /assets, pathType: Prefix, backend: { resource: { apiGroup: example.com, kind: Bucket, name: assets } } }', '',
    ].join('\n');
    const result = convert(text);
    expect(result.notConverted).toEqual([
      'Ingress shop/shop: Service api port "http" is a name: backendRefs need the port number',
      'Ingress shop/shop: path /api has pathType ImplementationSpecific: converted as PathPrefix, check it matches what your controller did',
      'Ingress shop/shop: a resource backend (Bucket): name an equivalent backendRef by hand',
    ]);
    const routes = documentsOf(result.yaml).filter((d) => d.kind === 'HTTPRoute');
    expect(routes.map((r) => r.metadata.name)).toEqual(['shop-shop-example-com', 'shop-default']);
    expect(routes[1]!.spec).toEqual({ parentRefs: [{ name: 'public' }], rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] });
  });

  it('keeps comment lines on one line whatever an annotation holds', () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: x\n  annotations:\n    example.com/snippet: "a\\nb: c\\r\\n---"\nspec:\n  ingressClassName: c\n  defaultBackend: { service: { name: web, port: { number: 80 } } }\n';
    const { yaml } = convert(text);
    for (const line of yaml.split('\n').filter((l) => l.includes('snippet'))) expect(line.startsWith('# ')).toBe(true);
    expect(documentsOf(yaml).map((d) => d.kind)).toEqual(['Gateway', 'HTTPRoute']);
  });

  it('is a CLI command: cnc convert ingress-to-gateway FILE', () => {
    const cnc = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'dist/cli/cnc.js'), ...args], { cwd: root, encoding: 'utf8' });
    const ok = cnc('convert', 'ingress-to-gateway', path.join(fixtures, MULTI_TLS));
    expect(ok.status).toBe(0);
    expect(documentsOf(ok.stdout).map((d) => d.kind)).toEqual(['Gateway', 'HTTPRoute', 'HTTPRoute']);
    const json = JSON.parse(cnc('convert', 'ingress-to-gateway', path.join(fixtures, SAMESITE), '--json').stdout);
    expect(json.converted).toHaveLength(2);
    const none = cnc('convert', 'ingress-to-gateway', path.join(fixtures, 'kube-score/score/testdata/pod-env-ok.yaml'));
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('no Ingress in');
    expect(cnc('convert', 'nothing-to-gateway', 'x.yaml').status).toBe(2);
  });
});
