import { COMMANDS } from '../commands';

/**
 * The only commands our hovers link to. The client enables exactly these in hover Markdown, so a note (possibly a
 * user's) can never make a hover run anything else.
 */
export const HOVER_COMMANDS = [COMMANDS.openNote, COMMANDS.reviewCards] as const;
export type HoverCommand = (typeof HOVER_COMMANDS)[number];

export function commandLink(command: HoverCommand, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}
