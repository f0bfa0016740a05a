import { escapeMarkdown } from '../text/escape';
import { COMMANDS } from '../commands';

/**
 * The only commands our hovers link to. The client enables exactly these in hover Markdown, so a note (possibly a
 * user's) can never make a hover run anything else.
 */
export const HOVER_COMMANDS = [COMMANDS.openNote, COMMANDS.reviewCards] as const;
export type HoverCommand = (typeof HOVER_COMMANDS)[number];

/** `command:` link with its arguments; `( ) ' ! *` are encoded too, so an id in them cannot end a Markdown link. */
export function commandLink(command: HoverCommand, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args)).replace(/[()'!*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * A link target hover or explain Markdown may hold: an `https:` URL (re-encoded, so nothing in it can end the link
 * early) or a link to one of our commands. Anything else (`command:` of another command, `javascript:`, `file:`,
 * `http:`, text that is not a URL) is refused: undefined.
 */
export function safeLinkTarget(target: string | undefined): string | undefined {
  if (!target) return undefined;
  const command = /^command:([\w.]+)(\?[\w.~%-]*)?$/.exec(target);
  if (command) return (HOVER_COMMANDS as readonly string[]).includes(command[1]!) ? target : undefined;
  let url: URL;
  try { url = new URL(target); } catch { return undefined; }
  if (url.protocol !== 'https:' || url.username || url.password) return undefined;
  return linkHref(url);
}

/** A URL as a Markdown link target: re-encoded, so nothing in it can end the link early. */
export function linkHref(url: URL): string {
  return url.href.replace(/[()[\]<>"'`\\ ]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * `[label](target "title")` with label and title escaped as text; only the label, as text, when the target is not
 * one a hover may link to.
 */
export function markdownLink(label: string, target: string | undefined, title?: string): string {
  const text = escapeMarkdown(label);
  const safe = safeLinkTarget(target);
  if (!safe) return text;
  return title === undefined ? `[${text}](${safe})` : `[${text}](${safe} "${escapeMarkdown(title).replace(/["()]/g, '\\$&')}")`;
}

/**
 * What a link to one of our commands becomes in an editor that cannot run it (any LSP client but ours): a URL that
 * works there (the note's file), or undefined: the link is left out.
 */
export type CommandLinkTarget = (command: HoverCommand, args: unknown[]) => URL | undefined;

/** A link `markdownLink` made to a command (label and title escaped, arguments encoded by `commandLink`). */
const COMMAND_LINK = /( · )?\[((?:\\.|[^\\\]])*)\]\(command:([\w.]+)\?([\w.~%-]*)( "(?:\\.|[^"\\])*")?\)/g;

/**
 * Hover or explain Markdown for a client without our commands: each command link is pointed at `target`'s URL, or,
 * when there is none, left out with the ` · ` that separated it from the link before (a wikilink in running text
 * keeps its label as text).
 */
export function retargetCommandLinks(markdown: string, target: CommandLinkTarget): string {
  return markdown.replace(COMMAND_LINK, (whole, separator: string | undefined, label: string, command: string, args: string, title: string | undefined) => {
    let parsed: unknown;
    try { parsed = JSON.parse(decodeURIComponent(args)); } catch { parsed = undefined; }
    const url = (HOVER_COMMANDS as readonly string[]).includes(command) && Array.isArray(parsed) ? target(command as HoverCommand, parsed) : undefined;
    if (url) return `${separator ?? ''}[${label}](${linkHref(url)}${title ?? ''})`;
    return separator ? '' : label;
  });
}
