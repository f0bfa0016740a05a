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
