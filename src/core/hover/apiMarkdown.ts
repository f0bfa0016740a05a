import { escapeMarkdown, markdownCode } from '../text/escape';
import { markdownLink } from './commandLinks';
import type { FieldDoc, KindDoc } from '../schema/describeField';
import { fieldMaturityText } from '../schema/fieldHistory';
import { truncateAtWord } from '../text/lines';

/** Longest API description a hover shows before cutting it at a word. */
const MAX_DESCRIPTION = 900;

/** The "what it is" half of a field hover: name, type, path, the API's description, valid values. */
export function fieldMarkdown(doc: FieldDoc, hovered: { value?: string; listItem?: boolean } = {}): string {
  const owner = doc.source === 'custom' ? `${doc.typeName} (custom resource)` : doc.typeName;
  const lines = [`**\`${doc.field}\`** · \`${doc.type}\` · field of \`${owner}\``, '', markdownCode(`${doc.path}${doc.entryKey !== undefined ? `["${doc.entryKey}"]` : ''}`)];
  if (doc.entryKey !== undefined) lines.push('', `${markdownCode(doc.entryKey)} is your own key in this map.`);
  if (hovered.listItem) lines.push('', `One item of \`${doc.field}\`.`);
  lines.push('', escapeMarkdown(shorten(doc.description)) || '_The API gives no description for this field._');
  const facts: string[] = [];
  if (doc.required) facts.push('Required.');
  if (doc.readOnly) facts.push('Set by the system; not something you write.');
  if (doc.enum?.length) facts.push(`Valid values: ${doc.enum.map((v) => (v === '' ? '`""`' : markdownCode(v))).join(', ')}.`);
  if (hovered.value !== undefined && doc.enum?.length && !doc.enum.includes(hovered.value)) facts.push(`${markdownCode(hovered.value)} is not one of them.`);
  const maturity = doc.source === 'kubernetes' ? fieldMaturityText(doc.typeId, doc.field) : undefined;
  if (maturity) facts.push(maturity);
  if (!doc.exactVersion) facts.push(`Described from the served version of ${doc.kind}: \`${doc.apiVersion}\` is not served by this Kubernetes release.`);
  if (facts.length) lines.push('', facts.join(' '));
  return lines.join('\n');
}

/** The "what it is" half of a `kind:` hover. */
export function kindMarkdown(doc: KindDoc): string {
  const origin = doc.source === 'custom' ? 'custom resource' : `Kubernetes ${doc.describedVersion === doc.apiVersion ? '' : `${doc.describedVersion} `}API`;
  const lines = [`**${doc.kind}** · \`${doc.apiVersion}\` · ${origin}`, '', escapeMarkdown(shorten(doc.description)) || '_The API gives no description for this kind._'];
  if (!doc.exactVersion && doc.source === 'kubernetes') lines.push('', `\`${doc.apiVersion}\` is not served by this Kubernetes release; \`${doc.describedVersion}\` is.`);
  return lines.join('\n');
}

export function referenceLink(doc: { kind: string; source: 'kubernetes' | 'custom'; docsUrl: string }): string | undefined {
  // A workspace CRD has no reference page: its descriptions are all there is.
  if (!doc.docsUrl) return undefined;
  return markdownLink(`${doc.kind} ${doc.source === 'custom' ? 'docs' : 'API reference'} ↗`, doc.docsUrl);
}

function shorten(text: string): string {
  return truncateAtWord(text.trim(), MAX_DESCRIPTION);
}
