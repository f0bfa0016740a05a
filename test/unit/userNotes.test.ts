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
    expect(brokenFiles.length).toBe(9);
    for (const file of brokenFiles) {
      const problems = byFile.get(file) ?? [];
      expect(problems.map((p) => p.message), file).toHaveLength(1);
      expect(problems[0]!.line, file).toBeGreaterThanOrEqual(0);
      expect(problems[0]!.message.length, file).toBeGreaterThan(15);
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
