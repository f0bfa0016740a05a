import type { LanguageClient } from 'vscode-languageclient/node';
import type { StudyCard } from '../../core/review/session';
import { CARDS_REQUEST, CONCEPTS_REQUEST, type CardWithTitle } from '../../server/protocol';

const FRESH_FOR_MS = 30_000;

/**
 * The cards of every note the language server knows (bundled and the user's), fetched with the `cnc/cards` request,
 * with their note's tags from `cnc/concepts`, and kept for a short while: the status bar, a session and the
 * statistics ask for them in quick succession.
 */
export class CardSource {
  private cached: { at: number; cards: StudyCard[] } | undefined;

  constructor(private readonly client: LanguageClient) {}

  async all(): Promise<StudyCard[]> {
    if (this.cached && Date.now() - this.cached.at < FRESH_FOR_MS) return this.cached.cards;
    const [raw, concepts] = await Promise.all([
      this.client.sendRequest(CARDS_REQUEST, {}),
      this.client.sendRequest(CONCEPTS_REQUEST).catch(() => []),
    ]);
    const tags = new Map((Array.isArray(concepts) ? concepts : []).map((c) => [c.id, Array.isArray(c.tags) ? c.tags.filter((t) => typeof t === 'string') : []]));
    const cards = (Array.isArray(raw) ? raw : []).map((card) => toStudyCard(card, tags.get(card.noteId)));
    this.cached = { at: Date.now(), cards };
    return cards;
  }
}

function toStudyCard(card: CardWithTitle, tags: string[] | undefined): StudyCard {
  return {
    id: card.id, noteId: card.noteId, noteTitle: card.noteTitle, kind: card.kind, front: card.front, back: card.back,
    ...(card.cloze ? { cloze: { text: card.cloze.text, gap: card.cloze.gap } } : {}),
    ...(tags?.length ? { tags } : {}),
  };
}
