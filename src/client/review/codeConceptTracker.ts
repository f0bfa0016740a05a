import * as vscode from 'vscode';
import { codeConceptsOf, type CodeConcepts, type FileDiagnostics } from '../../core/review/codeConcepts';
import { messageOf } from '../../core/util/errors';
import type { CardSource } from './cardSource';

const NONE: CodeConcepts = new Map();
const RECOUNT_AFTER_MS = 1000;

/**
 * "From your code": the concepts behind our diagnostics in the user's files, and where, kept up to date as the
 * language server publishes diagnostics. Worked out here from what VS Code already holds; nothing is sent anywhere.
 * The `cnc.review.fromYourCode` setting turns it off.
 */
export class CodeConceptTracker implements vscode.Disposable {
  private current: CodeConcepts = NONE;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly cards: CardSource, private readonly output: vscode.LogOutputChannel) {
    this.subscriptions = [
      vscode.languages.onDidChangeDiagnostics(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('cnc.review.fromYourCode')) this.schedule(); }),
    ];
    this.schedule();
  }

  /** Concept id → where it was met; empty when the setting is off. */
  get concepts(): CodeConcepts { return this.current; }

  /** Diagnostics come in bursts (a file is analysed, then its neighbours): one recount after they settle. */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.recount().catch((error: unknown) => this.output.warn(`Could not find the concepts met in your files: ${messageOf(error)}`)); }, RECOUNT_AFTER_MS);
  }

  private async recount(): Promise<void> {
    const enabled = vscode.workspace.getConfiguration('cnc.review').get<boolean>('fromYourCode', true);
    const next = enabled ? codeConceptsOf(ourDiagnostics(), notesOf(await this.cards.all())) : NONE;
    if (sameConcepts(next, this.current)) return;
    this.current = next;
    this.changed.fire();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

function ourDiagnostics(): FileDiagnostics[] {
  return vscode.languages.getDiagnostics().flatMap(([uri, diagnostics]) => {
    const ours = diagnostics.filter((d) => d.source === 'cnc');
    if (!ours.length || (uri.scheme !== 'file' && uri.scheme !== 'untitled')) return [];
    return [{
      uri: uri.toString(),
      file: vscode.workspace.asRelativePath(uri),
      diagnostics: ours.map((d) => ({
        source: 'cnc',
        line: d.range.start.line + 1,
        ...(d.code !== undefined ? { code: typeof d.code === 'object' ? { value: d.code.value } : d.code } : {}),
        relatedInformation: (d.relatedInformation ?? []).map((r) => ({ location: { uri: { path: r.location.uri.path } }, message: r.message })),
      })),
    }];
  });
}

function notesOf(cards: readonly { noteId: string; noteTitle: string }[]): { id: string; title: string }[] {
  const notes = new Map<string, string>();
  for (const c of cards) notes.set(c.noteId, c.noteTitle);
  return [...notes].map(([id, title]) => ({ id, title }));
}

const sameConcepts = (a: CodeConcepts, b: CodeConcepts) => JSON.stringify([...a]) === JSON.stringify([...b]);

/** `cnc.openCodePlace` `{ uri, line }`: opens a file of the user's at a line (the link on a "From your code" card). */
export async function openCodePlace(arg: unknown): Promise<void> {
  const { uri, line } = (arg ?? {}) as { uri?: unknown; line?: unknown };
  if (typeof uri !== 'string' || typeof line !== 'number' || !Number.isInteger(line) || line < 1) throw new Error('cnc.openCodePlace needs { uri, line } with a line number from 1');
  const target = vscode.Uri.parse(uri, true);
  if (target.scheme !== 'file' && target.scheme !== 'untitled') throw new Error(`cnc.openCodePlace opens files only, not ${target.scheme}: URIs`);
  const editor = await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
  const position = new vscode.Position(Math.min(line - 1, Math.max(0, editor.document.lineCount - 1)), 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
