import { parseDocument } from 'yaml';
import { parseCards } from './cards';
import { WIKILINK } from './wikilinks';
import type { Card, Note, NoteBindings, NoteProblem } from './note';
import { splitLines } from '../text/lines';

export interface ParsedNote { note?: Note; cards: Card[]; problems: NoteProblem[] }

const ID = /^[a-z0-9][a-z0-9-]*$/;

const KUBERNETES_VERSION = /^(none|1\.\d{1,3})$/;
const REVIEW_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An optional review field: its text when well formed; otherwise a problem (a bare 1.30 is read as the number 1.3). */
function reviewField(value: unknown, form: RegExp, key: string, expected: string, problem: (message: string) => void): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && form.test(value.trim())) return value.trim();
  problem(`\`${key}\` must be ${expected}${typeof value === 'number' ? ' (quote it: YAML reads an unquoted 1.30 as the number 1.3)' : ''}.`);
  return undefined;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v) => typeof v === 'string' || typeof v === 'number').map(String) : typeof value === 'string' ? [value] : [];

/** Parses one note file. Never throws: anything wrong becomes a problem with a line number. */
export function parseNote(text: string, path: string, origin: string): ParsedNote {
  const problems: NoteProblem[] = [];
  const problem = (line: number, message: string, severity: 'error' | 'warning' = 'error') => problems.push({ path, line, message, severity });
  // A byte-order mark (editors on Windows save one) is not part of the text: the front matter still starts the note.
  const fm = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!fm) {
    problem(0, 'Missing front matter: a note starts with a `---` line, YAML keys (id, title, summary, tags, sources), and another `---` line.');
    return { cards: [], problems };
  }
  // The core schema: plain scalars are strings, numbers, booleans or null, nothing else (no dates, no custom tags).
  const doc = parseDocument(fm[1]!, { schema: 'core', prettyErrors: false });
  const yamlError = doc.errors[0] ?? doc.warnings[0];
  if (yamlError) {
    // The front matter's first line is line 1 of the file (0-based), after the opening `---`.
    problem(fm[1]!.slice(0, yamlError.pos[0]).split('\n').length, `Front matter is not valid YAML: ${yamlError.message.split('\n')[0]}`);
    return { cards: [], problems };
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // Aliases that expand to more than the yaml package allows (an alias bomb) throw here rather than parse.
    problem(1, `Front matter is not valid YAML: ${(error as Error).message}`);
    return { cards: [], problems };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problem(1, 'Front matter must be a YAML mapping of keys to values.');
    return { cards: [], problems };
  }
  const fields = data as Record<string, unknown>;
  const fmLines = splitLines(fm[1]!);
  const lineOfKey = (key: string) => {
    const i = fmLines.findIndex((l) => l.startsWith(`${key}:`));
    return i < 0 ? 0 : i + 1;
  };
  const id = typeof fields.id === 'string' ? fields.id.trim() : '';
  if (!id) problem(lineOfKey('id') || 1, 'Missing `id` in front matter.');
  else if (!ID.test(id)) problem(lineOfKey('id'), `Note id "${id}" must be lower-case kebab-case (letters, digits, dashes).`);
  const title = typeof fields.title === 'string' ? fields.title.trim() : '';
  if (!title) problem(lineOfKey('title') || 1, 'Missing `title` in front matter.');
  const summary = typeof fields.summary === 'string' ? fields.summary.trim() : '';
  if (!summary) problem(lineOfKey('summary') || 1, 'Missing `summary` in front matter (one or two sentences; hovers show it).', 'warning');
  const rawBindings = (typeof fields.bindings === 'object' && fields.bindings) ? fields.bindings as Record<string, unknown> : {};
  const bindings: NoteBindings = {
    kinds: strings(rawBindings.kinds),
    fields: strings(rawBindings.fields),
    values: strings(rawBindings.values),
    terraform: strings(rawBindings.terraform),
  };
  for (const value of bindings.values) if (!value.includes('=')) problem(lineOfKey('bindings'), `Value binding "${value}" needs the form FIELD=VALUE.`);
  const kubernetesVersion = reviewField(fields.kubernetesVersion, KUBERNETES_VERSION, 'kubernetesVersion', 'a quoted release such as "1.34", or none', (m) => problem(lineOfKey('kubernetesVersion'), m));
  const reviewed = reviewField(fields.reviewed instanceof Date ? fields.reviewed.toISOString().slice(0, 10) : fields.reviewed, REVIEW_DATE, 'reviewed', 'a date such as 2026-12-04', (m) => problem(lineOfKey('reviewed'), m));

  const bodyStart = fm[0].length;
  const body = text.slice(bodyStart);
  const bodyLineOffset = splitLines(text.slice(0, bodyStart)).length - 1;
  if (!id || !title || !ID.test(id)) return { cards: [], problems };

  const links: Note['links'] = [];
  let inFence = false;
  splitLines(body).forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) return;
    for (const m of line.matchAll(WIKILINK)) links.push({ target: m[1]!.trim(), line: bodyLineOffset + i });
  });
  const note: Note = {
    id, title, summary,
    aliases: strings(fields.aliases),
    tags: strings(fields.tags),
    related: strings(fields.related),
    sources: strings(fields.sources),
    docs: typeof fields.docs === 'string' ? fields.docs : undefined,
    ...(kubernetesVersion ? { kubernetesVersion } : {}),
    ...(reviewed ? { reviewed } : {}),
    bindings, body, path, origin, links,
    keyLines: Object.fromEntries(fmLines.map((l, i) => [/^([A-Za-z_][\w-]*):/.exec(l)?.[1], i + 1]).filter(([k]) => k)),
    whyItMatters: section(body, 'Why it matters'),
  };
  const cards = parseCards(id, body, bodyLineOffset);
  const seen = new Map<string, number>();
  for (const card of cards) {
    const first = seen.get(card.id);
    if (first !== undefined) problem(card.line, `Duplicate card (same question as line ${first + 1}); give one of them a block id (\` ^id\`) or reword it.`);
    else seen.set(card.id, card.line);
  }
  return { note, cards: cards.filter((c, i) => cards.findIndex((d) => d.id === c.id) === i), problems };
}

/** The text of a `## Heading` section, up to the next heading of level 1 or 2. */
export function section(body: string, heading: string): string | undefined {
  const lines = splitLines(body);
  const start = lines.findIndex((l) => l.trim().toLowerCase() === `## ${heading.toLowerCase()}`);
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && !/^#{1,2}\s/.test(lines[end]!)) end++;
  const text = lines.slice(start + 1, end).join('\n').trim();
  return text || undefined;
}
