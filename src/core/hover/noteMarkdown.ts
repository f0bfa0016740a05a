import { WIKILINK } from '../knowledge/wikilinks';
import { escapeMarkdownPunctuation, terminalText } from '../text/escape';
import { commandLink, markdownLink } from './commandLinks';

/** An inline code span on one line, a wikilink, or anything else up to the next of them. */
const PIECES = new RegExp(`(\`[^\`\\n]+\`)|(${WIKILINK.source})`, 'g');

/**
 * A note's summary or "why it matters" (a user's note as much as ours) as hover Markdown. Notes are written in
 * Markdown, so inline code and emphasis stay; `[[id]]` and `[[id|label]]` become links that open the note (the
 * only links a note's text makes). Everything else that could act is escaped and shown as written: Markdown links
 * and images (`[x](command:…)` is text, never a link), raw HTML (`<img onerror>`, `<script>`), autolinks, control
 * characters.
 */
export function noteMarkdown(markdown: string): string {
  const text = terminalText(markdown);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PIECES)) {
    out += escapeMarkdownPunctuation(text.slice(last, m.index), true);
    const [whole, code, , target, label] = m;
    out += code !== undefined ? code : markdownLink((label ?? target!).trim(), commandLink('cnc.openNote', [target!.trim()]));
    last = m.index! + whole.length;
  }
  return out + escapeMarkdownPunctuation(text.slice(last), true);
}
