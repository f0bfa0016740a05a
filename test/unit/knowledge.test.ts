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
    expect(parsed.problems[0]).toMatchObject({ path: 'x.md', severity: 'error' });
    expect(parsed.problems[0]!.message).toMatch(/not valid YAML/);
    expect(parsed.problems[0]!.line).toBeGreaterThanOrEqual(1);
  });

  it('reports a missing id and a missing front matter', () => {
    expect(parseNote(note('title: T\nsummary: s'), 'a.md', 'b').problems.map((p) => p.message)).toContain('Missing `id` in front matter.');
    expect(parseNote('# just markdown\n', 'b.md', 'b').problems[0]!.message).toMatch(/Missing front matter/);
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
    expect(kb.search('a:b -c ~ ^')).toBeInstanceOf(Array);
  });
});
