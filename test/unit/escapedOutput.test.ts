import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainManifest } from '../../src/core/explain/explainManifest';
import { explanationMarkdown, explanationText } from '../../src/core/explain/renderExplanation';
import { HOVER_COMMANDS, safeLinkTarget } from '../../src/core/hover/commandLinks';
import { yamlHover } from '../../src/core/hover/hover';
import { noteMarkdown } from '../../src/core/hover/noteMarkdown';
import { terraformHover } from '../../src/core/hover/terraformHover';
import { loadBundledKnowledge } from '../../src/core/knowledge/bundle';
import { UserNotes } from '../../src/core/knowledge/userNotes';
import { parseTerraform } from '../../src/core/terraform/parseTerraform';
import { initTerraform } from '../../src/core/terraform/runtime';
import { escapeMarkdown, markdownCode, terminalLine, terminalText } from '../../src/core/text/escape';
import { parseYaml } from '../../src/core/yaml/parseYaml';
import { KnowledgeService } from '../../src/server/knowledgeService';
import { NoteFeatures } from '../../src/server/noteFeatures';

// Reproducers from the shared folder's repro/ (see fixtures/security/SOURCES.md).
const root = path.resolve(__dirname, '..', '..');
const fixtures = path.join(__dirname, 'fixtures', 'security');
const manifestFile = path.join(fixtures, 'sec-terminal-escape-and-markdown-injection.yaml');
const manifest = fs.readFileSync(manifestFile, 'utf8');
const notesFolder = path.join(fixtures, 'notes');
const userNotes = new UserNotes(loadBundledKnowledge(root));
userNotes.setFolders([notesFolder]);
const kb = userNotes.knowledge();
const cnc = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'dist/cli/cnc.js'), ...args], { cwd: root, encoding: 'utf8' });

/** Characters a terminal or a Markdown renderer acts on; none may reach either raw (tab and newline are fine). */
// eslint-disable-next-line no-control-regex -- the test looks for exactly these characters
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * Renders `markdown` the way a permissive editor would (raw HTML on, URLs linked) and checks what came out: every
 * link is https: or one of our commands, no image, no HTML element from the input, no raw control character.
 */
function expectSafeMarkdown(markdown: string, where: string): string {
  expect(markdown, where).not.toMatch(RAW_CONTROL);
  const html = new MarkdownIt({ html: true, linkify: true }).render(markdown);
  const tags = [...html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)];
  for (const [tag, name, attributes] of tags) {
    expect(['p', 'strong', 'em', 'code', 'a', 'hr', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'br', 'pre', 'blockquote'], `${where}: ${tag}`).toContain(name!.toLowerCase());
    if (name === 'a') {
      const href = /href="([^"]*)"/.exec(attributes!)?.[1] ?? '';
      const decoded = href.replace(/&amp;/g, '&');
      const allowed = decoded.startsWith('https://') || HOVER_COMMANDS.some((c) => decoded.startsWith(`command:${c}?`));
      expect(allowed, `${where}: link to ${href}`).toBe(true);
    }
  }
  expect(html, where).not.toMatch(/<(img|script|iframe)\b/i);
  return html;
}

/** The commands the rendered Markdown links to (a `command:` written as text does not count: it is not a link). */
const commandLinksIn = (html: string) => [...html.matchAll(/href="command:([\w.]+)/g)].map((m) => m[1]);

describe('the escape helpers', () => {
  it('shows control characters instead of sending them, on one line or several', () => {
    expect(terminalLine('a\u001b]0;PWNED\u0007\u001b[31mRED\r\nb\u009b\u202e')).toBe('a\\x1b]0;PWNED\\x07\\x1b[31mRED\\r\\nb\\x9b\\u202e');
    expect(terminalText('line one\n\tline two\u001b')).toBe('line one\n\tline two\\x1b');
  });

  it('makes Markdown that renders as the text it was given, https: URLs still linked', () => {
    const text = 'x](command:evil) <img src=x onerror=alert(1)> *b* `c` \\[d] see https://kubernetes.io/docs/ or javascript://x';
    const html = expectSafeMarkdown(escapeMarkdown(text), 'escapeMarkdown');
    expect(html).toContain('x](command:evil) &lt;img src=x onerror=alert(1)&gt; *b* `c` \\[d] see <a href="https://kubernetes.io/docs/">https://kubernetes.io/docs/</a> or javascript://x');
    expect(new MarkdownIt().renderInline(markdownCode('a`](command:evil)'))).toBe("<code>a'](command:evil)</code>");
    // Renderers that link bare domains and addresses by themselves (GFM, linkify) find nothing to link.
    const bare = 'http://evil.com/a www.evil.com evil.com mailto:a@b.c a@b.com <http://x.com>';
    expect(expectSafeMarkdown(escapeMarkdown(bare), 'bare links')).toBe(`<p>${bare.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>\n`);
    expect(expectSafeMarkdown(noteMarkdown(bare), 'bare links in a note')).not.toContain('<a ');
  });

  it('links only to https: and to our own commands', () => {
    expect(safeLinkTarget('https://example.com/a b)c')).toBe('https://example.com/a%20b%29c');
    expect(safeLinkTarget('command:cnc.openNote?%5B%22pod%22%5D')).toBe('command:cnc.openNote?%5B%22pod%22%5D');
    for (const bad of ['command:workbench.action.terminal.new', 'http://example.com', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url', 'command:cnc.openNote?")[x](command:evil']) {
      expect(safeLinkTarget(bad), bad).toBeUndefined();
    }
  });

  it('keeps a note\'s Markdown (code, emphasis, wikilinks) and nothing that acts', () => {
    const md = noteMarkdown('Use `kubectl <x>` and **care**; see [[pod]] or [[pod|P](command:evil)]] and [x](command:evil) <script>alert(1)</script>');
    const html = expectSafeMarkdown(md, 'noteMarkdown');
    expect(html).toContain('<code>kubectl &lt;x&gt;</code>');
    expect(html).toContain('<strong>care</strong>');
    expect(commandLinksIn(html)).toEqual(['cnc.openNote']);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('the evil note and the escape manifest give escaped text in every output', () => {
  const file = parseYaml(manifest);
  const evil = kb.note('evil-note')!;

  it('loads the evil note as a user note bound to Deployments', () => {
    expect(evil.origin).not.toBe('bundled');
    expect(kb.notesForKind('Deployment', 'apps/v1').map((n) => n.id)).toContain('evil-note');
  });

  it('YAML hover on `kind: Deployment`, on `replicas` and on the hostile name', () => {
    const at = (needle: string, shift = 1) => yamlHover(file, manifest.indexOf(needle) + shift, kb)!;
    const onKind = at('Deployment');
    expect(onKind.concepts.map((c) => c.noteId)).toContain('evil-note');
    const html = expectSafeMarkdown(onKind.markdown, 'hover on kind');
    // The note's text is still there to read: shown, not run.
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    // The note's `command:workbench…` links are text now; the links left are ours (checked on the rendered HTML).
    expect(html).toContain('[T](command:workbench.action.terminal.new)');
    expect(commandLinksIn(html)).toContain('cnc.openNote');
    // `docs: command:…` is not an https: URL: the evil note gets no Docs link, the bundled note keeps its own.
    const withHttpsDocs = onKind.concepts.filter((c) => c.docs?.startsWith('https://')).length;
    expect(onKind.concepts.find((c) => c.noteId === 'evil-note')?.docs).toBe('command:workbench.action.terminal.new');
    expect(onKind.markdown.split('Docs ↗').length - 1).toBe(withHttpsDocs);

    const onReplicas = at('replicas: 1', 3);
    expect(onReplicas.concepts.map((c) => c.noteId)).toContain('evil-terraform-note');
    expect(expectSafeMarkdown(onReplicas.markdown, 'replicas')).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(onReplicas.markdown).not.toContain('javascript:');
    expectSafeMarkdown(at('name: "x]', 8).markdown, 'hover on metadata.name');
    expectSafeMarkdown(at('nomatch<img', 3).markdown, 'hover on a selector value');
  });

  it('the text written in a link is never a link: only our commands remain', () => {
    const hovers = ['Deployment', 'replicas: 1', 'name: "x]', 'c`]', 'nomatch<img', 'http`x`'].map((n) => yamlHover(file, manifest.indexOf(n) + 2, kb)?.markdown ?? '');
    const html = hovers.map((md, i) => expectSafeMarkdown(md, `hover ${i}`)).join('\n');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^(https:\/\/|command:cnc\.(openNote|reviewCards)\?)/);
  });

  it('Explain Markdown and Explain text', () => {
    const explanation = explainManifest(file, { kb });
    const md = explanationMarkdown(explanation, file.lines, 'evil\u001b[31m.yaml');
    const html = expectSafeMarkdown(md, 'explain Markdown');
    expect(html).toContain('Deployment/x](command:workbench.action.terminal.new) &lt;img src=x onerror=alert(1)&gt; \\x1b]0;PWNED\\x07');
    const text = explanationText(explanation, file.lines, 'evil\u001b[31m.yaml');
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text).toContain('\\x1b]0;PWNED\\x07\\x1b[31mRED\\x1b[0m');
  });

  it('cnc lint --format text and cnc explain FILE write no control character to the terminal', () => {
    const lint = cnc('lint', '--format', 'text', manifestFile);
    expect(lint.stdout).toContain('Deployment/x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> \\x1b]0;PWNED\\x07\\x1b[31mRED\\x1b[0m');
    const explain = cnc('explain', manifestFile);
    expect(explain.status).toBe(0);
    expect(explain.stdout).toContain('\\x1b]0;PWNED\\x07');
    const explainAt = cnc('explain', `${manifestFile}:4:10`);
    expect(explainAt.status).toBe(0);
    for (const [name, run] of [['lint', lint], ['explain', explain], ['explain at', explainAt]] as const) {
      expect(run.stdout, name).not.toMatch(RAW_CONTROL);
      expect(run.stderr, name).not.toMatch(RAW_CONTROL);
    }
  });

  it('cnc notes check prints the problems of a hostile note escaped', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-escape-notes-'));
    try {
      fs.writeFileSync(path.join(dir, 'hostile.md'), '---\nid: hostile\ntitle: Hostile\nsummary: A note linking nowhere.\n---\n# Hostile\n\nSee [[nowhere\u001b[31mRED\u0007]].\n');
      const check = cnc('notes', 'check', dir);
      expect(check.stdout).toContain('nowhere\\x1b[31mRED\\x07');
      expect(check.stdout).not.toMatch(RAW_CONTROL);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('note hover preview and link completion in a notes folder', () => {
    const service = new KnowledgeService(root);
    service.setFolders([notesFolder]);
    const features = new NoteFeatures(service);
    const text = 'See [[evil-note]] and [[nowhere` <img src=x onerror=alert(1)>]].\n';
    const document = TextDocument.create('file:///tmp/mine.md', 'markdown', 1, text);
    const hover = features.hover(document, document.positionAt(text.indexOf('evil-note') + 2))!;
    const value = (hover.contents as { value: string }).value;
    const html = expectSafeMarkdown(value, 'note hover');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(commandLinksIn(html)).toEqual(['cnc.openNote']);
    const missing = features.hover(document, document.positionAt(text.indexOf('nowhere') + 2))!;
    expect(expectSafeMarkdown((missing.contents as { value: string }).value, 'hover on a missing note')).toContain("<code>nowhere' &lt;img src=x onerror=alert(1)&gt;</code>");

    const completing = TextDocument.create('file:///tmp/mine.md', 'markdown', 1, '[[ev');
    const items = features.completion(completing, { line: 0, character: 4 });
    const item = items.find((i) => i.label === 'evil-note')!;
    expectSafeMarkdown((item.documentation as { value: string }).value, 'completion documentation');
  });

  describe('Terraform hover', () => {
    beforeAll(async () => { await initTerraform({ packageRoot: root }); });

    it('escapes the note and the file\'s own names and URLs', () => {
      const tf = [
        'terraform {',
        '  required_providers {',
        '    kubernetes = { source = "evil)[x](command:workbench.action.terminal.new)/kubernetes" }',
        '  }',
        '}',
        'resource "kubernetes_deployment" "web" {',
        '  spec {',
        '    replicas = 1',
        '  }',
        '}',
      ].join('\n');
      const parsed = parseTerraform(tf);
      const onType = terraformHover(parsed, tf.indexOf('kubernetes_deployment') + 3, kb)!;
      expectSafeMarkdown(onType.markdown, 'terraform type hover');
      expect(onType.markdown).toContain('Registry docs ↗](https://registry.terraform.io/providers/evil%29');
      const onReplicas = terraformHover(parsed, tf.indexOf('replicas') + 2, kb)!;
      expect(onType.concepts.map((c) => c.noteId)).toContain('evil-terraform-note');
      expect(expectSafeMarkdown(onType.markdown, 'terraform type')).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
      expect(onReplicas.concepts.map((c) => c.noteId)).toContain('evil-terraform-note');
      const html = expectSafeMarkdown(onReplicas.markdown, 'terraform field hover');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    });
  });
});
