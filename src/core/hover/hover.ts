import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Note } from '../knowledge/note';
import type { K8sObject } from '../model/k8sObject';
import { nodeAtOffset } from '../model/nodeAt';
import type { Span } from '../model/tree';
import type { ParsedYamlFile } from '../yaml/parseYaml';
import { commandLink } from './commandLinks';

export interface ConceptInfo {
  noteId: string;
  title: string;
  summary: string;
  whyItMatters?: string;
  docs?: string;
  cardCount: number;
}

export interface HoverResult {
  /** The source range the hover is about. */
  span: Span;
  /** What is hovered: `kind: Deployment`, `Deployment.spec.replicas`, ... */
  subject: string;
  path: string;
  concepts: ConceptInfo[];
  markdown: string;
}

/** Hover for a YAML file at an offset: the concept notes bound to the hovered kind, field or value. */
export function yamlHover(file: ParsedYamlFile, offset: number, kb: KnowledgeBase): HoverResult | undefined {
  const object = file.objects.find((o) => offset >= o.span.start && offset <= o.span.end && o.root.span.start <= offset && offset <= o.root.span.end);
  if (!object) return undefined;
  const hit = nodeAtOffset(object.root, offset);
  if (!hit?.entry) return undefined;
  const kindPath = [object.kind ?? '?', ...hit.path.map((p) => (typeof p === 'number' ? '[]' : p))].join('.').replace(/\.\[\]/g, '[]');
  let notes: Note[] = [];
  let subject = kindPath;
  let span = hit.on === 'key' ? hit.entry.keySpan : hit.node.span;
  if (hit.path.length === 1 && hit.path[0] === 'kind' && object.kind) {
    notes = kb.notesForKind(object.kind, object.apiVersion);
    subject = `kind: ${object.kind}`;
    span = { start: hit.entry.keySpan.start, end: hit.entry.value.span.end };
  } else if (hit.on === 'value' && hit.node.kind === 'scalar' && hit.node.value !== null) {
    notes = kb.notesForValue([`${kindPath}=${String(hit.node.value)}`]);
    subject = `${hit.path.at(-1)}: ${String(hit.node.value)}`;
  }
  if (notes.length === 0) notes = kb.notesForField([kindPath]);
  if (notes.length === 0) return undefined;
  const concepts = notes.map((n) => conceptInfo(n, kb));
  return { span, subject, path: kindPath, concepts, markdown: renderHover(subject, concepts) };
}

export function conceptInfo(note: Note, kb: KnowledgeBase): ConceptInfo {
  return { noteId: note.id, title: note.title, summary: note.summary, whyItMatters: note.whyItMatters, docs: note.docs, cardCount: kb.cardsOf(note.id).length };
}

export function renderHover(subject: string, concepts: ConceptInfo[]): string {
  const parts: string[] = [];
  for (const c of concepts) {
    parts.push(`**${c.title}** — concept for \`${subject}\``, '', c.summary);
    if (c.whyItMatters) parts.push('', '**Why it matters**', '', linkWikilinks(firstBlock(c.whyItMatters)));
    const links = [`[Open note](${commandLink('cnc.openNote', [c.noteId])} "Open the ${c.title} note")`];
    if (c.cardCount > 0) links.push(`[Review ${c.cardCount} card${c.cardCount === 1 ? '' : 's'}](${commandLink('cnc.reviewCards', [{ noteId: c.noteId }])})`);
    if (c.docs) links.push(`[Docs ↗](${c.docs})`);
    parts.push('', links.join(' · '));
  }
  return parts.join('\n');
}

/** `[[id]]` and `[[id|label]]` become links that open the note (the only command hovers may run). */
export function linkWikilinks(markdown: string): string {
  return markdown.replace(/\[\[([^\]|#\n]+)(?:#[^\]|\n]*)?(?:\|([^\]\n]*))?\]\]/g, (_m, id: string, label?: string) =>
    `[${(label ?? id).trim()}](${commandLink('cnc.openNote', [id.trim()])})`);
}

/** The first paragraph or bullet list, capped, so hovers stay short. */
function firstBlock(text: string, max = 700): string {
  const block = text.split(/\n\s*\n/)[0] ?? text;
  return block.length > max ? `${block.slice(0, max).replace(/\s+\S*$/, '')}…` : block;
}

export function objectAt(file: { objects: K8sObject[] }, offset: number): K8sObject | undefined {
  return file.objects.find((o) => offset >= o.span.start && offset <= o.span.end);
}
