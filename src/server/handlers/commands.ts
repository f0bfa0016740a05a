import * as v from 'valibot';
import { ErrorCodes, MessageType, ResponseError, ShowMessageNotification, type CodeAction, type Hover, type MarkupContent } from 'vscode-languageserver';
import { COMMANDS } from '../../core/commands';
import { retargetCommandLinks } from '../../core/hover/commandLinks';
import { fileUriOf } from '../lsp';
import type { ServerContext } from './context';
import { guarded } from './register';

/**
 * Our commands in editors other than VS Code. The VS Code client runs `cnc.openNote` and `cnc.reviewCards` itself
 * (it says so with `clientCommands` in its initializationOptions), and code actions and hover links name them. Any
 * other client cannot: there the server runs `cnc.openNote` (`workspace/executeCommand`, answered with
 * `window/showDocument` of the note's Markdown file) when the client can show a document, hovers link to the
 * note's file instead, and what only our review UI can do (review cards) is not offered.
 */
export interface ClientCommands {
  /** The client runs our commands itself (the VS Code extension). */
  runsOwn: boolean;
  /** The client answers `window/showDocument` (LSP 3.16 `window.showDocument.support`). */
  showDocument: boolean;
}

/** The commands the server runs for clients that do not run them: declared as its `executeCommandProvider`. */
export const SERVER_COMMANDS = [COMMANDS.openNote];

const ExecuteCommandParams = v.looseObject({ command: v.string(), arguments: v.optional(v.array(v.unknown())) });
const OpenNoteArguments = v.tuple([v.pipe(v.string(), v.maxLength(4096))]);

export function registerCommands(context: ServerContext): void {
  const { connection, knowledge } = context;
  connection.onExecuteCommand(guarded('workspace/executeCommand', ExecuteCommandParams, async (params) => {
    if (params.command !== COMMANDS.openNote) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${params.command}: this server runs ${SERVER_COMMANDS.join(', ')}`);
    const args = v.safeParse(OpenNoteArguments, params.arguments ?? []);
    if (!args.success) throw new ResponseError(ErrorCodes.InvalidParams, `${COMMANDS.openNote} takes one argument, the note id`);
    const note = knowledge().note(args.output[0]);
    if (!note) {
      // A notification: showWarningMessage is a request, and a client may not answer it.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `No concept note with id "${args.output[0]}".` });
      return null;
    }
    const shown = await connection.window.showDocument({ uri: fileUriOf(note.path), takeFocus: true });
    return shown.success;
  }));
}

/** The code actions a client can carry out: with an edit, or a command it (or, for it, the server) runs. */
export function codeActionsFor(client: ClientCommands, actions: CodeAction[]): CodeAction[] {
  if (client.runsOwn) return actions;
  return actions.filter((action) => !action.command || (client.showDocument && (SERVER_COMMANDS as readonly string[]).includes(action.command.command)));
}

/** A hover whose command links work in the client: the note's file for "open note", none for review. */
export function hoverFor(context: ServerContext, hover: Hover | null): Hover | null {
  if (context.client.runsOwn || !hover || typeof hover.contents !== 'object' || !('kind' in hover.contents)) return hover;
  const contents: MarkupContent = { kind: hover.contents.kind, value: retargetCommandLinks(hover.contents.value, (command, args) => {
    if (command !== COMMANDS.openNote || typeof args[0] !== 'string') return undefined;
    const note = context.knowledge().note(args[0]);
    return note ? new URL(fileUriOf(note.path)) : undefined;
  }) };
  return { ...hover, contents };
}
