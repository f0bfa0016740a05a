/**
 * Results computed from a document's text, kept while that text is likely to come back: after an edit, every
 * document but the edited one has the same text as before. Least recently used entries go first once the texts
 * held add up to more than `maxChars` (the parse results they stand for weigh many times their text).
 */
export class ChunkCache<T> {
  private readonly entries = new Map<string, T>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  get(text: string): T | undefined {
    const value = this.entries.get(text);
    if (value !== undefined) {
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      this.entries.delete(text);
      this.entries.set(text, value);
    }
    return value;
  }

  set(text: string, value: T): void {
    if (this.entries.has(text)) this.entries.delete(text);
    else this.chars += text.length;
    this.entries.set(text, value);
    for (const key of this.entries.keys()) {
      if (this.chars <= this.maxChars || this.entries.size <= 1) break;
      this.entries.delete(key);
      this.chars -= key.length;
    }
  }

  get size(): number { return this.entries.size; }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }
}
