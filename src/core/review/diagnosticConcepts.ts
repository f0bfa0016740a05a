/** The parts of an editor diagnostic this needs (VS Code's `Diagnostic` has them; no `vscode` import here). */
export interface DiagnosticLike {
  source?: string;
  relatedInformation?: readonly { location: { uri: { path: string } }; message: string }[];
}

/**
 * The concept notes behind our diagnostics in a file. The language server attaches the concept note to each finding
 * as related information: its location is the note's file (`<note id>.md`) and its message starts with
 * `Concept: <title>`. The file name is tried first, the title second; only ids of known notes are returned.
 */
export function conceptsOfDiagnostics(diagnostics: readonly DiagnosticLike[], notes: readonly { id: string; title: string }[]): string[] {
  const ids = new Set(notes.map((n) => n.id));
  const byTitle = new Map(notes.map((n) => [n.title.toLowerCase(), n.id]));
  const found = new Set<string>();
  for (const d of diagnostics) {
    if (d.source !== 'cnc') continue;
    for (const info of d.relatedInformation ?? []) {
      const file = info.location.uri.path.split('/').pop() ?? '';
      const fromFile = file.endsWith('.md') ? file.slice(0, -3) : undefined;
      if (fromFile && ids.has(fromFile)) { found.add(fromFile); continue; }
      const title = /^Concept:\s*(.+?)\s+—/.exec(info.message)?.[1]?.toLowerCase();
      const fromTitle = title ? byTitle.get(title) : undefined;
      if (fromTitle) found.add(fromTitle);
    }
  }
  return [...found];
}
