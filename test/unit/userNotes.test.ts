import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadBundledKnowledge } from '../../src/core/knowledge/bundle';
import { UserNotes } from '../../src/core/knowledge/userNotes';
import { openWikilinkBefore, wikilinkAt } from '../../src/core/knowledge/wikilinks';

const root = path.resolve(__dirname, '..', '..');
const bundled = loadBundledKnowledge(root);
const broken = path.join(root, 'test', 'fixtures', 'broken-notes');

describe('a folder of deliberately broken notes', () => {
  const notes = new UserNotes(bundled);
  notes.setFolders([broken]);

  it('gives each broken note exactly one clear problem with a line, and none to the good note', () => {
    const byFile = new Map([...notes.problemsByFile()].map(([file, problems]) => [path.basename(file), problems]));
    expect(byFile.get('good-note.md')).toEqual([]);
    const brokenFiles = fs.readdirSync(broken).filter((f) => f.endsWith('.md') && f !== 'good-note.md' && f !== 'README.md');
    // Lines are 0-based: line 0 is the opening `---`, the front matter's keys start at line 1.
    const expected: Record<string, [line: number, message: string]> = {
      'bad-binding.md': [4, 'Value binding "Service.spec.type" needs the form FIELD=VALUE.'],
      'bad-id.md': [1, 'Note id "Not_Kebab" must be lower-case kebab-case (letters, digits, dashes).'],
      'bad-yaml.md': [3, 'Front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
      'dangling-link.md': [7, 'Link [[no-such-note]] points to no note.'],
      'duplicate-card.md': [8, 'Duplicate card (same question as line 8); give one of them a block id (` ^id`) or reword it.'],
      'list-front-matter.md': [1, 'Front matter must be a YAML mapping of keys to values.'],
      'missing-id.md': [1, 'Missing `id` in front matter.'],
      'no-front-matter.md': [0, 'Missing front matter: a note starts with a `---` line, YAML keys (id, title, summary, tags, sources), and another `---` line.'],
      'zz-duplicate-id.md': [1, `Duplicate note id "good-note" (already defined in ${path.join(broken, 'good-note.md')}); this note is skipped.`],
    };
    expect(brokenFiles.sort()).toEqual(Object.keys(expected));
    for (const file of brokenFiles) {
      expect((byFile.get(file) ?? []).map((p) => [p.line, p.message]), file).toEqual([expected[file]]);
    }
  });

  it('still loads the good note on top of the bundled notes, links resolved across layers', () => {
    const kb = notes.knowledge();
    expect(kb.note('good-note')?.title).toBe('A good note');
    expect(kb.note('deployment')?.origin).toBe('bundled');
    expect(kb.backlinks('deployment').map((b) => b.note.id)).toContain('good-note');
    expect(kb.search('good note')[0]?.id).toBe('good-note');
    expect(kb.cards.length).toBe(bundled.cards.length + 2 + 1); // good-note's two cards, duplicate-card's first one
  });

  it('cnc notes check prints one line per broken note and exits 1', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'dist/cli/cnc.js'), 'notes', 'check', broken], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    const problemLines = run.stdout.split('\n').filter((l) => /:\d+: (error|warning):/.test(l));
    expect(problemLines).toHaveLength(9);
    expect(run.stdout).toMatch(/9 error\(s\)/);
  });
});

describe('UserNotes keeps the index current file by file', () => {
  it('adds, updates from unsaved text, and removes notes without re-reading the folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-notes-'));
    const file = path.join(dir, 'mine.md');
    fs.writeFileSync(file, '---\nid: mine\ntitle: Mine\nsummary: First version.\n---\n# Mine\n');
    const notes = new UserNotes(bundled);
    notes.setFolders([dir]);
    expect(notes.knowledge().note('mine')?.summary).toBe('First version.');
    expect(notes.update(file, '---\nid: mine\ntitle: Mine\nsummary: Edited, not saved.\n---\n# Mine\n[[nowhere]]\n')).toBe(true);
    expect(notes.knowledge().note('mine')?.summary).toBe('Edited, not saved.');
    expect(notes.problemsByFile().get(file)?.map((p) => p.message)).toEqual(['Link [[nowhere]] points to no note.']);
    expect(notes.update(path.join(os.tmpdir(), 'elsewhere.md'))).toBe(false);
    expect(notes.remove(file)).toBe(true);
    expect(notes.knowledge().note('mine')).toBeUndefined();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads a note saved with a UTF-8 byte-order mark like any other', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-notes-'));
    // The reproducer of issue 16 (shared/repro/note-bom/bom-note.md), as the bytes an editor saves.
    fs.writeFileSync(path.join(dir, 'bom-note.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\nid: bom-only\ntitle: T\ntags: [x]\nsummary: s\nsources: [https://example.com]\n---\n# T\n\nbody\n\n## Cards\n\nq::a\n')]));
    const notes = new UserNotes(bundled);
    notes.setFolders([dir]);
    expect([...notes.problemsByFile().values()].flat()).toEqual([]);
    expect(notes.knowledge().note('bom-only')).toMatchObject({ title: 'T', summary: 's', tags: ['x'], sources: ['https://example.com'], body: '# T\n\nbody\n\n## Cards\n\nq::a\n' });
    expect(notes.knowledge().cardsOf('bom-only').map((c) => [c.front, c.back, c.line])).toEqual([['q', 'a', 13]]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports a user note that reuses a bundled id and keeps the bundled one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-notes-'));
    fs.writeFileSync(path.join(dir, 'pod.md'), '---\nid: pod\ntitle: My Pod\nsummary: s\n---\n# x\n');
    const notes = new UserNotes(bundled);
    notes.setFolders([dir]);
    expect(notes.knowledge().note('pod')?.origin).toBe('bundled');
    expect([...notes.problemsByFile().values()].flat()[0]?.message).toMatch(/Duplicate note id "pod"/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('wikilinks', () => {
  const text = 'See [[pod|Pods]] and [[service]].\nNow [[dep';
  it('finds the link under the cursor', () => {
    expect(wikilinkAt(text, text.indexOf('pod'))).toEqual({ target: 'pod', span: { start: 4, end: 16 } });
    expect(wikilinkAt(text, text.indexOf('and'))).toBeUndefined();
  });
  it('knows when the cursor is in an unfinished link', () => {
    expect(openWikilinkBefore(text, text.length)).toEqual({ start: text.length - 3, typed: 'dep', closed: false });
    expect(openWikilinkBefore(text, text.indexOf(' and'))).toBeUndefined();
    expect(openWikilinkBefore('[[po]]', 4)).toEqual({ start: 2, typed: 'po', closed: true });
  });
});
