import type { GraphEdge, GraphNode, ReferenceGraph } from './graphIndex';

/** `cnc graph` output formats. JSON escapes by itself; Mermaid and DOT labels are escaped for their own syntax. */
export const GRAPH_FORMATS = ['json', 'mermaid', 'dot'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export function renderGraph(graph: ReferenceGraph, format: GraphFormat): string {
  if (format === 'json') return JSON.stringify({ nodes: graph.nodes, edges: graph.edges }, null, 2);
  return format === 'mermaid' ? mermaid(graph) : dot(graph);
}

const label = (node: GraphNode) => `${node.kind}/${node.name}${node.namespace ? ` (${node.namespace})` : ''}`;

/** Short ids for the node ids (file paths hold characters neither syntax takes in an id). */
function shortIds(nodes: GraphNode[]): Map<string, string> {
  return new Map(nodes.map((n, i) => [n.id, `n${i}`]));
}

/**
 * Mermaid labels are double-quoted strings in which `"` cannot be written and `#…;` is an entity: every character
 * outside a safe set is written as an entity `#code;`, so no text from a manifest can end the string or add a link.
 */
export function mermaidText(text: string): string {
  return [...text].map((ch) => (/[\w ./():@-]/.test(ch) ? ch : `#${ch.codePointAt(0)!};`)).join('');
}

function mermaid(graph: ReferenceGraph): string {
  const ids = shortIds(graph.nodes);
  const lines = ['flowchart LR'];
  for (const node of graph.nodes) lines.push(`  ${ids.get(node.id)!}["${mermaidText(label(node))}"]`);
  for (const edge of graph.edges) lines.push(`  ${ids.get(edge.from)!} -->|"${mermaidText(edgeLabel(edge))}"| ${ids.get(edge.to)!}`);
  return lines.join('\n');
}

const edgeLabel = (edge: GraphEdge) => `${edge.kind}: ${edge.detail}`;

/** A DOT double-quoted string: `"` and `\` escaped, line breaks written as `\n` (DOT's own line break in labels). */
export function dotString(text: string): string {
  const escaped = text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
  // Other control characters have no meaning in a label: shown as spaces.
  return `"${[...escaped].map((ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' ? ' ' : ch)).join('')}"`;
}

function dot(graph: ReferenceGraph): string {
  const ids = shortIds(graph.nodes);
  const lines = ['digraph references {', '  rankdir=LR;', '  node [shape=box];'];
  for (const node of graph.nodes) lines.push(`  ${ids.get(node.id)!} [label=${dotString(label(node))}, tooltip=${dotString(`${node.file}:${node.line}`)}];`);
  for (const edge of graph.edges) lines.push(`  ${ids.get(edge.from)!} -> ${ids.get(edge.to)!} [label=${dotString(edgeLabel(edge))}];`);
  lines.push('}');
  return lines.join('\n');
}
