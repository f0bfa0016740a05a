import { WIKILINK } from '../../core/knowledge/wikilinks';

/**
 * A markdown-it plugin for VS Code's Markdown preview of notes: `[[id|label]]` becomes a link to the note file (notes
 * sit side by side in a folder), and in the "Cards" section each card shows on its own line with its separator and
 * cloze gaps marked, instead of the run-on paragraph plain Markdown makes of them.
 */
interface Token { type: string; tag: string; content: string; children: Token[] | null; attrs: [string, string][] | null; nesting: number }
interface TokenConstructor { new (type: string, tag: string, nesting: number): Token }
interface InlineState { src: string; pos: number; posMax: number; push(type: string, tag: string, nesting: number): Token }
interface CoreState { tokens: Token[]; Token: TokenConstructor }
interface MarkdownIt {
  inline: { ruler: { before(name: string, rule: string, fn: (state: InlineState, silent: boolean) => boolean): void } };
  core: { ruler: { push(name: string, fn: (state: CoreState) => void): void } };
}

/** The shared wikilink pattern, anchored where markdown-it's inline parser stands. */
const WIKILINK_HERE = new RegExp(`^${WIKILINK.source}`);

export function notesMarkdownPlugin(md: MarkdownIt): MarkdownIt {
  md.inline.ruler.before('link', 'cnc_wikilink', (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x5b || state.src.charCodeAt(state.pos + 1) !== 0x5b) return false;
    const match = WIKILINK_HERE.exec(state.src.slice(state.pos, state.posMax));
    if (!match) return false;
    if (!silent) {
      const target = match[1]!.trim();
      const open = state.push('link_open', 'a', 1);
      open.attrs = [['href', `${encodeURIComponent(target)}.md`], ['class', 'cnc-wikilink'], ['title', target]];
      const text = state.push('text', '', 0);
      text.content = (match[2] ?? target).trim();
      state.push('link_close', 'a', -1);
    }
    state.pos += match[0].length;
    return true;
  });

  md.core.ruler.push('cnc_cards', (state) => {
    let inCards = false;
    state.tokens.forEach((token, i) => {
      if (token.type === 'heading_open') {
        const title = state.tokens[i + 1]?.content.trim().toLowerCase();
        if (token.tag === 'h1' || token.tag === 'h2') inCards = title === 'cards';
      }
      if (!inCards || token.type !== 'inline' || !token.children) return;
      const children: Token[] = [];
      for (const child of token.children) {
        if (child.type === 'softbreak') { children.push(new state.Token('hardbreak', 'br', 0)); continue; }
        if (child.type !== 'text') { children.push(child); continue; }
        for (const part of child.content.split(/(::|==[^=]+==)/)) {
          if (!part) continue;
          const piece = new state.Token('html_inline', '', 0);
          if (part === '::') piece.content = '<span class="cnc-card-separator" title="question :: answer"> ⟶ </span>';
          else if (/^==[^=]+==$/.test(part)) piece.content = `<mark class="cnc-cloze">${escapeHtml(part.slice(2, -2))}</mark>`;
          else { piece.type = 'text'; piece.content = part; }
          children.push(piece);
        }
      }
      token.children = children;
    });
  });
  return md;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
