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
 * Each word matches exactly (boosted); the last word also as a prefix (search as you type); when that finds (almost) nothing,
 * words get one typo of tolerance.
 */
export function searchIndex(index: lunr.Index, notesById: Map<string, Note>, query: string, limit = 20): SearchHit[] {
  const words = query.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length === 0) return [];
  const run = (fuzzy: boolean) => index.query((q) => {
    words.forEach((word, i) => {
      q.term(word, { boost: 10 });
      if (i === words.length - 1) q.term(word, { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false, boost: 2 });
      if (fuzzy && word.length > 4) q.term(word, { editDistance: 1, usePipeline: false, boost: 1 });
    });
  });
  let results = run(false);
  // A query that finds (almost) nothing is probably misspelt: only then pay for the typo-tolerant pass.
  if (results.length < Math.min(limit, 3)) results = run(true);
  // Lunr's idf makes words that most notes use ("pod", "container") nearly worthless even in a title, so how well
  // the query names a note is scored on its own and dominates; the text score orders the rest. Candidates: lunr's
  // best, plus every note one of whose names contains a query word (however low lunr ranks it).
  const best = results[0]?.score || 1;
  const stemmedWords = words.map(stem);
  const textScore = new Map<string, number>();
  for (const result of results.slice(0, Math.max(30, limit))) textScore.set(result.ref, result.score / best);
  for (const word of stemmedWords) for (const note of namedBy(notesById).get(word) ?? []) if (!textScore.has(note.id)) textScore.set(note.id, 0);
  const hits: SearchHit[] = [];
  for (const [id, text] of textScore) {
    const note = notesById.get(id);
    if (!note) continue;
    const score = 0.5 * text + 2 * nameMatch(note, stemmedWords);
    hits.push({ id: note.id, title: note.title, aliases: note.aliases, score: Number(score.toFixed(4)), path: note.path, summary: note.summary });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}

const nameIndexCache = new WeakMap<Map<string, Note>, { size: number; index: Map<string, Note[]> }>();

/** Stemmed name word → the notes with that word in their title, id or an alias (rebuilt when notes are added). */
function namedBy(notesById: Map<string, Note>): Map<string, Note[]> {
  const cached = nameIndexCache.get(notesById);
  if (cached?.size === notesById.size) return cached.index;
  const index = new Map<string, Note[]>();
  for (const note of notesById.values()) {
    for (const word of new Set(nameParts(note).flat())) index.set(word, [...(index.get(word) ?? []), note]);
  }
  nameIndexCache.set(notesById, { size: notesById.size, index });
  return index;
}

const stem = (word: string) => String(lunr.stemmer(new lunr.Token(word, {})));
const namePartsCache = new WeakMap<Note, string[][]>();

/** Stemmed words of the note's title, id and each alias (computed once per note). */
function nameParts(note: Note): string[][] {
  let parts = namePartsCache.get(note);
  if (!parts) {
    parts = [note.title, note.id, ...note.aliases].map((name) => name.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).map(stem));
    namePartsCache.set(note, parts);
  }
  return parts;
}

/**
 * 0–1.5: 1.5 when the query is exactly one of the note's names; otherwise half the share of query words found in
 * a name (a word that only starts a name word counts a quarter) plus half the share of that name the query covers.
 */
function nameMatch(note: Note, words: string[]): number {
  let best = 0;
  for (const parts of nameParts(note)) {
    if (parts.length === words.length && parts.every((p, i) => p === words[i])) return 1.5;
    const found = words.reduce((n, w) => n + (parts.includes(w) ? 1 : parts.some((p) => p.startsWith(w)) ? 0.25 : 0), 0);
    const covered = parts.filter((p) => words.includes(p)).length;
    best = Math.max(best, 0.5 * (found / words.length) + 0.5 * (parts.length ? covered / parts.length : 0));
  }
  return best;
}
