import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableBuiltInData, builtInData, setKubernetesDataDir } from '../../src/core/schema/builtInData';
import { resolveKind } from '../../src/core/schema/catalog';
import { describeField, describeKind } from '../../src/core/schema/describeField';
import { yamlHover } from '../../src/core/hover/hover';
import { loadBundledKnowledge } from '../../src/core/knowledge/bundle';
import { parseYaml } from '../../src/core/yaml/parseYaml';

const root = path.resolve(__dirname, '..', '..');

describe('schema lookups when the generated API data is missing (a tree that was not built)', () => {
  it('answer undefined instead of throwing, and the hover still gives the concept half', () => {
    setKubernetesDataDir(path.join(os.tmpdir(), 'cnc-no-kubernetes-data-here'));
    try {
      expect(availableBuiltInData()).toBeUndefined();
      expect(resolveKind('apps/v1', 'Deployment')).toBeUndefined();
      expect(describeKind('apps/v1', 'Deployment')).toBeUndefined();
      expect(describeField('v1', 'Pod', ['spec', 'hostNetwork'])).toBeUndefined();
      // What cannot work without the data says what is missing.
      expect(() => builtInData()).toThrow(/fields\.json/);
      const text = 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  hostNetwork: true\n';
      const hover = yamlHover(parseYaml(text), text.indexOf('Pod'), loadBundledKnowledge(root));
      expect(hover?.kind).toBeUndefined();
      expect(hover?.concepts.length).toBeGreaterThan(0);
    } finally {
      setKubernetesDataDir(path.join(root, 'dist', 'kubernetes'));
    }
    expect(describeField('v1', 'Pod', ['spec', 'hostNetwork'])).toMatchObject({ typePath: 'PodSpec.hostNetwork' });
  });
});
