import lunr from 'lunr';
import type { Note } from './note';

export interface SearchHit { id: string; title: string; aliases: string[]; score: number; path: string; summary: string }

export function buildSearchIndex(notes: Note[]): lunr.Index {
  return lunr(function () {
    this.ref('id');
    this.field('title', { boost: 10 });
    this.field('aliases', { boost: 6 });
    this.field('tags', { boost: 3 });
    this.field('summary', { boost: 2 });
    this.field('body');
    this.metadataWhitelist = [];
    for (const note of notes) {
      this.add({ id: note.id, title: note.title, aliases: note.aliases.join(' '), tags: note.tags.join(' '), summary: note.summary, body: note.body });
    }
  });
}

/**
 * Free text to lunr query without lunr's query syntax, so user input like `foo:bar` or `-x` never throws.
 * Each word matches exactly (boosted), as a prefix (for search-as-you-type) and, for longer words, with one typo.
 */
export function searchIndex(index: lunr.Index, notesById: Map<string, Note>, query: string, limit = 20): SearchHit[] {
  const words = query.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length === 0) return [];
  const results = index.query((q) => {
    for (const word of words) {
      q.term(word, { boost: 10 });
      q.term(word, { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false, boost: 3 });
      if (word.length > 4) q.term(word, { editDistance: 1, usePipeline: false, boost: 1 });
    }
  });
  const hits: SearchHit[] = [];
  for (const result of results) {
    const note = notesById.get(result.ref);
    if (!note) continue;
    hits.push({ id: note.id, title: note.title, aliases: note.aliases, score: Number(result.score.toFixed(4)), path: note.path, summary: note.summary });
    if (hits.length >= limit) break;
  }
  return hits;
}
