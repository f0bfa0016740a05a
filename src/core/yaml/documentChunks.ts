/** One YAML document's slice of a file: from its `---` line (or the file start) to the next one. */
export interface DocumentChunk {
  text: string;
  /** Offset of the chunk in the file. */
  start: number;
  end: number;
  /** Zero-based line of `start`. */
  line: number;
}

/**
 * Splits a YAML stream into documents at `---` lines, without parsing, so each document can be parsed (and cached)
 * on its own. A `---` at the start of a line always starts a document in YAML (block scalars cannot hold one), so
 * the pieces parse to the same documents as the whole file. A leading piece holding only comments or directives
 * belongs to the first document and stays with it.
 */
export function splitDocuments(text: string): DocumentChunk[] {
  const starts: { offset: number; line: number }[] = [{ offset: 0, line: 0 }];
  let line = 0;
  let offset = 0;
  while (offset < text.length) {
    if (offset > 0 && isDocumentStart(text, offset)) starts.push({ offset, line });
    const newline = text.indexOf('\n', offset);
    if (newline < 0) break;
    offset = newline + 1;
    line++;
  }
  if (starts.length > 1 && !hasContent(text.slice(0, starts[1]!.offset))) starts.splice(1, 1);
  return starts.map((s, i) => {
    const end = starts[i + 1]?.offset ?? text.length;
    return { text: text.slice(s.offset, end), start: s.offset, end, line: s.line };
  });
}

function isDocumentStart(text: string, offset: number): boolean {
  if (text.charCodeAt(offset) !== 45 || text.charCodeAt(offset + 1) !== 45 || text.charCodeAt(offset + 2) !== 45) return false;
  const next = text.charCodeAt(offset + 3);
  // End of text, space, tab, CR or LF.
  return Number.isNaN(next) || next === 32 || next === 9 || next === 13 || next === 10;
}

function hasContent(piece: string): boolean {
  return piece.split('\n').some((l) => { const t = l.trim(); return t !== '' && !t.startsWith('#') && !t.startsWith('%'); });
}
