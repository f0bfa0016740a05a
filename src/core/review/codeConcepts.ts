import { conceptsOfDiagnostics, type DiagnosticLike } from './diagnosticConcepts';

/** Where the user met a concept in their own files: one of our findings, by rule, file and line. */
export interface CodePlace {
  ruleId: string;
  /** The file as the user knows it (relative to the workspace folder). */
  file: string;
  /** The file's URI, for the link back. */
  uri: string;
  /** 1-based. */
  line: number;
}

/** Concept note id → the places its findings appear, most recent analysis first. Computed locally, sent nowhere. */
export type CodeConcepts = ReadonlyMap<string, readonly CodePlace[]>;

export interface FileDiagnostics {
  uri: string;
  file: string;
  diagnostics: readonly (DiagnosticLike & { code?: string | number | { value: string | number }; line: number })[];
}

/** A handful of places per concept is enough to remind; the rest would only lengthen the card. */
const MAX_PLACES_PER_CONCEPT = 5;

/** The concepts behind our diagnostics in these files, each with where it was met (see conceptsOfDiagnostics). */
export function codeConceptsOf(files: readonly FileDiagnostics[], notes: readonly { id: string; title: string }[]): Map<string, CodePlace[]> {
  const places = new Map<string, CodePlace[]>();
  for (const { uri, file, diagnostics } of files) {
    for (const diagnostic of diagnostics) {
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      for (const noteId of conceptsOfDiagnostics([diagnostic], notes)) {
        const list = places.get(noteId) ?? [];
        if (list.length < MAX_PLACES_PER_CONCEPT && !list.some((p) => p.uri === uri && p.line === diagnostic.line && p.ruleId === String(code ?? ''))) {
          list.push({ ruleId: String(code ?? noteId), file, uri, line: diagnostic.line });
        }
        places.set(noteId, list);
      }
    }
  }
  return places;
}

/** "image-tag-not-pinned in web.yaml:20": how a card names a place. */
export const placeLabel = (place: CodePlace): string => `${place.ruleId} in ${place.file}:${place.line}`;
