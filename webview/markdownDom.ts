import { html, nothing, type TemplateResult } from 'lit-html';
import { parseMarkdown, type Block, type ClozeOptions, type Inline } from '../src/core/review/markdownSubset';

/** Card text as templates: the Markdown subset of flashcards, with every piece of note text bound as text. */
export function renderMarkdown(source: string, cloze?: ClozeOptions): TemplateResult[] {
  return parseMarkdown(source, cloze).map(renderBlock);
}

function renderBlock(block: Block): TemplateResult {
  switch (block.type) {
    case 'paragraph': return html`<p>${block.inlines.map(renderInline)}</p>`;
    case 'code': return html`<pre data-lang=${block.lang || nothing}><code class=${block.lang ? `language-${block.lang}` : nothing}>${block.text}</code></pre>`;
    case 'list': {
      const items = block.items.map((item) => html`<li>${item.map(renderInline)}</li>`);
      return block.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
    }
  }
}

function renderInline(inline: Inline): TemplateResult | string {
  switch (inline.type) {
    case 'text': return inline.text;
    case 'code': return html`<code>${inline.text}</code>`;
    case 'strong': return html`<strong>${inline.children.map(renderInline)}</strong>`;
    case 'em': return html`<em>${inline.children.map(renderInline)}</em>`;
    // Links are shown, not followed: the review page opens nothing on the network.
    case 'link': return html`<span class="link" title=${inline.href || nothing}>${inline.text}</span>`;
    case 'break': return html`<br>`;
    case 'gap':
      if (inline.hidden) return html`<span class="gap" aria-label="blank to fill in">[…]</span>`;
      return inline.active ? html`<mark class="gap-answer">${inline.text}</mark>` : inline.text;
  }
}
