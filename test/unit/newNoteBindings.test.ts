import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { yamlHover } from '../../src/core/hover/hover';
import { loadBundledKnowledge } from '../../src/core/knowledge/bundle';
import { parseYaml } from '../../src/core/yaml/parseYaml';

const kb = loadBundledKnowledge(path.resolve(__dirname, '..', '..'));
const hoverAt = (text: string, needle: string) => yamlHover(parseYaml(text), text.indexOf(needle) + 1, kb)?.markdown ?? '';

describe('the notes added with issue 13 meet the editor where their concepts appear', () => {
  it('admission webhooks: the kind and failurePolicy', () => {
    const text = [
      'apiVersion: admissionregistration.k8s.io/v1', 'kind: ValidatingWebhookConfiguration', 'metadata:', '  name: policy',
      'webhooks:', '  - name: check.example.com', '    failurePolicy: Ignore', '    sideEffects: None', '    admissionReviewVersions: [v1]',
      '    clientConfig:', '      service: {name: policy, namespace: policy}', '',
    ].join('\n');
    expect(hoverAt(text, 'ValidatingWebhookConfiguration')).toContain('Admission control and admission webhooks');
    expect(hoverAt(text, 'failurePolicy')).toContain('Admission control and admission webhooks');
  });

  it('graceful shutdown: terminationGracePeriodSeconds and preStop in a Deployment template', () => {
    const text = [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    spec:',
      '      terminationGracePeriodSeconds: 45', '      containers:', '        - name: web', '          image: web:1',
      '          lifecycle:', '            preStop:', '              exec: {command: [sleep, "5"]}', '',
    ].join('\n');
    expect(hoverAt(text, 'terminationGracePeriodSeconds')).toContain('Pod termination and graceful shutdown');
    expect(hoverAt(text, 'preStop')).toContain('Pod termination and graceful shutdown');
  });

  it('leader election: a Lease and its holderIdentity', () => {
    const text = 'apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata:\n  name: my-operator\nspec:\n  holderIdentity: pod-a\n';
    expect(hoverAt(text, 'Lease')).toContain('Leader election and Lease objects');
    expect(hoverAt(text, 'holderIdentity')).toContain('Leader election and Lease objects');
  });

  it('DRA: resourceClaims in a Pod', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: gpu\nspec:\n  resourceClaims:\n    - name: gpu\n      resourceClaimTemplateName: one-gpu\n  containers:\n    - name: app\n      image: app:1\n';
    expect(hoverAt(text, 'resourceClaims')).toContain('Device plugins, GPUs and Dynamic Resource Allocation');
  });
});

describe('the Gateway API notes (issue 11) meet the editor on the Gateway API kinds and fields', () => {
  it('Gateway, HTTPRoute and ReferenceGrant kinds and their main fields', () => {
    const gateway = 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: edge\nspec:\n  gatewayClassName: example\n  listeners:\n    - name: http\n      port: 80\n      protocol: HTTP\n';
    expect(hoverAt(gateway, 'Gateway\n')).toContain('Gateway API (Gateway and GatewayClass)');
    expect(hoverAt(gateway, 'listeners')).toContain('Gateway API (Gateway and GatewayClass)');
    const route = 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: shop\nspec:\n  parentRefs:\n    - name: edge\n  rules:\n    - backendRefs:\n        - name: web\n          port: 80\n';
    expect(hoverAt(route, 'HTTPRoute')).toContain('HTTPRoute and GRPCRoute');
    expect(hoverAt(route, 'parentRefs')).toContain('HTTPRoute and GRPCRoute');
    expect(hoverAt(route, 'backendRefs')).toContain('HTTPRoute and GRPCRoute');
    const grant = 'apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata:\n  name: g\nspec:\n  from: []\n  to: []\n';
    expect(hoverAt(grant, 'ReferenceGrant')).toContain('ReferenceGrant');
  });

  it('an Istio Gateway (another API group) is not bound to the Gateway API note', () => {
    const istio = 'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: edge\nspec:\n  selector: {istio: ingressgateway}\n';
    expect(hoverAt(istio, 'Gateway\n')).not.toContain('Gateway API (Gateway and GatewayClass)');
  });
});
