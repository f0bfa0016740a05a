import { parseMarkdown, type Block, type Inline } from './markdownSubset';
import type { StudyCard } from './session';

/**
 * Cards as a tab-separated file that Anki (2.1.55 and later) imports with File → Import: the header lines tell Anki
 * the separator, that fields are HTML, and which columns hold the note's GUID, note type, deck and tags. Basic and
 * multi-line cards become "Basic" notes; the gaps of one cloze line become one "Cloze" note with c1, c2, ….
 * The GUID is our card id, so importing a newer export updates the notes instead of duplicating them.
 */
export function ankiTsv(cards: readonly StudyCard[], deck = 'Cloud-Native Companion'): string {
  const rows: string[][] = [];
  const clozeLines = new Map<string, StudyCard[]>();
  for (const card of cards) {
    if (card.kind === 'cloze' && card.cloze) {
      const base = card.id.replace(/-c\d+$/, '');
      clozeLines.set(base, [...(clozeLines.get(base) ?? []), card]);
      continue;
    }
    rows.push([card.id, 'Basic', deckName(deck, card), toHtml(parseMarkdown(card.front)), toHtml(parseMarkdown(card.back)), tagsOf(card)]);
  }
  for (const [base, gaps] of clozeLines) {
    const first = gaps[0]!;
    rows.push([base, 'Cloze', deckName(deck, first), clozeHtml(first.cloze!.text), '', tagsOf(first)]);
  }
  const header = ['#separator:tab', '#html:true', '#guid column:1', '#notetype column:2', '#deck column:3', '#tags column:6'];
  return `${[...header, ...rows.map((r) => r.map(field).join('\t'))].join('\n')}\n`;
}

/** A field may not hold a tab, a line break or a quote character: Anki's reader would split or unquote it. */
const field = (value: string) => value.replace(/[\t\r\n]+/g, ' ').replace(/"/g, '&quot;');

const deckName = (deck: string, card: StudyCard) => `${deck}::${card.noteTitle.replace(/::/g, ':')}`;

const tagsOf = (card: StudyCard) => ['cnc', card.noteId, ...(card.tags ?? [])].map((t) => t.replace(/\s+/g, '_')).join(' ');

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function toHtml(blocks: readonly Block[]): string {
  return blocks.map((b) => {
    switch (b.type) {
      case 'paragraph': return b.inlines.map(inlineHtml).join('');
      case 'code': return `<pre><code>${escapeHtml(b.text).replace(/\n/g, '<br>')}</code></pre>`;
      case 'list': return `<${b.ordered ? 'ol' : 'ul'}>${b.items.map((item) => `<li>${item.map(inlineHtml).join('')}</li>`).join('')}</${b.ordered ? 'ol' : 'ul'}>`;
    }
  }).join('<br><br>');
}

function inlineHtml(i: Inline): string {
  switch (i.type) {
    case 'text': return escapeHtml(i.text);
    case 'code': return `<code>${escapeHtml(i.text)}</code>`;
    case 'strong': return `<b>${i.children.map(inlineHtml).join('')}</b>`;
    case 'em': return `<i>${i.children.map(inlineHtml).join('')}</i>`;
    case 'link': return /^https?:\/\//.test(i.href) ? `<a href="${escapeHtml(i.href)}">${escapeHtml(i.text)}</a>` : escapeHtml(i.text);
    case 'break': return '<br>';
    // Anki reads `}}` as the end of a gap and `::` as the start of a hint, so neither may appear inside one.
    case 'gap': return `{{c${i.index + 1}::${escapeHtml(i.text).replace(/::/g, ':&#58;').replace(/}}/g, '}&#125;')}}}`;
  }
}

/** Every `==gap==` of the line becomes its own cloze number. */
function clozeHtml(text: string): string {
  // Parsing with gap -1 asks for no gap, so every gap comes back with its text and its position in the line.
  return toHtml(parseMarkdown(text, { gap: -1, reveal: true }));
}
