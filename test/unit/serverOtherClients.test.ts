import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver/node';
import { commandLink, markdownLink, retargetCommandLinks } from '../../src/core/hover/commandLinks';

const root = path.resolve(__dirname, '..', '..');
const manifest = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n        - name: web\n          image: nginx:latest\n';

interface Diagnostic { code: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; source: string; message: string; data?: unknown }
interface CodeAction { title: string; command?: { command: string; arguments?: unknown[] }; edit?: unknown }

/** `cnc serve --stdio` started the way Neovim, Helix or eglot start it: no `clientCommands`. */
function startServer(capabilities: object, initializationOptions: object, workspace: string) {
  const child = spawn(process.execPath, [path.join(root, 'dist/cli/cnc.js'), 'serve', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection: MessageConnection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map<string, Diagnostic[]>();
  const waiters: { uri: string; test: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
    published.set(p.uri, p.diagnostics);
    for (const w of waiters.filter((x) => x.uri === p.uri && x.test(p.diagnostics))) { waiters.splice(waiters.indexOf(w), 1); w.resolve(p.diagnostics); }
  });
  const shown: { uri: string; takeFocus?: boolean }[] = [];
  connection.onRequest('window/showDocument', (params: { uri: string; takeFocus?: boolean }) => { shown.push(params); return { success: true }; });
  connection.onRequest('workspace/configuration', () => []);
  connection.listen();
  const diagnosticsFor = (uri: string, test: (d: Diagnostic[]) => boolean) => new Promise<Diagnostic[]>((resolve) => {
    const now = published.get(uri);
    if (now && test(now)) resolve(now); else waiters.push({ uri, test, resolve });
  });
  const initialize = connection.sendRequest('initialize', {
    processId: process.pid, rootUri: pathToFileURL(workspace).toString(), capabilities, initializationOptions,
  }) as Promise<{ capabilities: { executeCommandProvider?: { commands: string[] } } }>;
  const stop = async () => { await connection.sendRequest('shutdown'); await connection.sendNotification('exit'); connection.dispose(); child.kill(); };
  return { connection, initialize, diagnosticsFor, shown, stop };
}

/**
 * Inside a describe: a workspace holding web.yaml (and what `prepare` adds), a server for it started as an editor with
 * these capabilities and options starts it, web.yaml opened; `imageTagActions` asks for the code actions of its
 * unpinned image tag.
 */
function editorSession(capabilities: object, initializationOptions: object, prepare: (workspace: string) => void = () => {}) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-lsp-editor-'));
  prepare(workspace);
  const uri = pathToFileURL(path.join(workspace, 'web.yaml')).toString();
  fs.writeFileSync(fileURLToPath(uri), manifest);
  const server = startServer(capabilities, initializationOptions, workspace);
  const started = server.initialize.then(async (result) => {
    await server.connection.sendNotification('initialized', {});
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: manifest } });
    return result;
  });
  beforeAll(() => started);
  afterAll(async () => { await server.stop(); fs.rmSync(workspace, { recursive: true, force: true }); });
  const imageTagActions = async () => {
    const diagnostics = await server.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'image-tag-not-pinned'));
    const imageTag = diagnostics.find((d) => d.code === 'image-tag-not-pinned')!;
    return await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: imageTag.range, context: { diagnostics: [imageTag] } }) as CodeAction[];
  };
  return { server, uri, workspace, started, imageTagActions };
}

describe('command links for clients without our commands', () => {
  it('point "open note" at a URL the client can follow, and leave out what it cannot run', () => {
    const markdown = `**Deployment**\n\n${markdownLink('Open note', commandLink('cnc.openNote', ['deployment']), 'Open the (Deployment) note')} · ${markdownLink('Review 3 cards', commandLink('cnc.reviewCards', [{ noteId: 'deployment' }]))} · [Docs ↗](https://kubernetes.io/docs/)\n\nSee ${markdownLink('Pods', commandLink('cnc.openNote', ['pod']))} and ${markdownLink('gone', commandLink('cnc.openNote', ['no-such-note']))}.`;
    const files: Record<string, string> = { deployment: '/pkg/knowledge/deployment (v1).md', pod: '/pkg/knowledge/pod.md' };
    const result = retargetCommandLinks(markdown, (command, args) => {
      const file = command === 'cnc.openNote' && typeof args[0] === 'string' ? files[args[0]] : undefined;
      return file ? pathToFileURL(file) : undefined;
    });
    expect(result).toBe('**Deployment**\n\n[Open note](file:///pkg/knowledge/deployment%20%28v1%29.md "Open the \\(Deployment\\) note") · [Docs ↗](https://kubernetes.io/docs/)\n\nSee [Pods](file:///pkg/knowledge/pod.md) and gone.');
  });
});

describe('cnc serve --stdio in an editor that shows documents (Neovim 0.8+, Helix, eglot)', () => {
  const { server, uri, workspace, started, imageTagActions } = editorSession({ window: { showDocument: { support: true } } }, { notesFolders: ['notes'] }, (dir) => {
    fs.mkdirSync(path.join(dir, 'notes'));
    fs.writeFileSync(path.join(dir, 'notes', 'team-web.md'), '---\nid: team-web\ntitle: Team web app\nsummary: How our team runs the web app.\n---\n\nOur [[deployment]] notes.\n');
  });

  it('offers the quick fixes and "Explain", not "Review cards", and opens the note with window/showDocument', async () => {
    expect((await started).capabilities.executeCommandProvider).toEqual({ commands: ['cnc.openNote'] });
    const actions = await imageTagActions();
    expect(actions.map((a) => a.title)).toEqual([
      'Pin image tag: nginx:TODO-pin-version (fill in a released version)',
      'Explain Image tags and digests',
      'Suppress image-tag-not-pinned on this line (with a reason)',
    ]);
    const explain = actions[1]!.command!;
    expect(await server.connection.sendRequest('workspace/executeCommand', { command: explain.command, arguments: explain.arguments })).toBe(true);
    expect(server.shown).toHaveLength(1);
    const opened = fileURLToPath(server.shown[0]!.uri);
    expect(path.basename(opened)).toBe('image-tags-and-digests.md');
    expect(fs.readFileSync(opened, 'utf8')).toMatch(/^---\nid: image-tags-and-digests/);
  });

  it('answers an unknown command or bad arguments with an error, and a missing note with a warning', async () => {
    await expect(server.connection.sendRequest('workspace/executeCommand', { command: 'cnc.reviewCards', arguments: [] })).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/Unknown command cnc\.reviewCards/) });
    await expect(server.connection.sendRequest('workspace/executeCommand', { command: 'cnc.openNote', arguments: [42] })).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/one argument, the note id/) });
    const warned = new Promise<string>((resolve) => server.connection.onNotification('window/showMessage', (p: { message: string }) => resolve(p.message)));
    expect(await server.connection.sendRequest('workspace/executeCommand', { command: 'cnc.openNote', arguments: ['no-such-note'] })).toBeNull();
    expect(await warned).toBe('No concept note with id "no-such-note".');
  });

  it('links hovers to the notes\' files, never to commands', async () => {
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 8 } }) as { contents: { value: string } };
    expect(hover.contents.value).toContain('**Deployment**');
    expect(hover.contents.value).not.toContain('command:');
    const links = [...hover.contents.value.matchAll(/\]\((file:[^ )]+)/g)].map((m) => fileURLToPath(m[1]!));
    expect(links.map((l) => path.basename(l))).toContain('deployment.md');
    for (const link of links) expect(fs.existsSync(link)).toBe(true);
  });

  it('reads notes folders relative to the workspace, and takes settings from workspace/didChangeConfiguration', async () => {
    const note = await server.connection.sendRequest('cnc/note', 'team-web') as { path: string } | null;
    expect(note?.path).toBe(path.join(workspace, 'notes', 'team-web.md'));
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cnc: { lintSettings: { rules: { 'image-tag-not-pinned': 'off' } } } } });
    const after = await server.diagnosticsFor(uri, (d) => !d.some((x) => x.code === 'image-tag-not-pinned'));
    expect(after.length).toBeGreaterThan(0);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cnc: { lintSettings: { kubernetesVersion: '1.36' } } } });
    expect(await server.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'image-tag-not-pinned'))).not.toHaveLength(0);
    // Settings for other servers, or none, change nothing.
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: { validate: false } } });
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 8 } }) as { contents: { value: string } };
    expect(hover.contents.value).toContain('**Deployment**');
  });
});

describe('cnc serve --stdio in an editor that cannot show documents (Neovim 0.7)', () => {
  const { imageTagActions } = editorSession({ window: { showDocument: { support: false } } }, {});

  it('offers only the code actions that edit', async () => {
    const actions = await imageTagActions();
    expect(actions.map((a) => a.title)).toEqual([
      'Pin image tag: nginx:TODO-pin-version (fill in a released version)',
      'Suppress image-tag-not-pinned on this line (with a reason)',
    ]);
    for (const action of actions) expect(action.edit).toBeDefined();
  });
});
