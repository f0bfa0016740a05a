import type { MapEntry, Span, ValueNode } from './tree';

/** What sits under an offset: the chain of keys from the object root, and whether the offset is on a key or a value. */
export interface NodeAtOffset {
  path: (string | number)[];
  /** The innermost map entry whose key or value holds the offset. */
  entry?: MapEntry;
  on: 'key' | 'value';
  node: ValueNode;
}

const inside = (span: Span, offset: number) => offset >= span.start && offset <= span.end;

export function nodeAtOffset(root: ValueNode, offset: number): NodeAtOffset | undefined {
  if (!inside(root.span, offset)) return undefined;
  let result: NodeAtOffset | undefined;
  let node: ValueNode = root;
  const path: (string | number)[] = [];
  for (let guard = 0; guard < 500; guard++) {
    if (node.kind === 'map') {
      const hit = node.entries.find((e) => inside(e.keySpan, offset) || inside(e.value.span, offset));
      if (!hit) return result;
      path.push(hit.key);
      if (inside(hit.keySpan, offset) && !(hit.value.span.start <= offset && hit.value.span.end > hit.keySpan.end && offset > hit.keySpan.end)) {
        return { path: [...path], entry: hit, on: 'key', node: hit.value };
      }
      result = { path: [...path], entry: hit, on: 'value', node: hit.value };
      node = hit.value;
    } else if (node.kind === 'list') {
      const index = node.items.findIndex((item) => inside(item.span, offset));
      if (index < 0) return result;
      path.push(index);
      node = node.items[index]!;
      if (result) result = { ...result, path: [...path], node };
    } else {
      return result;
    }
  }
  return result;
}
