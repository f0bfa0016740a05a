import type { FieldDoc, KindDoc } from '../schema/describeField';
import { truncateAtWord } from '../text/lines';

/** Longest API description a hover shows before cutting it at a word. */
const MAX_DESCRIPTION = 900;

/** The "what it is" half of a field hover: name, type, path, the API's description, valid values. */
export function fieldMarkdown(doc: FieldDoc, hovered: { value?: string; listItem?: boolean } = {}): string {
  const owner = doc.source === 'custom' ? `${doc.typeName} (custom resource)` : doc.typeName;
  const lines = [`**\`${doc.field}\`** · \`${doc.type}\` · field of \`${owner}\``, '', `\`${doc.path}${doc.entryKey !== undefined ? `["${doc.entryKey}"]` : ''}\``];
  if (doc.entryKey !== undefined) lines.push('', `\`${escapeCode(doc.entryKey)}\` is your own key in this map.`);
  if (hovered.listItem) lines.push('', `One item of \`${doc.field}\`.`);
  lines.push('', escapeMarkdown(shorten(doc.description)) || '_The API gives no description for this field._');
  const facts: string[] = [];
  if (doc.required) facts.push('Required.');
  if (doc.readOnly) facts.push('Set by the system; not something you write.');
  if (doc.enum?.length) facts.push(`Valid values: ${doc.enum.map((v) => (v === '' ? '`""`' : `\`${escapeCode(v)}\``)).join(', ')}.`);
  if (hovered.value !== undefined && doc.enum?.length && !doc.enum.includes(hovered.value)) facts.push(`\`${escapeCode(hovered.value)}\` is not one of them.`);
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

export function referenceLink(doc: { kind: string; source: 'kubernetes' | 'custom'; docsUrl: string }): string {
  return `[${doc.kind} ${doc.source === 'custom' ? 'docs' : 'API reference'} ↗](${doc.docsUrl})`;
}

function shorten(text: string): string {
  return truncateAtWord(text.trim(), MAX_DESCRIPTION);
}

/**
 * API descriptions are plain text: `<quantity>`, `*` and `_` must not turn into HTML or emphasis. URLs are left
 * as they are so the editor still makes them links.
 */
export function escapeMarkdown(text: string): string {
  return text.split(/(https?:\/\/[^\s)"']+)/).map((part, i) => (i % 2 === 1 ? part : part.replace(/([\\`*_[\]<>#|~])/g, '\\$1'))).join('');
}

function escapeCode(text: string): string {
  return text.replace(/`/g, "'");
}
