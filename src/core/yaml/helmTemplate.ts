import { isScalar, visit, type Document } from 'yaml';
import { lineStartAt } from '../text/lines';

/**
 * Whether a document (of `source`, the text it was parsed from) is an unrendered Helm (Go) template. `{{` in a block scalar or a quoted string is usually data —
 * Argo CD's notification templates, Prometheus alert texts — and the document is a manifest; `{{` anywhere else
 * (control lines like `{{- if .Values.x }}`, unquoted values, keys) only makes sense to the template engine, and so
 * does a quoted `"{{ .Values.image }}"` that names Helm's own objects. A document that does not parse and holds `{{`
 * at all is a template broken by its own syntax.
 */
export function isHelmTemplate(source: string, doc: Document.Parsed): boolean {
  const [start, , end] = doc.range;
  const first = source.indexOf('{{', start);
  if (first < 0 || first >= end) return false;
  if (doc.errors.length > 0) return true;
  const blocks: [number, number][] = [];
  const quoted: [number, number][] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || !node.range || node.type === 'PLAIN') return;
      (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? blocks : quoted).push([node.range[0], node.range[1]]);
    },
  });
  blocks.sort((a, b) => a[0] - b[0]);
  quoted.sort((a, b) => a[0] - b[0]);
  for (let at = first; at >= 0 && at < end; at = source.indexOf('{{', at + 2)) {
    if (insideAny(blocks, at) || inComment(source, at)) continue;
    if (!insideAny(quoted, at) || HELM_OBJECTS.test(source.slice(at, at + 200))) return true;
  }
  return false;
}

/** What only a Helm chart's templates refer to: its built-in objects and functions. */
const HELM_OBJECTS = /^\{\{-?\s*(?:\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|(?:include|template|tpl|toYaml|required|default)\s)/;

function insideAny(ranges: [number, number][], offset: number): boolean {
  let low = 0, high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [start, end] = ranges[mid]!;
    if (offset < start) high = mid - 1;
    else if (offset >= end) low = mid + 1;
    else return true;
  }
  return false;
}

/** A `#` comment before the offset on its line (a `#` inside quotes has been excluded with the quoted scalars). */
function inComment(source: string, offset: number): boolean {
  const before = source.slice(lineStartAt(source, offset), offset);
  return /(^|\s)#/.test(before);
}
