import type { Node } from 'web-tree-sitter';
import { lineStartAt } from '../text/lines';

/** The value of a quoted string with no interpolation: the text between the quotes, escapes decoded. */
export function decodeQuotedTemplate(node: Node, text: string): string {
  const children = node.children.filter((n): n is Node => n !== null);
  const open = children.find((n) => n.type === 'quoted_template_start');
  const close = [...children].reverse().find((n) => n.type === 'quoted_template_end' && !n.isMissing);
  const start = open ? open.endIndex : node.startIndex;
  const end = close ? close.startIndex : node.endIndex;
  return unescapeQuoted(text.slice(start, end));
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** HCL quoted-string escapes (`\n`, `\"`, `\uXXXX`, `\UXXXXXXXX`) and the template escapes `$${` and `%%{`. */
export function unescapeQuoted(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1]!;
      if (next in SIMPLE_ESCAPES) { out += SIMPLE_ESCAPES[next]; i++; continue; }
      const width = next === 'u' ? 4 : next === 'U' ? 8 : 0;
      const hex = width ? raw.slice(i + 2, i + 2 + width) : '';
      if (width && /^[0-9a-fA-F]+$/.test(hex) && hex.length === width) {
        const code = parseInt(hex, 16);
        if (code <= 0x10ffff) { out += String.fromCodePoint(code); i += 1 + width; continue; }
      }
      out += c;
      continue;
    }
    if ((c === '$' || c === '%') && raw[i + 1] === c && raw[i + 2] === '{') { out += `${c}{`; i += 2; continue; }
    out += c;
  }
  return out;
}

/**
 * The value of a heredoc with no interpolation: the lines between the opening and closing markers (with the final
 * newline, as Terraform keeps it); `<<-` removes the indentation the lines share. Undefined when unterminated.
 */
export function heredocValue(node: Node, text: string): string | undefined {
  const children = node.children.filter((n): n is Node => n !== null);
  const start = children.find((n) => n.type === 'heredoc_start');
  const markers = children.filter((n) => n.type === 'heredoc_identifier');
  if (!start || markers.length < 2) return undefined;
  const opening = markers[0]!;
  const closing = markers.at(-1)!;
  const contentStart = text.indexOf('\n', opening.endIndex);
  if (contentStart < 0 || contentStart >= closing.startIndex) return '';
  const closingLineStart = lineStartAt(text, closing.startIndex);
  let content = text.slice(contentStart + 1, Math.max(contentStart + 1, closingLineStart));
  if (start.text.startsWith('<<-')) content = stripSharedIndent(content);
  return content.replace(/([$%])\1\{/g, '$1{');
}

function stripSharedIndent(content: string): string {
  const lines = content.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const shared = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(shared, /^[ \t]*/.exec(l)![0].length))).join('\n');
}
