import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Note } from '../knowledge/note';
import { nodeAtOffset } from '../model/nodeAt';
import type { ScalarNode, Span } from '../model/tree';
import { describeField, describeKind, type FieldDoc, type KindDoc } from '../schema/describeField';
import { manifestObjects, objectAtOffset, templateObjects } from '../yaml/manifestObjects';
import type { ParsedYamlFile } from '../yaml/parseYaml';
import { fieldMarkdown, kindMarkdown, referenceLink } from './apiMarkdown';
import { escapeMarkdown, markdownCode } from '../text/escape';
import { commandLink, markdownLink, safeLinkTarget } from './commandLinks';
import { noteMarkdown } from './noteMarkdown';
import { contextConcepts, fieldConcepts, kindPathOf } from './conceptLookup';
import { truncateAtWord } from '../text/lines';

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
  /** The API's description of the hovered field (YAML hovers on a field or value). */
  field?: FieldDoc;
  /** The API's description of the hovered kind (YAML hovers on `kind:`). */
  kind?: KindDoc;
}

export interface YamlHoverOptions {
  /** The file's name or path: a `kustomization.yaml` without apiVersion/kind is still a Kustomization. */
  fileName?: string;
}

/** Concepts shown at most in one hover (the first bindings that match win). */
const MAX_CONCEPTS = 3;

/**
 * Hover for a YAML file at an offset. Two answers: what the hovered kind, field or value is (the Kubernetes API's
 * description, type and path, or ours for the custom resources we document), and the concept notes bound to it (by
 * kind, kind path, API type path or value), with links to the note, its cards and the kind's reference page.
 */
export function yamlHover(file: ParsedYamlFile, offset: number, kb: KnowledgeBase, options: YamlHoverOptions = {}): HoverResult | undefined {
  const object = objectAtOffset([...manifestObjects(file, options.fileName), ...templateObjects(file)], offset);
  if (!object?.kind) return undefined;
  const hit = nodeAtOffset(object.root, offset);
  if (!hit?.entry) return undefined;
  const kindPath = kindPathOf(object.kind, hit.path);
  const apiVersion = object.apiVersion ?? '';

  if (hit.path.length === 1 && hit.path[0] === 'kind') {
    const kind = describeKind(apiVersion, object.kind!);
    const concepts = kb.notesForKind(object.kind, object.apiVersion).slice(0, MAX_CONCEPTS).map((n) => conceptInfo(n, kb));
    if (!kind && concepts.length === 0) return undefined;
    const subject = `kind: ${object.kind}`;
    const span = { start: hit.entry.keySpan.start, end: hit.entry.value.span.end };
    const markdown = joinSections(kind && kindMarkdown(kind), concepts.length ? renderHover(subject, concepts) : undefined, kind && referenceLink(kind));
    return { span, subject, path: kindPath, concepts, markdown, ...(kind ? { kind } : {}) };
  }

  const field = describeField(apiVersion, object.kind!, hit.path);
  const name = hit.path.filter((p): p is string => typeof p === 'string').at(-1) ?? hit.entry.key;
  const scalar = hit.node.kind === 'scalar' && hit.node.value !== null ? String((hit.node as ScalarNode).value) : undefined;
  const hovered = hit.on === 'value' ? scalar : undefined;
  const own = fieldConcepts(kb, kindPath, field?.typePath, name, { hovered, written: hit.on === 'key' ? scalar : undefined });
  if (!field && own.notes.length === 0) return undefined;
  const concepts = own.notes.slice(0, MAX_CONCEPTS).map((n) => conceptInfo(n, kb));
  const context = concepts.length ? undefined : contextConcepts(kb, apiVersion, object.kind, hit.path);
  const subject = hovered !== undefined ? `${name}: ${hovered}` : field?.path ?? kindPath;
  const span = hit.on === 'key' ? hit.entry.keySpan : hit.node.span;
  const markdown = joinSections(
    field && fieldMarkdown(field, { value: hovered, listItem: typeof hit.path.at(-1) === 'number' }),
    concepts.length ? renderHover(own.subject, concepts) : context && renderContext(context.via, context.notes.slice(0, 2).map((n) => conceptInfo(n, kb))),
    field && referenceLink(field),
  );
  return { span, subject, path: field?.path ?? kindPath, concepts, markdown, ...(field ? { field } : {}) };
}

/** The enclosing concept of a field without its own: one line per note, with its links. */
function renderContext(via: string, concepts: ConceptInfo[]): string {
  return concepts.map((c) => `Part of **${escapeMarkdown(c.title)}** (${markdownCode(via)}): ${noteMarkdown(c.summary)} ${conceptLinks(c).join(' · ')}`).join('\n\n');
}

export function joinSections(...sections: (string | undefined)[]): string {
  return sections.filter((s): s is string => !!s).join('\n\n---\n\n');
}

export function conceptInfo(note: Note, kb: KnowledgeBase): ConceptInfo {
  return { noteId: note.id, title: note.title, summary: note.summary, whyItMatters: note.whyItMatters, docs: note.docs, cardCount: kb.cardsOf(note.id).length };
}

/**
 * The concept half of a hover. Note text (a user's note as much as ours) is escaped where it is text (the title)
 * and kept to safe Markdown where it is Markdown (summary, why it matters): see noteMarkdown.
 */
export function renderHover(subject: string, concepts: ConceptInfo[]): string {
  return concepts.map((c) => {
    const parts = [`**${escapeMarkdown(c.title)}** — concept for ${markdownCode(subject)}`, '', noteMarkdown(c.summary)];
    if (c.whyItMatters) parts.push('', '**Why it matters**', '', noteMarkdown(firstBlock(c.whyItMatters)));
    const links = conceptLinks(c);
    // `docs:` is the one field of a note meant to hold a link: shown only when it is an https: URL.
    const docs = safeLinkTarget(c.docs);
    if (docs) links.push(markdownLink('Docs ↗', docs));
    parts.push('', links.join(' · '));
    return parts.join('\n');
  }).join('\n\n');
}

/** Open the note, and review its cards when it has some: our two commands, the only ones a hover runs. */
function conceptLinks(c: ConceptInfo): string[] {
  const links = [markdownLink('Open note', commandLink('cnc.openNote', [c.noteId]), `Open the ${c.title} note`)];
  if (c.cardCount > 0) links.push(markdownLink(`Review ${c.cardCount} card${c.cardCount === 1 ? '' : 's'}`, commandLink('cnc.reviewCards', [{ noteId: c.noteId }])));
  return links;
}

/** The first paragraph or bullet list, capped, so hovers stay short. */
function firstBlock(text: string, max = 700): string {
  const block = text.split(/\n\s*\n/)[0] ?? text;
  return truncateAtWord(block, max);
}

