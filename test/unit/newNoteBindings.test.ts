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
