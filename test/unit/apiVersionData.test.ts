import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import path from 'node:path';
import { yamlHover } from '../../src/core/hover/hover';
import { loadBundledKnowledge } from '../../src/core/knowledge/bundle';
import { describeField } from '../../src/core/schema/describeField';
import { fieldMaturityText, fieldSince, historyReleases, kindSince } from '../../src/core/schema/fieldHistory';
import { lintFile } from '../../src/core/lint/lint';
import { ALL_RULES } from '../../src/core/rules';
import { parseYaml } from '../../src/core/yaml/parseYaml';
import { createYamlSchemaService } from '../../src/server/yamlSchemaService';

/** A valid manifest for a current cluster, using fields added in Kubernetes 1.31–1.34. */
const current = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      os: {name: linux}',
  '      hostnameOverride: web-0',
  '      securityContext:',
  '        supplementalGroupsPolicy: Strict',
  '        seLinuxChangePolicy: MountOption',
  '      containers:',
  '      - name: web',
  '        image: nginx:1.27',
  '        lifecycle:',
  '          stopSignal: SIGTERM',
  '',
].join('\n');

const versionRule = ALL_RULES.filter((r) => r.id === 'api-field-version');
const messages = (text: string, kubernetesVersion?: string) => lintFile(parseYaml(text), { rules: versionRule, kubernetesVersion }).map((f) => f.message);

describe('Kubernetes API data: current and version-aware', () => {
  it('describes fields added in 1.31–1.34 with their own descriptions and since when they exist', () => {
    const stop = describeField('apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers', 0, 'lifecycle', 'stopSignal'])!;
    expect(stop.description).toMatch(/StopSignal defines which signal will be sent to a container/);
    expect(stop.enum).toContain('SIGTERM');
    // The enum values are the field's enum; the description no longer lists them one per line.
    expect(stop.description).not.toMatch(/Possible enum values/);
    expect(describeField('v1', 'Pod', ['spec', 'hostnameOverride'])?.description).toMatch(/hostname/i);
    expect(describeField('v1', 'Pod', ['spec', 'securityContext', 'supplementalGroupsPolicy'])?.description).toMatch(/supplemental groups/i);
    expect(fieldSince('core.v1.Lifecycle', 'stopSignal')).toEqual({ since: '1.33', after: '1.32', exact: true });
    expect(fieldSince('core.v1.PodSpec', 'hostnameOverride')).toEqual({ since: '1.34', after: '1.33', exact: true });
    expect(fieldSince('core.v1.PodSpec', 'containers')).toBeUndefined();
    expect(fieldMaturityText('core.v1.Lifecycle', 'stopSignal')).toMatch(/^New in Kubernetes 1\.33/);
    expect(fieldMaturityText('core.v1.PodSecurityContext', 'supplementalGroupsPolicy')).toMatch(/^Added after Kubernetes 1\.30, present by 1\.32/);
    expect(kindSince('resource.k8s.io/v1', 'ResourceClaim')?.after).toBe('1.33');
    expect(historyReleases().newest).toBe('1.36');
  });

  it('hovers a recent field with its own description and since when it exists', () => {
    const kb = loadBundledKnowledge(path.resolve(__dirname, '..', '..'));
    const at = (needle: string) => yamlHover(parseYaml(current), current.indexOf(needle) + 2, kb)!.markdown;
    expect(at('stopSignal')).toMatch(/StopSignal defines which signal/);
    expect(at('stopSignal')).toContain('New in Kubernetes 1.33');
    expect(at('hostnameOverride')).toContain('New in Kubernetes 1.34');
    expect(at('supplementalGroupsPolicy')).toContain('Added after Kubernetes 1.30, present by 1.32');
    // An old field says nothing about its age.
    expect(at('containers')).not.toMatch(/New in Kubernetes|Added after/);
  });

  it('validates a current manifest through the schema service without errors', async () => {
    const diagnostics = await createYamlSchemaService().validate(TextDocument.create('file:///work/current.yaml', 'yaml', 1, current));
    expect(diagnostics.map((d) => d.message)).toEqual([]);
  });

  it('reports a field newer than the target once, naming the release it needs', () => {
    expect(messages(current, '1.30')).toEqual([
      '`hostnameOverride` needs Kubernetes 1.34 or newer; your target is 1.30.',
      '`supplementalGroupsPolicy` needs a release after Kubernetes 1.30 (1.32 has it); your target is 1.30.',
      '`seLinuxChangePolicy` needs a release after Kubernetes 1.30 (1.32 has it); your target is 1.30.',
      '`stopSignal` needs Kubernetes 1.33 or newer; your target is 1.30.',
    ]);
    expect(messages(current, '1.33')).toEqual(['`hostnameOverride` needs Kubernetes 1.34 or newer; your target is 1.33.']);
    // 1.31 lies in the range no shipped data covers: given the benefit of the doubt.
    expect(messages(current, '1.31')).toHaveLength(2);
    expect(messages(current, '1.36')).toEqual([]);
  });
});
