import lunr from 'lunr';
import type { Card, Note, NoteProblem } from './note';
import type { ParsedNote } from './parseNote';
import { buildSearchIndex, searchIndex, type SearchHit } from './searchIndex';

/** What the build writes to `dist/knowledge.json` and every adapter loads without re-parsing Markdown. */
export interface KnowledgeBundle {
  format: 1;
  notes: Note[];
  cards: Card[];
  index: object;
}

/**
 * The loaded notes and cards, with lookups by binding and full-text search. A knowledge base may sit on a `base`
 * (the bundled notes under the user's own): lookups see both, and the base's prebuilt index is never rebuilt.
 */
export class KnowledgeBase {
  readonly notesById = new Map<string, Note>();
  readonly cardsByNote = new Map<string, Card[]>();
  readonly problems: NoteProblem[] = [];
  private index: lunr.Index | undefined;
  private readonly byKind = new Map<string, Note[]>();
  readonly byField = new Map<string, Note[]>();
  readonly byValue = new Map<string, Note[]>();
  private readonly byTerraform = new Map<string, Note[]>();

  constructor(readonly base?: KnowledgeBase) {}

  /** Adds parsed notes; a note whose id is already taken is skipped with a problem on that note. */
  static fromParsed(parsed: ParsedNote[], options: { checkLinks?: boolean; base?: KnowledgeBase } = {}): KnowledgeBase {
    const kb = new KnowledgeBase(options.base);
    for (const p of parsed) {
      kb.problems.push(...p.problems);
      if (!p.note) continue;
      const existing = kb.note(p.note.id);
      if (existing) {
        kb.problems.push({ path: p.note.path, line: 1, severity: 'error', message: `Duplicate note id "${p.note.id}" (already defined in ${existing.path}); this note is skipped.` });
        continue;
      }
      kb.add(p.note, p.cards);
    }
    if (options.checkLinks !== false) kb.problems.push(...kb.danglingLinks());
    return kb;
  }

  static fromBundle(bundle: KnowledgeBundle): KnowledgeBase {
    const kb = new KnowledgeBase();
    const cardsByNote = new Map<string, Card[]>();
    for (const card of bundle.cards) {
      const list = cardsByNote.get(card.noteId) ?? [];
      list.push(card);
      cardsByNote.set(card.noteId, list);
    }
    for (const note of bundle.notes) kb.add(note, cardsByNote.get(note.id) ?? []);
    kb.index = lunr.Index.load(bundle.index);
    return kb;
  }

  toBundle(): KnowledgeBundle {
    return { format: 1, notes: this.ownNotes, cards: [...this.cardsByNote.values()].flat(), index: this.searchIndex().toJSON() };
  }

  /** The notes of this layer only (not the base's). */
  get ownNotes(): Note[] { return [...this.notesById.values()]; }
  get notes(): Note[] { return [...(this.base?.notes ?? []), ...this.notesById.values()]; }
  get cards(): Card[] { return [...(this.base?.cards ?? []), ...[...this.cardsByNote.values()].flat()]; }

  note(id: string): Note | undefined { return this.base?.note(id) ?? this.notesById.get(id); }
  cardsOf(noteId: string): Card[] { return this.cardsByNote.get(noteId) ?? this.base?.cardsOf(noteId) ?? []; }

  /** Notes (of every layer) that link to `noteId`, with the line of each link. */
  backlinks(noteId: string): { note: Note; line: number }[] {
    return this.notes.flatMap((note) => note.links.filter((l) => l.target === noteId).map((l) => ({ note, line: l.line })));
  }

  /** Notes bound to a kind, by plain kind (`Deployment`) or group-qualified (`argoproj.io/Application`). */
  notesForKind(kind: string, apiVersion?: string): Note[] {
    return [...(this.base?.notesForKind(kind, apiVersion) ?? []), ...this.ownNotesForKind(kind, apiVersion)];
  }

  private ownNotesForKind(kind: string, apiVersion?: string): Note[] {
    const group = apiVersion?.includes('/') ? apiVersion.split('/')[0] : undefined;
    const qualified = group ? this.byKind.get(`${group}/${kind}`) : undefined;
    if (qualified?.length) return qualified;
    // A plain kind binding means the built-in kind: a CRD of the same name in another group is not it.
    return group && group.includes('.') && !group.endsWith('.k8s.io') ? [] : this.byKind.get(kind) ?? [];
  }

  notesForField(paths: string[]): Note[] { return this.firstMatch('byField', paths); }
  notesForValue(pathsWithValue: string[]): Note[] { return this.firstMatch('byValue', pathsWithValue); }
  notesForTerraform(name: string): Note[] { return [...(this.base?.notesForTerraform(name) ?? []), ...(this.byTerraform.get(name) ?? [])]; }

  search(query: string, limit = 20): SearchHit[] {
    const own = this.notesById.size ? searchIndex(this.searchIndex(), this.notesById, query, limit) : [];
    const base = this.base?.search(query, limit) ?? [];
    return [...base, ...own].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /** The notes bound to the first key (most specific first) that any layer binds. */
  private firstMatch(map: 'byField' | 'byValue', keys: string[]): Note[] {
    for (const key of keys) {
      const notes = [...(this.base?.[map].get(key) ?? []), ...(this[map].get(key) ?? [])];
      if (notes.length) return notes;
    }
    return [];
  }

  private searchIndex(): lunr.Index {
    this.index ??= buildSearchIndex(this.ownNotes);
    return this.index;
  }

  private add(note: Note, cards: Card[]): void {
    this.notesById.set(note.id, note);
    this.cardsByNote.set(note.id, cards);
    this.index = undefined;
    for (const k of note.bindings.kinds) push(this.byKind, k, note);
    for (const f of note.bindings.fields) push(this.byField, f, note);
    for (const v of note.bindings.values) push(this.byValue, v, note);
    for (const t of note.bindings.terraform) push(this.byTerraform, t, note);
  }

  private danglingLinks(): NoteProblem[] {
    const problems: NoteProblem[] = [];
    for (const note of this.notesById.values()) {
      for (const link of note.links) {
        if (!this.note(link.target)) problems.push({ path: note.path, line: link.line, severity: 'error', message: `Link [[${link.target}]] points to no note.` });
      }
      for (const related of note.related) {
        if (!this.note(related)) problems.push({ path: note.path, line: note.keyLines.related ?? 1, severity: 'error', message: `Related id "${related}" is not a note.` });
      }
    }
    return problems;
  }
}

function push(map: Map<string, Note[]>, key: string, note: Note): void {
  const list = map.get(key) ?? [];
  list.push(note);
  map.set(key, list);
}
