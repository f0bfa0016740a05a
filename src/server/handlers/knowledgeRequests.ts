import path from 'node:path';
import { BACKLINKS_REQUEST, CARDS_REQUEST, CONCEPTS_REQUEST, NOTE_REQUEST, SEARCH_REQUEST, type ConceptSummary } from '../protocol';
import type { ServerContext } from './context';
import { onCheckedRequest } from './register';

const MAX_QUERY_CHARS = 200;

/** Questions about the notes: one note, the cards, search, the Concepts view, backlinks. */
export function registerKnowledgeRequests(context: ServerContext): void {
  const { connection, knowledge } = context;
  onCheckedRequest(connection, NOTE_REQUEST, (id) => {
    const note = knowledge().note(id);
    if (!note) return null;
    return { id: note.id, title: note.title, summary: note.summary, path: note.path, docs: note.docs, cards: knowledge().cardsOf(note.id) };
  });
  onCheckedRequest(connection, CARDS_REQUEST, (params) => {
    const cards = params.noteId ? knowledge().cardsOf(params.noteId) : knowledge().cards;
    return cards.map((card) => ({ ...card, noteTitle: knowledge().note(card.noteId)?.title ?? card.noteId }));
  });
  onCheckedRequest(connection, SEARCH_REQUEST, (params) =>
    knowledge().search(params.query.slice(0, MAX_QUERY_CHARS), Math.min(Math.max(Number(params.limit) || 20, 1), 100)));
  connection.onRequest(CONCEPTS_REQUEST, (): ConceptSummary[] => knowledge().notes.map((n) => ({
    id: n.id, title: n.title, tags: n.tags, summary: n.summary, cardCount: knowledge().cardsOf(n.id).length, origin: n.origin, path: n.path,
  })));
  onCheckedRequest(connection, BACKLINKS_REQUEST, (params) => {
    const kb = knowledge();
    const noteId = params.noteId ?? (params.path !== undefined ? kb.notes.find((n) => path.resolve(n.path) === path.resolve(params.path!))?.id : undefined);
    if (!noteId) return [];
    return kb.backlinks(noteId).map(({ note, line }) => ({ noteId: note.id, title: note.title, path: note.path, line }));
  });
}
