import { parseMarkdown, type Block, type ClozeOptions, type Inline } from '../src/core/review/markdownSubset';
import { el } from './dom';

/** Card text as DOM nodes: the Markdown subset of flashcards, with every piece of note text inserted as text. */
export function renderMarkdown(source: string, cloze?: ClozeOptions): Node[] {
  return parseMarkdown(source, cloze).map(renderBlock);
}

function renderBlock(block: Block): Node {
  switch (block.type) {
    case 'paragraph': return el('p', {}, ...block.inlines.map(renderInline));
    case 'code': {
      const code = el('code', { text: block.text, ...(block.lang ? { className: `language-${block.lang}` } : {}) });
      return el('pre', { ...(block.lang ? { attrs: { 'data-lang': block.lang } } : {}) }, code);
    }
    case 'list': return el(block.ordered ? 'ol' : 'ul', {}, ...block.items.map((item) => el('li', {}, ...item.map(renderInline))));
  }
}

function renderInline(inline: Inline): Node {
  switch (inline.type) {
    case 'text': return document.createTextNode(inline.text);
    case 'code': return el('code', { text: inline.text });
    case 'strong': return el('strong', {}, ...inline.children.map(renderInline));
    case 'em': return el('em', {}, ...inline.children.map(renderInline));
    // Links are shown, not followed: the review page opens nothing on the network.
    case 'link': return el('span', { className: 'link', text: inline.text, title: inline.href });
    case 'break': return el('br');
    case 'gap':
      if (inline.hidden) return el('span', { className: 'gap', text: '[…]', attrs: { 'aria-label': 'blank to fill in' } });
      return inline.active ? el('mark', { className: 'gap-answer', text: inline.text }) : document.createTextNode(inline.text);
  }
}
