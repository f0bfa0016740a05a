import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOVER_COMMANDS } from '../../src/core/hover/commandLinks';
import { yamlHover } from '../../src/core/hover/hover';
import { loadBundledKnowledge } from '../../src/core/knowledge/bundle';
import { parseYaml } from '../../src/core/yaml/parseYaml';

const kb = loadBundledKnowledge(path.resolve(__dirname, '..', '..'));
const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n';

describe('yamlHover', () => {
  it('explains `kind: Deployment` with the note summary and a link that opens the note', () => {
    const hover = yamlHover(parseYaml(text), text.indexOf('Deployment') + 3, kb)!;
    expect(hover.subject).toBe('kind: Deployment');
    expect(hover.markdown).toContain(kb.note('deployment')!.summary);
    expect(hover.markdown).toContain('command:cnc.openNote?%5B%22deployment%22%5D');
    expect(text.slice(hover.span.start, hover.span.end)).toBe('kind: Deployment');
  });

  it('links only to our own commands, whatever a note contains', () => {
    const hover = yamlHover(parseYaml(text), text.indexOf('Deployment'), kb)!;
    const commands = [...hover.markdown.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) expect(HOVER_COMMANDS).toContain(command);
  });

  it('says nothing for a kind of another API group with the same name', () => {
    const crd = 'apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: x}\n';
    expect(yamlHover(parseYaml(crd), crd.indexOf('Deployment'), kb)).toBeUndefined();
  });

  it('says nothing outside Kubernetes objects', () => {
    const other = 'kind: Deployment\nname: x\n';
    expect(yamlHover(parseYaml(other), 8, kb)).toBeUndefined();
  });
});
