import type { CncConfig } from '../config/config';
import { matchesAny } from '../config/glob';
import type { K8sObject } from '../model/k8sObject';
import type { ScalarNode, Span } from '../model/tree';
import { annotationMaps } from '../rules/support/podTemplate';
import type { TextEdit } from '../model/edit';
import type { Finding, ParsedFile, Rule } from '../rules/rule';
import type { ParsedTerraformFile } from '../terraform/parseTerraform';
import type { ParsedYamlFile } from '../yaml/parseYaml';
import type { LineIndex } from '../text/lineIndex';
import { eolOf } from '../text/lines';

/** The annotation that suppresses rules for one object: `cnc.dev/ignore: "rule-a,rule-b -- reason"`. */
export const IGNORE_ANNOTATION = 'cnc.dev/ignore';

/** A suppression found in the text or the objects, before it is matched against findings. */
export interface Suppression {
  rules: string[];
  reason?: string;
  /** Where it is written (the comment, or the annotation value). */
  span: Span;
  /** Which findings it covers. */
  covers: (finding: Finding) => boolean;
  /** The object it belongs to, when there is one (for reporting on the suppression itself). */
  object?: K8sObject;
  /** Written in another tool's convention (whose annotations carry no reasons). */
  foreign?: boolean;
}

const DIRECTIVE = /(?:^|\s)(?:#|\/\/)\s*cnc-disable(-next-line)?(?=\s|$)(.*)$/;

/** Splits `rule-a, rule-b -- reason` into ids and reason. */
export function parseRuleList(text: string): { rules: string[]; reason?: string } {
  const dash = text.search(/(^|\s)--(\s|$)/);
  const list = dash >= 0 ? text.slice(0, dash) : text;
  const reason = dash >= 0 ? text.slice(dash).replace(/^\s*--/, '').trim() : '';
  return { rules: list.split(/[\s,]+/).filter(Boolean), reason: reason || undefined };
}

/**
 * Comment suppressions, in any language whose comments start with `#` (YAML, HCL) or `//` (HCL):
 * `# cnc-disable-next-line RULE[,RULE] -- reason` covers findings that start on the next line that holds code;
 * `# cnc-disable RULE[,RULE] -- reason` covers the whole document (YAML) or top-level block (HCL) it is written in,
 * or the one right below it.
 */
export function commentSuppressions(file: ParsedFile): Suppression[] {
  const { text, lines } = file;
  if (!text.includes('cnc-disable')) return [];
  const units = unitsOf(file);
  const result: Suppression[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    if (!content.includes('cnc-disable')) continue;
    const match = DIRECTIVE.exec(content);
    if (!match) continue;
    const lineStart = lines.offsetAt({ line, character: 0 });
    const commentStart = lineStart + match.index + (match[0].length - match[0].trimStart().length);
    const span = { start: commentStart, end: lineStart + content.length };
    const { rules, reason } = parseRuleList(match[2] ?? '');
    const ruleMatches = (f: Finding) => rules.includes(f.ruleId);
    const object = around(file.objects.map((o) => ({ item: o, span: o.span })), commentStart);
    if (match[1]) {
      const target = nextCodeLine(lines, line);
      result.push({ rules, reason, span, object, covers: (f) => ruleMatches(f) && lines.positionAt(f.span.start).line === target });
    } else {
      const index = around(units.map((u) => ({ item: u.index, span: u.span })), commentStart);
      result.push({ rules, reason, span, object, covers: (f) => ruleMatches(f) && index !== undefined && f.object.documentIndex === index });
    }
  }
  return result;
}

/**
 * The documents (YAML) or top-level blocks (Terraform) of a file: what a per-document suppression covers. Findings
 * carry the same index as `object.documentIndex`.
 */
function unitsOf(file: ParsedFile): { index: number; span: Span }[] {
  const documents = (file as Partial<ParsedYamlFile>).documents;
  if (documents) return documents.map((d) => ({ index: d.index, span: d.span }));
  const blocks = (file as Partial<ParsedTerraformFile>).blocks;
  if (blocks) return blocks.map((b) => ({ index: b.index, span: b.syntax.span }));
  return file.objects.map((o) => ({ index: o.documentIndex, span: o.span }));
}

/** The item whose text holds `offset`, else the first one after it. */
function around<T>(items: { item: T; span: Span }[], offset: number): T | undefined {
  const inside = items.find((i) => i.span.start <= offset && offset < i.span.end);
  if (inside) return inside.item;
  let next: { item: T; span: Span } | undefined;
  for (const i of items) if (i.span.start >= offset && (!next || i.span.start < next.span.start)) next = i;
  return next?.item;
}

function nextCodeLine(lines: LineIndex, line: number): number {
  for (let next = line + 1; next < lines.lineCount; next++) {
    const text = lines.lineText(next).trim();
    if (text !== '' && !text.startsWith('#') && !text.startsWith('//')) return next;
  }
  return -1;
}

/**
 * Annotation suppressions on an object or its Pod template: ours (`cnc.dev/ignore`), and the peers' conventions so
 * existing exceptions keep working: `kube-score/ignore`, `ignore-check.kube-linter.io/<check>`,
 * `polaris.fairwinds.com/<check>-exempt` (and `/exempt`), `checkov.io/skip<n>: CKV_…`.
 */
export function annotationSuppressions(object: K8sObject, rules: readonly Rule[]): Suppression[] {
  const result: Suppression[] = [];
  const mine = (f: Finding) => f.object.address === object.address && f.object.documentIndex === object.documentIndex;
  const byPeer = (peer: 'kubeScore' | 'kubeLinter' | 'polaris' | 'checkov', ids: string[]) =>
    rules.filter((r) => r.equivalents[peer]?.some((id) => ids.includes(id))).map((r) => r.id);
  for (const map of annotationMaps(object)) {
    if (map.kind !== 'map') continue;
    for (const entry of map.entries) {
      if (entry.value.kind !== 'scalar' || entry.value.value === null) continue;
      const value = String(entry.value.value);
      const node = entry.value as ScalarNode;
      const add = (ids: string[], reason: string | undefined, foreign: boolean) =>
        result.push({ rules: ids, reason, span: node.span, object, foreign, covers: (f) => mine(f) && (ids.includes('*') || ids.includes(f.ruleId)) });
      if (entry.key === IGNORE_ANNOTATION) {
        const { rules: ids, reason } = parseRuleList(value);
        add(ids, reason, false);
      } else if (entry.key === 'kube-score/ignore') {
        add(byPeer('kubeScore', value.split(',').map((s) => s.trim())), undefined, true);
      } else if (entry.key.startsWith('ignore-check.kube-linter.io/')) {
        add(byPeer('kubeLinter', [entry.key.slice('ignore-check.kube-linter.io/'.length)]), value || undefined, true);
      } else if (entry.key === 'polaris.fairwinds.com/exempt' && value === 'true') {
        add(['*'], undefined, true);
      } else if (entry.key.startsWith('polaris.fairwinds.com/') && entry.key.endsWith('-exempt') && value === 'true') {
        add(byPeer('polaris', [entry.key.slice('polaris.fairwinds.com/'.length, -'-exempt'.length)]), undefined, true);
      } else if (entry.key.startsWith('checkov.io/skip')) {
        const [id, ...reason] = value.split('=');
        add(byPeer('checkov', [id!.trim()]), reason.join('=').trim() || undefined, true);
      }
    }
  }
  return result;
}

/** `ignore` entries of the config that apply to this file (`path` relative to the config's folder). */
export function configSuppressions(config: CncConfig, path: string | undefined): ((f: Finding) => boolean)[] {
  return config.ignore
    .filter((entry) => !entry.files || (path !== undefined && matchesAny(entry.files, path)))
    .map((entry) => (f: Finding) =>
      (entry.rules.includes('*') || entry.rules.includes(f.ruleId)) && (!entry.objects || matchesAny(entry.objects, f.object.address)));
}

/** An edit that adds `# cnc-disable-next-line <rule> -- <reason>` above the finding's line, at that line's indentation. */
export function suppressionEdit(finding: Finding, text: string, lines: LineIndex, reason = 'TODO: say why this is acceptable'): TextEdit {
  const line = lines.positionAt(finding.span.start).line;
  const lineText = lines.lineText(line);
  const indent = /^\s*/.exec(lineText)![0];
  const eol = eolOf(text);
  const start = lines.offsetAt({ line, character: 0 });
  return { span: { start, end: start }, newText: `${indent}# cnc-disable-next-line ${finding.ruleId} -- ${reason}${eol}` };
}

