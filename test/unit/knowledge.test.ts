import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCards } from '../../src/core/knowledge/cards';
import { loadBundledKnowledge } from '../../src/core/knowledge/bundle';
import { KnowledgeBase } from '../../src/core/knowledge/knowledgeBase';
import { parseNote } from '../../src/core/knowledge/parseNote';

const root = path.resolve(__dirname, '..', '..');
const note = (front: string, body = '# T\n\nq1::a1\nq2::a2\n') => `---\n${front}\n---\n${body}`;

describe('parseNote', () => {
  it('reads front matter, bindings, the "Why it matters" section and links', () => {
    const parsed = parseNote(note('id: pod\ntitle: Pod\nsummary: S.\ntags: [kubernetes]\nbindings:\n  kinds: [Pod]\n  values: ["PodSpec.restartPolicy=Always"]',
      '# Pod\n\nSee [[deployment|Deployments]].\n\n## Why it matters\nBecause.\n\n## Cards\nq::a\n'), 'pod.md', 'bundled');
    expect(parsed.problems).toEqual([]);
    expect(parsed.note).toMatchObject({ id: 'pod', title: 'Pod', bindings: { kinds: ['Pod'], values: ['PodSpec.restartPolicy=Always'] }, whyItMatters: 'Because.' });
    expect(parsed.note!.links).toEqual([{ target: 'deployment', line: 11 }]);
  });

  it('turns broken front matter into a problem with a line, never an exception', () => {
    const parsed = parseNote('---\nid: x\ntitle: [unclosed\n---\nbody\n', 'x.md', 'bundled');
    expect(parsed.note).toBeUndefined();
    expect(parsed.problems).toEqual([{ path: 'x.md', line: 2, severity: 'error', message: 'Front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]' }]);
    const duplicateKey = parseNote(note('id: x\ntitle: T\nsummary: s\ntitle: again'), 'x.md', 'bundled');
    expect(duplicateKey.problems.map((p) => [p.line, p.message])).toEqual([[4, 'Front matter is not valid YAML: Map keys must be unique']]);
    const bomb = ['id: x', 'a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    expect(parseNote(note(bomb), 'x.md', 'bundled').problems.map((p) => [p.line, p.message])).toEqual([[1, 'Front matter is not valid YAML: Excessive alias count indicates a resource exhaustion attack']]);
  });

  it('reads front matter as JSON-like YAML: numbers, booleans and null typed, dates and yes/no left as text', () => {
    const parsed = parseNote(note('id: x\ntitle: T\nsummary: s\ntags: [2001-12-14, yes, 0x1F, true, ~, 1.5]\naliases: &a [one]\nrelated: *a'), 'x.md', 'bundled');
    expect(parsed.problems).toEqual([]);
    // strings() keeps strings and numbers (as text) and drops booleans and null.
    expect(parsed.note).toMatchObject({ tags: ['2001-12-14', 'yes', '31', '1.5'], aliases: ['one'], related: ['one'] });
  });

  it('accepts a note saved with a UTF-8 byte-order mark, with LF or CRLF line ends', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = `\uFEFF${['---', 'id: bom-only', 'title: T', 'tags: [x]', 'summary: s', '---', '# T', '', 'q::a', ''].join(eol)}`;
      const parsed = parseNote(text, 'bom-note.md', 'user');
      expect(parsed.problems, JSON.stringify(eol)).toEqual([]);
      expect(parsed.note).toMatchObject({ id: 'bom-only', title: 'T', tags: ['x'], keyLines: { id: 1, title: 2, tags: 3, summary: 4 } });
      expect(parsed.cards.map((c) => [c.front, c.back, c.line])).toEqual([['q', 'a', 8]]);
    }
  });

  it('reports a missing id and a missing front matter', () => {
    expect(parseNote(note('title: T\nsummary: s'), 'a.md', 'b').problems.map((p) => p.message)).toContain('Missing `id` in front matter.');
    expect(parseNote('# just markdown\n', 'b.md', 'b').problems.map((p) => [p.line, p.message])).toEqual([[0, 'Missing front matter: a note starts with a `---` line, YAML keys (id, title, summary, tags, sources), and another `---` line.']]);
  });
});

describe('parseCards', () => {
  it('reads single-line, multi-line and cloze cards, skipping fenced code', () => {
    const cards = parseCards('n', ['q1::a1', '', 'Multi', 'line?', '?', 'Answer', 'two', '', 'A ==Pod== runs ==containers==.', '', '```', 'std::string x', '```'].join('\n'));
    expect(cards.map((c) => [c.kind, c.front, c.back])).toEqual([
      ['basic', 'q1', 'a1'],
      ['multiline', 'Multi\nline?', 'Answer\ntwo'],
      ['cloze', 'A […] runs containers.', 'Pod'],
      ['cloze', 'A Pod runs […].', 'containers'],
    ]);
  });

  it('keeps every other card id when one card is edited, and honours block ids', () => {
    const before = parseCards('n', 'q1::a1\nq2::a2\nq3::a3 ^fixed-id\n');
    const after = parseCards('n', 'q1::a1\nq2 reworded::a2\nq3 reworded::a3 ^fixed-id\n');
    expect(after[0]!.id).toBe(before[0]!.id);
    expect(after[1]!.id).not.toBe(before[1]!.id);
    expect(after[2]!.id).toBe('n#fixed-id');
    expect(before[2]!.id).toBe('n#fixed-id');
    expect(after[2]!.back).toBe('a3');
  });
});

describe('KnowledgeBase', () => {
  it('skips a duplicate id and reports dangling links, keeping the other notes', () => {
    const a = parseNote(note('id: a\ntitle: A\nsummary: s', '# A\n[[missing]]\nq::a\n'), 'a.md', 'x');
    const dup = parseNote(note('id: a\ntitle: A2\nsummary: s'), 'a2.md', 'x');
    const b = parseNote(note('id: b\ntitle: B\nsummary: s'), 'b.md', 'x');
    const kb = KnowledgeBase.fromParsed([a, dup, b]);
    expect(kb.notes.map((n) => n.title)).toEqual(['A', 'B']);
    expect(kb.problems.map((p) => `${p.path}:${p.message}`)).toEqual([
      'a2.md:Duplicate note id "a" (already defined in a.md); this note is skipped.',
      'a.md:Link [[missing]] points to no note.',
    ]);
  });

  it('loads the bundled notes with a prebuilt index and finds the Deployment note', () => {
    const kb = loadBundledKnowledge(root);
    const deployment = kb.note('deployment');
    expect(deployment?.summary).toMatch(/Pods/);
    expect(kb.cardsOf('deployment').length).toBeGreaterThanOrEqual(2);
    expect(kb.notesForKind('Deployment', 'apps/v1').map((n) => n.id)).toContain('deployment');
    expect(kb.search('deployment rollout')[0]?.id).toBe('deployment');
    // Lunr's query syntax in user input is ignored, not obeyed and never thrown on: only the words count.
    expect(kb.search('deployment: -rollout ~ ^')).toEqual(kb.search('deployment rollout'));
  });
});
