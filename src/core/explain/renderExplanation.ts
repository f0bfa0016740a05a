import { commandLink, markdownLink } from '../hover/commandLinks';
import { escapeMarkdown, terminalLine } from '../text/escape';
import type { LineIndex } from '../text/lineIndex';
import type { ConceptLink, Gap, ManifestExplanation } from './explanation';

const RELATION_TEXT: Record<string, string> = {
  'routes-to': 'routes to', 'attaches-to': 'attaches to', selects: 'selects', mounts: 'mounts', 'reads-env-from': 'reads environment from', 'runs-as': 'runs as',
  'pulls-with': 'pulls images with', scales: 'scales', grants: 'grants', 'governed-by': 'is governed by', 'uses-tls-secret': 'serves TLS with',
};
const SEVERITY_MARK = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

/** Rule messages speak of "the container"; say which object they are about when they do not. */
const aboutObject = (g: Gap) => (g.message.includes(g.object) ? g.message : `${g.object}: ${g.message}`);

function counts(e: ManifestExplanation): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return [n(e.objects.length, 'object'), n(e.connections.length, 'connection'), n(e.gaps.length, 'thing') + ' to look at'].join(' · ');
}

/**
 * Markdown for the editor: concept links open the note (the only command an explanation may run). Everything taken
 * from the manifest or a note (names, images, messages, titles) is escaped: it shows as written and never acts.
 */
export function explanationMarkdown(e: ManifestExplanation, lines: LineIndex, title: string): string {
  const line = (offset: number) => lines.positionAt(offset).line + 1;
  const link = (c: ConceptLink | undefined) => (c ? ` · ${markdownLink(c.title, commandLink('cnc.openNote', [c.noteId]))}` : '');
  const md = escapeMarkdown;
  const out = [`# ${md(title)}`, '', counts(e)];
  if (e.objects.length) {
    out.push('', '## Objects', '');
    for (const o of e.objects) out.push(`- **${md(o.address)}** (${md(o.apiVersion ?? '?')}, line ${line(o.span.start)}) — ${md(o.summary)}${link(o.concept)}`);
  }
  if (e.connections.length) {
    out.push('', '## How they connect', '');
    for (const c of e.connections) {
      out.push(`- **${md(c.from)}** ${RELATION_TEXT[c.relation]} **${md(c.to)}**${c.resolved ? '' : ' _(not in this file)_'} — ${md(c.detail)} (line ${line(c.span.start)})${link(c.concept)}`);
    }
  }
  if (e.gaps.length) {
    out.push('', '## What is missing or wrong', '');
    for (const g of e.gaps) out.push(`- ${SEVERITY_MARK[g.severity]} ${md(aboutObject(g))} (line ${line(g.span.start)})${link(g.concept)}`);
  }
  if (e.skipped.length) {
    out.push('', '## Left alone', '');
    for (const s of e.skipped) out.push(`- Document ${s.documentIndex + 1} (line ${line(s.span.start)}): ${md(s.reason)}.`);
  }
  return out.join('\n');
}

/** Plain text for the terminal (`cnc explain FILE`); each line escaped, so nothing from the file reaches the terminal raw. */
export function explanationText(e: ManifestExplanation, lines: LineIndex, title: string): string {
  const line = (offset: number) => lines.positionAt(offset).line + 1;
  const concept = (c: ConceptLink | undefined) => (c ? `  [concept: ${c.noteId}]` : '');
  const out = [`${title}: ${counts(e)}`];
  if (e.objects.length) {
    out.push('', 'Objects');
    for (const o of e.objects) out.push(`  ${o.address} (${o.apiVersion ?? '?'}, line ${line(o.span.start)})${concept(o.concept)}`, `      ${o.summary}`);
  }
  if (e.connections.length) {
    out.push('', 'How they connect');
    for (const c of e.connections) {
      out.push(`  ${c.from} ${RELATION_TEXT[c.relation]} ${c.to}${c.resolved ? '' : ' (not in this file)'} (line ${line(c.span.start)})${concept(c.concept)}`, `      ${c.detail}`);
    }
  }
  if (e.gaps.length) {
    out.push('', 'What is missing or wrong');
    for (const g of e.gaps) out.push(`  ${g.severity.padEnd(7)} line ${line(g.span.start)}: ${aboutObject(g)}${concept(g.concept)}`);
  }
  if (e.skipped.length) {
    out.push('', 'Left alone');
    for (const s of e.skipped) out.push(`  document ${s.documentIndex + 1} (line ${line(s.span.start)}): ${s.reason}`);
  }
  return out.map(terminalLine).join('\n');
}
