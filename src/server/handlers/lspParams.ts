import * as v from 'valibot';

/**
 * Schemas of the standard LSP requests' params, for the fields our handlers read (other fields pass through).
 * Positions: a negative or fractional line or character is rejected with -32602 (LSP says they are unsigned
 * integers); one past the end of its line or of the document is clamped to it, as the spec asks, because a client
 * may be a keystroke ahead of the text the server has.
 */
const uinteger = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 31 - 1));
const Position = v.object({ line: uinteger, character: uinteger });
const Range = v.object({ start: Position, end: Position });
const TextDocumentIdentifier = v.looseObject({ uri: v.pipe(v.string(), v.minLength(1)) });

export const TextDocumentPositionParams = v.looseObject({ textDocument: TextDocumentIdentifier, position: Position });

export const DocumentLinkParams = v.looseObject({ textDocument: TextDocumentIdentifier });

export const CodeActionParams = v.looseObject({
  textDocument: TextDocumentIdentifier,
  range: Range,
  context: v.looseObject({
    diagnostics: v.array(v.looseObject({ range: Range, message: v.string(), source: v.optional(v.string()), data: v.optional(v.unknown()) })),
  }),
});
