/**
 * The small part of Markdown that flashcards use, parsed into a tree that renderers turn into DOM nodes (the
 * webview) or escaped HTML (the Anki export). Raw HTML in a note is never interpreted: `<b>` stays the four
 * characters `<b>`, because no renderer ever hands note text to an HTML parser.
 */
import { splitLines } from '../text/lines';

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; text: string; href: string }
  | { type: 'break' }
  /** A cloze gap (`index` counts from 0 in the line): `hidden` shows a blank; `active` marks the gap being asked. */
  | { type: 'gap'; text: string; index: number; hidden: boolean; active: boolean };

export type Block =
  | { type: 'paragraph'; inlines: Inline[] }
  | { type: 'code'; lang: string; text: string }
  | { type: 'list'; ordered: boolean; items: Inline[][] };

export interface ClozeOptions {
  /** Which `==gap==` (0-based) the card asks for. */
  gap: number;
  /** Show the asked gap's text (the answer side) instead of a blank. */
  reveal: boolean;
}

const FENCE = /^\s*(```|~~~)\s*([\w+-]*)\s*$/;
const LIST_ITEM = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/;
const MAX_TEXT = 20_000;

export function parseMarkdown(source: string, cloze?: ClozeOptions): Block[] {
  const lines = splitLines(source.slice(0, MAX_TEXT));
  const blocks: Block[] = [];
  const gapCounter = { next: 0 };
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', inlines: joinLines(paragraph, cloze, gapCounter) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      const body: string[] = [];
      let j = i + 1;
      while (j < lines.length && !new RegExp(`^\\s*${fence[1]}\\s*$`).test(lines[j]!)) body.push(lines[j++]!);
      blocks.push({ type: 'code', lang: fence[2] ?? '', text: body.join('\n') });
      i = j;
      continue;
    }
    if (!line.trim()) { flush(); continue; }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      const ordered = item[2] !== undefined;
      const last = blocks[blocks.length - 1];
      const inlines = parseInlines(item[3]!, cloze, gapCounter);
      if (last?.type === 'list' && last.ordered === ordered) last.items.push(inlines);
      else blocks.push({ type: 'list', ordered, items: [inlines] });
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

function joinLines(lines: string[], cloze: ClozeOptions | undefined, counter: { next: number }): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, index) => {
    if (index) out.push({ type: 'break' });
    out.push(...parseInlines(line, cloze, counter));
  });
  return out;
}

// One alternative per construct; the first that matches at the earliest position wins.
const TOKEN = /(`+)([\s\S]*?[^`])\1(?!`)|\*\*(?=\S)([\s\S]*?\S)\*\*|\*(?=[^\s*])([^*]*?[^\s*])\*|\[\[([^\]|]+)(?:\|([^\]]+))?\]\]|\[([^\]]+)\]\(([^)\s]+)\)|==([^=\n]+?)==/;

export function parseInlines(text: string, cloze?: ClozeOptions, counter = { next: 0 }): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest) {
    const m = TOKEN.exec(rest);
    if (!m) { pushText(out, rest); break; }
    if (m.index) pushText(out, rest.slice(0, m.index));
    rest = rest.slice(m.index + m[0].length);
    if (m[1] !== undefined) out.push({ type: 'code', text: m[2]!.trim() || m[2]! });
    else if (m[3] !== undefined) out.push({ type: 'strong', children: parseInlines(m[3], cloze, counter) });
    else if (m[4] !== undefined) out.push({ type: 'em', children: parseInlines(m[4], cloze, counter) });
    else if (m[5] !== undefined) pushText(out, (m[6] ?? m[5]).trim());
    else if (m[7] !== undefined) out.push({ type: 'link', text: m[7], href: m[8]! });
    else if (m[9] !== undefined) {
      if (!cloze) { pushText(out, m[0]); continue; }
      const index = counter.next++;
      const active = index === cloze.gap;
      out.push({ type: 'gap', text: m[9], index, hidden: active && !cloze.reveal, active });
    }
  }
  return out;
}

function pushText(out: Inline[], text: string): void {
  const last = out[out.length - 1];
  if (last?.type === 'text') last.text += text;
  else if (text) out.push({ type: 'text', text });
}

/** The plain text of some inlines (for labels and the Anki export's checks). */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((i) => {
    switch (i.type) {
      case 'text': case 'code': case 'link': return i.text;
      case 'strong': case 'em': return inlineText(i.children);
      case 'break': return '\n';
      case 'gap': return i.hidden ? '[…]' : i.text;
    }
  }).join('');
}
