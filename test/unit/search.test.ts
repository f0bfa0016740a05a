import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledKnowledge } from '../../src/core/knowledge/bundle';

const root = path.resolve(__dirname, '..', '..');
const kb = loadBundledKnowledge(root);
const concepts = fs.readFileSync(path.join(root, 'test/fixtures/seed-concepts.tsv'), 'utf8')
  .split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t') as [string, string]);

describe('search over the bundled notes', () => {
  it('has a note for every concept of the seeds list', () => {
    expect(concepts.length).toBeGreaterThan(150);
    expect(concepts.filter(([, id]) => !kb.note(id)).map(([, id]) => id)).toEqual([]);
  });

  it('puts every concept named in the seeds in the top three', () => {
    const misses = concepts
      .map(([query, id]) => ({ query, id, top: kb.search(query, 3).map((h) => h.id) }))
      .filter((r) => !r.top.includes(r.id));
    expect(misses).toEqual([]);
  });

  it('has at least 300 cards, two or more per note, with unique ids', () => {
    expect(kb.cards.length).toBeGreaterThanOrEqual(300);
    expect(kb.notes.filter((n) => kb.cardsOf(n.id).length < 2).map((n) => n.id)).toEqual([]);
    expect(new Set(kb.cards.map((c) => c.id)).size).toBe(kb.cards.length);
  });

  it('tolerates typos and prefixes, and never throws on query syntax', () => {
    expect(kb.search('contanerd', 3).map((h) => h.id)).toContain('containerd');
    expect(kb.search('kube-prox', 3).map((h) => h.id)).toContain('kube-proxy');
    for (const odd of ['a:b', '-x +y', '~^*', '"', '[[', '']) expect(() => kb.search(odd)).not.toThrow();
  });
});
