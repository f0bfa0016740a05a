import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisScheduler } from '../../src/server/analysisScheduler';

const uri = 'file:///work/big.yaml';
const diagnostic = (message: string): Diagnostic => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message });

/** A scheduler over one document whose version the test moves on; it records what is analysed and published. */
function harness(options: { schema?: (document: TextDocument, superseded: () => boolean) => Promise<Diagnostic[]> } = {}) {
  let document: TextDocument | undefined = TextDocument.create(uri, 'yaml', 1, 'kind: A\n');
  const analysed: number[] = [];
  const published: { version: number; messages: string[] }[] = [];
  let settled: () => void = () => {};
  const scheduler = new AnalysisScheduler({
    current: () => document,
    analyse: (d) => { analysed.push(d.version); return [diagnostic(`rules of ${d.version}`)]; },
    complete: options.schema ?? (async (d) => [diagnostic(`schema of ${d.version}`)]),
    publish: (_uri, version, diagnostics) => { published.push({ version, messages: diagnostics.map((d) => d.message) }); settled(); },
    onError: (error) => { throw error; },
  });
  return {
    scheduler, analysed, published,
    edit: (version: number) => { document = TextDocument.create(uri, 'yaml', version, `kind: A${version}\n`); },
    close: () => { document = undefined; },
    nextPublish: () => new Promise<void>((resolve) => { settled = resolve; }),
  };
}

const turns = async (n: number) => { for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0)); };

describe('AnalysisScheduler', () => {
  it('publishes rules and schema diagnostics of a version together, once, however often it is asked', async () => {
    const h = harness();
    const done = h.nextPublish();
    h.scheduler.request(uri);
    h.scheduler.request(uri);
    await done;
    h.scheduler.request(uri);
    await turns(10);
    expect(h.published).toEqual([{ version: 1, messages: ['rules of 1', 'schema of 1'] }]);
  });

  it('never analyses or publishes versions superseded before their turn', async () => {
    const h = harness();
    h.scheduler.request(uri);
    for (let v = 2; v <= 5; v++) { h.edit(v); h.scheduler.request(uri); }
    const done = h.nextPublish();
    await done;
    await turns(10);
    expect(h.analysed).toEqual([5]);
    expect(h.published.map((p) => p.version)).toEqual([5]);
  });

  it('keeps one analysis in flight: a version superseded during its schema phase is dropped, the latest is published', async () => {
    let release: () => void = () => {};
    const calls: number[] = [];
    const h = harness({
      schema: async (d, superseded) => {
        calls.push(d.version);
        if (d.version === 1) await new Promise<void>((resolve) => { release = resolve; });
        return superseded() ? [] : [diagnostic(`schema of ${d.version}`)];
      },
    });
    h.scheduler.request(uri);
    await turns(5);
    expect(calls).toEqual([1]);
    h.edit(2);
    h.scheduler.request(uri);
    await turns(5);
    // Version 2 waits for version 1's work to stop: never two at once.
    expect(calls).toEqual([1]);
    const done = h.nextPublish();
    release();
    await done;
    expect(calls).toEqual([1, 2]);
    expect(h.published).toEqual([{ version: 2, messages: ['rules of 2', 'schema of 2'] }]);
  });

  it('publishes a version again only when its diagnostics changed (a neighbour or a setting changed them)', async () => {
    let schemaMessage = 'first';
    const h = harness({ schema: async () => [diagnostic(schemaMessage)] });
    let done = h.nextPublish();
    h.scheduler.request(uri);
    await done;
    h.scheduler.request(uri);
    await turns(10);
    schemaMessage = 'second';
    done = h.nextPublish();
    h.scheduler.request(uri);
    await done;
    expect(h.published.map((p) => p.messages[1])).toEqual(['first', 'second']);
  });

  it('publishes nothing for a document closed while it was analysed', async () => {
    const h = harness();
    h.scheduler.request(uri);
    h.scheduler.forget(uri);
    await turns(10);
    h.close();
    h.scheduler.request(uri);
    await turns(10);
    expect(h.published).toEqual([]);
  });
});
