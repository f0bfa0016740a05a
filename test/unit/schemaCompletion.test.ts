import { describe, expect, it } from 'vitest';
import { InsertTextFormat } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EDITOR_LIMITS } from '../../src/core/model/limits';
import { createYamlSchemaService } from '../../src/server/yamlSchemaService';

const podSpec = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          \n';
const position = { line: 8, character: 10 };
const doc = (text: string, version = 1) => TextDocument.create('file:///work/complete.yaml', 'yaml', version, text);

describe('schema completion', () => {
  it('offers snippets to clients that support them, plain one-line text to the others', async () => {
    const service = createYamlSchemaService();
    const snippets = await service.complete(doc(podSpec), position, { snippetSupport: true });
    const ports = snippets.items.find((i) => i.label === 'ports')!;
    expect(ports.insertTextFormat).toBe(InsertTextFormat.Snippet);
    expect(ports.textEdit?.newText ?? ports.insertText).toMatch(/\n/);
    const plain = await service.complete(doc(podSpec), position, { snippetSupport: false });
    expect(plain.items.map((i) => i.label)).toEqual(snippets.items.map((i) => i.label));
    for (const item of plain.items) {
      expect(item.insertTextFormat).not.toBe(InsertTextFormat.Snippet);
      for (const inserted of [item.insertText, item.textEdit?.newText]) expect(inserted ?? '').not.toMatch(/\$\d|\$\{|\n/);
    }
    const plainPorts = plain.items.find((i) => i.label === 'ports')!;
    expect(plainPorts.textEdit?.newText ?? plainPorts.insertText).toBe('ports:');
  });

  it('does no work in a document over the analysis size limit', async () => {
    const service = createYamlSchemaService();
    const huge = `${podSpec}# ${'x'.repeat(EDITOR_LIMITS.parsedBytes)}\n`;
    const list = await service.complete(doc(huge), position);
    expect(list.items).toEqual([]);
    expect(service.completedRequests).toBe(0);
    await service.complete(doc(podSpec), position);
    expect(service.completedRequests).toBe(1);
  });
});
