import type { Card } from '../core/knowledge/note';

/** Custom requests between our client and server (no `vscode` import: the server shares this file). */
export const NOTE_REQUEST = 'cnc/note';
export const CARDS_REQUEST = 'cnc/cards';

export interface NoteInfo { id: string; title: string; summary: string; path: string; docs?: string; cards: Card[] }
export interface CardsParams { noteId?: string }
export type CardWithTitle = Card & { noteTitle: string };
