import type { PatchTarget } from '../model/kustomization';
import { nodeAtOffset } from '../model/nodeAt';
import { child, scalarString } from '../model/tree';
import { apiVersionOfKind } from '../schema/catalog';
import { describeField } from '../schema/describeField';
import type { ParsedYamlFile } from '../yaml/parseYaml';
import { fieldMarkdown, referenceLink } from './apiMarkdown';
import { joinSections, type HoverResult } from './hover';

/** A JSON pointer (`/spec/template/spec/containers/0/image`) as a field path; `-` (append) stands for an item. */
export function pointerPath(pointer: string): (string | number)[] | undefined {
  if (!pointer.startsWith('/')) return undefined;
  return pointer.slice(1).split('/').map((segment) => {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(\d+|-)$/.test(key) ? (key === '-' ? 0 : Number(key)) : key;
  });
}

/**
 * Hover in a JSON 6902 patch (a list of `op`/`path`/`value` operations): the patch has no kind of its own, so the
 * field comes from the kustomization's `target` and the operation's `path` (and, inside `value`, the keys below it).
 */
export function json6902Hover(file: ParsedYamlFile, offset: number, target: PatchTarget): HoverResult | undefined {
  const root = file.documents.find((d) => d.tree)?.tree;
  if (root?.kind !== 'list') return undefined;
  const operation = root.items.find((item) => offset >= item.span.start && offset <= item.span.end);
  const hit = operation && nodeAtOffset(operation, offset);
  const base = pointerPath(scalarString(child(operation, 'path')) ?? '');
  if (!hit?.entry || !base || (hit.path[0] !== 'path' && hit.path[0] !== 'value')) return undefined;
  const fieldPath = hit.path[0] === 'path' ? base : [...base, ...hit.path.slice(1)];
  // A target often names only the kind (`kind: Deployment`): take the version that serves it.
  const field = describeField(target.apiVersion ?? apiVersionOfKind(target.kind) ?? '', target.kind, fieldPath);
  if (!field) return undefined;
  const span = hit.on === 'key' ? hit.entry.keySpan : hit.node.span;
  const markdown = joinSections(fieldMarkdown(field, { listItem: typeof fieldPath.at(-1) === 'number' }), referenceLink(field));
  return { span, subject: field.path, path: field.path, concepts: [], markdown, field };
}
