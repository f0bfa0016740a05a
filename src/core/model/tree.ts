/**
 * A language-neutral view of a Kubernetes object's content, with source offsets, so rules and hovers work the same
 * on YAML documents and on Terraform `kubernetes_*` resources. Offsets index the source text of the file.
 */
export type ValueNode = MapNode | ListNode | ScalarNode | UnknownNode;

export interface Span { start: number; end: number }

export interface MapEntry {
  key: string;
  keySpan: Span;
  value: ValueNode;
}

export interface MapNode {
  kind: 'map';
  span: Span;
  entries: MapEntry[];
  /** Opaque handle the language adapter uses to edit this node (a yaml.YAMLMap, an HCL block). */
  handle?: unknown;
}

export interface ListNode {
  kind: 'list';
  span: Span;
  items: ValueNode[];
  handle?: unknown;
}

export interface ScalarNode {
  kind: 'scalar';
  span: Span;
  value: string | number | boolean | null;
  handle?: unknown;
}

/** A value that cannot be known statically (a Terraform variable or expression, a YAML alias we do not follow). */
export interface UnknownNode {
  kind: 'unknown';
  span: Span;
  reason: string;
}

export function entry(node: ValueNode | undefined, key: string): MapEntry | undefined {
  return node?.kind === 'map' ? node.entries.find((e) => e.key === key) : undefined;
}

export function child(node: ValueNode | undefined, key: string): ValueNode | undefined {
  return entry(node, key)?.value;
}

/** Follows a path of map keys; undefined as soon as a step is missing or not a map. */
export function at(node: ValueNode | undefined, ...path: string[]): ValueNode | undefined {
  let current = node;
  for (const key of path) current = child(current, key);
  return current;
}

export function scalarString(node: ValueNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

export function listItems(node: ValueNode | undefined): ValueNode[] {
  return node?.kind === 'list' ? node.items : [];
}

/**
 * A copy of a tree without the parser's nodes (`handle`, for edits): what is kept of objects no fix will edit (a
 * neighbour file's), so that they hold the tree only, not the parser's whole syntax tree behind it.
 */
export function withoutHandles<T extends ValueNode>(node: T): T {
  const copy: ValueNode & { handle?: unknown } = { ...node };
  delete copy.handle;
  if (copy.kind === 'map') copy.entries = copy.entries.map((e) => ({ ...e, value: withoutHandles(e.value) }));
  else if (copy.kind === 'list') copy.items = copy.items.map(withoutHandles);
  return copy as T;
}
