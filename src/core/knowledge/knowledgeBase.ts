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

/** The loaded notes and cards, with lookups by binding and full-text search. */
export class KnowledgeBase {
  readonly notesById = new Map<string, Note>();
  readonly cardsByNote = new Map<string, Card[]>();
  readonly problems: NoteProblem[] = [];
  private index: lunr.Index | undefined;
  private readonly byKind = new Map<string, Note[]>();
  private readonly byField = new Map<string, Note[]>();
  private readonly byValue = new Map<string, Note[]>();
  private readonly byTerraform = new Map<string, Note[]>();

  /** Adds parsed notes; a note whose id is already taken is skipped with a problem on that note. */
  static fromParsed(parsed: ParsedNote[], options: { checkLinks?: boolean } = {}): KnowledgeBase {
    const kb = new KnowledgeBase();
    for (const p of parsed) {
      kb.problems.push(...p.problems);
      if (!p.note) continue;
      const existing = kb.notesById.get(p.note.id);
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
    return { format: 1, notes: this.notes, cards: this.cards, index: this.searchIndex().toJSON() };
  }

  get notes(): Note[] { return [...this.notesById.values()]; }
  get cards(): Card[] { return [...this.cardsByNote.values()].flat(); }

  note(id: string): Note | undefined { return this.notesById.get(id); }
  cardsOf(noteId: string): Card[] { return this.cardsByNote.get(noteId) ?? []; }

  /** Notes bound to a kind, by plain kind (`Deployment`) or group-qualified (`argoproj.io/Application`). */
  notesForKind(kind: string, apiVersion?: string): Note[] {
    const group = apiVersion?.includes('/') ? apiVersion.split('/')[0] : undefined;
    const qualified = group ? this.byKind.get(`${group}/${kind}`) : undefined;
    if (qualified?.length) return qualified;
    // A plain kind binding means the built-in kind: a CRD of the same name in another group is not it.
    return group && group.includes('.') && !group.endsWith('.k8s.io') ? [] : this.byKind.get(kind) ?? [];
  }

  notesForField(paths: string[]): Note[] { return firstMatch(this.byField, paths); }
  notesForValue(pathsWithValue: string[]): Note[] { return firstMatch(this.byValue, pathsWithValue); }
  notesForTerraform(name: string): Note[] { return this.byTerraform.get(name) ?? []; }

  search(query: string, limit = 20): SearchHit[] {
    return searchIndex(this.searchIndex(), this.notesById, query, limit);
  }

  private searchIndex(): lunr.Index {
    this.index ??= buildSearchIndex(this.notes);
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
        if (!this.notesById.has(link.target)) problems.push({ path: note.path, line: link.line, severity: 'error', message: `Link [[${link.target}]] points to no note.` });
      }
      for (const related of note.related) {
        if (!this.notesById.has(related)) problems.push({ path: note.path, line: 1, severity: 'error', message: `Related id "${related}" is not a note.` });
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

function firstMatch(map: Map<string, Note[]>, keys: string[]): Note[] {
  for (const key of keys) {
    const notes = map.get(key);
    if (notes?.length) return notes;
  }
  return [];
}
