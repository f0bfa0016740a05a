/**
 * Text from files and notes, made safe for where it goes. Manifests, Terraform files and user notes are untrusted:
 * a terminal acts on ESC/BEL/CSI sequences, an editor renders Markdown links, images and HTML. Escaping here keeps
 * what was written visible, and stops it from acting.
 */

/**
 * C0 controls but tab and newline, DEL, C1 controls (0x9b is CSI to some terminals), and the Unicode direction
 * overrides that reorder what is shown ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex -- these characters are exactly what must not reach a terminal raw
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- likewise, with the line breaks that would start a new output line
const CONTROLS_AND_LINE_BREAKS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r' };

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return NAMED[ch] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** Text for the terminal, several lines allowed: every control character shown as `\x1b`, `\r`, `\u202e`. */
export function terminalText(text: string): string {
  return text.replace(CONTROLS, visible);
}

/** One line for the terminal: like terminalText, and a line break in a value shows as `\n` instead of starting a line. */
export function terminalLine(text: string): string {
  return text.replace(CONTROLS_AND_LINE_BREAKS, visible);
}

/**
 * Plain text → Markdown that renders as exactly that text (line breaks stay): no emphasis, no link, no image, no HTML
 * (`<img onerror>` is shown, not parsed). `https:` URLs are left as they are so the editor still makes them links;
 * nothing else is linked, not even by a renderer that links bare domains and e-mail addresses by itself.
 */
export function escapeMarkdown(text: string): string {
  return escapeMarkdownPunctuation(terminalText(text));
}

const FORMATTING = /([\\`*_[\]<>#|~!])/g;
/**
 * `www.x.org`, `x.org`, `a@b.c`, `mailto:x`: what renderers turn into links by themselves (GFM autolinks, linkify).
 * An escaped dot, at or colon reads the same and links nothing.
 */
const LINKISH = /([\w-])([.@:])(?=[\w-])/g;
/** What makes links, images, HTML and code; emphasis and headings are harmless and notes use them. */
const ACTIVE = /([\\`[\]<>])/g;

/**
 * Backslash-escapes what Markdown or HTML would act on (the backslash too, so an escape cannot be undone), and
 * breaks what a renderer would link by itself (`http://`, `www.`, domains, e-mail addresses), but keeps `https:` URLs
 * whole so the editor still links them.
 * `keepEmphasis` leaves `*`, `_`, `#` and the like, for text that is Markdown by design (a note's summary).
 */
export function escapeMarkdownPunctuation(text: string, keepEmphasis = false): string {
  return text
    .split(/(https:\/\/[^\s<>()[\]`"'\\]+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(keepEmphasis ? ACTIVE : FORMATTING, '\\$1').replace(/\b([a-z][a-z0-9+.-]*):\/\//gi, '$1\\://').replace(LINKISH, '$1\\$2')))
    .join('');
}

/** Text shown as inline code: a backtick in it cannot end the code span early. */
export function markdownCode(text: string): string {
  return `\`${terminalLine(text).replace(/`/g, "'")}\``;
}
