import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInData, kubernetesDataDir } from '../../src/core/schema/builtInData';
import { resolveKind } from '../../src/core/schema/catalog';
import { describeField, describeKind } from '../../src/core/schema/describeField';
import { documentSchema } from '../../src/core/schema/schemaSelection';
import { redHatValidatesKubernetes, schemaDiagnosticsEnabled } from '../../src/core/schema/schemaValidationSetting';
import { parseYaml } from '../../src/core/yaml/parseYaml';

const treeOf = (text: string) => parseYaml(text).documents[0]!.tree;

describe('describeField (generated from kubernetes-types)', () => {
  it('describes a nested field with its API description, type, kind path and type path', () => {
    const doc = describeField('apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers', 0, 'image'])!;
    expect(doc).toMatchObject({
      field: 'image', path: 'Deployment.spec.template.spec.containers[].image', typeName: 'Container', typePath: 'Container.image',
      type: 'string', source: 'kubernetes', exactVersion: true,
    });
    expect(doc.description).toMatch(/Container image name/);
    expect(doc.docsUrl).toBe('https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.36/#deployment-v1-apps');
  });

  it('gives the type path note bindings use (PodSpec.hostNetwork, ServiceSpec.type) and the valid values', () => {
    expect(describeField('v1', 'Pod', ['spec', 'hostNetwork'])).toMatchObject({ typePath: 'PodSpec.hostNetwork', type: 'boolean' });
    expect(describeField('v1', 'Service', ['spec', 'type'])).toMatchObject({ typePath: 'ServiceSpec.type', enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] });
    expect(describeField('batch/v1', 'CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'restartPolicy'])).toMatchObject({ typePath: 'PodSpec.restartPolicy', enum: ['Always', 'OnFailure', 'Never'] });
  });

  it('describes object, list and map fields by their value type, and keys inside maps', () => {
    expect(describeField('apps/v1', 'Deployment', ['spec', 'template'])).toMatchObject({ type: 'PodTemplateSpec', valueTypeName: 'PodTemplateSpec', required: true });
    expect(describeField('v1', 'Pod', ['spec', 'containers'])).toMatchObject({ type: '[]Container', valueTypeName: 'Container' });
    expect(describeField('v1', 'Pod', ['spec', 'containers', 1])).toMatchObject({ field: 'containers', path: 'Pod.spec.containers[]' });
    expect(describeField('v1', 'Pod', ['metadata', 'labels', 'app'])).toMatchObject({ field: 'labels', type: 'map[string]string', entryKey: 'app', typePath: 'ObjectMeta.labels' });
    expect(describeField('v1', 'Service', ['spec', 'ports', 0, 'targetPort'])).toMatchObject({ type: 'integer or string' });
    expect(describeField('v1', 'Pod', ['spec', 'containers', 0, 'resources', 'limits', 'cpu'])).toMatchObject({ field: 'limits', entryKey: 'cpu' });
  });

  it('knows nothing of fields, kinds and groups the API does not have', () => {
    expect(describeField('apps/v1', 'Deployment', ['spec', 'replica'])).toBeUndefined();
    expect(describeField('apps/v1', 'Deployment', ['spec', 'replicas', 'x'])).toBeUndefined();
    expect(describeField('example.com/v1', 'Deployment', ['spec', 'replicas'])).toBeUndefined();
    expect(describeField('v1', 'Widget', ['spec'])).toBeUndefined();
    expect(describeField('apps/v1', 'Deployment', [])).toBeUndefined();
  });

  it('describes a built-in kind at a version this release no longer serves from the served one, saying so', () => {
    const doc = describeField('extensions/v1beta1', 'Deployment', ['spec', 'replicas'])!;
    expect(doc).toMatchObject({ path: 'Deployment.spec.replicas', exactVersion: false });
    expect(resolveKind('apps/v1beta2', 'StatefulSet')).toMatchObject({ describedVersion: 'apps/v1', exactVersion: false });
  });

  it('restores the fields kubernetes-types drops (RuleWithOperations.resources) and fills undocumented CRD schema keys', () => {
    expect(describeField('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', ['webhooks', 0, 'rules', 0, 'resources'])).toMatchObject({ type: '[]string' });
    expect(describeField('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', ['webhooks', 0, 'rules', 0, 'scope'])?.enum).toEqual(['*', 'Cluster', 'Namespaced']);
    const type = describeField('apiextensions.k8s.io/v1', 'CustomResourceDefinition', ['spec', 'versions', 0, 'schema', 'openAPIV3Schema', 'properties', 'spec', 'type'])!;
    expect(type.typePath).toBe('JSONSchemaProps.type');
    expect(type.description).toMatch(/JSON type/);
  });

  it('documents the custom resources of the notes in our own words, with their main fields', () => {
    expect(describeField('argoproj.io/v1alpha1', 'Application', ['spec', 'syncPolicy', 'automated', 'selfHeal'])).toMatchObject({ source: 'custom', typeName: 'SyncPolicyAutomated', type: 'boolean' });
    expect(describeField('source.toolkit.fluxcd.io/v1', 'GitRepository', ['spec', 'ref', 'branch'])?.description).toMatch(/branch/);
    expect(describeField('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', ['spec', 'prune'])).toMatchObject({ required: true });
    expect(describeField('helm.toolkit.fluxcd.io/v2', 'HelmRelease', ['spec', 'chart', 'spec', 'sourceRef', 'kind'])).toMatchObject({ type: 'string' });
    expect(describeField('kustomize.config.k8s.io/v1beta1', 'Kustomization', ['images', 0, 'newTag'])).toMatchObject({ typeName: 'Image' });
    // Knative's Revision spec is a Pod spec plus its own fields: the Pod fields keep the API's docs and type path.
    expect(describeField('serving.knative.dev/v1', 'Service', ['spec', 'template', 'spec', 'containers', 0, 'image'])).toMatchObject({ typePath: 'Container.image', source: 'custom' });
    expect(describeField('serving.knative.dev/v1', 'Service', ['spec', 'template', 'spec', 'containerConcurrency'])).toMatchObject({ typeName: 'RevisionSpec' });
    // RuntimeClass is built in.
    expect(describeField('node.k8s.io/v1', 'RuntimeClass', ['handler'])).toMatchObject({ source: 'kubernetes', typePath: 'RuntimeClass.handler' });
  });

  it('describes kinds with their reference page', () => {
    expect(describeKind('networking.k8s.io/v1', 'Ingress')).toMatchObject({ typeName: 'Ingress', docsUrl: 'https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.36/#ingress-v1-networking-k8s-io' });
    expect(describeKind('v1', 'Pod')!.docsUrl).toMatch(/#pod-v1-core$/);
    expect(describeKind('argoproj.io/v1alpha1', 'Application')).toMatchObject({ source: 'custom', docsUrl: expect.stringMatching(/^https:\/\/argo-cd/) });
  });
});

describe('documentSchema (which schema a document gets)', () => {
  it('picks the schema by apiVersion and kind, per document', () => {
    expect(documentSchema(treeOf('apiVersion: apps/v1\nkind: Deployment\n'))).toMatchObject({ kind: 'object', info: { typeId: 'apps.v1.Deployment' } });
    expect(documentSchema(treeOf('{apiVersion: v1, kind: Service}'))).toMatchObject({ kind: 'object', info: { typeId: 'core.v1.Service' } });
    expect(documentSchema(treeOf('apiVersion: v1\nkind: List\nitems: []\n'))).toEqual({ kind: 'list' });
    expect(documentSchema(treeOf('apiVersion: example.com/v1\nkind: Widget\n'))).toEqual({ kind: 'unknown', apiVersion: 'example.com/v1', kindName: 'Widget' });
  });

  it('never claims Helm values, CI workflows or docker-compose files, and leaves templates alone', () => {
    expect(documentSchema(treeOf('replicaCount: 2\nimage:\n  repository: nginx\n'), { fileName: 'values.yaml' })).toEqual({ kind: 'none' });
    expect(documentSchema(treeOf('on: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n'), { fileName: '.github/workflows/ci.yml' })).toEqual({ kind: 'none' });
    expect(documentSchema(treeOf('services:\n  web:\n    image: nginx\n'), { fileName: 'docker-compose.yml' })).toEqual({ kind: 'none' });
    expect(documentSchema(treeOf('apiVersion: 2\nkind: x\n'))).toEqual({ kind: 'none' });
    expect(documentSchema(treeOf('apiVersion: v1\nkind: Service\n'), { isTemplate: true })).toEqual({ kind: 'none' });
  });

  it('takes a kustomization.yaml without a header as a Kustomization, and only by that name', () => {
    expect(documentSchema(treeOf('resources:\n- a.yaml\n'), { fileName: '/x/kustomization.yaml' })).toMatchObject({ kind: 'object', info: { kind: 'Kustomization', source: 'custom' } });
    expect(documentSchema(treeOf('resources:\n- a.yaml\n'), { fileName: '/x/other.yaml' })).toEqual({ kind: 'none' });
  });
});

describe('generated data (dist/kubernetes)', () => {
  it('covers the built-in kinds of Kubernetes 1.36 and stays small', () => {
    const data = builtInData();
    expect(data.kubernetesVersion).toMatch(/^1\.36\./);
    const kinds = data.kinds().map((k) => `${k.apiVersion} ${k.kind}`);
    for (const k of ['v1 Pod', 'apps/v1 Deployment', 'networking.k8s.io/v1 Ingress', 'batch/v1 CronJob', 'node.k8s.io/v1 RuntimeClass', 'autoscaling/v2 HorizontalPodAutoscaler']) expect(kinds).toContain(k);
    const dir = kubernetesDataDir();
    const size = (f: string) => fs.statSync(path.join(dir, f)).size;
    // Far below the 10 MB the whole VSIX may weigh.
    expect(size('fields.json') + size('schema.json')).toBeLessThan(1_500_000);
  });
});

describe('cnc.schemaValidation', () => {
  it('"auto" steps aside only when Red Hat\'s YAML extension validates Kubernetes files itself', () => {
    expect(redHatValidatesKubernetes({ active: true, schemas: { kubernetes: '*.yaml' } })).toBe(true);
    expect(redHatValidatesKubernetes({ active: true, schemas: { 'https://example.com/kubernetes-json-schema/master/all.json': ['k8s/**'] } })).toBe(true);
    expect(redHatValidatesKubernetes({ active: true, schemas: { 'https://json.schemastore.org/github-workflow.json': '.github/**' } })).toBe(false);
    expect(redHatValidatesKubernetes({ active: true, validate: false, schemas: { kubernetes: '*.yaml' } })).toBe(false);
    expect(redHatValidatesKubernetes({ active: false, schemas: { kubernetes: '*.yaml' } })).toBe(false);
    expect(schemaDiagnosticsEnabled('auto', true)).toBe(false);
    expect(schemaDiagnosticsEnabled(undefined, false)).toBe(true);
    expect(schemaDiagnosticsEnabled('on', true)).toBe(true);
    expect(schemaDiagnosticsEnabled('off', false)).toBe(false);
  });
});
