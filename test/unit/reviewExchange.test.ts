import { describe, expect, it } from 'vitest';
import { ankiTsv } from '../../src/core/review/ankiExport';
import { conceptsOfDiagnostics } from '../../src/core/review/diagnosticConcepts';
import { exportHistory, planImport } from '../../src/core/review/historyExchange';
import { mergeLogs, recordReview } from '../../src/core/review/historyLog';
import { inlineText, parseMarkdown } from '../../src/core/review/markdownSubset';
import { ReviewScheduler } from '../../src/core/review/scheduler';
import type { StudyCard } from '../../src/core/review/session';

const scheduler = new ReviewScheduler();
const T0 = new Date(2025, 1, 1, 12).getTime();

describe('history export and import', () => {
  const one = [recordReview([], scheduler, { id: 'e1', cardId: 'pod#a', at: T0, rating: 3 })];
  const two = mergeLogs(one, [recordReview(one, scheduler, { id: 'e2', cardId: 'pod#b', at: T0 + 1000, rating: 2 })]);

  it('round-trips: an export imported elsewhere adds exactly what is missing, twice changes nothing', () => {
    const text = exportHistory(two);
    expect(planImport(text, [])).toEqual({ fresh: two, known: 0 });
    expect(planImport(text, one)).toEqual({ fresh: [two[1]], known: 1 });
    expect(planImport(text, two)).toEqual({ fresh: [], known: 2 });
  });

  it('reports a damaged import and offers only what it could read', () => {
    const text = exportHistory(two);
    const cut = planImport(text.slice(0, text.length - 20), []);
    expect(cut.damage?.kind).toBe('torn');
    expect(cut.fresh.map((e) => e.id)).toEqual(['e1']);
    expect(planImport('not json', []).fresh).toEqual([]);
  });
});

describe('Anki export', () => {
  const cards: StudyCard[] = [
    { id: 'pod#q1', noteId: 'pod', noteTitle: 'Pod', kind: 'basic', front: 'What runs `kubectl` <b>first</b>?', back: 'The "client"\tthen **the API**', tags: ['kubernetes', 'workloads'] },
    { id: 'pod#q2', noteId: 'pod', noteTitle: 'Pod', kind: 'multiline', front: 'Show a probe', back: '```yaml\nlivenessProbe:\n  httpGet: {}\n```' },
    { id: 'pod#h-c1', noteId: 'pod', noteTitle: 'Pod', kind: 'cloze', front: '[…] share a network namespace', back: 'Containers', cloze: { text: '==Containers== in a pod share a ==network namespace== :: see }}', gap: 0 } },
    { id: 'pod#h-c2', noteId: 'pod', noteTitle: 'Pod', kind: 'cloze', front: 'x', back: 'network namespace', cloze: { text: '==Containers== in a pod share a ==network namespace== :: see }}', gap: 1 } },
  ];
  const tsv = ankiTsv(cards);
  const lines = tsv.trimEnd().split('\n');

  it('writes the header Anki reads and one row per note, with the card id as GUID', () => {
    expect(lines.slice(0, 6)).toEqual(['#separator:tab', '#html:true', '#guid column:1', '#notetype column:2', '#deck column:3', '#tags column:6']);
    const rows = lines.slice(6).map((l) => l.split('\t'));
    expect(rows).toHaveLength(3); // two gaps of one line make one cloze note
    expect(rows.every((r) => r.length === 6)).toBe(true);
    expect(rows[0]!.slice(0, 3)).toEqual(['pod#q1', 'Basic', 'Cloud-Native Companion::Pod']);
    expect(rows[0]![5]).toBe('cnc pod kubernetes workloads');
  });

  it('escapes note text as HTML, keeps code, and never lets a tab, newline or quote break a row', () => {
    const [first, second, cloze] = lines.slice(6).map((l) => l.split('\t'));
    expect(first![3]).toBe('What runs <code>kubectl</code> &lt;b&gt;first&lt;/b&gt;?');
    expect(first![4]).toBe('The &quot;client&quot; then <b>the API</b>');
    expect(second![4]).toBe('<pre><code>livenessProbe:<br>  httpGet: {}</code></pre>');
    expect(cloze!.slice(0, 2)).toEqual(['pod#h', 'Cloze']);
    expect(cloze![3]).toBe('{{c1::Containers}} in a pod share a {{c2::network namespace}} :: see }}');
  });
});

describe('Markdown subset for cards', () => {
  it('parses code blocks, inline code, emphasis, lists and links, and leaves HTML as text', () => {
    const blocks = parseMarkdown('Use `kubectl` **now** and *then* <script>alert(1)</script>\n\n- one\n- [[pod|Pods]]\n\n```yaml\nkind: Pod\n```\n[docs](https://kubernetes.io)');
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'code', 'paragraph']);
    expect(blocks[0]).toEqual({ type: 'paragraph', inlines: [
      { type: 'text', text: 'Use ' }, { type: 'code', text: 'kubectl' }, { type: 'text', text: ' ' },
      { type: 'strong', children: [{ type: 'text', text: 'now' }] }, { type: 'text', text: ' and ' },
      { type: 'em', children: [{ type: 'text', text: 'then' }] }, { type: 'text', text: ' <script>alert(1)</script>' },
    ] });
    expect(blocks[1]).toEqual({ type: 'list', ordered: false, items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'Pods' }]] });
    expect(blocks[2]).toEqual({ type: 'code', lang: 'yaml', text: 'kind: Pod' });
    expect(blocks[3]).toEqual({ type: 'paragraph', inlines: [{ type: 'link', text: 'docs', href: 'https://kubernetes.io' }] });
  });

  it('shows cloze gaps as blanks on the question side and fills the asked one on the answer side', () => {
    const text = 'A ==Pod== runs ==containers==';
    const question = parseMarkdown(text, { gap: 1, reveal: false })[0]!;
    const answer = parseMarkdown(text, { gap: 1, reveal: true })[0]!;
    expect(question.type === 'paragraph' && inlineText(question.inlines)).toBe('A Pod runs […]');
    expect(answer.type === 'paragraph' && answer.inlines.at(-1)).toEqual({ type: 'gap', text: 'containers', index: 1, hidden: false, active: true });
    expect(parseMarkdown(text)[0]).toEqual({ type: 'paragraph', inlines: [{ type: 'text', text }] }); // not a cloze card: left as written
  });
});

describe('concepts behind diagnostics', () => {
  const notes = [{ id: 'image-tags-and-digests', title: 'Image tags and digests' }, { id: 'liveness-probe', title: 'Liveness probe' }];
  it('reads the concept note from our diagnostics\' related information, by file name or by title', () => {
    const diagnostics = [
      { source: 'cnc', relatedInformation: [{ location: { uri: { path: '/ext/knowledge/image-tags-and-digests.md' } }, message: 'Concept: Image tags and digests — …' }] },
      { source: 'cnc', relatedInformation: [{ location: { uri: { path: '/elsewhere/probe-notes.md' } }, message: 'Concept: Liveness probe — restarts' }] },
      { source: 'yaml', relatedInformation: [{ location: { uri: { path: '/x/liveness-probe.md' } }, message: 'Concept: Liveness probe — x' }] },
      { source: 'cnc' },
      { source: 'cnc', relatedInformation: [{ location: { uri: { path: '/x/unknown.md' } }, message: 'Something else' }] },
    ];
    expect(conceptsOfDiagnostics(diagnostics, notes)).toEqual(['image-tags-and-digests', 'liveness-probe']);
  });
});
