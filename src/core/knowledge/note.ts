export interface NoteBindings {
  kinds: string[];
  fields: string[];
  values: string[];
  terraform: string[];
}

export interface Note {
  id: string;
  title: string;
  aliases: string[];
  tags: string[];
  summary: string;
  related: string[];
  sources: string[];
  docs?: string;
  /** The Kubernetes release (`1.34`) the note's version-specific claims were checked against, or `none`. */
  kubernetesVersion?: string;
  /** The date (`YYYY-MM-DD`) the note was last checked against its sources. */
  reviewed?: string;
  bindings: NoteBindings;
  /** Markdown after the front matter. */
  body: string;
  /** The "## Why it matters" section, shown in hovers. */
  whyItMatters?: string;
  /** Absolute path of the file, or a path relative to the bundle for bundled notes. */
  path: string;
  /** `bundled` for the notes that ship with the extension, otherwise the notes folder it came from. */
  origin: string;
  /** Wikilinks in the body, with their line (0-based), for validation and backlinks. */
  links: { target: string; line: number }[];
  /** 0-based file line of each top-level front matter key, for diagnostics. */
  keyLines: Record<string, number>;
}

export type CardKind = 'basic' | 'multiline' | 'cloze';

export interface Card {
  id: string;
  noteId: string;
  kind: CardKind;
  front: string;
  back: string;
  /** Cloze cards: the full line with `==gaps==`, and which gap (0-based) this card hides. */
  cloze?: { text: string; gap: number };
  line: number;
}

export interface NoteProblem {
  path: string;
  line: number;
  message: string;
  severity: 'error' | 'warning';
}
