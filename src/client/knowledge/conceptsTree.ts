import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { noteMarkdown } from '../../core/hover/noteMarkdown';
import { escapeMarkdown, markdownCode } from '../../core/text/escape';
import { CONCEPTS_REQUEST, type ConceptSummary } from '../../server/protocol';
import { COMMANDS } from '../../core/commands';

type Node = { kind: 'tag'; tag: string; concepts: ConceptSummary[] } | { kind: 'concept'; concept: ConceptSummary };

/** Due-card counts per note, once a review history exists (provided by the review feature). */
export type DueCounts = () => Map<string, number> | undefined;

/** The Concepts view: notes grouped by tag (a note shows under each of its tags), with card and due counts. */
export class ConceptsTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private concepts: Promise<ConceptSummary[]> | undefined;

  /** `fromCodeCounts`: today's cards of concepts met in the user's files ("From your code"), per note. */
  constructor(private readonly client: LanguageClient, private readonly dueCounts: DueCounts = () => undefined, private readonly fromCodeCounts: DueCounts = () => undefined) {}

  /** The notes changed: fetch them again. */
  refresh(): void {
    this.concepts = undefined;
    this.changed.fire();
  }

  /** Only the due counts changed (a review was graded): redraw from the notes already fetched. */
  refreshCounts(): void { this.changed.fire(); }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'concept') return [];
    if (node?.kind === 'tag') return node.concepts.sort((a, b) => a.title.localeCompare(b.title)).map((concept) => ({ kind: 'concept', concept }));
    this.concepts ??= this.client.sendRequest(CONCEPTS_REQUEST);
    const byTag = new Map<string, ConceptSummary[]>();
    for (const concept of await this.concepts) {
      for (const tag of concept.tags.length ? concept.tags : ['untagged']) byTag.set(tag, [...(byTag.get(tag) ?? []), concept]);
    }
    return [...byTag].sort(([a], [b]) => a.localeCompare(b)).map(([tag, concepts]) => ({ kind: 'tag', tag, concepts }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const due = this.dueCounts();
    const fromCode = this.fromCodeCounts();
    if (node.kind === 'tag') {
      const item = new vscode.TreeItem(node.tag, vscode.TreeItemCollapsibleState.Collapsed);
      const dueInTag = due ? node.concepts.reduce((n, c) => n + (due.get(c.id) ?? 0), 0) : 0;
      item.description = `${node.concepts.length} notes${dueInTag ? ` · ${dueInTag} due` : ''}`;
      item.iconPath = new vscode.ThemeIcon('tag');
      item.id = `tag:${node.tag}`;
      return item;
    }
    const c = node.concept;
    const item = new vscode.TreeItem(c.title, vscode.TreeItemCollapsibleState.None);
    const dueHere = due?.get(c.id) ?? 0;
    const fromCodeHere = fromCode?.get(c.id) ?? 0;
    item.description = `${c.cardCount} cards${dueHere ? ` · ${dueHere} due` : ''}${fromCodeHere ? ` · ${fromCodeHere} from your code` : ''}${c.origin === 'bundled' ? '' : ' · yours'}`;
    item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(c.title)}** (${markdownCode(c.id)})\n\n${noteMarkdown(c.summary)}`);
    item.iconPath = new vscode.ThemeIcon(c.origin === 'bundled' ? 'book' : 'note');
    item.contextValue = c.cardCount > 0 ? 'concept.withCards' : 'concept';
    item.command = { command: COMMANDS.openNote, title: 'Open Note', arguments: [c.id] };
    return item;
  }
}
